import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Pixie random walks")
struct PixieWalkerTests {
  /// Documents 0…5: document 1 shares three users with 0, document 2 one, documents 4 and 5 are a separate island.
  static func tinyGraph() throws -> EngagementGraph {
    let pairs: [(String, Int)] = [("a", 0), ("a", 1), ("b", 0), ("b", 1), ("c", 0), ("c", 1), ("c", 2),
                                  ("d", 2), ("d", 3), ("e", 4), ("e", 5)]
    return try EngagementGraph(engagements: pairs.map { .init(user: $0.0, document: $0.1, weight: 1) }, documentCount: 6)
  }

  static let unbounded = PixieSettings(totalSteps: 5_000, restartProbability: 0.5, visitThreshold: 1_000_000,
                                       highlyVisitedCount: 1_000_000, degreeExponent: 0, weightedSteps: true, seed: 3)

  @Test("from document 0 the most visited other document is 1, and the island is never reached")
  func topVisited() throws {
    let walker = PixieWalker(graph: try Self.tinyGraph(), settings: Self.unbounded)
    let visits = walker.walk(from: [.init(document: 0)])
    #expect(visits.totalSteps == 5_000)
    let ranked = visits.ranked(count: 10) { $0 == 0 }
    #expect(ranked.first?.document == 1)
    #expect(ranked.map(\.document).contains(2))
    #expect(!ranked.map(\.document).contains(4) && !ranked.map(\.document).contains(5))
    #expect(visits.queries[0].visits(of: 1) > visits.queries[0].visits(of: 2))
    #expect(visits.queries[0].visits.reduce(0) { $0 + $1.visits } == 5_000, "every step visits one document")
  }

  @Test("the same seed gives the same visits whatever the order of the queries; another seed other visits")
  func determinism() throws {
    let graph = try Self.tinyGraph()
    let walker = PixieWalker(graph: graph, settings: Self.unbounded)
    let first = walker.walk(from: [.init(document: 0, weight: 1), .init(document: 3, weight: 2)])
    let again = walker.walk(from: [.init(document: 0, weight: 1), .init(document: 3, weight: 2)])
    let swapped = walker.walk(from: [.init(document: 3, weight: 2), .init(document: 0, weight: 1)])
    #expect(first.queries == again.queries)
    #expect(first.queries[0] == swapped.queries[1] && first.queries[1] == swapped.queries[0])
    var other = Self.unbounded
    other.seed = 4
    #expect(PixieWalker(graph: graph, settings: other).walk(from: [.init(document: 0)]).queries[0].visits(of: 1)
            != walker.walk(from: [.init(document: 0)]).queries[0].visits(of: 1))
  }

  @Test("early stopping ends a walk once n_p documents have n_v visits")
  func earlyStopping() throws {
    var settings = Self.unbounded
    settings.visitThreshold = 3
    settings.highlyVisitedCount = 2
    let visits = PixieWalker(graph: try Self.tinyGraph(), settings: settings).walk(from: [.init(document: 0)])
    let outcome = visits.queries[0]
    #expect(outcome.stoppedEarly)
    #expect(outcome.steps < 50)
    #expect(outcome.visits.filter { $0.visits >= 3 }.count == 2)
  }

  @Test("budgets split N by w_q · deg(q) · (C − ln deg(q)); a document no one engaged with gets none")
  func budgets() throws {
    let graph = try Self.tinyGraph()
    let walker = PixieWalker(graph: graph, settings: Self.unbounded)
    // C = 3 (documents 0 and 1); s_0 = 3 · (3 − ln 3), s_2 = 2 · (3 − ln 2).
    let s0 = 3 * (3 - log(3.0)), s2 = 2 * (3 - log(2.0))
    #expect(walker.scalingFactor(0) == s0)
    let budgets = walker.budgets([.init(document: 0, weight: 1), .init(document: 2, weight: 2)])
    #expect(budgets == [Int((5_000 * s0 / (s0 + 2 * s2)).rounded(.down)), Int((5_000 * 2 * s2 / (s0 + 2 * s2)).rounded(.down))])
    let isolated = try EngagementGraph(engagements: [.init(user: "a", document: 0, weight: 1)], documentCount: 2)
    #expect(PixieWalker(graph: isolated, settings: Self.unbounded).budgets([.init(document: 1)]) == [0])
  }

  @Test("scores combine queries as (Σ √visits)² / deg^β, and the explanation adds up exactly")
  func combination() throws {
    let graph = try Self.tinyGraph()
    var settings = Self.unbounded
    settings.degreeExponent = 0.5
    let visits = PixieWalker(graph: graph, settings: settings).walk(from: [.init(document: 0), .init(document: 3)])
    let fromFirst = Double(visits.queries[0].visits(of: 2)), fromSecond = Double(visits.queries[1].visits(of: 2))
    #expect(fromFirst > 0 && fromSecond > 0)
    let expected = (fromFirst.squareRoot() + fromSecond.squareRoot()) * (fromFirst.squareRoot() + fromSecond.squareRoot())
      / pow(Double(graph.degree(document: 2)), 0.5)
    #expect(abs(visits.score(of: 2) - expected) <= 1e-9 * expected)
    for (document, score) in visits.ranked(count: 10) {
      #expect(visits.score(of: document) == score)
      let explanation = visits.explain(document) { "p\($0)" }
      #expect(ExplanationChecker.isExact(explanation, score: score), "\(ExplanationChecker.mismatches(in: explanation))")
    }
    let text = visits.explain(2) { "p\($0)" }.renderText()
    #expect(text.contains("walk visits \(Int(fromFirst)) from p0"))
    #expect(text.contains("walk visits \(Int(fromSecond)) from p3"))
  }

  @Test("settings outside their ranges are named")
  func settingsProblems() {
    var settings = PixieSettings.standard
    #expect(settings.problem == nil)
    settings.restartProbability = 0
    #expect(settings.problem?.contains("restart probability") == true)
  }
}
