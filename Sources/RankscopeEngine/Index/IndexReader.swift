import Foundation

/// Read access to an index: term dictionary and postings, field lengths, keyword postings, numeric and
/// vector columns, stored documents and ids. Opened from a directory (memory-mapped, every file checked
/// against the manifest's size and checksum) or from files built in memory.
public final class IndexReader: Sendable {
  /// The manifest describing the index.
  public let manifest: IndexManifest
  /// Number of documents.
  public let documentCount: Int
  let terms: TermDictionary
  let postings: PostingsDecoder
  let keywords: TermDictionary
  let keywordPostings: PostingsDecoder
  let norms: ByteRegion
  let numbers: ByteRegion
  let vectors: ByteRegion
  let vectorDimensions: [Int]
  let vectorOffsets: [Int]
  /// Per vector field, its HNSW graph, norms and int8 codes (`vector-index-<k>.bin`) when the schema asks for them.
  let vectorIndexes: [VectorFieldIndex?]
  let stored: ByteRegion
  let ids: ByteRegion
  private let idLookup: IdLookup
  /// `w · tf / B` of small frequencies and lengths, for the pruned scorer.
  let weightedFrequencies: WeightedFrequencyTable
  /// The field lengths of `norms.bin` as bytes (same layout, `F × N`, field-major) when every length is below
  /// 256, else empty: the pruned scorer reads one length per candidate at random, and a quarter of the bytes
  /// keeps the column in cache.
  let byteFieldLengths: ByteRegion

  /// The schema the index was built with.
  public var schema: Schema { manifest.schema }

  /// Opens the index directory at `path`, checking the manifest, every file's size and checksum and every
  /// file header.
  public static func open(directory path: String) throws(IndexError) -> IndexReader {
    let manifestPath = (path as NSString).appendingPathComponent(IndexManifest.fileName)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw IndexError.unreadable(path: path, reason: "no such index directory")
    }
    guard let data = FileManager.default.contents(atPath: manifestPath) else {
      throw IndexError.foreign(path: path, reason: "it has no \(IndexManifest.fileName)")
    }
    let manifest: IndexManifest
    do {
      manifest = try JSONDecoder().decode(IndexManifest.self, from: data)
    } catch {
      throw IndexError.foreign(path: path, reason: "\(IndexManifest.fileName) is not a Rankscope manifest (\(Self.describe(error)))")
    }
    guard manifest.format == IndexManifest.formatName else {
      throw IndexError.foreign(path: path, reason: "its manifest names the format '\(manifest.format)'")
    }
    guard manifest.formatVersion == IndexManifest.currentFormatVersion else {
      throw IndexError.foreign(path: path, reason: "format version \(manifest.formatVersion); this build reads version \(IndexManifest.currentFormatVersion) (rebuild the index)")
    }
    var regions: [String: ByteRegion] = [:]
    for entry in manifest.files {
      let filePath = (path as NSString).appendingPathComponent(entry.name)
      let region = try ByteRegion.map(path: filePath)
      guard region.count == entry.bytes else {
        throw IndexError.corrupt(file: filePath, reason: "size \(region.count) bytes, the manifest says \(entry.bytes) (truncated or replaced)")
      }
      guard XXHash64.hexadecimal(region.checksum) == entry.xxhash64 else {
        throw IndexError.corrupt(file: filePath, reason: "checksum mismatch (the file was modified or damaged)")
      }
      regions[entry.name] = region
    }
    return try IndexReader(manifest: manifest, regions: regions)
  }

  /// An index over files built in memory (no disk involved).
  public static func inMemory(files: IndexFormat.Files, schema: Schema) throws(IndexError) -> IndexReader {
    let manifest = IndexWriter.manifest(for: files, schema: schema,
                                        build: .init(source: "memory", linesRead: files.documentCount,
                                                     linesSkipped: 0, createdBy: "rankscope"))
    var regions: [String: ByteRegion] = [:]
    for (name, bytes) in files.contents { regions[name] = ByteRegion(copying: bytes, name: name) }
    return try IndexReader(manifest: manifest, regions: regions)
  }

  private init(manifest: IndexManifest, regions: [String: ByteRegion]) throws(IndexError) {
    func region(_ name: String) throws(IndexError) -> ByteRegion {
      guard let region = regions[name] else {
        throw IndexError.corrupt(file: name, reason: "missing from the manifest")
      }
      return region
    }
    self.manifest = manifest
    let schema = manifest.schema
    documentCount = manifest.documentCount
    guard documentCount >= 0, documentCount < Int(UInt32.max),
          manifest.fieldLengthTotals.count == schema.textFields.count else {
      throw IndexError.corrupt(file: IndexManifest.fileName, reason: "counts do not match the schema")
    }
    terms = try TermDictionary(region: try region("terms.bin"), expectedFieldCount: schema.textFields.count)
    guard terms.termCount == manifest.termCount else {
      throw IndexError.corrupt(file: "terms.bin", reason: "\(terms.termCount) terms, the manifest says \(manifest.termCount)")
    }
    postings = PostingsDecoder(region: try region("postings.bin"), documentCount: documentCount)
    keywords = try TermDictionary(region: try region("keywords.bin"), expectedFieldCount: schema.keywordFields.count)
    keywordPostings = PostingsDecoder(region: try region("keyword-postings.bin"), documentCount: documentCount)
    norms = try region("norms.bin")
    numbers = try region("numbers.bin")
    vectors = try region("vectors.bin")
    stored = try region("stored.bin")
    ids = try region("ids.bin")
    try Self.checkColumn(norms, fields: schema.textFields.count, documents: documentCount, width: 4, extraHeader: 0)
    try Self.checkColumn(numbers, fields: schema.numericFields.count, documents: documentCount, width: 8, extraHeader: 0)
    var dimensions: [Int] = []
    var offsets: [Int] = []
    var next = 16 + 4 * schema.vectorFields.count
    for (index, field) in schema.vectorFields.enumerated() {
      let dimension = Int(try vectors.uint32(at: 16 + 4 * index))
      guard dimension == (field.dimension ?? dimension), dimension <= 1 << 16 else {
        throw IndexError.corrupt(file: vectors.name, reason: "vector field \(field.name) has dimension \(dimension), the schema says \(field.dimension ?? 0)")
      }
      dimensions.append(dimension)
      offsets.append(next)
      next += 4 * dimension * documentCount
    }
    guard schema.vectorFields.isEmpty ? vectors.count == 16 : vectors.count == next else {
      throw IndexError.corrupt(file: vectors.name, reason: "size does not match its dimensions and document count")
    }
    try Self.checkColumn(vectors, fields: schema.vectorFields.count, documents: documentCount, width: nil, extraHeader: 0)
    vectorDimensions = dimensions
    vectorOffsets = offsets
    var indexes: [VectorFieldIndex?] = []
    for (position, field) in schema.vectorFields.enumerated() {
      let name = VectorFieldIndex.fileName(vectorField: position)
      guard field.vectorIndex.hnswParameters != nil || field.quantization != nil else {
        guard regions[name] == nil else { throw IndexError.corrupt(file: name, reason: "the schema asks for no vector index") }
        indexes.append(nil)
        continue
      }
      let index = try VectorFieldIndex(region: try region(name), documentCount: documentCount, dimension: dimensions[position],
                                       similarity: field.vectorSimilarity)
      guard (index.graph != nil) == (field.vectorIndex.hnswParameters != nil), (index.codes != nil) == (field.quantization == .int8) else {
        throw IndexError.corrupt(file: name, reason: "its structures do not match the schema's vector options")
      }
      indexes.append(index)
    }
    vectorIndexes = indexes
    try Self.checkBlobs(stored, documents: documentCount)
    try Self.checkBlobs(ids, documents: documentCount)
    idLookup = IdLookup()
    let totals = manifest.fieldLengthTotals
    let count = documentCount
    weightedFrequencies = WeightedFrequencyTable(
      schema: schema, averages: totals.map { count == 0 ? 0 : Double($0) / Double(count) })
    byteFieldLengths = ByteRegion(copying: Self.byteLengths(norms, count: schema.textFields.count * count),
                                  name: "norms.bin (as bytes)")
  }

  /// The `count` UInt32 lengths after the 16-byte header of `norms` as bytes, or empty if one is above 255.
  private static func byteLengths(_ norms: ByteRegion, count: Int) -> [UInt8] {
    guard count > 0, let base = norms.buffer.baseAddress, norms.count >= 16 + 4 * count else { return [] }
    var largest: UInt32 = 0
    for index in 0..<count {
      largest |= UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 16 + 4 * index, as: UInt32.self))
    }
    guard largest < 256 else { return [] }
    return [UInt8](unsafeUninitializedCapacity: count) { bytes, initialized in
      for index in 0..<count {
        bytes[index] = UInt8(truncatingIfNeeded: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 16 + 4 * index, as: UInt32.self)))
      }
      initialized = count
    }
  }

  private static func describe(_ error: Error) -> String {
    if case DecodingError.keyNotFound(let key, _) = error { return "missing key '\(key.stringValue)'" }
    if case DecodingError.typeMismatch(_, let context) = error { return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))" }
    if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
    return "\(error)"
  }

  private static func checkColumn(_ region: ByteRegion, fields: Int, documents: Int, width: Int?, extraHeader: Int) throws(IndexError) {
    guard try region.uint32(at: 0) == IndexFormat.columnMagic, try region.uint32(at: 4) == IndexFormat.version else {
      throw IndexError.corrupt(file: region.name, reason: "bad header")
    }
    guard Int(try region.uint32(at: 8)) == fields, Int(try region.uint32(at: 12)) == documents else {
      throw IndexError.corrupt(file: region.name, reason: "field or document count does not match the manifest")
    }
    if let width, region.count != 16 + extraHeader + fields * documents * width {
      throw IndexError.corrupt(file: region.name, reason: "size does not match its field and document counts")
    }
  }

  private static func checkBlobs(_ region: ByteRegion, documents: Int) throws(IndexError) {
    guard try region.uint32(at: 0) == IndexFormat.blobMagic, try region.uint32(at: 4) == IndexFormat.version,
          try region.int(at: 8) == documents else {
      throw IndexError.corrupt(file: region.name, reason: "bad header or document count")
    }
    let dataStart = 16 + 8 * (documents + 1)
    let total = try region.int(at: 16 + 8 * documents)
    guard dataStart <= region.count, total == region.count - dataStart else {
      throw IndexError.corrupt(file: region.name, reason: "offsets do not match the file size")
    }
  }

  // MARK: Text statistics

  /// The entry of a text term, or `nil` when no document holds it.
  public func textTerm(_ term: String) throws(IndexError) -> TermEntry? {
    guard let index = try terms.lookup(term) else { return nil }
    return try terms.entry(at: index)
  }

  /// Calls `body(documentNumber, termFrequency)` for each posting of a text term in one field.
  @inline(__always)
  func forEachPosting(_ pointer: PostingsPointer, _ body: (Int, Int) -> Void) throws(IndexError) {
    try postings.forEach(pointer, body)
  }

  /// The term frequency of a text term's field postings in one document (0 when absent).
  func termFrequency(_ pointer: PostingsPointer, document: Int) throws(IndexError) -> Int {
    guard pointer.documentFrequency > 0 else { return 0 }
    return try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * PostingsBlock.capacity) { (scratch) throws(IndexError) -> Int in
      guard let base = scratch.baseAddress else { return 0 }
      var cursor = try PostingsCursor(pointer, decoder: postings, scratch: base)
      try cursor.advance(to: document)
      return cursor.document == document ? cursor.frequency : 0
    }
  }

  /// The term frequencies of a text term's field postings in each of `documents` (ascending), 0 where absent:
  /// one cursor advanced through them, so each postings block is decoded at most once.
  func termFrequencies(_ pointer: PostingsPointer, ascending documents: [Int]) throws(IndexError) -> [Int] {
    var result = [Int](repeating: 0, count: documents.count)
    guard pointer.documentFrequency > 0, !documents.isEmpty else { return result }
    try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * PostingsBlock.capacity) { (scratch) throws(IndexError) in
      guard let base = scratch.baseAddress else { return }
      var cursor = try PostingsCursor(pointer, decoder: postings, scratch: base)
      for (index, document) in documents.enumerated() {
        try cursor.advance(to: document)
        if cursor.document == PostingsCursor.exhausted { break }
        if cursor.document == document { result[index] = cursor.frequency }
      }
    }
    return result
  }

  /// The length in terms of text field `field` in `document`.
  @inline(__always)
  public func fieldLength(field: Int, document: Int) throws(IndexError) -> Int {
    Int(try norms.uint32(at: 16 + 4 * (field * documentCount + document)))
  }

  /// The average length of text field `field` over all documents: total length ÷ N.
  public func averageFieldLength(field: Int) -> Double {
    documentCount == 0 ? 0 : Double(manifest.fieldLengthTotals[field]) / Double(documentCount)
  }

  // MARK: Keywords, numbers, vectors

  /// The documents whose keyword field `field` holds `value` (already normalised), ascending.
  public func documents(keywordField field: Int, value: String) throws(IndexError) -> [Int] {
    guard let index = try keywords.lookup(value) else { return [] }
    let pointer = try keywords.entry(at: index).fields[field]
    var result: [Int] = []
    result.reserveCapacity(pointer.documentFrequency)
    try keywordPostings.forEach(pointer) { document, _ in result.append(document) }
    return result
  }

  /// Every distinct value of keyword field `field` with its document count, sorted by value.
  public func keywordValues(field: Int) throws(IndexError) -> [(value: String, count: Int)] {
    var result: [(String, Int)] = []
    for index in 0..<keywords.termCount {
      let entry = try keywords.entry(at: index)
      let count = entry.fields[field].documentFrequency
      if count > 0 { result.append((try keywords.term(at: index), count)) }
    }
    return result
  }

  /// The value of numeric field `field` in `document`, or `nil` when missing.
  @inline(__always)
  public func number(field: Int, document: Int) throws(IndexError) -> Double? {
    let value = try numbers.double(at: 16 + 8 * (field * documentCount + document))
    return value.isNaN ? nil : value
  }

  /// The vectors of vector field `field`, all documents, as one contiguous run of rows.
  func vectorStore(field: Int) throws(IndexError) -> VectorStore {
    try VectorStore(region: vectors, offset: vectorOffsets[field], count: documentCount, dimension: vectorDimensions[field])
  }

  /// The vector of vector field `field` in `document`, or `nil` when missing.
  public func vector(field: Int, document: Int) throws(IndexError) -> [Float]? {
    let dimension = vectorDimensions[field]
    let bytes = try vectors.bytes(at: vectorOffsets[field] + 4 * dimension * document, count: 4 * dimension)
    let values = (0..<dimension).map { Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self))) }
    return values.first.map { $0.isNaN } == true ? nil : values
  }

  // MARK: Stored fields and ids

  private func blob(_ region: ByteRegion, _ document: Int) throws(IndexError) -> UnsafeRawBufferPointer {
    guard document >= 0, document < documentCount else {
      throw IndexError.invalidInput("document number \(document) is out of range (0..<\(documentCount))")
    }
    let dataStart = 16 + 8 * (documentCount + 1)
    let start = try region.int(at: 16 + 8 * document)
    let end = try region.int(at: 24 + 8 * document)
    guard start <= end, end <= region.count - dataStart else {
      throw IndexError.corrupt(file: region.name, reason: "offsets out of order or out of range at document \(document)")
    }
    return try region.bytes(at: dataStart + start, count: end - start)
  }

  /// The stored JSON object of `document`.
  public func storedDocument(_ document: Int) throws(IndexError) -> JSONValue {
    let bytes = try blob(stored, document)
    do {
      return try JSONParser.parse(bytes: Array(bytes))
    } catch {
      throw IndexError.corrupt(file: stored.name, reason: "document \(document) is not valid JSON (\(error))")
    }
  }

  /// The members named `keys` of `document`'s stored JSON object, parsing only those.
  public func storedMembers(_ document: Int, keys: Set<String>) throws(IndexError) -> [String: JSONValue] {
    let bytes = try blob(stored, document)
    do {
      return try JSONParser.members(keys, ofObject: Array(bytes))
    } catch {
      throw IndexError.corrupt(file: stored.name, reason: "document \(document) is not valid JSON (\(error))")
    }
  }

  /// The id of `document`.
  public func id(of document: Int) throws(IndexError) -> String {
    String(decoding: try blob(ids, document), as: UTF8.self)
  }

  /// The document number of the document with id `id`, or `nil`.
  public func documentNumber(forId id: String) throws(IndexError) -> Int? {
    try idLookup.table(self)[id]
  }
}

/// The id → document number table, built on first use.
private final class IdLookup: @unchecked Sendable {
  // Safety: `cached` is read and written only while `lock` is held.
  private let lock = NSLock()
  private var cached: [String: Int]?

  func table(_ reader: IndexReader) throws(IndexError) -> [String: Int] {
    lock.lock()
    defer { lock.unlock() }
    if let cached { return cached }
    var table: [String: Int] = [:]
    table.reserveCapacity(reader.documentCount)
    for document in 0..<reader.documentCount { table[try reader.id(of: document)] = document }
    cached = table
    return table
  }
}
