/// Appends little-endian integers, floats and variable-length integers to a growing byte array.
public struct ByteWriter: Sendable {
  /// The bytes written so far.
  public private(set) var bytes: [UInt8] = []

  /// Creates an empty writer.
  public init() {}

  /// Number of bytes written.
  public var count: Int { bytes.count }

  /// Appends a little-endian 32-bit unsigned integer.
  public mutating func append(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// Appends a little-endian 64-bit unsigned integer.
  public mutating func append(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// Appends a little-endian IEEE 754 double.
  public mutating func append(_ value: Double) { append(value.bitPattern) }

  /// Appends a little-endian IEEE 754 float.
  public mutating func append(_ value: Float) { append(value.bitPattern) }

  /// Appends raw bytes.
  public mutating func append<Bytes: Sequence>(contentsOf other: Bytes) where Bytes.Element == UInt8 {
    bytes.append(contentsOf: other)
  }

  /// Appends an unsigned integer in VByte form: 7 bits a byte, high bit set on all but the last byte.
  public mutating func appendVariableLength(_ value: UInt32) {
    var remaining = value
    while remaining >= 0x80 {
      bytes.append(UInt8(remaining & 0x7F) | 0x80)
      remaining >>= 7
    }
    bytes.append(UInt8(remaining))
  }

  /// Appends zero bytes until the count is a multiple of `alignment`.
  public mutating func pad(toMultipleOf alignment: Int) {
    while bytes.count % alignment != 0 { bytes.append(0) }
  }
}
