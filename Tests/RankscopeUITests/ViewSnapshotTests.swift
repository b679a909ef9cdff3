import RankscopeEngine
import Testing
@testable import RankscopeUI

@Suite("View snapshots")
struct ViewSnapshotTests {
  @Test("query bar: cursor in the middle, and a long query scrolled to keep the cursor visible")
  func queryBar() {
    var editor = QueryEditor("cake type:image price<20")
    for _ in 0..<9 { editor.moveLeft() }
    let middle = Fixtures.draw(width: 40, height: 1) { buffer, rect in
      QueryBarView(query: editor, isFocused: true).draw(into: &buffer, rect: rect)
    }
    #expect(middle[2 + editor.cursor, 0].role == .cursor)
    let long = Fixtures.draw(width: 24, height: 1) { buffer, rect in
      QueryBarView(query: QueryEditor("抹茶ケーキ and a very long query text"), isFocused: true)
        .draw(into: &buffer, rect: rect)
    }
    #expect(long[23, 0].role == .cursor)
    let info = Fixtures.draw(width: 60, height: 1) { buffer, rect in
      QueryInfoView(parsedQuery: Fixtures.handMadeOutcome.response.parsedQuery, schema: Fixtures.schema)
        .draw(into: &buffer, rect: rect)
    }
    Snapshot.check([middle.text, long.text, info.text].joined(separator: "\n"), named: "query-bar")
  }

  @Test("results list from the engine, with the selection on the third hit")
  func resultsList() {
    var state = Fixtures.searched("cake")
    _ = reduce(&state, .key(.down))
    _ = reduce(&state, .key(.down))
    let buffer = Fixtures.draw(width: 80, height: 9) { buffer, rect in
      ResultsView(state: state).draw(into: &buffer, rect: rect)
    }
    #expect(buffer.line(2).hasPrefix(">"))
    #expect(buffer[0, 2].role == .selection)
    Snapshot.check(buffer.text, named: "results-list")
  }

  @Test("results list, hand-made: wide title, a hit without a title, narrow width")
  func resultsListHandMade() {
    let state = Fixtures.handMadeState()
    let wide = Fixtures.draw(width: 70, height: 4) { buffer, rect in ResultsView(state: state).draw(into: &buffer, rect: rect) }
    let narrow = Fixtures.draw(width: 30, height: 4) { buffer, rect in ResultsView(state: state).draw(into: &buffer, rect: rect) }
    #expect(wide.invariantViolation() == nil && narrow.invariantViolation() == nil)
    Snapshot.check(wide.text + "\n" + narrow.text, named: "results-list-hand-made")
  }

  @Test("explanation tree, unfolded as far as fits and then folded")
  func explanationTree() {
    var state = Fixtures.handMadeState()
    _ = reduce(&state, .command(.focusExplanation))
    let unfolded = Fixtures.draw(width: 80, height: 8) { buffer, rect in
      ExplanationView(state: state).draw(into: &buffer, rect: rect)
    }
    #expect(unfolded.text.contains("▾ final score (sum)"))
    #expect(unfolded.text.contains("…"))
    #expect(unfolded.text.contains("0.9259"))
    _ = reduce(&state, .key(.down))
    _ = reduce(&state, .key(.left))  // fold the first term
    let folded = Fixtures.draw(width: 80, height: 8) { buffer, rect in
      ExplanationView(state: state).draw(into: &buffer, rect: rect)
    }
    #expect(folded.text.contains("▸ term"))
    Snapshot.check(unfolded.text + "\n" + String(repeating: "=", count: 80) + "\n" + folded.text,
                   named: "explanation-tree")
  }

  @Test("explanation tree from the engine: every value to 4 decimals, fully expanded")
  func explanationFromEngine() {
    var state = Fixtures.searched("wedding cake", width: 100, height: 40)
    _ = reduce(&state, .command(.focusExplanation))
    _ = reduce(&state, .command(.expandAll))
    let rect = state.layout.explanation!
    let buffer = Fixtures.draw(width: rect.width, height: rect.height) { buffer, rect in
      ExplanationView(state: state).draw(into: &buffer, rect: rect)
    }
    Snapshot.check(buffer.text, named: "explanation-engine")
  }

  @Test("bars: eighths of a cell, clamped")
  func bars() {
    #expect(ExplanationView.bar(fraction: 1, width: 4) == "████")
    #expect(ExplanationView.bar(fraction: 0.5, width: 4) == "██  ")
    #expect(ExplanationView.bar(fraction: 0.0625, width: 2) == "▏ ")
    #expect(ExplanationView.bar(fraction: 2, width: 2) == "██")
    #expect(ExplanationView.bar(fraction: .nan, width: 2) == "  ")
  }

  @Test("status line: counts and stage times; an error; an empty query")
  func statusLine() {
    let results = Fixtures.handMadeState()
    var failed = results
    _ = reduce(&failed, .insert(" price<x"))
    _ = reduce(&failed, .searchCompleted(generation: failed.generation,
                                         result: .failure(SearchFailure(message: "'x' in price<x is not a number"))))
    let empty = Fixtures.state()
    let lines = [results, failed, empty].map { state in
      Fixtures.draw(width: 80, height: 1) { buffer, rect in StatusLineView(state: state).draw(into: &buffer, rect: rect) }
    }
    #expect(lines[1][1, 0].role == .statusError)
    #expect(lines[0].text.contains("3 of 42"))
    Snapshot.check(lines.map(\.text).joined(separator: "\n"), named: "status-line")
  }

  @Test("status line: a pruned search's count reads \"≥ N\"")
  func statusLineInexactCount() throws {
    var state = Fixtures.handMadeState()
    var outcome = try #require(state.outcome)
    outcome.response.totalMatches = 4213
    outcome.response.totalMatchesIsExact = false
    state.outcome = outcome
    let line = Fixtures.draw(width: 80, height: 1) { buffer, rect in StatusLineView(state: state).draw(into: &buffer, rect: rect) }
    #expect(line.text.contains("3 of ≥ 4,213 matches"))
  }

  @Test("help overlay at 80×24 (scrolled) and 120×50 (two columns)")
  func helpOverlay() {
    var small = Fixtures.handMadeState()
    _ = reduce(&small, .key(.character("?")))
    Snapshot.check(renderScreen(small, width: 80, height: 24).text, named: "help-80x24")
    _ = reduce(&small, .key(.pageDown))
    Snapshot.check(renderScreen(small, width: 80, height: 24).text, named: "help-80x24-page2")
    var large = Fixtures.handMadeState(width: 120, height: 50)
    _ = reduce(&large, .key(.character("?")))
    Snapshot.check(renderScreen(large, width: 120, height: 50).text, named: "help-120x50")
  }

  @Test("full screens", arguments: [(80, 24), (120, 40), (40, 10), (10, 3), (160, 30)])
  func fullScreen(size: (Int, Int)) {
    let (width, height) = size
    var state = Fixtures.searched("cake type:image", width: width, height: height)
    Fixtures.send(.key(.down), to: &state)
    let buffer = renderScreen(state, width: width, height: height)
    #expect(buffer.invariantViolation() == nil)
    Snapshot.check(buffer.text, named: "screen-\(width)x\(height)")
  }

  @Test("full screen with an empty query shows the hint")
  func emptyScreen() {
    let state = Fixtures.state()
    let text = renderScreen(state, width: 80, height: 24).text
    #expect(text.contains("Type to search 12 documents"))
    Snapshot.check(text, named: "screen-empty-80x24")
  }

  @Test("the screen never breaks at any size, with odd Unicode in the query and results")
  func anySize() {
    var state = Fixtures.searched("抹茶 cake e\u{301} 😀 \u{7}")
    _ = reduce(&state, .command(.focusExplanation))
    var sizes: [(Int, Int)] = []
    for width in 0...45 { for height in 0...12 { sizes.append((width, height)) } }
    sizes += [(80, 24), (139, 30), (140, 30), (200, 60), (61, 16), (59, 15)]
    for (width, height) in sizes {
      var sized = state
      _ = reduce(&sized, .resize(width: width, height: height))
      for helpVisible in [false, true] {
        sized.isHelpVisible = helpVisible
        let buffer = renderScreen(sized, width: width, height: height)
        #expect(buffer.invariantViolation() == nil, "\(width)×\(height)")
        let lines = buffer.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == max(1, height) || (height == 0 && buffer.text.isEmpty), "\(width)×\(height)")
        for line in lines where height > 0 { #expect(DisplayWidth.of(line) == width, "\(width)×\(height): \(line)") }
      }
    }
    #expect(renderScreen(state, width: 19, height: 24).text.contains("too small"))
    #expect(renderScreen(state, width: 20, height: 4).text.contains("too small"))
  }
}
