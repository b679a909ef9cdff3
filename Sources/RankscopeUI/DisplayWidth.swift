/// Terminal display widths of grapheme clusters, after Unicode's East Asian Width (UAX #11) and
/// emoji presentation (UTS #51), the way terminals lay text out.
///
/// - A cluster whose first scalar is East Asian Wide or Fullwidth takes 2 cells.
/// - A cluster with emoji presentation (an `Emoji_Presentation` scalar, a regional-indicator flag, or a
///   scalar followed by U+FE0F) takes 2 cells.
/// - Combining marks, zero-width and format characters take 0 cells when alone; inside a cluster they
///   ride on its base.
/// - Control characters take 0 cells (views replace them before drawing).
/// - Everything else, including East Asian Ambiguous characters, takes 1 cell.
public enum DisplayWidth {
  /// The number of terminal cells `character` occupies: 0, 1 or 2.
  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    // Fast path for ASCII.
    if first.value < 0x7F && scalars.count == 1 { return first.value < 0x20 ? 0 : 1 }
    if isControl(first) { return 0 }
    var hasEmojiSelector = false
    var regionalIndicators = 0
    for scalar in scalars {
      if scalar.value == 0xFE0F { hasEmojiSelector = true }
      if (0x1F1E6...0x1F1FF).contains(scalar.value) { regionalIndicators += 1 }
    }
    if isZeroWidth(first) {
      // A lone mark or format character; a cluster such as U+200D + emoji is still measured by its emoji.
      let rest = scalars.dropFirst()
      guard let base = rest.first(where: { !isZeroWidth($0) }) else { return 0 }
      return isWide(base) || base.properties.isEmojiPresentation ? 2 : 1
    }
    if isWide(first) { return 2 }
    if first.properties.isEmojiPresentation { return 2 }
    if regionalIndicators >= 1 { return 2 }
    if hasEmojiSelector && first.properties.isEmoji { return 2 }
    return 1
  }

  /// The number of cells `text` occupies when drawn on one line.
  public static func of<S: StringProtocol>(_ text: S) -> Int {
    var total = 0
    for character in text { total += of(character) }
    return total
  }

  /// Whether `scalar` is a C0/C1 control character or DEL.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
  }

  /// Whether `scalar` takes no cell of its own: combining marks, zero-width and format characters.
  static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value == 0x00AD { return false }  // soft hyphen is shown by most terminals
    if (0x1160...0x11FF).contains(value) { return true }  // Hangul medial vowels and final consonants
    if (0x200B...0x200F).contains(value) || (0x2028...0x202E).contains(value)
      || (0x2060...0x206F).contains(value) || value == 0xFEFF || (0xFE00...0xFE0F).contains(value)
      || (0xE0000...0xE0FFF).contains(value)
    {
      return true
    }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return true
    default: return false
    }
  }

  /// Whether `scalar` is East Asian Wide (W) or Fullwidth (F) per Unicode 15's EastAsianWidth.txt.
  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x1100 { return false }
    // Binary search over the sorted, non-overlapping ranges.
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = wideRanges[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }

  /// East Asian Wide and Fullwidth ranges (UAX #11, Unicode 15.1), merged and sorted.
  static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
    0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
    0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
    0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
    0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
    0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55, 0x2E80...0x2E99,
    0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x2FFF, 0x3000...0x303E, 0x3041...0x3096, 0x3099...0x30FF,
    0x3105...0x312F, 0x3131...0x318E, 0x3190...0x31E3, 0x31EF...0x321E, 0x3220...0x3247, 0x3250...0x4DBF,
    0x4E00...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
    0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
    0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08, 0x1AFF0...0x1AFF3,
    0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE, 0x1B000...0x1B122, 0x1B132...0x1B132, 0x1B150...0x1B152,
    0x1B155...0x1B155, 0x1B164...0x1B167, 0x1B170...0x1B2FB, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF,
    0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248,
    0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C,
    0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4,
    0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E,
    0x1F550...0x1F567, 0x1F57A...0x1F57A, 0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F,
    0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF,
    0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A,
    0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FA7C, 0x1FA80...0x1FA88, 0x1FA90...0x1FABD,
    0x1FABF...0x1FAC5, 0x1FACE...0x1FADB, 0x1FAE0...0x1FAE8, 0x1FAF0...0x1FAF8, 0x20000...0x2FFFD,
    0x30000...0x3FFFD,
  ]
}

extension String {
  /// The number of terminal cells the string occupies on one line.
  public var displayWidth: Int { DisplayWidth.of(self) }

  /// The string cut to at most `width` cells; when cut, it ends with `ellipsis` (which counts in the width).
  ///
  /// A wide character that would straddle the limit is dropped rather than split.
  public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    if displayWidth <= width { return self }
    let ellipsisWidth = ellipsis.displayWidth
    let budget = width - ellipsisWidth
    guard budget >= 0 else { return String(repeating: ".", count: width) }
    var result = ""
    var used = 0
    for character in self {
      let cells = DisplayWidth.of(character)
      if used + cells > budget { break }
      result.append(character)
      used += cells
    }
    return result + ellipsis
  }

  /// The string padded with spaces (or cut, without ellipsis) to exactly `width` cells.
  public func padded(toWidth width: Int, alignRight: Bool = false) -> String {
    guard width > 0 else { return "" }
    let fitted = displayWidth > width ? truncated(toWidth: width, ellipsis: "") : self
    let padding = String(repeating: " ", count: max(0, width - fitted.displayWidth))
    return alignRight ? padding + fitted : fitted + padding
  }
}
