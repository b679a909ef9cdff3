/// A word being stemmed by one of the Snowball-style suffix strippers: its ASCII bytes and the operations
/// the Porter and Snowball English stemmers share (vowel tests, regions, consonant-y marking, suffix tables).
///
/// Positions are byte offsets; for an ASCII word they are also character offsets, as in Snowball's cursor.
/// Suffixes and short prefixes are compared as up-to-eight bytes packed into one integer.
struct StemmerWord {
  /// The word's bytes; a `Y` marks a `y` that acts as a consonant.
  var bytes: [UInt8]

  /// The word's bytes, or `nil` when the word has a non-ASCII scalar.
  init?(_ word: String) {
    bytes = Array(word.utf8)
    var union: UInt8 = 0
    for byte in bytes { union |= byte }
    if union >= 0x80 { return nil }
  }

  /// The length in bytes.
  var count: Int { bytes.count }

  /// The word as a string.
  var string: String { String(decoding: bytes, as: UTF8.self) }

  /// Whether `byte` is a vowel, Snowball's grouping `v` = `aeiouy` (a `Y` is a consonant).
  @inline(__always)
  static func isVowel(_ byte: UInt8) -> Bool {
    // Bits 0, 4, 8, 14, 20 and 24: a, e, i, o, u and y as offsets from `a`.
    let offset = byte &- UInt8(ascii: "a")
    return offset < 25 && (0x0110_4111 as UInt32) >> offset & 1 == 1
  }

  /// Whether the byte at `position` is a vowel.
  @inline(__always)
  func isVowel(at position: Int) -> Bool { Self.isVowel(bytes[position]) }

  /// Whether a vowel occurs before `end` (Snowball's backward `gopast v` from `end`).
  func containsVowel(before end: Int) -> Bool {
    var position = end - 1
    while position >= 0 {
      if isVowel(at: position) { return true }
      position -= 1
    }
    return false
  }

  /// Whether the byte at `position` is `character`.
  func byte(at position: Int, is character: Unicode.Scalar) -> Bool {
    position >= 0 && position < bytes.count && bytes[position] == UInt8(character.value)
  }

  /// The last eight bytes (fewer in a shorter word) packed into an integer, the last byte lowest.
  var packedTail: UInt64 {
    let count = bytes.count
    if count >= 8 {
      return bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) }
        .littleEndian.byteSwapped
    }
    var packed: UInt64 = 0
    for byte in bytes { packed = packed << 8 | UInt64(byte) }
    return packed
  }

  /// The bytes before `end` (at most eight) packed into an integer, the first byte lowest.
  func packedHead(before end: Int) -> UInt64 {
    var packed: UInt64 = 0
    var position = min(end, 8) - 1
    while position >= 0 {
      packed = packed << 8 | UInt64(bytes[position])
      position -= 1
    }
    return packed
  }

  /// Whether the word ends with `suffix`.
  @inline(__always)
  func hasSuffix(_ suffix: PackedBytes) -> Bool {
    packedTail & suffix.mask == suffix.reversed
  }

  /// Whether the word ends with the ASCII `suffix`, compared from its last byte.
  func hasSuffix(_ suffix: StaticString) -> Bool {
    let length = suffix.utf8CodeUnitCount
    let start = bytes.count - length
    guard start >= 0 else { return false }
    let suffixBytes = suffix.utf8Start
    return bytes.withUnsafeBufferPointer { word in
      var offset = length - 1
      while offset >= 0 {
        if word[start + offset] != suffixBytes[offset] { return false }
        offset -= 1
      }
      return true
    }
  }

  /// Whether the word starts with `prefix`.
  func hasPrefix(_ prefix: PackedBytes) -> Bool {
    bytes.count >= prefix.count && packedHead(before: prefix.count) == prefix.forward
  }

  /// Whether the bytes before `end` are exactly `prefix`.
  func bytes(before end: Int, equal prefix: PackedBytes) -> Bool {
    end == prefix.count && packedHead(before: end) == prefix.forward
  }

  /// Replaces the last `length` bytes with `replacement`.
  mutating func replaceSuffix(length: Int, with replacement: PackedBytes) {
    bytes.removeLast(length)
    replacement.append(to: &bytes)
  }

  /// Replaces the last `length` bytes with the ASCII `replacement`.
  mutating func replaceSuffix(length: Int, with replacement: StaticString) {
    bytes.removeLast(length)
    bytes.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
  }

  /// Marks as `Y` every `y` that acts as a consonant: at the start, or after a vowel; whether any was marked.
  mutating func markConsonantYs() -> Bool {
    var marked = false
    let y = UInt8(ascii: "y")
    if bytes.first == y {
      bytes[0] = UInt8(ascii: "Y")
      marked = true
    }
    var position = 1
    while position < bytes.count {
      if bytes[position] == y, isVowel(at: position - 1) {
        bytes[position] = UInt8(ascii: "Y")
        marked = true
      }
      position += 1
    }
    return marked
  }

  /// Turns every `Y` back into `y`.
  mutating func unmarkYs() {
    for position in bytes.indices where bytes[position] == UInt8(ascii: "Y") {
      bytes[position] = UInt8(ascii: "y")
    }
  }

  /// The start of the region after the first non-vowel that follows a vowel at or after `start`, or the
  /// word's length when there is none (Snowball's `gopast v gopast non-v`); gives R1 from 0, R2 from R1.
  func regionStart(from start: Int) -> Int {
    var position = start
    while position < bytes.count, !isVowel(at: position) { position += 1 }
    while position < bytes.count, isVowel(at: position) { position += 1 }
    return min(position + 1, bytes.count)
  }

  /// Applies the longest matching rule of `table` if its suffix starts at or after `regionStart` (and in R2 at
  /// `r2` when the rule asks), and the byte before it qualifies; whether the word changed.
  @discardableResult
  mutating func applyLongestMatch(of table: SuffixTable, inRegionFrom regionStart: Int, r2: Int) -> Bool {
    guard let rule = table.longestMatch(in: self) else { return false }
    let start = bytes.count - rule.suffix.count
    guard start >= regionStart, !rule.needsR2 || start >= r2 else { return false }
    if rule.precededBy != 0 {
      guard start > 0 else { return false }
      let before = bytes[start - 1]
      guard before >= 0x40, before < 0x80, rule.precededBy >> (before - 0x40) & 1 == 1 else { return false }
    }
    replaceSuffix(length: rule.suffix.count, with: rule.replacement)
    return true
  }
}

/// Up to eight ASCII bytes packed into integers for one-instruction comparisons with a word's ends.
struct PackedBytes: Sendable {
  /// The number of bytes.
  let count: Int
  /// The bytes, the first lowest.
  let forward: UInt64
  /// The bytes, the last lowest (as `StemmerWord.packedTail` packs a word's end).
  let reversed: UInt64
  /// The low `count` bytes set.
  let mask: UInt64

  /// Packs `text`, which must be ASCII and at most eight bytes long.
  init(_ text: StaticString) {
    let bytes = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    self.init(bytes)
  }

  /// Packs `bytes`, at most eight.
  init<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
    precondition(bytes.count <= 8, "at most eight bytes")
    count = bytes.count
    var forward: UInt64 = 0
    var reversed: UInt64 = 0
    for (index, byte) in bytes.enumerated() {
      forward |= UInt64(byte) << (8 * UInt64(index))
      reversed = reversed << 8 | UInt64(byte)
    }
    self.forward = forward
    self.reversed = reversed
    mask = count >= 8 ? ~0 : (1 << (8 * UInt64(count))) - 1
  }

  /// Appends the bytes to `bytes`.
  func append(to bytes: inout [UInt8]) {
    for index in 0..<count { bytes.append(UInt8(truncatingIfNeeded: forward >> (8 * UInt64(index)))) }
  }
}

/// A table of suffixes that finds the longest one a word ends with, as Snowball's `among`.
struct SuffixTable: Sendable {
  /// What happens to a matched suffix.
  struct Rule: Sendable {
    /// The suffix.
    let suffix: PackedBytes
    /// The bytes that replace the suffix (none to delete it).
    let replacement: PackedBytes
    /// When not zero, the letters one of which must come before the suffix: bit *n* for the byte 0x40 + *n*.
    let precededBy: UInt64
    /// Whether the suffix must also lie in R2.
    let needsR2: Bool
  }

  /// The rules sorted by the suffix's last byte, then longest suffix first.
  private let rules: [Rule]
  /// Where the rules for each last byte start in `rules`; the entry after a byte's is where they end.
  private let bucketStarts: [Int]

  /// A table of rules `(suffix, replacement, bytes one of which must precede the suffix, needs R2)`.
  init(_ rules: [(String, String, String?, Bool)]) {
    let built = rules.map { suffix, replacement, precededBy, needsR2 in
      Rule(suffix: PackedBytes(suffix.utf8), replacement: PackedBytes(replacement.utf8),
           precededBy: (precededBy ?? "").utf8.reduce(0 as UInt64) { $0 | 1 << ($1 - 0x40) }, needsR2: needsR2)
    }
    let lastByte = { (rule: Rule) in Int(rule.suffix.reversed & 0xFF) }
    self.rules = built.sorted { lastByte($0) != lastByte($1) ? lastByte($0) < lastByte($1)
                                                           : $0.suffix.count > $1.suffix.count }
    var starts = [Int](repeating: 0, count: 129)
    for rule in self.rules { starts[lastByte(rule) + 1] += 1 }
    for byte in 0..<128 { starts[byte + 1] += starts[byte] }
    bucketStarts = starts
  }

  /// A table of `suffix → replacement` rules.
  init(replacements: [(String, String)]) {
    self.init(replacements.map { ($0.0, $0.1, nil, false) })
  }

  /// The rule of the longest suffix of `word` in the table.
  func longestMatch(in word: StemmerWord) -> Rule? {
    guard let last = word.bytes.last, last < 0x80 else { return nil }
    let tail = word.packedTail
    for index in bucketStarts[Int(last)]..<bucketStarts[Int(last) + 1] {
      let rule = rules[index]
      if tail & rule.suffix.mask == rule.suffix.reversed { return rule }
    }
    return nil
  }
}
