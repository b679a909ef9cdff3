import RankscopeEngine

/// One parameter of a rank profile that the tuning panel (F5) edits live: an L1 weight or the bias, or one of
/// the blend's keep, MMR λ, board limit, near-duplicate threshold and type quotas.
public enum TuningParameter: Hashable, Sendable {
  /// The L1 weight of a feature.
  case weight(String)
  /// The L1 bias.
  case bias
  /// How many hits the blend hands out.
  case blendKeep
  /// The blend's MMR trade-off λ (off: no MMR).
  case mmrLambda
  /// The blend's limit of hits per board (off: none).
  case maxPerBoard
  /// The blend's near-duplicate cosine threshold (off: none dropped).
  case nearDuplicate
  /// The blend's share limit for a content type.
  case typeQuota(String)

  /// How a parameter's value moves with the keys.
  public enum Kind: Sendable, Hashable {
    /// A real number (weights, bias): step 0.1, fine step 0.01, within ±1e9.
    case real
    /// A number in a closed range (λ, shares, a cosine): step 0.05, fine step 0.01, clamped.
    case bounded(ClosedRange<Double>)
    /// A whole count: step 1 (also the fine step), at least the lower bound.
    case count(ClosedRange<Int>)
  }

  /// The parameters `profile` has, in panel order: L1 weights as written, the bias, then the blend's keep and
  /// those of its rules that its fields allow (MMR and near duplicates need the similarity field, the board
  /// limit the board field), then each type quota by type name.
  public static func all(in profile: RankProfile) -> [TuningParameter] {
    var parameters: [TuningParameter] = []
    if let l1 = profile.l1 {
      parameters += l1.weights.map { .weight($0.feature) }
      parameters.append(.bias)
    }
    if let blend = profile.blend {
      parameters.append(.blendKeep)
      if blend.similarityField != nil { parameters.append(.mmrLambda) }
      if blend.boardField != nil { parameters.append(.maxPerBoard) }
      if blend.similarityField != nil { parameters.append(.nearDuplicate) }
      parameters += blend.settings.typeQuotas.keys.sorted().map(TuningParameter.typeQuota)
    }
    return parameters
  }

  /// The name shown in the panel: `L1 bm25f`, `blend MMR λ`, `blend quota video`.
  public var label: String {
    switch self {
    case .weight(let feature): return "L1 \(feature)"
    case .bias: return "L1 bias"
    case .blendKeep: return "blend keep"
    case .mmrLambda: return "blend MMR λ"
    case .maxPerBoard: return "blend max per board"
    case .nearDuplicate: return "blend near-duplicate"
    case .typeQuota(let type): return "blend quota \(type)"
    }
  }

  /// How the value moves and where it is clamped.
  public var kind: Kind {
    switch self {
    case .weight, .bias: return .real
    case .mmrLambda, .typeQuota: return .bounded(0...1)
    case .nearDuplicate: return .bounded(-0.95...1)
    case .blendKeep, .maxPerBoard: return .count(1...10_000)
    }
  }

  /// The parameter's value in `profile`; nil when the rule is off (or the profile lacks the stage).
  public func value(in profile: RankProfile) -> Double? {
    switch self {
    case .weight(let feature): return profile.l1?.weights.first { $0.feature == feature }?.weight
    case .bias: return profile.l1?.bias
    case .blendKeep: return (profile.blend?.settings.keep).map(Double.init)
    case .mmrLambda: return profile.blend?.settings.mmrLambda
    case .maxPerBoard: return (profile.blend?.settings.maxPerBoard).map(Double.init)
    case .nearDuplicate: return profile.blend?.settings.nearDuplicateThreshold
    case .typeQuota(let type): return profile.blend?.settings.typeQuotas[type]
    }
  }

  /// `profile` with this parameter set to `value` (nil: the rule off), unchecked; a count is rounded to a
  /// whole number. A parameter the profile lacks leaves it unchanged.
  public func setting(_ value: Double?, in profile: RankProfile) -> RankProfile {
    var profile = profile
    func count(_ value: Double) -> Int { value.isFinite ? Int(max(-1e9, min(1e9, value)).rounded()) : 0 }
    switch self {
    case .weight(let feature):
      guard let value, let index = profile.l1?.weights.firstIndex(where: { $0.feature == feature }) else { break }
      profile.l1?.weights[index].weight = value
    case .bias:
      if let value { profile.l1?.bias = value }
    case .blendKeep:
      if let value { profile.blend?.settings.keep = count(value) }
    case .mmrLambda:
      profile.blend?.settings.mmrLambda = value
    case .maxPerBoard:
      profile.blend?.settings.maxPerBoard = value.map(count)
    case .nearDuplicate:
      profile.blend?.settings.nearDuplicateThreshold = value
    case .typeQuota(let type):
      if let value, profile.blend?.settings.typeQuotas[type] != nil { profile.blend?.settings.typeQuotas[type] = value }
    }
    return profile
  }

  /// The value one step up (`direction` 1) or down (-1) from `current`, clamped to the parameter's range.
  /// A rule that is off starts at its mildest setting (λ 1, near-duplicate 1, board limit = `keep`).
  public func stepped(_ current: Double?, direction: Int, fine: Bool, keep: Int) -> Double {
    guard let current else {
      switch self {
      case .maxPerBoard: return Double(max(1, keep))
      case .mmrLambda, .nearDuplicate: return 1
      default: return 0
      }
    }
    let sign = Double(direction.signum())
    switch kind {
    case .real:
      let limit = RankProfile.LinearStage.maximumMagnitude
      return min(limit, max(-limit, Self.tidy(current + sign * (fine ? 0.01 : 0.1))))
    case .bounded(let range):
      return min(range.upperBound, max(range.lowerBound, Self.tidy(current + sign * (fine ? 0.01 : 0.05))))
    case .count(let range):
      return Double(min(range.upperBound, max(range.lowerBound, Int(current.rounded()) + direction.signum())))
    }
  }

  /// `value` rounded to 9 decimals, so that steps of 0.1 print as `0.3`, not `0.30000000000000004`.
  static func tidy(_ value: Double) -> Double { (value * 1e9).rounded() / 1e9 }

  /// How the panel and notices write a value: counts as whole numbers, other numbers in their shortest
  /// form, `off` for a rule that is off.
  public func format(_ value: Double?) -> String {
    guard let value else { return "off" }
    if case .count = kind { return String(Int(value.rounded())) }
    return "\(value)"
  }
}
