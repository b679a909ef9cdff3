/// What query understanding made of a query's free text: the text searched, every rewrite (applied or switched
/// off), a "did you mean" suggestion when the corrector was unsure.
public struct QueryInterpretation: Sendable, Hashable {
  /// The free text as typed (filters taken out).
  public var typedText: String
  /// The free text searched and embedded: the typed text with the applied spelling corrections.
  public var searchedText: String
  /// Every rewrite found, in query order: spelling corrections, then synonyms, then phrases.
  public var rewrites: [QueryRewrite]
  /// The corrected free text the corrector proposes without applying it (its confidence was below the
  /// auto-correction threshold); nil when it is sure or has nothing to propose.
  public var suggestion: String?
  /// The corrector's confidence in its correction of the query (auto-corrections and suggestions alike).
  public var spellingConfidence: Double?
  /// The predicted category and content type, when an intent model is loaded.
  public var intent: IntentPrediction?

  /// Creates an interpretation.
  public init(typedText: String, searchedText: String, rewrites: [QueryRewrite] = [], suggestion: String? = nil,
              spellingConfidence: Double? = nil) {
    self.typedText = typedText
    self.searchedText = searchedText
    self.rewrites = rewrites
    self.suggestion = suggestion
    self.spellingConfidence = spellingConfidence
  }

  /// The rewrites the search applied.
  public var applied: [QueryRewrite] { rewrites.filter(\.isApplied) }
}
