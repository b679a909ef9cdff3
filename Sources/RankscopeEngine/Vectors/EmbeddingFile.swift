import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file of precomputed embeddings keyed by document id, written append-only so an interrupted run
/// loses nothing it had finished (format "RSEV" version 1, little-endian).
///
/// Layout: a 16-byte header (magic, version, dimension, scalar kind: 1 = float16, 2 = float32), then records
/// of (UInt32 id length, id bytes, `dimension` scalars, UInt32 check = low 32 bits of the xxHash64 of the
/// id and scalar bytes). A reader stops at the first incomplete or damaged record and reports how many
/// bytes were good, so a resumed run truncates the tail and carries on.
public enum EmbeddingFile {
  /// How vector components are stored.
  public enum Precision: UInt32, Sendable, CaseIterable {
    /// IEEE half precision: half the size, about 3 significant digits.
    case float16 = 1
    /// IEEE single precision.
    case float32 = 2

    /// Bytes per component.
    public var byteWidth: Int { self == .float16 ? 2 : 4 }
  }

  /// The contents of an embeddings file.
  public struct Contents: Sendable {
    /// Number of components per vector.
    public var dimension: Int
    /// How components are stored.
    public var precision: Precision
    /// Ids in file order.
    public var ids: [String]
    /// Vectors in file order (`dimension` floats each, concatenated).
    public var values: [Float]
    /// Bytes of the file that hold whole, valid records (the header included).
    public var validLength: Int
    /// Whether bytes after `validLength` were ignored (an interrupted write).
    public var hasDamagedTail: Bool

    /// The vector at `index`.
    public func vector(at index: Int) -> ArraySlice<Float> { values[index * dimension..<(index + 1) * dimension] }

    /// A table from id to position.
    public func positions() -> [String: Int] {
      var table: [String: Int] = [:]
      table.reserveCapacity(ids.count)
      for (index, id) in ids.enumerated() { table[id] = index }
      return table
    }
  }

  static let magic: UInt32 = 0x5645_5352  // "RSEV"
  static let version: UInt32 = 1
  static let headerLength = 16

  /// The header bytes for a new file.
  public static func header(dimension: Int, precision: Precision) -> [UInt8] {
    var writer = ByteWriter()
    writer.append(magic)
    writer.append(version)
    writer.append(UInt32(dimension))
    writer.append(precision.rawValue)
    return writer.bytes
  }

  /// One record's bytes.
  public static func record(id: String, vector: [Float], precision: Precision) -> [UInt8] {
    var body = ByteWriter()
    body.append(contentsOf: id.utf8)
    for value in vector {
      switch precision {
      case .float16: withUnsafeBytes(of: Float16(value).bitPattern.littleEndian) { body.append(contentsOf: $0) }
      case .float32: body.append(value)
      }
    }
    var writer = ByteWriter()
    writer.append(UInt32(id.utf8.count))
    writer.append(contentsOf: body.bytes)
    writer.append(UInt32(truncatingIfNeeded: XXHash64.hash(body.bytes)))
    return writer.bytes
  }

  /// Reads an embeddings file, stopping at the first incomplete or damaged record.
  public static func read(path: String) throws -> Contents {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw IndexError.unreadable(path: path, reason: "no such file")
    }
    return try parse(Array(data), name: path)
  }

  /// Parses embeddings file bytes.
  public static func parse(_ bytes: [UInt8], name: String) throws -> Contents {
    let region = ByteRegion(copying: bytes, name: name)
    guard bytes.count >= headerLength, try region.uint32(at: 0) == magic else {
      throw IndexError.corrupt(file: name, reason: "not a Rankscope embeddings file (bad magic number)")
    }
    guard try region.uint32(at: 4) == version else {
      throw IndexError.corrupt(file: name, reason: "unsupported embeddings file version")
    }
    let dimension = Int(try region.uint32(at: 8))
    guard dimension > 0, dimension <= 1 << 16, let precision = Precision(rawValue: try region.uint32(at: 12)) else {
      throw IndexError.corrupt(file: name, reason: "bad dimension or precision in the header")
    }
    var ids: [String] = []
    var values: [Float] = []
    var offset = headerLength
    let vectorBytes = dimension * precision.byteWidth
    while offset < bytes.count {
      guard offset + 4 <= bytes.count else { break }
      let idLength = Int(try region.uint32(at: offset))
      let bodyLength = idLength + vectorBytes
      guard idLength <= 4096, offset + 4 + bodyLength + 4 <= bytes.count else { break }
      let body = try region.bytes(at: offset + 4, count: bodyLength)
      guard try region.uint32(at: offset + 4 + bodyLength) == UInt32(truncatingIfNeeded: XXHash64.hash(body)) else { break }
      ids.append(String(decoding: UnsafeRawBufferPointer(rebasing: body[0..<idLength]), as: UTF8.self))
      for component in 0..<dimension {
        let at = idLength + component * precision.byteWidth
        switch precision {
        case .float16:
          let bits = UInt16(littleEndian: body.loadUnaligned(fromByteOffset: at, as: UInt16.self))
          values.append(Float(Float16(bitPattern: bits)))
        case .float32:
          values.append(Float(bitPattern: UInt32(littleEndian: body.loadUnaligned(fromByteOffset: at, as: UInt32.self))))
        }
      }
      offset += 4 + bodyLength + 4
    }
    return Contents(dimension: dimension, precision: precision, ids: ids, values: values, validLength: offset,
                    hasDamagedTail: offset < bytes.count)
  }

  /// Appends records to a file, creating it with a header when new, after cutting any damaged tail.
  public final class Appender {
    private let handle: FileHandle
    private let precision: Precision
    /// The ids already in the file when it was opened.
    public let existingIds: Set<String>

    /// Opens `path` for appending vectors of `dimension` components.
    public init(path: String, dimension: Int, precision: Precision) throws {
      self.precision = precision
      if FileManager.default.fileExists(atPath: path) {
        let contents = try EmbeddingFile.read(path: path)
        guard contents.dimension == dimension, contents.precision == precision else {
          throw IndexError.invalidInput("\(path) holds \(contents.dimension)-dimensional \(contents.precision) vectors, not \(dimension)-dimensional \(precision); remove it or choose another output")
        }
        existingIds = Set(contents.ids)
        guard let handle = FileHandle(forUpdatingAtPath: path) else {
          throw IndexError.unwritable(path: path, reason: "cannot open for appending")
        }
        try handle.truncate(atOffset: UInt64(contents.validLength))
        try handle.seekToEnd()
        self.handle = handle
      } else {
        guard FileManager.default.createFile(atPath: path, contents: Data(EmbeddingFile.header(dimension: dimension, precision: precision))),
              let handle = FileHandle(forUpdatingAtPath: path) else {
          throw IndexError.unwritable(path: path, reason: "cannot create the file")
        }
        try handle.seekToEnd()
        existingIds = []
        self.handle = handle
      }
    }

    /// Appends vectors and flushes them to disk.
    public func append(_ entries: [(id: String, vector: [Float])]) throws {
      var bytes: [UInt8] = []
      for entry in entries { bytes += EmbeddingFile.record(id: entry.id, vector: entry.vector, precision: precision) }
      try handle.write(contentsOf: Data(bytes))
      try handle.synchronize()
    }

    /// Closes the file.
    public func close() throws { try handle.close() }
  }
}
