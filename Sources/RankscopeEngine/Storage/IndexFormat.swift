/// The byte layout of an index directory's files (format version 1). All integers are little-endian.
///
/// - `terms.bin`, `keywords.bin` — a term dictionary: magic, version, term count `T`, field count `F`;
///   `T + 1` UInt32 offsets into a UTF-8 blob of the terms sorted by bytes; `T` entries of
///   (UInt32 any-field document frequency, then per field UInt64 postings offset, UInt32 document
///   frequency, UInt32 byte length); the blob.
/// - `postings.bin`, `keyword-postings.bin` — per term and field, VByte pairs (document-number gap,
///   term frequency).
/// - `norms.bin` — magic, version, `F`, `N`, then `F × N` UInt32 field lengths (field-major).
/// - `numbers.bin` — magic, version, `F`, `N`, then `F × N` doubles (NaN = missing).
/// - `vectors.bin` — magic, version, `F`, `N`, `F` UInt32 dimensions, then per field `N × dimension`
///   floats (NaN = missing).
/// - `stored.bin`, `ids.bin` — magic, version, `N`, padding, `N + 1` UInt64 offsets, then the bytes
///   (a compact JSON object per document; the ids).
/// - `vector-index-<k>.bin` — only for a vector field (k = its position among the vector fields) whose
///   schema asks for `"index": {"type": "hnsw"}` or `"quantization": "int8"`: norms, the HNSW graph and the
///   int8 codes, laid out as `VectorFieldIndex` describes. Indexes without such fields are unchanged, so the
///   format version stays 1.
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

  static let version: UInt32 = 1
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

  static func write(schema: Schema, ids: [String], storedDocuments: [[UInt8]],
                    textPostings: [[String: PostingsAccumulator]], keywordPostings: [[String: PostingsAccumulator]],
                    fieldLengths: [[UInt32]], numbers: [[Double]], vectors: [[Float]],
                    progress: (String, Double) -> Void = { _, _ in }) -> Files {
    let documentCount = ids.count
    let (terms, postings, termCount) = writeDictionary(textPostings)
    let (keywords, keywordPostingsBytes, _) = writeDictionary(keywordPostings)
    var norms = columnHeader(fields: fieldLengths.count, documents: documentCount)
    for lengths in fieldLengths { for length in lengths { norms.append(length) } }
    var numberColumn = columnHeader(fields: numbers.count, documents: documentCount)
    for column in numbers { for value in column { numberColumn.append(value) } }
    var vectorColumn = columnHeader(fields: vectors.count, documents: documentCount)
    for field in schema.vectorFields { vectorColumn.append(UInt32(field.dimension ?? 0)) }
    for column in vectors { for value in column { vectorColumn.append(value) } }
    let totals = fieldLengths.map { $0.reduce(0) { $0 + Int($1) } }
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
    ]) { $1 }, documentCount: documentCount, termCount: termCount, fieldLengthTotals: totals)
  }

  private static func columnHeader(fields: Int, documents: Int) -> ByteWriter {
    var writer = ByteWriter()
    writer.append(columnMagic)
    writer.append(version)
    writer.append(UInt32(fields))
    writer.append(UInt32(documents))
    return writer
  }

  private static func writeDictionary(_ perField: [[String: PostingsAccumulator]]) -> ([UInt8], [UInt8], Int) {
    var allTerms = Set<String>()
    for field in perField { allTerms.formUnion(field.keys) }
    let sorted = allTerms.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var postings = ByteWriter()
    var header = ByteWriter()
    header.append(dictionaryMagic)
    header.append(version)
    header.append(UInt32(sorted.count))
    header.append(UInt32(perField.count))
    var blob: [UInt8] = []
    var offsets = ByteWriter()
    var entries = ByteWriter()
    for term in sorted {
      offsets.append(UInt32(blob.count))
      blob.append(contentsOf: term.utf8)
      var anyField = Set<UInt32>()
      var fieldEntries: [(UInt64, UInt32, UInt32)] = []
      for field in perField {
        guard let accumulator = field[term] else {
          fieldEntries.append((0, 0, 0))
          continue
        }
        if perField.count > 1 { anyField.formUnion(accumulator.documents) }
        let start = postings.count
        var previous: UInt32 = 0
        for (index, document) in accumulator.documents.enumerated() {
          postings.appendVariableLength(document - previous)
          postings.appendVariableLength(accumulator.frequencies[index])
          previous = document
        }
        fieldEntries.append((UInt64(start), UInt32(accumulator.documents.count), UInt32(postings.count - start)))
      }
      let anyFieldFrequency = perField.count > 1 ? anyField.count : Int(fieldEntries.first?.1 ?? 0)
      entries.append(UInt32(anyFieldFrequency))
      for (offset, frequency, length) in fieldEntries {
        entries.append(offset)
        entries.append(frequency)
        entries.append(length)
      }
    }
    offsets.append(UInt32(blob.count))
    var file = header
    file.append(contentsOf: offsets.bytes)
    file.append(contentsOf: entries.bytes)
    file.append(contentsOf: blob)
    return (file.bytes, postings.bytes, sorted.count)
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
