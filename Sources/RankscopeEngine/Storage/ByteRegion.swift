#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An immutable run of bytes: a memory-mapped file or an owned in-memory copy.
///
/// Reads are bounds-checked and throw `IndexError.corrupt` instead of trapping, so a damaged file can
/// never crash the program.
public final class ByteRegion: @unchecked Sendable {
  // Safety: the bytes are never written after initialisation and are freed only in deinit.
  /// The bytes.
  public let buffer: UnsafeRawBufferPointer
  /// The file the bytes came from, for error messages.
  public let name: String
  private let isMapped: Bool

  private init(buffer: UnsafeRawBufferPointer, name: String, isMapped: Bool) {
    self.buffer = buffer
    self.name = name
    self.isMapped = isMapped
  }

  deinit {
    if isMapped {
      _ = munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
    } else {
      buffer.deallocate()
    }
  }

  /// A region holding a copy of `bytes`.
  public convenience init(copying bytes: [UInt8], name: String) {
    let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
    bytes.withUnsafeBytes { source in
      if let base = source.baseAddress, bytes.count > 0 {
        storage.baseAddress!.copyMemory(from: base, byteCount: bytes.count)
      }
    }
    self.init(buffer: UnsafeRawBufferPointer(start: storage.baseAddress, count: bytes.count), name: name, isMapped: false)
  }

  /// Memory-maps the file at `path` read-only.
  public static func map(path: String) throws(IndexError) -> ByteRegion {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw IndexError.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw IndexError.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    let size = Int(status.st_size)
    if size == 0 { return ByteRegion(copying: [], name: path) }
    guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
      throw IndexError.unreadable(path: path, reason: "cannot memory-map: \(String(cString: strerror(errno)))")
    }
    return ByteRegion(buffer: UnsafeRawBufferPointer(start: address, count: size), name: path, isMapped: true)
  }

  /// Number of bytes.
  public var count: Int { buffer.count }

  /// Throws unless `[offset, offset + length)` lies inside the region.
  @inline(__always)
  public func check(_ offset: Int, _ length: Int, _ what: @autoclosure () -> String) throws(IndexError) {
    guard offset >= 0, length >= 0, offset <= buffer.count - length else {
      throw IndexError.corrupt(file: name, reason: "\(what()) at byte \(offset) (+\(length)) lies outside the \(buffer.count)-byte file")
    }
  }

  /// The little-endian 32-bit integer at `offset`.
  @inline(__always)
  public func uint32(at offset: Int) throws(IndexError) -> UInt32 {
    try check(offset, 4, "a 32-bit value")
    return UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }

  /// The little-endian 64-bit integer at `offset`.
  @inline(__always)
  public func uint64(at offset: Int) throws(IndexError) -> UInt64 {
    try check(offset, 8, "a 64-bit value")
    return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  /// The little-endian 64-bit integer at `offset` as an `Int`, which must not exceed `Int.max`.
  @inline(__always)
  public func int(at offset: Int) throws(IndexError) -> Int {
    let value = try uint64(at: offset)
    guard value <= UInt64(Int.max) else {
      throw IndexError.corrupt(file: name, reason: "value at byte \(offset) is out of range")
    }
    return Int(value)
  }

  /// The little-endian double at `offset`.
  @inline(__always)
  public func double(at offset: Int) throws(IndexError) -> Double {
    Double(bitPattern: try uint64(at: offset))
  }

  /// The little-endian float at `offset`.
  @inline(__always)
  public func float(at offset: Int) throws(IndexError) -> Float {
    Float(bitPattern: try uint32(at: offset))
  }

  /// The bytes `[offset, offset + length)`.
  public func bytes(at offset: Int, count length: Int) throws(IndexError) -> UnsafeRawBufferPointer {
    try check(offset, length, "a byte range")
    return UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + length])
  }

  /// The xxHash64 of the whole region.
  public var checksum: UInt64 { XXHash64.hash(buffer) }
}
