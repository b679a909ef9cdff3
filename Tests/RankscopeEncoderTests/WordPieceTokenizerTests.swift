import Foundation
import Testing

@testable import RankscopeEncoder

/// Tokenizer behaviour on a small synthetic vocabulary (always runs) and on the real one (when present).
@Suite("WordPieceTokenizer")
struct WordPieceTokenizerTests {
  /// A vocabulary with the special tokens, some words, continuations and single characters.
  static let vocabulary: [String] = [
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
    "a", "b", "c", "e", "r", "m", "creme", "brulee", "un", "##aff", "##able", "##a", "##b", "-", "$", "5", "!",
    "中", "文", "naive", "cafe", "hello", "world", "\u{1100}\u{1161}", "\u{AC00}",
  ]

  static func makeTokenizer(maximumLength: Int = 256) throws -> WordPieceTokenizer {
    try WordPieceTokenizer(vocabulary: vocabulary, maximumLength: maximumLength)
  }

  @Test("Empty and blank texts give [CLS] [SEP]")
  func emptyText() throws {
    let tokenizer = try Self.makeTokenizer()
    for text in ["", "   ", "\t\n\r", "\u{0}\u{FFFD}\u{200B}"] {
      #expect(tokenizer.encode(text).pieces == ["[CLS]", "[SEP]"], "\(text.debugDescription)")
      #expect(tokenizer.encode(text).ids == [2, 3])
    }
  }

  @Test("Accents are stripped and text lower-cased")
  func accents() throws {
    let tokenizer = try Self.makeTokenizer()
    #expect(tokenizer.encode("Crème BRÛLÉE").pieces == ["[CLS]", "creme", "brulee", "[SEP]"])
    #expect(tokenizer.encode("naïve Café").pieces == ["[CLS]", "naive", "cafe", "[SEP]"])
    // Already decomposed input gives the same result.
    #expect(tokenizer.encode("cafe\u{301}").pieces == ["[CLS]", "cafe", "[SEP]"])
  }

  @Test("Greedy longest-match-first WordPiece with ## continuations")
  func wordPiece() throws {
    let tokenizer = try Self.makeTokenizer()
    #expect(tokenizer.encode("unaffable").pieces == ["[CLS]", "un", "##aff", "##able", "[SEP]"])
    #expect(tokenizer.encode("aab").pieces == ["[CLS]", "a", "##a", "##b", "[SEP]"])
    // A word with an unspellable remainder is one [UNK], not a partial spelling.
    #expect(tokenizer.encode("unaffablez hello").pieces == ["[CLS]", "[UNK]", "hello", "[SEP]"])
  }

  @Test("Punctuation (ASCII symbols included) is split off, one character per word")
  func punctuation() throws {
    let tokenizer = try Self.makeTokenizer()
    #expect(tokenizer.encode("a-b").pieces == ["[CLS]", "a", "-", "b", "[SEP]"])
    #expect(tokenizer.encode("$5!!").pieces == ["[CLS]", "$", "5", "!", "!", "[SEP]"])
    #expect(WordPieceTokenizer.isPunctuation("^"))
    #expect(WordPieceTokenizer.isPunctuation("`"))
    #expect(WordPieceTokenizer.isPunctuation("\u{2014}"))  // em dash, Pd
    #expect(WordPieceTokenizer.isPunctuation("\u{00BF}"))  // ¿, Po
    #expect(!WordPieceTokenizer.isPunctuation("\u{00A9}"))  // ©, So
  }

  @Test("White space of every kind separates words; control characters vanish")
  func whitespaceAndControls() throws {
    let tokenizer = try Self.makeTokenizer()
    #expect(tokenizer.encode("hello\u{00A0}world").pieces == ["[CLS]", "hello", "world", "[SEP]"])
    #expect(tokenizer.encode("hello\u{3000}\t\nworld").pieces == ["[CLS]", "hello", "world", "[SEP]"])
    #expect(tokenizer.encode("hel\u{0}lo wor\u{7}ld\u{FFFD}").pieces == ["[CLS]", "hello", "world", "[SEP]"])
    // Format (Cf) and private-use (Co) characters vanish; unassigned code points (Cn) stay, as in the
    // reference tokenizer, so their word is unknown.
    #expect(tokenizer.encode("a\u{200B}b a\u{E000}b").pieces == ["[CLS]", "a", "##b", "a", "##b", "[SEP]"])
    #expect(tokenizer.encode("a\u{0378}b").pieces == ["[CLS]", "[UNK]", "[SEP]"])
  }

  @Test("CJK ideographs become one word each, even without spaces")
  func chineseCharacters() throws {
    let tokenizer = try Self.makeTokenizer()
    #expect(tokenizer.encode("中文").pieces == ["[CLS]", "中", "文", "[SEP]"])
    #expect(tokenizer.encode("a中b").pieces == ["[CLS]", "a", "中", "b", "[SEP]"])
    #expect(tokenizer.encode("搜").pieces == ["[CLS]", "[UNK]", "[SEP]"])
    #expect(WordPieceTokenizer.isChineseCharacter("\u{20000}"))
    #expect(!WordPieceTokenizer.isChineseCharacter("\u{3042}"))  // Hiragana is not
  }

  @Test("Emoji unknown to the vocabulary become [UNK]")
  func emoji() throws {
    let tokenizer = try Self.makeTokenizer()
    #expect(tokenizer.encode("hello 👗✨").pieces == ["[CLS]", "hello", "[UNK]", "[SEP]"])
  }

  @Test("Vocabulary lookups compare exact scalars, not canonical equivalence")
  func exactScalarLookup() throws {
    let tokenizer = try Self.makeTokenizer()
    // NFD turns the syllable 가 (U+AC00) into jamo ᄀ + ᅡ, which is what must be looked up.
    #expect(tokenizer.encode("\u{AC00}").ids == [2, 28, 3])
    #expect(tokenizer.identifier(of: "\u{AC00}") == 29)
    #expect(tokenizer.identifier(of: "\u{1100}\u{1161}") == 28)
  }

  @Test("Words over 100 characters are [UNK]; 100 characters are spelled")
  func longWords() throws {
    let tokenizer = try Self.makeTokenizer()
    let hundred = String(repeating: "a", count: 100)
    #expect(tokenizer.encode(hundred).ids.count == 102)
    #expect(tokenizer.encode(hundred + "a").pieces == ["[CLS]", "[UNK]", "[SEP]"])
    #expect(tokenizer.encode("b " + hundred + "a b").pieces == ["[CLS]", "b", "[UNK]", "b", "[SEP]"])
  }

  @Test("Truncation keeps 256 pieces in all, [CLS] first and [SEP] last")
  func truncation() throws {
    let tokenizer = try Self.makeTokenizer()
    let long = String(repeating: "hello world ", count: 300)
    let encoded = tokenizer.encode(long)
    #expect(encoded.ids.count == 256)
    #expect(encoded.ids.first == 2)
    #expect(encoded.ids.last == 3)
    #expect(encoded.pieces[1...4] == ["hello", "world", "hello", "world"])
    // Truncation can cut a word's pieces: "aab" is a, ##a, ##b, and piece 254 is the second of the 85th word.
    let pieces = tokenizer.encode(String(repeating: "aab ", count: 200)).pieces
    #expect(pieces.count == 256)
    #expect(pieces[253...] == ["a", "##a", "[SEP]"])
    let short = try Self.makeTokenizer(maximumLength: 4).encode("hello world hello")
    #expect(short.pieces == ["[CLS]", "hello", "world", "[SEP]"])
  }

  @Test("Special tokens written in the text are kept as such")
  func literalSpecialTokens() throws {
    let tokenizer = try Self.makeTokenizer()
    #expect(tokenizer.encode("hello [MASK] world").pieces == ["[CLS]", "hello", "[MASK]", "world", "[SEP]"])
    #expect(tokenizer.encode("a[SEP]b").pieces == ["[CLS]", "a", "[SEP]", "b", "[SEP]"])
    // Matching is case-sensitive: "[mask]" is ordinary text ("[", "mask", "]", none in this vocabulary).
    #expect(tokenizer.encode("[mask]").pieces == ["[CLS]", "[UNK]", "[UNK]", "[UNK]", "[SEP]"])
    #expect(tokenizer.encode("[").pieces == ["[CLS]", "[UNK]", "[SEP]"])
  }

  @Test("A vocabulary without [CLS], [SEP] or [UNK] is refused")
  func invalidVocabulary() throws {
    #expect(throws: EncoderError.self) { try WordPieceTokenizer(vocabulary: []) }
    #expect(throws: EncoderError.self) { try WordPieceTokenizer(vocabulary: ["[CLS]", "[SEP]", "a"]) }
    let directory = try TestResources.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("vocab.txt")
    try Data([0xFF, 0xFE, 0x0A]).write(to: url)
    #expect(throws: EncoderError.self) { try WordPieceTokenizer(vocabularyURL: url) }
    #expect(throws: EncoderError.self) {
      try WordPieceTokenizer(vocabularyURL: directory.appendingPathComponent("missing.txt"))
    }
    try "[PAD]\r\n[UNK]\r\n[CLS]\r\n[SEP]\r\nhello\r\n".write(to: url, atomically: true, encoding: .utf8)
    let tokenizer = try WordPieceTokenizer(vocabularyURL: url)
    #expect(tokenizer.vocabularySize == 5)
    #expect(tokenizer.encode("Hello").ids == [2, 4, 3])
  }

  @Test(
    "Real vocabulary: accents, CJK, emoji, Cyrillic, numbers",
    .enabled(if: TestResources.tokenizer != nil, TestResources.missingModelReason))
  func realVocabulary() throws {
    let tokenizer = try #require(TestResources.tokenizer)
    #expect(tokenizer.vocabularySize == 30522)
    #expect(tokenizer.encode("naïve résumé façade").pieces == ["[CLS]", "naive", "resume", "facade", "[SEP]"])
    #expect(tokenizer.encode("東京").pieces == ["[CLS]", "東", "京", "[SEP]"])
    #expect(tokenizer.encode("👗").pieces == ["[CLS]", "[UNK]", "[SEP]"])
    #expect(tokenizer.encode("зимой").pieces == ["[CLS]", "з", "##и", "##м", "##о", "##и", "[SEP]"])
    #expect(tokenizer.encode("12345").pieces == ["[CLS]", "123", "##45", "[SEP]"])
    let long = tokenizer.encode(String(repeating: "The quick brown fox. ", count: 100))
    #expect(long.ids.count == 256 && long.ids.last == 102)
  }
}
