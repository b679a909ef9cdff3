/// One autocomplete suggestion with the parts of its score, for an inspector.
public struct CompletionSuggestion: Sendable, Hashable {
  /// How a suggestion completes the prefix.
  public enum Kind: String, Sendable, Hashable {
    /// A logged query that starts with the prefix.
    case query
    /// The prefix's words with its last, partial word completed from the log's words.
    case word
  }

  /// The suggested query text (normalized).
  public var text: String
  /// How it completes the prefix.
  public var kind: Kind
  /// `popularityWeight · ln(1 + searches)`.
  public var popularity: Double
  /// `recencyWeight · ln(1 + decayed searches)`.
  public var recency: Double
  /// `personalWeight · ln(1 + the user's decayed searches)`; 0 without a user.
  public var personal: Double
  /// Logged searches of the text (for a word: searches containing the word).
  public var searchCount: Int

  /// Creates a suggestion.
  public init(text: String, kind: Kind, popularity: Double, recency: Double, personal: Double, searchCount: Int) {
    self.text = text
    self.kind = kind
    self.popularity = popularity
    self.recency = recency
    self.personal = personal
    self.searchCount = searchCount
  }

  /// The score: popularity + recency + personal.
  public var score: Double { popularity + recency + personal }
}
