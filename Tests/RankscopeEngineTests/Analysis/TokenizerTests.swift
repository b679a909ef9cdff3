import Testing
@testable import RankscopeEngine

/// The tokens of `text` as strings.
private func tokens(_ text: String) -> [String] {
  Tokenizer.tokens(text).map(String.init)
}

@Suite struct TokenizerTests {
  @Test func splitsOnWhiteSpaceAndPunctuation() {
    #expect(tokens("Hello, world!  How are\tyou?\n(Fine.)") == ["Hello", "world", "How", "are", "you", "Fine"])
    #expect(tokens("a+b=c; x/y: [z] {w} \"q\" <p>") == ["a", "b", "c", "x", "y", "z", "w", "q", "p"])
  }

  @Test func apostrophesAndHyphensSeparate() {
    #expect(tokens("don't state-of-the-art O'Brien’s")
      == ["don", "t", "state", "of", "the", "art", "O", "Brien", "s"])
  }

  @Test func digitsAndUnderscoresAreWordCharacters() {
    #expect(tokens("x86_64 1960s 3.14 __init__ 10,000")
      == ["x86_64", "1960s", "3", "14", "__init__", "10", "000"])
  }

  @Test func accentedLettersStayInTheirWords() {
    #expect(tokens("café naïve Ünïcödé façade") == ["café", "naïve", "Ünïcödé", "façade"])
    #expect(tokens("Привет, мир! Καλημέρα κόσμε") == ["Привет", "мир", "Καλημέρα", "κόσμε"])
    #expect(tokens("हिन्दी भाषा") == ["हिन्दी", "भाषा"])
  }

  @Test func combiningMarksStayWithTheirLetter() {
    let decomposed = "cafe\u{301} e\u{301}"
    let result = Tokenizer.tokens(decomposed)
    #expect(result.count == 2)
    #expect(Array(result[0].unicodeScalars).map(\.value) == [0x63, 0x61, 0x66, 0x65, 0x301])
    #expect(Array(result[1].unicodeScalars).map(\.value) == [0x65, 0x301])
    #expect(tokens("e\u{301}") == ["e\u{301}"])
    #expect(tokens("a\u{301}\u{302}\u{303}b") == ["a\u{301}\u{302}\u{303}b"])
  }

  @Test func loneCombiningMarksAreNotTokens() {
    #expect(tokens("\u{301}").isEmpty)
    #expect(tokens("\u{301}\u{302} \u{301}x") == ["x"])
    #expect(tokens("- \u{20DD} \u{FE0F}") == [])
  }

  @Test func cjkCharactersAreTokensOfTheirOwn() {
    #expect(tokens("我爱北京") == ["我", "爱", "北", "京"])
    #expect(tokens("日本語のテキスト") == ["日", "本", "語", "の", "テ", "キ", "ス", "ト"])
    #expect(tokens("한국어 문장") == ["한", "국", "어", "문", "장"])
    #expect(tokens("abc中文def 42号") == ["abc", "中", "文", "def", "42", "号"])
    #expect(tokens("か\u{3099}") == ["か\u{3099}"])
  }

  @Test func conjoiningHangulJamoFormOneSyllable() {
    #expect(tokens("\u{1100}\u{1161}\u{11A8} \u{1100}\u{1161}") == ["\u{1100}\u{1161}\u{11A8}", "\u{1100}\u{1161}"])
  }

  @Test func emojiSeparateAndAreDropped() {
    #expect(tokens("I ❤️ Swift 👨‍👩‍👧 ok👍🏽go 🇫🇷!") == ["I", "Swift", "ok", "go"])
    #expect(tokens("a👨‍👩‍👧b") == ["a", "b"])
    #expect(tokens("👨‍👩‍👧") == [])
  }

  @Test func emptyAndBlankTextHaveNoTokens() {
    #expect(tokens("").isEmpty)
    #expect(tokens(" \t\n\r\n ").isEmpty)
    #expect(tokens("!?.,;:-—…").isEmpty)
  }

  @Test func tokensAreSlicesOfTheInput() {
    let text = "Σ café, 中文 x_1"
    for token in Tokenizer.tokens(text) {
      #expect(token.base == text)
      #expect(token.startIndex.samePosition(in: text) != nil)
      #expect(token.endIndex.samePosition(in: text) != nil)
    }
  }

  @Test func oneMegabyteText() {
    let words = String(repeating: "lorem ipsum_2 dolor, ", count: 50_000)
    #expect(words.utf8.count > 1_000_000)
    let result = Tokenizer.tokens(words)
    #expect(result.count == 150_000)
    #expect(result.last == "dolor")

    let oneToken = String(repeating: "a", count: 1_048_576)
    #expect(Tokenizer.tokens(oneToken).map(\.count) == [1_048_576])

    let mixed = String(repeating: "é中👍🏽e\u{301} ", count: 60_000)
    #expect(Tokenizer.tokens(mixed).count == 180_000)
  }

  @Test func asciiTokensMatchTheWordRegularExpression() {
    var generator = SplitMix64(seed: 42)
    let alphabet = Array("abcXYZ019_ -'.,!\t\n")
    for _ in 0..<500 {
      let length = Int(generator.next() % 40)
      let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
      let expected = text.matches(of: /\w+/).map { String(text[$0.range]) }
      #expect(tokens(text) == expected, "\(text.debugDescription)")
    }
  }

  @Test func neverCutsGraphemeClustersOnOddInput() {
    // Letters, marks, joiners, emoji, modifiers, regional indicators, CJK, jamo, prepend marks, CR LF...
    let pool: [Unicode.Scalar] = [
      "a", "Z", "5", "_", " ", "-", "'", "\r", "\n", "\u{301}", "\u{308}", "\u{20E3}", "\u{200D}", "\u{200C}",
      "\u{FE0F}", "\u{1F468}", "\u{1F469}", "\u{1F3FD}", "\u{1F1EB}", "\u{1F1F7}", "\u{4E2D}", "\u{3042}",
      "\u{30AB}", "\u{3099}", "\u{AC00}", "\u{AC01}", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{0600}", "\u{0915}",
      "\u{094D}", "\u{093F}", "\u{0E33}", "\u{00AD}", "\u{2028}", "\u{FFFD}", "\u{10FFFF}", "\u{E000}", "\u{0000}",
      "é", "ß", "Σ", "я", "\u{0D4E}", "\u{1F600}",
    ]
    var generator = SplitMix64(seed: 7)
    for _ in 0..<3_000 {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int(generator.next() % 24) {
        scalars.append(pool[Int(generator.next() % UInt64(pool.count))])
      }
      let text = String(scalars)
      var previousEnd = text.startIndex
      for token in Tokenizer.tokens(text) {
        #expect(!token.isEmpty)
        #expect(token.startIndex >= previousEnd)
        #expect(token.startIndex.samePosition(in: text) != nil, "\(text.unicodeScalars.map(\.value))")
        #expect(token.endIndex.samePosition(in: text) != nil, "\(text.unicodeScalars.map(\.value))")
        previousEnd = token.endIndex
      }
    }
  }
}

/// A small deterministic random number generator (Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014).
private struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  /// A generator starting from `seed`.
  init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }
}
