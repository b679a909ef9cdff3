import Foundation
import Testing
import RankscopeEngine

/// `rankscope complete`, `refine` and `bench autocomplete` run as a user would, on the fixture index and a written log.
@Suite("Search guide commands, end to end", .serialized)
struct SearchGuideCommandTests {
  /// A query log: u1 narrows "kitchen" to "kitchen island" (clicked); "cake" searches of several ages.
  func writeLog() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-log-\(UUID().uuidString).jsonl")
    let lines = [
      #"{"user":"u1","query":"kitchen","ts":1000,"shown":["p1","p2"],"clicked":[]}"#,
      #"{"user":"u1","query":"Kitchen Island","ts":1060,"shown":["p2"],"clicked":["p2"]}"#,
      #"{"user":"u2","query":"cake","ts":1000,"shown":["p3","p6"],"clicked":["p3"]}"#,
      #"{"user":"u2","query":"cake","ts":1100,"shown":["p3","p6"],"clicked":["p3"]}"#,
      #"{"user":"u3","query":"cake drip","ts":2000,"shown":["p6"],"clicked":["p6"]}"#,
      #"{"user":"u1","query":"cake lemon","ts":1200,"shown":["p3"],"clicked":[]}"#,
    ]
    try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  @Test("complete prints suggestions with score parts; --user lifts the user's own query; JSON carries the parts")
  func complete() throws {
    let log = try writeLog()
    let table = try CommandLineTests().run(["complete", "CAKE", "--query-log", log.path])
    #expect(table.status == 0, "\(table.standardError)")
    let rows = table.standardOutput.split(separator: "\n")
    #expect(rows.first?.contains("popul.") == true)
    #expect(rows.dropFirst().first?.contains(" cake ") == true, "\(table.standardOutput)")
    let personal = try CommandLineTests().run(["complete", "cake ", "--user", "u1", "--query-log", log.path, "--format", "json"])
    #expect(personal.status == 0, "\(personal.standardError)")
    let value = try JSONParser.parse(personal.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(value["normalizedPrefix"]?.stringValue == "cake ")
    let suggestions = try #require(value["suggestions"]?.arrayValue)
    #expect(suggestions.first?["text"]?.stringValue == "cake lemon")
    #expect((suggestions.first?["personal"]?.numberValue ?? 0) > 0)
    #expect(suggestions.map { $0["text"]?.stringValue } == ["cake lemon", "cake drip"])
    let word = try CommandLineTests().run(["complete", "kitchen isl", "--query-log", log.path, "--format", "json"])
    let completed = try JSONParser.parse(word.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    let words = completed["suggestions"]?.arrayValue
    #expect(words?.first?["text"]?.stringValue == "kitchen island")
  }

  @Test("refine prints refinements with sources, matches and previews; JSON equals running the refined search")
  func refine() throws {
    let index = try CommandLineTests().buildIndex()
    let log = try writeLog()
    let table = try CommandLineTests().run(["refine", "kitchen", "--index", index.path, "--query-log", log.path])
    #expect(table.status == 0, "\(table.standardError)")
    #expect(table.standardOutput.contains("kitchen island"), "\(table.standardOutput)")
    #expect(table.standardOutput.contains("session 1× (1 clicked)"))
    let json = try CommandLineTests().run(["refine", "kitchen", "--index", index.path, "--query-log", log.path,
                                          "--format", "json", "-k", "1"])
    #expect(json.status == 0, "\(json.standardError)")
    let value = try JSONParser.parse(json.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    let refinements = try #require(value["refinements"]?.arrayValue)
    #expect(refinements.count == 1)
    let first = try #require(refinements.first)
    #expect(first["text"]?.stringValue == "kitchen island")
    #expect(first["sources"]?.arrayValue?.first?["source"]?.stringValue == "transition")
    let search = try CommandLineTests().run(["search", "kitchen island", "--index", index.path, "--format", "json", "-k", "3"])
    let hits = try JSONParser.parse(search.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    let searchIds = hits["hits"]?.arrayValue?.map { $0["id"]?.stringValue }
    #expect(first["preview"]?.arrayValue?.map { $0["id"]?.stringValue } == searchIds)
    #expect(first["preview"]?.arrayValue?.first?["title"]?.stringValue != nil)
    let missing = try CommandLineTests().run(["refine", "kitchen", "--index", index.path])
    #expect(missing.status != 0)
    #expect(missing.standardError.contains("--query-log"))
  }

  @Test("bench autocomplete prints per-keystroke percentiles")
  func bench() throws {
    let log = try writeLog()
    let outcome = try CommandLineTests().run(["bench", "autocomplete", "--query-log", log.path])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.contains("keystrokes of 6 queries"))
    #expect(outcome.standardOutput.contains("p99"))
  }
}
