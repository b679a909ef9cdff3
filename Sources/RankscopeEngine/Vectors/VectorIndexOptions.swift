/// How a vector field is searched: exhaustively, or through an HNSW graph with its parameters.
///
/// Schema form: `"index": {"type": "exact"}` (the default) or
/// `"index": {"type": "hnsw", "M": 16, "efConstruction": 100, "efSearch": 64, "seed": 1}` (every HNSW
/// key optional, with these defaults).
public enum VectorIndexOptions: Sendable, Hashable, Codable {
  /// Exact search: every vector is compared with the query.
  case exact
  /// An HNSW graph (Malkov & Yashunin 2018).
  case hnsw(HNSWParameters)

  private enum CodingKeys: String, CodingKey { case type, M, efConstruction, efSearch, seed }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let type = try container.decode(String.self, forKey: .type)
    func fail(_ message: String) -> DecodingError {
      DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: message))
    }
    switch type {
    case "exact":
      let extra = container.allKeys.filter { $0 != .type }
      guard extra.isEmpty else {
        throw fail("\(extra.map { "\"\($0.stringValue)\"" }.joined(separator: ", ")) applies only to \"type\": \"hnsw\"")
      }
      self = .exact
    case "hnsw":
      var parameters = HNSWParameters()
      parameters.M = try container.decodeIfPresent(Int.self, forKey: .M) ?? parameters.M
      parameters.efConstruction = try container.decodeIfPresent(Int.self, forKey: .efConstruction) ?? parameters.efConstruction
      parameters.efSearch = try container.decodeIfPresent(Int.self, forKey: .efSearch) ?? parameters.efSearch
      parameters.seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? parameters.seed
      if let problem = parameters.problem { throw fail(problem) }
      self = .hnsw(parameters)
    default:
      throw fail("unknown vector index type \"\(type)\" (expected \"exact\" or \"hnsw\")")
    }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .exact:
      try container.encode("exact", forKey: .type)
    case .hnsw(let parameters):
      try container.encode("hnsw", forKey: .type)
      try container.encode(parameters.M, forKey: .M)
      try container.encode(parameters.efConstruction, forKey: .efConstruction)
      try container.encode(parameters.efSearch, forKey: .efSearch)
      try container.encode(parameters.seed, forKey: .seed)
    }
  }

  /// The HNSW parameters, when the index is HNSW.
  public var hnswParameters: HNSWParameters? {
    if case .hnsw(let parameters) = self { return parameters }
    return nil
  }
}

/// The parameters of an HNSW graph, with the paper's names (Malkov & Yashunin 2018).
public struct HNSWParameters: Sendable, Hashable {
  /// Links per node on the upper levels; level 0 keeps `2 · M`.
  public var M = 16
  /// Size of the candidate list while inserting.
  public var efConstruction = 100
  /// Default size of the candidate list while searching (a query may override it).
  public var efSearch = 64
  /// Seed of the level draws: the same seed and input give a byte-identical graph.
  public var seed: UInt64 = 1

  /// Creates parameters (defaults: M 16, efConstruction 100, efSearch 64, seed 1).
  public init(M: Int = 16, efConstruction: Int = 100, efSearch: Int = 64, seed: UInt64 = 1) {
    self.M = M
    self.efConstruction = efConstruction
    self.efSearch = efSearch
    self.seed = seed
  }

  /// What is wrong with the parameters, or `nil` when they are usable.
  public var problem: String? {
    if !(2...256).contains(M) { return "HNSW \"M\" must be between 2 and 256, got \(M)" }
    if !(1...100_000).contains(efConstruction) { return "HNSW \"efConstruction\" must be between 1 and 100000, got \(efConstruction)" }
    if !(1...100_000).contains(efSearch) { return "HNSW \"efSearch\" must be between 1 and 100000, got \(efSearch)" }
    return nil
  }
}

/// How a vector field's vectors are compressed for search.
public enum VectorQuantization: String, Sendable, Hashable, Codable {
  /// Symmetric int8 scalar quantization with one global scale (see `ScalarQuantizer`); the best
  /// candidates are re-scored in float32.
  case int8
}
