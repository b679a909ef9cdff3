/// Splits text into word tokens, Unicode-aware, without copying: every token is a slice of the input.
///
/// A token is a maximal run of word characters: Unicode letters, combining marks, decimal digits and the
/// underscore, like the regular expression `\w+` (so `bm25s`' `\b\w\w+\b` gives the same tokens once the
/// analyzer drops one-character tokens). CJK characters (Han ideographs, Hiragana, Katakana, Hangul syllables)
/// are each a token of their own, as in Lucene's `StandardTokenizer`. Apostrophes, hyphens, punctuation,
/// symbols, emoji and white space separate tokens.
///
/// Tokens never cut a grapheme cluster: marks, joiners and other extending scalars that follow a token's last
/// character belong to the token, and a mark that follows no word character (a lone mark, or one on a space or
/// an emoji) is dropped with the character it belongs to.
///
/// - Complexity: O(*n*) in the UTF-8 length of the text. It walks the UTF-8 bytes once: an ASCII byte is
///   classified with a bit test, other scalars from a table (below U+0800), known CJK ranges or their Unicode
///   properties; only token ends next to unusual scalars are checked against `String`'s grapheme breaking.
public enum Tokenizer {
  /// The word tokens of `text`, in order.
  public static func tokens(_ text: String) -> [Substring] {
    if let tokens = text.utf8.withContiguousStorageIfAvailable({ tokens(of: text, utf8: $0) }) {
      return tokens
    }
    var contiguous = text
    contiguous.makeContiguousUTF8()
    return contiguous.utf8.withContiguousStorageIfAvailable { tokens(of: contiguous, utf8: $0) } ?? []
  }

  /// What a scalar does to the token being built.
  private enum ScalarClass: UInt8 {
    /// Ends the current token and starts no new one.
    case separator
    /// Starts a token, or continues the current one.
    case word
    /// Is a token of its own (a CJK character).
    case standalone
    /// Continues the current token (a mark or joiner); dropped when no token is open.
    case extending
  }

  /// Finds the tokens of `text`, whose UTF-8 bytes are `utf8`.
  private static func tokens(of text: String, utf8: UnsafeBufferPointer<UInt8>) -> [Substring] {
    var tokens = TokenCollector(text: text, utf8: utf8)
    let count = utf8.count
    var position = 0
    // Start of the open token, or -1; and whether the open token is a standalone CJK character.
    var tokenStart = -1
    var tokenIsStandalone = false
    while position < count {
      let byte = utf8[position]
      let scalarStart = position
      let scalarClass: ScalarClass
      if byte < 0x80 {
        position += 1
        scalarClass = isASCIIWordCharacter(byte) ? .word : .separator
      } else {
        let (value, length) = decodeScalar(utf8, at: position)
        position += length
        scalarClass = classifyFast(value)
      }
      switch scalarClass {
      case .word:
        if tokenStart < 0 {
          tokenStart = scalarStart
        } else if tokenIsStandalone {
          tokens.append(tokenStart, scalarStart)
          tokenStart = scalarStart
        }
        tokenIsStandalone = false
      case .standalone:
        if tokenStart >= 0 { tokens.append(tokenStart, scalarStart) }
        tokenStart = scalarStart
        tokenIsStandalone = true
      case .extending:
        break
      case .separator:
        if tokenStart >= 0 {
          tokens.append(tokenStart, scalarStart)
          tokenStart = -1
        }
      }
    }
    if tokenStart >= 0 { tokens.append(tokenStart, count) }
    return tokens.tokens
  }

  /// Collects tokens as slices of the text, widening them to grapheme-cluster boundaries.
  private struct TokenCollector {
    /// The text being tokenized.
    let text: String
    /// The text's UTF-8 bytes.
    let utf8: UnsafeBufferPointer<UInt8>
    /// The tokens so far.
    var tokens: [Substring] = []
    /// The UTF-8 offset where the last token starts.
    var lastStart = 0
    /// The UTF-8 offset where the last token ends, or -1 before the first token.
    var lastEnd = -1

    /// A collector for the tokens of `text`, whose UTF-8 bytes are `utf8`.
    init(text: String, utf8: UnsafeBufferPointer<UInt8>) {
      self.text = text
      self.utf8 = utf8
    }

    /// Adds the token at UTF-8 offsets `start..<end`, widened to grapheme-cluster boundaries (merged with the
    /// previous token when widening makes them meet).
    mutating func append(_ start: Int, _ end: Int) {
      var start = start
      var end = end
      if needsBoundaryCheck(at: start) { start = roundedDownToCharacter(start) }
      if needsBoundaryCheck(at: end) { end = roundedUpToCharacter(end) }
      if start < lastEnd {
        lastEnd = max(lastEnd, end)
        tokens[tokens.count - 1] = slice(lastStart, lastEnd)
        return
      }
      tokens.append(slice(start, end))
      lastStart = start
      lastEnd = end
    }

    /// The text between two UTF-8 offsets.
    private func slice(_ start: Int, _ end: Int) -> Substring {
      text[index(start)..<index(end)]
    }

    /// Whether offset `offset` may fall inside a grapheme cluster. Tokens never end before an extending scalar
    /// nor start at one, so there is a boundary unless a scalar next to the offset is one that can join the
    /// scalar after it (prepended marks, joiners, Indic linkers, regional indicators, Hangul jamo...); only
    /// offsets next to scalars outside the common simple ranges are checked with the `String` API.
    private func needsBoundaryCheck(at offset: Int) -> Bool {
      guard offset > 0, offset < utf8.count else { return false }
      if utf8[offset - 1] < 0x80 && utf8[offset] < 0x80 { return false }
      var previousStart = offset - 1
      while previousStart > 0, utf8[previousStart] & 0xC0 == 0x80 { previousStart -= 1 }
      return !isSimpleAtBoundary(decodeScalar(utf8, at: previousStart).0)
        || !isSimpleAtBoundary(decodeScalar(utf8, at: offset).0)
    }

    /// The string index of UTF-8 offset `offset`.
    private func index(_ offset: Int) -> String.Index {
      text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }

    /// The UTF-8 offset of `index`.
    private func offset(_ index: String.Index) -> Int {
      text.utf8.distance(from: text.utf8.startIndex, to: index)
    }

    /// `offset` moved down to the nearest grapheme-cluster boundary.
    private func roundedDownToCharacter(_ offset: Int) -> Int {
      let position = index(offset)
      if position.samePosition(in: text) != nil { return offset }
      // `index(after:)` first rounds a mid-cluster index down to its cluster's start.
      return self.offset(text.index(before: text.index(after: position)))
    }

    /// `offset` moved up to the nearest grapheme-cluster boundary.
    private func roundedUpToCharacter(_ offset: Int) -> Int {
      let position = index(offset)
      if position.samePosition(in: text) != nil { return offset }
      return self.offset(text.index(after: position))
    }
  }

  /// Whether an ASCII byte is a word character: `0`–`9` (bits 48–57 of the low mask), `A`–`Z`, `_`, `a`–`z`
  /// (bits 1–26, 31 and 33–58 of the high mask, for bytes 64–127).
  @inline(__always)
  private static func isASCIIWordCharacter(_ byte: UInt8) -> Bool {
    byte < 64
      ? (0x03FF_0000_0000_0000 as UInt64) >> byte & 1 == 1
      : (0x07FF_FFFE_87FF_FFFE as UInt64) >> (byte & 63) & 1 == 1
  }

  /// Decodes the scalar whose first byte is at `position` of well-formed UTF-8, with its length in bytes.
  private static func decodeScalar(_ utf8: UnsafeBufferPointer<UInt8>, at position: Int) -> (UInt32, Int) {
    let lead = UInt32(utf8[position])
    let length: Int
    var value: UInt32
    switch lead {
    case 0xF0...: length = 4; value = lead & 0x07
    case 0xE0...: length = 3; value = lead & 0x0F
    case 0xC0...: length = 2; value = lead & 0x1F
    default: return (0xFFFD, 1)  // A continuation byte: cannot happen in a String, skip it safely.
    }
    guard position + length <= utf8.count else { return (0xFFFD, utf8.count - position) }
    for offset in 1..<length {
      value = value << 6 | UInt32(utf8[position + offset] & 0x3F)
    }
    return (value, length)
  }

  /// Whether a scalar never joins a neighbour that is not an extending scalar into one grapheme cluster: scalars
  /// below U+0600 (Latin, Greek, Cyrillic, Armenian, Hebrew), kana, CJK ideographs and Hangul syllables.
  private static func isSimpleAtBoundary(_ value: UInt32) -> Bool {
    switch value {
    case 0..<0x0600, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: return true
    default: return false
    }
  }

  /// The class of a non-ASCII scalar, from a table below U+0800 and from known CJK ranges where possible.
  @inline(__always)
  private static func classifyFast(_ value: UInt32) -> ScalarClass {
    switch value {
    case 0x80..<0x800: return lowScalarClasses[Int(value) - 0x80]
    case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xAC00...0xD7A3, 0x3041...0x3096, 0x30A1...0x30FA: return .standalone
    default: return classify(value)
    }
  }

  /// The classes of U+0080 to U+07FF, computed once.
  private static let lowScalarClasses: [ScalarClass] = (UInt32(0x80)..<0x800).map(classify)

  /// The class of a non-ASCII scalar.
  private static func classify(_ value: UInt32) -> ScalarClass {
    guard let scalar = Unicode.Scalar(value) else { return .separator }
    let properties = scalar.properties
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark:
      return .extending
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
      if isHangulVowelOrTrailingJamo(value) { return .extending }
      return isCJK(value, properties: properties) ? .standalone : .word
    case .decimalNumber:
      return .word
    case .letterNumber:
      return properties.isIdeographic ? .standalone : .separator
    default:
      // Joiners, variation selectors, emoji skin-tone modifiers and the like extend a grapheme cluster.
      if properties.isGraphemeExtend || value == 0x200D || (0x1F3FB...0x1F3FF).contains(value) {
        return .extending
      }
      return .separator
    }
  }

  /// Whether a letter is a CJK character: a Han ideograph, Hiragana, Katakana, a Hangul syllable or the leading
  /// consonant jamo that starts a conjoined Hangul syllable.
  private static func isCJK(_ value: UInt32, properties: Unicode.Scalar.Properties) -> Bool {
    switch value {
    case 0x3040...0x309F,  // Hiragana
         0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9D,  // Katakana, phonetic extensions, half-width
         0x1B000...0x1B16F,  // Kana supplement and extended
         0xAC00...0xD7A3,  // Hangul syllables
         0x1100...0x115F, 0xA960...0xA97F:  // Hangul leading consonant jamo
      return true
    default:
      return properties.isIdeographic
    }
  }

  /// Whether a letter is a Hangul vowel or trailing consonant jamo, which joins the syllable before it.
  private static func isHangulVowelOrTrailingJamo(_ value: UInt32) -> Bool {
    (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value)
  }
}
