import Foundation
import Testing
import RankscopeSampleWorld

@Suite("Writing the sample world")
struct SampleWorldWriterTests {
  @Test("write creates every file, atomically, and reports progress up to 1")
  func writesFiles() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("rankscope-sample-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let configuration = SampleWorldConfiguration(seed: 5, pinCount: 400, userCount: 30, eventCount: 800,
                                                 searchCount: 300, judgedQueryCount: 12)
    var stages: [String] = []
    var last = 0.0
    try SampleWorldGenerator(configuration: configuration).write(to: directory) { stage, fraction in
      #expect((0...1).contains(fraction))
      if !stages.contains(stage) { stages.append(stage) }
      last = fraction
    }
    #expect(last == 1)
    #expect(stages.last == "writing")
    let expected = ["README.md", "schema.json", "pins.jsonl", "users.jsonl", "events.jsonl", "query-log.jsonl",
                    "judgments/queries.jsonl", "judgments/qrels.txt"]
    for path in expected {
      #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path), "\(path)")
    }
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)
    let pins = try Data(contentsOf: directory.appendingPathComponent("pins.jsonl"))
    #expect(SmallWorld.lines(Array(pins)).count == 400)
    let readme = try String(contentsOf: directory.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains("--seed 5"))
    #expect(readme.contains("simulated"))
  }

  @Test("schema.json is the engine's schema")
  func schema() throws {
    let object = try JSONSerialization.jsonObject(with: Data(SampleSchema.json.utf8)) as? [String: Any]
    #expect(object?["idField"] as? String == "id")
    #expect(object?["k1"] as? Double == 1.2)
    let fields = object?["fields"] as? [[String: Any]] ?? []
    #expect(fields.map { $0["name"] as? String ?? "" } == [
      "title", "description", "board", "tags", "category", "vertical", "type", "domain", "color", "price",
      "created", "saves", "clicks", "visual", "text_embedding",
    ])
    #expect(fields[13]["dimension"] as? Int == 32)
    #expect(fields.last?["dimension"] as? Int == 384)
    let display = object?["display"] as? [String: Any]
    #expect(display?["title"] as? String == "title")
    #expect(display?["details"] as? [String] == ["category", "type", "price", "saves"])
  }
}
