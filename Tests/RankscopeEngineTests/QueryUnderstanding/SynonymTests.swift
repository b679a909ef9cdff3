import Foundation
import Testing
@testable import RankscopeEngine

/// The synonym file format, the miner on a synthetic log, and the merged table's matching.
@Suite("Synonyms")
struct SynonymTests {
  static func words(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }

  @Test("rules: equivalence, one-way, weights, comments, normalization")
  func parsing() throws {
    let text = """
      # a comment

      Sofa, couch , SETTEE   # trailing comment
      mcm => Mid-Century  Modern | 0.8
      crème brûlée, creme brulee dessert|1
      a, b => c | 0.25
      """
    let file = try SynonymFile.parse(text, path: "syn.txt")
    #expect(file.rules.count == 4)
    let sofa = file.rules[0]
    #expect(sofa.line == 3 && sofa.isEquivalence && sofa.weight == 1)
    #expect(sofa.left == [["sofa"], ["couch"], ["settee"]])
    #expect(sofa.rewrites.count == 6)
    let mcm = file.rules[1]
    #expect(!mcm.isEquivalence && mcm.weight == 0.8 && mcm.left == [["mcm"]] && mcm.right == [["mid", "century", "modern"]])
    #expect(mcm.rewrites.map(\.replacement) == [["mid", "century", "modern"]])
    #expect(file.rules[2].left == [["creme", "brulee"], ["creme", "brulee", "dessert"]])
    #expect(file.rules[3].rewrites.map { $0.phrase + $0.replacement } == [["a", "c"], ["b", "c"]])
  }

  @Test("each bad line throws naming file, line and reason", arguments: [
    ("sofa, , couch", "empty phrase"), ("=> couch", "empty phrase"), ("couch =>", "empty phrase"),
    ("sofa, couch | 0", "out of range"), ("sofa, couch | 1.5", "out of range"), ("sofa, couch | -1", "out of range"),
    ("sofa, couch | heavy", "bad weight"), ("sofa, couch | nan", "bad weight"), ("sofa, couch |", "without a weight"),
    ("sofa, couch | 0.5 | 0.2", "more than one '|'"), ("a => b => c", "more than one '=>'"),
    ("Sofa => sofa", "mapped to itself"), ("sofa, SOFA", "at least two different"), ("sofa", "at least two different"),
    ("🛋️, ¿?", "empty phrase"), ("\u{0301}\u{200D}, x", "empty phrase"),
  ])
  func errors(line: String, reason: String) throws {
    let text = "# header\n\nsofa, couch\n" + line + "\n"
    do {
      _ = try SynonymFile.parse(text, path: "dir/syn.txt")
      Issue.record("no error for \(line)")
    } catch {
      #expect(error.file == "dir/syn.txt" && error.line == 4)
      #expect(error.reason.contains(reason), "\(error)")
      #expect(error.description.hasPrefix("dir/syn.txt:4: "))
    }
  }

  @Test("odd Unicode never crashes: it is normalized or reported")
  func oddUnicode() throws {
    let text = "Ｓｏｆａ, ｃｏｕｃｈ\nnaïve café => naive cafe\u{0301}x\n日本語, 和文\n\u{FEFF}x, y\r\n"
    let file = try SynonymFile.parse(text, path: "u")
    #expect(file.rules.count == 4)
    #expect(file.rules[1].left == [["naive", "cafe"]])
    let windows = try SynonymFile.parse("# crlf\r\nsofa, couch\r\n\r\nmcm => mid century modern\r\n", path: "w")
    #expect(windows.rules.map(\.line) == [2, 4] && windows.rules[1].right == [["mid", "century", "modern"]])
    do {
      _ = try SynonymFile.parse("a, b\r\nc, d\r\nbad |\r\n", path: "w")
      Issue.record("no error")
    } catch {
      #expect(error.line == 3)
    }
  }

  @Test("equivalence expands both ways, one-way only forward; weights and file sources are kept")
  func expansion() throws {
    let file = try SynonymFile.parse("sofa, couch\nmcm => mid century modern | 0.8\n", path: "s.txt")
    let table = SynonymTable(file: file)
    let couch = table.expansions(of: Self.words("boho couch"))
    #expect(couch == [SynonymMatch(range: 1..<2, phrase: ["couch"], replacement: ["sofa"], weight: 1,
                                   source: .file(path: "s.txt", line: 1))])
    #expect(table.expansions(of: ["sofa"]).map(\.replacement) == [["couch"]])
    let mcm = table.expansions(of: Self.words("mcm chair"))
    #expect(mcm.count == 1 && mcm[0].weight == 0.8 && mcm[0].replacement == Self.words("mid century modern"))
    #expect(table.expansions(of: Self.words("mid century modern chair")).isEmpty, "one-way rules do not go back")
    #expect(table.expansions(ofQuery: "Boho  COUCH!").map(\.range) == [1..<2])
  }

  @Test("longest match first, no overlapping spans of one source, deterministic order")
  func longestMatch() throws {
    let file = try SynonymFile.parse("""
      mid century => midcentury
      mid century modern, mcm
      modern chair => contemporary chair
      chair, seat | 0.5
      chair => stool | 0.9
      """, path: "f")
    let table = SynonymTable(file: file)
    let matches = table.expansions(of: Self.words("mid century modern chair"))
    #expect(matches.map(\.range) == [0..<3, 3..<4, 3..<4])
    #expect(matches[0].replacement == ["mcm"])
    #expect(matches[1].replacement == ["stool"] && matches[2].replacement == ["seat"], "higher weight first")
    #expect(table.expansions(of: Self.words("mid century modern chair")) == matches)
    #expect(table.expansions(of: []).isEmpty && SynonymTable().expansions(of: ["chair"]).isEmpty)
    #expect(table.expansions(of: ["mid"]).isEmpty, "a phrase longer than the query never matches")
  }

  @Test("a file rule wins over the same mined rule, which stays visible; other mined rules match too")
  func merge() throws {
    let file = try SynonymFile.parse("couch => sofa | 0.9\n", path: "f")
    let mined = [SynonymMiner.Rule(phrase: ["couch"], replacement: ["sofa"], support: 5, clickedSupport: 4,
                                   reformulationsFromPhrase: 6, weight: 4.0 / 7),
                 SynonymMiner.Rule(phrase: ["boho", "couch"], replacement: ["boho", "sectional"], support: 3, clickedSupport: 2,
                                   reformulationsFromPhrase: 3, weight: 0.5)]
    let table = SynonymTable(file: file, mined: mined)
    let matches = table.expansions(of: Self.words("boho couch"))
    #expect(matches.count == 2)
    #expect(matches[0].range == 0..<2 && matches[0].source == .mined(support: 3, clickedSupport: 2))
    #expect(matches[1].range == 1..<2 && matches[1].weight == 0.9 && matches[1].source == .file(path: "f", line: 1))
    #expect(matches[1].shadowed == [.mined(support: 5, clickedSupport: 4)])
  }

  static func search(_ user: String, _ query: String, _ time: Double, clicked: Bool) -> QueryLog.Search {
    QueryLog.Search(user: user, query: query, timestamp: time, shown: ["d1"], clicked: clicked ? ["d1"] : [])
  }

  @Test("mining: a clicked substitution is mined with its counts; spelling fixes, insertions and session gaps are not")
  func mining() throws {
    var searches: [QueryLog.Search] = []
    for user in 0..<3 {  // couch → sofa, clicked twice of three
      searches += [Self.search("u\(user)", "boho couch", 0, clicked: false),
                   Self.search("u\(user)", "boho sofa", 30, clicked: user < 2)]
    }
    searches += [Self.search("u9", "boho couch", 0, clicked: false), Self.search("u9", "boho settee", 30, clicked: false)]
    for user in 0..<3 {  // typo fixed with a word added: a refinement
      searches += [Self.search("r\(user)", "boho cuoch", 0, clicked: false),
                   Self.search("r\(user)", "boho couch green", 10, clicked: true)]
    }
    for user in 0..<3 {  // spelling fix, insertion, and a substitution split by a session gap
      searches += [Self.search("s\(user)", "boho cuoch", 0, clicked: false),
                   Self.search("s\(user)", "boho couch", 10, clicked: true),
                   Self.search("i\(user)", "boho couch", 0, clicked: false),
                   Self.search("i\(user)", "boho couch blue", 10, clicked: true),
                   Self.search("g\(user)", "red rug", 0, clicked: false),
                   Self.search("g\(user)", "red carpet", 4000, clicked: true)]
    }
    let rules = SynonymMiner.mine(log: QueryLog(file: "log", searches: searches))
    #expect(rules.count == 1)
    let rule = try #require(rules.first)
    #expect(rule.phrase == ["couch"] && rule.replacement == ["sofa"])
    #expect(rule.support == 3 && rule.clickedSupport == 2 && rule.reformulationsFromPhrase == 4)
    #expect(rule.weight == 2.0 / 5)
    let wide = SynonymMiner.mine(log: QueryLog(file: "log", searches: searches), settings: .init(sessionGap: 5000))
    #expect(wide.contains { $0.phrase == ["rug"] && $0.replacement == ["carpet"] && $0.support == 3 })
    let loose = SynonymMiner.mine(log: QueryLog(file: "log", searches: searches), settings: .init(minimumSupport: 1))
    #expect(loose.contains { $0.replacement == ["settee"] } == false, "no click: not kept")
  }

  @Test("alignment: one contiguous span of 1–3 words; reorderings and long spans are not substitutions")
  func alignment() {
    let span = SynonymMiner.substitution(from: Self.words("a b c"), to: Self.words("a x y c"))
    #expect(span?.removed == ["b"] && span?.inserted == ["x", "y"])
    #expect(SynonymMiner.substitution(from: Self.words("a b"), to: Self.words("a b c")) == nil)
    #expect(SynonymMiner.substitution(from: Self.words("a b c"), to: Self.words("a c")) == nil)
    #expect(SynonymMiner.substitution(from: Self.words("boho couch"), to: Self.words("couch boho")) == nil)
    #expect(SynonymMiner.substitution(from: Self.words("a b c d e"), to: Self.words("a w x y z")) == nil, "4 words")
    #expect(SynonymMiner.substitution(from: Self.words("red rug"), to: Self.words("blue carpet")) == nil, "no context")
    #expect(SynonymMiner.substitution(from: Self.words("red rug"), to: Self.words("blue carpet"), requiresContext: false)?
      .inserted == ["blue", "carpet"])
    #expect(SynonymMiner.isSpellingFix(["couch"], ["couches"]) && !SynonymMiner.isSpellingFix(["couch"], ["sofa"]))
    #expect(SynonymMiner.isSpellingFix(["microcement"], ["micro", "cement"]))
    #expect(!SynonymMiner.isSpellingFix(["rug"], ["mug", "x"]))
    #expect(SynonymMiner.isRefinement(["aesthetci"], ["aesthetic", "ranunculus"]))
    #expect(SynonymMiner.isRefinement(["counter", "stool"], ["conuter", "stool", "granite"]))
    #expect(!SynonymMiner.isRefinement(["couch"], ["sofa", "bed"]) && !SynonymMiner.isRefinement(["couch"], ["sofa"]))
  }

  @Test("the sample world's synonyms.txt parses", .enabled(if: FileManager.default.fileExists(atPath: samplePath)))
  func sampleFile() throws {
    let file = try SynonymFile.read(path: Self.samplePath)
    #expect(file.rules.count > 50)
    let table = SynonymTable(file: file)
    #expect(table.expansions(of: Self.words("mid century modern sofa")).map(\.replacement) == [["mcm"], ["couch"]])
  }

  static let samplePath = TestCorpus.repositoryRoot.appendingPathComponent("SampleData/synonyms.txt").path
}
