/// How a hybrid search fuses the candidate lists of its generators into one ranking.
public enum FusionMethod: String, Sendable, Hashable, CaseIterable, Codable {
  /// Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): `Σ_g w_g / (k + rank_g)`.
  case rrf
  /// Weighted score fusion: `Σ_g w_g · normalised_g`, each generator's raw scores normalised over its own list.
  case weighted
}

/// How weighted fusion maps one generator's raw scores onto a common scale, over that generator's candidate list.
public enum ScoreNormalization: String, Sendable, Hashable, CaseIterable, Codable {
  /// `(s − min) / (max − min)`: the list's best candidate gets 1 and its last 0; a list of one candidate, or of
  /// equal scores, gives every candidate 1 (being found is then the only signal, and it counts fully).
  case minmax
  /// `(s − mean) / σ` with the population standard deviation (Montague & Aslam's ZMUV, CIKM 2001): a candidate
  /// below its list's mean contributes a negative amount, a document the generator did not find contributes 0
  /// (the mean); a list of one candidate, or of equal scores (σ = 0), gives every candidate 0.
  case zscore
}

/// The fusion parameters of a hybrid search: method, RRF's `k`, normalisation, per-generator weights and depth.
public struct FusionSettings: Sendable, Hashable {
  /// Reciprocal rank fusion or weighted score fusion.
  public var method: FusionMethod
  /// RRF's rank constant `k` (60 in Cormack et al.).
  public var k: Double
  /// How weighted fusion normalises each generator's scores.
  public var normalization: ScoreNormalization
  /// Generator name → weight; the generators a hybrid search runs. Empty: `bm25f` and the text-embedding
  /// `ann:` generator, weight 1 each.
  public var weights: [String: Double]
  /// How many candidates each generator hands to fusion (at least the number of hits asked for).
  public var depth: Int

  /// Creates settings; the defaults are RRF with k = 60, equal weights and depth 100.
  public init(method: FusionMethod = .rrf, k: Double = 60, normalization: ScoreNormalization = .minmax,
              weights: [String: Double] = [:], depth: Int = 100) {
    self.method = method
    self.k = k
    self.normalization = normalization
    self.weights = weights
    self.depth = depth
  }

  /// The built-in default: RRF, k = 60, BM25F and the text embedding with weight 1, depth 100.
  public static let standard = FusionSettings()

  /// A short description for status lines, e.g. `RRF k=60` or `weighted min-max`.
  public var summary: String {
    switch method {
    case .rrf: return "RRF k=\(JSONWriter.format(k))"
    case .weighted: return "weighted \(normalization == .minmax ? "min-max" : "z-score")"
    }
  }

  /// Parses `bm25f=1,ann:text_embedding=0.5` into a weight map; the error names the bad part.
  public static func parseWeights(_ text: String) throws(QueryError) -> [String: Double] {
    var weights: [String: Double] = [:]
    for part in text.split(separator: ",", omittingEmptySubsequences: true) {
      let pieces = part.split(separator: "=", maxSplits: 1)
      let name = pieces.first.map { String($0).trimmingWhitespace() } ?? ""
      guard pieces.count == 2, !name.isEmpty, let weight = Double(String(pieces[1]).trimmingWhitespace()),
            weight.isFinite, weight >= 0 else {
        throw QueryError("weight '\(part)' is not generator=number with a number of zero or more (e.g. bm25f=1,ann:text_embedding=0.5)")
      }
      guard weights[name] == nil else { throw QueryError("generator \(name) is weighted twice") }
      weights[name] = weight
    }
    guard !weights.isEmpty else { throw QueryError("no weights given (e.g. bm25f=1,ann:text_embedding=0.5)") }
    return weights
  }

  /// Checks the values: `k` positive, depth at least 1, weights finite and not negative.
  public func validate() throws(QueryError) {
    guard k > 0, k.isFinite else { throw QueryError("fusion k must be a positive number, not \(k)") }
    guard depth >= 1 else { throw QueryError("fusion depth must be at least 1, not \(depth)") }
    for (name, weight) in weights.sorted(by: { $0.key < $1.key }) where !(weight.isFinite && weight >= 0) {
      throw QueryError("the weight of \(name) must be zero or more, not \(weight)")
    }
  }
}

extension FusionSettings: Codable {
  private enum CodingKeys: String, CodingKey { case method, k, normalization, weights, depth }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let standard = FusionSettings.standard
    method = try container.decodeIfPresent(FusionMethod.self, forKey: .method) ?? standard.method
    k = try container.decodeIfPresent(Double.self, forKey: .k) ?? standard.k
    normalization = try container.decodeIfPresent(ScoreNormalization.self, forKey: .normalization) ?? standard.normalization
    weights = try container.decodeIfPresent([String: Double].self, forKey: .weights) ?? standard.weights
    depth = try container.decodeIfPresent(Int.self, forKey: .depth) ?? standard.depth
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(method, forKey: .method)
    try container.encode(k, forKey: .k)
    try container.encode(normalization, forKey: .normalization)
    if !weights.isEmpty { try container.encode(weights, forKey: .weights) }
    try container.encode(depth, forKey: .depth)
  }
}
