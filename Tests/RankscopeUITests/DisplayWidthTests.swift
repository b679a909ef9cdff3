import Testing
@testable import RankscopeUI

@Suite("Display width")
struct DisplayWidthTests {
  @Test("ASCII, CJK, fullwidth and Hangul")
  func basicWidths() {
    #expect(DisplayWidth.of("a" as Character) == 1)
    #expect(DisplayWidth.of("中" as Character) == 2)
    #expect(DisplayWidth.of("ケ" as Character) == 2)
    #expect(DisplayWidth.of("Ａ" as Character) == 2)
    #expect(DisplayWidth.of("한" as Character) == 2)
    #expect(DisplayWidth.of("é" as Character) == 1)
    #expect("抹茶ケーキ".displayWidth == 10)
  }

  @Test("combining marks ride on their base; alone they take no cell")
  func combiningMarks() {
    #expect(DisplayWidth.of("e\u{301}" as Character) == 1)
    #expect(DisplayWidth.of("\u{301}" as Character) == 0)
    #expect("cafe\u{301}".displayWidth == 4)
    #expect(DisplayWidth.of("\u{200B}" as Character) == 0)
  }

  @Test("emoji with emoji presentation take two cells")
  func emoji() {
    #expect(DisplayWidth.of("😀" as Character) == 2)
    #expect(DisplayWidth.of("🍵" as Character) == 2)
    #expect(DisplayWidth.of("❤️" as Character) == 2)  // text-default heart with VS16
    #expect(DisplayWidth.of("❤" as Character) == 1)   // text presentation
    #expect(DisplayWidth.of("🇫🇷" as Character) == 2)
    #expect(DisplayWidth.of("👨‍👩‍👧" as Character) == 2)
    #expect(DisplayWidth.of("👍🏽" as Character) == 2)
  }

  @Test("control characters take no cell")
  func controls() {
    #expect(DisplayWidth.of("\u{7}" as Character) == 0)
    #expect(DisplayWidth.of("\u{85}" as Character) == 0)
  }

  @Test("truncation never splits a wide character and counts the ellipsis")
  func truncation() {
    #expect("hello world".truncated(toWidth: 8) == "hello w…")
    #expect("hello".truncated(toWidth: 5) == "hello")
    #expect("抹茶ケーキ".truncated(toWidth: 6) == "抹茶…")
    #expect("抹茶ケーキ".truncated(toWidth: 6).displayWidth == 5)
    #expect("abc".truncated(toWidth: 0) == "")
    #expect("abc".truncated(toWidth: 1) == "…")
    #expect("抹茶".padded(toWidth: 3) == "抹 ")
    #expect("7".padded(toWidth: 3, alignRight: true) == "  7")
  }
}
