import Foundation
import Testing
import RankscopeEngine

/// `rankscope recommend`, `related`, `import-movielens` and `bench recommend` run as a user would.
@Suite("Recommendation commands, end to end", .serialized)
struct RecommendationCommandTests {
  static let movielens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("RankscopeEngineTests/Fixtures/movielens")

  /// A 12-pin world (two text clusters), its schema, users and events, indexed; user u1 hid p3.
  func world() throws -> (index: URL, users: URL, events: URL) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-recs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let schema = #"{"idField":"id","fields":[{"name":"title","type":"text"},{"name":"category","type":"keyword"},"#
      + #"{"name":"saves","type":"numeric"},{"name":"visual","type":"vector","dimension":2},"#
      + #"{"name":"text_embedding","type":"vector","dimension":3,"embedding":{"sources":["title"]}}],"display":{"title":"title","details":["category"]}}"#
    let pins = (0..<12).map { pin -> String in
      let text = pin < 6 ? "[1,0.\(pin),0.1]" : "[0.1,0.\(pin - 6),1]"
      return #"{"id":"p\#(pin)","title":"pin \#(pin)","category":"\#(pin < 6 ? "kitchen" : "garden")","saves":\#(pin),"#
        + #""visual":[\#(pin % 3 + 1),\#(pin % 4 + 1)],"text_embedding":\#(text)}"#
    }
    var events: [String] = []
    var time = 1_000
    for (user, pin, action) in [("u2", 0, "save"), ("u2", 4, "save"), ("u3", 6, "save"), ("u3", 7, "save"), ("u1", 0, "save"),
                                ("u1", 1, "click"), ("u1", 6, "save"), ("u1", 3, "hide"), ("u4", 1, "save"), ("u4", 3, "save")] {
      time += 60
      events.append(#"{"user":"\#(user)","doc":"p\#(pin)","action":"\#(action)","ts":\#(time)}"#)
    }
    let users = (1...4).map { #"{"id":"u\#($0)","name":"User \#($0)"}"# }
    for (name, lines) in [("pins.jsonl", pins), ("events.jsonl", events), ("users.jsonl", users), ("schema.json", [schema])] {
      try (lines.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let index = directory.appendingPathComponent("index")
    let outcome = try CommandLineTests().run(["index", "build", "--documents", directory.appendingPathComponent("pins.jsonl").path,
                                             "--schema", directory.appendingPathComponent("schema.json").path, "--out", index.path])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    return (index, directory.appendingPathComponent("users.jsonl"), directory.appendingPathComponent("events.jsonl"))
  }

  @Test("recommend --user prints a JSON homefeed without hidden or engaged pins, explanations equal to scores")
  func recommendJSON() throws {
    let (index, users, events) = try world()
    let outcome = try CommandLineTests().run(["recommend", "--user", "u1", "--index", index.path, "--users", users.path,
                                              "--events", events.path, "--explain", "--format", "json", "-k", "20"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let value = try JSONParser.parse(outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(value["profile"]?.stringValue == "homefeed for u1 · recommend")
    let hits = try #require(value["hits"]?.arrayValue)
    #expect(!hits.isEmpty)
    let ids = hits.compactMap { $0["id"]?.stringValue }
    for excluded in ["p0", "p1", "p3", "p6"] { #expect(!ids.contains(excluded)) }
    #expect(ids.contains("p4"), "reached by a walk through u2")
    for hit in hits { #expect(hit["explanation"]?["value"]?.numberValue == hit["score"]?.numberValue) }
    let unknown = try CommandLineTests().run(["recommend", "--user", "u9", "--index", index.path, "--users", users.path,
                                              "--events", events.path])
    #expect(unknown.status != 0)
    #expect(unknown.standardError.contains("unknown user \"u9\""))
  }

  @Test("a damaged engagement graph in a given index is a clear error")
  func damagedGraph() throws {
    let (index, users, events) = try world()
    try Data("RSEG but not really a graph file".utf8).write(to: index.appendingPathComponent(EngagementGraph.fileName))
    let outcome = try CommandLineTests().run(["recommend", "--user", "u1", "--index", index.path, "--users", users.path,
                                              "--events", events.path])
    #expect(outcome.status != 0)
    #expect(outcome.standardError.contains(EngagementGraph.fileName), "\(outcome.standardError)")
  }

  @Test("related --pin prints a table naming every generator")
  func relatedTable() throws {
    let (index, users, events) = try world()
    let outcome = try CommandLineTests().run(["related", "--pin", "p0", "--index", index.path, "--users", users.path,
                                              "--events", events.path, "--explain"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    for generator in ["similar:visual", "similar:text_embedding", "pixie"] { #expect(outcome.standardOutput.contains(generator)) }
    #expect(outcome.standardOutput.contains("text cosine"))
    #expect(outcome.standardOutput.contains("walk visits"))
    #expect(!outcome.standardOutput.contains(" p0  "))
  }

  @Test("import-movielens writes JSON Lines that index build reads; bench recommend prints the three recommenders")
  func movielens() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-ml-\(UUID().uuidString)")
    let converted = try CommandLineTests().run(["import-movielens", "--movielens", Self.movielens.path, "--out", directory.path])
    #expect(converted.status == 0, "\(converted.standardError)")
    #expect(converted.standardOutput.contains("wrote 5 movies, 3 users and 9 events"))
    let built = try CommandLineTests().run(["index", "build", "--documents", directory.appendingPathComponent("movies.jsonl").path,
                                           "--schema", directory.appendingPathComponent("schema.json").path,
                                           "--out", directory.appendingPathComponent("index").path, "--strict"])
    #expect(built.status == 0, "\(built.standardError)")
    let bench = try CommandLineTests().run(["bench", "recommend", "--movielens", Self.movielens.path, "--steps", "500",
                                           "--dimension", "2"])
    #expect(bench.status == 0, "\(bench.standardError)")
    for name in ["popularity", "walk", "embedding", "3 users"] { #expect(bench.standardOutput.contains(name)) }
  }
}
