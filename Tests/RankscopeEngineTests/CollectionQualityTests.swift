import Foundation
import Testing
@testable import RankscopeEngine

/// Runs the evaluation on the classic CACM collection from ../shared/data when it is present.
@Suite("Quality on real collections")
struct CollectionQualityTests {
  static let cacm = TestCorpus.sharedData?.appendingPathComponent("cacm")

  @Test("CACM: nDCG@10 and MAP within 0.005 of the bm25s baseline, or above",
        .enabled(if: cacm != nil, "../shared/data/cacm is absent (a user's clone has none); skipping"))
  func cacmQuality() throws {
    let folder = try #require(Self.cacm)
    let schema = try IndexBuild.readSchema(path: TestCorpus.repositoryRoot.appendingPathComponent("docs/collections/cacm.schema.json").path)
    let documents = try Data(contentsOf: folder.appendingPathComponent("corpus.jsonl"))
    let report = try DocumentImporter(schema: schema, mode: .strict).importLines(Array(documents), file: "cacm")
    var builder = IndexBuilder(schema: schema)
    for document in report.documents { builder.add(document) }
    let engine = SearchEngine(reader: try IndexReader.inMemory(files: builder.serialize(), schema: schema))
    let summary = try Evaluator(engine: engine).evaluate(
      queries: try EvaluationQuery.read(path: folder.appendingPathComponent("queries.jsonl").path),
      judgments: try Judgments.read(path: folder.appendingPathComponent("qrels.tsv").path))
    #expect(summary.queries.count == 52)
    #expect(summary.ndcgAt10 >= 0.4848 - 0.005, "nDCG@10 \(summary.ndcgAt10)")
    #expect(summary.meanAveragePrecision >= 0.3405 - 0.005, "MAP \(summary.meanAveragePrecision)")
  }
}
