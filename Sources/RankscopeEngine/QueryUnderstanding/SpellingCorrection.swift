/// What a spelling corrector made of one query: the corrected text, each word's alternatives, and how sure it is.
public struct SpellingCorrection: Sendable, Hashable {
  /// The query as given.
  public var original: String
  /// The query with every word replaced by its best candidate (equal to `original` when nothing changed).
  public var corrected: String
  /// One entry per query token, in order (filters, numbers and phrases included, unchanged).
  public var words: [WordCorrection]
  /// The probability that `corrected` is what was meant: the product of the changed words' probabilities
  /// (1 when nothing changed).
  public var confidence: Double
  /// Whether the correction is sure enough to apply without asking (`confidence` ≥ the automatic threshold).
  public var isAutomatic: Bool

  /// Whether some word changed.
  public var isChanged: Bool { corrected != original }
  /// Whether to show "did you mean `corrected`?" instead of applying it.
  public var isSuggestion: Bool { isChanged && !isAutomatic }
}

/// One query token and what the corrector proposes for it.
public struct WordCorrection: Sendable, Hashable {
  /// Why a token was or was not considered.
  public enum Status: String, Sendable, Hashable {
    /// A filter, number, quoted phrase or token with non-letters: never corrected.
    case protected
    /// A word frequent enough in the vocabulary to be kept as typed.
    case known
    /// A word scored against its candidates (it may still be kept).
    case checked
    /// A word with no candidate within reach: kept as typed.
    case unknown
  }

  /// The token as typed.
  public var original: String
  /// The chosen word (`original` unless a candidate won).
  public var corrected: String
  /// Why the token was or was not considered.
  public var status: Status
  /// The candidates, best first (the typed word among them: at 0 edits when the vocabulary holds it, else
  /// as the option of keeping an unknown word).
  public var alternatives: [SpellingAlternative]
  /// The chosen word's probability among the candidates (1 when not checked).
  public var probability: Double

  /// Whether the corrector replaced the token.
  public var isChanged: Bool { corrected != original }
}

/// One candidate word and the parts of its noisy-channel score.
public struct SpellingAlternative: Sendable, Hashable {
  /// The candidate word.
  public var word: String
  /// Damerau–Levenshtein distance from the typed word.
  public var distance: Int
  /// Documents holding the word.
  public var documentFrequency: Int
  /// Times the query log used the word.
  public var queryFrequency: Int
  /// The prior: ln(1 + documentFrequency + queryLogWeight · queryFrequency).
  public var prior: Double
  /// The context term: mean over the other query words of ln((1 + co-occurrence) / (1 + documentFrequency)).
  public var context: Double
  /// prior − editPenalty · distance + contextWeight · context.
  public var score: Double
  /// softmax of the candidates' scores.
  public var probability: Double
}
