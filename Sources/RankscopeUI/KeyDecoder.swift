/// Turns terminal input into `Key`s: raw bytes (UTF-8 text, control bytes, ANSI/VT escape sequences) and
/// ncurses key codes (`KEY_UP`, …, as returned by `wget_wch` with `KEY_CODE_YES`).
///
/// Pure Swift so that it is testable without a terminal; `RankscopeTerminal` feeds it.
public enum KeyDecoder {
  /// ncurses key codes (values from `<curses.h>`, fixed by the ncurses ABI; the terminal module checks
  /// them against the header at start-up).
  public enum CursesCode {
    public static let down: Int32 = 0o402
    public static let up: Int32 = 0o403
    public static let left: Int32 = 0o404
    public static let right: Int32 = 0o405
    public static let home: Int32 = 0o406
    public static let backspace: Int32 = 0o407
    public static let function0: Int32 = 0o410
    public static let deleteCharacter: Int32 = 0o512
    public static let insertCharacter: Int32 = 0o513
    public static let nextPage: Int32 = 0o522
    public static let previousPage: Int32 = 0o523
    public static let enter: Int32 = 0o527
    public static let backTab: Int32 = 0o541
    public static let end: Int32 = 0o550
    public static let resize: Int32 = 0o632
  }

  /// The key for an ncurses key code, or `nil` for codes the explorer does not use (including resize,
  /// which the run loop handles itself).
  public static func key(cursesCode code: Int32) -> Key? {
    switch code {
    case CursesCode.down: return .down
    case CursesCode.up: return .up
    case CursesCode.left: return .left
    case CursesCode.right: return .right
    case CursesCode.home: return .home
    case CursesCode.end: return .end
    case CursesCode.backspace: return .backspace
    case CursesCode.deleteCharacter: return .delete
    case CursesCode.insertCharacter: return .insert
    case CursesCode.nextPage: return .pageDown
    case CursesCode.previousPage: return .pageUp
    case CursesCode.enter: return .enter
    case CursesCode.backTab: return .backTab
    case (CursesCode.function0 + 1)...(CursesCode.function0 + 63): return .function(Int(code - CursesCode.function0))
    default: return nil
    }
  }

  /// Decodes a chunk of input bytes into keys.
  ///
  /// A lone Escape at the end of the chunk is the Escape key; Escape followed by `[` or `O` starts a CSI or
  /// SS3 sequence (unknown sequences are dropped); Escape followed by another character is Alt plus that
  /// character. Invalid UTF-8 becomes U+FFFD.
  public static func decode(_ bytes: [UInt8]) -> [Key] {
    var keys: [Key] = []
    var index = 0
    var text: [UInt8] = []
    func flushText() {
      guard !text.isEmpty else { return }
      for character in String(decoding: text, as: UTF8.self) { keys.append(.character(character)) }
      text.removeAll()
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte >= 0x20 && byte != 0x7F {
        text.append(byte)
        index += 1
        continue
      }
      flushText()
      index += 1
      switch byte {
      case 0x1B:
        index = decodeEscape(bytes, from: index, into: &keys)
      case 0x7F, 0x08: keys.append(.backspace)
      case 0x09: keys.append(.tab)
      case 0x0D, 0x0A: keys.append(.enter)
      case 0x01...0x1A: keys.append(.control(Character(Unicode.Scalar(byte + 0x60))))
      default: break  // NUL and 0x1C–0x1F are ignored
      }
    }
    flushText()
    return keys
  }

  /// Decodes what follows an Escape byte at `start`; returns the index after the sequence.
  private static func decodeEscape(_ bytes: [UInt8], from start: Int, into keys: inout [Key]) -> Int {
    guard start < bytes.count else {
      keys.append(.escape)
      return start
    }
    let introducer = bytes[start]
    if introducer == UInt8(ascii: "[") {
      // CSI: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E.
      var index = start + 1
      var parameters: [UInt8] = []
      while index < bytes.count, (0x20...0x3F).contains(bytes[index]) {
        parameters.append(bytes[index])
        index += 1
      }
      guard index < bytes.count, (0x40...0x7E).contains(bytes[index]) else {
        return index  // incomplete sequence: drop it
      }
      let final = bytes[index]
      if let key = csiKey(final: final, parameters: String(decoding: parameters, as: UTF8.self)) { keys.append(key) }
      return index + 1
    }
    if introducer == UInt8(ascii: "O") {
      guard start + 1 < bytes.count else {
        keys.append(.alt("O"))
        return start + 1
      }
      let final = bytes[start + 1]
      switch final {
      case UInt8(ascii: "A"): keys.append(.up)
      case UInt8(ascii: "B"): keys.append(.down)
      case UInt8(ascii: "C"): keys.append(.right)
      case UInt8(ascii: "D"): keys.append(.left)
      case UInt8(ascii: "H"): keys.append(.home)
      case UInt8(ascii: "F"): keys.append(.end)
      case UInt8(ascii: "M"): keys.append(.enter)
      case UInt8(ascii: "P"): keys.append(.function(1))
      case UInt8(ascii: "Q"): keys.append(.function(2))
      case UInt8(ascii: "R"): keys.append(.function(3))
      case UInt8(ascii: "S"): keys.append(.function(4))
      default: break
      }
      return start + 2
    }
    if introducer == 0x1B {
      keys.append(.escape)
      return start  // the second Escape starts its own key
    }
    if introducer >= 0x20, introducer != 0x7F {
      // Alt + character: take one UTF-8 character.
      let length = utf8Length(introducer)
      let end = min(bytes.count, start + length)
      if let character = String(decoding: bytes[start..<end], as: UTF8.self).first { keys.append(.alt(character)) }
      return end
    }
    keys.append(.escape)
    return start
  }

  /// The key for a CSI sequence with final byte `final` and parameter text such as `1;5` or `3`.
  private static func csiKey(final: UInt8, parameters: String) -> Key? {
    switch final {
    case UInt8(ascii: "A"): return .up
    case UInt8(ascii: "B"): return .down
    case UInt8(ascii: "C"): return .right
    case UInt8(ascii: "D"): return .left
    case UInt8(ascii: "H"): return .home
    case UInt8(ascii: "F"): return .end
    case UInt8(ascii: "Z"): return .backTab
    case UInt8(ascii: "~"):
      let number = Int(parameters.split(separator: ";").first ?? "") ?? 0
      switch number {
      case 1, 7: return .home
      case 2: return .insert
      case 3: return .delete
      case 4, 8: return .end
      case 5: return .pageUp
      case 6: return .pageDown
      case 11...15: return .function(number - 10)
      case 17...21: return .function(number - 11)
      case 23, 24: return .function(number - 12)
      default: return nil
      }
    default:
      return nil
    }
  }

  /// Length of the UTF-8 sequence a lead byte starts (1 for invalid lead bytes).
  private static func utf8Length(_ lead: UInt8) -> Int {
    switch lead {
    case 0xC0...0xDF: return 2
    case 0xE0...0xEF: return 3
    case 0xF0...0xF7: return 4
    default: return 1
    }
  }
}
