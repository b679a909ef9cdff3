import Foundation
import Testing
@testable import RankscopeEngine

/// "Why not X" and "why A above B" on the four-document feature corpus.
@Suite("Why not, why above")
struct DiagnosticsTests {
  private let l1 = try! RankProfileParser.parse(#"""
    {"retrieve": {"generators": {"bm25f": 10}}, "l1": {"keep": 2, "weights": {"log_saves": 1, "bm25f": 0.1}}}
    """#, source: "/p/l1.json", context: RankProfileContext(schema: FeatureTestCorpus.schema))

  private func report(_ query: String, _ id: String, limit: Int = 10, profile: RankProfile? = nil,
                      filters: [Filter] = []) throws -> WhyNotReport {
    var request = SearchRequest(query: query, filters: filters, limit: limit, profile: profile)
    request.whyNot = id
    return try #require(try FeatureTestCorpus.engine().search(request).whyNot)
  }

  @Test("a document no query term matches was not retrieved, and the report says so")
  func notRetrieved() throws {
    let report = try report("pear", "d")
    #expect(report.steps.map(\.stage) == ["bm25f"])
    #expect(report.steps[0].passed == false && report.steps[0].detail.contains("no query term (pear) occurs"))
    #expect(report.verdict.hasPrefix("d was not retrieved"))
  }

  @Test("a document L1 cut names the cutoff and the exact margin")
  func cutByL1() throws {
    // "apple" matches a, b, c; L1 (log saves + 0.1 bm25f) keeps c and a; b (0 saves) falls out.
    let report = try report("apple", "b", profile: l1)
    let step = try #require(report.steps.first { $0.stage == "L1" })
    #expect(step.passed == false)
    let score = try #require(step.score), cutoff = try #require(step.cutoff)
    #expect(score < cutoff)
    #expect(step.detail.contains("below the cutoff") && step.detail.contains("of the 2 kept"))
    #expect(report.verdict.contains("fell out at L1"))
    #expect(report.steps.first?.stage == "bm25f" && report.steps.first?.passed == true)
  }

  @Test("a document beyond the page, a filtered one, and one on the page")
  func pageFilterShown() throws {
    let beyond = try report("apple", "b", limit: 1)
    #expect(beyond.steps.last?.stage == "bm25f")  // lexical: the list is the page (depth 1)
    #expect(beyond.verdict.contains("not retrieved") && beyond.verdict.contains("below the last"))
    let filtered = try report("apple", "b", filters: [.keyword(field: "type", values: ["image"])])
    #expect(filtered.steps.map(\.stage) == ["filters"] && filtered.verdict.contains("removed by the filters"))
    let shown = try report("apple", "c", profile: l1)
    #expect(shown.verdict.contains("is shown") && shown.steps.last?.detail == "on the page at rank 1")
    #expect(throws: QueryError.self) { try self.report("apple", "nope") }
  }

  @Test("the comparison lists every feature, weighted ones first by contribution, values equal the extractor's")
  func compare() throws {
    let engine = try FeatureTestCorpus.engine()
    let request = SearchRequest(query: "apple", limit: 10, profile: l1)
    let comparison = try engine.compare(request, "c", "a")
    #expect(comparison.firstRank == 1 && comparison.secondRank == 2)
    #expect(comparison.rows.count == (try engine.featureExtractor()).registry.definitions(personalized: false).count)
    #expect(comparison.rows.prefix(2).map(\.feature).sorted() == ["bm25f", "log_saves"])
    let contributions = comparison.rows.prefix(2).compactMap(\.contribution).map(abs)
    #expect(contributions == contributions.sorted(by: >))
    #expect(comparison.rows.dropFirst(2).allSatisfy { $0.weight == nil })
    let saves = try #require(comparison.rows.first { $0.feature == "log_saves" })
    #expect(saves.first == log(1 + 99.0) && saves.second == log(1 + 9.0))
    // The L1 scores differ by the sum of the contributions (bias cancels).
    let total = comparison.rows.compactMap(\.contribution).reduce(0, +)
    #expect(abs(total - ((comparison.firstScore ?? 0) - (comparison.secondScore ?? 0))) < 1e-12)
    #expect(throws: QueryError.self) { try engine.compare(request, "c", "zz") }
  }
}
