import Foundation

/// The searches of a query log, one per line, in file order: what was shown, in which order, and what was clicked.
///
/// The log is JSON Lines, one search a line: `{"user"?: string, "query": string, "ts": number, "shown": [ids],
/// "clicked": [ids]}`. Every clicked id must be among the shown ones; an id shown twice in one search keeps its
/// first position. A bad line stops the reading with an `ImportIssue` naming the file, the line and the reason.
public struct QueryLog: Sendable, Hashable {
  /// One logged search.
  public struct Search: Sendable, Hashable {
    /// The line it was read from (1-based).
    public var line: Int
    /// The user, when logged.
    public var user: String?
    /// The query text as typed.
    public var query: String
    /// The query in `QueryLogStatistics.normalize` form.
    public var normalizedQuery: String
    /// Seconds since 1970.
    public var timestamp: Double
    /// The documents shown, best first (position 0 is rank 1), without repeats.
    public var shown: [String]
    /// The documents clicked, without repeats; all among `shown`.
    public var clicked: [String]

    /// Creates a search; `normalizedQuery` is computed from `query`.
    public init(line: Int = 0, user: String? = nil, query: String, timestamp: Double = 0, shown: [String],
                clicked: [String]) {
      self.line = line
      self.user = user
      self.query = query
      normalizedQuery = QueryLogStatistics.normalize(query)
      self.timestamp = timestamp
      self.shown = shown
      self.clicked = clicked
    }

    /// The 0-based position `id` was shown at, or nil.
    public func position(of id: String) -> Int? { shown.firstIndex(of: id) }
  }

  /// The file it was read from (named in errors).
  public var file: String
  /// The searches in file order.
  public var searches: [Search]

  /// Creates a log from searches.
  public init(file: String, searches: [Search]) {
    self.file = file
    self.searches = searches
  }

  /// The earliest `historyFraction` of the searches (by timestamp, then line) and the rest, each in that order:
  /// click features read from the history stay independent of clicks used as labels from the rest.
  public func split(historyFraction: Double) -> (history: QueryLog, later: QueryLog) {
    let ordered = searches.sorted { ($0.timestamp, $0.line) < ($1.timestamp, $1.line) }
    let count = Int((Double(ordered.count) * min(max(historyFraction, 0), 1)).rounded(.down))
    return (QueryLog(file: file, searches: Array(ordered[..<count])), QueryLog(file: file, searches: Array(ordered[count...])))
  }

  /// The query log at `path`.
  public static func read(path: String) throws -> QueryLog {
    return try parse(try FileBytes.read(path: path), file: path)
  }

  /// The query log given as UTF-8 bytes; `file` names it in errors.
  public static func parse(_ bytes: [UInt8], file: String) throws(ImportIssue) -> QueryLog {
    var searches: [Search] = []
    for (line, text) in JSONLines.lines(of: bytes) {
      searches.append(try search(line: text, number: line, file: file))
    }
    return QueryLog(file: file, searches: searches)
  }

  /// One line's search.
  static func search(line text: ArraySlice<UInt8>, number line: Int, file: String) throws(ImportIssue) -> Search {
    func fail(_ reason: String) -> ImportIssue { ImportIssue(file: file, line: line, reason: reason) }
    let value: JSONValue
    do { value = try JSONParser.parse(bytes: Array(text)) } catch { throw fail("malformed JSON at \(error)") }
    guard value.objectMembers != nil else { throw fail("expected a JSON object") }
    guard case .string(let query)? = value["query"] else { throw fail("\"query\" must be a string") }
    guard case .number(let timestamp)? = value["ts"], timestamp.isFinite else { throw fail("\"ts\" must be a number") }
    var user: String?
    switch value["user"] {
    case nil, .null?: break
    case .string(let name)?: user = name
    default: throw fail("\"user\" must be a string")
    }
    func ids(_ key: String) throws(ImportIssue) -> [String] {
      guard case .array(let items)? = value[key] else { throw fail("\"\(key)\" must be an array of document ids") }
      var result: [String] = []
      var seen = Set<String>()
      for item in items {
        guard case .string(let id) = item, !id.isEmpty else { throw fail("\"\(key)\" must hold only non-empty strings") }
        if seen.insert(id).inserted { result.append(id) }
      }
      return result
    }
    let shown = try ids("shown")
    let clicked = try ids("clicked")
    let shownSet = Set(shown)
    if let stray = clicked.first(where: { !shownSet.contains($0) }) {
      throw fail("clicked \"\(stray)\" was not shown")
    }
    return Search(line: line, user: user, query: query, timestamp: timestamp, shown: shown, clicked: clicked)
  }
}
