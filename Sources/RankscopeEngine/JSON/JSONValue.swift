/// A JSON value that keeps object members in their written order.
public enum JSONValue: Sendable, Hashable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number.
  case number(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object, members in written order.
  case object([JSONMember])

  /// The member named `key` of an object, or `nil`.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The string value, or `nil`.
  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The number value, or `nil`.
  public var numberValue: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The array's elements, or `nil`.
  public var arrayValue: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  /// The object's members, or `nil`.
  public var objectMembers: [JSONMember]? {
    if case .object(let value) = self { return value }
    return nil
  }

  /// A short human-readable rendering: strings without quotes, arrays joined with commas.
  public var displayText: String {
    switch self {
    case .null: return ""
    case .bool(let value): return value ? "true" : "false"
    case .number(let value): return JSONWriter.format(value)
    case .string(let value): return value
    case .array(let values): return values.map(\.displayText).joined(separator: ", ")
    case .object: return JSONWriter.string(self)
    }
  }
}

/// One member of a JSON object.
public struct JSONMember: Sendable, Hashable {
  /// The member's key.
  public var key: String
  /// The member's value.
  public var value: JSONValue

  /// Creates a member.
  public init(_ key: String, _ value: JSONValue) {
    self.key = key
    self.value = value
  }
}
