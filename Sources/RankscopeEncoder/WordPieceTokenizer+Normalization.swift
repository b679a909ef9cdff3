import Foundation

extension WordPieceTokenizer {
  /// BERT's text normalisation, as the reference `BertNormalizer` applies it, in its order:
  /// 1. clean: drop NUL, U+FFFD and "other" characters (categories Cc, Cf, Co; not tab, newline, carriage
  ///    return), turn every white-space character into a space;
  /// 2. put spaces around each CJK ideograph, so each becomes a word of its own;
  /// 3. strip accents: canonical decomposition (NFD), then drop non-spacing marks (category Mn);
  /// 4. lower-case, scalar by scalar (full lower-case mappings, no context).
  static func normalize(_ input: Substring.UnicodeScalarView) -> [Unicode.Scalar] {
    var cleaned = String.UnicodeScalarView()
    var isASCII = true
    for scalar in input {
      if scalar.value == 0 || scalar.value == 0xFFFD || isControl(scalar) { continue }
      if scalar.properties.isWhitespace {
        cleaned.append(" ")
      } else if isChineseCharacter(scalar) {
        cleaned.append(" ")
        cleaned.append(scalar)
        cleaned.append(" ")
        isASCII = false
      } else {
        cleaned.append(scalar)
        isASCII = isASCII && scalar.isASCII
      }
    }
    var result: [Unicode.Scalar] = []
    result.reserveCapacity(cleaned.count)
    if isASCII {
      for scalar in cleaned {
        result.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
      }
      return result
    }
    let decomposed = String(cleaned).decomposedStringWithCanonicalMapping
    for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
      if scalar.isASCII {
        result.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
      } else {
        result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      }
    }
    return result
  }

  /// Splits normalised text into words: white space separates, and each punctuation character is a word.
  static func words(in text: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
    var words: [ArraySlice<Unicode.Scalar>] = []
    var wordStart = 0
    for (index, scalar) in text.enumerated() {
      if scalar.properties.isWhitespace {
        if wordStart < index { words.append(text[wordStart..<index]) }
        wordStart = index + 1
      } else if isPunctuation(scalar) {
        if wordStart < index { words.append(text[wordStart..<index]) }
        words.append(text[index...index])
        wordStart = index + 1
      }
    }
    if wordStart < text.count { words.append(text[wordStart...]) }
    return words
  }

  /// The characters BERT's cleaning drops: controls (Cc), formats (Cf) and private use (Co), except tab,
  /// newline and carriage return. Unassigned code points (Cn) are kept, as the reference tokenizer keeps
  /// them (Python BERT drops them); a word containing one becomes `[UNK]`.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\t", "\n", "\r":
      return false
    default:
      switch scalar.properties.generalCategory {
      case .control, .format, .surrogate, .privateUse: return true
      default: return false
      }
    }
  }

  /// BERT's punctuation: ASCII 33–47, 58–64, 91–96 and 123–126 (which includes symbols such as `$`, `+`,
  /// `^`), plus every Unicode punctuation category (P*).
  static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 33...47, 58...64, 91...96, 123...126:
      return true
    default:
      switch scalar.properties.generalCategory {
      case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation, .finalPunctuation, .otherPunctuation:
        return true
      default:
        return false
      }
    }
  }

  /// BERT's CJK ideographs: the CJK Unified Ideographs block, extensions A to E, and the two compatibility
  /// blocks (not Hangul, Hiragana or Katakana, which are split like other scripts).
  static func isChineseCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
      0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
      return true
    default:
      return false
    }
  }
}
