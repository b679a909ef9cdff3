/// The blend stage's parameters (a rank profile's `"blend"` section): how many hits to hand out, MMR
/// diversity, content-type quotas, a per-board limit and near-duplicate removal. Every part is optional;
/// with none set the stage keeps the input order and only cuts it to `keep`.
public struct BlendSettings: Sendable, Hashable {
  /// How many candidates the stage hands out.
  public var keep: Int
  /// MMR trade-off λ in [0, 1]: 1 ranks by relevance alone, 0 by novelty alone; nil turns MMR off.
  public var mmrLambda: Double?
  /// At most this share of the handed-out list per content type (value of the type field), e.g.
  /// `["video": 0.3]`; a type not named is not limited.
  public var typeQuotas: [String: Double]
  /// At most this many hits from one board (value of the board field); nil: no limit.
  public var maxPerBoard: Int?
  /// A candidate whose cosine similarity to a hit already placed is at least this is dropped; nil: never.
  public var nearDuplicateThreshold: Double?

  /// Creates settings; see the properties.
  public init(keep: Int, mmrLambda: Double? = nil, typeQuotas: [String: Double] = [:], maxPerBoard: Int? = nil,
              nearDuplicateThreshold: Double? = nil) {
    self.keep = keep
    self.mmrLambda = mmrLambda
    self.typeQuotas = typeQuotas
    self.maxPerBoard = maxPerBoard
    self.nearDuplicateThreshold = nearDuplicateThreshold
  }

  /// What is wrong with these settings, or nil when they are usable.
  public var problem: String? {
    if keep < 1 { return "keep must be at least 1, got \(keep)" }
    if let mmrLambda, !(0...1).contains(mmrLambda) { return "MMR lambda must be between 0 and 1, got \(mmrLambda)" }
    for (type, share) in typeQuotas.sorted(by: { $0.key < $1.key }) where !(share >= 0 && share <= 1) {
      return "the quota of type \"\(type)\" must be a share between 0 and 1, got \(share)"
    }
    if let maxPerBoard, maxPerBoard < 1 { return "max per board must be at least 1, got \(maxPerBoard)" }
    if let threshold = nearDuplicateThreshold, !(threshold > -1 && threshold <= 1) {
      return "the near-duplicate threshold is a cosine in (-1, 1], got \(threshold)"
    }
    return nil
  }

  /// The most hits of `type` the list may hold: ⌊share · keep⌋, at least 1 when the share is positive;
  /// nil when the type is not limited.
  func quota(for type: String?) -> Int? {
    guard let type, let share = typeQuotas[type] else { return nil }
    guard share > 0 else { return 0 }
    return max(1, Int((share * Double(keep)).rounded(.down)))
  }
}
