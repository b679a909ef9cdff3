import Testing
@testable import RankscopeUI

@Suite("Key decoder")
struct KeyDecoderTests {
  private func keys(_ text: String) -> [Key] { KeyDecoder.decode(Array(text.utf8)) }

  @Test("printable ASCII and control bytes")
  func asciiAndControls() {
    #expect(keys("ab") == [.character("a"), .character("b")])
    #expect(KeyDecoder.decode([0x03, 0x17, 0x15, 0x7F, 0x08, 0x09, 0x0D, 0x0A]) ==
      [.control("c"), .control("w"), .control("u"), .backspace, .backspace, .tab, .enter, .enter])
    #expect(KeyDecoder.decode([0x00, 0x1C]) == [])
  }

  @Test("UTF-8 multi-byte input, grouped into grapheme clusters")
  func utf8() {
    #expect(keys("é中😀") == [.character("é"), .character("中"), .character("😀")])
    #expect(keys("e\u{301}") == [.character("e\u{301}")])
    #expect(KeyDecoder.decode([0xE4, 0xB8]) == [.character("\u{FFFD}")])  // truncated sequence
  }

  @Test("CSI and SS3 escape sequences for arrows, paging and function keys")
  func escapeSequences() {
    #expect(keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.up, .down, .right, .left])
    #expect(keys("\u{1B}OA\u{1B}OD") == [.up, .left])
    #expect(keys("\u{1B}[H\u{1B}[F\u{1B}[1~\u{1B}[4~") == [.home, .end, .home, .end])
    #expect(keys("\u{1B}[5~\u{1B}[6~\u{1B}[3~\u{1B}[2~") == [.pageUp, .pageDown, .delete, .insert])
    #expect(keys("\u{1B}[Z") == [.backTab])
    #expect(keys("\u{1B}OP\u{1B}[15~\u{1B}[24~") == [.function(1), .function(5), .function(12)])
    #expect(keys("\u{1B}[1;5C") == [.right])  // modifiers are ignored
    #expect(keys("\u{1B}[99x") == [])  // unknown sequences are dropped
  }

  @Test("Escape alone, doubled, and as Alt")
  func escape() {
    #expect(keys("\u{1B}") == [.escape])
    #expect(keys("\u{1B}\u{1B}") == [.escape, .escape])
    #expect(keys("\u{1B}b") == [.alt("b")])
    #expect(keys("x\u{1B}[Ay") == [.character("x"), .up, .character("y")])
  }

  @Test("ncurses key codes")
  func cursesCodes() {
    #expect(KeyDecoder.key(cursesCode: 0o403) == .up)
    #expect(KeyDecoder.key(cursesCode: 0o402) == .down)
    #expect(KeyDecoder.key(cursesCode: 0o404) == .left)
    #expect(KeyDecoder.key(cursesCode: 0o405) == .right)
    #expect(KeyDecoder.key(cursesCode: 0o522) == .pageDown)
    #expect(KeyDecoder.key(cursesCode: 0o523) == .pageUp)
    #expect(KeyDecoder.key(cursesCode: 0o407) == .backspace)
    #expect(KeyDecoder.key(cursesCode: 0o512) == .delete)
    #expect(KeyDecoder.key(cursesCode: 0o541) == .backTab)
    #expect(KeyDecoder.key(cursesCode: 0o410 + 1) == .function(1))
    #expect(KeyDecoder.key(cursesCode: 0o632) == nil)  // resize is handled by the run loop
  }

  @Test("decoded keys become actions through the binding table")
  func keysToActions() {
    var state = Fixtures.state()
    for key in keys("ca") { _ = reduce(&state, .key(key)) }
    #expect(state.query.text == "ca")
    for key in KeyDecoder.decode([0x1B, 0x5B, 0x44]) { _ = reduce(&state, .key(key)) }  // ←
    #expect(state.query.cursor == 1)
    let effects = KeyDecoder.decode([0x03]).flatMap { reduce(&state, .key($0)) }
    #expect(effects == [.quit])
  }
}
