/// "Why not X": what each stage of a search did with one document — where it fell out and by how much it
/// missed the cutoff, or that no generator retrieved it and why.
public struct WhyNotReport: Sendable, Hashable {
  /// One stage's verdict on the document.
  public struct Step: Sendable, Hashable {
    /// The stage: `filters`, a generator's name, `fuse`, `L1`, `L2`, `blend`, `page`.
    public var stage: String
    /// Whether the document went through this stage.
    public var passed: Bool
    /// What happened, with the numbers.
    public var detail: String
    /// The document's score at this stage, when it has one.
    public var score: Double?
    /// The score of the last candidate the stage kept, when it cut its list.
    public var cutoff: Double?

    /// Creates a step.
    public init(stage: String, passed: Bool, detail: String, score: Double? = nil, cutoff: Double? = nil) {
      self.stage = stage
      self.passed = passed
      self.detail = detail
      self.score = score
      self.cutoff = cutoff
    }
  }

  /// The document asked about.
  public var documentId: String
  /// The stages in pipeline order, as far as the document went (every generator is listed).
  public var steps: [Step]

  /// Creates a report.
  public init(documentId: String, steps: [Step]) {
    self.documentId = documentId
    self.steps = steps
  }

  /// One line: where the document fell out, or that it is on the page.
  public var verdict: String {
    if let page = steps.last(where: { $0.stage == "page" }), page.passed { return "\(documentId) is shown: \(page.detail)" }
    let retrievalStages = steps.filter { $0.stage != "filters" && $0.stage != "fuse" && $0.stage != "L1" && $0.stage != "L2" && $0.stage != "blend" && $0.stage != "page" }
    if let filters = steps.first(where: { $0.stage == "filters" && !$0.passed }) { return "\(documentId): \(filters.detail)" }
    if !retrievalStages.isEmpty, retrievalStages.allSatisfy({ !$0.passed }) {
      return "\(documentId) was not retrieved: " + retrievalStages.map(\.detail).joined(separator: "; ")
    }
    if let failed = steps.first(where: { !$0.passed && !retrievalStages.contains($0) }) { return "\(documentId) fell out at \(failed.stage): \(failed.detail)" }
    return "\(documentId): no stage saw it"
  }
}
