import RankscopeEngine

/// What the explorer asks of query understanding: whether it runs, the rewrites switched off (by id, kept across
/// queries so a rewrite the user distrusts stays off), and the rewrites panel (Alt-w).
public struct UnderstandingState: Sendable, Hashable {
  /// Whether searches ask for query understanding (Alt-q).
  public var isEnabled: Bool
  /// The rewrites switched off (`QueryRewrite.id`).
  public var disabled: Set<String>
  /// Whether the rewrites panel is shown.
  public var isPanelVisible: Bool
  /// The marked row of the panel.
  public var cursor: Int

  /// On, nothing switched off, the panel closed.
  public init(isEnabled: Bool = true, disabled: Set<String> = [], isPanelVisible: Bool = false, cursor: Int = 0) {
    self.isEnabled = isEnabled
    self.disabled = disabled
    self.isPanelVisible = isPanelVisible
    self.cursor = cursor
  }

  /// The options a search request carries (nil when understanding is off).
  public var options: QueryUnderstandingOptions? { isEnabled ? QueryUnderstandingOptions(disabled: disabled) : nil }
}
