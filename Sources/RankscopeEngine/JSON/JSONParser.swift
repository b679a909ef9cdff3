/// A strict JSON parser (RFC 8259) over UTF-8 bytes that reports the column of the first error.
///
/// Nesting is limited to `maximumDepth` so hostile input cannot overflow the stack.
public struct JSONParser {
  /// Why a text is not valid JSON, and where.
  public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based column (in UTF-8 bytes) where the problem was found.
    public var column: Int
    /// What is wrong.
    public var reason: String

    public var description: String { "column \(column): \(reason)" }
  }

  /// Deepest nesting of arrays and objects accepted.
  public static let maximumDepth = 256

  private let bytes: [UInt8]
  private var position = 0
  private var depth = 0

  private init(bytes: [UInt8]) { self.bytes = bytes }

  /// Parses one JSON text.
  public static func parse(_ text: String) throws(Failure) -> JSONValue {
    try parse(bytes: Array(text.utf8))
  }

  /// Parses one JSON text given as UTF-8 bytes.
  public static func parse(bytes: [UInt8]) throws(Failure) -> JSONValue {
    var parser = JSONParser(bytes: bytes)
    parser.skipWhitespace()
    let value = try parser.parseValue()
    parser.skipWhitespace()
    if parser.position < bytes.count { throw parser.failure("unexpected text after the JSON value") }
    return value
  }

  /// The values of the members named `keys` of the JSON object `bytes`, parsing only those: the other members'
  /// values are skipped by matching brackets and quotes (a document read for two fields need not build all of
  /// them). Members absent from the object are absent from the result; the last of duplicated names wins.
  public static func members(_ keys: Set<String>, ofObject bytes: [UInt8]) throws(Failure) -> [String: JSONValue] {
    var parser = JSONParser(bytes: bytes)
    var found: [String: JSONValue] = [:]
    parser.skipWhitespace()
    guard parser.position < bytes.count, bytes[parser.position] == UInt8(ascii: "{") else {
      throw parser.failure("expected an object")
    }
    parser.position += 1
    parser.skipWhitespace()
    if parser.position < bytes.count, bytes[parser.position] == UInt8(ascii: "}") { return found }
    while true {
      parser.skipWhitespace()
      guard parser.position < bytes.count, bytes[parser.position] == UInt8(ascii: "\"") else {
        throw parser.failure("expected a member name in double quotes")
      }
      let key = try parser.parseString()
      parser.skipWhitespace()
      guard parser.position < bytes.count, bytes[parser.position] == UInt8(ascii: ":") else {
        throw parser.failure("expected ':' after member name \"\(key)\"")
      }
      parser.position += 1
      parser.skipWhitespace()
      if keys.contains(key) {
        found[key] = try parser.parseValue()
      } else {
        try parser.skipValue()
      }
      parser.skipWhitespace()
      guard parser.position < bytes.count else { throw parser.failure("unterminated object (missing '}')") }
      if bytes[parser.position] == UInt8(ascii: ",") { parser.position += 1; continue }
      if bytes[parser.position] == UInt8(ascii: "}") { return found }
      throw parser.failure("expected ',' or '}' in object")
    }
  }

  /// Moves past one value without building it: a string (escapes honoured), an array or object (brackets
  /// matched, strings inside skipped whole, nesting limited like parsing), or a number or literal.
  private mutating func skipValue() throws(Failure) {
    guard position < bytes.count else { throw failure("unexpected end of input") }
    switch bytes[position] {
    case UInt8(ascii: "\""):
      try skipString()
    case UInt8(ascii: "["), UInt8(ascii: "{"):
      var closers: [UInt8] = []
      repeat {
        guard position < bytes.count else { throw failure("unterminated array or object") }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
          closers.append(byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}"))
          if closers.count > Self.maximumDepth { throw failure("nesting deeper than \(Self.maximumDepth)") }
          position += 1
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
          guard closers.popLast() == byte else { throw failure("mismatched '\(Self.describe(byte))'") }
          position += 1
        case UInt8(ascii: "\""):
          try skipString()
        default:
          position += 1
        }
      } while !closers.isEmpty
    default:
      let start = position
      while position < bytes.count {
        switch bytes[position] {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D: break
        default: position += 1; continue
        }
        break
      }
      if position == start { throw failure("expected a value") }
    }
  }

  /// Moves past a string starting at its opening quote.
  private mutating func skipString() throws(Failure) {
    position += 1
    while position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: "\""): position += 1; return
      case UInt8(ascii: "\\"): position += 2
      default: position += 1
      }
    }
    throw failure("unterminated string")
  }

  private func failure(_ reason: String) -> Failure { Failure(column: position + 1, reason: reason) }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  private mutating func parseValue() throws(Failure) -> JSONValue {
    guard position < bytes.count else { throw failure("unexpected end of input") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
    case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
    case UInt8(ascii: "n"): try expectWord("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    default: throw failure("unexpected character '\(Self.describe(bytes[position]))'")
    }
  }

  private static func describe(_ byte: UInt8) -> String {
    byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\u{\(String(byte, radix: 16))}"
  }

  private mutating func expectWord(_ word: StaticString) throws(Failure) {
    let count = word.utf8CodeUnitCount
    let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
    guard position + count <= bytes.count, bytes[position..<position + count].elementsEqual(expected) else {
      throw failure("invalid literal (expected \(word))")
    }
    position += count
  }

  private mutating func enter() throws(Failure) {
    depth += 1
    if depth > Self.maximumDepth { throw failure("nesting deeper than \(Self.maximumDepth)") }
  }

  private mutating func parseObject() throws(Failure) -> JSONValue {
    try enter()
    position += 1
    var members: [JSONMember] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      depth -= 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw failure("expected a member name in double quotes")
      }
      let key = try parseString()
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
        throw failure("expected ':' after member name \"\(key)\"")
      }
      position += 1
      skipWhitespace()
      let value = try parseValue()
      members.append(JSONMember(key, value))
      skipWhitespace()
      guard position < bytes.count else { throw failure("unterminated object (missing '}')") }
      if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
      if bytes[position] == UInt8(ascii: "}") { position += 1; break }
      throw failure("expected ',' or '}' in object")
    }
    depth -= 1
    return .object(members)
  }

  private mutating func parseArray() throws(Failure) -> JSONValue {
    try enter()
    position += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue())
      skipWhitespace()
      guard position < bytes.count else { throw failure("unterminated array (missing ']')") }
      if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
      if bytes[position] == UInt8(ascii: "]") { position += 1; break }
      throw failure("expected ',' or ']' in array")
    }
    depth -= 1
    return .array(elements)
  }

  private mutating func parseString() throws(Failure) -> String {
    position += 1
    let start = position
    // Fast path: no escapes.
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let slice = bytes[start..<position]
        position += 1
        return try decodeUTF8(slice, at: start)
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw failure("control character in string (must be escaped)") }
      position += 1
    }
    var scratch: [UInt8] = Array(bytes[start..<min(position, bytes.count)])
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return try decodeUTF8(scratch[...], at: start)
      }
      if byte < 0x20 { throw failure("control character in string (must be escaped)") }
      if byte != UInt8(ascii: "\\") {
        scratch.append(byte)
        position += 1
        continue
      }
      position += 1
      guard position < bytes.count else { break }
      let escape = bytes[position]
      position += 1
      switch escape {
      case UInt8(ascii: "\""): scratch.append(UInt8(ascii: "\""))
      case UInt8(ascii: "\\"): scratch.append(UInt8(ascii: "\\"))
      case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
      case UInt8(ascii: "b"): scratch.append(0x08)
      case UInt8(ascii: "f"): scratch.append(0x0C)
      case UInt8(ascii: "n"): scratch.append(0x0A)
      case UInt8(ascii: "r"): scratch.append(0x0D)
      case UInt8(ascii: "t"): scratch.append(0x09)
      case UInt8(ascii: "u"):
        var scalarValue = try parseHex4()
        if (0xD800..<0xDC00).contains(scalarValue) {
          guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u") else {
            throw failure("unpaired surrogate in \\u escape")
          }
          position += 2
          let low = try parseHex4()
          guard (0xDC00..<0xE000).contains(low) else { throw failure("invalid low surrogate in \\u escape") }
          scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(scalarValue) {
          throw failure("unpaired surrogate in \\u escape")
        }
        guard let scalar = UnicodeScalar(scalarValue) else { throw failure("invalid \\u escape") }
        scratch.append(contentsOf: Array(String(Character(scalar)).utf8))
      default:
        position -= 1
        throw failure("invalid escape '\\\(Self.describe(escape))'")
      }
    }
    throw failure("unterminated string")
  }

  private mutating func parseHex4() throws(Failure) -> UInt32 {
    guard position + 4 <= bytes.count else { throw failure("truncated \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw failure("invalid hex digit in \\u escape")
      }
      value = value * 16 + digit
      position += 1
    }
    return value
  }

  private func decodeUTF8(_ slice: ArraySlice<UInt8>, at start: Int) throws(Failure) -> String {
    guard let text = String(validating: slice, as: UTF8.self) else {
      throw Failure(column: start + 1, reason: "string is not valid UTF-8")
    }
    return text
  }

  private mutating func parseNumber() throws(Failure) -> Double {
    let start = position
    if bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard position < bytes.count else { throw failure("truncated number") }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
    } else if (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(bytes[position]) {
      while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
        position += 1
      }
    } else {
      throw failure("invalid number")
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      let digitsStart = position
      while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
        position += 1
      }
      if position == digitsStart { throw failure("expected digits after '.'") }
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
      position += 1
      if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
        position += 1
      }
      let digitsStart = position
      while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
        position += 1
      }
      if position == digitsStart { throw failure("expected digits in exponent") }
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    guard let value = Double(text) else {
      position = start
      throw failure("invalid number")
    }
    return value
  }
}
