import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Features on the sample world")
struct SampleWorldFeatureTests {
  static let folder = TestCorpus.repositoryRoot.appendingPathComponent("SampleData")
  static let available = ["pins.jsonl", "schema.json", "query-log.jsonl", "pin-embeddings.rsev", "judgments/queries.jsonl"]
    .allSatisfy { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }

  @Test("every feature of hybrid hits on the first 3,000 pins, with the committed query log: finite, explained exactly",
        .enabled(if: available, "SampleData (pins, schema, query log, embeddings, judged queries) is absent: skipped"))
  func sampleWorld() throws {
    let engine = try SampleWorldConsistencyTests.engine()
    let extractor = try FeatureExtractor(reader: engine.reader)
    #expect(extractor.registry.omitted.isEmpty, "\(extractor.registry.omitted)")
    #expect(extractor.registry.definitions(personalized: false).count == 30 && extractor.registry.definitions.count == 38)
    #expect(extractor.registry.names.contains("bm25_board"))

    let log = try QueryLogStatistics.read(path: Self.folder.appendingPathComponent("query-log.jsonl").path)
    #expect(log.searchCount == 20_000 && log.totalShown == 200_000 && log.totalClicked == 20_233)

    var newest = -Double.infinity
    for document in 0..<engine.documentCount { newest = max(newest, try engine.reader.number(field: 1, document: document) ?? newest) }
    #expect(extractor.referenceTime == newest)

    let queries = try EvaluationQuery.read(path: Self.folder.appendingPathComponent("judgments/queries.jsonl").path).prefix(24)
    let embedder = try #require(engine.embedder)
    var categoryMatches = 0
    var rows = 0
    for query in queries {
      let response = try engine.search(SearchRequest(query: query.text, limit: 30, retrieval: .hybrid))
      let context = try extractor.context(query: query.text, queryEmbedding: try embedder.embed(query.text), queryLog: log)
      let candidates = response.hits.map(FeatureCandidate.init(hit:))
      #expect(candidates.allSatisfy { $0.bestGeneratorRank != nil && $0.retrievalScore != nil })
      let matrix = try extractor.values(candidates: candidates, context: context)
      let bm25f = try extractor.registry.index(of: "bm25f")
      let category = try extractor.registry.index(of: "category_match")
      for (row, hit) in response.hits.enumerated() {
        if let lexical = hit.sources.first(where: { $0.generator == "bm25f" }) {
          #expect(matrix[row, bm25f] == lexical.score, "\(query.text)")
        }
        categoryMatches += Int(matrix[row, category])
        let explanations = try extractor.explainAll(candidate: candidates[row], context: context)
        for (column, explanation) in explanations.enumerated() {
          #expect(matrix[row, column].isFinite)
          #expect(explanation.value.bitPattern == matrix[row, column].bitPattern, "\(query.text) \(matrix.names[column])")
          #expect(ExplanationChecker.mismatches(in: explanation).isEmpty, "\(query.text) \(matrix.names[column])")
        }
        let prior = matrix[row, try extractor.registry.index(of: "click_prior")]
        #expect(prior > 0 && prior < 1)
        rows += 1
      }
    }
    #expect(rows > 500)
    #expect(categoryMatches > rows / 4, "\(categoryMatches) of \(rows)")
  }
}
