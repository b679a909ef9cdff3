import Foundation

/// Query understanding before retrieval: spelling correction (auto-applied when sure, else "did you mean"),
/// synonym expansions and phrases, each reported as a `QueryRewrite` that the caller can switch off.
///
/// The search engine asks it for an interpretation of a query's free text (`SearchRequest.understanding`); the
/// applied corrections change the text searched and embedded, synonyms add weighted terms (`ParsedQuery.Term`'s
/// weight and rewrite), and phrases boost documents holding them.
public final class QueryUnderstander: Sendable {
  /// The spelling corrector, when one was built.
  public let corrector: SpellingCorrector?

  /// Creates an understander from its parts (any may be missing).
  public init(corrector: SpellingCorrector?) {
    self.corrector = corrector
  }

  /// The interpretation of `freeText` (a query's text without its filters) under `options`.
  public func interpret(_ freeText: String, options: QueryUnderstandingOptions = .standard) -> QueryInterpretation {
    var interpretation = QueryInterpretation(typedText: freeText, searchedText: freeText)
    if options.kinds.contains(.spelling), let corrector, !freeText.isEmpty {
      applySpelling(corrector.correct(freeText), options: options, to: &interpretation)
    }
    return interpretation
  }

  /// Records the correction: when automatic, one rewrite per changed word (applied unless disabled) and the
  /// searched text with the applied ones; else the corrected text as a suggestion.
  private func applySpelling(_ correction: SpellingCorrection, options: QueryUnderstandingOptions,
                             to interpretation: inout QueryInterpretation) {
    guard correction.isChanged else { return }
    interpretation.spellingConfidence = correction.confidence
    guard correction.isAutomatic else {
      interpretation.suggestion = correction.corrected
      return
    }
    var searched: [String] = []
    for word in correction.words {
      guard word.isChanged else { searched.append(word.original); continue }
      var rewrite = QueryRewrite(kind: .spelling, original: word.original, replacement: word.corrected,
                                 source: "spelling, p = \(Self.format(word.probability)) (query \(Self.format(correction.confidence)))")
      rewrite.isApplied = !options.disabled.contains(rewrite.id)
      interpretation.rewrites.append(rewrite)
      searched.append(rewrite.isApplied ? word.corrected : word.original)
    }
    interpretation.searchedText = searched.joined(separator: " ")
  }

  private static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

extension QueryUnderstander {
  /// Builds an understander over `reader`'s index: the spelling corrector over its stored text, weighted by the
  /// queries of `log` when given.
  public static func build(reader: IndexReader, log: QueryLog?, spelling: SpellingSettings = SpellingSettings())
    throws -> QueryUnderstander {
    let vocabulary = try SpellingVocabulary.build(reader: reader, queries: log?.searches.map(\.query) ?? [])
    return QueryUnderstander(corrector: SpellingCorrector(vocabulary: vocabulary, settings: spelling))
  }
}
