import Foundation
import RankscopeEngine

/// The query log's guides for the explorer: a `QueryCompleter` and a `RefinementGenerator`, built once from the
/// log (on a background thread, or at once), then shared by every keystroke.
///
/// `@unchecked Sendable`: the mutable state (`built`, `failure`) is only touched while holding `lock`, and the
/// completer and generator are themselves `Sendable` values.
public final class QueryGuides: @unchecked Sendable {
  private let lock = NSCondition()
  private var built: (completer: QueryCompleter, generator: RefinementGenerator)?
  private var failure: String?

  private init() {}

  /// Guides built now, on the calling thread (a replay, tests): from `log` over `engine`'s index.
  public convenience init(engine: SearchEngine, log: QueryLog) {
    self.init()
    built = (QueryCompleter(log: log), RefinementGenerator(engine: engine, log: log))
  }

  /// Starts building the guides on a background thread from the log `load` reads; until they are ready,
  /// completions fail at once and refinements wait. A failing `load` makes them unavailable with its message.
  public static func building(engine: SearchEngine, load: @escaping @Sendable () throws -> QueryLog) -> QueryGuides {
    let guides = QueryGuides()
    DispatchQueue.global(qos: .utility).async {
      do {
        let log = try load()
        let made = (QueryCompleter(log: log), RefinementGenerator(engine: engine, log: log))
        guides.finish(made, failure: nil)
      } catch {
        guides.finish(nil, failure: "the query log could not be read: \(error)")
      }
    }
    return guides
  }

  private func finish(_ made: (QueryCompleter, RefinementGenerator)?, failure: String?) {
    lock.lock()
    built = made
    self.failure = failure
    lock.broadcast()
    lock.unlock()
  }

  /// Whether they are ready, still building, or failed.
  public var status: QueryGuideStatus {
    lock.lock()
    defer { lock.unlock() }
    if built != nil { return .ready }
    return failure.map(QueryGuideStatus.unavailable) ?? .building
  }

  /// Blocks until the guides are built (or failed).
  public func waitUntilBuilt() {
    lock.lock()
    while built == nil, failure == nil { lock.wait() }
    lock.unlock()
  }

  /// The `k` best completions of `prefix` (for `user`'s history too); fails at once while building.
  public func complete(prefix: String, user: String?, k: Int) throws -> [CompletionSuggestion] {
    lock.lock()
    let completer = built?.completer
    let failure = self.failure
    lock.unlock()
    guard let completer else { throw SearchFailure(message: failure ?? QueryGuideStatus.building.description) }
    return completer.complete(prefix, user: user, k: k)
  }

  /// The `k` best refinements of `query` (for `user`); waits for the guides to be built.
  public func refinements(of query: String, user: String?, k: Int) throws -> [Refinement] {
    waitUntilBuilt()
    lock.lock()
    let generator = built?.generator
    let failure = self.failure
    lock.unlock()
    guard let generator else { throw SearchFailure(message: failure ?? "no query log") }
    return try generator.refinements(of: query, user: user, k: k)
  }
}
