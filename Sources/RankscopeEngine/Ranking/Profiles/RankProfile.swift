/// A rank profile: a named, human-editable declaration of the ranking pipeline (like a Vespa rank
/// profile): which candidate generators run and how deep, how their lists are fused, an optional L1
/// stage (a linear model over features, keeps N), an optional L2 stage (a tree-ensemble model file, keeps
/// M) and an optional blend stage (MMR diversity, quotas, a board limit, near-duplicate removal).
///
/// Profiles are JSON files (see `RankProfileParser` for the format and the checks made on load).
public struct RankProfile: Sendable, Hashable {
  /// The retrieval part: generators with their depths, and fusion when there are several.
  public struct Retrieval: Sendable, Hashable {
    /// Generator names in run order (`bm25f`, `ann:<field>`, `popular:<field>`) with how many candidates
    /// each returns.
    public var generators: [(name: String, depth: Int)]
    /// How several generators' lists are fused (ignored with one generator).
    public var fusion: FusionSettings

    /// Creates the retrieval part.
    public init(generators: [(name: String, depth: Int)], fusion: FusionSettings = .standard) {
      self.generators = generators
      self.fusion = fusion
    }

    public static func == (left: Retrieval, right: Retrieval) -> Bool {
      left.generators.map(\.name) == right.generators.map(\.name)
        && left.generators.map(\.depth) == right.generators.map(\.depth) && left.fusion == right.fusion
    }

    public func hash(into hasher: inout Hasher) {
      for generator in generators {
        hasher.combine(generator.name)
        hasher.combine(generator.depth)
      }
      hasher.combine(fusion)
    }
  }

  /// The L1 stage: `score = bias + Σ weight_f · feature_f`, keeping the best `keep`.
  public struct LinearStage: Sendable, Hashable {
    /// How many candidates the stage hands on.
    public var keep: Int
    /// Feature weights in the order written.
    public var weights: [(feature: String, weight: Double)]
    /// A constant added to every score.
    public var bias: Double

    /// Creates the stage.
    public init(keep: Int, weights: [(feature: String, weight: Double)], bias: Double = 0) {
      self.keep = keep
      self.weights = weights
      self.bias = bias
    }

    public static func == (left: LinearStage, right: LinearStage) -> Bool {
      left.keep == right.keep && left.bias == right.bias && left.weights.map(\.feature) == right.weights.map(\.feature)
        && left.weights.map(\.weight) == right.weights.map(\.weight)
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(keep)
      hasher.combine(bias)
      for entry in weights {
        hasher.combine(entry.feature)
        hasher.combine(entry.weight)
      }
    }
  }

  /// The L2 stage: a tree-ensemble model file scoring the candidates, keeping the best `keep`.
  public struct ModelStage: Sendable, Hashable {
    /// The model file, resolved against the profile's folder.
    public var modelPath: String
    /// How many candidates the stage hands on.
    public var keep: Int

    /// Creates the stage.
    public init(modelPath: String, keep: Int) {
      self.modelPath = modelPath
      self.keep = keep
    }
  }

  /// The blend stage and the fields it reads.
  public struct Blend: Sendable, Hashable {
    /// MMR, quotas, board limit, near duplicates.
    public var settings: BlendSettings
    /// The vector field MMR and near-duplicate removal compare, if any.
    public var similarityField: String?
    /// The keyword field holding the content type that quotas count, if any.
    public var typeField: String?
    /// The keyword field holding the board the per-board limit counts, if any.
    public var boardField: String?

    /// Creates the stage.
    public init(settings: BlendSettings, similarityField: String? = nil, typeField: String? = nil, boardField: String? = nil) {
      self.settings = settings
      self.similarityField = similarityField
      self.typeField = typeField
      self.boardField = boardField
    }
  }

  /// The profile's name (unique in a library; the file's name without `.json` unless the file says).
  public var name: String
  /// One line saying what the profile is for.
  public var summary: String
  /// Where the profile was read from, for messages.
  public var source: String
  /// Generators and fusion.
  public var retrieval: Retrieval
  /// The linear stage, if any.
  public var l1: LinearStage?
  /// The learned stage, if any.
  public var l2: ModelStage?
  /// The blend stage, if any.
  public var blend: Blend?

  /// Creates a profile.
  public init(name: String, summary: String = "", source: String = "memory", retrieval: Retrieval,
              l1: LinearStage? = nil, l2: ModelStage? = nil, blend: Blend? = nil) {
    self.name = name
    self.summary = summary
    self.source = source
    self.retrieval = retrieval
    self.l1 = l1
    self.l2 = l2
    self.blend = blend
  }

  /// Whether running the profile needs the query's text embedding (an `ann:` generator).
  public var needsEmbedding: Bool { retrieval.generators.contains { $0.name.hasPrefix("ann:") } }

  /// The stages in order, for messages: "bm25f 1000 + ann:text_embedding 200 → rrf → L1 200 → L2 50 → blend 20".
  public var stageSummary: String {
    var parts = [retrieval.generators.map { "\($0.name) \($0.depth)" }.joined(separator: " + ")]
    if retrieval.generators.count > 1 { parts.append(retrieval.fusion.method.rawValue) }
    if let l1 { parts.append("L1 \(l1.keep)") }
    if let l2 { parts.append("L2 \(l2.keep)") }
    if let blend { parts.append("blend \(blend.settings.keep)") }
    return parts.joined(separator: " → ")
  }
}

extension RankProfile.LinearStage {
  /// Largest magnitude a weight or the bias may have (the profile parser's limit).
  public static let maximumMagnitude = 1e9

  /// What is wrong with the stage, or nil when it can run: `keep` at least 1, every weight and the bias
  /// finite and within ±`maximumMagnitude`.
  public var problem: String? {
    if keep < 1 { return "L1 keep must be at least 1, got \(keep)" }
    for entry in weights where !(entry.weight.isFinite && abs(entry.weight) <= Self.maximumMagnitude) {
      return "the L1 weight of \(entry.feature) must be a finite number within ±1e9, got \(entry.weight)"
    }
    if !(bias.isFinite && abs(bias) <= Self.maximumMagnitude) {
      return "the L1 bias must be a finite number within ±1e9, got \(bias)"
    }
    return nil
  }
}

extension RankProfile {
  /// What is wrong with the profile's tunable stages (L1, blend), or nil when it can run; used to refuse an
  /// edited profile before it is searched with.
  public var problem: String? { l1?.problem ?? blend?.settings.problem }
}
