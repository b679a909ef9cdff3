#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where one term's postings lie for one field.
public struct PostingsPointer: Sendable, Hashable {
  /// Byte offset in the postings file.
  public var offset: Int
  /// Number of documents in the list.
  public var documentFrequency: Int
  /// Byte length of the list.
  public var byteLength: Int
  /// The largest `w · tf / B` over the list (rounded up; 0 for keyword lists).
  public var maximumWeightedFrequency: Float
  /// The largest saturation `x / (k1 + x)` of `x = w · tf / B` over the list, as the scorer computes it
  /// (0 for keyword lists).
  public var maximumSaturation: Double

  /// An empty list.
  public static let empty = PostingsPointer(offset: 0, documentFrequency: 0, byteLength: 0, maximumWeightedFrequency: 0,
                                            maximumSaturation: 0)
}

/// A term's dictionary entry: how many documents hold it in any field, and its postings per field.
public struct TermEntry: Sendable, Hashable {
  /// Documents holding the term in at least one field.
  public var anyFieldDocumentFrequency: Int
  /// Postings per field, in schema order.
  public var fields: [PostingsPointer]
}

/// A sorted term dictionary read from a memory-mapped file (see `IndexFormat`); lookups are binary
/// searches over the terms' UTF-8 bytes.
struct TermDictionary: Sendable {
  let region: ByteRegion
  let termCount: Int
  let fieldCount: Int
  private let offsetsStart = 16
  private let entriesStart: Int
  private let blobStart: Int
  private let entrySize: Int

  init(region: ByteRegion, expectedFieldCount: Int) throws(IndexError) {
    self.region = region
    guard try region.uint32(at: 0) == IndexFormat.dictionaryMagic else {
      throw IndexError.corrupt(file: region.name, reason: "bad magic number (not a term dictionary)")
    }
    guard try region.uint32(at: 4) == IndexFormat.version else {
      throw IndexError.corrupt(file: region.name, reason: "unsupported dictionary version")
    }
    termCount = Int(try region.uint32(at: 8))
    fieldCount = Int(try region.uint32(at: 12))
    guard fieldCount == expectedFieldCount else {
      throw IndexError.corrupt(file: region.name, reason: "\(fieldCount) fields, the schema has \(expectedFieldCount)")
    }
    entrySize = 4 + 28 * fieldCount
    entriesStart = offsetsStart + 4 * (termCount + 1)
    blobStart = entriesStart + entrySize * termCount
    try region.check(offsetsStart, blobStart - offsetsStart, "the term table")
    let blobLength = Int(try region.uint32(at: offsetsStart + 4 * termCount))
    guard blobStart + blobLength == region.count else {
      throw IndexError.corrupt(file: region.name, reason: "term table and file size disagree")
    }
  }

  /// The bytes of the term at `index`.
  func termBytes(at index: Int) throws(IndexError) -> UnsafeRawBufferPointer {
    let start = Int(try region.uint32(at: offsetsStart + 4 * index))
    let end = Int(try region.uint32(at: offsetsStart + 4 * index + 4))
    guard start <= end else { throw IndexError.corrupt(file: region.name, reason: "term offsets out of order") }
    return try region.bytes(at: blobStart + start, count: end - start)
  }

  /// The term at `index`.
  func term(at index: Int) throws(IndexError) -> String {
    String(decoding: try termBytes(at: index), as: UTF8.self)
  }

  /// The index of `term`, or `nil` when the dictionary lacks it.
  func lookup(_ term: String) throws(IndexError) -> Int? {
    let query = Array(term.utf8)
    var low = 0
    var high = termCount - 1
    while low <= high {
      let middle = (low + high) / 2
      let candidate = try termBytes(at: middle)
      let order = query.withUnsafeBytes { Self.compare($0, candidate) }
      if order == 0 { return middle }
      if order < 0 { high = middle - 1 } else { low = middle + 1 }
    }
    return nil
  }

  /// The entry of the term at `index`.
  func entry(at index: Int) throws(IndexError) -> TermEntry {
    let base = entriesStart + entrySize * index
    let anyField = Int(try region.uint32(at: base))
    var fields: [PostingsPointer] = []
    fields.reserveCapacity(fieldCount)
    for field in 0..<fieldCount {
      let at = base + 4 + 28 * field
      fields.append(PostingsPointer(offset: try region.int(at: at),
                                    documentFrequency: Int(try region.uint32(at: at + 8)),
                                    byteLength: Int(try region.uint32(at: at + 12)),
                                    maximumWeightedFrequency: try region.float(at: at + 16),
                                    maximumSaturation: try region.double(at: at + 20)))
    }
    return TermEntry(anyFieldDocumentFrequency: anyField, fields: fields)
  }

  private static func compare(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Int {
    let shared = min(left.count, right.count)
    if shared > 0 {
      let order = memcmp(left.baseAddress!, right.baseAddress!, shared)
      if order != 0 { return Int(order) }
    }
    return left.count - right.count
  }
}

/// Reads block-compressed postings lists (see `PostingsBlock`) with bounds and sanity checks.
struct PostingsDecoder: Sendable {
  let region: ByteRegion
  let documentCount: Int

  /// Calls `body(documentNumber, termFrequency)` for each posting, in document order.
  @inline(__always)
  func forEach(_ pointer: PostingsPointer, _ body: (Int, Int) -> Void) throws(IndexError) {
    if pointer.documentFrequency == 0 { return }
    try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * PostingsBlock.capacity) { (scratch) throws(IndexError) in
      guard let base = scratch.baseAddress else { return }
      var cursor = try PostingsCursor(pointer, decoder: self, scratch: base)
      while cursor.document != PostingsCursor.exhausted {
        body(cursor.document, cursor.frequency)
        try cursor.next()
      }
    }
  }
}
