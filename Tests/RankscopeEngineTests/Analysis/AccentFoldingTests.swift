import Testing
@testable import RankscopeEngine

@Suite struct AccentFoldingTests {
  @Test func foldsAccentedLatinLetters() {
    #expect(AccentFolding.fold("é") == "e")
    #expect(AccentFolding.fold("ñ") == "n")
    #expect(AccentFolding.fold("ü") == "u")
    #expect(AccentFolding.fold("ç") == "c")
    #expect(AccentFolding.fold("å") == "a")
    #expect(AccentFolding.fold("crème brûlée") == "creme brulee")
    #expect(AccentFolding.fold("naïve") == "naive")
    #expect(AccentFolding.fold("Ångström") == "Angstrom")
    #expect(AccentFolding.fold("ÉCOLE") == "ECOLE")
    #expect(AccentFolding.fold("Tiếng Việt") == "Tieng Viet")
    #expect(AccentFolding.fold("ǖ") == "u")
    #expect(AccentFolding.fold("Łódź") == "Lodz")
  }

  @Test func foldsLettersWithoutDecomposition() {
    #expect(AccentFolding.fold("ß") == "ss")
    #expect(AccentFolding.fold("straße") == "strasse")
    #expect(AccentFolding.fold("æ") == "ae")
    #expect(AccentFolding.fold("Æsir") == "AEsir")
    #expect(AccentFolding.fold("œuvre") == "oeuvre")
    #expect(AccentFolding.fold("ø") == "o")
    #expect(AccentFolding.fold("ł") == "l")
    #expect(AccentFolding.fold("đ") == "d")
    #expect(AccentFolding.fold("þorn") == "thorn")
    #expect(AccentFolding.fold("ǣ") == "ae")
  }

  @Test func dropsCombiningMarksAfterLatinLetters() {
    #expect(AccentFolding.fold("e\u{301}") == "e")
    #expect(AccentFolding.fold("cafe\u{301}") == "cafe")
    #expect(AccentFolding.fold("a\u{308}\u{304}") == "a")
    #expect(AccentFolding.fold("n\u{303}o") == "no")
  }

  @Test func otherScriptsPassThrough() {
    #expect(AccentFolding.fold("Привет") == "Привет")
    #expect(AccentFolding.fold("й") == "й")
    #expect(AccentFolding.fold("и\u{306}") == "и\u{306}")
    #expect(AccentFolding.fold("ά") == "ά")
    #expect(AccentFolding.fold("α\u{301}") == "α\u{301}")
    #expect(AccentFolding.fold("中文") == "中文")
    #expect(AccentFolding.fold("👍🏽") == "👍🏽")
    #expect(AccentFolding.fold("\u{301}") == "\u{301}")
  }

  @Test func asciiIsUnchanged() {
    #expect(AccentFolding.fold("") == "")
    #expect(AccentFolding.fold("plain ASCII_text 123") == "plain ASCII_text 123")
  }
}
