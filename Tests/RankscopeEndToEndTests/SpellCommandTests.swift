import Foundation
import Testing
import RankscopeEngine

/// `rankscope spell` run as a user would, on the end-to-end fixture index.
@Suite("Spell command, end to end", .serialized)
struct SpellCommandTests {
  @Test("spell prints the auto-correction, keeps filters, and lists the alternatives")
  func spellText() throws {
    let commands = CommandLineTests()
    let index = try commands.buildIndex()
    let outcome = try commands.run(["spell", "farmhose kitchn type:video", "--index", index.path])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("auto-correct: farmhouse kitchen type:video") == true, "\(outcome.standardOutput)")
    #expect(lines.contains { $0.contains("kitchn [checked] → kitchen") })
    #expect(lines.contains { $0.contains("type:video [protected]") })
  }

  @Test("spell as JSON: the action, the corrected query and each word's alternatives")
  func spellJSON() throws {
    let commands = CommandLineTests()
    let index = try commands.buildIndex()
    let outcome = try commands.run(["spell", "chocolat cake", "--index", index.path, "--format", "json"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let value = try JSONParser.parse(outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(value["corrected"]?.stringValue == "chocolate cake")
    #expect(value["action"]?.stringValue == "auto-correct")
    let words = try #require(value["words"]?.arrayValue)
    #expect(words.count == 2)
    #expect(words[0]["alternatives"]?.arrayValue?.first?["word"]?.stringValue == "chocolate")
  }

  @Test("a correctly spelled query is left as it is")
  func spellClean() throws {
    let commands = CommandLineTests()
    let index = try commands.buildIndex()
    let outcome = try commands.run(["spell", "wedding cake price<50", "--index", index.path])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.hasPrefix("no correction: wedding cake price<50"), "\(outcome.standardOutput)")
  }
}

/// `rankscope bench spelling` on the fixture's two judged queries.
@Suite("Bench spelling, end to end", .serialized)
struct BenchSpellingCommandTests {
  @Test("bench spelling reports accuracy, false corrections, nDCG@10 clean / typo / corrected, and latency")
  func benchSpelling() throws {
    let commands = CommandLineTests()
    let index = try commands.buildIndex()
    let fixtures = CommandLineTests.fixtures
    let outcome = try commands.run(["bench", "spelling", "--index", index.path, "--log-queries", "0",
                                    "--queries", fixtures.appendingPathComponent("queries.jsonl").path,
                                    "--qrels", fixtures.appendingPathComponent("qrels.txt").path])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let text = outcome.standardOutput
    #expect(text.contains("judged queries: 2 with a typo, 2 clean"), "\(text)")
    #expect(text.contains("typo'd: top suggestion exact 100.0%"), "\(text)")
    #expect(text.contains("clean: changed (did you mean or auto) 0.0%"), "\(text)")
    #expect(text.contains("nDCG@10 (BM25F) on 2 judged queries:"), "\(text)")
    #expect(text.contains("clean 1.0000 | typo 0.7485 | typo, auto-corrected 1.0000 | typo, top suggestion 1.0000"), "\(text)")
    #expect(text.contains("latency per query (4 queries)"), "\(text)")
  }
}
