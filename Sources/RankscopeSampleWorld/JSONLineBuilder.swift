/// Builds compact JSON text into a byte buffer, one object per line, with keys in the order written.
///
/// Small on purpose: strings are escaped per RFC 8259 (quote, backslash and control characters; everything
/// else is written as UTF-8), numbers are integers or fixed-point decimals formatted from integers, so the
/// output never depends on locale or on how a platform prints doubles.
struct JSONLineBuilder {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []
  /// Whether the next member of the current object needs a comma first.
  private var needsComma = false

  /// Starts an object.
  mutating func beginObject() {
    bytes.append(UInt8(ascii: "{"))
    needsComma = false
  }

  /// Ends the object and the line.
  mutating func endObjectLine() {
    bytes.append(UInt8(ascii: "}"))
    bytes.append(UInt8(ascii: "\n"))
  }

  /// A string member.
  mutating func member(_ key: String, _ value: String) {
    writeKey(key)
    Self.appendString(value, to: &bytes)
  }

  /// An integer member.
  mutating func member(_ key: String, _ value: Int) {
    writeKey(key)
    bytes.append(contentsOf: String(value).utf8)
  }

  /// A fixed-point member: `scaledValue / 10^decimals` printed with exactly `decimals` digits.
  mutating func member(_ key: String, fixed scaledValue: Int, decimals: Int) {
    writeKey(key)
    bytes.append(contentsOf: FixedPoint.format(scaledValue, decimals: decimals).utf8)
  }

  /// An array-of-strings member.
  mutating func member(_ key: String, _ values: [String]) {
    writeKey(key)
    bytes.append(UInt8(ascii: "["))
    for (index, value) in values.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      Self.appendString(value, to: &bytes)
    }
    bytes.append(UInt8(ascii: "]"))
  }

  /// An array-of-fixed-point member.
  mutating func member(_ key: String, fixed scaledValues: [Int], decimals: Int) {
    writeKey(key)
    bytes.append(UInt8(ascii: "["))
    for (index, value) in scaledValues.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      bytes.append(contentsOf: FixedPoint.format(value, decimals: decimals).utf8)
    }
    bytes.append(UInt8(ascii: "]"))
  }

  /// An object member whose values are fixed-point numbers, keys in the order given.
  mutating func member(_ key: String, fixedObject members: [(key: String, scaledValue: Int)], decimals: Int) {
    writeKey(key)
    bytes.append(UInt8(ascii: "{"))
    for (index, entry) in members.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      Self.appendString(entry.key, to: &bytes)
      bytes.append(UInt8(ascii: ":"))
      bytes.append(contentsOf: FixedPoint.format(entry.scaledValue, decimals: decimals).utf8)
    }
    bytes.append(UInt8(ascii: "}"))
  }

  private mutating func writeKey(_ key: String) {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
    needsComma = true
    Self.appendString(key, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
  }

  /// Appends `text` as a quoted JSON string.
  static func appendString(_ text: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
