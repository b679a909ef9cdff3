import Foundation
import RankscopeEngine
import Testing
@testable import RankscopeUI

/// The compare view (F7, F8), its header figures, both explanations, ratings (0–3), holes (u) and the whole-set
/// panel (F9, F10).
@Suite("Compare view, ratings and the whole-set panel")
struct CompareViewTests {
  /// Judgments for two fixture queries: "cake" and "wedding cake".
  static let judgments = JudgmentSet(
    queries: [EvaluationQuery(id: "q1", text: "cake"), EvaluationQuery(id: "q2", text: "wedding cake"),
              EvaluationQuery(id: "q3", text: "chocolate")],
    judgments: Judgments(grades: ["q1": ["p1": 3, "p2": 2, "p8": 1, "p4": 0],
                                  "q2": ["p6": 3, "p12": 1, "p1": 0],
                                  "q3": ["p1": 3]]))

  /// A state over the hybrid fixture (lexical, semantic and hybrid all run) with the judgments loaded.
  static func state(width: Int = 100, height: Int = 30) -> AppState {
    var state = AppState(service: Fixtures.hybridEngine, width: width, height: height)
    _ = reduce(&state, .resize(width: width, height: height))
    _ = reduce(&state, .loadJudgments(judgments, storage: "/tmp/qrels.txt"))
    return state
  }

  static func send(_ action: Action, to state: inout AppState) -> [Effect] {
    Fixtures.send(action, to: &state, using: Fixtures.hybridEngine)
  }

  static func type(_ text: String, into state: inout AppState) {
    for character in text { _ = send(.key(.character(character)), to: &state) }
  }

  static func text(_ state: AppState) -> String {
    renderScreen(state, width: state.width, height: state.height).text
  }

  @Test("F7 opens B beside A, both search the query, and closing it returns to one list")
  func opensAndSearchesBothSides() {
    var state = Self.state()
    var effects = Self.send(.key(.function(7)), to: &state)
    #expect(state.compare?.choice == .retrieval(.semantic))
    #expect(effects.isEmpty)  // no query yet
    effects = Self.send(.key(.character("c")), to: &state)
    #expect(effects.contains { if case .compareSearch(let request, _) = $0 { return request.retrieval == .semantic && request.query == "c" }; return false })
    Self.type("ake", into: &state)
    #expect(!state.hits.isEmpty)
    #expect(!state.compareHits.isEmpty)
    #expect(state.compare?.completedGeneration == state.generation)
    let screen = Self.text(state)
    #expect(screen.contains("A · retrieval lexical"))
    #expect(screen.contains("B · retrieval semantic"))
    #expect(screen.contains("Jaccard@10"))
    _ = Self.send(.key(.function(7)), to: &state)
    #expect(state.compare == nil)
    #expect(!Self.text(state).contains("B · retrieval semantic"))
  }

  @Test("F8 cycles B through the other modes; B's figures follow")
  func cyclesSideB() {
    var state = Self.state()
    _ = Self.send(.key(.function(7)), to: &state)
    Self.type("cake", into: &state)
    _ = Self.send(.key(.function(8)), to: &state)
    #expect(state.compare?.choice == .retrieval(.hybrid))
    #expect(state.compareHits.first.map { _ in true } == true)
    _ = Self.send(.key(.function(8)), to: &state)
    #expect(state.compare?.choice == .retrieval(.semantic))  // lexical is A's own: skipped
  }

  @Test("A tuned against the same profile from its file compares parameters; untuned, A's own choice is skipped")
  func tunedAgainstItsFile() throws {
    var state = AppState(service: Fixtures.engine, width: 100, height: 30, profiles: [ProfileTests.lexical])
    _ = reduce(&state, .resize(width: 100, height: 30))
    _ = Fixtures.send(.selectProfile("lexical-saves"), to: &state)
    Fixtures.type("cake", into: &state)
    _ = Fixtures.send(.key(.function(7)), to: &state)
    #expect(state.compare?.choice == .retrieval(.lexical))
    _ = Fixtures.send(.key(.function(8)), to: &state)
    #expect(state.compare?.choice == .retrieval(.lexical))  // the only other choice; A's own is skipped
    let parameter = try #require(state.tuningParameters.first)
    _ = Fixtures.send(.tune(parameter, to: 5), to: &state)
    _ = Fixtures.send(.key(.function(8)), to: &state)
    #expect(state.compare?.choice == .profile("lexical-saves"))
    #expect(state.compare?.profile == ProfileTests.lexical)
    #expect(state.activeProfile != ProfileTests.lexical)
    #expect(state.notice?.contains("A tuned, B from its file") == true)
    #expect(state.compareRequest?.profile == ProfileTests.lexical)
    #expect(state.currentRequest.profile == state.activeProfile)
  }

  @Test("Markers: B's arrows count places moved from A, new for entered; A shows B's rank or out for dropped")
  func markers() {
    #expect(CompareResultsView.marker(rank: 1, other: 4, isB: true).text == "↑3")
    #expect(CompareResultsView.marker(rank: 5, other: 2, isB: true).text == "↓3")
    #expect(CompareResultsView.marker(rank: 2, other: 2, isB: true).text == "=")
    #expect(CompareResultsView.marker(rank: 2, other: nil, isB: true).text == "new")
    #expect(CompareResultsView.marker(rank: 3, other: 7, isB: false).text == "→7")
    #expect(CompareResultsView.marker(rank: 3, other: nil, isB: false).text == "out")
    #expect(CompareResultsView.gradeCell(nil).text == "·")
    #expect(CompareResultsView.gradeCell(2).text == "2")
  }

  @Test("Every row's marker agrees with the other column's ranks")
  func rowsAgreeWithRanks() {
    var state = Self.state(width: 120, height: 40)
    _ = Self.send(.key(.function(7)), to: &state)
    Self.type("cake", into: &state)
    let ranksA = Dictionary(uniqueKeysWithValues: state.hits.map { ($0.id, $0.rank) })
    let screen = Self.text(state)
    for hit in state.compareHits.prefix(10) {
      let expected = CompareResultsView.marker(rank: hit.rank, other: ranksA[hit.id], isB: true).text
      let row = screen.split(separator: "\n").first { line in
        let parts = line.split(separator: "│", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts[1].trimmingCharacters(in: .whitespaces).hasPrefix("\(hit.rank) ")
      }
      #expect(row?.hasSuffix(expected) == true, "B #\(hit.rank) \(hit.id) should end with \(expected)")
    }
  }

  @Test("The header's nDCG@10 equals the evaluator's for the same rankings, and Jaccard/RBO equal RankOverlap's")
  func headerFiguresAreExact() throws {
    var state = Self.state()
    _ = Self.send(.key(.function(7)), to: &state)
    Self.type("cake", into: &state)
    let figures = try #require(state.compareFigures)
    let rankings = state.compareRankings
    let results = Evaluator.queryResults(rankings: ["q1": rankings.a], judgments: Self.judgments.judgments)
      .first { $0.queryId == "q1" }
    let resultsB = Evaluator.queryResults(rankings: ["q1": rankings.b], judgments: Self.judgments.judgments)
      .first { $0.queryId == "q1" }
    #expect(figures.ndcgA == results?.ndcgAt10)
    #expect(figures.ndcgB == resultsB?.ndcgAt10)
    #expect(figures.jaccardAt10 == RankOverlap.jaccard(rankings.a, rankings.b, cutoff: 10))
    #expect(figures.rankBiasedOverlap == (try RankOverlap.rankBiasedOverlap(rankings.a, rankings.b)).extrapolated)
    let judgedA = rankings.a.prefix(10).filter { Self.judgments.judgments.grades["q1"]?[$0] != nil }.count
    #expect(figures.judgedA == judgedA)
    #expect(Self.text(state).contains("nDCG@10 A \(Formatting.fixed(figures.ndcgA!, digits: 3))"))
  }

  @Test("An unjudged query says so; the grade column marks judged and unjudged rows")
  func unjudgedQuery() {
    var state = Self.state()
    _ = Self.send(.key(.function(7)), to: &state)
    Self.type("shoes", into: &state)
    #expect(state.currentGrades == nil)
    #expect(Self.text(state).contains("no judgments for this query"))
  }

  @Test("Moving to column B selects the same document; both explanations and what moved it are shown")
  func bothExplanations() throws {
    var state = Self.state(width: 120, height: 44)
    _ = Self.send(.key(.function(7)), to: &state)
    _ = Self.send(.key(.function(8)), to: &state)  // B: hybrid
    Self.type("chocolate cake", into: &state)
    _ = Self.send(.command(.focusResults), to: &state)
    let id = try #require(state.compareSelectedId)
    let pair = state.compareHitPair(id)
    #expect(pair.a?.explanation != nil)
    if pair.b != nil { #expect(pair.b?.explanation != nil) }
    _ = Self.send(.key(.right), to: &state)
    #expect(state.compare?.column == .b)
    if pair.b != nil { #expect(state.compareSelectedId == id) }
    _ = Self.send(.key(.down), to: &state)
    let second = try #require(state.compareSelectedId)
    let secondPair = state.compareHitPair(second)
    #expect(secondPair.b?.explanation != nil)
    if secondPair.a != nil { #expect(secondPair.a?.explanation != nil) }
    let screen = Self.text(state)
    #expect(screen.contains("Why it moved · \(second)"))
    #expect(screen.contains("Moved by (B − A):") || screen.contains("Entered:") || screen.contains("Scored alike"))
  }

  @Test("What moved it: nodes matched by label with numbers masked, largest change first")
  func explanationDifference() {
    let a = Explanation.sum("final", [
      .weighted(1, "1.0000 × bm25f", [.leaf(2, "bm25f")]),
      .weighted(0.5, "0.5000 × log_saves", [.leaf(4, "log_saves")]),
      .leaf(0.1, "only in A"),
    ])
    let b = Explanation.sum("final", [
      .weighted(3, "3.0000 × bm25f", [.leaf(2, "bm25f")]),
      .weighted(0.5, "0.5000 × log_saves", [.leaf(4, "log_saves")]),
      .leaf(0.7, "only in B rank 12"),
    ])
    let rows = ExplanationDifference.rows(a: a, b: b)
    #expect(rows.map(\.label) == ["3.0000 × bm25f", "only in B rank 12", "only in A"])
    #expect(rows[0].a == 2 && rows[0].b == 6 && rows[0].change == 4)
    #expect(rows[1].a == nil && rows[1].change == 0.7)
    #expect(rows[2].b == nil && abs(rows[2].change + 0.1) < 1e-12)
    // A subtree only one side has is one row, not one per node.
    let other = Explanation.sum("final", [.sum("semantic", [.leaf(0.5, "q · d"), .leaf(0.2, "|q|")])])
    #expect(ExplanationDifference.rows(a: a, b: other).map(\.label).contains("semantic"))
    #expect(!ExplanationDifference.rows(a: a, b: other).map(\.label).contains("q · d"))
    #expect(ExplanationDifference.normalizedLabel("L1: rank 3 of 919, score -9.5153 (re-scored by L2)")
            == "L1: rank # of #, score # (re-scored by L2)")
  }

  @Test("Rating shows at once in both columns and the metrics, and asks for it to be saved")
  func ratingShowsAtOnce() throws {
    var state = Self.state()
    _ = Self.send(.key(.function(7)), to: &state)
    Self.type("cake", into: &state)
    _ = Self.send(.command(.focusResults), to: &state)
    // Select an unjudged result of A, then rate it 3.
    let target = try #require(state.hits.first { Self.judgments.judgments.grades["q1"]?[$0.id] == nil })
    while state.selectedHit?.id != target.id { _ = Self.send(.key(.down), to: &state) }
    let before = try #require(state.compareFigures)
    let effects = Self.send(.key(.character("3")), to: &state)
    #expect(effects.contains(.saveJudgment(JudgmentEdit(queryId: "q1", queryText: "cake", documentId: target.id, grade: 3))))
    #expect(state.grade(of: target.id) == 3)
    let after = try #require(state.compareFigures)
    #expect(after.judgedA == before.judgedA + (target.rank <= 10 ? 1 : 0))
    #expect(after.ndcgA != before.ndcgA || target.rank > 10)
    // x removes it again.
    let removal = Self.send(.key(.character("x")), to: &state)
    #expect(removal.contains(.saveJudgment(JudgmentEdit(queryId: "q1", queryText: "cake", documentId: target.id, grade: nil))))
    #expect(state.grade(of: target.id) == nil)
  }

  @Test("Rating a query nobody judged files it under a new id and makes it judged")
  func ratingANewQuery() {
    var state = Self.state()
    Self.type("shoes", into: &state)
    _ = Self.send(.command(.focusResults), to: &state)
    let effects = Self.send(.key(.alt("2")), to: &state)
    guard case .saveJudgment(let edit)? = effects.first else {
      Issue.record("no save effect")
      return
    }
    #expect(edit.queryId == JudgmentSet.hashedQueryId(forText: "shoes"))
    #expect(state.currentGrades?[edit.documentId] == 2)
    #expect(state.currentNDCG == 1)
  }

  @Test("Holes list the unjudged top-10 results of both sides; rating one takes it off and marks the next")
  func holes() {
    var state = Self.state()
    _ = Self.send(.key(.function(7)), to: &state)
    Self.type("cake", into: &state)
    _ = Self.send(.command(.focusResults), to: &state)
    _ = Self.send(.key(.character("u")), to: &state)
    #expect(state.isHolesVisible)
    let holes = state.holes
    let topA = Set(state.hits.prefix(10).map(\.id))
    let topB = Set(state.compareHits.prefix(10).map(\.id))
    let grades = Self.judgments.judgments.grades["q1"] ?? [:]
    #expect(Set(holes.map(\.id)) == topA.union(topB).filter { grades[$0] == nil })
    #expect(!holes.isEmpty)
    #expect(Self.text(state).contains("Holes · unjudged in the top 10"))
    let first = holes[0].id
    _ = Self.send(.key(.character("1")), to: &state)
    #expect(state.grade(of: first) == 1)
    #expect(state.holes.count == holes.count - 1)
    #expect(state.ratingTargetId == (holes.count > 1 ? holes[1].id : nil))
  }

  @Test("F9 evaluates A and B over every judged query as RankerComparison does; F10 opens the most regressed")
  func wholeSetPanel() throws {
    var state = Self.state(width: 120, height: 40)
    _ = Self.send(.key(.function(7)), to: &state)
    Self.type("cake", into: &state)
    let effects = Self.send(.key(.function(9)), to: &state)
    guard case .evaluateSet(let job, _)? = effects.first else {
      Issue.record("F9 asked for no evaluation")
      return
    }
    #expect(job.queries.map(\.id) == ["q1", "q2", "q3"])
    let evaluation = try #require(state.setEvaluation?.evaluation)
    let rankingsA = try Fixtures.hybridEngine.rankings(job.queries, like: job.a)
    let rankingsB = try Fixtures.hybridEngine.rankings(job.queries, like: job.b)
    let expected = try RankerComparison(rankingsA: rankingsA, rankingsB: rankingsB, judgments: Self.judgments.judgments)
    #expect(evaluation.comparison.paired.meanA == expected.paired.meanA)
    #expect(evaluation.comparison.paired.meanB == expected.paired.meanB)
    #expect(evaluation.comparison.paired.pValue == expected.paired.pValue)
    let screen = Self.text(state)
    #expect(screen.contains("A vs B over the judged queries"))
    #expect(screen.contains("3 judged queries"))
    // Enter on the first row (the most regressed, or the least improved) searches it.
    let first = evaluation.comparison.paired.queriesByDifference[0]
    _ = Self.send(.key(.enter), to: &state)
    #expect(state.setEvaluation?.isVisible == false)
    #expect(state.query.text == evaluation.texts[first.queryId])
    // F10 goes through the regressed queries, most regressed first.
    let regressed = evaluation.regressed
    _ = Self.send(.key(.function(10)), to: &state)
    if let worst = regressed.first {
      #expect(state.query.text == evaluation.texts[worst.queryId])
      #expect(state.notice?.contains("regressed 1 of \(regressed.count)") == true)
    } else {
      #expect(state.notice?.contains("no judged query regressed") == true)
    }
  }

  @Test("A rating re-scores the whole set without searching its queries again")
  func ratingRescoresTheSet() throws {
    var state = Self.state()
    _ = Self.send(.key(.function(7)), to: &state)
    Self.type("chocolate", into: &state)
    _ = Self.send(.key(.function(9)), to: &state)
    _ = Self.send(.key(.escape), to: &state)
    _ = Self.send(.command(.focusResults), to: &state)
    let before = try #require(state.setEvaluation?.evaluation)
    let effects = Self.send(.key(.character("0")), to: &state)  // p? rated 0 for "chocolate"
    guard let job = effects.compactMap({ effect -> SetEvaluationJob? in
      if case .evaluateSet(let job, _) = effect { return job }
      return nil
    }).first else {
      Issue.record("the rating did not re-score the set")
      return
    }
    #expect(job.knownRankingsA == before.rankingsA)
    #expect(job.knownRankingsB == before.rankingsB)
    #expect(state.setEvaluation?.evaluation != nil)
  }

  @Test("Without the compare view F9 and F10 say what to do; tiny terminals draw without crashing")
  func guidanceAndTinyTerminals() {
    var state = Self.state()
    _ = Self.send(.key(.function(9)), to: &state)
    #expect(state.notice?.contains("F7") == true)
    _ = Self.send(.key(.function(10)), to: &state)
    #expect(state.notice?.contains("F7") == true)
    _ = Self.send(.key(.function(7)), to: &state)
    Self.type("cake", into: &state)
    _ = Self.send(.key(.function(9)), to: &state)
    for (width, height) in [(0, 0), (10, 3), (20, 5), (30, 8), (59, 15), (60, 16), (200, 50)] {
      _ = reduce(&state, .resize(width: width, height: height))
      _ = renderScreen(state, width: width, height: height)
    }
  }

  @Test("Compare view screens", arguments: [(100, 30), (60, 16), (200, 50)])
  func snapshots(size: (Int, Int)) {
    var state = Self.state(width: size.0, height: size.1)
    _ = Self.send(.key(.function(7)), to: &state)
    Self.type("cake", into: &state)
    _ = Self.send(.command(.focusResults), to: &state)
    _ = Self.send(.key(.down), to: &state)
    Snapshot.check(Self.text(state), named: "compare-view-\(size.0)x\(size.1)")
  }

  @Test("Whole-set panel and holes screens")
  func panelSnapshots() {
    var state = Self.state(width: 100, height: 30)
    _ = Self.send(.key(.function(7)), to: &state)
    Self.type("cake", into: &state)
    _ = Self.send(.key(.function(9)), to: &state)
    Snapshot.check(Self.text(state), named: "set-panel-100x30")
    _ = Self.send(.key(.escape), to: &state)
    _ = Self.send(.command(.focusResults), to: &state)
    _ = Self.send(.key(.character("u")), to: &state)
    Snapshot.check(Self.text(state), named: "holes-100x30")
  }
}
