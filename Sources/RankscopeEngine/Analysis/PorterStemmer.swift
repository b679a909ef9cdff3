/// Porter's original suffix-stripping stemmer (M. F. Porter, "An algorithm for suffix stripping", Program
/// 14(3), 130–137, 1980), as Snowball's `porter` algorithm defines it: the same stems as PyStemmer's `porter`.
///
/// Works on ASCII bytes. A word with any non-ASCII scalar is returned unchanged (the accent folding before it
/// turns accented Latin words into ASCII; other scripts have no English suffixes). A one-character word is also
/// returned unchanged, where Snowball would strip the lone `s` to an empty stem; longer words, two-letter ones
/// included, get exactly Snowball's stems, since `bm25s` stems every token of two or more characters.
///
/// - Complexity: O(*n*) in the word's length.
public enum PorterStemmer {
  /// The stem of `word`.
  public static func stem(_ word: String) -> String {
    guard word.utf8.count > 1, var stemmed = StemmerWord(word) else { return word }
    let yWasMarked = stemmed.markConsonantYs()
    let r1 = stemmed.regionStart(from: 0)
    let r2 = stemmed.regionStart(from: r1)
    step1a(&stemmed)
    step1b(&stemmed, r1: r1)
    step1c(&stemmed)
    stemmed.applyLongestMatch(of: step2Suffixes, inRegionFrom: r1, r2: r2)
    stemmed.applyLongestMatch(of: step3Suffixes, inRegionFrom: r1, r2: r2)
    stemmed.applyLongestMatch(of: step4Suffixes, inRegionFrom: r2, r2: r2)
    step5a(&stemmed, r1: r1, r2: r2)
    step5b(&stemmed, r2: r2)
    if yWasMarked { stemmed.unmarkYs() }
    return stemmed.string
  }

  /// Step 1a: plurals. `sses` → `ss`, `ies` → `i`, `ss` stays, `s` is removed.
  private static func step1a(_ word: inout StemmerWord) {
    guard word.bytes.last == UInt8(ascii: "s") else { return }
    if word.hasSuffix("sses") {
      word.replaceSuffix(length: 4, with: "ss")
    } else if word.hasSuffix("ies") {
      word.replaceSuffix(length: 3, with: "i")
    } else if !word.hasSuffix("ss") {
      word.bytes.removeLast()
    }
  }

  /// Step 1b: `eed` → `ee` in R1; `ed` and `ing` removed after a vowel, then `at`/`bl`/`iz` get an `e`, a double
  /// consonant is undoubled, and a short word (R1 empty, ending consonant-vowel-consonant) gets an `e`.
  private static func step1b(_ word: inout StemmerWord, r1: Int) {
    let suffixLength: Int
    if word.hasSuffix("eed") {
      if word.count - 3 >= r1 { word.replaceSuffix(length: 3, with: "ee") }
      return
    } else if word.hasSuffix("ed") {
      suffixLength = 2
    } else if word.hasSuffix("ing") {
      suffixLength = 3
    } else {
      return
    }
    let stemEnd = word.count - suffixLength
    guard word.containsVowel(before: stemEnd) else { return }
    word.bytes.removeLast(suffixLength)
    if word.hasSuffix("at") || word.hasSuffix("bl") || word.hasSuffix("iz") {
      word.bytes.append(UInt8(ascii: "e"))
    } else if endsWithUndoubledConsonantPair(word) {
      word.bytes.removeLast()
    } else if word.count == r1, endsWithShortSyllable(word, at: word.count) {
      word.bytes.append(UInt8(ascii: "e"))
    }
  }

  /// Whether the word ends with `bb`, `dd`, `ff`, `gg`, `mm`, `nn`, `pp`, `rr` or `tt`.
  static func endsWithUndoubledConsonantPair(_ word: StemmerWord) -> Bool {
    let count = word.count
    guard count >= 2, word.bytes[count - 1] == word.bytes[count - 2] else { return false }
    switch word.bytes[count - 1] {
    case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "m"),
         UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      return true
    default:
      return false
    }
  }

  /// Whether the letters before `end` are consonant, vowel, consonant other than `w`, `x` or `Y` (Porter's *o).
  static func endsWithShortSyllable(_ word: StemmerWord, at end: Int) -> Bool {
    guard end >= 3 else { return false }
    let last = word.bytes[end - 1]
    let isVowelOrWXY = StemmerWord.isVowel(last) || last == UInt8(ascii: "w") || last == UInt8(ascii: "x")
      || last == UInt8(ascii: "Y")
    return !isVowelOrWXY && word.isVowel(at: end - 2) && !word.isVowel(at: end - 3)
  }

  /// Step 1c: a final `y` becomes `i` when a vowel comes before it.
  private static func step1c(_ word: inout StemmerWord) {
    guard let last = word.bytes.last, last == UInt8(ascii: "y") || last == UInt8(ascii: "Y"),
          word.containsVowel(before: word.count - 1)
    else { return }
    word.bytes[word.count - 1] = UInt8(ascii: "i")
  }

  /// Step 2: double suffixes to single ones, in R1.
  private static let step2Suffixes = SuffixTable(replacements: [
    ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"), ("eli", "e"),
    ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"), ("alli", "al"),
    ("alism", "al"), ("aliti", "al"), ("fulness", "ful"), ("ousli", "ous"), ("ousness", "ous"),
    ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"),
  ])

  /// Step 3: `-ic-`, `-full`, `-ness` and the like, in R1.
  private static let step3Suffixes = SuffixTable(replacements: [
    ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ical", "ic"), ("ative", ""), ("ful", ""), ("ness", ""),
  ])

  /// Step 4: suffixes removed in R2; `ion` only after `s` or `t`.
  private static let step4Suffixes = SuffixTable(
    ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism", "ate", "iti",
     "ous", "ive", "ize"].map { ($0, "", nil, false) } + [("ion", "", "st", false)])

  /// Step 5a: a final `e` is removed in R2, or in R1 unless the word then ends with a short syllable.
  private static func step5a(_ word: inout StemmerWord, r1: Int, r2: Int) {
    guard word.bytes.last == UInt8(ascii: "e") else { return }
    let start = word.count - 1
    if start >= r2 || (start >= r1 && !endsWithShortSyllable(word, at: start)) {
      word.bytes.removeLast()
    }
  }

  /// Step 5b: a final `ll` becomes `l` in R2.
  private static func step5b(_ word: inout StemmerWord, r2: Int) {
    let start = word.count - 1
    guard word.bytes.last == UInt8(ascii: "l"), start >= r2, word.byte(at: start - 1, is: "l") else { return }
    word.bytes.removeLast()
  }
}
