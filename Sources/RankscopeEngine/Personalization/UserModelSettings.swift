import Foundation

/// The parameters of the user model: action weights, the decay's half-life, the history and interest caps,
/// Ward's stopping distance, and the document fields the affinities read.
///
/// An event's pooling weight is `actionWeight(action) · 2^(−age_days / halfLifeDays)`, the age measured from
/// the reference time (the engagement log's latest timestamp, so profiles do not depend on the clock). Hides
/// weigh 0: they never pull the user embedding, an interest or an affinity towards a document; they make
/// `hidden_before`.
public struct UserModelSettings: Sendable, Hashable {
  /// Weight of a click (opening the document's link).
  public var clickWeight: Double
  /// Weight of a close-up view.
  public var closeupWeight: Double
  /// Weight of a save, the strongest signal of interest.
  public var saveWeight: Double
  /// Half-life of an event's weight, in days.
  public var halfLifeDays: Double
  /// The most recent engagements (hides excluded) that are pooled; older ones weigh 0.
  public var maximumHistory: Int
  /// The most interests kept per user (the most important ones).
  public var maximumInterests: Int
  /// Ward's merge distance above which clusters stay apart (`2·|A|·|B|/(|A|+|B|) · ‖c_A − c_B‖²`).
  public var wardThreshold: Double
  /// How many contributing history items an explanation lists.
  public var contributorCount: Int
  /// The keyword field of `category_affinity`.
  public var categoryField: String
  /// The field holding the content type.
  public var contentTypeField: String
  /// The field holding the board.
  public var boardField: String
  /// The field holding the source domain.
  public var domainField: String

  /// Creates settings; every parameter has the sample world's default.
  public init(
    clickWeight: Double = 2, closeupWeight: Double = 1, saveWeight: Double = 3, halfLifeDays: Double = 30,
    maximumHistory: Int = 200, maximumInterests: Int = 5, wardThreshold: Double = 2, contributorCount: Int = 5,
    categoryField: String = "category", contentTypeField: String = "type", boardField: String = "board",
    domainField: String = "domain"
  ) {
    self.clickWeight = clickWeight
    self.closeupWeight = closeupWeight
    self.saveWeight = saveWeight
    self.halfLifeDays = halfLifeDays
    self.maximumHistory = maximumHistory
    self.maximumInterests = maximumInterests
    self.wardThreshold = wardThreshold
    self.contributorCount = contributorCount
    self.categoryField = categoryField
    self.contentTypeField = contentTypeField
    self.boardField = boardField
    self.domainField = domainField
  }

  /// The defaults.
  public static let standard = UserModelSettings()

  /// The weight of `action` (0 for a hide).
  public func actionWeight(_ action: EngagementAction) -> Double {
    switch action {
    case .click: return clickWeight
    case .closeup: return closeupWeight
    case .save: return saveWeight
    case .hide: return 0
    }
  }

  /// `2^(−age_days / halfLifeDays)` for an event at `timestamp`, ages below 0 taken as 0.
  public func decay(timestamp: Double, referenceTime: Double) -> Double {
    let ageDays = max(0, referenceTime - timestamp) / 86_400
    guard halfLifeDays > 0 else { return ageDays == 0 ? 1 : 0 }
    return pow2(-ageDays / halfLifeDays)
  }

  /// 2^x through the standard library's exp2 (one definition for builder and tests).
  private func pow2(_ exponent: Double) -> Double { Foundation.exp2(exponent) }
}
