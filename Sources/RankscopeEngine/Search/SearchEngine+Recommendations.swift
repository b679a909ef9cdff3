import Foundation

/// What a profile run needs for a recommendation: the surface's generators by name.
struct RecommendationRun {
  /// The generators that replace the profile's, by the names the run's profile lists.
  var generators: [String: any CandidateGenerator]
}

/// Recommendations with no query: a homefeed for a user and the documents related to a document. The surface's
/// generators (interest neighbours, Pixie walks, a document's text and visual neighbours) replace a rank
/// profile's; their lists are fused (RRF by default) and ranked by the profile's L1, L2 and blend, exactly as a
/// search is, so hits carry the same explanations (each generator's tree names its source: "walk visits 37 from
/// p00123", "text cosine 0.81 to p00123"). Features that read the query are 0 and say so.
extension SearchEngine {
  /// Runs `request`: candidates from the surface's generators, then the stages of its profile.
  public func recommend(_ request: RecommendationRequest) throws -> SearchResponse {
    var trace: [StageTrace] = []
    var clock = StageClock()
    let settings = request.settings
    var excluded = Set<Int>()
    if let profile = request.user?.profile {
      let ids: Set<String>
      if case .homefeed = request.surface, settings.excludeSeen {
        ids = profile.hiddenDocuments.union(profile.seenDocuments)
      } else {
        ids = profile.hiddenDocuments
      }
      for id in ids.sorted() { if let document = try reader.documentNumber(forId: id) { excluded.insert(document) } }
    }
    trace.append(StageTrace(name: "understand", inputCount: 1, outputCount: excluded.count, seconds: clock.lap()))
    // The generators find their candidates as they are made; that time is counted in `retrieve`.
    var entries: [(generator: any CandidateGenerator, depth: Int)] = []
    let surfaceName: String
    switch request.surface {
    case .homefeed(let user):
      surfaceName = "homefeed for \(user.profile.userId)"
      let filter = Self.exclusionFilter(excluded, documentCount: documentCount)
      if let field = schema.textEmbeddingField, !user.profile.interests.isEmpty {
        let searcher = try vectorSearchers.searcher(reader: reader, field: field.name)
        entries.append((try InterestGenerator(searcher: searcher, profile: user.profile, filter: filter,
            depth: settings.interestDepth),
                        settings.interestDepth))
      }
      if let walker = request.walker {
        entries.append((WalkGenerator(walker: walker, queries: Self.recentQueries(user.profile, count: settings.recentQueryCount),
                                      reader: reader), settings.walkDepth))
      }
    case .related(let documentId, _):
      guard let document = try reader.documentNumber(forId: documentId) else {
        throw QueryError("there is no document with id \(documentId)")
      }
      surfaceName = "related to \(documentId)"
      excluded.insert(document)
      for field in schema.vectorFields {
        guard let vector = try reader.vector(field: schema.vectorFields.firstIndex(of: field)!,
            document: document) else { continue }
        let searcher = try vectorSearchers.searcher(reader: reader, field: field.name)
        entries.append((SimilarDocumentGenerator(searcher: searcher, vector: vector, documentId: documentId,
                                                 kind: field.embedding != nil ? "text" : field.name), settings.neighbourDepth))
      }
      if let walker = request.walker {
        entries.append((WalkGenerator(walker: walker, queries: [.init(document: document)], reader: reader), settings.walkDepth))
      }
    }
    guard !entries.isEmpty else {
      throw QueryError("nothing to recommend from for the \(surfaceName): no interests, vectors or engagement graph")
    }
    let filter = Self.exclusionFilter(excluded, documentCount: documentCount)
    let stages = try request.profile ?? RecommendationSettings.defaultProfile(registry: featureExtractor().registry,
        schema: schema)
    var profile = stages
    profile.name = "\(surfaceName) · \(stages.name)"
    profile.retrieval = .init(generators: entries.map { ($0.generator.name, $0.depth) }, fusion: settings.fusion)
    var generators: [String: any CandidateGenerator] = [:]
    for entry in entries { generators[entry.generator.name] = entry.generator }
    var searchRequest = SearchRequest(query: "", limit: request.limit, explain: request.explain, explained: request.explained,
                                      profile: profile)
    searchRequest.user = request.user
    return try profileSearch(searchRequest, profile: profile, query: GeneratorQuery(terms: [], vector: nil, filters: [],
        filter: filter),
                             pendingVector: nil, parsed: ParsedQuery(text: "", terms: [], filters: []), limit: max(0,
                                 request.limit),
                             trace: trace, clock: clock, recommendation: RecommendationRun(generators: generators))
  }

  /// The user's latest `count` distinct engaged documents (hides and zero weights left out), newest first, each
  /// weighted by the sum of its events' pooling weights.
  static func recentQueries(_ profile: UserProfile, count: Int) -> [PixieWalker.Query] {
    var order: [Int] = []
    var weights: [Int: Double] = [:]
    for event in profile.events.reversed() where event.action != .hide && event.weight > 0 {
      if weights[event.document] == nil {
        guard order.count < count else { continue }
        order.append(event.document)
      }
      weights[event.document, default: 0] += event.weight
    }
    return order.map { PixieWalker.Query(document: $0, weight: weights[$0]!) }
  }

  /// The filter leaving `excluded` out (nil when nothing is).
  static func exclusionFilter(_ excluded: Set<Int>, documentCount: Int) -> DocumentFilter? {
    guard !excluded.isEmpty else { return nil }
    var allowed = [Bool](repeating: true, count: documentCount)
    for document in excluded where document < documentCount { allowed[document] = false }
    return DocumentFilter(allowed: allowed, count: documentCount - excluded.filter { $0 < documentCount }.count)
  }
}

/// Vector searchers by field, made on first use and kept (each keeps its search scratch).
final class VectorSearcherCache: @unchecked Sendable {
  // Safety: `searchers` is read and written only while `lock` is held; searchers are thread-safe.
  private let lock = NSLock()
  private var searchers: [String: VectorSearcher] = [:]

  /// The searcher of vector field `field` of `reader`'s index.
  func searcher(reader: IndexReader, field: String) throws -> VectorSearcher {
    lock.lock()
    defer { lock.unlock() }
    if let searcher = searchers[field] { return searcher }
    guard let index = reader.schema.vectorFields.firstIndex(where: { $0.name == field }) else {
      throw QueryError("\(field) is not a vector field")
    }
    let searcher = try VectorSearcher(reader: reader, field: index)
    searchers[field] = searcher
    return searcher
  }
}
