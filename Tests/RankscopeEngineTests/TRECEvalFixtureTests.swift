import Foundation
import Testing
@testable import RankscopeEngine

/// `RankingMetrics` and `Evaluator` against trec_eval on fixed runs (`Fixtures/metrics/`, made by
/// `scripts/make-metric-fixtures.py`): nDCG@5/10, MAP, P@5/10, Recall@5/10/100 and reciprocal rank come from
/// pytrec_eval (trec_eval's own code) at full precision; trec_eval has no ERR or judged@k, so ERR@5/10/20 and
/// judged@5/10 come from the script's independent Python implementation.
@Suite("trec_eval fixtures")
struct TRECEvalFixtureTests {
  /// expected.json: per run, per query and the two means, metric name → value.
  struct Expected: Decodable {
    struct Run: Decodable {
      var queries: [String: [String: Double]]
      var meanOverAll: [String: Double]
      var meanOverRelevant: [String: Double]
      enum CodingKeys: String, CodingKey { case queries, meanOverAll = "mean_all", meanOverRelevant = "mean_relevant" }
    }
    var maximumGrade: Int
    var relevantQueries: [String]
    var runs: [String: Run]
    enum CodingKeys: String, CodingKey { case maximumGrade = "maximum_grade", relevantQueries = "relevant_queries", runs }
  }

  static let runNames = ["run-a", "run-b"]
  static let tolerance = 1e-9

  let judgments: Judgments
  let expected: Expected

  init() throws {
    judgments = try Judgments.read(path: try fixtureURL("qrels.txt").path)
    expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: try fixtureURL("expected.json")))
  }

  /// Every fixture metric of one query's ranking, named as in expected.json, from `RankingMetrics`.
  static func metrics(ranking: [String], query: String, judgments: Judgments) -> [String: Double] {
    let judgedGrades = ranking.map { judgments.judgedGrade(query: query, document: $0) }
    let grades = judgedGrades.map { $0 ?? 0 }
    let judged = Array(judgments.grades[query, default: [:]].values)
    let relevantCount = judged.filter { $0 > 0 }.count
    var values: [String: Double] = [
      "map": RankingMetrics.averagePrecision(ranked: grades, relevantCount: relevantCount),
      // trec_eval's recip_rank has no cutoff: a cutoff past the run's depth.
      "recip_rank": RankingMetrics.reciprocalRank(ranked: grades, cutoff: Int.max),
    ]
    for cutoff in [5, 10] {
      values["ndcg_cut_\(cutoff)"] = RankingMetrics.normalizedDiscountedCumulativeGain(ranked: grades, judged: judged, cutoff: cutoff)
      values["P_\(cutoff)"] = RankingMetrics.precision(ranked: grades, cutoff: cutoff)
      values["judged_\(cutoff)"] = RankingMetrics.judgedShare(ranked: judgedGrades, cutoff: cutoff)
    }
    for cutoff in [5, 10, 100] {
      values["recall_\(cutoff)"] = RankingMetrics.recall(ranked: grades, relevantCount: relevantCount, cutoff: cutoff)
    }
    for cutoff in [5, 10, 20] {
      values["err_\(cutoff)"] = RankingMetrics.expectedReciprocalRank(ranked: grades, maximumGrade: judgments.maximumGrade,
                                                                     cutoff: cutoff)
    }
    return values
  }

  func run(_ name: String) throws -> TRECRun { try TRECRun.read(path: try fixtureURL("\(name).txt").path) }

  @Test("the fixture covers what it claims: 8 queries, one without a relevant document, ties in run-b's 108")
  func fixtureShape() throws {
    #expect(judgments.grades.count == 8)
    #expect(judgments.judgedQueryIds == expected.relevantQueries)
    #expect(!judgments.judgedQueryIds.contains("105") && judgments.grades["105"] != nil)
    #expect(judgments.maximumGrade == expected.maximumGrade && judgments.maximumGrade == 3)
    for name in Self.runNames {
      let run = try run(name)
      #expect(run.queryIds == judgments.grades.keys.sorted(), "\(name) covers every qrels query")
      #expect(Set(expected.runs[name]?.queries.keys.sorted() ?? []) == Set(run.queryIds))
    }
    // Ties at 100.0 are ordered by document id descending, as trec_eval does; d175 (grade 2) lands third.
    #expect(try run("run-b").ranking(query: "108").prefix(7) == ["d374", "d308", "d175", "d027", "d282", "d093", "d012"])
  }

  @Test("every metric of every query equals trec_eval's (ERR and judged@k: the independent implementation)",
        arguments: runNames)
  func perQuery(name: String) throws {
    let run = try run(name)
    let expectedRun = try #require(expected.runs[name])
    for (query, expectedValues) in expectedRun.queries.sorted(by: { $0.key < $1.key }) {
      let values = Self.metrics(ranking: run.ranking(query: query), query: query, judgments: judgments)
      #expect(Set(values.keys) == Set(expectedValues.keys))
      for (metric, expectedValue) in expectedValues {
        let value = try #require(values[metric])
        #expect(abs(value - expectedValue) < Self.tolerance, "\(name) query \(query) \(metric): \(value) vs \(expectedValue)")
      }
    }
    // trec_eval's mean is over every query it reports, the one without a relevant document included.
    for (metric, expectedMean) in expectedRun.meanOverAll {
      let values = run.queryIds.map { Self.metrics(ranking: run.ranking(query: $0), query: $0, judgments: judgments)[metric] ?? .nan }
      let mean = values.reduce(0, +) / Double(values.count)
      #expect(abs(mean - expectedMean) < Self.tolerance, "\(name) mean \(metric): \(mean) vs \(expectedMean)")
    }
  }

  @Test("the Evaluator's per-query results and means equal trec_eval's over queries with a relevant document",
        arguments: runNames)
  func evaluator(name: String) throws {
    let run = try run(name)
    let expectedRun = try #require(expected.runs[name])
    let rankings = Dictionary(uniqueKeysWithValues: run.queryIds.map { ($0, run.ranking(query: $0)) })
    let results = Evaluator.queryResults(rankings: rankings, judgments: judgments)
    #expect(results.map(\.queryId) == expected.relevantQueries)
    func check(_ value: Double, _ expectedValue: Double?, _ label: String) {
      #expect(expectedValue.map { abs(value - $0) < Self.tolerance } == true, "\(name) \(label): \(value) vs \(String(describing: expectedValue))")
    }
    for result in results {
      let values = try #require(expectedRun.queries[result.queryId])
      check(result.ndcgAt10, values["ndcg_cut_10"], "\(result.queryId) nDCG@10")
      check(result.averagePrecision, values["map"], "\(result.queryId) AP")
      check(result.recallAt100, values["recall_100"], "\(result.queryId) R@100")
      check(result.precisionAt10, values["P_10"], "\(result.queryId) P@10")
      check(result.expectedReciprocalRankAt10, values["err_10"], "\(result.queryId) ERR@10")
      check(result.judgedAt10, values["judged_10"], "\(result.queryId) judged@10")
      // The Evaluator's RR stops at rank 10; trec_eval's recip_rank has none.
      let reciprocalRank = try #require(values["recip_rank"])
      check(result.reciprocalRankAt10, reciprocalRank >= 0.1 ? reciprocalRank : 0, "\(result.queryId) RR@10")
    }
    let summary = Evaluator.summary(of: results)
    let means = expectedRun.meanOverRelevant
    check(summary.ndcgAt10, means["ndcg_cut_10"], "mean nDCG@10")
    check(summary.meanAveragePrecision, means["map"], "MAP")
    check(summary.recallAt100, means["recall_100"], "mean R@100")
    check(summary.precisionAt10, means["P_10"], "mean P@10")
    check(summary.expectedReciprocalRankAt10, means["err_10"], "mean ERR@10")
    check(summary.judgedAt10, means["judged_10"], "mean judged@10")
  }

  @Test("run parse errors name the file and line")
  func runErrors() {
    #expect { _ = try TRECRun.parse("1 Q0 d1 1 2.5 t\n1 Q0 d2 2 t\n", file: "r.txt") } throws: {
      "\($0)" == "r.txt:2: expected 6 columns 'qid Q0 docid rank score tag', found 5"
    }
    #expect { _ = try TRECRun.parse("1 Q0 d1 1 high t\n", file: "r.txt") } throws: { "\($0)".hasPrefix("r.txt:1: score 'high'") }
    #expect { _ = try TRECRun.parse("\n1 Q0 d1 1 nan t\n", file: "r.txt") } throws: { "\($0)".hasPrefix("r.txt:2:") }
  }
}

/// The URL of `Fixtures/metrics/<name>`, found by walking up from this file to the folder that holds it.
private func fixtureURL(_ name: String, filePath: String = #filePath) throws -> URL {
  var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
  while folder.path != "/" {
    let candidate = folder.appendingPathComponent("Fixtures/metrics").appendingPathComponent(name)
    if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
    folder = folder.deletingLastPathComponent()
  }
  throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/metrics/\(name)"])
}
