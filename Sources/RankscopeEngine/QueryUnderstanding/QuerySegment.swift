/// One segment of a segmented query: a phrase of the dictionary or a single word.
public struct QuerySegment: Sendable, Hashable {
  /// The span, as word indices into the query's words.
  public var range: Range<Int>
  /// Its words.
  public var words: [String]
  /// Its score, `|s|^|s| · (corpus count + log count)` for a phrase, 0 for a single word.
  public var score: Double
  /// The phrase's corpus count (0 for a single word).
  public var corpusCount: Int
  /// The phrase's count of distinct log queries (0 for a single word).
  public var logCount: Int
  /// Where the phrase was seen; nil for a single word.
  public var source: PhraseDictionary.Source?

  /// Whether it is a multi-word phrase.
  public var isPhrase: Bool { words.count > 1 }
}
