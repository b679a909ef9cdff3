/// The spelling corrector's parameters.
public struct SpellingSettings: Sendable, Hashable {
  /// Largest edit distance for words of `longWordLength` letters or more (shorter words: 1; two letters or less: 0).
  public var maximumDistance: Int
  /// Length from which `maximumDistance` applies.
  public var longWordLength: Int
  /// Words at least this frequent (documents + weighted log uses) are kept as typed without a lookup.
  public var knownWordFrequency: Int
  /// ln-units one edit costs: the channel's ln(P(typed | typed) / P(typed | one edit away)).
  public var editPenalty: Double
  /// The score of keeping a word no document holds (a name, a rare word): it competes with the candidates, so a
  /// weak candidate (two edits to a rare word, about ln(1 + df) − 2 · editPenalty) does not replace it.
  public var unknownWordScore: Double
  /// Weight of a query-log use against a document.
  public var queryLogWeight: Double
  /// Weight of the co-occurrence context term.
  public var contextWeight: Double
  /// A changed query at least this confident is auto-corrected; below it, "did you mean".
  public var automaticThreshold: Double
  /// Alternatives kept per word.
  public var alternativeCount: Int

  /// Creates settings; the defaults are the ones `docs/BENCHMARKS.md` reports.
  public init(maximumDistance: Int = 2, longWordLength: Int = 5, knownWordFrequency: Int = 3, editPenalty: Double = 5,
              unknownWordScore: Double = -7, queryLogWeight: Double = 1, contextWeight: Double = 1, automaticThreshold: Double = 0.8,
              alternativeCount: Int = 5) {
    self.maximumDistance = maximumDistance
    self.longWordLength = longWordLength
    self.knownWordFrequency = knownWordFrequency
    self.editPenalty = editPenalty
    self.unknownWordScore = unknownWordScore
    self.queryLogWeight = queryLogWeight
    self.contextWeight = contextWeight
    self.automaticThreshold = automaticThreshold
    self.alternativeCount = alternativeCount
  }

  /// The edit distance allowed for a typed word of `length` letters.
  public func distance(forLength length: Int) -> Int {
    length <= 2 ? 0 : (length < longWordLength ? min(1, maximumDistance) : maximumDistance)
  }
}
