/// Keys as a session file writes them: `c`, `Space`, `Ctrl-W`, `Alt-x`, `Down`, `PgDn`, `F3`.
extension Key {
  /// The names of the keys that are neither characters nor modified characters nor function keys.
  static let sessionNames: [(name: String, key: Key)] = [
    ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right), ("Home", .home), ("End", .end),
    ("PgUp", .pageUp), ("PgDn", .pageDown), ("Ins", .insert), ("Del", .delete), ("Backspace", .backspace),
    ("Enter", .enter), ("Tab", .tab), ("Shift-Tab", .backTab), ("Esc", .escape), ("Space", .character(" ")),
  ]

  /// The key's name in a session file: the character itself for a printable key (`Space` for a space).
  ///
  /// Control letters are written upper-case (`Ctrl-W`) and read back lower-case, as the terminal sends them.
  public var sessionName: String {
    if let named = Key.sessionNames.first(where: { $0.key == self }) { return named.name }
    switch self {
    case .character(let character): return String(character)
    case .control(let character): return "Ctrl-" + String(character).uppercased()
    case .alt(let character): return "Alt-" + String(character)
    case .function(let number): return "F\(number)"
    default: return label
    }
  }

  /// Reads a key name written by `sessionName` (names are case-sensitive, except the letter after `Ctrl-`);
  /// nil when `name` names no key. A single character is always that character.
  public init?(sessionName name: String) {
    if name.count == 1, let character = name.first {
      self = .character(character)
    } else if let named = Key.sessionNames.first(where: { $0.name == name }) {
      self = named.key
    } else if let character = Key.single(name, after: "Ctrl-") {
      self = .control(Character(String(character).lowercased()))
    } else if let character = Key.single(name, after: "Alt-") {
      self = .alt(character)
    } else if name.hasPrefix("F"), name.count <= 4, let number = Int(name.dropFirst()), number >= 0 {
      self = .function(number)
    } else {
      return nil
    }
  }

  /// The one character following `prefix` in `name`, or nil.
  private static func single(_ name: String, after prefix: String) -> Character? {
    guard name.hasPrefix(prefix) else { return nil }
    let rest = name.dropFirst(prefix.count)
    guard rest.count == 1, let character = rest.first else { return nil }
    // `Ctrl-ß` lower-cases to one character; a letter whose case mapping grows (none sent by terminals) is refused.
    return String(character).lowercased().count == 1 ? character : nil
  }
}
