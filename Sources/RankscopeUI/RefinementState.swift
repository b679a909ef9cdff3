import RankscopeEngine

/// The refinements of the current query: shown as chips under the query bar and in the inspector.
public struct RefinementState: Sendable, Hashable {
  /// At most this many refinements are asked for.
  public static let limit = 8

  /// The query text they refine (nil: none asked for, e.g. an empty query).
  public var query: String?
  /// The user they were asked for.
  public var user: String?
  /// Generation of the latest request; older answers are dropped.
  public var generation: Int
  /// The refinements, best first (nil while they are computed or after a failure).
  public var items: [Refinement]?
  /// Why the latest request failed, if it did.
  public var failure: String?
  /// The chip with the keyboard focus (chip mode, Alt-g), or nil when the chips have no focus.
  public var chipCursor: Int?
  /// Whether the refinement inspector (Alt-i) is shown.
  public var isInspectorVisible: Bool
  /// The inspector's marked refinement.
  public var inspectorCursor: Int

  /// Creates a state with nothing asked for.
  public init() {
    query = nil
    user = nil
    generation = 0
    items = nil
    failure = nil
    chipCursor = nil
    isInspectorVisible = false
    inspectorCursor = 0
  }

  /// Whether a request is on its way.
  public var isLoading: Bool { query != nil && items == nil && failure == nil }

  /// The refinements to show (empty while loading).
  public var shown: [Refinement] { items ?? [] }

  /// A chip's text: `+ modern` for a refinement that extends `parent` with words, else its full text.
  public static func chipLabel(_ refinement: Refinement, parent: String) -> String {
    if let added = addedText(refinement, parent: parent) { return "+ " + added }
    return refinement.text
  }

  /// The words `refinement` appends to the normalized `parent`, or nil when it is not such an extension.
  static func addedText(_ refinement: Refinement, parent: String) -> String? {
    let normalized = QueryLogStatistics.normalize(parent)
    guard !normalized.isEmpty, refinement.text.hasPrefix(normalized + " ") else { return nil }
    let added = String(refinement.text.dropFirst(normalized.count + 1))
    return added.isEmpty ? nil : added
  }

  /// The query text applying `refinement` to the typed `parent` gives: the typed text (filters and all) with the
  /// added words appended when the refinement extends it, else the refinement's own text.
  public static func appliedQuery(_ refinement: Refinement, parent: String) -> String {
    if let added = addedText(refinement, parent: parent) {
      return parent.trimmingTrailingWhitespace + " " + added
    }
    return refinement.text
  }
}

extension String {
  /// The text without trailing spaces and tabs.
  var trimmingTrailingWhitespace: String {
    var text = self
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return text
  }
}
