import Foundation

/// Computes and explains the registry's features for (query, candidate) pairs over one index.
///
/// Index-wide inputs (the reference time, the price tertiles) are computed once at creation; per-query inputs
/// live in a `FeatureContext` (`context(query:queryEmbedding:queryLog:)`); per-candidate inputs (term
/// frequencies, the stored document) are read once per candidate. Each feature is one function that combines
/// `FeatureNode`s: `values` runs it without labels, `explain` with them, so an explanation's value equals the
/// feature value bit for bit, and `ExplanationChecker` accepts every explanation.
public struct FeatureExtractor: Sendable {
  /// Positions inserted between two fields or two values of a field in the token streams of `proximity`
  /// and `title_phrase`, so neither matches across them (Lucene's position increment gap).
  public static let positionGap = 100
  /// ln 2, for the half-life decay.
  static let naturalLogarithmOfTwo = 0.693_147_180_559_945_309_417_232_121_458_176_568

  /// The index.
  public let reader: IndexReader
  /// The features, in column order.
  public let registry: FeatureRegistry
  /// The newest creation time in the index (`freshness`'s reference), if the schema has the field.
  public let referenceTime: Double?
  /// The price tertile bounds (t1, t2) over the documents that have a price.
  public let priceTertiles: (low: Double, high: Double)?
  /// Number of documents with a price.
  public let pricedDocumentCount: Int

  private var settings: FeatureSettings { registry.settings }
  /// The schema's text fields, read once (the schema's list is computed on each call).
  private let textFields: [Schema.Field]
  /// The rows of each vector field, read in place, and the fields' names.
  let vectorStores: [VectorStore]
  let vectorFieldNames: [String]
  /// The schema's k1.
  private let k1: Double
  private let analyzers: [Analyzer]
  private let keywordAnalyzers: [Analyzer]
  /// The schema's keyword and numeric fields, read once.
  private let keywordFields: [Schema.Field]
  private let numericFieldNames: [String]
  /// The members of a stored document any feature reads (text and keyword sources, counted keys): the others
  /// (vectors, say) are skipped unparsed.
  private let storedKeys: Set<String>

  /// An extractor over `reader` with the registry its schema supports.
  public init(reader: IndexReader, settings: FeatureSettings = .standard) throws {
    self.reader = reader
    let schema = reader.schema
    registry = FeatureRegistry(schema: schema, settings: settings)
    textFields = schema.textFields
    vectorFieldNames = schema.vectorFields.map(\.name)
    k1 = schema.k1
    vectorStores = try schema.vectorFields.indices.map { index throws -> VectorStore in try reader.vectorStore(field: index) }
    analyzers = schema.textFields.map { Analyzer(configuration: $0.analyzer) }
    keywordAnalyzers = schema.keywordFields.map { Analyzer(configuration: $0.analyzer) }
    keywordFields = schema.keywordFields
    numericFieldNames = schema.numericFields.map(\.name)
    var keys = Set(schema.textFields.flatMap(\.sourceKeys) + schema.keywordFields.flatMap(\.sourceKeys))
    for definition in registry.definitions {
      if case .valueCount(let key) = definition.kind { keys.insert(key) }
      if case .affinity = definition.kind {
        keys.formUnion([settings.categoryField ?? "category", settings.contentTypeField, settings.boardField,
                        settings.domainField])
      }
    }
    storedKeys = keys
    var newest: Double?
    if let created = schema.numericFields.firstIndex(where: { $0.name == settings.createdField }) {
      for document in 0..<reader.documentCount {
        if let value = try reader.number(field: created, document: document), value.isFinite {
          newest = max(newest ?? value, value)
        }
      }
    }
    referenceTime = newest
    var prices: [Double] = []
    if let price = schema.numericFields.firstIndex(where: { $0.name == settings.priceField }) {
      for document in 0..<reader.documentCount {
        if let value = try reader.number(field: price, document: document), value.isFinite { prices.append(value) }
      }
    }
    prices.sort()
    pricedDocumentCount = prices.count
    if prices.isEmpty {
      priceTertiles = nil
    } else {
      let count = prices.count
      priceTertiles = (prices[(count + 2) / 3 - 1], prices[(2 * count + 2) / 3 - 1])
    }
  }

  // MARK: The per-query context

  /// The context of `query`: parsed and resolved once, its top BM25F candidates (filters in the query applied)
  /// voting for the intent and making the visual centroid. `queryEmbedding` must have the text-embedding field's
  /// dimension; a non-finite one is ignored (and the features say so).
  /// `parsed` and `intent`, when given, are the query as query understanding rewrote it and its predicted intent
  /// (a search's `parsedQuery` and `interpretation?.intent`), so the features read what the search matched.
  public func context(query: String, queryEmbedding: [Float]? = nil, queryLog: QueryLogStatistics? = nil,
                      user: UserContext? = nil, parsed: ParsedQuery? = nil, intent: IntentPrediction? = nil) throws
    -> FeatureContext {
    try attaching(queryEmbedding, to: lexicalContext(query: query, parsed: parsed, intent: intent, queryLog: queryLog, user: user))
  }

  /// `context` with the query embedding given (checked as `context(query:queryEmbedding:queryLog:)` checks it):
  /// the lexical part of a context can be made while the embedding is still being computed.
  func attaching(_ queryEmbedding: [Float]?, to context: FeatureContext) throws -> FeatureContext {
    var context = context
    context.queryEmbedding = nil
    context.queryEmbeddingNote = "no query embedding was given"
    guard let queryEmbedding else { return context }
    if let field = reader.schema.textEmbeddingField, let dimension = field.dimension, queryEmbedding.count != dimension {
      throw FeatureError.invalidInput("the query embedding has \(queryEmbedding.count) components, field \(field.name) has \(dimension)")
    }
    if queryEmbedding.allSatisfy(\.isFinite) {
      context.queryEmbedding = queryEmbedding
      context.queryEmbeddingNote = "given"
    } else {
      context.queryEmbeddingNote = "the query embedding has a component that is not a finite number"
    }
    return context
  }

  /// The context of `query` without a query embedding (everything but the embedding-based features' input).
  /// `parsed`, when given, is the query as the pipeline understood it (corrected words, synonym terms).
  func lexicalContext(query: String, parsed given: ParsedQuery? = nil, intent: IntentPrediction? = nil,
                      queryLog: QueryLogStatistics?, user: UserContext? = nil) throws -> FeatureContext {
    let schema = reader.schema
    let parsed = try given ?? QueryParser(schema: schema).parse(query)
    let scorer = BM25FScorer(reader: reader)
    var resolvedTerms: [BM25FScorer.ResolvedTerm?] = []
    for term in parsed.terms { resolvedTerms.append(try scorer.resolve([term]).first) }
    let filter = try DocumentFilter.evaluate(parsed.filters, reader: reader)
    let sampleSize = max(settings.intentSample, settings.visualSample, 0)
    let top = try scorer.top(resolvedTerms.compactMap { $0 }, count: sampleSize, filter: filter).hits.map(\.document)


    func vote(_ fieldName: String) throws -> IntentVote? {
      guard let field = schema.keywordFields.firstIndex(where: { $0.name == fieldName }) else { return nil }
      let sample = top.prefix(max(0, settings.intentSample))
      guard !sample.isEmpty else { return nil }
      var votes: [String: Int] = [:]
      for document in sample {
        for value in Set(try keywordValues(field: field, document: document)) { votes[value, default: 0] += 1 }
      }
      guard let best = votes.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else { return nil }
      return IntentVote(value: best.key, votes: best.value, sampleSize: sample.count)
    }
    let categoryName = settings.categoryField ?? schema.retrieval?.popular?.category ?? "category"

    var centroid: [Float]?
    var centroidCount = 0
    if let visual = schema.vectorFields.firstIndex(where: { $0.name == settings.visualField }) {
      var sum: [Float]?
      for document in top.prefix(max(0, settings.visualSample)) {
        guard let vector = try reader.vector(field: visual, document: document), vector.allSatisfy(\.isFinite) else { continue }
        if sum == nil { sum = [Float](repeating: 0, count: vector.count) }
        for index in vector.indices { sum![index] += vector[index] }
        centroidCount += 1
      }
      centroid = sum.map { values in values.map { $0 / Float(centroidCount) } }
    }

    var context = FeatureContext(
      queryText: query, parsedQuery: parsed, normalizedQuery: QueryLogStatistics.normalize(query),
      queryEmbedding: nil, queryEmbeddingNote: "no query embedding was given", predictedCategory: try vote(categoryName),
      predictedContentType: try vote(settings.contentTypeField), visualCentroid: centroid,
      visualCentroidCount: centroidCount, referenceTime: referenceTime, queryLog: queryLog, topCandidates: top,
      resolvedTerms: resolvedTerms, analyzedQuery: analyzers.map { $0.terms(parsed.text) },
      readerIdentity: ObjectIdentifier(reader))
    context.user = user
    context.intent = intent
    context.personalization = try user.map { PersonalizationInputs(user: $0, valueTables: try userValueTables($0)) }
    return context
  }

  /// For each enabled affinity over a keyword field (by kind ordinal), the documents holding each of the
  /// user's values, from the values' keyword postings (kept across queries in `valueTableCache`).
  func userValueTables(_ user: UserContext) throws -> [UserValueTable?] {
    var tables = [UserValueTable?](repeating: nil, count: UserAffinity.Kind.allCases.count)
    for affinity in user.profile.affinities {
      guard user.isEnabled(affinity.kind.signal),
            let field = keywordFields.firstIndex(where: { $0.name == affinity.field }) else { continue }
      let values = affinity.entries.keys.sorted()
      let key = UserValueTableCache.Key(field: field, values: values)
      if let cached = valueTableCache.table(key) {
        tables[affinity.kind.ordinal] = cached
        continue
      }
      let table = try UserValueTable(values: values, documentCount: reader.documentCount) { value in
        try reader.documents(keywordField: field, value: value)
      }
      valueTableCache.store(key, table)
      tables[affinity.kind.ordinal] = table
    }
    return tables
  }

  // MARK: Values and explanations

  /// Every feature of every candidate, one row per candidate in the given order.
  public func values(candidates: [FeatureCandidate], context: FeatureContext) throws -> FeatureMatrix {
    try values(candidates: candidates, features: registry.definitions, context: context)
  }

  /// Candidates per thread below which feature rows are computed on the calling thread alone.
  static let minimumRowsPerThread = 48

  /// The features named by `features` (registry definitions) of every candidate, one row per candidate, columns
  /// in the order given: what a stage weighting a few features computes, without the others' cost. Rows are
  /// computed in contiguous chunks on several threads when there are many (each row alone, so the matrix is
  /// the same however it is split).
  public func values(candidates: [FeatureCandidate], features: [FeatureDefinition], context: FeatureContext) throws -> FeatureMatrix {
    try values(candidates: candidates, features: features, context: context, maximumThreads: ParallelWork.workerCount)
  }

  /// `values(candidates:features:context:)` on at most `maximumThreads` threads (1: the calling thread only,
  /// leaving the other cores to work running beside it).
  func values(candidates: [FeatureCandidate], features: [FeatureDefinition], context: FeatureContext,
              maximumThreads: Int) throws -> FeatureMatrix {
    let frequencies = try batchFrequencies(candidates, context: context)
    let values = try ParallelWork.mapChunks(count: candidates.count, minimumChunk: Self.minimumRowsPerThread,
                                            maximumThreads: maximumThreads) { rows in
      let builder = FeatureNodeBuilder(explaining: false)
      var values: [Double] = []
      values.reserveCapacity(rows.count * features.count)
      for row in rows {
        let data = try candidateData(candidates[row], context: context, frequencies: frequencies[row])
        for definition in features { values.append(try evaluate(definition.kind, data, context, builder).value) }
        remember(data)
      }
      return values
    }
    return FeatureMatrix(names: features.map(\.name), rowCount: candidates.count, values: values)
  }

  /// The features of documents given by number (no retrieval scores).
  public func values(documents: [Int], context: FeatureContext) throws -> FeatureMatrix {
    try values(candidates: documents.map { FeatureCandidate(document: $0) }, context: context)
  }

  /// The explanation of feature `feature` for `candidate`; its value is the feature value, bit for bit.
  /// Throws `FeatureError` for an unknown or unavailable feature name.
  public func explain(feature: String, candidate: FeatureCandidate, context: FeatureContext) throws -> Explanation {
    let definition = try registry.definition(named: feature)
    return try explain(definition, data: try candidateData(candidate, context: context), context: context)
  }

  /// The explanations of every feature of `candidate`, in column order.
  public func explainAll(candidate: FeatureCandidate, context: FeatureContext) throws -> [Explanation] {
    try explain(features: registry.definitions, candidate: candidate, context: context)
  }

  /// The explanations of `features` (registry definitions) for `candidate`, in the order given, its data read once.
  public func explain(features: [FeatureDefinition], candidate: FeatureCandidate, context: FeatureContext) throws -> [Explanation] {
    let data = try candidateData(candidate, context: context)
    return try features.map { try explain($0, data: data, context: context) }
  }

  private func explain(_ definition: FeatureDefinition, data: CandidateData, context: FeatureContext) throws -> Explanation {
    let node = try evaluate(definition.kind, data, context, FeatureNodeBuilder(explaining: true))
    guard var explanation = node.explanation else { return .leaf(node.value, definition.name) }
    explanation.label = "\(definition.name): \(explanation.label)"
    return explanation
  }

  /// What the features read of one candidate, read once.
  struct CandidateData {
    var candidate: FeatureCandidate
    var document: Int { candidate.document }
    /// Term frequency per query term (aligned with the parsed terms) and text field; 0 when absent.
    var frequencies: [[Int]]
    /// Reads the stored JSON object (only features that need it do: parsing it is most of a cheap feature's cost).
    var loadStored: () -> JSONValue
    /// The stored JSON object, read on first use. The index checked every stored blob's bounds when it was
    /// opened; a blob that still fails to parse reads as an empty document.
    var stored: JSONValue {
      if let value = streams.stored { return value }
      let value = loadStored()
      streams.stored = value
      return value
    }
    /// The document's id.
    var id: String
    /// Analysed token streams of text fields, made on first use.
    var streams: TokenStreamCache
  }

  /// A text field's stored text analysed into terms with positions (values `positionGap` apart).
  struct TokenStream {
    var terms: [String]
    var positions: [Int]
    /// One past the last position.
    var end: Int
  }

  /// The token streams of one candidate, each analysed once however many features read it, and its stored
  /// document once read.
  final class TokenStreamCache {
    var streams: [Int: TokenStream] = [:]
    var stored: JSONValue? {
      didSet { isChanged = true }
    }
    /// Whether a stream or the stored document was read since the cache was made.
    var isChanged = false

    init(_ entry: DocumentTextCache.Entry? = nil) {
      streams = entry?.streams ?? [:]
      stored = entry?.stored
      isChanged = false
    }
  }

  /// What the features read of documents' stored text (the members they need, the analysed streams), kept
  /// across queries: successive queries typed in the explorer share most of their candidates.
  let textCache = DocumentTextCache(capacity: 8192)
  /// The users' value tables of recent queries (a user typing query after query reuses theirs).
  let valueTableCache = UserValueTableCache(capacity: 64)

  /// Per candidate (in the given order), the term frequency of each query term in each text field: each
  /// postings list walked once for all candidates in document order, rather than searched once per candidate.
  private func batchFrequencies(_ candidates: [FeatureCandidate], context: FeatureContext) throws -> [[[Int]]] {
    guard context.readerIdentity == ObjectIdentifier(reader) else {
      throw FeatureError.invalidInput("the feature context was made for another index (make it with this extractor's context(query:…))")
    }
    let fieldCount = textFields.count
    var result = [[[Int]]](repeating: [[Int]](repeating: [Int](repeating: 0, count: fieldCount), count: context.resolvedTerms.count),
                           count: candidates.count)
    let valid = candidates.indices.filter { candidates[$0].document >= 0 && candidates[$0].document < reader.documentCount }
    let order = valid.sorted { candidates[$0].document < candidates[$1].document }
    let ascending = order.map { candidates[$0].document }
    for (term, resolved) in context.resolvedTerms.enumerated() {
      guard let resolved else { continue }
      for (field, pointer) in resolved.pointers.enumerated() {
        guard let pointer else { continue }
        let frequencies = try reader.termFrequencies(pointer, ascending: ascending)
        for (position, row) in order.enumerated() { result[row][term][field] = frequencies[position] }
      }
    }
    return result
  }

  private func candidateData(_ candidate: FeatureCandidate, context: FeatureContext,
                             frequencies precomputed: [[Int]]? = nil) throws -> CandidateData {
    guard context.readerIdentity == ObjectIdentifier(reader) else {
      throw FeatureError.invalidInput("the feature context was made for another index (make it with this extractor's context(query:…))")
    }
    let document = candidate.document
    guard document >= 0, document < reader.documentCount else {
      throw FeatureError.invalidInput("document number \(document) is out of range (0..<\(reader.documentCount))")
    }
    let fieldCount = textFields.count
    var frequencies: [[Int]] = precomputed ?? []
    for resolved in context.resolvedTerms where precomputed == nil {
      var row = [Int](repeating: 0, count: fieldCount)
      if let resolved {
        for (field, pointer) in resolved.pointers.enumerated() {
          if let pointer { row[field] = try reader.termFrequency(pointer, document: document) }
        }
      }
      frequencies.append(row)
    }
    let reader = reader
    let keys = storedKeys
    return CandidateData(candidate: candidate, frequencies: frequencies,
                         loadStored: {
                           guard let members = try? reader.storedMembers(document, keys: keys) else { return .object([]) }
                           return .object(members.map { JSONMember($0.key, $0.value) })
                         }, id: try reader.id(of: document), streams: TokenStreamCache(textCache.entry(document)))
  }

  /// Keeps what evaluating `data`'s features read of its stored text for later queries.
  private func remember(_ data: CandidateData) {
    guard data.streams.isChanged else { return }
    textCache.store(data.document, DocumentTextCache.Entry(stored: data.streams.stored, streams: data.streams.streams))
  }

  private func evaluate(_ kind: FeatureKind, _ data: CandidateData, _ context: FeatureContext,
                        _ node: FeatureNodeBuilder) throws -> FeatureNode {
    switch kind {
    case .bm25f: return bm25f(data, context, node)
    case .fieldBM25(let field): return fieldBM25(field, data, context, node)
    case .queryCoverage: return coverage(nil, data, context, node)
    case .fieldCoverage(let field): return coverage(field, data, context, node)
    case .fieldPhrase(let field): return phrase(field, data, context, node)
    case .proximity(let fields): return proximity(fields, data, context, node)
    case .textSimilarity(let field):
      guard let query = context.queryEmbedding else { return node.leaf(0, "0: \(context.queryEmbeddingNote)") }
      return try cosine(query, "the query embedding", field, data, node)
    case .visualCentroidSimilarity(let field):
      guard let centroid = context.visualCentroid else {
        return node.leaf(0, "0: none of the top \(settings.visualSample) bm25f candidates has a \(settings.visualField) vector (no centroid)")
      }
      return try cosine(centroid, "the centroid of the top \(context.visualCentroidCount) bm25f candidates' \(settings.visualField) vectors", field, data, node)
    case .logCount(let field), .logPrice(let field): return try logarithm(field, data, node)
    case .freshness(let field): return try freshness(field, data, context, node)
    case .clickPrior: return clickPrior(data, context, node)
    case .queryClickRate: return queryClickRate(data, context, node)
    case .categoryMatch(let field): return try intentMatch(field, context.predictedCategory, data, node)
    case .contentTypeMatch(let field): return try intentMatch(field, context.predictedContentType, data, node)
    case .categoryIntent(let field): return intentProbability(field, context.intent?.category, data, node)
    case .contentTypeIntent(let field): return intentProbability(field, context.intent?.contentType, data, node)
    case .priceBand(let field): return try priceBand(field, data, node)
    case .fieldLength(let field):
      let length = try reader.fieldLength(field: field, document: data.document)
      return node.leaf(Double(length), "length of \(textFields[field].name) = \(length) analysed terms")
    case .valueCount(let key):
      let count: Int
      switch data.stored[key] {
      case .array(let items)?: count = items.count
      case nil, .null?: count = 0
      default: count = 1
      }
      return node.leaf(Double(count), "\(count) values under \"\(key)\"")
    case .queryTermCount:
      let terms = context.terms
      return node.leaf(Double(terms.count), "\(terms.count) distinct query terms: \(terms.map(\.text).joined(separator: " "))")
    case .fusedScore:
      guard let score = data.candidate.retrievalScore else { return node.leaf(0, "0: no retrieval score was given") }
      guard score.isFinite else { return node.leaf(0, "0: the retrieval score is not a finite number") }
      return node.leaf(score, "retrieval score given by the caller")
    case .userSimilarity(let field): return try userSimilarity(field, data, context, node)
    case .interestSimilarity(let field): return try interestSimilarity(field, data, context, node)
    case .affinity(let kind): return affinity(kind, data, context, node)
    case .seenBefore: return seenBefore(hidden: false, data, context, node)
    case .hiddenBefore: return seenBefore(hidden: true, data, context, node)
    case .bestGeneratorReciprocalRank:
      guard let rank = data.candidate.bestGeneratorRank else { return node.leaf(0, "0: no generator rank was given") }
      guard rank >= 1 else { return node.leaf(0, "0: rank \(rank) is not a rank (ranks start at 1)") }
      return node.ratio("1 / best generator rank", node.leaf(1, "1"), node.leaf(Double(rank), "best rank over the generators"))
    }
  }

  // MARK: Lexical

  /// `w · tf / B` (BM25F) or `tf / B` (weight nil) of one field, with `B = (1 − b) + b · dl / avgdl`.
  private func normalizedFrequency(field: Int, termFrequency: Int, term: String, weight: Double?, _ data: CandidateData,
                                   _ node: FeatureNodeBuilder) -> FeatureNode {
    let definition = textFields[field]
    let length = (try? reader.fieldLength(field: field, document: data.document)) ?? 0
    let average = reader.averageFieldLength(field: field)
    let b = definition.b
    let lengthRatio = node.ratio("dl / avgdl", node.leaf(Double(length), "dl = length of \(definition.name) (terms)"),
                                 node.leaf(average, "avgdl = average length of \(definition.name) = \(reader.manifest.fieldLengthTotals[field]) / \(reader.documentCount)"))
    let normalization = node.sum("B = (1 - b) + b · dl / avgdl",
      node.leaf(1 - b, "1 - b"),
      node.product("b · dl / avgdl", node.leaf(b, "b (length normalisation of \(definition.name))"), lengthRatio))
    let normalized = node.ratio("tf / B", node.leaf(Double(termFrequency), "tf = occurrences of \"\(term)\" in \(definition.name)"),
                                normalization)
    guard let weight else { return normalized }
    return node.weighted(weight, "\(definition.name): w · tf / B (field weight w = \(JSONWriter.format(weight)))", normalized)
  }

  /// `qf · idf · tf~ / (k1 + tf~)`, as `BM25F.termScore` computes it.
  private func termScore(_ term: ParsedQuery.Term, idf: Double, documentFrequency: Int, pseudoFrequency: FeatureNode,
                         _ node: FeatureNodeBuilder) -> FeatureNode {
    let k1 = self.k1
    let saturation = node.ratio("saturation = tf~ / (k1 + tf~)", pseudoFrequency,
                                node.sum("k1 + tf~", node.leaf(k1, "k1 (term-frequency saturation)"), node.leaf(pseudoFrequency.value, "tf~")))
    let idfNode = node.leaf(idf, "idf = log(1 + (N - n + 0.5) / (n + 0.5)) with N = \(reader.documentCount) documents, n = \(documentFrequency) containing the term")
    let single = node.product("term \"\(term.text)\" = idf · saturation", idfNode, saturation)
    guard let note = term.factorNote else { return single }
    return node.weighted(term.scoreFactor, "term \"\(term.text)\" \(note)", single)
  }

  private func bm25f(_ data: CandidateData, _ context: FeatureContext, _ node: FeatureNodeBuilder) -> FeatureNode {
    let fields = textFields
    var termNodes: [FeatureNode] = []
    for (index, resolved) in context.resolvedTerms.enumerated() {
      guard let resolved else { continue }
      var fieldNodes: [FeatureNode] = []
      for field in fields.indices where resolved.pointers[field] != nil && data.frequencies[index][field] > 0 {
        fieldNodes.append(normalizedFrequency(field: field, termFrequency: data.frequencies[index][field],
                                              term: resolved.term.fieldTerms[field] ?? resolved.term.text,
                                              weight: fields[field].weight, data, node))
      }
      guard !fieldNodes.isEmpty else { continue }
      let pseudoFrequency = node.sum("tf~ = Σ_f w_f · tf_f / B_f (weighted term frequency over fields)", fieldNodes)
      termNodes.append(termScore(resolved.term, idf: resolved.idf, documentFrequency: resolved.documentFrequency,
                                 pseudoFrequency: pseudoFrequency, node))
    }
    return node.sum(termNodes.isEmpty ? "BM25F (k1 = \(JSONWriter.format(k1))): no query term occurs in the document"
                    : "BM25F (k1 = \(JSONWriter.format(k1)))", termNodes)
  }

  private func fieldBM25(_ field: Int, _ data: CandidateData, _ context: FeatureContext, _ node: FeatureNodeBuilder) -> FeatureNode {
    let name = textFields[field].name
    var termNodes: [FeatureNode] = []
    for (index, resolved) in context.resolvedTerms.enumerated() {
      guard let resolved, let pointer = resolved.pointers[field], data.frequencies[index][field] > 0 else { continue }
      let idf = BM25F.inverseDocumentFrequency(documentCount: reader.documentCount, documentFrequency: pointer.documentFrequency)
      let normalized = normalizedFrequency(field: field, termFrequency: data.frequencies[index][field],
                                           term: resolved.term.fieldTerms[field] ?? resolved.term.text, weight: nil, data, node)
      termNodes.append(termScore(resolved.term, idf: idf, documentFrequency: pointer.documentFrequency,
                                 pseudoFrequency: normalized, node))
    }
    return node.sum(termNodes.isEmpty ? "BM25 of \(name) (k1 = \(JSONWriter.format(k1))): no query term occurs in \(name)"
                    : "BM25 of \(name) alone (k1 = \(JSONWriter.format(k1)), idf from \(name)'s document frequencies)", termNodes)
  }

  /// The fraction of distinct query terms found in `field` (nil: any text field).
  private func coverage(_ field: Int?, _ data: CandidateData, _ context: FeatureContext, _ node: FeatureNodeBuilder) -> FeatureNode {
    let terms = context.terms
    guard !terms.isEmpty else { return node.leaf(0, "0: the query has no terms") }
    func isPresent(_ index: Int) -> Bool {
      let frequencies = data.frequencies[index]
      return field.map { frequencies[$0] > 0 } ?? frequencies.contains { $0 > 0 }
    }
    var foundCount = 0
    for index in terms.indices where isPresent(index) { foundCount += 1 }
    let place = field.map { textFields[$0].name } ?? "any text field"
    return node.ratio("found / distinct query terms (in \(place))",
                      node.leaf(Double(foundCount),
                                "\(foundCount) found: \(terms.indices.filter(isPresent).map { terms[$0].text }.joined(separator: " "))"),
                      node.leaf(Double(terms.count), "\(terms.count) distinct query terms"))
  }

  // MARK: Phrase and proximity

  /// The stored text of text field `field` as one analysed token stream from position 0, values separated by
  /// `positionGap`; analysed once per candidate.
  private func tokenStream(field: Int, _ data: CandidateData) -> TokenStream {
    if let cached = data.streams.streams[field] { return cached }
    var terms: [String] = []
    var positions: [Int] = []
    var position = 0
    var first = true
    for key in textFields[field].sourceKeys {
      let parts: [String]
      switch data.stored[key] {
      case .string(let text)?: parts = [text]
      case .array(let items)?: parts = items.map(\.displayText)
      case .number(let number)?: parts = [JSONWriter.format(number)]
      default: parts = []
      }
      for part in parts {
        if !first { position += Self.positionGap }
        first = false
        for term in analyzers[field].terms(part) {
          terms.append(term)
          positions.append(position)
          position += 1
        }
      }
    }
    let stream = TokenStream(terms: terms, positions: positions, end: position)
    data.streams.streams[field] = stream
    data.streams.isChanged = true
    return stream
  }

  private func phrase(_ field: Int, _ data: CandidateData, _ context: FeatureContext, _ node: FeatureNodeBuilder) -> FeatureNode {
    let name = textFields[field].name
    let wanted = context.analyzedQuery[field]
    guard !wanted.isEmpty else { return node.leaf(0, "0: the query has no terms for \(name)") }
    let phraseText = wanted.joined(separator: " ")
    // The index's frequencies come from the same analyzer: a query term absent from the field rules the phrase
    // out without re-analysing the stored text.
    for (index, term) in context.terms.enumerated() where term.fieldTerms[field] != nil && data.frequencies[index][field] == 0 {
      return node.leaf(0, "0: \"\(term.fieldTerms[field] ?? term.text)\" does not occur in \(name), so \"\(phraseText)\" cannot")
    }
    let stream = tokenStream(field: field, data)
    if stream.terms.count >= wanted.count {
      for start in 0...(stream.terms.count - wanted.count)
      where stream.terms[start] == wanted[0]
        && stream.positions[start + wanted.count - 1] - stream.positions[start] == wanted.count - 1
        && Array(stream.terms[start..<(start + wanted.count)]) == wanted {
        return node.leaf(1, "1: \"\(phraseText)\" occurs in \(name) at term \(stream.positions[start] + 1)")
      }
    }
    return node.leaf(0, "0: \"\(phraseText)\" does not occur contiguously in \(name) (\(stream.terms.count) terms)")
  }

  /// Minimum-span proximity (Tao & Zhai 2007, "An exploration of proximity measures in information retrieval",
  /// MinCover): the shortest window of the fields' token stream holding every matched distinct query term.
  private func proximity(_ fields: [Int], _ data: CandidateData, _ context: FeatureContext, _ node: FeatureNodeBuilder) -> FeatureNode {
    let terms = context.terms
    let names = fields.map { textFields[$0].name }.joined(separator: " + ")
    func tooFew(_ count: Int) -> FeatureNode {
      node.leaf(0, "0: \(count) distinct query term\(count == 1 ? "" : "s") in \(names); proximity needs 2")
    }
    // The index's frequencies say how many terms the streams can hold; fewer than 2 needs no re-analysis.
    let present = terms.indices.filter { index in fields.contains { data.frequencies[index][$0] > 0 } }.count
    guard present >= 2 else { return tooFew(present) }
    var occurrences: [(position: Int, term: Int)] = []
    var start = 0
    for field in fields {
      let stream = tokenStream(field: field, data)
      for (offset, term) in stream.terms.enumerated() {
        if let index = terms.firstIndex(where: { $0.fieldTerms[field] == term }) {
          occurrences.append((start + stream.positions[offset], index))
        }
      }
      start += stream.end + Self.positionGap
    }
    let matched = Set(occurrences.map(\.term))
    guard matched.count >= 2 else { return tooFew(matched.count) }
    // Sliding window over the occurrences (ascending positions) holding every matched term.
    var counts = [Int](repeating: 0, count: terms.count)
    var covered = 0
    var left = 0
    var best = (span: Int.max, first: 0, last: 0)
    for right in occurrences.indices {
      if counts[occurrences[right].term] == 0 { covered += 1 }
      counts[occurrences[right].term] += 1
      while covered == matched.count {
        let span = occurrences[right].position - occurrences[left].position + 1
        if span < best.span { best = (span, occurrences[left].position, occurrences[right].position) }
        counts[occurrences[left].term] -= 1
        if counts[occurrences[left].term] == 0 { covered -= 1 }
        left += 1
      }
    }
    let k = matched.count
    return node.ratio("1 / (1 + span - k) (minimum span, Tao & Zhai 2007)", node.leaf(1, "1"),
                      node.sum("1 + span - k", [node.leaf(1, "1"),
                                                node.leaf(Double(best.span), "span = \(best.span) terms (positions \(best.first)…\(best.last) of \(names))"),
                                                node.leaf(-Double(k), "-k, k = \(k) distinct query terms matched")]))
  }

  // MARK: Vectors

  /// Float32 cosine between `query` and the document's vector in vector field `field`, as exact vector search computes it.
  func cosine(_ query: [Float], _ what: String, _ field: Int, _ data: CandidateData,
              _ node: FeatureNodeBuilder) throws -> FeatureNode {
    let store = vectorStores[field]
    let name = vectorFieldNames[field]
    guard store.isPresent(data.document) else {
      return node.leaf(0, "0: the document has no \(name) vector")
    }
    guard store.dimension == query.count else {
      return node.leaf(0, "0: \(what) has \(query.count) components, \(name) has \(store.dimension)")
    }
    let documentBase = store.vector(data.document)
    let (dot, queryNorm, documentNorm) = query.withUnsafeBufferPointer { q -> (Float, Float, Float) in
      guard let qBase = q.baseAddress else { return (0, 0, 0) }
      return (VectorKernels.dot(qBase, documentBase, count: q.count), VectorSimilarity.norm(qBase, dimension: q.count),
              VectorSimilarity.norm(documentBase, dimension: store.dimension))
    }
    guard queryNorm > 0, documentNorm > 0 else {
      return node.leaf(0, "0: \(queryNorm > 0 ? "the document's \(name) vector" : what) has norm 0 (no cosine)")
    }
    let value = Double(VectorSimilarity.cosine(dot: dot, queryNorm: queryNorm, documentNorm: documentNorm))
    guard value.isFinite else { return node.leaf(0, "0: the cosine is not a finite number (non-finite components)") }
    let finite: (Float) -> Double = { $0.isFinite ? Double($0) : 0 }
    return node.leaf(value, "cosine(q, d) = q · d / (|q| · |d|) in float32, q = \(what), d = the document's \(name)", [
      node.leaf(finite(dot), "q · d"), node.leaf(finite(queryNorm), "|q|"), node.leaf(finite(documentNorm), "|d|"),
    ])
  }

  // MARK: Numbers

  private func logarithm(_ field: Int, _ data: CandidateData, _ node: FeatureNodeBuilder) throws -> FeatureNode {
    let name = numericFieldNames[field]
    guard let raw = try reader.number(field: field, document: data.document), raw.isFinite else {
      return node.leaf(0, "0: the document has no \(name)")
    }
    let count = max(0, raw)
    let argument = node.sum("1 + \(name)", [node.leaf(1, "1"), node.leaf(count, raw < 0 ? "\(name) = \(JSONWriter.format(raw)), taken as 0" : "\(name)")])
    return node.leaf(log(argument.value), "ln(1 + \(name))", [argument])
  }

  private func freshness(_ field: Int, _ data: CandidateData, _ context: FeatureContext, _ node: FeatureNodeBuilder) throws -> FeatureNode {
    let name = numericFieldNames[field]
    guard let created = try reader.number(field: field, document: data.document), created.isFinite else {
      return node.leaf(0, "0: the document has no \(name)")
    }
    guard let reference = context.referenceTime else { return node.leaf(0, "0: no reference time (no document has \(name))") }
    let halfLife = settings.freshnessHalfLifeDays
    guard halfLife > 0 else { return node.leaf(0, "0: the half-life is not positive") }
    let seconds = max(0, reference - created)
    let age = node.ratio("age in days", node.leaf(seconds, "reference \(JSONWriter.format(reference)) - \(name) \(JSONWriter.format(created)) (seconds, at least 0)"),
                         node.leaf(86_400, "seconds per day"))
    let value = exp(-Self.naturalLogarithmOfTwo * age.value / halfLife)
    return node.leaf(value, "exp(-ln 2 · age_days / half-life), half-life \(JSONWriter.format(halfLife)) days",
                     [age, node.leaf(halfLife, "half-life (days)")])
  }

  private func priceBand(_ field: Int, _ data: CandidateData, _ node: FeatureNodeBuilder) throws -> FeatureNode {
    let name = numericFieldNames[field]
    guard let price = try reader.number(field: field, document: data.document), price.isFinite, let tertiles = priceTertiles else {
      return node.leaf(0, "0: the document has no \(name)")
    }
    let band = price <= tertiles.low ? 1 : price <= tertiles.high ? 2 : 3
    let names = ["", "low", "middle", "high"]
    return node.leaf(Double(band), "\(band): \(names[band]) \(name) tertile of the \(pricedDocumentCount) priced documents", [
      node.leaf(price, name), node.leaf(tertiles.low, "t1 (upper bound of the low tertile)"),
      node.leaf(tertiles.high, "t2 (upper bound of the middle tertile)"),
    ])
  }

  // MARK: Engagement

  /// The document's smoothed click-through rate: `(clicks + α · p̄) / (shown + α)`.
  private func clickPrior(_ data: CandidateData, _ context: FeatureContext, _ node: FeatureNodeBuilder) -> FeatureNode {
    guard let log = context.queryLog else { return node.leaf(0, "0: no query log was given") }
    let alpha = settings.clickSmoothing
    let counts = log.counts(document: data.id)
    guard Double(counts.shown) + alpha > 0 else { return node.leaf(0, "0: \(data.id) was never shown and α = 0") }
    let globalRate = log.totalShown > 0
      ? node.ratio("p̄ = all clicks / all impressions", node.leaf(Double(log.totalClicked), "clicks in the log"),
                   node.leaf(Double(log.totalShown), "impressions in the log"))
      : node.leaf(0, "p̄ = 0 (the log shows nothing)")
    return node.ratio("(clicks + α · p̄) / (shown + α), α = \(JSONWriter.format(alpha))",
                      node.sum("clicks + α · p̄", [node.leaf(Double(counts.clicked), "clicks on \(data.id)"),
                                                   node.weighted(alpha, "α · p̄", [globalRate])]),
                      node.sum("shown + α", [node.leaf(Double(counts.shown), "impressions of \(data.id) in \(log.searchCount) searches"),
                                             node.leaf(alpha, "α (pseudo-impressions)")]))
  }

  private func queryClickRate(_ data: CandidateData, _ context: FeatureContext, _ node: FeatureNodeBuilder) -> FeatureNode {
    guard let log = context.queryLog else { return node.leaf(0, "0: no query log was given") }
    let alpha = settings.clickSmoothing
    let counts = log.counts(query: context.normalizedQuery, document: data.id)
    guard Double(counts.shown) + alpha > 0 else { return node.leaf(0, "0: \(data.id) was never shown for this query and α = 0") }
    let prior = clickPrior(data, context, node)
    return node.ratio("(clicks_q + α · click_prior) / (shown_q + α), α = \(JSONWriter.format(alpha)), query \"\(context.normalizedQuery)\"",
                      node.sum("clicks_q + α · click_prior", [node.leaf(Double(counts.clicked), "clicks on \(data.id) for this query"),
                                                              node.weighted(alpha, "α · click_prior", [prior])]),
                      node.sum("shown_q + α", [node.leaf(Double(counts.shown), "impressions of \(data.id) for this query"),
                                               node.leaf(alpha, "α (pseudo-impressions)")]))
  }

  // MARK: Intent

  /// The normalised values of keyword field `field` stored in `document`.
  private func keywordValues(field: Int, document: Int) throws -> [String] {
    if let stored = textCache.entry(document)?.stored { return keywordValues(field: field, stored: stored) }
    let members = try reader.storedMembers(document, keys: Set(keywordFields[field].sourceKeys))
    return keywordValues(field: field, stored: .object(members.map { JSONMember($0.key, $0.value) }))
  }

  private func keywordValues(field: Int, stored: JSONValue) -> [String] {
    var values: [String] = []
    for key in keywordFields[field].sourceKeys {
      switch stored[key] {
      case .string(let text)?: values.append(KeywordNormalizer.normalize(text, analyzer: keywordAnalyzers[field]))
      case .number(let number)?: values.append(KeywordNormalizer.normalize(JSONWriter.format(number), analyzer: keywordAnalyzers[field]))
      case .array(let items)?:
        for item in items {
          switch item {
          case .string(let text): values.append(KeywordNormalizer.normalize(text, analyzer: keywordAnalyzers[field]))
          case .number: values.append(KeywordNormalizer.normalize(item.displayText, analyzer: keywordAnalyzers[field]))
          default: break
          }
        }
      default: break
      }
    }
    return values
  }

  /// The probability `head` gives the document's value of keyword field `field` (the largest when it has several).
  private func intentProbability(_ field: Int, _ head: IntentHeadPrediction?, _ data: CandidateData,
                                 _ node: FeatureNodeBuilder) -> FeatureNode {
    let name = keywordFields[field].name
    guard let head else { return node.leaf(0, "0: no intent prediction (query understanding off, or no model)") }
    let values = keywordValues(field: field, stored: data.stored)
    guard let best = values.max(by: { head.probability(of: $0) < head.probability(of: $1) }) else {
      return node.leaf(0, "0: the document has no \(name)")
    }
    let top = head.top.map { " (top: \($0.label) \(String(format: "%.2f", $0.probability)))" } ?? ""
    return node.leaf(head.probability(of: best), "P(\(name) = \"\(best)\" | query) from the intent model\(top)")
  }

  private func intentMatch(_ field: Int, _ vote: IntentVote?, _ data: CandidateData, _ node: FeatureNodeBuilder) throws -> FeatureNode {
    let name = keywordFields[field].name
    guard let vote else { return node.leaf(0, "0: no predicted \(name) (no bm25f candidates to vote)") }
    let values = keywordValues(field: field, stored: data.stored)
    if values.contains(vote.value) { return node.leaf(1, "1: the document's \(name) is the predicted \(vote.reason)") }
    let shown = values.isEmpty ? "none" : values.map { "\"\($0)\"" }.joined(separator: ", ")
    return node.leaf(0, "0: the document's \(name) (\(shown)) is not the predicted \(vote.reason)")
  }
}
