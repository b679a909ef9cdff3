/// Builds an index in memory from imported documents: inverted postings per text field, keyword
/// postings, field lengths, numeric and vector columns and stored fields.
///
/// `serialize()` turns the result into the files of an index directory (see `IndexFormat`).
public struct IndexBuilder: Sendable {
  /// The schema documents follow.
  public let schema: Schema
  private let analyzers: [Analyzer]
  private let keywordAnalyzers: [Analyzer]
  private var textPostings: [[String: PostingsAccumulator]]
  private var keywordPostings: [[String: PostingsAccumulator]]
  private var fieldLengths: [[UInt32]]
  private var numbers: [[Double]]
  private var vectors: [[Float]]
  private var storedDocuments: [[UInt8]] = []
  private var ids: [String] = []

  /// Creates an empty builder.
  public init(schema: Schema) {
    self.schema = schema
    analyzers = schema.textFields.map { Analyzer(configuration: $0.analyzer) }
    keywordAnalyzers = schema.keywordFields.map { Analyzer(configuration: $0.analyzer) }
    textPostings = Array(repeating: [:], count: schema.textFields.count)
    keywordPostings = Array(repeating: [:], count: schema.keywordFields.count)
    fieldLengths = Array(repeating: [], count: schema.textFields.count)
    numbers = Array(repeating: [], count: schema.numericFields.count)
    vectors = Array(repeating: [], count: schema.vectorFields.count)
  }

  /// Number of documents added.
  public var documentCount: Int { ids.count }

  /// Adds one document; its number is the count of documents added before it.
  public mutating func add(_ document: ImportedDocument) {
    let documentNumber = UInt32(ids.count)
    ids.append(document.id)
    storedDocuments.append(Array(JSONWriter.string(document.stored).utf8))
    for (field, text) in document.texts.enumerated() {
      let terms = analyzers[field].terms(text)
      fieldLengths[field].append(UInt32(terms.count))
      var frequencies: [String: UInt32] = [:]
      for term in terms { frequencies[term, default: 0] += 1 }
      for (term, frequency) in frequencies {
        textPostings[field][term, default: PostingsAccumulator()].append(documentNumber, frequency)
      }
    }
    for (field, values) in document.keywords.enumerated() {
      var distinct = Set<String>()
      for value in values { distinct.insert(KeywordNormalizer.normalize(value, analyzer: keywordAnalyzers[field])) }
      for value in distinct {
        keywordPostings[field][value, default: PostingsAccumulator()].append(documentNumber, 1)
      }
    }
    for (field, number) in document.numbers.enumerated() { numbers[field].append(number ?? .nan) }
    for (field, vector) in document.vectors.enumerated() {
      let dimension = schema.vectorFields[field].dimension ?? vector?.count ?? 0
      if let vector, vector.count == dimension {
        vectors[field].append(contentsOf: vector)
      } else {
        vectors[field].append(contentsOf: repeatElement(Float.nan, count: dimension))
      }
    }
  }

  /// The index files and the figures the manifest records; building a vector field's HNSW graph reports
  /// its stage and fraction to `progress`.
  public func serialize(progress: (String, Double) -> Void = { _, _ in }) -> IndexFormat.Files {
    IndexFormat.write(schema: schema, ids: ids, storedDocuments: storedDocuments, textPostings: textPostings,
                      keywordPostings: keywordPostings, fieldLengths: fieldLengths, numbers: numbers,
                      vectors: vectors, progress: progress)
  }
}

/// Postings of one term in one field while building: document numbers ascending with frequencies.
struct PostingsAccumulator: Sendable {
  var documents: [UInt32] = []
  var frequencies: [UInt32] = []

  mutating func append(_ document: UInt32, _ frequency: UInt32) {
    documents.append(document)
    frequencies.append(frequency)
  }
}

/// How keyword values are compared: trimmed and analyzed as one exact term.
public enum KeywordNormalizer {
  /// The stored form of a keyword value.
  public static func normalize(_ value: String, analyzer: Analyzer) -> String {
    var text = value.trimmingWhitespace()
    if analyzer.configuration.lowercase { text = text.lowercased() }
    if analyzer.configuration.foldAccents { text = AccentFolding.fold(text) }
    return text
  }
}

extension String {
  /// The string without leading and trailing white space.
  func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return String(scalars[first...last])
  }
}
