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
