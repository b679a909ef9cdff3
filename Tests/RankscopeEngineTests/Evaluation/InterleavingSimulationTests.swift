import Foundation
import Testing
@testable import RankscopeEngine

/// Team-draft interleaving and the simulated live test.
@Suite("Interleaving simulation")
struct InterleavingSimulationTests {
  @Test("team draft: no repeats, teams within one pick of each other at every prefix, each team's picks in its own order")
  func teamDraft() {
    var generator = SamplingGenerator(seed: 4)
    let a = ["d1", "d2", "d3", "d4", "d5", "d6"]
    let b = ["d4", "d1", "d7", "d8", "d2", "d9"]
    for _ in 0..<200 {
      let shown = InterleavingSimulation.teamDraft(a, b, length: 8) { generator.uniform() < 0.5 }
      #expect(shown.count == 8 && Set(shown.map(\.id)).count == 8)
      var picksA = 0, picksB = 0
      for entry in shown {
        if entry.team == .a { picksA += 1 } else { picksB += 1 }
        #expect(abs(picksA - picksB) <= 1)
      }
      // A team's documents appear in the order its own ranking gives them.
      for (team, ranking) in [(InterleavingSimulation.Team.a, a), (.b, b)] {
        let picked = shown.filter { $0.team == team }.map(\.id)
        #expect(picked == picked.sorted { ranking.firstIndex(of: $0)! < ranking.firstIndex(of: $1)! })
      }
    }
    // Identical rankings interleave to that ranking; a side that runs out leaves the rest to the other.
    #expect(InterleavingSimulation.teamDraft(a, a, length: 6) { true }.map(\.id) == a)
    let short = InterleavingSimulation.teamDraft(["x"], b, length: 4) { true }
    #expect(short.map(\.id) == ["x", "d4", "d1", "d7"] && short.map(\.team) == [.a, .b, .b, .b])
  }

  /// Ten queries with one highly relevant document each, at the top for `good` and near the bottom for `bad`.
  static func world() -> (queries: [String], good: [String: [String]], bad: [String: [String]], judgments: Judgments) {
    var lines: [String] = []
    var good: [String: [String]] = [:]
    var bad: [String: [String]] = [:]
    let queries = (0..<10).map { "q\($0)" }
    for query in queries {
      let documents = (0..<10).map { "\(query)-d\($0)" }
      lines.append("\(query) 0 \(documents[0]) 3")
      lines.append("\(query) 0 \(documents[1]) 1")
      good[query] = documents
      bad[query] = Array(documents.reversed())
    }
    return (queries, good, bad, try! Judgments.parse(lines.joined(separator: "\n"), file: "qrels"))
  }

  @Test("a better ranker is preferred with a tight interval; identical rankers are not; the run is deterministic")
  func preference() {
    let world = Self.world()
    let simulation = InterleavingSimulation(sessions: 4000, seed: 9)
    let better = simulation.run(queries: world.queries, rankingsA: world.bad, rankingsB: world.good, judgments: world.judgments)
    #expect(better.sessions == 4000 && better.winsA + better.winsB + better.ties == 4000)
    #expect(better.preference > 0.2 && better.marginOfError < 0.03, "\(better)")
    #expect(better.preference - better.marginOfError > 0)
    #expect((better.sessionsNeeded ?? .max) < 100)
    let reversed = simulation.run(queries: world.queries, rankingsA: world.good, rankingsB: world.bad, judgments: world.judgments)
    #expect(reversed.preference < -0.2)
    let same = simulation.run(queries: world.queries, rankingsA: world.good, rankingsB: world.good, judgments: world.judgments)
    #expect(abs(same.preference) <= same.marginOfError, "\(same)")
    #expect(simulation.run(queries: world.queries, rankingsA: world.bad, rankingsB: world.good, judgments: world.judgments) == better)
    #expect(InterleavingSimulation(sessions: 0).run(queries: world.queries, rankingsA: world.bad, rankingsB: world.good,
                                                    judgments: world.judgments).sessionsNeeded == nil)
  }

  @Test("Δ, its margin and the sessions needed from counts, by hand")
  func outcomeByHand() {
    // 60 wins for B, 20 ties, 20 wins for A: mean credit 0.7, Δ 0.2; variance of {1×60, 0.5×20, 0×20} = 0.16 · 100/99.
    let outcome = InterleavingSimulation.outcome(winsA: 20, winsB: 60, ties: 20)
    #expect(abs(outcome.preference - 0.2) < 1e-12)
    let variance = (60 * 0.09 + 20 * 0.04 + 20 * 0.49) / 99
    #expect(abs(outcome.marginOfError - 1.959_963_985 * (variance / 100).squareRoot()) < 1e-12)
    #expect(outcome.sessionsNeeded == Int((pow(1.959_963_985 + 0.841_621_234, 2) * variance / 0.04).rounded(.up)))
  }
}
