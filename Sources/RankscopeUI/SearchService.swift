import RankscopeEngine

/// What the explorer needs from a search engine; `SearchEngine` conforms.
public protocol SearchService: Sendable {
  /// Whether the query understander is built (`understandsQueries` may be true before: it is being built).
  var isUnderstandingReady: Bool { get }
  /// Whether searches may ask for query understanding (an understander is installed or being built).
  var understandsQueries: Bool { get }
  /// The collection's schema (its `display` names the fields to show).
  var schema: Schema { get }
  /// Number of documents in the collection.
  var documentCount: Int { get }
  /// Whether semantic retrieval can run, and if not, why.
  var semanticStatus: SemanticStatus { get }
  /// Runs a search; thread-safe.
  func search(_ request: SearchRequest) throws -> SearchResponse
  /// The stored JSON object of a document.
  func storedDocument(_ documentNumber: Int) throws -> JSONValue
  /// Compares two documents (ids) for a request: ranks, scores and feature differences; thread-safe.
  func compare(_ request: SearchRequest, _ first: String, _ second: String) throws -> HitComparison
  /// `profile` recomputed from its history without the events at `hidden` (positions in `profile.events`).
  func rebuildProfile(_ profile: UserProfile, hiding hidden: Set<Int>) throws -> UserProfile
  /// A homefeed or the documents related to one, ranked and explained like a search; thread-safe.
  func recommend(_ request: RecommendationRequest) throws -> SearchResponse
  /// Whether autocomplete and refinements can run (the default: unavailable, no query log).
  var guideStatus: QueryGuideStatus { get }
  /// The `k` best autocomplete suggestions for `prefix` from the query log, with `user`'s own history weighing in;
  /// fast (microseconds) and thread-safe.
  func complete(prefix: String, user: String?, k: Int) throws -> [CompletionSuggestion]
  /// The `k` best refinements of `query` (several searches); thread-safe.
  func refinements(of query: String, user: String?, k: Int) throws -> [Refinement]
}

extension SearchService {
  /// No query log: autocomplete and refinements are off.
  public var guideStatus: QueryGuideStatus { .unavailable("no query log") }

  /// Fails: no query log.
  public func complete(prefix: String, user: String?, k: Int) throws -> [CompletionSuggestion] {
    throw SearchFailure(message: guideStatus.description)
  }

  /// Fails: no query log.
  public func refinements(of query: String, user: String?, k: Int) throws -> [Refinement] {
    throw SearchFailure(message: guideStatus.description)
  }
}

extension SearchService {
  /// Whether searches may ask for query understanding (spelling, synonyms, phrases); false unless a service says so.
  public var understandsQueries: Bool { false }
  /// Whether the understander is built; true unless a service says otherwise.
  public var isUnderstandingReady: Bool { true }

  /// Document ids per query id for `queries`, each searched like `request` (its retrieval mode, fusion, profile
  /// and limit) and put in the order `rankscope eval` scores a run (`Evaluator.runOrder`).
  public func rankings(_ queries: [EvaluationQuery], like request: SearchRequest) throws -> [String: [String]] {
    var rankings: [String: [String]] = [:]
    for query in queries {
      var search = request
      search.query = query.text
      search.explain = false
      let hits = try self.search(search).hits
      rankings[query.id] = Evaluator.runOrder(hits, blended: request.profile?.blend != nil).map(\.id)
    }
    return rankings
  }
}

extension SearchEngine: SearchService {
  /// Whether an understander is installed (the explorer builds it in the background).
  public var isUnderstandingReady: Bool { understander != nil }
  /// `profile` recomputed by `UserModelBuilder` from its events without those at `hidden`, ages measured from
  /// the same reference time, so hiding nothing gives the profile back.
  public func rebuildProfile(_ profile: UserProfile, hiding hidden: Set<Int>) throws -> UserProfile {
    let events = profile.events.enumerated().filter { !hidden.contains($0.offset) }.map { _, event in
      EngagementEvent(user: profile.userId, document: event.documentId, action: event.action,
                      timestamp: event.timestamp, query: event.query)
    }
    return try UserModelBuilder(reader: reader).profile(for: UserRecord(id: profile.userId, name: profile.name),
                                                        events: events, referenceTime: profile.referenceTime)
  }
}

/// A finished search: the response and the stored document of each hit, in hit order.
public struct SearchOutcome: Sendable {
  /// The engine's response.
  public var response: SearchResponse
  /// The stored document of each hit (`.null` where it could not be read).
  public var documents: [JSONValue]

  /// Creates an outcome.
  public init(response: SearchResponse, documents: [JSONValue]) {
    self.response = response
    self.documents = documents
  }
}

/// Why a search failed, as a message for the status line.
public struct SearchFailure: Error, Sendable, Hashable, CustomStringConvertible {
  /// The message.
  public var message: String

  /// Creates a failure.
  public init(message: String) { self.message = message }

  public var description: String { message }
}

/// Runs `request` on `service` and reads each hit's stored document; never throws.
///
/// This is the work behind `Effect.search`; the terminal runs it on a background queue.
public func performSearch(_ request: SearchRequest, using service: any SearchService) -> Result<SearchOutcome, SearchFailure> {
  do {
    let response = try service.search(request)
    let documents = response.hits.map { hit in (try? service.storedDocument(hit.documentNumber)) ?? .null }
    return .success(SearchOutcome(response: response, documents: documents))
  } catch {
    let message = String(describing: error)
    return .failure(SearchFailure(message: message.isEmpty ? "search failed" : message))
  }
}

/// Compares documents `first` and `second` for `request` on `service`; never throws.
///
/// This is the work behind `Effect.compare`; the terminal runs it on a background queue.
public func performComparison(_ request: SearchRequest, _ first: String, _ second: String,
                              using service: any SearchService) -> Result<HitComparison, SearchFailure> {
  do {
    return .success(try service.compare(request, first, second))
  } catch {
    let message = String(describing: error)
    return .failure(SearchFailure(message: message.isEmpty ? "comparison failed" : message))
  }
}

/// The explanation of hit `id` in the results of `request` on `service` (which should explain that hit); never throws.
///
/// This is the work behind `Effect.explain`; the terminal runs it on a background queue.
public func performExplanation(_ request: SearchRequest, id: String, using service: any SearchService) -> Result<Explanation, SearchFailure> {
  do {
    guard let explanation = try service.search(request).hits.first(where: { $0.id == id })?.explanation else {
      return .failure(SearchFailure(message: "\(id) is no longer among the results"))
    }
    return .success(explanation)
  } catch {
    let message = String(describing: error)
    return .failure(SearchFailure(message: message.isEmpty ? "explanation failed" : message))
  }
}

/// Runs the whole-set evaluation `job` on `service` (searching only the queries whose rankings it lacks) and
/// compares the two sides on nDCG@10; never throws.
///
/// This is the work behind `Effect.evaluateSet`; the terminal runs it on a background queue.
public func performSetEvaluation(_ job: SetEvaluationJob, using service: any SearchService) -> Result<SetEvaluation, SearchFailure> {
  do {
    var rankingsA = job.knownRankingsA
    var rankingsB = job.knownRankingsB
    let missingA = job.queries.filter { rankingsA[$0.id] == nil }
    let missingB = job.queries.filter { rankingsB[$0.id] == nil }
    rankingsA.merge(try service.rankings(missingA, like: job.a)) { _, new in new }
    rankingsB.merge(try service.rankings(missingB, like: job.b)) { _, new in new }
    let comparison = try RankerComparison(rankingsA: rankingsA, rankingsB: rankingsB, judgments: job.judgments)
    let texts = Dictionary(job.queries.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
    return .success(SetEvaluation(rankingsA: rankingsA, rankingsB: rankingsB, comparison: comparison, texts: texts))
  } catch {
    let message = String(describing: error)
    return .failure(SearchFailure(message: message.isEmpty ? "evaluation failed" : message))
  }
}

/// `profile` without the events at `hidden`, recomputed on `service`; never throws.
///
/// This is the work behind `Effect.rebuildProfile`.
public func performProfileRebuild(_ profile: UserProfile, hiding hidden: Set<Int>,
                                  using service: any SearchService) -> Result<UserProfile, SearchFailure> {
  do {
    return .success(try service.rebuildProfile(profile, hiding: hidden))
  } catch {
    let message = String(describing: error)
    return .failure(SearchFailure(message: message.isEmpty ? "recomputing the profile failed" : message))
  }
}

/// The cohort view's figures for `job` on `service`: for each user, every query searched with the signal on and
/// off, nDCG@10 of both (trec_eval's definition, `Evaluator.queryResults`) and the top-10 churn; never throws.
///
/// This is the work behind `Effect.evaluateCohort`.
public func performCohort(_ job: CohortJob, using service: any SearchService) -> Result<CohortResult, SearchFailure> {
  do {
    var rows: [CohortRow] = []
    for user in job.users {
      var on = job.request
      on.user = UserContext(profile: user, enabledSignals: job.enabledSignals.union([job.signal]))
      var off = job.request
      off.user = UserContext(profile: user, enabledSignals: job.enabledSignals.subtracting([job.signal]))
      let rankingsOn = try service.rankings(job.queries, like: on)
      let rankingsOff = try service.rankings(job.queries, like: off)
      let resultsOn = Evaluator.queryResults(rankings: rankingsOn, judgments: job.judgments)
      let resultsOff = Evaluator.queryResults(rankings: rankingsOff, judgments: job.judgments)
      let churn = job.queries.map { query in
        1 - RankOverlap.jaccard(rankingsOn[query.id] ?? [], rankingsOff[query.id] ?? [], cutoff: 10)
      }
      func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
      rows.append(CohortRow(userId: user.userId, name: user.name, ndcgOn: mean(resultsOn.map(\.ndcgAt10)),
                            ndcgOff: mean(resultsOff.map(\.ndcgAt10)), churn: mean(churn)))
    }
    return .success(CohortResult(signal: job.signal, queryCount: job.queries.count, rows: rows))
  } catch {
    let message = String(describing: error)
    return .failure(SearchFailure(message: message.isEmpty ? "the cohort evaluation failed" : message))
  }
}

/// Runs the recommendation `query` on `service` (walking `walker`) and reads each hit's stored document; never
/// throws. This is the work behind `Effect.recommend`.
public func performRecommendation(_ query: RecommendationQuery, walker: PixieWalker?,
                                  using service: any SearchService) -> Result<SearchOutcome, SearchFailure> {
  guard let request = query.request(walker: walker) else {
    return .failure(SearchFailure(message: "a homefeed needs a user: pick one with F11"))
  }
  do {
    let response = try service.recommend(request)
    let documents = response.hits.map { hit in (try? service.storedDocument(hit.documentNumber)) ?? .null }
    return .success(SearchOutcome(response: response, documents: documents))
  } catch {
    let message = String(describing: error)
    return .failure(SearchFailure(message: message.isEmpty ? "the recommendation failed" : message))
  }
}

/// The `k` best completions of `prefix` for `user` on `service`; never throws. The work behind `Effect.complete`,
/// which the run loop carries out itself (it takes microseconds).
public func performCompletion(_ prefix: String, user: String?, k: Int,
                              using service: any SearchService) -> Result<[CompletionSuggestion], SearchFailure> {
  do {
    return .success(try service.complete(prefix: prefix, user: user, k: k))
  } catch let failure as SearchFailure {
    return .failure(failure)
  } catch {
    return .failure(SearchFailure(message: "\(error)"))
  }
}

/// The `k` best refinements of `query` for `user` on `service`; never throws. The work behind `Effect.refine`.
public func performRefinements(_ query: String, user: String?, k: Int,
                               using service: any SearchService) -> Result<[Refinement], SearchFailure> {
  do {
    return .success(try service.refinements(of: query, user: user, k: k))
  } catch let failure as SearchFailure {
    return .failure(failure)
  } catch {
    let message = String(describing: error)
    return .failure(SearchFailure(message: message.isEmpty ? "refinements failed" : message))
  }
}
