/// One engagement of a user with a pin.
public struct SampleEvent: Sendable, Hashable {
  /// What the user did.
  public enum Action: String, Sendable, Hashable, CaseIterable {
    /// Followed the pin's link to its source.
    case click
    /// Saved the pin to a board.
    case save
    /// Opened the pin in close-up.
    case closeup
    /// Hid the pin.
    case hide
  }

  /// The user's id.
  public var user: String
  /// The pin's id.
  public var doc: String
  /// The action.
  public var action: Action
  /// When, in Unix seconds.
  public var timestamp: Int
  /// The query the engagement came from, when it came from a search.
  public var query: String?
}
