import Foundation
import Testing
@testable import RankscopeEngine

/// The SVMlight feature log of a profile's candidates, and the train/test split of judged queries.
@Suite("Feature log and query split")
struct FeatureLogTests {
  @Test("the split holds out every fourth judged query, sorted by id, and the parts partition the judged queries")
  func split() {
    var grades: [String: [String: Int]] = [:]
    for number in 1...10 { grades["q\(number < 10 ? "0" : "")\(number)"] = ["d": 1] }
    grades["unjudged"] = ["d": 0]
    let judgments = Judgments(grades: grades)
    let test = QuerySplit.test.queryIds(judgments)
    let train = QuerySplit.train.queryIds(judgments)
    #expect(test == ["q04", "q08"])
    #expect(train.count == 8 && train.isDisjoint(with: test))
    #expect(train.union(test) == Set(judgments.judgedQueryIds))
    let queries = grades.keys.sorted().map { EvaluationQuery(id: $0, text: $0) }
    let (kept, keptJudgments) = QuerySplit.test.apply(queries: queries, judgments: judgments)
    #expect(kept.map(\.id) == ["q04", "q08"] && keptJudgments.judgedQueryIds == ["q04", "q08"])
    #expect(QuerySplit.all.apply(queries: queries, judgments: judgments).queries.count == 11)
  }

  @Test("each candidate L1 hands on is a row with its grade, query, every feature and its id; values equal the extractor's")
  func lines() throws {
    let engine = try FeatureTestCorpus.engine()
    let profile = try RankProfileParser.parse(#"""
      {"retrieve": {"generators": {"bm25f": 10}}, "l1": {"keep": 2, "weights": {"log_saves": 1}},
       "blend": {"keep": 1}}
      """#, source: "/p/l1.json", context: RankProfileContext(schema: FeatureTestCorpus.schema))
    let judgments = Judgments(grades: ["1": ["c": 2, "a": 1], "2": ["b": 0]])
    let queries = [EvaluationQuery(id: "1", text: "apple"), EvaluationQuery(id: "2", text: "pear")]
    let lines = try FeatureLog.lines(engine: engine, profile: profile, queries: queries, judgments: judgments)
    let extractor = try engine.featureExtractor()
    #expect(FeatureLog.featureNames(header: lines[0]) == extractor.registry.definitions(personalized: false).map(\.name))
    // Query 2 has no relevant document: skipped. Query 1: L1 keeps 2 of the apple documents (blend ignored).
    #expect(lines.count == 3)
    #expect(lines[1].hasPrefix("2 qid:1 1:") && lines[1].hasSuffix(" # c"))
    #expect(lines[2].hasPrefix("1 qid:1 1:") && lines[2].hasSuffix(" # a"))
    let file = try SVMLightRows(text: lines.dropFirst().joined(separator: "\n"))
    let context = try extractor.context(query: "apple")
    let hits = try engine.search(SearchRequest(query: "apple", limit: 2, profile: { var upstream = profile; upstream.blend = nil; return upstream }()))
    let matrix = try extractor.values(candidates: hits.hits.map { FeatureCandidate(hit: $0) },
                                      features: extractor.registry.definitions(personalized: false), context: context)
    for row in 0..<2 {
      for column in 0..<matrix.names.count { #expect(file.values[row][column] == matrix[row, column], "\(matrix.names[column])") }
    }
  }

  @Test("values are written so they read back exactly, non-finite ones as 0")
  func format() {
    for value in [0.0, 1, -3, 0.1, 1.0 / 3, 123_456.789, 1e-300, -2.5e20] { #expect(Double(FeatureLog.format(value)) == value) }
    #expect(FeatureLog.format(.nan) == "0" && FeatureLog.format(.infinity) == "0")
  }
}

/// A minimal reader of the lines written above (feature values by position), independent of the trainer's parser.
private struct SVMLightRows {
  var values: [[Double]] = []
  init(text: String) throws {
    for line in text.split(separator: "\n") {
      let body = line.split(separator: "#")[0]
      values.append(body.split(separator: " ").dropFirst(2).map { Double($0.split(separator: ":")[1])! })
    }
  }
}
