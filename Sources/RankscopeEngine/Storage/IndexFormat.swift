/// The byte layout of an index directory's files (format version 2). All integers are little-endian.
///
/// - `terms.bin`, `keywords.bin` — a term dictionary: magic, version, term count `T`, field count `F`;
///   `T + 1` UInt32 offsets into a UTF-8 blob of the terms sorted by bytes; `T` entries of
///   (UInt32 any-field document frequency, then per field UInt64 postings offset, UInt32 document
///   frequency, UInt32 byte length, Float32 largest `w · tf / B` of the list, rounded up, Float64 largest
///   saturation `x / (k1 + x)` of `x = w · tf / B`, computed as the scorer does); the blob.
/// - `postings.bin`, `keyword-postings.bin` — per term and field, a block-compressed list (see
///   `PostingsBlock`): a skip table of `⌈df / 128⌉` entries (UInt32 last document of the block, UInt32
///   end of the block relative to the first block, Float32 largest `w · tf / B` in the block, rounded up
///   so it bounds the value the scorer computes, Float64 largest saturation in the block, bit-identical to
///   the scorer's), then the blocks. The file ends with 8 zero bytes.
///   Keyword lists carry 0 as their bounds.
/// - `norms.bin` — magic, version, `F`, `N`, then `F × N` UInt32 field lengths (field-major).
/// - `numbers.bin` — magic, version, `F`, `N`, then `F × N` doubles (NaN = missing).
/// - `vectors.bin` — magic, version, `F`, `N`, `F` UInt32 dimensions, then per field `N × dimension`
///   floats (NaN = missing).
/// - `stored.bin`, `ids.bin` — magic, version, `N`, padding, `N + 1` UInt64 offsets, then the bytes
///   (a compact JSON object per document; the ids).
/// - `vector-index-<k>.bin` — only for a vector field (k = its position among the vector fields) whose
///   schema asks for `"index": {"type": "hnsw"}` or `"quantization": "int8"`: norms, the HNSW graph and the
///   int8 codes, laid out as `VectorFieldIndex` describes. Indexes without such fields have none.
///
/// Version 1 (VByte postings without skip tables) is refused with a request to rebuild the index.
public enum IndexFormat {
  /// The files of an index, by name, with the manifest figures that describe them.
  public struct Files: Sendable {
    /// File contents by file name.
    public var contents: [String: [UInt8]]
    /// Number of documents.
    public var documentCount: Int
    /// Number of distinct text terms.
    public var termCount: Int
    /// Total field length per text field.
    public var fieldLengthTotals: [Int]
  }

  static let version: UInt32 = 2
  static let dictionaryMagic: UInt32 = 0x4454_5352  // "RSTD"
  static let columnMagic: UInt32 = 0x4C43_5352  // "RSCL"
  static let blobMagic: UInt32 = 0x4253_5352  // "RSSB"

  /// Every file name an index holds, in manifest order.
  public static let fileNames = ["terms.bin", "postings.bin", "keywords.bin", "keyword-postings.bin", "norms.bin",
                                 "numbers.bin", "vectors.bin", "stored.bin", "ids.bin"]

  /// The file names of `files` in manifest order: the fixed files, then the vector index files by name.
  static func orderedFileNames(_ files: Files) -> [String] {
    fileNames.filter { files.contents[$0] != nil } + files.contents.keys.filter { !fileNames.contains($0) }.sorted()
  }

  static func write(schema: Schema, ids: [String], storedDocuments: [[UInt8]], textPostings: InvertedFields,
                    keywordPostings: InvertedFields, fieldLengths: [[UInt32]], numbers: [[Double]],
                    vectors: [[Float]], progress: (String, Double) -> Void = { _, _ in }) -> Files {
    let documentCount = ids.count
    let totals = fieldLengths.map { $0.reduce(0) { $0 + Int($1) } }
    let bounds = schema.textFields.enumerated().map { field, definition in
      ScoreBound(weight: definition.weight, b: definition.b, k1: schema.k1, lengths: fieldLengths[field],
                 averageLength: documentCount == 0 ? 0 : Double(totals[field]) / Double(documentCount))
    }
    let (terms, postings) = writeDictionary(textPostings, bounds: bounds, documentCount: documentCount)
    let (keywords, keywordPostingsBytes) = writeDictionary(keywordPostings, bounds: [], documentCount: documentCount)
    var norms = columnHeader(fields: fieldLengths.count, documents: documentCount)
    for lengths in fieldLengths { for length in lengths { norms.append(length) } }
    var numberColumn = columnHeader(fields: numbers.count, documents: documentCount)
    for column in numbers { for value in column { numberColumn.append(value) } }
    var vectorColumn = columnHeader(fields: vectors.count, documents: documentCount)
    for field in schema.vectorFields { vectorColumn.append(UInt32(field.dimension ?? 0)) }
    for column in vectors { for value in column { vectorColumn.append(value) } }
    var vectorIndexes: [String: [UInt8]] = [:]
    for (position, field) in schema.vectorFields.enumerated() {
      let dimension = field.dimension ?? 0
      guard dimension > 0, field.vectorIndex.hnswParameters != nil || field.quantization != nil else { continue }
      let store = VectorStore(copying: vectors[position], dimension: dimension)
      let stage = field.vectorIndex.hnswParameters != nil ? "building HNSW for \(field.name)" : "quantizing \(field.name)"
      vectorIndexes[VectorFieldIndex.fileName(vectorField: position)] = VectorFieldIndex.build(
        vectors: store.prefix(documentCount), similarity: field.vectorSimilarity, index: field.vectorIndex,
        quantization: field.quantization, progress: { progress(stage, $0) })
    }
    return Files(contents: vectorIndexes.merging([
      "terms.bin": terms, "postings.bin": postings, "keywords.bin": keywords,
      "keyword-postings.bin": keywordPostingsBytes, "norms.bin": norms.bytes, "numbers.bin": numberColumn.bytes,
      "vectors.bin": vectorColumn.bytes, "stored.bin": writeBlobs(storedDocuments),
      "ids.bin": writeBlobs(ids.map { Array($0.utf8) }),
    ]) { $1 }, documentCount: documentCount, termCount: textPostings.terms.count, fieldLengthTotals: totals)
  }

  /// What a text field's block bounds are computed from: the BM25F parameters and the field lengths.
  struct ScoreBound {
    var weight: Double
    var b: Double
    var k1: Double
    var lengths: [UInt32]
    var averageLength: Double

    /// `w · tf / B` for one posting, computed exactly as `BM25FScorer` computes it.
    @inline(__always)
    func weightedFrequency(document: UInt32, frequency: UInt32) -> Double {
      let normalization = BM25F.lengthNormalization(b: b, length: Double(lengths[Int(document)]),
                                                    averageLength: averageLength)
      return BM25F.weightedFrequency(weight: weight, termFrequency: Double(frequency), normalization: normalization)
    }
  }

  /// The smallest `Float` not below `value`, so a stored bound never falls under the value it bounds.
  static func roundedUp(_ value: Double) -> Float {
    var rounded = Float(value)
    if Double(rounded) < value { rounded = rounded.nextUp }
    return rounded
  }

  private static func writeDictionary(_ inverted: InvertedFields, bounds: [ScoreBound],
                                      documentCount: Int) -> ([UInt8], [UInt8]) {
    let fieldCount = inverted.lists.count
    var postings: [UInt8] = []
    var header = ByteWriter()
    header.append(dictionaryMagic)
    header.append(version)
    header.append(UInt32(inverted.terms.count))
    header.append(UInt32(fieldCount))
    var blob: [UInt8] = []
    var offsets = ByteWriter()
    var entries = ByteWriter()
    // The last term that counted each document, to count documents holding a term in any field.
    var countedFor = [Int32](repeating: -1, count: fieldCount > 1 ? documentCount : 0)
    for (termIndex, term) in inverted.terms.enumerated() {
      offsets.append(UInt32(blob.count))
      blob.append(contentsOf: term)
      var anyField = 0
      var fieldEntries: [(UInt64, UInt32, UInt32, Float, Double)] = []
      for field in 0..<fieldCount {
        let list = inverted.lists[field][termIndex]
        guard !list.documents.isEmpty else {
          fieldEntries.append((0, 0, 0, 0, 0))
          continue
        }
        if fieldCount > 1 {
          for document in list.documents where countedFor[Int(document)] != Int32(termIndex) {
            countedFor[Int(document)] = Int32(termIndex)
            anyField += 1
          }
        } else {
          anyField = list.documents.count
        }
        let start = postings.count
        let (maximum, saturation) = appendList(list, bound: field < bounds.count ? bounds[field] : nil, to: &postings)
        fieldEntries.append((UInt64(start), UInt32(list.documents.count), UInt32(postings.count - start), maximum,
                             saturation))
      }
      entries.append(UInt32(anyField))
      for (offset, frequency, length, maximum, saturation) in fieldEntries {
        entries.append(offset)
        entries.append(frequency)
        entries.append(length)
        entries.append(maximum)
        entries.append(saturation)
      }
    }
    offsets.append(UInt32(blob.count))
    postings.append(contentsOf: repeatElement(0, count: PostingsBlock.padding))
    var file = header
    file.append(contentsOf: offsets.bytes)
    file.append(contentsOf: entries.bytes)
    file.append(contentsOf: blob)
    return (file.bytes, postings)
  }

  /// Appends one list (skip table, then blocks); returns the list's largest `w · tf / B`, rounded up, and
  /// its largest saturation.
  private static func appendList(_ list: PostingsAccumulator, bound: ScoreBound?,
                                 to postings: inout [UInt8]) -> (Float, Double) {
    let count = list.documents.count
    let blockCount = (count + PostingsBlock.capacity - 1) / PostingsBlock.capacity
    var skip = ByteWriter()
    var data: [UInt8] = []
    var listMaximum: Float = 0
    var listSaturation = 0.0
    var previous: Int64 = -1
    for block in 0..<blockCount {
      let range = block * PostingsBlock.capacity..<min(count, (block + 1) * PostingsBlock.capacity)
      PostingsBlock.encode(documents: list.documents[range], frequencies: list.frequencies[range], previous: previous,
                           into: &data)
      var maximum: Float = 0
      var saturation = 0.0
      if let bound {
        var largest = 0.0
        for index in range {
          let value = bound.weightedFrequency(document: list.documents[index], frequency: list.frequencies[index])
          largest = max(largest, value)
          // The saturation is not monotone to the last bit in floating point: take the maximum of the values.
          saturation = max(saturation, BM25F.saturation(value, k1: bound.k1))
        }
        maximum = roundedUp(largest)
      }
      listMaximum = max(listMaximum, maximum)
      listSaturation = max(listSaturation, saturation)
      let last = list.documents[range.upperBound - 1]
      previous = Int64(last)
      skip.append(last)
      skip.append(UInt32(data.count))
      skip.append(maximum)
      skip.append(saturation)
    }
    postings.append(contentsOf: skip.bytes)
    postings.append(contentsOf: data)
    return (listMaximum, listSaturation)
  }

  private static func columnHeader(fields: Int, documents: Int) -> ByteWriter {
    var writer = ByteWriter()
    writer.append(columnMagic)
    writer.append(version)
    writer.append(UInt32(fields))
    writer.append(UInt32(documents))
    return writer
  }

  private static func writeBlobs(_ blobs: [[UInt8]]) -> [UInt8] {
    var writer = ByteWriter()
    writer.append(blobMagic)
    writer.append(version)
    writer.append(UInt64(blobs.count))
    var offset: UInt64 = 0
    for blob in blobs {
      writer.append(offset)
      offset += UInt64(blob.count)
    }
    writer.append(offset)
    for blob in blobs { writer.append(contentsOf: blob) }
    return writer.bytes
  }
}

/// The postings of several fields over one vocabulary, ready to write: terms sorted by their UTF-8 bytes and,
/// per field, one list per term in the same order (empty where the field lacks the term).
struct InvertedFields: Sendable {
  /// The terms' UTF-8 bytes, sorted.
  var terms: [[UInt8]]
  /// Per field, per term: its postings.
  var lists: [[PostingsAccumulator]]

  /// Sorts dictionary-shaped postings (one `[term: postings]` per field) into the writer's form.
  init(fields: [[String: PostingsAccumulator]]) {
    var allTerms = Set<String>()
    for field in fields { allTerms.formUnion(field.keys) }
    let sorted = allTerms.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
    terms = sorted
    lists = fields.map { field in sorted.map { field[String(decoding: $0, as: UTF8.self)] ?? PostingsAccumulator() } }
  }

  /// Terms and lists already in the writer's form.
  init(terms: [[UInt8]], lists: [[PostingsAccumulator]]) {
    self.terms = terms
    self.lists = lists
  }
}
