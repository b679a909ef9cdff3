import Foundation
import Testing
@testable import RankscopeEngine

/// One line of `Fixtures/stemmer-vectors.tsv`: a word and its PyStemmer stems.
private struct StemmerVector {
  let word: String
  let porter: String
  let snowball: String
}

/// The vectors of `Fixtures/stemmer-vectors.tsv`, made by `scripts/make-stemmer-vectors.py` with PyStemmer.
private func stemmerVectors() throws -> [StemmerVector] {
  let text = try String(contentsOf: fixtureURL("stemmer-vectors.tsv"), encoding: .utf8)
  return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
    let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    return StemmerVector(word: columns[0], porter: columns.count > 1 ? columns[1] : "",
                         snowball: columns.count > 2 ? columns[2] : "")
  }
}

/// The URL of `Fixtures/<name>`, found by walking up from this file to the folder that holds it (this file may be
/// reached through a symbolic link, so the test-target folder is not at a fixed depth).
private func fixtureURL(_ name: String, filePath: String = #filePath) throws -> URL {
  var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
  while folder.path != "/" {
    let candidate = folder.appendingPathComponent("Fixtures").appendingPathComponent(name)
    if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
    folder = folder.deletingLastPathComponent()
  }
  throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/\(name)"])
}

@Suite struct StemmerTests {
  @Test func porterMatchesPyStemmerOnEveryVector() throws {
    let vectors = try stemmerVectors()
    #expect(vectors.count >= 5_000)
    let mismatches = vectors.filter { PorterStemmer.stem($0.word) != $0.porter }
    let report = mismatches.prefix(20).map { "\($0.word) → \(PorterStemmer.stem($0.word)), not \($0.porter)" }
    #expect(mismatches.isEmpty, "\(mismatches.count) of \(vectors.count) differ: \(report)")
  }

  @Test func snowballMatchesPyStemmerOnEveryVector() throws {
    let vectors = try stemmerVectors()
    #expect(vectors.count >= 5_000)
    let mismatches = vectors.filter { SnowballEnglishStemmer.stem($0.word) != $0.snowball }
    let report = mismatches.prefix(20).map {
      "\($0.word) → \(SnowballEnglishStemmer.stem($0.word)), not \($0.snowball)"
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) of \(vectors.count) differ: \(report)")
  }

  /// Examples from Porter's 1980 paper.
  @Test(arguments: [
    ("caresses", "caress"), ("ponies", "poni"), ("ties", "ti"), ("caress", "caress"), ("cats", "cat"),
    ("feed", "feed"), ("agreed", "agre"), ("plastered", "plaster"), ("bled", "bled"), ("motoring", "motor"),
    ("sing", "sing"), ("conflated", "conflat"), ("troubled", "troubl"), ("sized", "size"), ("hopping", "hop"),
    ("tanned", "tan"), ("falling", "fall"), ("hissing", "hiss"), ("fizzed", "fizz"), ("failing", "fail"),
    ("filing", "file"), ("happy", "happi"), ("sky", "sky"), ("relational", "relat"), ("conditional", "condit"),
    ("rational", "ration"), ("valenci", "valenc"), ("hesitanci", "hesit"), ("digitizer", "digit"),
    ("conformabli", "conform"), ("radicalli", "radic"), ("differentli", "differ"), ("vileli", "vile"),
    ("analogousli", "analog"), ("vietnamization", "vietnam"), ("predication", "predic"), ("operator", "oper"),
    ("feudalism", "feudal"), ("decisiveness", "decis"), ("hopefulness", "hope"), ("callousness", "callous"),
    ("formaliti", "formal"), ("sensitiviti", "sensit"), ("sensibiliti", "sensibl"), ("triplicate", "triplic"),
    ("formative", "form"), ("formalize", "formal"), ("electriciti", "electr"), ("electrical", "electr"),
    ("hopeful", "hope"), ("goodness", "good"), ("revival", "reviv"), ("allowance", "allow"),
    ("inference", "infer"), ("airliner", "airlin"), ("gyroscopic", "gyroscop"), ("adjustable", "adjust"),
    ("defensible", "defens"), ("irritant", "irrit"), ("replacement", "replac"), ("adjustment", "adjust"),
    ("dependent", "depend"), ("adoption", "adopt"), ("homologou", "homolog"), ("communism", "commun"),
    ("activate", "activ"), ("angulariti", "angular"), ("homologous", "homolog"), ("effective", "effect"),
    ("bowdlerize", "bowdler"), ("probate", "probat"), ("rate", "rate"), ("cease", "ceas"),
    ("controll", "control"), ("roll", "roll"), ("generalizations", "gener"), ("oscillators", "oscil"),
  ])
  func porterPaperExamples(word: String, stem: String) {
    #expect(PorterStemmer.stem(word) == stem)
  }

  @Test func porterEdgeCases() {
    #expect(PorterStemmer.stem("") == "")
    #expect(PorterStemmer.stem("s") == "s")  // Snowball's porter gives "": one-character words are kept.
    #expect(PorterStemmer.stem("a") == "a")
    #expect(PorterStemmer.stem("us") == "u")
    #expect(PorterStemmer.stem("ay") == "ai")
    #expect(PorterStemmer.stem("yes") == "ye")
    #expect(PorterStemmer.stem("1960s") == "1960")
    #expect(PorterStemmer.stem("naïve") == "naïve")
    #expect(PorterStemmer.stem("дома") == "дома")
    #expect(PorterStemmer.stem("RUNNING") == "RUNNING")
    #expect(PorterStemmer.stem("saying") == "sai")
    #expect(PorterStemmer.stem("yyyyyyyyy") == "yyyyyyyyi")
    #expect(PorterStemmer.stem(String(repeating: "ational", count: 1_000)).count < 7_000)
  }

  /// Examples from the Snowball English stemmer's vocabulary, and its special cases.
  @Test(arguments: [
    ("consign", "consign"), ("consigned", "consign"), ("consigning", "consign"), ("consignment", "consign"),
    ("consistency", "consist"), ("consistently", "consist"), ("consolation", "consol"),
    ("consolatory", "consolatori"), ("consolingly", "consol"), ("conspicuously", "conspicu"),
    ("conspiracy", "conspiraci"), ("constancy", "constanc"), ("knackeries", "knackeri"), ("kneeling", "kneel"),
    ("knightly", "knight"), ("knitting", "knit"), ("knives", "knive"),
    // Exceptional forms.
    ("skis", "ski"), ("skies", "sky"), ("sky", "sky"), ("dying", "die"), ("lying", "lie"), ("tying", "tie"),
    ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"), ("only", "onli"),
    ("singly", "singl"), ("news", "news"), ("howe", "howe"), ("atlas", "atlas"), ("cosmos", "cosmos"),
    ("bias", "bias"), ("andes", "andes"), ("inning", "inning"), ("innings", "inning"), ("outing", "outing"),
    ("canning", "canning"), ("herring", "herring"), ("earring", "earring"), ("evening", "evening"),
    ("proceed", "proceed"), ("exceeded", "exceed"), ("succeeding", "succeed"),
    // R1 after special prefixes.
    ("generously", "generous"), ("communism", "communism"), ("arsenal", "arsenal"), ("universal", "universal"),
    ("pasted", "paste"), ("lateral", "lateral"), ("emergency", "emergenc"), ("organic", "organic"),
    ("international", "internat"), ("interval", "interval"),
    // Possessives, y, undoubling after a, e, o.
    ("dog's", "dog"), ("dogs'", "dog"), ("'tis", "tis"), ("sky's", "ski"), ("youth", "youth"), ("boys", "boy"),
    ("cried", "cri"), ("ties", "tie"), ("added", "add"), ("egged", "egg"), ("hopping", "hop"), ("hoped", "hope"),
    ("agreed", "agre"), ("geologist", "geolog"), ("apology", "apolog"), ("fluently", "fluentli"),
  ])
  func snowballExamples(word: String, stem: String) {
    #expect(SnowballEnglishStemmer.stem(word) == stem)
  }

  @Test func snowballEdgeCases() {
    #expect(SnowballEnglishStemmer.stem("") == "")
    #expect(SnowballEnglishStemmer.stem("s") == "s")
    #expect(SnowballEnglishStemmer.stem("us") == "us")
    #expect(SnowballEnglishStemmer.stem("'s") == "'s")
    #expect(SnowballEnglishStemmer.stem("'") == "'")
    #expect(SnowballEnglishStemmer.stem("1960s") == "1960s")
    #expect(SnowballEnglishStemmer.stem("naïve") == "naïve")
    #expect(SnowballEnglishStemmer.stem("дома") == "дома")
    #expect(SnowballEnglishStemmer.stem("yyyyyyyyy") == "yyyyyyyyy")
    #expect(SnowballEnglishStemmer.stem(String(repeating: "ational", count: 1_000)).count < 7_000)
  }
}
