import RankscopeEngine

/// The autocomplete dropdown under the query bar: the suggestions for the text typed, the highlighted one, and
/// whether Esc closed it.
public struct AutocompleteState: Sendable, Hashable {
  /// At most this many suggestions are asked for and shown.
  public static let limit = 8

  /// The query text the suggestions complete (they are shown only while the bar holds exactly this text).
  public var prefix: String
  /// The suggestions, best first.
  public var suggestions: [CompletionSuggestion]
  /// The highlighted suggestion (Tab, Shift-Tab), or nil before Tab enters the list.
  public var highlighted: Int?
  /// Whether Esc closed the dropdown (until the next edit of the text).
  public var isDismissed: Bool

  /// Creates a state (by default: nothing to show).
  public init(prefix: String = "", suggestions: [CompletionSuggestion] = [], highlighted: Int? = nil,
              isDismissed: Bool = false) {
    self.prefix = prefix
    self.suggestions = suggestions
    self.highlighted = highlighted
    self.isDismissed = isDismissed
  }

  /// The highlighted suggestion, if any.
  public var highlightedSuggestion: CompletionSuggestion? {
    highlighted.flatMap { suggestions.indices.contains($0) ? suggestions[$0] : nil }
  }

  /// Why a suggestion is proposed, in a few cells: `you` (the user's own searches), `word` (the last word
  /// completed), else how often the log holds it (`312×`, `1.2k×`).
  public static func marker(_ suggestion: CompletionSuggestion) -> String {
    if suggestion.personal > 0 { return "you" }
    if suggestion.kind == .word { return "word" }
    let count = suggestion.searchCount
    if count >= 10_000 { return "\(count / 1000)k×" }
    if count >= 1000 { return Formatting.fixed(Double(count) / 1000, digits: 1) + "k×" }
    return "\(count)×"
  }
}
