import RankscopeEngine

/// Plays a session without a terminal: each event goes through `reduce`, and every effect it asks for is
/// carried out at once (as if each search finished before the next key), so a replay is deterministic.
///
/// The player stops taking events once one of them quits the explorer, as the live explorer would have.
public struct SessionPlayer: Sendable {
  /// The explorer's state after the events played so far.
  public private(set) var state: AppState
  /// What carries out the effects.
  public var performer: EffectPerformer

  /// A player at the start of a session recorded with `header`: the state the explorer starts with on `service`
  /// (its profiles and the problems with the others), then the header's size, profile and query applied.
  /// `profile` overrides the header's profile when given; `judgments` are shown and rated (in memory unless
  /// `sideEffects` saves them).
  public init(header: SessionHeader, service: any SearchService, profiles: [RankProfile] = [],
              profileProblems: [String] = [], profile: String? = nil, resultLimit: Int = 50,
              judgments: JudgmentSet = JudgmentSet(), users: UserDirectory? = nil, user: String? = nil,
              walker: PixieWalker? = nil, sideEffects: EffectPerformer.SideEffectHandler? = nil) {
    performer = EffectPerformer(service: service, sideEffects: sideEffects, walker: walker)
    state = AppState(service: service, width: header.width, height: header.height, resultLimit: resultLimit,
                     profiles: profiles, profileProblems: profileProblems)
    performer.run(.loadJudgments(judgments, storage: nil), on: &state)
    performer.run(.loadUsers(users), on: &state)
    for action in SessionPlayer.startActions(width: header.width, height: header.height,
                                             profile: profile ?? header.profile, user: user ?? header.user,
                                             query: header.query) {
      performer.run(action, on: &state)
    }
  }

  /// What the explorer does as it starts: take the screen size, make `profile` active, personalize for `user`,
  /// search `query`.
  public static func startActions(width: Int, height: Int, profile: String?, user: String? = nil,
                                  query: String?) -> [Action] {
    var actions: [Action] = [.resize(width: width, height: height)]
    if let profile { actions.append(.selectProfile(profile)) }
    if let user { actions.append(.selectUser(user)) }
    if let query, !query.isEmpty { actions.append(.setQuery(query)) }
    return actions
  }

  /// Whether the explorer is still running (no event has quit it).
  public var isRunning: Bool { state.isRunning }

  /// Plays one event; returns false (and changes nothing) once the explorer has quit.
  @discardableResult
  public mutating func play(_ event: SessionEvent, adjust: (Action) -> Action = { $0 }) -> Bool {
    guard state.isRunning else { return false }
    performer.run(event.action.action, on: &state, adjust: adjust)
    return true
  }

  /// Plays every event in order (stopping if one quits).
  public mutating func play(_ events: [SessionEvent], adjust: (Action) -> Action = { $0 }) {
    for event in events where state.isRunning { play(event, adjust: adjust) }
  }

  /// The screen for the current state at its current size.
  public var screen: CellBuffer { renderScreen(state, width: state.width, height: state.height) }

  /// The screen as plain text, trailing spaces trimmed from each line.
  public var screenText: String { SessionPlayer.plainText(screen) }

  /// `buffer` as text with the trailing spaces of each line removed.
  public static func plainText(_ buffer: CellBuffer) -> String {
    buffer.text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { line in String(line.reversed().drop(while: { $0 == " " }).reversed()) }
      .joined(separator: "\n")
  }
}
