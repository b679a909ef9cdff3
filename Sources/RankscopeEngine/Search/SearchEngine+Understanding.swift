import Foundation

extension SearchEngine {
  /// `typed` as query understanding rewrites it: the terms of the searched text (a corrected word's term names
  /// its spelling rewrite), then each applied synonym's terms not already in the query, with its weight and id.
  func understood(_ typed: ParsedQuery, _ interpretation: QueryInterpretation) -> ParsedQuery {
    var terms = interpretation.searchedText == typed.text ? typed.terms : parser.terms(interpretation.searchedText)
    for rewrite in interpretation.applied where rewrite.kind == .spelling {
      for corrected in parser.terms(rewrite.replacement) {
        guard let position = terms.firstIndex(where: { $0.fieldTerms == corrected.fieldTerms && $0.rewrite == nil }) else { continue }
        terms[position].rewrite = rewrite.id
        terms[position].origin = "corrected from \"\(rewrite.original)\", \(rewrite.source)"
      }
    }
    for rewrite in interpretation.applied where rewrite.kind == .synonym {
      for var term in parser.terms(rewrite.replacement) where !terms.contains(where: { $0.fieldTerms == term.fieldTerms }) {
        term.weight = rewrite.weight
        term.rewrite = rewrite.id
        term.origin = "synonym of \"\(rewrite.original)\", \(rewrite.source)"
        terms.append(term)
      }
    }
    return ParsedQuery(text: interpretation.searchedText, terms: terms, filters: typed.filters)
  }

  /// Fills each hit's `rewrites` (the applied rewrites it was found through) and adds a zero-valued line naming
  /// them to its explanation (the final score's sum is unchanged by it).
  func attachProvenance(to response: inout SearchResponse, interpretation: QueryInterpretation) throws {
    let applied = interpretation.applied
    guard !applied.isEmpty else { return }
    let scorer = BM25FScorer(reader: reader)
    // Per applied rewrite: the index terms whose presence in a document shows the rewrite found it.
    var evidence: [(rewrite: QueryRewrite, terms: [BM25FScorer.ResolvedTerm])] = []
    // The terms a correction or a synonym put in the query (a synonym's words already typed are not its evidence);
    // phrases name themselves on the hits they boosted (`rank`); the intent retrieves nothing.
    for rewrite in applied where rewrite.kind == .spelling || rewrite.kind == .synonym {
      evidence.append((rewrite, try scorer.resolve(response.parsedQuery.terms.filter { $0.rewrite == rewrite.id })))
    }
    for index in response.hits.indices {
      let hit = response.hits[index]
      let embedded = hit.sources.contains { $0.generator.hasPrefix("ann:") }
      var found: [QueryRewrite] = []
      for (rewrite, terms) in evidence {
        var holds = rewrite.kind == .spelling && embedded
        if !holds {
          holds = try terms.contains { term in
            try term.pointers.contains { pointer in
              guard let pointer else { return false }
              return try reader.termFrequency(pointer, document: hit.documentNumber) > 0
            }
          }
        }
        if holds { found.append(rewrite) }
      }
      let boosted = applied.filter { hit.rewrites.contains($0.id) }
      found += boosted
      response.hits[index].rewrites = found.map(\.id)
      guard !found.isEmpty, var explanation = hit.explanation, explanation.combination == .sum else { continue }
      let names = found.map { "\($0.kind.rawValue) \($0.shortLabel)" }.joined(separator: ", ")
      explanation.children.append(.leaf(0, "query understanding · found through \(names)"))
      response.hits[index].explanation = .sum(explanation.label, explanation.children)
    }
  }
}
