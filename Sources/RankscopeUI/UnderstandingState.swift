import RankscopeEngine

/// What the explorer asks of query understanding: whether it runs, the rewrites switched off (by id, kept across
/// queries so a rewrite the user distrusts stays off), and the rewrites panel (Alt-w).
public struct UnderstandingState: Sendable, Hashable {
  /// Whether the search service understands queries at all (else every command says so and nothing is shown).
  public var isAvailable: Bool
  /// Whether the service's understander is built (before that, searches asking for understanding run as typed).
  public var isReady = true
  /// Whether searches ask for query understanding (Alt-q).
  public var isEnabled: Bool
  /// The rewrites switched off (`QueryRewrite.id`).
  public var disabled: Set<String>
  /// Whether the rewrites panel is shown.
  public var isPanelVisible: Bool
  /// The marked row of the panel.
  public var cursor: Int

  /// On, nothing switched off, the panel closed (unavailable until the service says it understands queries).
  public init(isAvailable: Bool = false, isEnabled: Bool = true, disabled: Set<String> = [], isPanelVisible: Bool = false,
              cursor: Int = 0) {
    self.isAvailable = isAvailable
    self.isEnabled = isEnabled
    self.disabled = disabled
    self.isPanelVisible = isPanelVisible
    self.cursor = cursor
  }

  /// The options a search request carries (nil when understanding is off).
  public var options: QueryUnderstandingOptions? {
    isAvailable && isEnabled ? QueryUnderstandingOptions(disabled: disabled) : nil
  }
}
