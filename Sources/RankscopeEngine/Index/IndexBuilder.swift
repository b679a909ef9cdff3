/// Builds an index in memory from imported documents: inverted postings per text field, keyword
/// postings, field lengths, numeric and vector columns and stored fields.
///
/// Text terms are interned to integer ids by their UTF-8 bytes (`TermTable`); each field appends one
/// `UInt64` per occurrence (term id, document number) to a flat array, and serialising inverts it with a
/// counting sort by term id (stable, so documents stay ascending; runs of one document give its frequency),
/// then sorts the ids by bytes once. Fields whose analyzer only lower-cases (no stop words, no stemmer, minimum length 1) take a
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
  /// Per text field: every occurrence as `term id << 32 | document number`, in document order.
  private var occurrences: [[UInt64]]
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
    occurrences = Array(repeating: [], count: schema.textFields.count)
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
        let ids = analyzers[field].terms(text).map { terms.intern($0) }
        occurrences[field].append(contentsOf: ids.lazy.map { UInt64($0) << 32 | UInt64(documentNumber) })
        length = ids.count
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

  /// Indexes ASCII `text` byte by byte: runs of `[0-9A-Za-z_]` are the tokens, lower-cased when the field
  /// lower-cases (accent folding is the identity on ASCII). Returns false, having added nothing, when the
  /// text is not ASCII.
  private mutating func addASCII(_ text: String, field: Int, document: UInt32, length: inout Int) -> Bool {
    var text = text
    let lowercase = lowercaseFields[field]
    // The text's bytes, lower-cased, with a separator after the last; tokens are interned as slices of it.
    var folded = [UInt8](repeating: 0x20, count: text.utf8.count + 1)
    let isASCII = text.withUTF8 { bytes -> Bool in
      folded.withUnsafeMutableBufferPointer { folded in
        var high: UInt8 = 0
        for index in 0..<bytes.count {
          let byte = bytes[index]
          high |= byte
          folded[index] = lowercase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        return high < 0x80
      }
    }
    guard isASCII else { return false }
    var ids: [Int] = []
    ids.reserveCapacity(folded.count / 4)
    folded.withUnsafeBufferPointer { bytes in
      var start = -1
      for index in 0..<bytes.count {
        let byte = bytes[index]
        let isWord = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
          || byte == 0x5F
        if isWord {
          if start < 0 { start = index }
        } else if start >= 0 {
          ids.append(terms.intern(UnsafeBufferPointer(rebasing: bytes[start..<index])))
          start = -1
        }
      }
    }
    occurrences[field].append(contentsOf: ids.lazy.map { UInt64($0) << 32 | UInt64(document) })
    length = ids.count
    return true
  }

  /// The index files and the figures the manifest records; building a vector field's HNSW graph reports
  /// its stage and fraction to `progress`.
  public func serialize(progress: (String, Double) -> Void = { _, _ in }) -> IndexFormat.Files {
    let order = terms.sortedIds()
    let inverted = InvertedFields(terms: order.map { Array(terms.bytes($0)) },
                                  lists: occurrences.map { Self.invert($0, termCount: terms.count, order: order) })
    return IndexFormat.write(schema: schema, ids: ids, storedDocuments: storedDocuments, textPostings: inverted,
                      keywordPostings: InvertedFields(fields: keywordPostings), fieldLengths: fieldLengths, numbers: numbers,
                      vectors: vectors, progress: progress)
  }
}

extension IndexBuilder {
  /// The postings of each term of `order` from one field's occurrences (`term id << 32 | document`, in
  /// document order): a counting sort by term id, then runs of one document counted as its frequency.
  /// - Complexity: O(occurrences + terms).
  static func invert(_ occurrences: [UInt64], termCount: Int, order: [Int]) -> [PostingsAccumulator] {
    var starts = [Int](repeating: 0, count: termCount + 1)
    for occurrence in occurrences { starts[Int(occurrence >> 32) + 1] += 1 }
    for id in 0..<termCount { starts[id + 1] += starts[id] }
    var next = starts
    var documents = [UInt32](repeating: 0, count: occurrences.count)
    for occurrence in occurrences {
      let id = Int(occurrence >> 32)
      documents[next[id]] = UInt32(truncatingIfNeeded: occurrence)
      next[id] += 1
    }
    return order.map { id in
      var list = PostingsAccumulator()
      for index in starts[id]..<starts[id + 1] { list.add(documents[index]) }
      return list
    }
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
