import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Next-item evaluation and MovieLens")
struct NextItemEvaluationTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/movielens")

  @Test("HR@10 and nDCG@10 of ranks 1, 3, beyond 10 and unranked, by hand")
  func metricsByHand() {
    let metrics = NextItemMetrics(ranks: [1, 3, 11, nil], k: 10)
    #expect(metrics.users == 4)
    #expect(metrics.hitRate == 0.5)
    // nDCG: 1/log2(2) = 1 and 1/log2(4) = 0.5, then 0 and 0; mean 1.5 / 4.
    #expect(metrics.ndcg == 0.375)
    #expect(NextItemMetrics.ndcg(rank: 10, k: 10) == 1 / log2(11.0))
    #expect(NextItemMetrics.hit(rank: 11, k: 10) == 0)
  }

  @Test("leave-last-out holds out each user's latest interaction (ties: the later one) and drops its repeats")
  func split() {
    typealias Interaction = LeaveLastOutSplit.Interaction
    let interactions = [Interaction(user: 0, document: 1, timestamp: 10), Interaction(user: 0, document: 2, timestamp: 30),
                        Interaction(user: 0, document: 3, timestamp: 30), Interaction(user: 0, document: 3, timestamp: 5),
                        Interaction(user: 1, document: 4, timestamp: 50), Interaction(user: 2, document: 5, timestamp: 1),
                        Interaction(user: 2, document: 5, timestamp: 2)]
    let split = LeaveLastOutSplit(interactions)
    #expect(split.heldOut.map(\.user) == [0], "user 1 has one document, user 2 one distinct document")
    #expect(split.heldOut[0].document == 3)
    #expect(split.training.map(\.document) == [1, 2, 4, 5, 5])
  }

  @Test("the MovieLens converter maps movies, users and ratings, and the movies index through the normal importer")
  func converter() throws {
    let output = try MovieLensConverter.convert(directory: Self.fixture.path)
    #expect(output.counts.movies == 5 && output.counts.users == 3 && output.counts.events == 9)
    let movies = output.movies.split(separator: "\n").map(String.init)
    #expect(movies[0] == #"{"id":"m1","title":"Space Quest","year":1995,"genres":["Action","Sci-Fi"]}"#)
    #expect(movies[3] == #"{"id":"m4","title":"The Lost Reel","genres":["unknown"]}"#, "a year that is not a number is left out")
    let events = try EngagementLog.parse(Array(output.events.utf8), file: "events")
    #expect(events.events.map(\.timestamp) == [100, 110, 120, 130, 150, 160, 160, 200, 300], "time order, ties in file order")
    #expect(events.events[5].document == "m3" && events.events[6].document == "m5")
    #expect(events.events.map(\.action.rawValue) == ["save", "click", "save", "click", "save", "save", "click", "click", "save"])
    let users = try UserRecord.parse(Array(output.users.utf8), file: "users")
    #expect(users.map(\.id) == ["u1", "u2", "u3"])
    let schema = try JSONDecoder().decode(Schema.self, from: Data(output.schema.utf8))
    let engine = try SearchEngine.inMemory(schema: schema, jsonLines: output.movies)
    #expect(engine.documentCount == 5)
    let hits = try engine.search(SearchRequest(query: "space genres:action")).hits.map(\.id)
    #expect(Set(hits) == ["m1", "m3"])
  }

  @Test("a row with the wrong number of values names its file and line")
  func badRow() throws {
    let directory = TestCorpus.temporaryDirectory()
    for name in ["item", "user", "inter"] {
      try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent("ml-100k.\(name)"),
                                       to: directory.appendingPathComponent("ml-100k.\(name)"))
    }
    let inter = directory.appendingPathComponent("ml-100k.inter")
    try (String(contentsOf: inter, encoding: .utf8) + "4\t1\t5\n").write(to: inter, atomically: true, encoding: .utf8)
    #expect(throws: ImportIssue(file: inter.path, line: 11, reason: "expected 4 tab-separated values, found 3")) {
      try MovieLensConverter.convert(directory: directory.path)
    }
  }

  @Test("the three recommenders run on the fixture and popularity matches a hand count")
  func recommendersOnFixture() throws {
    let output = try MovieLensConverter.convert(directory: Self.fixture.path)
    let events = try EngagementLog.parse(Array(output.events.utf8), file: "events").events
    var users: [String: Int] = [:]
    let interactions = events.map { event -> LeaveLastOutSplit.Interaction in
      let user = users[event.user] ?? users.count
      users[event.user] = user
      return .init(user: user, document: Int(event.document.dropFirst())! - 1, timestamp: event.timestamp, weight: 1)
    }
    var evaluation = NextItemEvaluation()
    evaluation.k = 1
    evaluation.dimension = 2
    evaluation.pixie.totalSteps = 1_000
    let results = try evaluation.run(interactions, documentCount: 5)
    #expect(results.map(\.name) == ["popularity", "walk", "embedding"])
    // Held out: u1 m3 (t 300), u3 m1 (t 130), u2 m5 (t 160, after m3 in file order). Training degrees: m1 2, m2 2,
    // m3 1, m5 1. Popular top 1 excluding training items: u1 (m1, m2) → m3 hit; u2 (m1, m3) → m2 miss;
    // u3 (m2, m5) → m1 hit.
    #expect(results[0].metrics.users == 3)
    #expect(results[0].metrics.hitRate == 2.0 / 3)
  }

  @Test("PureSVD factors are orthonormal and pooling ranks the co-engaged item first")
  func factorization() throws {
    // Users 0–2 engage with 0 and 1; users 3–4 with 2 and 3; user 5 with 1 and 4.
    let pairs = [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1), (3, 2), (3, 3), (4, 2), (4, 3), (5, 1), (5, 4)]
    let graph = try EngagementGraph(engagements: pairs.map { .init(user: "u\($0.0)", document: $0.1, weight: 1) }, documentCount: 5)
    let factors = ItemFactorization(graph: graph, dimension: 2, iterations: 30)
    for first in 0..<2 {
      for second in 0..<2 {
        let dot = (0..<5).reduce(0.0) { $0 + factors.factors[$1 * 2 + first] * factors.factors[$1 * 2 + second] }
        #expect(abs(dot - (first == second ? 1 : 0)) < 1e-9)
      }
    }
    let user = factors.pool([(0, 1)])
    let scores = (1..<5).map { factors.score(user, document: $0) }
    #expect(scores[0] == scores.max(), "document 1 is co-engaged with document 0")
  }

  @Test("MovieLens 100K converts whole (skipped when ../shared/data is absent)")
  func realMovieLens() throws {
    guard let shared = TestCorpus.sharedData?.appendingPathComponent("ml-100k"),
          FileManager.default.fileExists(atPath: shared.appendingPathComponent("ml-100k.inter").path) else {
      print("skipped: ../shared/data/ml-100k is absent (set RANKSCOPE_SHARED_DATA)")
      return
    }
    let output = try MovieLensConverter.convert(directory: shared.path)
    #expect(output.counts.movies == 1682 && output.counts.users == 943 && output.counts.events == 100_000)
  }
}
