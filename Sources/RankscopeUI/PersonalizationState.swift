import RankscopeEngine

/// The user searches are personalized for (F11 picks one): the profile from the index, the live profile after
/// hiding history events, which signals are on, and the "anonymous" switch.
public struct PersonalizationState: Sendable {
  /// The user's profile as the index has it.
  public var baseProfile: UserProfile
  /// The profile searches use: `baseProfile` recomputed without the hidden events (equal to it when none are).
  public var profile: UserProfile
  /// Positions in `baseProfile.events` the user hid in the history panel.
  public var hiddenEvents: Set<Int>
  /// The personalization signals that are on.
  public var enabledSignals: Set<PersonalizationSignal>
  /// Whether searches run as if no user were signed in (every signal off at once, the user kept).
  public var isAnonymous: Bool
  /// Generation of the latest live recompute asked for (older answers are dropped).
  public var rebuildGeneration: Int
  /// Whether a recompute is on its way.
  public var isRebuilding: Bool

  /// The state for `profile` with every signal on.
  public init(profile: UserProfile) {
    baseProfile = profile
    self.profile = profile
    hiddenEvents = []
    enabledSignals = Set(PersonalizationSignal.allCases)
    isAnonymous = false
    rebuildGeneration = 0
    isRebuilding = false
  }

  /// The context searches carry, or nil when anonymous.
  public var context: UserContext? {
    isAnonymous ? nil : UserContext(profile: profile, enabledSignals: enabledSignals)
  }
}

/// The user picker (F11): the text typed, the matching users and the marked entry (0 is "anonymous").
public struct UserPickerState: Sendable {
  /// The text typed (a name or id, any part of it).
  public var query: QueryEditor
  /// The marked entry: 0 is "no user", `i + 1` is `matches[i]`.
  public var cursor: Int
  /// Which side the pick is for: A (the explorer's searches) or B of the compare view.
  public var side: CompareColumn

  /// A picker with nothing typed.
  public init(side: CompareColumn) {
    query = QueryEditor()
    cursor = 0
    self.side = side
  }
}

/// Which user side B of the compare view searches for.
public enum CompareUser: Sendable, Hashable {
  /// The same user, signals and history as A.
  case sameAsA
  /// No user: A with and without personalization side by side.
  case anonymous
  /// Another user (every signal on).
  case other(UserContext)

  /// How headers name it: empty for `sameAsA`, ` · anonymous`, ` · u0042 Name`.
  public var label: String {
    switch self {
    case .sameAsA: return ""
    case .anonymous: return " · no user"
    case .other(let context): return " · \(context.profile.userId) \(context.profile.name)"
    }
  }
}

/// The cohort view: over several users and the judged queries, what turning one signal off changes.
public struct CohortJob: Sendable, Hashable {
  /// The users (their live profiles as the index has them).
  public var users: [UserProfile]
  /// The judged queries searched for each user.
  public var queries: [EvaluationQuery]
  /// The judgments they are scored against.
  public var judgments: Judgments
  /// What searches run (mode, fusion, profile; the query text is ignored).
  public var request: SearchRequest
  /// The signals on with the signal, and the signal turned off.
  public var enabledSignals: Set<PersonalizationSignal>
  public var signal: PersonalizationSignal

  /// How many of the most active users a cohort takes.
  public static let userCount = 12
  /// How many judged queries (the held-out quarter: sorted ids, every fourth) each user searches.
  public static let querySplit = QuerySplit.test

  /// Creates a job.
  public init(users: [UserProfile], queries: [EvaluationQuery], judgments: Judgments, request: SearchRequest,
              enabledSignals: Set<PersonalizationSignal>, signal: PersonalizationSignal) {
    self.users = users
    self.queries = queries
    self.judgments = judgments
    self.request = request
    self.enabledSignals = enabledSignals
    self.signal = signal
  }
}

/// One user's figures in the cohort view: nDCG@10 with and without the signal, and top-10 churn.
public struct CohortRow: Sendable, Hashable {
  /// The user.
  public var userId: String
  public var name: String
  /// Mean nDCG@10 over the queries with the signal on and off.
  public var ndcgOn: Double
  public var ndcgOff: Double
  /// Mean top-10 churn (1 − Jaccard@10 of the two rankings) over the queries.
  public var churn: Double
}

/// The cohort view's result: a row per user and the means.
public struct CohortResult: Sendable, Hashable {
  /// The signal toggled.
  public var signal: PersonalizationSignal
  /// How many queries each user searched.
  public var queryCount: Int
  /// One row per user.
  public var rows: [CohortRow]

  /// The mean of `value` over the users (0 without users).
  public func mean(_ value: (CohortRow) -> Double) -> Double {
    rows.isEmpty ? 0 : rows.reduce(0) { $0 + value($1) } / Double(rows.count)
  }
}

/// The cohort view (in the personalization panel, `c`): the job asked for and its result.
public struct CohortState: Sendable {
  /// Generation of the job asked for last.
  public var generation: Int
  /// The signal toggled.
  public var signal: PersonalizationSignal
  /// How many users and queries.
  public var userCount: Int
  public var queryCount: Int
  /// The result, or why it failed; nil while it runs.
  public var result: Result<CohortResult, SearchFailure>?
}
