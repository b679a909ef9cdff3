/// The knobs of `RefinementGenerator`.
public struct RefinementSettings: Sendable, Hashable {
  /// The session gap in seconds (`QueryTransitions`).
  public var sessionGap: Double
  /// How many of the parent's top results form the foreground of `SignificantTerms`.
  public var foregroundSize: Int
  /// How many significant terms become candidates.
  public var termCandidates: Int
  /// Pseudo-searches of the click-through smoothing: ctr = (clicked + m · prior) / (searches + m).
  public var smoothing: Double
  /// How much one of the user's own transitions counts beyond being one transition.
  public var personalWeight: Double
  /// Hits in each refinement's preview.
  public var previewSize: Int
  /// The depth of the overlap with the parent (Jaccard@depth).
  public var overlapDepth: Int

  /// Creates settings.
  public init(sessionGap: Double = 30 * 60, foregroundSize: Int = 50, termCandidates: Int = 20, smoothing: Double = 2,
              personalWeight: Double = 2, previewSize: Int = 3, overlapDepth: Int = 10) {
    self.sessionGap = sessionGap
    self.foregroundSize = foregroundSize
    self.termCandidates = termCandidates
    self.smoothing = smoothing
    self.personalWeight = personalWeight
    self.previewSize = previewSize
    self.overlapDepth = overlapDepth
  }

  /// The defaults.
  public static let standard = RefinementSettings()
}
