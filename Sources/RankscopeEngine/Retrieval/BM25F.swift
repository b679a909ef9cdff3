import Foundation

/// The BM25F formula's parts (Robertson, Zaragoza & Taylor 2004, "Simple BM25 extension to multiple
/// weighted fields"; Robertson & Zaragoza 2009, "The Probabilistic Relevance Framework: BM25 and Beyond").
///
/// For each query term: `tf~ = Σ_f w_f · tf_f / B_f` with `B_f = (1 − b_f) + b_f · dl_f / avgdl_f`,
/// then `score = idf · tf~ / (k1 + tf~)` with Lucene's `idf = log(1 + (N − n + 0.5) / (n + 0.5))`.
/// Both the scorer and the explanation compute every value through these functions, so the explanation
/// equals the score to the last bit.
public enum BM25F {
  /// `idf = log(1 + (N − n + 0.5) / (n + 0.5))`.
  @inline(__always)
  public static func inverseDocumentFrequency(documentCount: Int, documentFrequency: Int) -> Double {
    let total = Double(documentCount)
    let frequency = Double(documentFrequency)
    return log(1 + (total - frequency + 0.5) / (frequency + 0.5))
  }

  /// `B = (1 − b) + b · (dl / avgdl)`.
  @inline(__always)
  public static func lengthNormalization(b: Double, length: Double, averageLength: Double) -> Double {
    (1 - b) + b * (length / averageLength)
  }

  /// `w · (tf / B)`.
  @inline(__always)
  public static func weightedFrequency(weight: Double, termFrequency: Double, normalization: Double) -> Double {
    weight * (termFrequency / normalization)
  }

  /// `tf~ / (k1 + tf~)`.
  @inline(__always)
  public static func saturation(_ pseudoFrequency: Double, k1: Double) -> Double {
    pseudoFrequency / (k1 + pseudoFrequency)
  }

  /// `idf · saturation`, times the term's factor (`ParsedQuery.Term.scoreFactor`: its query frequency times a
  /// rewrite's weight) when that is not 1.
  @inline(__always)
  public static func termScore(idf: Double, saturation: Double, factor: Double) -> Double {
    factor == 1 ? idf * saturation : factor * (idf * saturation)
  }
}

/// Scores documents for a parsed query with BM25F and explains any document's score.
struct BM25FScorer {
  /// A query term resolved against the index: its postings per field and its idf.
  struct ResolvedTerm {
    var term: ParsedQuery.Term
    var pointers: [PostingsPointer?]
    var documentFrequency: Int
    var idf: Double
  }

  let reader: IndexReader
  let schema: Schema
  private let textFields: [Schema.Field]

  init(reader: IndexReader) {
    self.reader = reader
    schema = reader.schema
    textFields = reader.schema.textFields
  }

  /// Looks the query's terms up; terms no document holds are dropped.
  func resolve(_ terms: [ParsedQuery.Term]) throws(IndexError) -> [ResolvedTerm] {
    var resolved: [ResolvedTerm] = []
    for term in terms {
      var pointers: [PostingsPointer?] = []
      var documentFrequency = 0
      // Fields usually share a term: look each distinct one up once (a linear cache; there are few fields).
      var entries: [(term: String, entry: TermEntry?)] = []
      for (field, fieldTerm) in term.fieldTerms.enumerated() {
        guard let fieldTerm else { pointers.append(nil); continue }
        let entry: TermEntry?
        if let cached = entries.first(where: { $0.term == fieldTerm }) { entry = cached.entry } else {
          entry = try reader.textTerm(fieldTerm)
          entries.append((fieldTerm, entry))
        }
        guard let entry, entry.fields[field].documentFrequency > 0 else { pointers.append(nil); continue }
        pointers.append(entry.fields[field])
        documentFrequency = max(documentFrequency, entry.anyFieldDocumentFrequency)
      }
      guard documentFrequency > 0 else { continue }
      let idf = BM25F.inverseDocumentFrequency(documentCount: reader.documentCount, documentFrequency: documentFrequency)
      resolved.append(ResolvedTerm(term: term, pointers: pointers, documentFrequency: documentFrequency, idf: idf))
    }
    return resolved
  }

  /// Scores every matching document; returns the scores (0 where unmatched) and the matched documents.
  func scoreAll(_ terms: [ResolvedTerm]) throws(IndexError) -> (scores: [Double], matched: [Int]) {
    let count = reader.documentCount
    var scores = [Double](repeating: 0, count: count)
    var pseudoFrequencies = [Double](repeating: 0, count: count)
    var seen = [Bool](repeating: false, count: count)
    var matched: [Int] = []
    var touched: [Int] = []
    var inTerm = [Bool](repeating: false, count: count)
    let averages = (0..<textFields.count).map { reader.averageFieldLength(field: $0) }
    for term in terms {
      touched.removeAll(keepingCapacity: true)
      for (field, pointer) in term.pointers.enumerated() {
        guard let pointer else { continue }
        let weight = textFields[field].weight
        let b = textFields[field].b
        let average = averages[field]
        var failure: IndexError?
        try reader.forEachPosting(pointer) { document, frequency in
          let length: Int
          do throws(IndexError) { length = try reader.fieldLength(field: field, document: document) } catch {
            failure = error
            return
          }
          let normalization = BM25F.lengthNormalization(b: b, length: Double(length), averageLength: average)
          pseudoFrequencies[document] += BM25F.weightedFrequency(weight: weight, termFrequency: Double(frequency),
                                                                  normalization: normalization)
          if !inTerm[document] {
            inTerm[document] = true
            touched.append(document)
          }
        }
        if let failure { throw failure }
      }
      for document in touched {
        let saturation = BM25F.saturation(pseudoFrequencies[document], k1: schema.k1)
        scores[document] += BM25F.termScore(idf: term.idf, saturation: saturation, factor: term.term.scoreFactor)
        pseudoFrequencies[document] = 0
        inTerm[document] = false
        if !seen[document] {
          seen[document] = true
          matched.append(document)
        }
      }
    }
    return (scores, matched)
  }

  /// The BM25F explanation of `document`'s score: one child per matching query term.
  func explain(_ terms: [ResolvedTerm], document: Int) throws(IndexError) -> Explanation {
    var children: [Explanation] = []
    for term in terms {
      var fieldNodes: [Explanation] = []
      for (field, pointer) in term.pointers.enumerated() {
        guard let pointer else { continue }
        let frequency = try reader.termFrequency(pointer, document: document)
        guard frequency > 0 else { continue }
        fieldNodes.append(try explainField(field, termFrequency: frequency, document: document,
                                           term: term.term.fieldTerms[field] ?? term.term.text))
      }
      guard !fieldNodes.isEmpty else { continue }
      let pseudoFrequency = Explanation.sum("tf~ = Σ_f w_f · tf_f / B_f (weighted term frequency over fields)", fieldNodes)
      let saturationValue = BM25F.saturation(pseudoFrequency.value, k1: schema.k1)
      let denominator = Explanation.sum("k1 + tf~", [.leaf(schema.k1, "k1 (term-frequency saturation)"),
                                                       .leaf(pseudoFrequency.value, "tf~")])
      let saturation = Explanation(value: saturationValue, label: "saturation = tf~ / (k1 + tf~)", combination: .ratio,
                                   children: [pseudoFrequency, denominator])
      let idf = Explanation.leaf(term.idf, "idf = log(1 + (N - n + 0.5) / (n + 0.5)) with N = \(reader.documentCount) documents, n = \(term.documentFrequency) containing the term")
      let factor = term.term.scoreFactor
      let score = BM25F.termScore(idf: term.idf, saturation: saturationValue, factor: factor)
      let label = "term \"\(term.term.text)\""
      if let note = term.term.factorNote {
        let single = Explanation(value: term.idf * saturationValue, label: "idf · saturation", combination: .product,
                                 children: [idf, saturation])
        children.append(Explanation(value: score, label: label + " " + note, combination: .weighted(factor), children: [single]))
      } else {
        children.append(Explanation(value: score, label: label + " = idf · saturation", combination: .product,
                                    children: [idf, saturation]))
      }
    }
    var total = 0.0
    for child in children { total += child.value }
    return Explanation(value: total, label: "BM25F (k1 = \(JSONWriter.format(schema.k1)))", combination: .sum, children: children)
  }

  private func explainField(_ field: Int, termFrequency: Int, document: Int, term: String) throws(IndexError) -> Explanation {
    let definition = textFields[field]
    let length = Double(try reader.fieldLength(field: field, document: document))
    let average = reader.averageFieldLength(field: field)
    let b = definition.b
    let lengthRatio = Explanation.ratio("dl / avgdl", .leaf(length, "dl = length of \(definition.name) (terms)"),
                                        .leaf(average, "avgdl = average length of \(definition.name) = \(reader.manifest.fieldLengthTotals[field]) / \(reader.documentCount)"))
    let normalizationValue = BM25F.lengthNormalization(b: b, length: length, averageLength: average)
    let normalization = Explanation(
      value: normalizationValue, label: "B = (1 - b) + b · dl / avgdl", combination: .sum,
      children: [.leaf(1 - b, "1 - b"), .product("b · dl / avgdl", [.leaf(b, "b (length normalisation of \(definition.name))"), lengthRatio])])
    let frequency = Double(termFrequency)
    let normalized = Explanation.ratio("tf / B", .leaf(frequency, "tf = occurrences of \"\(term)\" in \(definition.name)"), normalization)
    let value = BM25F.weightedFrequency(weight: definition.weight, termFrequency: frequency, normalization: normalizationValue)
    return Explanation(value: value, label: "\(definition.name): w · tf / B (field weight w = \(JSONWriter.format(definition.weight)))",
                       combination: .weighted(definition.weight), children: [normalized])
  }
}
