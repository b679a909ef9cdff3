/// The Snowball English stemmer, "Porter2" (M. F. Porter, "Snowball: A language for stemming algorithms",
/// 2001; https://snowballstem.org/algorithms/english/stemmer.html), as in Snowball 3.0.0: the same stems as
/// PyStemmer 3.1's `english`.
///
/// Beyond Porter's 1980 algorithm it has exceptional forms (`skies` → `sky`, `news`, `dying` → `die`,
/// `inning`), R1 after the prefixes `gener`, `commun`, `arsen`, `inter`, `past`, `univers`, `later`, `emerg`
/// and `organ` (Snowball 3.0.1 drops `inter` again; PyStemmer 3.1 keeps it), consonant `y` handling, and
/// removal of the possessive `'s`. Works on ASCII bytes: a word with any non-ASCII scalar is returned unchanged
/// (the accent folding before it turns accented Latin words into ASCII). Words of one or two characters are
/// returned unchanged, as Snowball does.
///
/// - Complexity: O(*n*) in the word's length.
public enum SnowballEnglishStemmer {
  /// The stem of `word`.
  public static func stem(_ word: String) -> String {
    guard var stemmed = StemmerWord(word) else { return word }
    guard stemmed.count >= 3 else { return word }
    if stemmed.count <= 6, let exception = exceptionalForm(of: stemmed) { return exception }
    if stemmed.bytes.first == UInt8(ascii: "'") { stemmed.bytes.removeFirst() }
    let yWasMarked = stemmed.markConsonantYs()
    let (r1, r2) = regions(of: stemmed)
    step1a(&stemmed)
    step1b(&stemmed, r1: r1)
    step1c(&stemmed)
    stemmed.applyLongestMatch(of: step2Suffixes, inRegionFrom: r1, r2: r2)
    stemmed.applyLongestMatch(of: step3Suffixes, inRegionFrom: r1, r2: r2)
    stemmed.applyLongestMatch(of: step4Suffixes, inRegionFrom: r2, r2: r2)
    step5(&stemmed, r1: r1, r2: r2)
    if yWasMarked { stemmed.unmarkYs() }
    return stemmed.string
  }

  /// Whole words with a fixed stem, checked before anything else.
  private static let exceptionalForms: [PackedBytes] = [
    "skis", "skies", "idly", "gently", "ugly", "early", "only", "singly", "sky", "news", "howe", "atlas", "cosmos",
    "bias", "andes",
  ].map { PackedBytes($0.utf8) }
  /// The stems of `exceptionalForms`, in the same order.
  private static let exceptionalStems = [
    "ski", "sky", "idl", "gentl", "ugli", "earli", "onli", "singl", "sky", "news", "howe", "atlas", "cosmos", "bias",
    "andes",
  ]

  /// The fixed stem of a word that is one of the exceptional forms.
  private static func exceptionalForm(of word: StemmerWord) -> String? {
    let head = word.packedHead(before: word.count)
    for (index, form) in exceptionalForms.enumerated() where form.count == word.count && form.forward == head {
      return exceptionalStems[index]
    }
    return nil
  }

  /// Prefixes after which R1 starts, whatever follows them.
  private static let regionPrefixes: [PackedBytes] = [
    PackedBytes("gener"), PackedBytes("commun"), PackedBytes("arsen"), PackedBytes("inter"), PackedBytes("past"),
    PackedBytes("univers"), PackedBytes("later"), PackedBytes("emerg"), PackedBytes("organ"),
  ]

  /// R1 and R2: R1 after one of the special prefixes, or after the first non-vowel following a vowel.
  private static func regions(of word: StemmerWord) -> (Int, Int) {
    let r1: Int
    if let prefix = regionPrefixes.first(where: { word.hasPrefix($0) }) {
      r1 = prefix.count
    } else {
      r1 = word.regionStart(from: 0)
      // Snowball stops before R2 when R1 is empty; R2 then stays at the end as well.
      if r1 == word.count { return (r1, r1) }
    }
    return (r1, word.regionStart(from: r1))
  }

  /// Whether the letters before `end` form a short syllable: a non-vowel other than `w`, `x`, `Y` after a
  /// vowel after a non-vowel; a vowel then a non-vowel at the very start; or `past`.
  private static func endsWithShortSyllable(_ word: StemmerWord, at end: Int) -> Bool {
    if PorterStemmer.endsWithShortSyllable(word, at: end) { return true }
    if end == 2, word.isVowel(at: 0), !word.isVowel(at: 1) { return true }
    return end >= 4 && word.bytes[end - 4] == UInt8(ascii: "p") && word.bytes[end - 3] == UInt8(ascii: "a")
      && word.bytes[end - 2] == UInt8(ascii: "s") && word.bytes[end - 1] == UInt8(ascii: "t")
  }

  /// Step 1a: possessives `'`, `'s`, `'s'` removed, then plurals: `sses` → `ss`, `ied`/`ies` → `i` (`ie` after a
  /// single letter), `s` removed when a vowel comes before its previous letter, `us` and `ss` kept.
  private static func step1a(_ word: inout StemmerWord) {
    if word.hasSuffix("'s'") {
      word.bytes.removeLast(3)
    } else if word.hasSuffix("'s") {
      word.bytes.removeLast(2)
    } else if word.hasSuffix("'") {
      word.bytes.removeLast()
    }
    if word.hasSuffix("sses") {
      word.replaceSuffix(length: 4, with: "ss")
    } else if word.hasSuffix("ied") || word.hasSuffix("ies") {
      word.replaceSuffix(length: 3, with: word.count > 4 ? "i" : "ie")
    } else if word.hasSuffix("us") || word.hasSuffix("ss") {
      return
    } else if word.hasSuffix("s") {
      let stemEnd = word.count - 1
      if stemEnd >= 1, word.containsVowel(before: stemEnd - 1) { word.bytes.removeLast() }
    }
  }

  /// Step 1b: `eed`/`eedly` → `ee` in R1 (except `proceed`, `exceed`, `succeed`); `ying` → `ie` after a single
  /// non-vowel; `inning`, `outing`, `canning`, `herring`, `earring`, `evening` kept; otherwise `ed`, `edly`,
  /// `ing`, `ingly` removed after a vowel, then `at`/`bl`/`iz` get an `e`, a double consonant is undoubled
  /// (not in `add`, `egg`, `ebb`...), and a short word gets an `e`.
  private static func step1b(_ word: inout StemmerWord, r1: Int) {
    let suffixLength: Int
    if word.hasSuffix("eedly") || word.hasSuffix("eed") {
      let length = word.hasSuffix("eedly") ? 5 : 3
      let stemEnd = word.count - length
      if eedExceptions.contains(where: { word.bytes(before: stemEnd, equal: $0) }) { return }
      if stemEnd >= r1 { word.replaceSuffix(length: length, with: "ee") }
      return
    } else if word.hasSuffix("ingly") || word.hasSuffix("edly") {
      suffixLength = word.hasSuffix("ingly") ? 5 : 4
    } else if word.hasSuffix("ing") {
      let stemEnd = word.count - 3
      if word.byte(at: stemEnd - 1, is: "y"), stemEnd == 2, !word.isVowel(at: 0) {
        word.replaceSuffix(length: 4, with: "ie")
        return
      }
      if ingExceptions.contains(where: { word.bytes(before: stemEnd, equal: $0) }) { return }
      suffixLength = 3
    } else if word.hasSuffix("ed") {
      suffixLength = 2
    } else {
      return
    }
    let stemEnd = word.count - suffixLength
    guard word.containsVowel(before: stemEnd) else { return }
    word.bytes.removeLast(suffixLength)
    let count = word.count
    if word.hasSuffix("at") || word.hasSuffix("bl") || word.hasSuffix("iz") {
      word.bytes.append(UInt8(ascii: "e"))
    } else if PorterStemmer.endsWithUndoubledConsonantPair(word) {
      let isAfterInitialAEO = count == 3
        && (word.bytes[0] == UInt8(ascii: "a") || word.bytes[0] == UInt8(ascii: "e")
          || word.bytes[0] == UInt8(ascii: "o"))
      if !isAfterInitialAEO { word.bytes.removeLast() }
    } else if count == r1, endsWithShortSyllable(word, at: count) {
      word.bytes.append(UInt8(ascii: "e"))
    }
  }

  /// Words that keep their `eed`: `proceed`, `exceed`, `succeed` (by what comes before the suffix).
  private static let eedExceptions = [PackedBytes("proc"), PackedBytes("exc"), PackedBytes("succ")]

  /// Words that keep their `ing`: `inning`, `outing`, `canning`, `herring`, `earring`, `evening`.
  private static let ingExceptions = [PackedBytes("inn"), PackedBytes("out"), PackedBytes("cann"), PackedBytes("herr"),
                                      PackedBytes("earr"), PackedBytes("even")]

  /// Step 1c: a final `y` or `Y` becomes `i` after a non-vowel that is not the first letter.
  private static func step1c(_ word: inout StemmerWord) {
    let count = word.count
    guard count >= 3, let last = word.bytes.last, last == UInt8(ascii: "y") || last == UInt8(ascii: "Y"),
          !word.isVowel(at: count - 2)
    else { return }
    word.bytes[count - 1] = UInt8(ascii: "i")
  }

  /// Step 2: double suffixes to single ones, in R1; `ogi` only after `l`, `li` only after a valid li-ending.
  private static let step2Suffixes = SuffixTable(
    [("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"), ("izer", "ize"),
     ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("aliti", "al"),
     ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"), ("ousness", "ous"), ("iveness", "ive"),
     ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"), ("ogist", "og"), ("fulli", "ful"), ("lessli", "less")]
      .map { ($0.0, $0.1, nil, false) }
      + [("ogi", "og", "l", false), ("li", "", "cdeghkmnrt", false)])

  /// Step 3: `-ic-`, `-full`, `-ness` and the like, in R1; `ative` only in R2.
  private static let step3Suffixes = SuffixTable(
    [("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ical", "ic"),
     ("ful", ""), ("ness", "")].map { ($0.0, $0.1, nil, false) }
      + [("ative", "", nil, true)])

  /// Step 4: suffixes removed in R2; `ion` only after `s` or `t`.
  private static let step4Suffixes = SuffixTable(
    ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous",
     "ive", "ize"].map { ($0, "", nil, false) } + [("ion", "", "st", false)])

  /// Step 5: a final `e` removed in R2, or in R1 unless a short syllable precedes it; a final `ll` → `l` in R2.
  private static func step5(_ word: inout StemmerWord, r1: Int, r2: Int) {
    let start = word.count - 1
    guard start >= 0 else { return }
    if word.bytes[start] == UInt8(ascii: "e") {
      if start >= r2 || (start >= r1 && !endsWithShortSyllable(word, at: start)) { word.bytes.removeLast() }
    } else if word.bytes[start] == UInt8(ascii: "l") {
      if start >= r2, word.byte(at: start - 1, is: "l") { word.bytes.removeLast() }
    }
  }
}
