import Foundation
import RankscopeEngine
import Testing
@testable import RankscopeUI

/// "Why not X" (F6: the prompt, the report, unknown ids) and "why A above B" (`m` marks A, `c` compares) in the
/// explorer: the reducer's state and effects, and the panels' screens.
@Suite("Why not X and why A above B in the explorer")
struct WhyNotTests {
  /// The pins searched for `cake`, the results focused.
  static func searched(width: Int = 80, height: Int = 24) -> AppState {
    var state = Fixtures.searched("cake", width: width, height: height)
    Fixtures.send(.command(.focusResults), to: &state)
    return state
  }

  /// The tuning fixture's profile (L1 weights `fused_score` and `log_saves`) over the hybrid pins, `cake`
  /// searched, the results focused.
  static func profiled(width: Int = 80, height: Int = 24) -> AppState {
    var state = TuningTests.state(width: width, height: height)
    Fixtures.send(.command(.focusResults), to: &state, using: Fixtures.hybridEngine)
    return state
  }

  /// Types `text` key by key (into whatever has the keys).
  static func type(_ text: String, into state: inout AppState, using service: any SearchService = Fixtures.engine) {
    for character in text { Fixtures.send(.key(.character(character)), to: &state, using: service) }
  }

  @Test("F6 opens the prompt; typing, Backspace and Ctrl-U edit the id, not the query; Esc cancels")
  func promptEditing() {
    var state = Self.searched()
    let generation = state.generation
    #expect(Fixtures.send(.key(.function(6)), to: &state).isEmpty)
    #expect(state.whyNotPrompt?.text == "")
    Self.type("p7x", into: &state)
    #expect(state.whyNotPrompt?.text == "p7x")
    #expect(state.query.text == "cake")
    #expect(Fixtures.send(.key(.backspace), to: &state).isEmpty)
    #expect(state.whyNotPrompt?.text == "p7")
    Fixtures.send(.key(.control("u")), to: &state)
    #expect(state.whyNotPrompt?.text == "")
    Self.type("p", into: &state)
    #expect(Fixtures.send(.key(.escape), to: &state).isEmpty)
    #expect(state.whyNotPrompt == nil && state.whyNotId == nil && !state.isReportVisible)
    #expect(state.generation == generation)
    // Ctrl-X opens it too.
    Fixtures.send(.key(.control("x")), to: &state)
    #expect(state.whyNotPrompt != nil)
  }

  @Test("Enter searches with the id; the report replaces the explanation; typing keeps following it; Esc closes")
  func report() throws {
    var state = Self.searched()
    Fixtures.send(.key(.function(6)), to: &state)
    Self.type("p7", into: &state)
    let effects = Fixtures.send(.key(.enter), to: &state)
    #expect(effects.count == 1)
    guard case .search(let request, let generation) = effects.first else {
      Issue.record("expected a search, got \(effects)")
      return
    }
    #expect(request.whyNot == "p7" && request.query == "cake" && generation == state.generation)
    #expect(state.whyNotPrompt == nil && state.whyNotId == "p7" && state.isWhyNotConfirmed)
    let report = try #require(state.whyNotReport)
    #expect(report.documentId == "p7")
    #expect(report.verdict.hasPrefix("p7 was not retrieved"))
    #expect(state.hits.map(\.id).contains("p1"))
    // A query edit searches again, still following p7.
    let edit = Fixtures.send(.insert("s"), to: &state)
    guard case .search(let next, _) = edit.first else {
      Issue.record("expected a search, got \(edit)")
      return
    }
    #expect(next.whyNot == "p7")
    // Esc closes the report (the results stay); the next search no longer follows the id.
    #expect(Fixtures.send(.key(.escape), to: &state).isEmpty)
    #expect(state.whyNotId == nil && !state.isReportVisible && !state.hits.isEmpty)
    #expect(state.currentRequest.whyNot == nil)
  }

  @Test("F6 again edits the followed id; an empty id stops following")
  func reopen() {
    var state = Self.searched()
    Fixtures.send(.key(.function(6)), to: &state)
    Self.type("p1", into: &state)
    Fixtures.send(.key(.enter), to: &state)
    #expect(state.whyNotReport?.verdict.hasPrefix("p1 is shown") == true)
    Fixtures.send(.key(.function(6)), to: &state)
    #expect(state.whyNotPrompt?.text == "p1")
    Fixtures.send(.key(.control("u")), to: &state)
    #expect(Fixtures.send(.key(.enter), to: &state).isEmpty)
    #expect(state.whyNotId == nil && !state.isReportVisible)
  }

  @Test("an unknown id is the engine's error as a notice; the results stay and searches stop following it")
  func unknownId() {
    var state = Self.searched()
    Fixtures.send(.key(.function(6)), to: &state)
    Self.type("nope", into: &state)
    Fixtures.send(.key(.enter), to: &state)
    #expect(state.notice == "why not: there is no document with id nope")
    #expect(state.errorMessage == nil)
    #expect(state.whyNotId == nil && !state.isReportVisible)
    #expect(!state.hits.isEmpty && state.completedGeneration == state.generation)
  }

  @Test("m marks the selected hit as A (again: unmarks); the row shows A")
  func marking() {
    var state = Self.searched()
    Fixtures.send(.key(.character("m")), to: &state)
    #expect(state.markedHitId == state.hits[0].id)
    #expect(state.notice?.contains("as A") == true)
    let screen = renderScreen(state, width: 80, height: 24).text.split(separator: "\n")
    #expect(screen.contains { $0.hasPrefix(">A") })
    Fixtures.send(.key(.character("m")), to: &state)
    #expect(state.markedHitId == nil)
  }

  @Test("c compares A with the selected hit in the background; refused without A or on A itself")
  func compareEffect() throws {
    var state = Self.searched()
    #expect(Fixtures.send(.key(.character("c")), to: &state).isEmpty)
    #expect(state.notice?.contains("mark a result") == true)
    Fixtures.send(.key(.character("m")), to: &state)
    #expect(Fixtures.send(.key(.character("c")), to: &state).isEmpty)
    #expect(state.notice?.contains("select another result") == true)
    let first = state.hits[0].id
    let second = state.hits[2].id
    Fixtures.send(.key(.down), to: &state)
    Fixtures.send(.key(.down), to: &state)
    // The effect alone, without carrying it out.
    var pending = state
    let effects = reduce(&pending, .key(.character("c")))
    #expect(effects == [.compare(pending.currentRequest, first: first, second: second, generation: pending.comparisonGeneration)])
    #expect(pending.comparison?.result == nil && pending.isReportVisible)
    // A stale comparison is dropped.
    _ = reduce(&pending, .comparisonCompleted(generation: pending.comparisonGeneration - 1,
                                              result: .failure(SearchFailure(message: "old"))))
    #expect(pending.comparison?.result == nil)
    // Carried out: ranks and scores of both.
    Fixtures.send(.key(.character("c")), to: &state)
    let comparison = try #require(try state.comparison?.result?.get())
    #expect(comparison.firstId == first && comparison.secondId == second)
    #expect(comparison.firstRank == 1 && comparison.secondRank == 3)
    #expect(!comparison.rows.isEmpty)
    // Without a profile nothing is weighted: no contribution column.
    let lines = ReportPanel.lines(state, width: 100).map { $0.pieces.map(\.text).joined() }
    #expect(lines.contains { $0.contains("feature") } && !lines.contains { $0.contains("contribution") })
    // Esc goes back to the explanation; the mark stays.
    Fixtures.send(.key(.escape), to: &state)
    #expect(state.comparison == nil && state.markedHitId == first)
  }

  @Test("a comparison on screen follows query edits; F6 and F5 take its place")
  func comparisonFollows() {
    var state = Self.profiled()
    Fixtures.send(.key(.character("m")), to: &state, using: Fixtures.hybridEngine)
    Fixtures.send(.key(.down), to: &state, using: Fixtures.hybridEngine)
    Fixtures.send(.key(.character("c")), to: &state, using: Fixtures.hybridEngine)
    let generation = state.comparisonGeneration
    let effects = Fixtures.send(.insert("s"), to: &state, using: Fixtures.hybridEngine)
    #expect(effects.count == 2)
    #expect(effects.contains { if case .compare = $0 { true } else { false } })
    #expect(state.comparisonGeneration == generation + 1)
    Fixtures.send(.key(.function(6)), to: &state, using: Fixtures.hybridEngine)
    #expect(state.comparison == nil && state.whyNotPrompt != nil)
    Fixtures.send(.key(.escape), to: &state, using: Fixtures.hybridEngine)
    Fixtures.send(.key(.function(5)), to: &state, using: Fixtures.hybridEngine)
    #expect(state.isTuningVisible && !state.isReportVisible)
  }

  @Test("the weighted features come first with their contributions")
  func contributions() throws {
    var state = Self.profiled()
    Fixtures.send(.key(.character("m")), to: &state, using: Fixtures.hybridEngine)
    Fixtures.send(.key(.down), to: &state, using: Fixtures.hybridEngine)
    Fixtures.send(.key(.character("c")), to: &state, using: Fixtures.hybridEngine)
    let comparison = try #require(try state.comparison?.result?.get())
    #expect(Set(comparison.rows.prefix(2).map(\.feature)) == ["fused_score", "log_saves"])
    let lines = ReportPanel.lines(state, width: 100).map { $0.pieces.map(\.text).joined() }
    #expect(lines.contains { $0.contains("log_saves") && $0.contains("× 0.1000 = ") })
  }

  @Test("the prompt, the report and the comparison at 20×6, 80×24 and 200×50")
  func snapshots() {
    for (width, height) in [(20, 6), (80, 24), (200, 50)] {
      var state = Self.searched(width: width, height: height)
      Fixtures.send(.key(.function(6)), to: &state)
      Self.type("p12", into: &state)
      var buffer = renderScreen(state, width: width, height: height)
      #expect(buffer.invariantViolation() == nil)
      Snapshot.check(buffer.text, named: "why-not-prompt-\(width)x\(height)")

      // p5 reaches the tuned profile's blend, which drops it.
      var followed = Self.profiled(width: width, height: height)
      Fixtures.send(.key(.function(6)), to: &followed, using: Fixtures.hybridEngine)
      Self.type("p5", into: &followed, using: Fixtures.hybridEngine)
      Fixtures.send(.key(.enter), to: &followed, using: Fixtures.hybridEngine)
      buffer = renderScreen(followed, width: width, height: height)
      #expect(buffer.invariantViolation() == nil)
      Snapshot.check(buffer.text, named: "why-not-\(width)x\(height)")

      var compared = Self.profiled(width: width, height: height)
      Fixtures.send(.key(.character("m")), to: &compared, using: Fixtures.hybridEngine)
      Fixtures.send(.key(.down), to: &compared, using: Fixtures.hybridEngine)
      Fixtures.send(.key(.character("c")), to: &compared, using: Fixtures.hybridEngine)
      buffer = renderScreen(compared, width: width, height: height)
      #expect(buffer.invariantViolation() == nil)
      Snapshot.check(buffer.text, named: "compare-\(width)x\(height)")
    }
  }

  @Test("the panels never break the screen at any size, and scroll within their lines")
  func anySize() {
    var state = Self.profiled()
    Fixtures.send(.key(.character("m")), to: &state, using: Fixtures.hybridEngine)
    Fixtures.send(.key(.down), to: &state, using: Fixtures.hybridEngine)
    Fixtures.send(.key(.character("c")), to: &state, using: Fixtures.hybridEngine)
    var whyNot = Self.searched()
    Fixtures.send(.key(.function(6)), to: &whyNot)
    Self.type("p7", into: &whyNot)
    let prompt = whyNot
    Fixtures.send(.key(.enter), to: &whyNot)
    for shown in [state, whyNot, prompt] {
      for width in [0, 1, 12, 19, 20, 21, 30, 59, 60, 100, 139, 140] {
        for height in [0, 1, 4, 5, 6, 7, 8, 15, 16, 30] {
          var resized = shown
          _ = reduce(&resized, .resize(width: width, height: height))
          let buffer = renderScreen(resized, width: width, height: height)
          #expect(buffer.invariantViolation() == nil, "\(width)×\(height)")
        }
      }
    }
    // Scrolling the comparison with the explanation's keys stops at its last line.
    Fixtures.send(.command(.focusExplanation), to: &state, using: Fixtures.hybridEngine)
    for _ in 0..<200 { Fixtures.send(.key(.down), to: &state, using: Fixtures.hybridEngine) }
    let areas = ReportPanel.areas(state.layout)!
    let count = ReportPanel.lines(state, width: areas.body.width).count
    #expect(state.reportScroll == max(0, count - areas.body.height))
    Fixtures.send(.key(.home), to: &state, using: Fixtures.hybridEngine)
    #expect(state.reportScroll == 0)
  }
}
