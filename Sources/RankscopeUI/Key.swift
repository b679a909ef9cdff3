/// A key press, decoded from terminal input by `KeyDecoder`.
public enum Key: Hashable, Sendable {
  /// A printable character (a whole grapheme cluster).
  case character(Character)
  /// A control key: `control("w")` is Ctrl-W. Tab, Enter, Backspace and Escape have their own cases.
  case control(Character)
  /// A character typed with Alt (sent as Escape followed by the character).
  case alt(Character)
  case up, down, left, right
  case home, end, pageUp, pageDown
  case insert, delete, backspace, enter, tab, backTab, escape
  /// A function key: `function(1)` is F1.
  case function(Int)

  /// How the key is written in the help overlay, e.g. `Ctrl-W`, `PgDn`, `↑`.
  public var label: String {
    switch self {
    case .character(" "): return "Space"
    case .character(let character): return String(character)
    case .control(let character): return "Ctrl-\(character.uppercased())"
    case .alt(let character): return "Alt-\(character)"
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .home: return "Home"
    case .end: return "End"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .insert: return "Ins"
    case .delete: return "Del"
    case .backspace: return "Backspace"
    case .enter: return "Enter"
    case .tab: return "Tab"
    case .backTab: return "Shift-Tab"
    case .escape: return "Esc"
    case .function(let number): return "F\(number)"
    }
  }
}
