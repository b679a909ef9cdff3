/// What a user did with a document in the engagement log.
public enum EngagementAction: String, Sendable, Hashable, CaseIterable, Comparable {
  /// Opened the document's link.
  case click
  /// Looked at the document close up.
  case closeup
  /// Saved the document to a board.
  case save
  /// Asked not to see the document again.
  case hide

  /// Actions in a fixed order (click, closeup, save, hide), for stable output.
  public static func < (left: EngagementAction, right: EngagementAction) -> Bool {
    allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
  }
}

/// One line of the engagement log: `{"user", "doc", "action", "ts", "query"?}`.
public struct EngagementEvent: Sendable, Hashable {
  /// The user's id.
  public var user: String
  /// The document's id.
  public var document: String
  /// What the user did.
  public var action: EngagementAction
  /// Seconds since 1970.
  public var timestamp: Double
  /// The search the engagement came from, when it came from one.
  public var query: String?
  /// The line it was read from (1-based; 0 when made in memory).
  public var line: Int

  /// Creates an event.
  public init(
    user: String, document: String, action: EngagementAction, timestamp: Double, query: String? = nil,
    line: Int = 0
  ) {
    self.user = user
    self.document = document
    self.action = action
    self.timestamp = timestamp
    self.query = query
    self.line = line
  }
}
