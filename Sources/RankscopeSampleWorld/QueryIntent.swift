/// What a searcher wants, in latent terms: a category and up to a few attributes a pin should have.
///
/// It is the ground truth behind a query's text; both the simulated production ranker and the graded
/// judgments compare it with pins' latent truth, never with their text.
struct QueryIntent: Sendable, Hashable {
  /// Index of the wanted category in `SampleCatalog.categories`.
  var categoryIndex: Int
  /// Index of its vertical.
  var verticalIndex: Int
  /// Canonical subject wanted.
  var subject: String?
  /// Canonical style wanted.
  var style: String?
  /// Canonical material or main ingredient wanted.
  var material: String?
  /// Canonical colour wanted.
  var colour: String?
  /// Canonical occasion wanted.
  var occasion: String?
  /// Canonical feature wanted.
  var detail: String?

  /// Quality below which a pin loses one grade.
  static let lowQuality = 0.3

  /// Number of attributes the query asks for.
  var attributeCount: Int {
    [subject, style, material, colour, occasion, detail].reduce(0) { $0 + ($1 == nil ? 0 : 1) }
  }

  /// Number of the query's attributes the pin has.
  func matchedAttributes(_ truth: SamplePinTruth) -> Int {
    var matched = 0
    if let subject, subject == truth.subject { matched += 1 }
    if let style, style == truth.style { matched += 1 }
    if let material, material == truth.material { matched += 1 }
    if let colour, colour == truth.colour { matched += 1 }
    if let occasion, occasion == truth.occasion { matched += 1 }
    if let detail, truth.details.contains(detail) { matched += 1 }
    return matched
  }

  /// The graded relevance of a pin, 0...3, from latent truth alone:
  /// 3 = same category and every attribute of the query; 2 = same category and all but one of them (and at
  /// least one); 1 = same category and fewer, or same vertical and at least one; 0 = otherwise.
  /// Pins of low quality (below `lowQuality`: thin, spammy, off-putting) lose one grade.
  func grade(_ truth: SamplePinTruth) -> Int {
    let matched = matchedAttributes(truth)
    var grade: Int
    if truth.categoryIndex == categoryIndex {
      grade = matched == attributeCount ? 3 : matched > 0 && matched + 1 >= attributeCount ? 2 : 1
    } else if truth.verticalIndex == verticalIndex, matched > 0 {
      grade = 1
    } else {
      grade = 0
    }
    if truth.quality < Self.lowQuality { grade = max(0, grade - 1) }
    return grade
  }
}
