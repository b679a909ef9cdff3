import RankscopeEngine

/// The query log `complete`, `refine` and `bench autocomplete` read: --query-log, else the sample world's.
enum QueryLogLocation {
  /// The path to read: `explicit`, else the sample world's log when no index was given.
  static func path(_ explicit: String?, index: String?) throws -> String {
    if let explicit { return explicit }
    guard index == nil else {
      throw CommandFailure("--index needs --query-log FILE (JSON Lines: user, query, ts, shown, clicked)")
    }
    return try Locations.sampleData().appendingPathComponent("query-log.jsonl").path
  }

  /// The log at `path`, with a one-line error.
  static func read(_ path: String) throws -> QueryLog {
    do { return try QueryLog.read(path: path) } catch { throw CommandFailure("\(error)") }
  }
}
