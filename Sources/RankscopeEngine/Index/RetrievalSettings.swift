/// The schema's optional `"retrieval"` section: which candidate generators a collection offers beyond BM25F
/// and its vector fields, and the fusion defaults of hybrid search.
///
/// ```json
/// "retrieval": {
///   "generators": {"popular": {"category": "category", "popularity": "saves", "sample": 20}},
///   "fusion": {"method": "rrf", "k": 60, "weights": {"bm25f": 1, "ann:text_embedding": 1}, "depth": 100}
/// }
/// ```
public struct RetrievalSettings: Sendable, Hashable, Codable {
  /// The "popular in category" generator: the most popular documents of the category a query points at.
  public struct Popular: Sendable, Hashable, Codable {
    /// The keyword field naming a document's category.
    public var category: String
    /// The numeric field measuring popularity (larger is more popular).
    public var popularity: String
    /// How many top candidates of another generator vote on the category when no filter names it.
    public var sample: Int

    /// Creates the settings.
    public init(category: String, popularity: String, sample: Int = 20) {
      self.category = category
      self.popularity = popularity
      self.sample = sample
    }

    private enum CodingKeys: String, CodingKey { case category, popularity, sample }

    public init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      category = try container.decode(String.self, forKey: .category)
      popularity = try container.decode(String.self, forKey: .popularity)
      sample = try container.decodeIfPresent(Int.self, forKey: .sample) ?? 20
    }
  }

  /// The popular-in-category generator, when the collection has one.
  public var popular: Popular?
  /// Fusion defaults for hybrid search (`nil`: `FusionSettings.standard`).
  public var fusion: FusionSettings?

  /// Creates the section.
  public init(popular: Popular? = nil, fusion: FusionSettings? = nil) {
    self.popular = popular
    self.fusion = fusion
  }

  private enum CodingKeys: String, CodingKey { case generators, fusion }
  private enum GeneratorKeys: String, CodingKey { case popular }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if container.contains(.generators) {
      let generators = try container.nestedContainer(keyedBy: GeneratorKeys.self, forKey: .generators)
      popular = try generators.decodeIfPresent(Popular.self, forKey: .popular)
    }
    fusion = try container.decodeIfPresent(FusionSettings.self, forKey: .fusion)
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    if let popular {
      var generators = container.nestedContainer(keyedBy: GeneratorKeys.self, forKey: .generators)
      try generators.encode(popular, forKey: .popular)
    }
    try container.encodeIfPresent(fusion, forKey: .fusion)
  }

  /// One line for the build output, e.g. `popular:category by saves (votes of the top 20); fusion RRF k=60, depth 100`.
  public var summary: String {
    var parts: [String] = []
    if let popular { parts.append("popular:\(popular.category) by \(popular.popularity) (votes of the top \(popular.sample))") }
    if let fusion {
      var text = "fusion \(fusion.summary), depth \(fusion.depth)"
      if !fusion.weights.isEmpty {
        text += ", weights " + fusion.weights.sorted { $0.key < $1.key }.map { "\($0.key)=\(JSONWriter.format($0.value))" }.joined(separator: ",")
      }
      parts.append(text)
    }
    return parts.isEmpty ? "defaults" : parts.joined(separator: "; ")
  }
}

extension Schema {
  /// The names of every candidate generator this schema offers: `bm25f` (with text fields), `ann:<field>` for the
  /// text-embedding field, `popular:<category>` when configured.
  public var generatorNames: [String] {
    var names: [String] = []
    if !textFields.isEmpty { names.append(BM25FGenerator.generatorName) }
    if let field = textEmbeddingField { names.append(VectorGenerator.generatorName(field: field.name)) }
    if let popular = retrieval?.popular { names.append(PopularInCategoryGenerator.generatorName(category: popular.category)) }
    return names
  }

  /// Checks the `"retrieval"` section against the fields; errors name the file and the field.
  func validateRetrieval(path: String) throws(IndexError) {
    guard let retrieval else { return }
    if let popular = retrieval.popular {
      guard let category = field(named: popular.category) else {
        throw IndexError.invalidInput("\(path): retrieval.generators.popular.category names \"\(popular.category)\", which is not a field")
      }
      guard category.type == .keyword else {
        throw IndexError.invalidInput("\(path): retrieval.generators.popular.category \"\(popular.category)\" must be a keyword field, not \(category.type.rawValue)")
      }
      guard let popularity = field(named: popular.popularity) else {
        throw IndexError.invalidInput("\(path): retrieval.generators.popular.popularity names \"\(popular.popularity)\", which is not a field")
      }
      guard popularity.type == .numeric else {
        throw IndexError.invalidInput("\(path): retrieval.generators.popular.popularity \"\(popular.popularity)\" must be a numeric field, not \(popularity.type.rawValue)")
      }
      guard popular.sample >= 1 else {
        throw IndexError.invalidInput("\(path): retrieval.generators.popular.sample must be at least 1")
      }
    }
    if let fusion = retrieval.fusion {
      do {
        try fusion.validate()
      } catch {
        throw IndexError.invalidInput("\(path): retrieval.fusion: \(error.reason)")
      }
      let known = generatorNames
      for name in fusion.weights.keys.sorted() where !known.contains(name) {
        throw IndexError.invalidInput("\(path): retrieval.fusion.weights names generator \"\(name)\", which this schema does not offer (it offers \(known.joined(separator: ", ")))")
      }
    }
  }
}
