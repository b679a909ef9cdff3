/// Builds an index in memory from imported documents: inverted postings per text field, keyword
/// postings, field lengths, numeric and vector columns and stored fields.
///
/// Text terms are interned to integer ids by their UTF-8 bytes (`TermTable`); each field keeps one growable
/// pair of `UInt32` arrays (documents, frequencies) per term id, and the ids are sorted by bytes once, when
/// serialising. Fields whose analyzer only lower-cases (no stop words, no stemmer, minimum length 1) take a
/// byte-level path for ASCII text: tokens are the runs of ASCII word characters (what `Tokenizer` makes of
/// ASCII), lower-cased in place and interned without making a `String`; other text goes through `Analyzer`.
///
/// `serialize()` turns the result into the files of an index directory (see `IndexFormat`).
public struct IndexBuilder: Sendable {
  /// The schema documents follow.
  public let schema: Schema
  private let analyzers: [Analyzer]
  private let keywordAnalyzers: [Analyzer]
  private var terms = TermTable()
  /// Per text field, per term id: the postings.
  private var textPostings: [[PostingsAccumulator]]
  private let byteLevelFields: [Bool]
  private let lowercaseFields: [Bool]
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
    textPostings = Array(repeating: [], count: schema.textFields.count)
    byteLevelFields = schema.textFields.map { field in
      field.analyzer.stopWords == .none && field.analyzer.stemmer == .none && field.analyzer.minimumTokenLength <= 1
    }
    lowercaseFields = schema.textFields.map(\.analyzer.lowercase)
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
      var length = 0
      if !byteLevelFields[field] || !addASCII(text, field: field, document: documentNumber, length: &length) {
        length = 0
        for term in analyzers[field].terms(text) {
          addPosting(terms.intern(term), field: field, document: documentNumber)
          length += 1
        }
      }
      fieldLengths[field].append(UInt32(length))
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

  /// Counts one occurrence of term `id` in `document`'s field `field` (documents arrive in ascending order).
  @inline(__always)
  private mutating func addPosting(_ id: Int, field: Int, document: UInt32) {
    if id == textPostings[field].count {
      for other in textPostings.indices { textPostings[other].append(PostingsAccumulator()) }
    }
    textPostings[field][id].add(document)
  }

  /// Indexes ASCII `text` byte by byte: runs of `[0-9A-Za-z_]` are the tokens, lower-cased when the field
  /// lower-cases (accent folding is the identity on ASCII). Returns false, having added nothing, when the
  /// text is not ASCII.
  private mutating func addASCII(_ text: String, field: Int, document: UInt32, length: inout Int) -> Bool {
    var text = text
    let lowercase = lowercaseFields[field]
    return text.withUTF8 { bytes -> Bool in
      for byte in bytes where byte >= 0x80 { return false }
      var token = [UInt8](repeating: 0, count: 64)
      var start = -1
      var index = 0
      let count = bytes.count
      while index <= count {
        let byte: UInt8 = index < count ? bytes[index] : 0x20
        let isWord = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
          || byte == 0x5F
        if isWord {
          if start < 0 { start = index }
        } else if start >= 0 {
          let tokenLength = index - start
          if token.count < tokenLength { token = [UInt8](repeating: 0, count: tokenLength) }
          let id = token.withUnsafeMutableBufferPointer { buffer -> Int in
            for offset in 0..<tokenLength {
              let character = bytes[start + offset]
              buffer[offset] = lowercase && character >= 0x41 && character <= 0x5A ? character | 0x20 : character
            }
            return terms.intern(UnsafeBufferPointer(rebasing: buffer[0..<tokenLength]))
          }
          addPosting(id, field: field, document: document)
          length += 1
          start = -1
        }
        index += 1
      }
      return true
    }
  }

  /// The index files and the figures the manifest records.
  public func serialize() -> IndexFormat.Files {
    let order = terms.sortedIds()
    let inverted = InvertedFields(terms: order.map { Array(terms.bytes($0)) },
                                  lists: textPostings.map { lists in order.map { lists[$0] } })
    return IndexFormat.write(schema: schema, ids: ids, storedDocuments: storedDocuments, textPostings: inverted,
                      keywordPostings: InvertedFields(fields: keywordPostings), fieldLengths: fieldLengths, numbers: numbers,
                      vectors: vectors)
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

  /// Counts one more occurrence in `document`, which is the last document or comes after it.
  @inline(__always)
  mutating func add(_ document: UInt32) {
    if let last = documents.last, last == document {
      frequencies[frequencies.count - 1] += 1
    } else {
      documents.append(document)
      frequencies.append(1)
    }
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
