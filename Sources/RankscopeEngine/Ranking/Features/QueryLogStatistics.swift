import Foundation

/// Impression and click counts read from a query log: per document, and per (normalised query, document).
///
/// The log is JSON Lines, one search a line: `{"user"?: string, "query": string, "ts": number, "shown": [ids],
/// "clicked": [ids]}`. Every clicked id must be among the shown ones; an id shown twice in one search counts
/// once. A bad line stops the reading with an `ImportIssue` naming the file, the line and the reason.
public struct QueryLogStatistics: Sendable, Hashable {
  /// How often a document was shown and clicked.
  public struct Counts: Sendable, Hashable {
    /// Searches that showed it.
    public var shown: Int
    /// Searches in which it was clicked.
    public var clicked: Int

    /// Creates counts.
    public init(shown: Int = 0, clicked: Int = 0) {
      self.shown = shown
      self.clicked = clicked
    }
  }

  /// Counts per document id.
  public private(set) var documents: [String: Counts] = [:]
  /// Counts per normalised query text, then per document id.
  public private(set) var queryDocuments: [String: [String: Counts]] = [:]
  /// Searches read.
  public private(set) var searchCount = 0
  /// Impressions over all searches (shown documents).
  public private(set) var totalShown = 0
  /// Clicks over all searches.
  public private(set) var totalClicked = 0

  /// Empty statistics.
  public init() {}

  /// The statistics of the query log at `path`.
  public static func read(path: String) throws -> QueryLogStatistics {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw IndexError.unreadable(path: path, reason: FileManager.default.fileExists(atPath: path)
                                    ? "permission denied or not a regular file" : "no such file")
    }
    return try parse(Array(data), file: path)
  }

  /// The statistics of a query log given as UTF-8 bytes; `file` names it in errors.
  public static func parse(_ bytes: [UInt8], file: String) throws(ImportIssue) -> QueryLogStatistics {
    var statistics = QueryLogStatistics()
    for (line, text) in JSONLines.lines(of: bytes) {
      func fail(_ reason: String) -> ImportIssue { ImportIssue(file: file, line: line, reason: reason) }
      let value: JSONValue
      do { value = try JSONParser.parse(bytes: Array(text)) } catch { throw fail("malformed JSON at \(error)") }
      guard value.objectMembers != nil else { throw fail("expected a JSON object") }
      guard case .string(let query)? = value["query"] else { throw fail("\"query\" must be a string") }
      guard case .number(let timestamp)? = value["ts"], timestamp.isFinite else { throw fail("\"ts\" must be a number") }
      switch value["user"] {
      case nil, .null?, .string?: break
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
      let clickedSet = Set(clicked)
      let normalized = normalize(query)
      var perQuery = statistics.queryDocuments[normalized] ?? [:]
      for id in shown {
        let click = clickedSet.contains(id) ? 1 : 0
        statistics.documents[id, default: Counts()].shown += 1
        statistics.documents[id, default: Counts()].clicked += click
        perQuery[id, default: Counts()].shown += 1
        perQuery[id, default: Counts()].clicked += click
      }
      statistics.queryDocuments[normalized] = perQuery
      statistics.searchCount += 1
      statistics.totalShown += shown.count
      statistics.totalClicked += clicked.count
    }
    return statistics
  }

  /// The form queries are grouped by: the tokenizer's words, lower-cased, accents folded, joined by one space.
  public static func normalize(_ query: String) -> String {
    Tokenizer.tokens(query).map { AccentFolding.fold($0.lowercased()) }.joined(separator: " ")
  }

  /// Counts of document `id` (zero when never shown).
  public func counts(document id: String) -> Counts { documents[id] ?? Counts() }

  /// Counts of document `id` for the normalised query `query` (zero when never shown for it).
  public func counts(query normalizedQuery: String, document id: String) -> Counts {
    queryDocuments[normalizedQuery]?[id] ?? Counts()
  }
}
