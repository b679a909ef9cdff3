import Foundation

/// Folds accented Latin letters to their ASCII base letters: é → e, ñ → n, ß → ss, æ → ae, þ → th.
///
/// Precomposed Latin letters are folded through their canonical decomposition (base letter plus combining
/// marks), and combining diacritical marks (U+0300–U+036F) written after a Latin letter are dropped, so the
/// composed and decomposed spellings of a word fold alike. Letters that do not decompose (ß, æ, œ, ø, ł, đ, ð,
/// þ, ı, ħ, ŧ, ŀ, ĳ, ſ, ŋ, ƒ, ĸ) come from a small table, like Lucene's `ASCIIFoldingFilter`. Other scripts
/// (Greek, Cyrillic, CJK) pass through unchanged, their combining marks included.
///
/// - Complexity: O(*n*); a word that is all ASCII is returned as is after one pass over its bytes. The fold table
///   is built on first use from Foundation's canonical decompositions (about 2 ms, once per process).
public enum AccentFolding {
  /// `word` with its Latin letters folded to ASCII.
  public static func fold(_ word: String) -> String {
    if isASCII(word) { return word }
    var folded: [UInt8] = []
    folded.reserveCapacity(word.utf8.count)
    var changed = false
    var afterLatinLetter = false
    for scalar in word.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        folded.append(UInt8(value))
        afterLatinLetter = (0x61...0x7A).contains(value | 0x20)
      } else if (0x0300...0x036F).contains(value) {
        if afterLatinLetter {
          changed = true
        } else {
          folded.append(contentsOf: scalar.utf8)
        }
      } else if let replacement = latinFold(value) {
        folded.append(contentsOf: replacement)
        changed = true
        afterLatinLetter = true
      } else {
        folded.append(contentsOf: scalar.utf8)
        afterLatinLetter = isLatinLetter(value)
      }
    }
    return changed ? String(decoding: folded, as: UTF8.self) : word
  }

  /// Whether every byte of `word` is ASCII.
  private static func isASCII(_ word: String) -> Bool {
    let union = word.utf8.withContiguousStorageIfAvailable { bytes in bytes.reduce(0 as UInt8) { $0 | $1 } }
      ?? word.utf8.reduce(0 as UInt8) { $0 | $1 }
    return union < 0x80
  }

  /// Latin letters without a canonical decomposition, and their ASCII spellings.
  private static let undecomposableLetters: [UInt32: String] = [
    0x00DF: "ss", 0x1E9E: "SS",  // ß ẞ
    0x00E6: "ae", 0x00C6: "AE",  // æ Æ
    0x0153: "oe", 0x0152: "OE",  // œ Œ
    0x00F8: "o", 0x00D8: "O",  // ø Ø
    0x0142: "l", 0x0141: "L",  // ł Ł
    0x0111: "d", 0x0110: "D",  // đ Đ
    0x00F0: "d", 0x00D0: "D",  // ð Ð
    0x00FE: "th", 0x00DE: "TH",  // þ Þ
    0x0131: "i",  // ı
    0x0127: "h", 0x0126: "H",  // ħ Ħ
    0x0167: "t", 0x0166: "T",  // ŧ Ŧ
    0x0140: "l", 0x013F: "L",  // ŀ Ŀ
    0x0133: "ij", 0x0132: "IJ",  // ĳ Ĳ
    0x017F: "s",  // ſ
    0x014B: "n", 0x014A: "N",  // ŋ Ŋ
    0x0192: "f",  // ƒ
    0x0138: "q",  // ĸ
  ]

  /// The ASCII spelling of a Latin letter that folds, or `nil`.
  private static func latinFold(_ value: UInt32) -> [UInt8]? {
    switch value {
    case 0x00C0...0x024F: return latinFolds[Int(value) - 0x00C0]
    case 0x1E00...0x1EFF: return latinFolds[Int(value) - 0x1E00 + 0x0190]
    default: return nil
    }
  }

  /// Folds of the Latin-1 Supplement, Latin Extended-A and -B letters (U+00C0–U+024F, from index 0) and the
  /// Latin Extended Additional letters (U+1E00–U+1EFF, from index 0x190), built once from their canonical
  /// decompositions and the table of letters that do not decompose.
  private static let latinFolds: [[UInt8]?] = {
    let blocks: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x1E00...0x1EFF]
    return blocks.flatMap { block in
      block.map { value -> [UInt8]? in
        if let spelling = undecomposableLetters[value] { return Array(spelling.utf8) }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        let decomposed = Array(String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard decomposed.count > 1, let base = decomposed.first,
              decomposed.dropFirst().allSatisfy({ (0x0300...0x036F).contains($0.value) })
        else { return nil }
        if base.isASCII, base.properties.isAlphabetic { return [UInt8(base.value)] }
        return undecomposableLetters[base.value].map { Array($0.utf8) }
      }
    }
  }()

  /// Whether a non-ASCII scalar lies in a Latin letter block, so that combining marks after it are dropped.
  private static func isLatinLetter(_ value: UInt32) -> Bool {
    switch value {
    case 0x00C0...0x00D6, 0x00D8...0x00F6, 0x00F8...0x02AF, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF,
         0xAB30...0xAB6F:
      return true
    default:
      return false
    }
  }
}
