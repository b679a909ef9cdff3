/// The shape of a document collection: which JSON keys are text, keyword, numeric or vector fields.
public struct Schema: Sendable, Hashable, Codable {
  /// What kind of values a field holds and how it is indexed.
  public enum FieldType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Analyzed text, searched with BM25F.
    case text
    /// Exact values (a string or an array of strings), for filters such as `type:video`.
    case keyword
    /// A number, for filters such as `price<50`.
    case numeric
    /// A fixed-size array of numbers.
    case vector
  }

  /// One field of the schema.
  public struct Field: Sendable, Hashable, Codable {
    /// The field's name, and the JSON key it is read from unless `sources` is set.
    public var name: String
    /// The kind of field.
    public var type: FieldType
    /// BM25F weight of a text field (Robertson & Zaragoza's `w_f`).
    public var weight: Double
    /// BM25F length normalisation of a text field (`b_f`), from 0 (none) to 1 (full).
    public var b: Double
    /// Analyzer of a text field.
    public var analyzer: AnalyzerConfiguration
    /// JSON keys whose text is joined (with a space) to form this field; empty means the field's own key.
    public var sources: [String]
    /// Number of components of a vector field.
    public var dimension: Int?
    /// For a vector field holding text embeddings: which text it embeds and where precomputed vectors are.
    public var embedding: EmbeddingSource?
    /// How a vector field compares vectors (`nil`: cosine).
    public var similarity: VectorSimilarity?
    /// How a vector field is searched (`nil`: exact).
    public var index: VectorIndexOptions?
    /// How a vector field's vectors are compressed for search (`nil`: float32, none).
    public var quantization: VectorQuantization?

    /// Creates a field.
    public init(name: String, type: FieldType, weight: Double = 1, b: Double = 0.75,
                analyzer: AnalyzerConfiguration = .english, sources: [String] = [], dimension: Int? = nil,
                embedding: EmbeddingSource? = nil, similarity: VectorSimilarity? = nil,
                index: VectorIndexOptions? = nil, quantization: VectorQuantization? = nil) {
      self.name = name
      self.type = type
      self.weight = weight
      self.b = b
      self.analyzer = analyzer
      self.sources = sources
      self.dimension = dimension
      self.embedding = embedding
      self.similarity = similarity
      self.index = index
      self.quantization = quantization
    }

    /// The JSON keys this field reads.
    public var sourceKeys: [String] { sources.isEmpty ? [name] : sources }

    /// The similarity a vector field uses (cosine unless the schema says otherwise).
    public var vectorSimilarity: VectorSimilarity { similarity ?? .cosine }
    /// How a vector field is searched (exact unless the schema says otherwise).
    public var vectorIndex: VectorIndexOptions { index ?? .exact }

    private enum CodingKeys: String, CodingKey { case name, type, weight, b, analyzer, sources, dimension, embedding, similarity, index, quantization }

    public init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      name = try container.decode(String.self, forKey: .name)
      type = try container.decode(FieldType.self, forKey: .type)
      weight = try container.decodeIfPresent(Double.self, forKey: .weight) ?? 1
      b = try container.decodeIfPresent(Double.self, forKey: .b) ?? 0.75
      let defaultAnalyzer: AnalyzerConfiguration = type == .keyword ? .keyword : .english
      analyzer = try container.decodeIfPresent(AnalyzerConfiguration.self, forKey: .analyzer) ?? defaultAnalyzer
      sources = try container.decodeIfPresent([String].self, forKey: .sources) ?? []
      dimension = try container.decodeIfPresent(Int.self, forKey: .dimension)
      embedding = try container.decodeIfPresent(EmbeddingSource.self, forKey: .embedding)
      if let name = try container.decodeIfPresent(String.self, forKey: .similarity) {
        guard let value = VectorSimilarity(rawValue: name) else {
          throw DecodingError.dataCorruptedError(forKey: .similarity, in: container,
                                                 debugDescription: "unknown similarity \"\(name)\" (expected \"cosine\", \"dot\" or \"l2\")")
        }
        similarity = value
      }
      index = try container.decodeIfPresent(VectorIndexOptions.self, forKey: .index)
      if let name = try container.decodeIfPresent(String.self, forKey: .quantization) {
        guard let value = VectorQuantization(rawValue: name) else {
          throw DecodingError.dataCorruptedError(forKey: .quantization, in: container,
                                                 debugDescription: "unknown quantization \"\(name)\" (expected \"int8\")")
        }
        quantization = value
      }
      if type != .vector, similarity != nil || index != nil || quantization != nil {
        throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath,
                                                debugDescription: "\"similarity\", \"index\" and \"quantization\" apply only to vector fields (field \"\(name)\" is \(type.rawValue))"))
      }
    }
  }

  /// Where a text-embedding vector field's vectors come from.
  public struct EmbeddingSource: Sendable, Hashable, Codable {
    /// JSON keys whose text is embedded (joined into one passage).
    public var sources: [String]
    /// A file of precomputed vectors (`rankscope embed` output), relative to the schema file's folder.
    public var file: String?
    /// The encoder's name, for display.
    public var model: String?

    /// Creates an embedding source.
    public init(sources: [String], file: String? = nil, model: String? = nil) {
      self.sources = sources
      self.file = file
      self.model = model
    }

    /// The passage embedded for a document: its source texts joined with ". " (no doubled punctuation).
    public func passage(of document: JSONValue) -> String {
      var parts: [String] = []
      for key in sources {
        guard let value = document[key] else { continue }
        let text = value.displayText.trimmingWhitespace()
        if !text.isEmpty { parts.append(text) }
      }
      var passage = ""
      for part in parts {
        if !passage.isEmpty {
          passage += ".!?:;".contains(passage.last!) ? " " : ". "
        }
        passage += part
      }
      return passage
    }
  }

  /// Which stored fields the explorer and the table output show for a hit.
  public struct Display: Sendable, Hashable, Codable {
    /// The field shown as a hit's title.
    public var title: String?
    /// Fields shown beside the title, in order.
    public var details: [String]

    /// Creates display settings.
    public init(title: String? = nil, details: [String] = []) {
      self.title = title
      self.details = details
    }
  }

  /// The JSON key holding each document's unique id.
  public var idField: String
  /// The fields, in the order they are declared.
  public var fields: [Field]
  /// BM25F term-frequency saturation `k1`, shared by all text fields.
  public var k1: Double
  /// What to show for a hit.
  public var display: Display
  /// Extra candidate generators and fusion defaults (the optional `"retrieval"` section).
  public var retrieval: RetrievalSettings?

  /// Creates a schema.
  public init(idField: String = "id", fields: [Field], k1: Double = 1.2, display: Display = Display(),
              retrieval: RetrievalSettings? = nil) {
    self.idField = idField
    self.fields = fields
    self.k1 = k1
    self.display = display
    self.retrieval = retrieval
  }

  private enum CodingKeys: String, CodingKey { case idField, fields, k1, display, retrieval }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    idField = try container.decodeIfPresent(String.self, forKey: .idField) ?? "id"
    fields = try container.decode([Field].self, forKey: .fields)
    k1 = try container.decodeIfPresent(Double.self, forKey: .k1) ?? 1.2
    display = try container.decodeIfPresent(Display.self, forKey: .display) ?? Display()
    retrieval = try container.decodeIfPresent(RetrievalSettings.self, forKey: .retrieval)
  }

  /// Text fields in declaration order (their position is their BM25F field number).
  public var textFields: [Field] { fields.filter { $0.type == .text } }
  /// Keyword fields in declaration order.
  public var keywordFields: [Field] { fields.filter { $0.type == .keyword } }
  /// Numeric fields in declaration order.
  public var numericFields: [Field] { fields.filter { $0.type == .numeric } }
  /// Vector fields in declaration order.
  public var vectorFields: [Field] { fields.filter { $0.type == .vector } }

  /// The vector field holding text embeddings, if any.
  public var textEmbeddingField: Field? { fields.first { $0.type == .vector && $0.embedding != nil } }

  /// The field named `name`, if any.
  public func field(named name: String) -> Field? { fields.first { $0.name == name } }
}
