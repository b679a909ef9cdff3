import RankscopeEngine

/// What the explorer needs from a search engine; `SearchEngine` conforms.
public protocol SearchService: Sendable {
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
}

extension SearchService {
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

extension SearchEngine: SearchService {}

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
