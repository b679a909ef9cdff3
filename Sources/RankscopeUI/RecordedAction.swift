/// An action a user originates, the kind a session records: keys, commands, text, profile and tuning changes,
/// resizes. What the engine delivers (finished searches, explanations, comparisons) is never recorded: a replay
/// brings it about again.
public enum RecordedAction: Sendable, Hashable {
  /// `Action.key`.
  case key(Key)
  /// `Action.command`.
  case command(Command)
  /// `Action.insert`: text typed or pasted at the cursor.
  case insert(String)
  /// `Action.setQuery`.
  case setQuery(String)
  /// `Action.selectProfile` (nil: none).
  case selectProfile(String?)
  /// `Action.selectUser` (nil: no user).
  case selectUser(String?)
  /// `Action.tune` (nil: the rule off).
  case tune(TuningParameter, to: Double?)
  /// `Action.resize`.
  case resize(width: Int, height: Int)

  /// The recordable form of `action`, or nil for what the engine delivers.
  public init?(_ action: Action) {
    switch action {
    case .key(let key): self = .key(key)
    case .command(let command): self = .command(command)
    case .insert(let text): self = .insert(text)
    case .setQuery(let text): self = .setQuery(text)
    case .selectProfile(let name): self = .selectProfile(name)
    case .selectUser(let id): self = .selectUser(id)
    case .tune(let parameter, let value): self = .tune(parameter, to: value)
    case .resize(let width, let height): self = .resize(width: width, height: height)
    // Completions are the engine's answers, replayed by searching again; the judgments are the session's start.
    case .searchCompleted, .comparisonCompleted, .explanationCompleted, .compareSearchCompleted,
         .compareExplanationCompleted, .setEvaluationCompleted, .loadJudgments, .judgmentSaveFailed, .loadUsers,
         .liftSearchCompleted, .profileRebuilt, .cohortCompleted, .completionsArrived, .refinementsCompleted,
         .guideStatusChanged, .understandingReady:
      return nil
    }
  }

  /// The action to reduce.
  public var action: Action {
    switch self {
    case .key(let key): return .key(key)
    case .command(let command): return .command(command)
    case .insert(let text): return .insert(text)
    case .setQuery(let text): return .setQuery(text)
    case .selectProfile(let name): return .selectProfile(name)
    case .selectUser(let id): return .selectUser(id)
    case .tune(let parameter, let value): return .tune(parameter, to: value)
    case .resize(let width, let height): return .resize(width: width, height: height)
    }
  }

  /// A short description for step listings: `key F3`, `text "linen"`, `resize 100×30`.
  public var label: String {
    switch self {
    case .key(let key): return "key \(key.sessionName)"
    case .command(let command): return "command \(command.rawValue)"
    case .insert(let text): return "text \(quoted(text))"
    case .setQuery(let text): return "query \(quoted(text))"
    case .selectProfile(let name): return "profile \(name.map(quoted) ?? "none")"
    case .selectUser(let id): return "user \(id.map(quoted) ?? "none")"
    case .tune(let parameter, let value):
      return "tune \(parameter.sessionName) → \(value.map { Formatting.fixed($0) } ?? "off")"
    case .resize(let width, let height): return "resize \(width)×\(height)"
    }
  }

  private func quoted(_ text: String) -> String { "\"\(text)\"" }
}

extension TuningParameter {
  /// The parameter's name in a session file: `weight:bm25f`, `bias`, `blendKeep`, `typeQuota:video`.
  public var sessionName: String {
    switch self {
    case .weight(let feature): return "weight:" + feature
    case .bias: return "bias"
    case .blendKeep: return "blendKeep"
    case .mmrLambda: return "mmrLambda"
    case .maxPerBoard: return "maxPerBoard"
    case .nearDuplicate: return "nearDuplicate"
    case .typeQuota(let type): return "typeQuota:" + type
    }
  }

  /// Reads a name written by `sessionName`; nil when it names no parameter.
  public init?(sessionName name: String) {
    if name.hasPrefix("weight:") {
      self = .weight(String(name.dropFirst("weight:".count)))
      return
    }
    if name.hasPrefix("typeQuota:") {
      self = .typeQuota(String(name.dropFirst("typeQuota:".count)))
      return
    }
    let plain: [TuningParameter] = [.bias, .blendKeep, .mmrLambda, .maxPerBoard, .nearDuplicate]
    guard let parameter = plain.first(where: { $0.sessionName == name }) else { return nil }
    self = parameter
  }
}
