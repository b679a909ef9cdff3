import Foundation
import RankscopeEngine
import Testing

/// Checks the committed `SampleData/` folder: what the explorer opens on a fresh clone.
@Suite("Committed sample data")
struct CommittedSampleDataTests {
  static let folder: URL = {
    var directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    while directory.path != "/", !FileManager.default.fileExists(atPath: directory.appendingPathComponent("SampleData/pins.jsonl").path) {
      directory = directory.deletingLastPathComponent()
    }
    return directory.appendingPathComponent("SampleData")
  }()

  static func lines(_ name: String) throws -> [JSONValue] {
    let data = try Data(contentsOf: folder.appendingPathComponent(name))
    return try JSONLines.lines(of: Array(data)).map { try JSONParser.parse(bytes: Array($0.1)) }
  }

  @Test("pins import without a single bad line, and BM25F finds the judged pins")
  func pinsIndexAndEvaluate() throws {
    let schema = try IndexBuild.readSchema(path: Self.folder.appendingPathComponent("schema.json").path)
    let data = try Data(contentsOf: Self.folder.appendingPathComponent("pins.jsonl"))
    let report = try DocumentImporter(schema: schema, mode: .strict).importLines(Array(data), file: "pins.jsonl")
    #expect(report.documents.count >= 20_000)
    let categories = Set(report.documents.compactMap { $0.stored["category"]?.stringValue })
    let verticals = Set(report.documents.compactMap { $0.stored["vertical"]?.stringValue })
    #expect(categories.count >= 40)
    #expect(verticals.count >= 10)
    var builder = IndexBuilder(schema: schema)
    for document in report.documents { builder.add(document) }
    let engine = SearchEngine(reader: try IndexReader.inMemory(files: builder.serialize(), schema: schema))
    let summary = try Evaluator(engine: engine, depth: 100).evaluate(
      queries: try EvaluationQuery.read(path: Self.folder.appendingPathComponent("judgments/queries.jsonl").path),
      judgments: try Judgments.read(path: Self.folder.appendingPathComponent("judgments/qrels.txt").path))
    #expect(summary.queries.count >= 200)
    #expect(summary.ndcgAt10 > 0.5 && summary.ndcgAt10 < 0.95, "nDCG@10 \(summary.ndcgAt10)")
  }

  @Test("users, engagement and the query log meet the promised sizes and reference real pins")
  func activity() throws {
    let pinIds = Set(try Self.lines("pins.jsonl").compactMap { $0["id"]?.stringValue })
    let users = try Self.lines("users.jsonl")
    let userIds = Set(users.compactMap { $0["id"]?.stringValue })
    #expect(users.count >= 500)
    let events = try Self.lines("events.jsonl")
    #expect(events.count >= 50_000)
    #expect(events.allSatisfy { userIds.contains($0["user"]?.stringValue ?? "") && pinIds.contains($0["doc"]?.stringValue ?? "") })
    let searches = try Self.lines("query-log.jsonl")
    #expect(searches.count >= 20_000)
    for search in searches.prefix(2000) {
      let shown = Set(search["shown"]?.arrayValue?.compactMap(\.stringValue) ?? [])
      let clicked = search["clicked"]?.arrayValue?.compactMap(\.stringValue) ?? []
      #expect(clicked.allSatisfy { shown.contains($0) })
    }
  }
}
