import Foundation

/// The engine façade: runs a query through every stage of the pipeline against one index.
///
/// Stages today: `understand` (parse filters, analyze terms), `retrieve` (BM25F top-k by block-max MaxScore,
/// filters applied before scoring), `rank` (the retrieved top-k), `page` (ids and explanations of the returned hits).
/// Thread-safe: the index is immutable and each search allocates its own scratch space.
public final class SearchEngine: Sendable {
  /// The index searched.
  public let reader: IndexReader
  let parser: QueryParser
  /// The text encoder for semantic retrieval, when a model is available.
  public let embedder: (any TextEmbedder)?
  /// Whether semantic retrieval can run, and if not, why.
  public let semanticStatus: SemanticStatus
  private let semanticField: (index: Int, name: String)?
  /// The nearest-neighbour searcher of the text-embedding field (one per engine: it keeps search scratch).
  private let semanticSearcher: VectorSearcher?
  /// Engagement statistics from a query log, for the features that read it (click priors).
  public let queryLog: QueryLogStatistics?
  /// The feature extractor of this index (index-wide inputs computed once), or why there is none.
  private let features: Result<FeatureExtractor, FeatureUnavailable>
  /// L2 models read so far, by path (a profile's model is read once).
  let models = ModelCache()
  /// The query understander, installed once built (`install(_:)`); searches asking for understanding before then
  /// run as typed.
  let understanding = UnderstanderSlot()
  /// Vector searchers of the recommendation generators, by field.
  let vectorSearchers = VectorSearcherCache()

  /// The schema of the index.
  public var schema: Schema { reader.schema }
  /// Number of documents in the index.
  public var documentCount: Int { reader.documentCount }

  /// Creates an engine over an open index; `embedder` (with `embedderUnavailableReason` when it is nil)
  /// enables semantic retrieval over the schema's text-embedding field.
  public init(reader: IndexReader, embedder: (any TextEmbedder)? = nil, embedderUnavailableReason: String? = nil,
              queryLog: QueryLogStatistics? = nil) {
    self.reader = reader
    self.queryLog = queryLog
    do {
      features = .success(try FeatureExtractor(reader: reader))
    } catch {
      features = .failure(FeatureUnavailable(reason: "\(error)"))
    }
    parser = QueryParser(schema: reader.schema)
    self.embedder = embedder
    var status = SemanticStatus.determine(schema: reader.schema, embedder: embedder,
                                          unavailableReason: embedderUnavailableReason)
    var field: (index: Int, name: String)?
    var searcher: VectorSearcher?
    if status.isAvailable, let name = reader.schema.textEmbeddingField?.name,
       let index = reader.schema.vectorFields.firstIndex(where: { $0.name == name }) {
      do {
        searcher = try VectorSearcher(reader: reader, field: index)
        field = (index, name)
      } catch {
        status = .off(reason: "the vectors of \(name) cannot be searched: \(error)")
      }
    }
    semanticStatus = status
    semanticField = field
    semanticSearcher = searcher
  }

  /// Opens the index directory at `directory`.
  public static func open(directory: URL, embedder: (any TextEmbedder)? = nil,
                          embedderUnavailableReason: String? = nil, queryLog: QueryLogStatistics? = nil) throws -> SearchEngine {
    SearchEngine(reader: try IndexReader.open(directory: directory.path), embedder: embedder,
                 embedderUnavailableReason: embedderUnavailableReason, queryLog: queryLog)
  }

  /// The feature extractor of this index (for rank profiles' feature stages).
  public func featureExtractor() throws -> FeatureExtractor {
    switch features {
    case .success(let extractor): return extractor
    case .failure(let problem): throw QueryError("features are unavailable on this index: \(problem.reason)")
    }
  }

  /// Builds an index in memory from JSON Lines (strict: a bad line throws).
  public static func inMemory(schema: Schema, jsonLines: String) throws -> SearchEngine {
    let report = try DocumentImporter(schema: schema, mode: .strict).importLines(jsonLines, file: "<memory>")
    var builder = IndexBuilder(schema: schema)
    for document in report.documents { builder.add(document) }
    return SearchEngine(reader: try IndexReader.inMemory(files: builder.serialize(), schema: schema))
  }

  /// Installs (or, with nil, removes) the query understander searches use when they ask for understanding.
  public func install(_ understander: QueryUnderstander?) { understanding.current = understander }

  /// The installed query understander, if any.
  public var understander: QueryUnderstander? { understanding.current }

  /// Says an understander is being built and will be installed (searches run as typed until it is).
  public func expectUnderstander() { understanding.isExpected = true }

  /// Whether an understander is installed or expected.
  public var understandsQueries: Bool { understanding.isExpected || understanding.current != nil }

  /// Parses a query without running it.
  public func parse(_ query: String) throws -> ParsedQuery { try parser.parse(query) }

  /// Runs `request` through the pipeline.
  ///
  /// Lexical and semantic modes run one candidate generator (`bm25f`, `ann:<field>`) to the request's limit.
  /// Hybrid mode runs every generator its fusion settings name, each to `max(depth, limit)`, fuses their lists
  /// (`ScoreFusion`) and explains each hit with every generator's rank, raw score and own explanation.
  public func search(_ request: SearchRequest) throws -> SearchResponse {
    if request.whyNot != nil, request.profile == nil {
      // "Why not X" follows the document through a profile's stages: run the mode as the profile it amounts to.
      var equivalent = request
      equivalent.profile = try equivalentProfile(request)
      return try search(equivalent)
    }
    var clock = StageClock()
    let typed = try parser.parse(request.query)
    guard let options = request.understanding, let understander = understanding.current else {
      return try run(request, parsed: typed, interpretation: nil, clock: clock)
    }
    var interpretation = understander.interpret(typed.text, options: options)
    if request.profile != nil {
      // A profile's scores may be negative: phrases are reported but boost nothing there.
      for index in interpretation.rewrites.indices where interpretation.rewrites[index].kind == .phrase {
        interpretation.rewrites[index].source += " · not boosted under a rank profile"
      }
    }
    var response = try run(request, parsed: understood(typed, interpretation), interpretation: interpretation, clock: clock)
    response.interpretation = interpretation
    try attachProvenance(to: &response, interpretation: interpretation)
    return response
  }

  /// Runs the pipeline on a parsed (and possibly understood) query; `clock` started before parsing.
  private func run(_ request: SearchRequest, parsed: ParsedQuery, interpretation: QueryInterpretation?,
                   clock: StageClock) throws -> SearchResponse {
    var trace: [StageTrace] = []
    var clock = clock
    let filters = parsed.filters + request.filters
    let scorer = BM25FScorer(reader: reader)
    let terms = try scorer.resolve(parsed.terms)
    let fusion = request.retrieval == .hybrid && request.profile == nil ? try fusionSettings(for: request) : nil
    var queryVector: [Float]?
    var pendingVector: BackgroundValue<[Float]>?
    let needsEmbedding = request.profile.map(\.needsEmbedding) ?? request.retrieval.needsEmbedding
    if needsEmbedding {
      guard semanticStatus.isAvailable, let embedder else {
        let what = request.profile.map { "rank profile \($0.name) needs the text embedding, which is" }
          ?? "\(request.retrieval.rawValue) retrieval is"
        throw QueryError("\(what) off: \(semanticStatus.description)")
      }
      if !parsed.text.trimmingWhitespace().isEmpty {
        if request.profile != nil {
          // A profile's lexical generators and feature context do not need the embedding: it is computed on
          // another thread meanwhile, and waited for where it is needed.
          let text = parsed.text
          pendingVector = BackgroundValue { try embedder.embed(text) }
        } else {
          queryVector = try embedder.embed(parsed.text)
        }
      }
    }
    trace.append(StageTrace(name: "understand", inputCount: 1, outputCount: queryVector == nil && pendingVector == nil ? terms.count : 1,
                            seconds: clock.lap()))

    let filter = try DocumentFilter.evaluate(filters, reader: reader)
    let query = GeneratorQuery(terms: terms, vector: queryVector, filters: filters, filter: filter)
    let limit = max(0, request.limit)
    let searchable = filter?.count ?? reader.documentCount
    let hasQuery = request.profile != nil ? (!parsed.terms.isEmpty || pendingVector != nil)
      : request.retrieval == .lexical ? !parsed.terms.isEmpty : queryVector != nil
    guard hasQuery else {
      // A filter-only query returns the filtered documents in index order, all scoring 0.
      var documents: [Int] = []
      if let filter {
        documents.reserveCapacity(min(limit, filter.count))
        var document = 0
        while documents.count < limit, document < filter.allowed.count {
          if filter.allowed[document] { documents.append(document) }
          document += 1
        }
      }
      let allowedCount = filter?.count ?? 0
      trace.append(StageTrace(name: "retrieve", inputCount: searchable, outputCount: allowedCount, seconds: clock.lap()))
      trace.append(StageTrace(name: "rank", inputCount: allowedCount, outputCount: documents.count,
                              cutoffScore: documents.isEmpty ? nil : 0, seconds: clock.lap()))
      var hits: [SearchHit] = []
      for (offset, document) in documents.enumerated() {
        let id = try reader.id(of: document)
        let explanation: Explanation? = request.explains(rank: offset + 1, id: id)
          ? .sum("final score", [.leaf(0, "retrieve · no query terms: matched by filters only (\(filters.map(\.description).joined(separator: " ")))")])
          : nil
        hits.append(SearchHit(documentNumber: document, id: id, rank: offset + 1, score: 0, explanation: explanation))
      }
      trace.append(StageTrace(name: "page", inputCount: documents.count, outputCount: hits.count, seconds: clock.lap()))
      return SearchResponse(parsedQuery: ParsedQuery(text: parsed.text, terms: parsed.terms, filters: filters),
                            hits: hits, totalMatches: allowedCount, trace: trace)
    }

    if let profile = request.profile {
      return try profileSearch(request, profile: profile, query: query, pendingVector: pendingVector, parsed: parsed,
                               intent: interpretation?.intent, limit: limit, trace: trace, clock: clock)
    }
    let boost = try PhraseBoost(reader: reader, interpretation: interpretation,
                            window: understanding.current?.settings.phraseWindow ?? UnderstandingSettings.standard.phraseWindow)
    if let fusion {
      return try hybridSearch(request, query: query, parsed: parsed, fusion: fusion, boost: boost, limit: limit, trace: trace,
                              clock: clock)
    }
    let generator: any CandidateGenerator = request.retrieval == .semantic ? try vectorGenerator() : BM25FGenerator(scorer: scorer)
    let list = try generator.generate(query, depth: boost.map { max(limit, $0.window) } ?? limit, earlier: [])
    trace.append(StageTrace(name: "retrieve", inputCount: searchable, outputCount: list.matchCount, seconds: clock.lap()))
    let ranked = try rank(list.candidates.map { ($0.document, $0.score) }, limit: limit, boost: boost, trace: &trace,
                          clock: &clock)
    trace.append(StageTrace(name: "rank", inputCount: list.matchCount, outputCount: ranked.count,
                            cutoffScore: ranked.last?.score, seconds: clock.lap()))
    var hits: [SearchHit] = []
    hits.reserveCapacity(ranked.count)
    for (offset, entry) in ranked.enumerated() {
      let candidate = list.candidates[entry.order]
      var explanation: Explanation?
      let id = try reader.id(of: candidate.document)
      if request.explains(rank: offset + 1, id: id) {
        let retrieval = try generator.explain(query, candidate: candidate, in: list)
        explanation = .sum("final score", [Self.boosted(Explanation(value: retrieval.value, label: "retrieve · \(retrieval.label)",
                                                                    combination: retrieval.combination, children: retrieval.children),
                                                        boost: boost, matches: entry.matches)])
      }
      var hit = SearchHit(documentNumber: candidate.document, id: id, rank: offset + 1, score: entry.score,
                          explanation: explanation,
                          sources: [CandidateSource(generator: list.generator, rank: candidate.rank, score: candidate.score)])
      if let boost {
        hit.retrievalScore = entry.retrievalScore
        hit.rewrites = zip(boost.phrases, entry.matches).compactMap { $1 == nil ? nil : $0.rewrite.id }
      }
      hits.append(hit)
    }
    trace.append(StageTrace(name: "page", inputCount: ranked.count, outputCount: hits.count, seconds: clock.lap()))
    return SearchResponse(parsedQuery: ParsedQuery(text: parsed.text, terms: parsed.terms, filters: filters),
                          hits: hits, totalMatches: list.matchCount, totalMatchesIsExact: list.matchCountIsExact, trace: trace,
                          generators: [GeneratorReport(name: list.generator, candidateCount: list.candidates.count,
                                                       matchCount: list.matchCount, note: list.note)])
  }

  /// Hybrid retrieval: every generator of `fusion`, fused, ranked and explained.
  private func hybridSearch(_ request: SearchRequest, query: GeneratorQuery, parsed: ParsedQuery, fusion: FusionSettings,
                            boost: PhraseBoost?, limit: Int, trace: [StageTrace], clock: StageClock) throws -> SearchResponse {
    var trace = trace
    var clock = clock
    let generators = try hybridGenerators(fusion)
    let depth = max(fusion.depth, limit)
    var lists: [CandidateList] = []
    for (generator, _) in generators {
      lists.append(try generator.generate(query, depth: depth, earlier: lists))
    }
    let candidateCount = lists.reduce(0) { $0 + $1.candidates.count }
    trace.append(StageTrace(name: "retrieve", inputCount: query.filter?.count ?? reader.documentCount,
                            outputCount: candidateCount, seconds: clock.lap()))
    let fuser = ScoreFusion(settings: fusion, lists: lists, weights: generators.map(\.weight))
    let fused = fuser.fuse()
    trace.append(StageTrace(name: "fuse", inputCount: candidateCount, outputCount: fused.count, seconds: clock.lap()))
    let top = try rank(fused.map { ($0.document, $0.score) }, limit: limit, boost: boost, trace: &trace, clock: &clock)
    trace.append(StageTrace(name: "rank", inputCount: fused.count, outputCount: top.count, cutoffScore: top.last?.score,
                            seconds: clock.lap()))
    var hits: [SearchHit] = []
    hits.reserveCapacity(top.count)
    for (offset, entry) in top.enumerated() {
      var explanation: Explanation?
      let id = try reader.id(of: entry.document)
      if request.explains(rank: offset + 1, id: id) {
        let tree = try fuser.explain(entry.document) { index, candidate in
          try generators[index].generator.explain(query, candidate: candidate, in: lists[index])
        }
        explanation = .sum("final score", [Self.boosted(Explanation(value: tree.value, label: "retrieve · hybrid: \(tree.label)",
                                                                    combination: tree.combination, children: tree.children),
                                                        boost: boost, matches: entry.matches)])
      }
      var hit = SearchHit(documentNumber: entry.document, id: id, rank: offset + 1,
                          score: entry.score, explanation: explanation, sources: fuser.sources(of: entry.document))
      if let boost {
        hit.retrievalScore = entry.retrievalScore
        hit.rewrites = zip(boost.phrases, entry.matches).compactMap { $1 == nil ? nil : $0.rewrite.id }
      }
      hits.append(hit)
    }
    trace.append(StageTrace(name: "page", inputCount: top.count, outputCount: hits.count, seconds: clock.lap()))
    return SearchResponse(parsedQuery: ParsedQuery(text: parsed.text, terms: parsed.terms, filters: query.filters),
                          hits: hits, totalMatches: fused.count, trace: trace,
                          generators: lists.map { GeneratorReport(name: $0.generator, candidateCount: $0.candidates.count,
                                                                  matchCount: $0.matchCount, note: $0.note) },
                          fusion: fusion)
  }

  /// The page of retrieved `entries` (best first): the first `limit`, or with a phrase boost the first `window`
  /// re-scored and re-sorted, then cut (a "phrase" stage in the trace). `order` is the entry's retrieval position.
  private func rank(_ entries: [(document: Int, score: Double)], limit: Int, boost: PhraseBoost?, trace: inout [StageTrace],
                    clock: inout StageClock) throws
    -> [(document: Int, score: Double, retrievalScore: Double, order: Int, matches: [String?])] {
    guard let boost else {
      return entries.prefix(limit).enumerated().map { ($1.document, $1.score, $1.score, $0, []) }
    }
    let window = Array(entries.prefix(max(limit, boost.window)))
    let rescored = try boost.rescore(window)
    trace.append(StageTrace(name: "phrase", inputCount: window.count, outputCount: rescored.filter { $0.score != $0.retrievalScore }.count,
                            seconds: clock.lap()))
    return Array(rescored.prefix(limit))
  }

  /// `retrieval` times the phrase boost of the phrases `matches` names, or `retrieval` itself when none was found.
  static func boosted(_ retrieval: Explanation, boost: PhraseBoost?, matches: [String?]) -> Explanation {
    guard let boost, matches.contains(where: { $0 != nil }) else { return retrieval }
    return boost.explain(retrieval, matches: matches)
  }

  /// The rank profile a plain retrieval mode amounts to: its generator(s) to the request's limit (hybrid: each
  /// to the fusion depth) and, for hybrid, its fusion.
  func equivalentProfile(_ request: SearchRequest) throws -> RankProfile {
    let limit = max(1, request.limit)
    switch request.retrieval {
    case .lexical:
      return RankProfile(name: "lexical", retrieval: .init(generators: [(BM25FGenerator.generatorName, limit)]))
    case .semantic:
      guard let field = semanticField else { throw QueryError("semantic retrieval is off: \(semanticStatus.description)") }
      return RankProfile(name: "semantic", retrieval: .init(generators: [(VectorGenerator.generatorName(field: field.name), limit)]))
    case .hybrid:
      let fusion = try fusionSettings(for: request)
      let depth = max(fusion.depth, limit)
      var names = [BM25FGenerator.generatorName]
      if let field = semanticField { names.append(VectorGenerator.generatorName(field: field.name)) }
      if let popular = schema.retrieval?.popular { names.append(PopularInCategoryGenerator.generatorName(category: popular.category)) }
      return RankProfile(name: "hybrid", retrieval: .init(generators: names.filter { fusion.weights[$0] != nil }.map { ($0, depth) },
                                                           fusion: fusion))
    }
  }

  /// The fusion settings of a hybrid request: the request's, else the schema's, else the standard ones, with
  /// the default weights (`bm25f` and the text-embedding generator, 1 each) filled in and checked.
  public func fusionSettings(for request: SearchRequest) throws -> FusionSettings {
    var settings = request.fusion ?? schema.retrieval?.fusion ?? .standard
    try settings.validate()
    if settings.weights.isEmpty {
      settings.weights = [BM25FGenerator.generatorName: 1]
      if let field = schema.textEmbeddingField { settings.weights[VectorGenerator.generatorName(field: field.name)] = 1 }
    }
    let known = schema.generatorNames
    for name in settings.weights.keys.sorted() where !known.contains(name) {
      throw QueryError("unknown generator \(name) (this index offers \(known.joined(separator: ", ")))")
    }
    return settings
  }

  /// The generators a hybrid search runs, in the fixed order bm25f, ann:<field>, popular:<category>.
  private func hybridGenerators(_ fusion: FusionSettings) throws -> [(generator: any CandidateGenerator, weight: Double)] {
    var result: [(generator: any CandidateGenerator, weight: Double)] = []
    if let weight = fusion.weights[BM25FGenerator.generatorName] {
      result.append((BM25FGenerator(scorer: BM25FScorer(reader: reader)), weight))
    }
    if let semanticField, let weight = fusion.weights[VectorGenerator.generatorName(field: semanticField.name)] {
      result.append((try vectorGenerator(), weight))
    }
    if let settings = schema.retrieval?.popular,
       let weight = fusion.weights[PopularInCategoryGenerator.generatorName(category: settings.category)],
       let generator = PopularInCategoryGenerator(reader: reader, settings: settings) {
      result.append((generator, weight))
    }
    return result
  }

  /// The `ann:` generator over the text-embedding field.
  func vectorGenerator() throws -> VectorGenerator {
    guard let semanticSearcher, let embedder else { throw QueryError("semantic retrieval is off: \(semanticStatus.description)") }
    return VectorGenerator(searcher: semanticSearcher,
                           modelName: embedder.modelName)
  }

  /// The stored JSON object of a document.
  public func storedDocument(_ documentNumber: Int) throws -> JSONValue {
    try reader.storedDocument(documentNumber)
  }
}

/// Whether semantic retrieval can run on an engine, and if not, why.
public enum SemanticStatus: Sendable, Hashable, CustomStringConvertible {
  /// It can: the vector field holding text embeddings, and the model's name.
  case available(field: String, model: String)
  /// It cannot, for the reason given.
  case off(reason: String)

  static func determine(schema: Schema, embedder: (any TextEmbedder)?, unavailableReason: String?) -> SemanticStatus {
    guard let field = schema.textEmbeddingField else {
      return .off(reason: "the index has no text-embedding vector field")
    }
    guard let embedder else {
      return .off(reason: unavailableReason ?? "no sentence-encoder model is loaded")
    }
    guard embedder.dimension == field.dimension else {
      return .off(reason: "the model makes \(embedder.dimension)-dimensional vectors, field \(field.name) holds \(field.dimension ?? 0)")
    }
    return .available(field: field.name, model: embedder.modelName)
  }

  /// Whether semantic retrieval can run.
  public var isAvailable: Bool {
    if case .available = self { return true }
    return false
  }

  public var description: String {
    switch self {
    case .available(let field, let model): return "semantic retrieval on \(field) with \(model)"
    case .off(let reason): return reason
    }
  }
}

/// Measures consecutive stage times on the monotonic clock.
struct StageClock {
  private var last = DispatchTime.now().uptimeNanoseconds

  /// Seconds since the previous lap (or since creation).
  mutating func lap() -> Double {
    let now = DispatchTime.now().uptimeNanoseconds
    defer { last = now }
    return Double(now - last) / 1e9
  }
}

/// Selects the best `count` items by score, ties broken by the smaller document number.
enum TopK {
  /// The top `count` documents by `score`, best first.
  static func select(_ documents: [Int], count: Int, score: (Int) -> Double) -> [(document: Int, score: Double)] {
    guard count > 0, !documents.isEmpty else { return [] }
    func better(_ left: (document: Int, score: Double), _ right: (document: Int, score: Double)) -> Bool {
      left.score != right.score ? left.score > right.score : left.document < right.document
    }
    // A min-heap of the best seen so far: its root is the worst kept.
    var heap: [(document: Int, score: Double)] = []
    heap.reserveCapacity(min(count, documents.count))
    for document in documents {
      let entry = (document: document, score: score(document))
      if heap.count < count {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
          let parent = (child - 1) / 2
          guard better(heap[parent], heap[child]) else { break }
          heap.swapAt(parent, child)
          child = parent
        }
      } else if better(entry, heap[0]) {
        heap[0] = entry
        var parent = 0
        while true {
          let left = 2 * parent + 1
          let right = left + 1
          var worst = parent
          if left < heap.count, better(heap[worst], heap[left]) { worst = left }
          if right < heap.count, better(heap[worst], heap[right]) { worst = right }
          if worst == parent { break }
          heap.swapAt(parent, worst)
          parent = worst
        }
      }
    }
    return heap.sorted(by: better)
  }
}

/// The engine's query understander, set after the engine is made (it is built from the engine's index).
final class UnderstanderSlot: @unchecked Sendable {
  // Safety: `value` is read and written only while `lock` is held; the understander is immutable.
  private let lock = NSLock()
  private var value: QueryUnderstander?
  private var expected = false

  /// Whether an understander is being built for the engine.
  var isExpected: Bool {
    get { lock.lock(); defer { lock.unlock() }; return expected }
    set { lock.lock(); expected = newValue; lock.unlock() }
  }

  /// The installed understander.
  var current: QueryUnderstander? {
    get { lock.lock(); defer { lock.unlock() }; return value }
    set { lock.lock(); value = newValue; lock.unlock() }
  }
}

/// Why an index has no feature extractor.
struct FeatureUnavailable: Error {
  var reason: String
}

/// Tree-ensemble models read from files, kept by path so each is read once per engine.
final class ModelCache: @unchecked Sendable {
  // Safety: `models` is read and written only while `lock` is held; the models are immutable values.
  private let lock = NSLock()
  private var models: [String: (model: TreeEnsemble, compiled: CompiledTreeEnsemble)] = [:]

  /// The model at `path` and its scoring layout, read on first use; a file that cannot be used is a
  /// `QueryError` naming it.
  func model(at path: String) throws -> (model: TreeEnsemble, compiled: CompiledTreeEnsemble) {
    lock.lock()
    if let entry = models[path] {
      lock.unlock()
      return entry
    }
    lock.unlock()
    let model: TreeEnsemble
    do {
      model = try TreeEnsemble.load(path: path)
    } catch {
      throw QueryError("the L2 model cannot be used: \(error)")
    }
    let entry = (model, CompiledTreeEnsemble(model))
    lock.lock()
    models[path] = entry
    lock.unlock()
    return entry
  }
}
