import RankscopeEngine
import Testing
@testable import RankscopeUI

@Suite("Reducer")
struct ReducerTests {
  @Test("every edit emits a search with a higher generation; cursor moves emit nothing")
  func typingEmitsSearches() {
    var state = Fixtures.state()
    let first = reduce(&state, .key(.character("c")))
    #expect(first == [.search(SearchRequest(query: "c", limit: 50, explain: true, explained: .first(1)), generation: 1)])
    let second = reduce(&state, .key(.character("a")))
    #expect(second == [.search(SearchRequest(query: "ca", limit: 50, explain: true, explained: .first(1)), generation: 2)])
    #expect(reduce(&state, .key(.left)).isEmpty)
    #expect(reduce(&state, .key(.home)).isEmpty)
    let third = reduce(&state, .key(.delete))
    #expect(third == [.search(SearchRequest(query: "a", limit: 50, explain: true, explained: .first(1)), generation: 3)])
    #expect(reduce(&state, .key(.backspace)).isEmpty)  // nothing before the cursor: no change, no search
    #expect(state.generation == 3)
  }

  @Test("results of a stale generation are dropped")
  func staleResultsDropped() {
    var state = Fixtures.state()
    _ = reduce(&state, .insert("ca"))
    _ = reduce(&state, .insert("ke"))
    #expect(state.generation == 2)
    let stale = performSearch(SearchRequest(query: "ca", explain: true, explained: .first(1)), using: Fixtures.engine)
    #expect(reduce(&state, .searchCompleted(generation: 1, result: stale)).isEmpty)
    #expect(state.outcome == nil)
    #expect(state.isSearching)
    let fresh = performSearch(state.currentRequest, using: Fixtures.engine)
    _ = reduce(&state, .searchCompleted(generation: 2, result: fresh))
    #expect(state.outcome?.response.hits.count == 8)
    #expect(!state.isSearching)
    // A late stale error does not replace fresh results either.
    _ = reduce(&state, .searchCompleted(generation: 1, result: .failure(SearchFailure(message: "late"))))
    #expect(state.errorMessage == nil)
  }

  @Test("search errors are shown, never fatal, and keep the previous results")
  func searchErrors() {
    var state = Fixtures.searched("cake")
    let hits = state.hits.count
    Fixtures.type(" price<abc", into: &state)
    #expect(state.errorMessage?.contains("not a number") == true)
    #expect(state.hits.count == hits)
    let status = renderScreen(state, width: 80, height: 24).line(23)
    #expect(status.contains("error:"))
    Fixtures.send(.key(.control("w")), to: &state)
    #expect(state.errorMessage == nil)
  }

  @Test("the empty query clears results and searches nothing")
  func emptyQuery() {
    var state = Fixtures.searched("cake")
    let effects = reduce(&state, .key(.control("u")))
    #expect(effects.isEmpty)
    #expect(state.outcome == nil && state.query.text.isEmpty && !state.isSearching)
    #expect(reduce(&state, .insert("   ")).isEmpty)  // blanks only
  }

  @Test("query editing keys: Ctrl-W, Ctrl-U, Home/End, Ctrl-A/E, Delete")
  func editing() {
    var state = Fixtures.state()
    _ = reduce(&state, .insert("red velvet cake"))
    _ = reduce(&state, .key(.control("w")))
    #expect(state.query.text == "red velvet ")
    _ = reduce(&state, .key(.control("w")))
    #expect(state.query.text == "red ")
    _ = reduce(&state, .key(.control("a")))
    #expect(state.query.cursor == 0)
    _ = reduce(&state, .key(.character("a")))
    #expect(state.query.text == "ared ")
    _ = reduce(&state, .key(.control("d")))
    #expect(state.query.text == "aed ")
    _ = reduce(&state, .key(.end))
    #expect(state.query.cursor == 4)
    _ = reduce(&state, .key(.right))
    #expect(state.query.cursor == 4)
    _ = reduce(&state, .key(.control("u")))
    #expect(state.query.text.isEmpty)
  }

  @Test("selection stays within the results: ↑ ↓ PgUp PgDn Home End")
  func selectionBounds() {
    var state = Fixtures.searched("cake", width: 80, height: 24)
    let count = state.hits.count
    #expect(count == 8)
    _ = reduce(&state, .key(.up))
    #expect(state.selection == 0)
    _ = reduce(&state, .key(.down))
    #expect(state.selection == 1)
    _ = reduce(&state, .key(.pageDown))
    #expect(state.selection == count - 1)
    _ = reduce(&state, .key(.down))
    #expect(state.selection == count - 1)
    _ = reduce(&state, .key(.tab))
    #expect(state.focus == .results)
    _ = reduce(&state, .key(.home))
    #expect(state.selection == 0)
    _ = reduce(&state, .key(.end))
    #expect(state.selection == count - 1)
    _ = reduce(&state, .key(.character("g")))
    #expect(state.selection == 0)
    _ = reduce(&state, .key(.pageUp))
    #expect(state.selection == 0)
  }

  @Test("scrolling keeps the selection visible in a short list")
  func scrolling() {
    var state = Fixtures.searched("cake", width: 60, height: 8)  // compact: 5 result rows
    #expect(state.layout.results.height == 5)
    for _ in 0..<6 { _ = reduce(&state, .key(.down)) }
    #expect(state.selection == 6)
    #expect(state.resultsScroll == 2)
    let screen = renderScreen(state, width: 60, height: 8)
    #expect(screen.text.contains("> 7"))
    #expect(!screen.text.contains("  1  "))
  }

  @Test("fold and unfold with ← → Enter, expand-all and collapse-all")
  func folding() throws {
    var state = Fixtures.searched("cake")
    _ = reduce(&state, .key(.tab))
    _ = reduce(&state, .key(.tab))
    #expect(state.focus == .explanation)
    let tree = try #require(state.selectedHit?.explanation)
    _ = reduce(&state, .key(.character("c")))
    #expect(state.explanationRows.count == 1)
    #expect(state.explanationRows[0].isExpanded == false)
    _ = reduce(&state, .key(.right))  // unfold the root
    #expect(state.explanationRows.count == 1 + tree.children.count)
    _ = reduce(&state, .key(.right))  // already unfolded: go to the first child
    #expect(state.explanation.cursor == 1)
    _ = reduce(&state, .key(.left))  // a folded child: go to the parent
    #expect(state.explanation.cursor == 0)
    _ = reduce(&state, .key(.left))  // fold the root
    #expect(state.explanationRows.count == 1)
    _ = reduce(&state, .key(.enter))  // toggle
    #expect(state.explanationRows.count == 1 + tree.children.count)
    _ = reduce(&state, .key(.character("e")))
    #expect(state.explanationRows.count == tree.nodeCount)
    _ = reduce(&state, .key(.end))
    #expect(state.explanation.cursor == tree.nodeCount - 1)
    _ = reduce(&state, .key(.character("-")))
    #expect(state.explanationRows.count == 1 && state.explanation.cursor == 0)
  }

  @Test("a newly selected result gets its own, freshly unfolded explanation")
  func explanationFollowsSelection() {
    var state = Fixtures.searched("cake")
    _ = reduce(&state, .command(.focusExplanation))
    _ = reduce(&state, .key(.character("c")))
    Fixtures.send(.key(.character("]")), to: &state)
    #expect(state.selection == 1)
    #expect(state.explanationRows.count > 1)
    #expect(state.focus == .explanation)
  }

  @Test("results explain only their first hit; selecting another asks for its explanation, stale answers are dropped")
  func explanationsOnDemand() throws {
    var state = Fixtures.searched("cake")
    let hits = state.hits
    #expect(hits.count > 2)
    #expect(hits[0].explanation != nil && hits.dropFirst().allSatisfy { $0.explanation == nil })
    let effects = reduce(&state, .command(.selectNext))
    var expected = state.currentRequest
    expected.explained = .documents([hits[1].id])
    #expect(effects == [.explain(expected, id: hits[1].id, generation: state.generation)])
    #expect(state.explanationRows.isEmpty)
    #expect(renderScreen(state, width: 120, height: 40).text.contains("Explaining this hit…"))
    guard case .explain(let request, let id, let generation) = try #require(effects.first) else { return }
    let result = performExplanation(request, id: id, using: Fixtures.engine)
    // The explanation is the one a fully explained search gives that hit.
    var full = state.currentRequest
    full.explained = .all
    let reference = try Fixtures.engine.search(full).hits[1].explanation
    #expect(try result.get() == reference)
    // An answer for older results is dropped; the current one fills the hit in.
    _ = reduce(&state, .explanationCompleted(generation: generation - 1, id: id, result: result))
    #expect(state.hits[1].explanation == nil)
    _ = reduce(&state, .explanationCompleted(generation: generation, id: id, result: result))
    #expect(state.hits[1].explanation == reference)
    #expect(state.explanationRows.count > 1)
    // Back to the first hit: already explained, nothing to ask.
    #expect(reduce(&state, .command(.selectPrevious)).isEmpty)
  }

  @Test("Tab and Shift-Tab cycle the focus over the visible panels")
  func focusCycling() {
    var state = Fixtures.state()
    var order: [Focus] = []
    for _ in 0..<4 {
      _ = reduce(&state, .key(.tab))
      order.append(state.focus)
    }
    #expect(order == [.results, .explanation, .query, .results])
    _ = reduce(&state, .key(.backTab))
    #expect(state.focus == .query)
    _ = reduce(&state, .key(.backTab))
    #expect(state.focus == .explanation)
    // At 40×10 there is no explanation panel: the focus moves off it and Tab skips it.
    _ = reduce(&state, .resize(width: 40, height: 10))
    #expect(state.focus == .results)
    _ = reduce(&state, .key(.tab))
    #expect(state.focus == .query)
    _ = reduce(&state, .key(.tab))
    #expect(state.focus == .results)
    // A momentarily tiny terminal does not move the focus.
    _ = reduce(&state, .resize(width: 1, height: 1))
    #expect(state.focus == .results)
  }

  @Test("? toggles the help overlay; while shown, keys do not reach the panels")
  func helpToggle() {
    var state = Fixtures.state()
    _ = reduce(&state, .key(.character("?")))
    #expect(state.isHelpVisible)
    #expect(reduce(&state, .key(.character("x"))).isEmpty)
    #expect(state.query.text.isEmpty)
    _ = reduce(&state, .key(.down))
    #expect(state.helpScroll == 1)
    _ = reduce(&state, .key(.character("?")))
    #expect(!state.isHelpVisible)
    _ = reduce(&state, .key(.function(1)))
    #expect(state.isHelpVisible)
    _ = reduce(&state, .key(.escape))
    #expect(!state.isHelpVisible)
  }

  @Test("quitting: Ctrl-C anywhere, q outside the query bar; q in the query bar is typed")
  func quit() {
    var state = Fixtures.state()
    #expect(reduce(&state, .key(.character("q"))) == [.search(SearchRequest(query: "q", limit: 50, explain: true, explained: .first(1)),
                                                                  generation: 1)])
    #expect(state.isRunning)
    _ = reduce(&state, .key(.tab))
    #expect(reduce(&state, .key(.character("q"))) == [.quit])
    #expect(!state.isRunning)
    var other = Fixtures.state()
    #expect(reduce(&other, .key(.control("c"))) == [.quit])
    var helpShown = Fixtures.state()
    _ = reduce(&helpShown, .key(.character("?")))
    #expect(reduce(&helpShown, .key(.control("c"))) == [.quit])
  }

  @Test("typing in another panel goes to the query bar only for unbound characters")
  func typingFromResults() {
    var state = Fixtures.searched("cake")
    _ = reduce(&state, .key(.tab))
    _ = reduce(&state, .key(.character("j")))  // bound: next result
    #expect(state.selection == 1 && state.query.text == "cake")
    _ = reduce(&state, .key(.character("/")))
    #expect(state.focus == .query)
  }

  @Test("setQuery replaces the query and searches (the initial query)")
  func setQuery() {
    var state = Fixtures.state()
    let effects = reduce(&state, .setQuery("cake type:video"))
    #expect(effects == [.search(SearchRequest(query: "cake type:video", limit: 50, explain: true, explained: .first(1)), generation: 1)])
    #expect(state.query.cursor == state.query.characters.count)
  }

  @Test("the key-binding table has no conflicting bindings and covers every command")
  func bindingTable() {
    for scope in BindingScope.allCases {
      var seen: Set<KeyPattern> = []
      for binding in KeyBindings.bindings(in: scope) {
        for pattern in binding.patterns {
          #expect(!seen.contains(pattern), "\(pattern) bound twice in \(scope)")
          seen.insert(pattern)
        }
      }
    }
    let commands = Set(KeyBindings.table.map(\.command))
    let expected: [Command] = [.quit, .toggleHelp, .closeHelp, .focusNext, .focusPrevious, .focusQuery, .focusResults,
                               .focusExplanation, .insertTypedCharacter, .deleteBackward, .deleteForward, .cursorLeft,
                               .cursorRight, .cursorHome, .cursorEnd, .clearQuery, .deleteWordBackward,
                               .selectPrevious, .selectNext, .selectPageUp, .selectPageDown, .selectFirst, .selectLast,
                               .nodePrevious, .nodeNext, .nodePageUp, .nodePageDown, .nodeFirst, .nodeLast, .unfold,
                               .fold, .toggleFold, .expandAll, .collapseAll, .helpScrollUp, .helpScrollDown,
                               .helpPageUp, .helpPageDown, .cycleProfile, .toggleProfiles, .profilePrevious,
                               .profileNext, .pickProfile, .closeProfiles, .toggleTuning, .tuningPrevious,
                               .tuningNext, .tuningDecrease, .tuningIncrease, .tuningDecreaseFine, .tuningIncreaseFine,
                               .tuningReset, .tuningResetAll, .closeTuning, .openWhyNot, .whyNotDeleteBackward,
                               .whyNotClear, .whyNotSubmit, .whyNotCancel, .closeReport, .markHit, .compareWithMarked,
                               .toggleCompare, .cycleCompareSide, .compareColumnA, .compareColumnB, .toggleSetPanel,
                               .closeSetPanel, .setPrevious, .setNext, .setPageUp, .setPageDown, .setOpenQuery,
                               .jumpToRegressed, .rate0, .rate1, .rate2, .rate3, .clearRating, .toggleHoles,
                               .toggleUserPicker, .userPickerDeleteBackward, .userPickerPrevious, .userPickerNext,
                               .userPickerPick, .userPickerCancel, .togglePersonalization, .closePersonalization,
                               .personalizationPrevious, .personalizationNext, .personalizationToggle,
                               .personalizationCohort, .cycleCompareUser, .showHomefeed, .showRelated,
                               .completionNext, .completionPrevious, .acceptCompletion, .closeCompletions, .focusChips,
                               .chipPrevious, .chipNext, .applyChip, .pickChipByNumber, .leaveChips,
                               .toggleRefinementInspector, .inspectorPrevious, .inspectorNext, .inspectorApply,
                               .closeInspector,
                               .toggleUnderstanding, .undoCorrection, .acceptSuggestion, .toggleRewritesPanel,
                               .closeRewritesPanel, .rewritesPrevious, .rewritesNext, .rewritesToggle]
    for command in expected { #expect(commands.contains(command), "\(command) has no key") }
  }

  @Test("the help overlay lists every binding of the table")
  func helpListsEveryKey() {
    let lines = HelpOverlay.lines()
    for binding in KeyBindings.table {
      #expect(lines.contains(.entry(keys: binding.keyLabel, summary: binding.summary)), "\(binding.summary)")
    }
    // At 120×110 everything is on screen at once (at 120×50 the two columns scroll).
    var state = Fixtures.state(width: 120, height: 110)
    _ = reduce(&state, .key(.character("?")))
    let text = renderScreen(state, width: 120, height: 110).text
    for binding in KeyBindings.table {
      #expect(text.contains(binding.summary), "\(binding.summary) not shown")
    }
  }
}
