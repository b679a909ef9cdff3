import Foundation

/// Impression and click counts read from a query log: per document, and per (normalised query, document).
///
/// The log is JSON Lines, one search a line: `{"user"?: string, "query": string, "ts": number, "shown": [ids],
/// "clicked": [ids]}` (read by `QueryLog`). Every clicked id must be among the shown ones; an id shown twice in
/// one search counts once. A bad line stops the reading with an `ImportIssue` naming the file, the line and the reason.
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
    return try parse(try FileBytes.read(path: path), file: path)
  }

  /// The statistics of a query log given as UTF-8 bytes; `file` names it in errors.
  public static func parse(_ bytes: [UInt8], file: String) throws(ImportIssue) -> QueryLogStatistics {
    QueryLogStatistics(log: try QueryLog.parse(bytes, file: file))
  }

  /// The statistics of the searches of `log`.
  public init(log: QueryLog) {
    for search in log.searches {
      let clickedSet = Set(search.clicked)
      var perQuery = queryDocuments[search.normalizedQuery] ?? [:]
      for id in search.shown {
        let click = clickedSet.contains(id) ? 1 : 0
        documents[id, default: Counts()].shown += 1
        documents[id, default: Counts()].clicked += click
        perQuery[id, default: Counts()].shown += 1
        perQuery[id, default: Counts()].clicked += click
      }
      queryDocuments[search.normalizedQuery] = perQuery
      searchCount += 1
      totalShown += search.shown.count
      totalClicked += search.clicked.count
    }
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
