import Foundation
import Testing
import RankscopeEngine

/// `rankscope search --understand` and `rankscope bench understanding` run as a user would, on the fixture index.
@Suite("Query understanding commands, end to end", .serialized)
struct UnderstandingCommandTests {
  @Test("search --understand prints each rewrite, searches the corrected text, and --no-rewrite switches one off")
  func searchUnderstand() throws {
    let commands = CommandLineTests()
    let index = try commands.buildIndex()
    let on = try commands.run(["search", "farmhouse kitchn", "--index", index.path, "--understand", "--query-log", "x.jsonl"])
    #expect(on.status != 0, "--query-log belongs to --profile")
    let understood = try commands.run(["search", "farmhouse kitchn", "--index", index.path, "--understand"])
    #expect(understood.status == 0, "\(understood.standardError)")
    #expect(understood.standardOutput.contains("searched: farmhouse kitchen"), "\(understood.standardOutput)")
    #expect(understood.standardOutput.contains("+ spelling kitchn→kitchen  [spelling:kitchn>kitchen]"))
    let off = try commands.run(["search", "farmhouse kitchn", "--index", index.path, "--understand",
                                "--no-rewrite", "spelling:kitchn>kitchen"])
    #expect(off.status == 0, "\(off.standardError)")
    #expect(off.standardOutput.contains("- spelling kitchn→kitchen"), "\(off.standardOutput)")
    #expect(off.standardOutput.contains("(off)"))
    #expect(!off.standardOutput.contains("searched:"))
    let stray = try commands.run(["search", "kitchen", "--index", index.path, "--no-rewrite", "x"])
    #expect(stray.status != 0)
    #expect(stray.standardError.contains("--no-rewrite, --understanding-log and --synonyms apply with --understand only"))
  }

  @Test("search --understand as JSON: the interpretation, and each hit's rewrites and explanation line")
  func searchUnderstandJSON() throws {
    let commands = CommandLineTests()
    let index = try commands.buildIndex()
    let outcome = try commands.run(["search", "farmhouse kitchn", "--index", index.path, "--understand", "--explain",
                                    "--format", "json"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let value = try JSONParser.parse(outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    let understanding = try #require(value["understanding"])
    #expect(understanding["searched"]?.stringValue == "farmhouse kitchen")
    let rewrite = try #require(understanding["rewrites"]?.arrayValue?.first)
    #expect(rewrite["id"]?.stringValue == "spelling:kitchn>kitchen")
    #expect(rewrite["applied"] == .bool(true))
    let hits = try #require(value["hits"]?.arrayValue)
    let kitchenHits = hits.filter { $0["rewrites"]?.arrayValue?.contains(.string("spelling:kitchn>kitchen")) == true }
    #expect(!kitchenHits.isEmpty)
    let explanation = JSONWriter.string(try #require(kitchenHits.first?["explanation"]))
    #expect(explanation.contains("query understanding · found through spelling kitchn→kitchen"))
  }

  @Test("eval --understand scores the queries as understood")
  func evalUnderstand() throws {
    let commands = CommandLineTests()
    let index = try commands.buildIndex()
    let queries = try Self.queriesFile(#"{"id":"q1","text":"farmhouse kitchn"}"#)
    defer { try? FileManager.default.removeItem(at: queries.deletingLastPathComponent()) }
    let qrels = CommandLineTests.fixtures.appendingPathComponent("qrels.txt").path
    let arguments = ["eval", "--index", index.path, "--queries", queries.path, "--qrels", qrels, "--format", "json"]
    let typed = try commands.run(arguments)
    let understood = try commands.run(arguments + ["--understand"])
    #expect(typed.status == 0 && understood.status == 0, "\(typed.standardError) \(understood.standardError)")
    func ndcg(_ text: String) throws -> Double {
      try #require(JSONParser.parse(text.trimmingCharacters(in: .whitespacesAndNewlines))["nDCG@10"]?.numberValue)
    }
    #expect(try ndcg(understood.standardOutput) > ndcg(typed.standardOutput), "\(understood.standardOutput)")
  }

  @Test("bench understanding reports nDCG@10 as typed and understood, for misspelled and clean queries")
  func benchUnderstanding() throws {
    let commands = CommandLineTests()
    let index = try commands.buildIndex()
    let queries = try Self.queriesFile("""
      {"id":"q1","text":"farmhouse kitchn","intended":"farmhouse kitchen"}
      {"id":"q2","text":"wedding cake"}
      """)
    defer { try? FileManager.default.removeItem(at: queries.deletingLastPathComponent()) }
    let outcome = try commands.run(["bench", "understanding", "--index", index.path, "--query-log", "none",
                                    "--queries", queries.path,
                                    "--qrels", CommandLineTests.fixtures.appendingPathComponent("qrels.txt").path])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let text = outcome.standardOutput
    #expect(text.contains("nDCG@10 (lexical) on 2 judged queries: 1 generated with a typo, 1 clean"), "\(text)")
    let line = { (name: String) in text.split(separator: "\n").first { $0.hasPrefix("  " + name + " ") }.map(String.init) ?? "" }
    // Columns: misspelled, clean, all, then the time per query.
    let asTyped = line("as typed").split(separator: " ").suffix(4).prefix(3).compactMap { Double($0) }
    let understood = line("understood").split(separator: " ").suffix(4).prefix(3).compactMap { Double($0) }
    #expect(asTyped.count == 3 && understood.count == 3, "\(text)")
    #expect(understood[0] > asTyped[0], "the typo costs, understanding recovers it: \(text)")
    #expect(understood[1] == asTyped[1], "a clean query is untouched: \(text)")
    #expect(text.contains("typo, understood"))
    #expect(text.contains("ms/query"))
  }

  /// A queries file holding `lines`, in a new temporary folder (the caller removes the folder).
  static func queriesFile(_ lines: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-understanding-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let queries = directory.appendingPathComponent("queries.jsonl")
    try Data(lines.utf8).write(to: queries)
    return queries
  }
}
