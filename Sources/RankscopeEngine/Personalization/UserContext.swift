/// The user a search is personalized for: the profile to use (from the index, or recomputed live from an
/// edited history) and which personalization signals are on. A signal that is off reads 0 and its explanation
/// says "off".
public struct UserContext: Sendable, Hashable {
  /// The profile the personalization features read.
  public var profile: UserProfile
  /// The signals that are on.
  public var enabledSignals: Set<PersonalizationSignal>

  /// A context for `profile` with `enabledSignals` on (all by default).
  public init(profile: UserProfile, enabledSignals: Set<PersonalizationSignal> = Set(PersonalizationSignal.allCases)) {
    self.profile = profile
    self.enabledSignals = enabledSignals
  }

  /// Whether `signal` is on.
  public func isEnabled(_ signal: PersonalizationSignal) -> Bool { enabledSignals.contains(signal) }

  /// Hashes the user, the signals and the history's size (equal contexts hash alike; comparing profiles stays exact).
  public func hash(into hasher: inout Hasher) {
    hasher.combine(profile.userId)
    hasher.combine(profile.events.count)
    hasher.combine(enabledSignals)
  }

  /// Whether the two contexts hold the same profile and signals.
  public static func == (left: UserContext, right: UserContext) -> Bool {
    left.enabledSignals == right.enabledSignals && left.profile == right.profile
  }
}
