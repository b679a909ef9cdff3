import RankscopeEngine

/// One line of a session after its header: when the user did something and what, e.g.
/// `{"t":1250,"key":"F3"}` or `{"t":1900,"text":"linen dress"}`.
public struct SessionEvent: Sendable, Hashable {
  /// Milliseconds since the explorer started.
  public var milliseconds: Int
  /// What the user did.
  public var action: RecordedAction

  /// The largest size a session may give the screen (either side), so a hand-written file cannot ask for a
  /// screen too big to draw.
  public static let maximumScreenSide = 2_000

  /// The member names that say what kind of event a line is, in the order they are looked for.
  public static let kindNames = ["key", "command", "text", "query", "profile", "user", "tune", "resize"]

  /// Creates an event.
  public init(milliseconds: Int, action: RecordedAction) {
    self.milliseconds = milliseconds
    self.action = action
  }

  /// The event as a JSON object, `t` first.
  public var json: JSONValue {
    var members = [JSONMember("t", .number(Double(milliseconds)))]
    switch action {
    case .key(let key): members.append(JSONMember("key", .string(key.sessionName)))
    case .command(let command): members.append(JSONMember("command", .string(command.rawValue)))
    case .insert(let text): members.append(JSONMember("text", .string(text)))
    case .setQuery(let text): members.append(JSONMember("query", .string(text)))
    case .selectProfile(let name): members.append(JSONMember("profile", name.map(JSONValue.string) ?? .null))
    case .selectUser(let id): members.append(JSONMember("user", id.map(JSONValue.string) ?? .null))
    case .tune(let parameter, let value):
      members.append(JSONMember("tune", .string(parameter.sessionName)))
      members.append(JSONMember("value", value.map(SessionEvent.number) ?? .null))
    case .resize(let width, let height):
      members.append(JSONMember("resize", .object([JSONMember("width", .number(Double(width))),
                                                   JSONMember("height", .number(Double(height)))])))
    }
    return .object(members)
  }

  /// The event as one line of JSON (without the line break).
  public var jsonLine: String { JSONWriter.string(json) }

  /// Reads an event from a parsed line; `t` may be left out (then it is `defaultMilliseconds`, the time of the
  /// event before). Members other than `t`, one kind name and `tune`'s `value` are ignored.
  public init(json: JSONValue, defaultMilliseconds: Int = 0) throws(SessionFormatError) {
    guard let members = json.objectMembers else { throw SessionFormatError("an event is a JSON object") }
    let kinds = SessionEvent.kindNames.filter { name in members.contains { $0.key == name } }
    guard kinds.count == 1, let kind = kinds.first else {
      let found = kinds.isEmpty ? "none" : kinds.joined(separator: " and ")
      throw SessionFormatError("an event has exactly one of \(SessionEvent.kindNames.joined(separator: ", ")) (found \(found))")
    }
    milliseconds = try json["t"].map { value throws(SessionFormatError) in
      try SessionEvent.integer(value, named: "t", in: 0...Int(Int32.max) * 1_000)
    } ?? defaultMilliseconds
    action = try SessionEvent.action(kind: kind, in: json)
  }

  /// The action of a line whose kind member is `kind`.
  private static func action(kind: String, in json: JSONValue) throws(SessionFormatError) -> RecordedAction {
    let value = json[kind] ?? .null
    switch kind {
    case "key":
      let name = try string(value, named: kind)
      guard let key = Key(sessionName: name) else {
        throw SessionFormatError("unknown key \"\(name)\" (a character, or a name such as Enter, Down, PgDn, Ctrl-W, Alt-x, F3)")
      }
      return .key(key)
    case "command":
      let name = try string(value, named: kind)
      guard let command = Command(rawValue: name) else { throw SessionFormatError("unknown command \"\(name)\"") }
      return .command(command)
    case "text": return .insert(try string(value, named: kind))
    case "query": return .setQuery(try string(value, named: kind))
    case "profile":
      if value == .null { return .selectProfile(nil) }
      return .selectProfile(try string(value, named: kind))
    case "user":
      if value == .null { return .selectUser(nil) }
      return .selectUser(try string(value, named: kind))
    case "tune":
      let name = try string(value, named: kind)
      guard let parameter = TuningParameter(sessionName: name) else {
        throw SessionFormatError("unknown tuning parameter \"\(name)\" (weight:FEATURE, bias, blendKeep, mmrLambda, maxPerBoard, "
                                 + "nearDuplicate, typeQuota:TYPE)")
      }
      return .tune(parameter, to: try tuningValue(json["value"]))
    default:
      let side = 0...maximumScreenSide
      guard value.objectMembers != nil else { throw SessionFormatError("\"resize\" is an object {\"width\": W, \"height\": H}") }
      return .resize(width: try integer(value["width"] ?? .null, named: "resize width", in: side),
                     height: try integer(value["height"] ?? .null, named: "resize height", in: side))
    }
  }

  /// A tuning value: a number, null (the rule off) or one of the strings `Infinity`, `-Infinity`, `NaN` (JSON
  /// has no such numbers; the reducer refuses them as the tuning panel would).
  private static func tuningValue(_ value: JSONValue?) throws(SessionFormatError) -> Double? {
    switch value {
    case nil, .null?: return nil
    case .number(let number)?: return number
    case .string("Infinity")?: return .infinity
    case .string("-Infinity")?: return -.infinity
    case .string("NaN")?: return .nan
    default: throw SessionFormatError("\"value\" is a number or null")
    }
  }

  /// A number as JSON, with the non-finite ones as the strings `tuningValue` reads.
  private static func number(_ value: Double) -> JSONValue {
    if value.isNaN { return .string("NaN") }
    if value.isInfinite { return .string(value > 0 ? "Infinity" : "-Infinity") }
    return .number(value)
  }

  /// The string member `name`.
  static func string(_ value: JSONValue, named name: String) throws(SessionFormatError) -> String {
    guard let text = value.stringValue else { throw SessionFormatError("\"\(name)\" is a string") }
    return text
  }

  /// The whole number member `name`, within `range`.
  static func integer(_ value: JSONValue, named name: String, in range: ClosedRange<Int>) throws(SessionFormatError) -> Int {
    guard let number = value.numberValue, number.rounded() == number,
          number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
      throw SessionFormatError("\"\(name)\" is a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return Int(number)
  }
}
