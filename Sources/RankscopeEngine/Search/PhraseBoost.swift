/// The phrase rewrites' re-scoring: a document holding an applied phrase (its words adjacent, in order, in one
/// value of a text field, as that field's analyzer makes them) has its retrieval score multiplied by
/// `1 + Σ weights` of the phrases it holds — scale-free, so it works on BM25F, cosine and fused scores alike.
///
/// It re-scores the first `window` retrieved candidates (like a rescoring window), then the page is cut from
/// them; the explanation is a product of the retrieval score and `1 + boosts`, each boost naming its phrase and
/// the field it was found in.
struct PhraseBoost {
  /// One applied phrase: its rewrite, its words as each text field's analyzer makes them, and per field the
  /// postings of those words (nil where some word is in no document's field: the phrase cannot be there).
  struct Phrase {
    var rewrite: QueryRewrite
    var fieldTerms: [[String]]
    var postings: [[PostingsPointer]?]
  }

  let reader: IndexReader
  let phrases: [Phrase]
  let window: Int
  private let analyzers: [Analyzer]

  /// The boost of the applied phrase rewrites of `interpretation`, or nil when it has none.
  init?(reader: IndexReader, interpretation: QueryInterpretation?, window: Int) throws {
    let applied = interpretation?.applied.filter { $0.kind == .phrase } ?? []
    guard !applied.isEmpty else { return nil }
    self.reader = reader
    self.window = window
    let analyzers = reader.schema.textFields.map { Analyzer(configuration: $0.analyzer) }
    self.analyzers = analyzers
    var phrases: [Phrase] = []
    for rewrite in applied {
      let fieldTerms = analyzers.map { $0.terms(rewrite.original) }
      var postings: [[PostingsPointer]?] = []
      for (field, terms) in fieldTerms.enumerated() {
        var pointers: [PostingsPointer]? = terms.count > 1 ? [] : nil
        for term in terms where pointers != nil {
          if let pointer = try reader.textTerm(term)?.fields[field], pointer.documentFrequency > 0 {
            pointers?.append(pointer)
          } else {
            pointers = nil
          }
        }
        postings.append(pointers)
      }
      phrases.append(Phrase(rewrite: rewrite, fieldTerms: fieldTerms, postings: postings))
    }
    self.phrases = phrases
  }

  /// For each phrase, the first text field (by name) holding it in `document`, nil where none does. A field is
  /// read (the stored document, once) only when its postings hold every word of the phrase for the document.
  func matches(_ document: Int) throws -> [String?] {
    let fields = reader.schema.textFields
    var possible: [[Bool]] = []
    for phrase in phrases {
      var inFields: [Bool] = []
      for pointers in phrase.postings {
        guard let pointers else { inFields.append(false); continue }
        var all = true
        for pointer in pointers where all { all = try reader.termFrequency(pointer, document: document) > 0 }
        inFields.append(all)
      }
      possible.append(inFields)
    }
    guard possible.contains(where: { $0.contains(true) }) else { return phrases.map { _ in nil } }
    let stored = try reader.storedDocument(document)
    var values: [[[String]]] = Array(repeating: [], count: fields.count)
    var analysed = Array(repeating: false, count: fields.count)
    return phrases.enumerated().map { number, phrase in
      for (field, definition) in fields.enumerated() where possible[number][field] {
        if !analysed[field] {
          analysed[field] = true
          values[field] = definition.sourceKeys.flatMap { key -> [String] in
            switch stored[key] {
            case .string(let text)?: return [text]
            case .array(let items)?: return items.map(\.displayText)
            default: return []
            }
          }.map { analyzers[field].terms($0) }
        }
        if values[field].contains(where: { Self.holds($0, phrase.fieldTerms[field]) }) { return definition.name }
      }
      return nil
    }
  }

  /// The factor `1 + Σ weights` of the phrases matched (added in phrase order; 1 when none).
  func factor(_ matches: [String?]) -> Double {
    // Summed as the explanation's sum node adds its children: 0 + 1, then each boost.
    var factor = 0.0
    factor += 1
    for (phrase, field) in zip(phrases, matches) where field != nil { factor += phrase.rewrite.weight }
    return factor
  }

  /// `retrieval` (whose value is the retrieval score) times `1 + boosts`, exactly as `factor` computes it.
  func explain(_ retrieval: Explanation, matches: [String?]) -> Explanation {
    var boosts: [Explanation] = [.leaf(1, "1")]
    for (phrase, field) in zip(phrases, matches) {
      guard let field else { continue }
      boosts.append(.leaf(phrase.rewrite.weight, "phrase \"\(phrase.rewrite.original)\" found in \(field) (boost)"))
    }
    return .product("phrase boost · retrieval score × (1 + boosts of the phrases found)", [retrieval, .sum("1 + boosts", boosts)])
  }

  /// Whether `terms` holds `phrase` as adjacent terms.
  static func holds(_ terms: [String], _ phrase: [String]) -> Bool {
    guard !phrase.isEmpty, terms.count >= phrase.count else { return false }
    for start in 0...(terms.count - phrase.count) where terms[start] == phrase[0] {
      if terms[start..<(start + phrase.count)].elementsEqual(phrase) { return true }
    }
    return false
  }

  /// `entries` (document, score, in retrieval order) re-scored and re-sorted: by boosted score, ties in
  /// retrieval order; with the matches of each.
  func rescore(_ entries: [(document: Int, score: Double)]) throws
    -> [(document: Int, score: Double, retrievalScore: Double, order: Int, matches: [String?])] {
    var result: [(document: Int, score: Double, retrievalScore: Double, order: Int, matches: [String?])] = []
    result.reserveCapacity(entries.count)
    for (order, entry) in entries.enumerated() {
      let found = try matches(entry.document)
      let factor = factor(found)
      result.append((entry.document, factor == 1 ? entry.score : entry.score * factor, entry.score, order, found))
    }
    result.sort { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
    return result
  }
}
