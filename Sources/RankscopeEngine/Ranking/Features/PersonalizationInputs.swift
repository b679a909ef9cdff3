/// What the personalization features read of one request's user, prepared once per query: the signals that are
/// on, the vectors and sets of the fast paths, and per keyword-field affinity which of the user's values each
/// document holds. A class, so candidates share it without copying the profile.
final class PersonalizationInputs: Sendable {
  /// The request's user.
  let user: UserContext
  /// Whether each signal is on, by `PersonalizationSignal.ordinal`.
  private let enabled: [Bool]
  /// The user embedding.
  let embedding: [Float]?
  /// The interests' medoid vectors, most important first.
  let interestVectors: [[Float]]
  /// Each affinity by `UserAffinity.Kind.ordinal` (nil: the profile has none of that kind).
  let affinities: [UserAffinity?]
  /// For affinities over keyword fields whose signal is on, by kind ordinal: the user's values each document holds.
  let valueTables: [UserValueTable?]

  /// The inputs of `user`; `valueTables` as `FeatureExtractor` builds them.
  init(user: UserContext, valueTables: [UserValueTable?]) {
    self.user = user
    enabled = PersonalizationSignal.allCases.map { user.enabledSignals.contains($0) }
    embedding = user.profile.embedding
    interestVectors = user.profile.interests.map(\.vector)
    affinities = UserAffinity.Kind.allCases.map { kind in user.profile.affinities.first { $0.kind == kind } }
    self.valueTables = valueTables
  }

  /// Whether `signal` is on.
  func isEnabled(_ signal: PersonalizationSignal) -> Bool { enabled[signal.ordinal] }
}
