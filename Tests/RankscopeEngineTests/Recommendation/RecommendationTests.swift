import Foundation
import Testing
@testable import RankscopeEngine

/// A 16-pin world in two text clusters (pins 0–7 near one direction, 8–15 near another), users whose
/// co-engagements link them, and user u1 who engaged with both clusters and hid pin 3.
enum RecommendationWorld {
  static let schema = Schema(fields: [
    Schema.Field(name: "title", type: .text),
    Schema.Field(name: "board", type: .text),
    Schema.Field(name: "category", type: .keyword, analyzer: .keyword),
    Schema.Field(name: "type", type: .keyword, analyzer: .keyword),
    Schema.Field(name: "saves", type: .numeric),
    Schema.Field(name: "visual", type: .vector, dimension: 3),
    Schema.Field(name: "text_embedding", type: .vector, dimension: 4, embedding: .init(sources: ["title"])),
  ], display: .init(title: "title"))

  static func lines() -> String {
    var generator = SeededGenerator(seed: 11)
    return (0..<16).map { pin in
      let cluster = pin < 8 ? 0 : 1
      var text = [0.05, 0.05, 0.05, 0.05].map { $0 * Double.random(in: -1...1, using: &generator) }
      text[cluster] = 1
      text[2] += Double(pin % 4) * 0.1
      let visual = (0..<3).map { _ in Double.random(in: 0.1...1, using: &generator) }
      func list(_ values: [Double]) -> String { "[" + values.map { String(format: "%.4f", $0) }.joined(separator: ",") + "]" }
      return #"{"id":"p\#(pin)","title":"pin \#(pin) \#(cluster == 0 ? "kitchen" : "garden")","board":"board \#(pin % 5)","#
        + #""category":"\#(cluster == 0 ? "kitchen" : "garden")","type":"\#(pin % 3 == 0 ? "video" : "image")","saves":\#(pin * 3),"#
        + #""visual":\#(list(visual)),"text_embedding":\#(list(text))}"#
    }.joined(separator: "\n")
  }

  static func engine() throws -> SearchEngine { try SearchEngine.inMemory(schema: schema, jsonLines: lines()) }

  static let log: EngagementLog = {
    var events: [EngagementEvent] = []
    var time = 1_000.0
    func add(_ user: String, _ pin: Int, _ action: EngagementAction) {
      time += 60
      events.append(EngagementEvent(user: user, document: "p\(pin)", action: action, timestamp: time))
    }
    for pin in [0, 4, 5] { add("u2", pin, .save) }
    for pin in [8, 12, 13] { add("u3", pin, .save) }
    for pin in [1, 3, 6] { add("u4", pin, .click) }
    for pin in [0, 1, 2, 8, 9] { add("u1", pin, .save) }
    add("u1", 3, .hide)
    return EngagementLog(file: "memory", events: events)
  }()

  static func user(_ id: String, engine: SearchEngine) throws -> UserContext {
    let profile = try UserModelBuilder(reader: engine.reader).profile(for: UserRecord(id: id, name: "User \(id)"),
                                                                       events: log.events.filter { $0.user == id },
                                                                       referenceTime: log.latestTimestamp ?? 0)
    return UserContext(profile: profile)
  }

  static func walker(engine: SearchEngine) throws -> PixieWalker {
    PixieWalker(graph: try EngagementGraph.build(log: log, reader: engine.reader).graph,
                settings: PixieSettings(totalSteps: 2_000, seed: 5))
  }
}

@Suite("Recommendations: homefeed and related pins")
struct RecommendationTests {
  @Test("a homefeed leaves out hidden and engaged pins, and every explanation adds up to its score")
  func homefeed() throws {
    let engine = try RecommendationWorld.engine()
    let user = try RecommendationWorld.user("u1", engine: engine)
    #expect(user.profile.hiddenDocuments == ["p3"])
    let request = RecommendationRequest(surface: .homefeed(user), limit: 20, explain: true,
                                        walker: try RecommendationWorld.walker(engine: engine))
    let response = try engine.recommend(request)
    let ids = response.hits.map(\.id)
    #expect(!ids.isEmpty)
    for excluded in ["p3", "p0", "p1", "p2", "p8", "p9"] { #expect(!ids.contains(excluded), "\(excluded) is hidden or engaged") }
    #expect(response.generators.map(\.name) == ["interests:text_embedding", "pixie"])
    for hit in response.hits {
      let explanation = try #require(hit.explanation)
      #expect(ExplanationChecker.isExact(explanation, score: hit.score), "\(hit.id): \(ExplanationChecker.mismatches(in: explanation))")
    }
    // Pins 4 and 5 are reached only through u2, who saved pin 0 with u1: the walk names its source.
    let walked = try #require(response.hits.first { $0.id == "p4" })
    #expect(walked.sources.contains { $0.generator == "pixie" })
    let text = try #require(walked.explanation).renderText()
    #expect(text.contains("walk visits") && text.contains("from p0"))
    #expect(text.contains("text cosine") && text.contains("to interest"))
  }

  @Test("a profile's query features read 0 in a homefeed and say why")
  func queryFeaturesReadZero() throws {
    let engine = try RecommendationWorld.engine()
    let user = try RecommendationWorld.user("u1", engine: engine)
    let profile = RankProfile(name: "query-l1", retrieval: .init(generators: [("bm25f", 100)]),
                              l1: .init(keep: 50, weights: [("bm25f", 1), ("text_similarity", 2), ("fused_score", 10)]))
    let response = try engine.recommend(RecommendationRequest(surface: .homefeed(user), limit: 5, explain: true, profile: profile,
                                                              walker: try RecommendationWorld.walker(engine: engine)))
    #expect(response.profile == "homefeed for u1 · query-l1")
    #expect(response.generators.map(\.name) == ["interests:text_embedding", "pixie"], "the profile's generators are replaced")
    for hit in response.hits {
      let explanation = try #require(hit.explanation)
      #expect(ExplanationChecker.isExact(explanation, score: hit.score))
      let text = explanation.renderText()
      #expect(text.contains("no query embedding"))
      #expect(text.contains("BM25F (k1 = 1.2): no query term occurs in the document"))
    }
  }

  @Test("homefeeds are deterministic")
  func deterministic() throws {
    let engine = try RecommendationWorld.engine()
    let user = try RecommendationWorld.user("u1", engine: engine)
    let walker = try RecommendationWorld.walker(engine: engine)
    let first = try engine.recommend(RecommendationRequest(surface: .homefeed(user), limit: 10, walker: walker))
    let second = try engine.recommend(RecommendationRequest(surface: .homefeed(user), limit: 10, walker: walker))
    #expect(first.hits.map(\.id) == second.hits.map(\.id))
    #expect(first.hits.map(\.score) == second.hits.map(\.score))
  }

  @Test("interest quotas follow importance by largest remainders, and each interest keeps to its quota")
  func quotas() throws {
    #expect(InterestGenerator.quotas(importances: [3, 1], depth: 10) == [8, 2])
    #expect(InterestGenerator.quotas(importances: [1, 1, 1], depth: 10) == [4, 3, 3])
    #expect(InterestGenerator.quotas(importances: [5, 0], depth: 3) == [3, 0])
    #expect(InterestGenerator.quotas(importances: [], depth: 3) == [])
    let engine = try RecommendationWorld.engine()
    let user = try RecommendationWorld.user("u1", engine: engine)
    try #require(user.profile.interests.count == 2, "the two clusters are two interests")
    let searcher = try VectorSearcher(reader: engine.reader, field: 1)
    let generator = try InterestGenerator(searcher: searcher, profile: user.profile, filter: nil, depth: 5)
    let quotas = generator.found.quotas
    #expect(quotas.reduce(0, +) == 5)
    for (index, quota) in quotas.enumerated() {
      #expect(generator.found.interest.values.filter { $0 == index }.count == quota)
    }
    #expect(generator.found.list.candidates.count == 5)
  }

  @Test("related pins come from text and visual neighbours and walks, each explanation naming its source")
  func related() throws {
    let engine = try RecommendationWorld.engine()
    let request = RecommendationRequest(surface: .related(documentId: "p0", user: nil), limit: 8, explain: true,
                                        walker: try RecommendationWorld.walker(engine: engine))
    let response = try engine.recommend(request)
    #expect(response.generators.map(\.name) == ["similar:visual", "similar:text_embedding", "pixie"])
    #expect(!response.hits.map(\.id).contains("p0"))
    let generators = Set(response.hits.flatMap { $0.sources.map(\.generator) })
    #expect(generators == ["similar:visual", "similar:text_embedding", "pixie"])
    for hit in response.hits {
      let explanation = try #require(hit.explanation)
      #expect(ExplanationChecker.isExact(explanation, score: hit.score), "\(hit.id)")
      let text = explanation.renderText()
      if hit.sources.contains(where: { $0.generator == "similar:text_embedding" }) { #expect(text.contains("text cosine")) }
      if hit.sources.contains(where: { $0.generator == "pixie" }) { #expect(text.contains("walk visits") && text.contains("from p0")) }
    }
    // The text neighbours of p0 are the other kitchen pins.
    let text = try #require(response.generators.first { $0.name == "similar:text_embedding" })
    #expect(text.candidateCount == 15)
    #expect(throws: QueryError.self) { try engine.recommend(RecommendationRequest(surface: .related(documentId: "nope", user: nil))) }
  }

  @Test("related pins for a user leave out what they hid")
  func relatedForUser() throws {
    let engine = try RecommendationWorld.engine()
    let user = try RecommendationWorld.user("u1", engine: engine)
    let response = try engine.recommend(RecommendationRequest(surface: .related(documentId: "p1", user: user), limit: 20,
                                                              walker: try RecommendationWorld.walker(engine: engine)))
    #expect(!response.hits.map(\.id).contains("p3"))
    #expect(response.hits.count > 5)
  }
}
