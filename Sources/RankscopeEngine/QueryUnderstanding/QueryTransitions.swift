/// Query-log reformulations that narrow a query: within one user's session, a search followed directly by a
/// search whose words include all of the first's and more ("kitchen" → "kitchen cabinets"), with how often the
/// narrower search got a click.
///
/// Sessions: one user's searches by time; a gap longer than `sessionGap` seconds (30 minutes by default, the
/// common web-analytics cut-off; see Jansen, Spink et al. 2007, "Defining a session on Web search engines")
/// starts a new one. Searches without a user are not sessionized.
public struct QueryTransitions: Sendable {
  /// One narrowing reformulation, counted over the log.
  public struct Transition: Sendable, Hashable {
    /// The narrower query (normalized).
    public var query: String
    /// Times the parent was directly followed by it in a session.
    public var count: Int
    /// Of those, times the narrower search got at least one click.
    public var clickedCount: Int
    /// Times per user.
    public var userCounts: [String: Int]
  }

  /// The session gap in seconds.
  public let sessionGap: Double
  /// Per normalized parent query: its narrowing transitions, most frequent first.
  public let transitions: [String: [Transition]]

  /// Counts the transitions of `log`.
  public init(log: QueryLog, sessionGap: Double = 30 * 60) {
    self.sessionGap = sessionGap
    var counts: [String: [String: Transition]] = [:]
    for session in Self.sessions(of: log, gap: sessionGap) {
      for (parent, child) in zip(session, session.dropFirst()) where Self.narrows(parent.normalizedQuery, child.normalizedQuery) {
        var transition = counts[parent.normalizedQuery]?[child.normalizedQuery]
          ?? Transition(query: child.normalizedQuery, count: 0, clickedCount: 0, userCounts: [:])
        transition.count += 1
        transition.clickedCount += child.clicked.isEmpty ? 0 : 1
        transition.userCounts[child.user!, default: 0] += 1
        counts[parent.normalizedQuery, default: [:]][child.normalizedQuery] = transition
      }
    }
    transitions = counts.mapValues { children in
      children.values
        .sorted { ($1.count, $0.query) < ($0.count, $1.query) }
    }
  }

  /// The sessions of `log`: per user (by name), their searches by time (then line), cut at gaps over `gap` seconds.
  public static func sessions(of log: QueryLog, gap: Double) -> [[QueryLog.Search]] {
    let byUser = Dictionary(grouping: log.searches.filter { $0.user != nil }) { $0.user! }
    var result: [[QueryLog.Search]] = []
    for user in byUser.keys.sorted() {
      let searches = byUser[user]!.sorted { ($0.timestamp, $0.line) < ($1.timestamp, $1.line) }
      var current: [QueryLog.Search] = []
      for search in searches {
        if let last = current.last, search.timestamp - last.timestamp > gap {
          result.append(current)
          current = []
        }
        current.append(search)
      }
      if !current.isEmpty { result.append(current) }
    }
    return result
  }

  /// Whether `child` narrows `parent`: it holds every word of `parent` (a non-empty query) and more.
  public static func narrows(_ parent: String, _ child: String) -> Bool {
    let parentWords = Set(parent.split(separator: " ")), childWords = Set(child.split(separator: " "))
    return !parentWords.isEmpty && childWords.count > parentWords.count && parentWords.isSubset(of: childWords)
  }

  /// The narrowing transitions from `query` (normalized), most frequent first.
  public func from(_ query: String) -> [Transition] { transitions[query] ?? [] }
}
