/// One search of the query log: what was typed, what the production ranker showed, what was clicked.
public struct SampleSearch: Sendable, Hashable {
  /// The user's id.
  public var user: String
  /// The query as typed (possibly misspelled).
  public var query: String
  /// When, in Unix seconds.
  public var timestamp: Int
  /// The ten pins shown, best first.
  public var shown: [String]
  /// The pins clicked, in the order shown; a subset of `shown`.
  public var clicked: [String]
  /// The query the user meant, spelled correctly (latent; not written).
  public var intendedQuery: String
  /// Whether the typed query carries a misspelling.
  public var isMisspelled: Bool
  /// Whether the query extends the user's previous query in the same session.
  public var isRefinement: Bool
}
