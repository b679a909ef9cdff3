import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Ranking metrics")
struct RankingMetricsTests {
  @Test("nDCG@k with graded gains and log2 discounts")
  func ndcg() {
    // Ranked grades 3,2,3,0,1,2 ; ideal from judged 3,3,2,2,1
    let dcg = 3.0 + 2 / log2(3.0) + 3 / log2(4.0) + 0 + 1 / log2(6.0) + 2 / log2(7.0)
    let ideal = 3.0 + 3 / log2(3.0) + 2 / log2(4.0) + 2 / log2(5.0) + 1 / log2(6.0)
    let value = RankingMetrics.normalizedDiscountedCumulativeGain(ranked: [3, 2, 3, 0, 1, 2], judged: [3, 3, 2, 2, 1, 0], cutoff: 10)
    #expect(abs(value - dcg / ideal) < 1e-12)
    #expect(abs(dcg / ideal - 0.9608082) < 1e-6)
    #expect(RankingMetrics.normalizedDiscountedCumulativeGain(ranked: [], judged: [1], cutoff: 10) == 0)
    #expect(RankingMetrics.normalizedDiscountedCumulativeGain(ranked: [1], judged: [0], cutoff: 10) == 0)
  }

  @Test("average precision counts unretrieved relevant documents")
  func averagePrecision() {
    // Relevant at ranks 1, 3 and 6; 4 relevant in all: (1/1 + 2/3 + 3/6) / 4
    let value = RankingMetrics.averagePrecision(ranked: [1, 0, 1, 0, 0, 2], relevantCount: 4)
    #expect(abs(value - (1 + 2.0 / 3 + 0.5) / 4) < 1e-12)
  }

  @Test("recall, reciprocal rank and precision")
  func others() {
    #expect(RankingMetrics.recall(ranked: [1, 0, 1, 1], relevantCount: 4, cutoff: 3) == 0.5)
    #expect(RankingMetrics.reciprocalRank(ranked: [0, 0, 2], cutoff: 10) == 1.0 / 3)
    #expect(RankingMetrics.reciprocalRank(ranked: [0, 0, 2], cutoff: 2) == 0)
    #expect(RankingMetrics.precision(ranked: [1, 0, 1], cutoff: 10) == 0.2)
  }

  @Test("ERR@k by hand (Chapelle et al. 2009) and judged@k")
  func expectedReciprocalRankAndJudged() {
    // Grades 3, 0, 1 on a 0–3 scale: R = 7/8, 0, 1/8.
    let value = RankingMetrics.expectedReciprocalRank(ranked: [3, 0, 1], maximumGrade: 3, cutoff: 10)
    #expect(abs(value - (7.0 / 8 + (1.0 / 8) * (1.0 / 8) / 3)) < 1e-12)
    #expect(RankingMetrics.expectedReciprocalRank(ranked: [3, 0, 1], maximumGrade: 3, cutoff: 2) == 7.0 / 8)
    #expect(RankingMetrics.expectedReciprocalRank(ranked: [0, 0], maximumGrade: 3, cutoff: 10) == 0)
    #expect(RankingMetrics.expectedReciprocalRank(ranked: [0], maximumGrade: 0, cutoff: 10) == 0)
    #expect(RankingMetrics.judgedShare(ranked: [2, nil, 0, nil], cutoff: 4) == 0.5)
    #expect(RankingMetrics.judgedShare(ranked: [0, 1], cutoff: 10) == 0.2)
    #expect(RankingMetrics.judgedShare(ranked: [], cutoff: 0) == 0)
  }

  @Test("qrels parse errors name the line")
  func qrelsErrors() {
    #expect { _ = try Judgments.parse("1 0 d1 1\n1 0 d2\n", file: "q.txt") } throws: { "\($0)" == "q.txt:2: expected 4 columns 'qid 0 docid grade', found 3" }
    #expect { _ = try Judgments.parse("1 0 d1 x\n", file: "q.txt") } throws: { "\($0)".contains("q.txt:1") }
  }

  @Test("the evaluator averages over judged queries and orders ties like trec_eval")
  func evaluator() throws {
    let engine = try SearchEngine.inMemory(schema: TestCorpus.plainSchema, jsonLines: """
      {"id":"1","body":"cake"}
      {"id":"2","body":"cake"}
      {"id":"3","body":"pie"}
      """)
    let judgments = try Judgments.parse("q1 0 1 1\nq2 0 3 2\nq3 0 9 0\n", file: "q")
    let summary = try Evaluator(engine: engine).evaluate(
      queries: [EvaluationQuery(id: "q1", text: "cake"), EvaluationQuery(id: "q2", text: "pie"), EvaluationQuery(id: "q3", text: "pie")],
      judgments: judgments)
    #expect(summary.queries.map(\.queryId) == ["q1", "q2"])
    // q1: tie between 1 and 2 → trec_eval puts "2" first, so doc 1 is at rank 2.
    #expect(summary.queries[0].reciprocalRankAt10 == 0.5)
    #expect(summary.queries[1].reciprocalRankAt10 == 1)
    #expect(summary.meanReciprocalRankAt10 == 0.75)
    #expect(summary.runLines.first?.hasPrefix("q1 Q0 2 1 ") == true)
    // The qrels' top grade is 2. q1: documents 2 (unjudged) then 1 (grade 1, R = 1/4): ERR = 1/2 · 1/4;
    // q2: document 3 (grade 2, R = 3/4).
    #expect(summary.queries[0].expectedReciprocalRankAt10 == 0.125 && summary.queries[1].expectedReciprocalRankAt10 == 0.75)
    #expect(summary.queries[0].judgedAt10 == 0.1 && summary.judgedAt10 == 0.1)
  }
}

@Suite("Query parser")
struct QueryParserTests {
  let parser = QueryParser(schema: TestCorpus.pinSchema)

  @Test("filters are taken out of the text")
  func filters() throws {
    let parsed = try parser.parse("red apple type:video price<=20 -type:\"image\" price:5..9 note:thing")
    #expect(parsed.text == "red apple note:thing")
    #expect(parsed.terms.map(\.text) == ["red", "apple", "note", "thing"])
    #expect(parsed.filters.map(\.description) == ["type:video", "price<=20", "-type:image", "price>=5 price<=9"])
  }

  @Test("bad filters are clear errors", arguments: [
    ("price<cheap", "'cheap' in price<cheap is not a number"), ("type<3", "keyword field type takes ':'"),
    ("price:", "has no value"),
  ])
  func errors(query: String, message: String) {
    #expect { _ = try parser.parse(query) } throws: { "\($0)".contains(message) }
  }

  @Test("repeated terms are counted")
  func repeated() throws {
    let parsed = try parser.parse("cake Cake pie cake")
    #expect(parsed.terms.map(\.text) == ["cake", "pie"])
    #expect(parsed.terms.map(\.queryFrequency) == [3, 1])
  }
}
