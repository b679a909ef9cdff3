/// The generator `popular:<category>`: the most popular documents (by a numeric popularity field) of the
/// category the query points at.
///
/// The category comes from a filter on the category field when the query has one; otherwise the top candidates
/// of an earlier generator (`bm25f` when it found any, else the first list with candidates) vote, each with the
/// category values it holds, and the most frequent value wins (ties: the alphabetically first). The list's note
/// and every explanation say which category was chosen and why.
struct PopularInCategoryGenerator: CandidateGenerator {
  /// The name of the generator over category field `category`.
  static func generatorName(category: String) -> String { "popular:\(category)" }

  let reader: IndexReader
  let settings: RetrievalSettings.Popular
  private let categoryField: Int
  private let categoryKeys: [String]
  private let categoryAnalyzer: Analyzer
  private let popularityField: Int

  /// Creates the generator; `nil` when the schema's fields do not match the settings (the schema validator
  /// reports that case by name).
  init?(reader: IndexReader, settings: RetrievalSettings.Popular) {
    let schema = reader.schema
    guard let category = schema.keywordFields.firstIndex(where: { $0.name == settings.category }),
          let popularity = schema.numericFields.firstIndex(where: { $0.name == settings.popularity }) else { return nil }
    self.reader = reader
    self.settings = settings
    categoryField = category
    categoryKeys = schema.keywordFields[category].sourceKeys
    categoryAnalyzer = Analyzer(configuration: schema.keywordFields[category].analyzer)
    popularityField = popularity
  }

  var name: String { Self.generatorName(category: settings.category) }

  /// The chosen category values and the reason, or the reason there is none.
  func chooseCategory(_ query: GeneratorQuery, earlier: [CandidateList]) throws -> (values: [String], reason: String)? {
    for filter in query.filters {
      if case .keyword(let field, let values) = filter, field == settings.category {
        let normalized = values.map { KeywordNormalizer.normalize($0, analyzer: categoryAnalyzer) }
        return (normalized, "category \(values.map { "\"\($0)\"" }.joined(separator: " or ")) from the filter \(filter)")
      }
    }
    guard let source = earlier.first(where: { $0.generator == BM25FGenerator.generatorName && !$0.candidates.isEmpty })
            ?? earlier.first(where: { !$0.candidates.isEmpty }) else { return nil }
    let sample = source.candidates.prefix(settings.sample)
    var votes: [String: Int] = [:]
    for candidate in sample {
      let stored = try reader.storedDocument(candidate.document)
      var values = Set<String>()
      for key in categoryKeys {
        switch stored[key] {
        case .string(let text): values.insert(KeywordNormalizer.normalize(text, analyzer: categoryAnalyzer))
        case .array(let items):
          for case .string(let text) in items { values.insert(KeywordNormalizer.normalize(text, analyzer: categoryAnalyzer)) }
        default: break
        }
      }
      for value in values { votes[value, default: 0] += 1 }
    }
    guard let best = votes.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else { return nil }
    let share = Double(best.value) / Double(sample.count)
    return ([best.key], "category \"\(best.key)\" inferred: \(best.value) of the top \(sample.count) \(source.generator) candidates are in it (share \(JSONWriter.format((share * 1000).rounded() / 1000)))")
  }

  func generate(_ query: GeneratorQuery, depth: Int, earlier: [CandidateList]) throws -> CandidateList {
    guard let (values, reason) = try chooseCategory(query, earlier: earlier) else {
      return CandidateList(generator: name, ranked: ScoredDocuments(hits: [], matchCount: 0, matchCountIsExact: true),
                           depth: depth, note: "no category: the query has no \(settings.category) filter and no other generator found candidates to infer one from")
    }
    var inCategory = Set<Int>()
    for value in values { inCategory.formUnion(try reader.documents(keywordField: categoryField, value: value)) }
    var popularity: [Int: Double] = [:]
    for document in inCategory where query.filter?.allowed[document] ?? true {
      if let value = try reader.number(field: popularityField, document: document) { popularity[document] = value }
    }
    let documents = popularity.keys.sorted()
    let ranked = ScoredDocuments(hits: TopK.select(documents, count: depth) { popularity[$0]! },
                                 matchCount: documents.count, matchCountIsExact: true)
    return CandidateList(generator: name, ranked: ranked, depth: depth, note: reason)
  }

  func explain(_ query: GeneratorQuery, candidate: Candidate, in list: CandidateList) throws -> Explanation {
    Explanation(value: candidate.score, label: "popularity: \(settings.popularity) = \(JSONWriter.format(candidate.score))",
                children: [.leaf(Double(list.matchCount), "\(list.note ?? "") (\(list.matchCount) documents in it with a \(settings.popularity) value)")])
  }
}
