import Foundation
@testable import RankscopeEngine
import Testing
@testable import RankscopeUI

/// Autocomplete under the query bar, refinement chips and the refinement inspector (issue 8).
@Suite("Autocomplete, chips and the refinement inspector")
struct GuideTests {
  /// A query log over the twelve fixture pins: sessions that narrow "cake", and u1's own "cake stand" searches.
  static let log: QueryLog = {
    func search(_ user: String?, _ query: String, minute: Double, clicked: Bool) -> QueryLog.Search {
      QueryLog.Search(user: user, query: query, timestamp: 1_000_000 + minute * 60, shown: ["p1", "p2"],
                      clicked: clicked ? ["p1"] : [])
    }
    var searches: [QueryLog.Search] = []
    for index in 0..<6 {
      let user = "v\(index)"
      let start = Double(index) * 120
      searches.append(search(user, "cake", minute: start, clicked: false))
      searches.append(search(user, "chocolate cake", minute: start + 2, clicked: true))
      searches.append(search(user, "cake chocolate", minute: start + 4, clicked: true))
    }
    for index in 0..<3 {
      searches.append(search("w\(index)", "cake", minute: Double(index) * 200, clicked: false))
      searches.append(search("w\(index)", "cake wedding", minute: Double(index) * 200 + 1, clicked: true))
      searches.append(search("w\(index)", "carrot cake", minute: Double(index) * 200 + 50, clicked: true))
    }
    searches.append(search("u1", "cake stand", minute: 1_000, clicked: true))
    searches.append(search("u1", "cake stand", minute: 1_001, clicked: true))
    searches.append(search(nil, "café au lait", minute: 3, clicked: false))
    return QueryLog(file: "guides", searches: searches)
  }()

  /// The fixture engine with guides built from `log`.
  static let service = GuidedSearchService(engine: Fixtures.engine, guides: QueryGuides(engine: Fixtures.engine, log: log))

  /// A fresh state on `service`.
  static func state(width: Int = 80, height: Int = 24, service: any SearchService = GuideTests.service) -> AppState {
    var state = AppState(service: service, width: width, height: height)
    _ = reduce(&state, .resize(width: width, height: height))
    return state
  }

  @discardableResult
  static func send(_ action: Action, to state: inout AppState,
                   using service: any SearchService = GuideTests.service) -> [Effect] {
    Fixtures.send(action, to: &state, using: service)
  }

  static func type(_ text: String, into state: inout AppState) {
    for character in text { send(.key(.character(character)), to: &state) }
  }

  static func completes(_ effects: [Effect]) -> [String] {
    effects.compactMap { if case .complete(let prefix, _, _) = $0 { return prefix } else { return nil } }
  }

  @Test("typing asks for completions after the search of the same text; the dropdown shows them, the prefix apart")
  func typingCompletes() {
    var state = Self.state()
    let effects = Self.send(.key(.character("c")), to: &state)
    guard case .search(let request, _)? = effects.first else { Issue.record("\(effects)"); return }
    #expect(request.query == "c")
    #expect(Self.completes(effects) == ["c"])
    #expect(EffectPerformer.lane(of: .complete(prefix: "c", user: nil, k: 8)) == nil)
    Self.type("ak", into: &state)
    #expect(state.isAutocompleteVisible)
    #expect(state.autocomplete.prefix == "cak")
    #expect(state.autocomplete.suggestions.first?.text == "cake")
    #expect(state.autocomplete.suggestions.count <= AutocompleteState.limit)
    let screen = renderScreen(state, width: 80, height: 24)
    #expect(screen.text.contains("suggestions"))
    // The first row: the typed prefix in the hint role, the completion in resultTitle.
    let y = 2
    let line = screen.line(y)
    #expect(line.contains("cake"), "\(line)")
    let prefixX = line.distance(from: line.startIndex, to: line.range(of: "cak")!.lowerBound)
    #expect(screen[prefixX, y].role == .hint)
    #expect(screen[prefixX + 3, y].role == .resultTitle)
  }

  @Test("Tab cycles into and through the suggestions, Shift-Tab back; Enter searches the highlighted one")
  func cycleAndAccept() {
    var state = Self.state()
    Self.type("cake", into: &state)
    let count = state.autocomplete.suggestions.count
    #expect(count >= 3)
    Self.send(.key(.tab), to: &state)
    #expect(state.autocomplete.highlighted == 0)
    #expect(state.focus == .query)
    Self.send(.key(.tab), to: &state)
    #expect(state.autocomplete.highlighted == 1)
    Self.send(.key(.backTab), to: &state)
    Self.send(.key(.backTab), to: &state)
    #expect(state.autocomplete.highlighted == count - 1)
    Self.send(.key(.tab), to: &state)
    Self.send(.key(.tab), to: &state)
    let chosen = state.autocomplete.suggestions[1].text
    let effects = Self.send(.key(.enter), to: &state)
    #expect(state.query.text == chosen)
    guard case .search(let request, _)? = effects.first else { Issue.record("\(effects)"); return }
    #expect(request.query == chosen)
    #expect(Self.completes(effects).isEmpty)
    #expect(!state.isAutocompleteVisible)
    #expect(state.focus == .query)
    #expect(state.outcome?.response.parsedQuery.text == chosen)
  }

  @Test("Esc closes the dropdown and keeps the query; typing reopens it; Enter without a highlight goes to results")
  func escapeAndEnter() {
    var state = Self.state()
    Self.type("cake", into: &state)
    Self.send(.key(.tab), to: &state)
    let effects = Self.send(.key(.escape), to: &state)
    #expect(effects.isEmpty)
    #expect(state.query.text == "cake")
    #expect(!state.isAutocompleteVisible)
    #expect(state.focus == .query)
    // Tab is the panel key again while the dropdown is closed.
    Self.send(.key(.tab), to: &state)
    #expect(state.focus == .results)
    Self.send(.key(.character("/")), to: &state)
    Self.type(" ", into: &state)
    #expect(state.isAutocompleteVisible)
    #expect(state.autocomplete.highlighted == nil)
    Self.send(.key(.enter), to: &state)
    #expect(state.focus == .results)
    #expect(state.query.text == "cake ")
  }

  @Test("the dropdown is absent for an empty query, in the compare view, in homefeed mode and on tiny screens")
  func hidden() {
    var state = Self.state()
    Self.type("c", into: &state)
    #expect(state.isAutocompleteVisible)
    Self.send(.key(.backspace), to: &state)
    #expect(!state.isAutocompleteVisible)
    #expect(Self.completes(Self.send(.key(.character(" ")), to: &state)).isEmpty)
    var compare = Self.state()
    Self.type("ca", into: &compare)
    Self.send(.key(.function(7)), to: &compare)
    #expect(!compare.isAutocompleteVisible)
    Self.send(.key(.character("k")), to: &compare)
    #expect(!compare.isAutocompleteVisible)
    var homefeed = Self.state()
    Self.type("ca", into: &homefeed)
    homefeed.mode = .homefeed
    #expect(!homefeed.isAutocompleteVisible)
    var tiny = Self.state(width: 20, height: 5)
    Self.type("ca", into: &tiny)
    #expect(!tiny.isAutocompleteVisible)
    var small = Self.state(width: 20, height: 6)
    Self.type("ca", into: &small)
    #expect(small.isAutocompleteVisible)
  }

  @Test("a picked user's own searches weigh in and are marked \"you\"")
  func personal() {
    var state = Self.state()
    _ = reduce(&state, .loadUsers(PersonalizationViewTests.directory))
    Self.send(.selectUser("u1"), to: &state)
    let effects = Self.send(.key(.character("c")), to: &state)
    guard case .complete(_, let user, _)? = effects.first(where: { if case .complete = $0 { true } else { false } }) else {
      Issue.record("\(effects)")
      return
    }
    #expect(user == "u1")
    #expect(state.autocomplete.suggestions.first?.text == "cake stand")
    #expect(AutocompleteState.marker(state.autocomplete.suggestions[0]) == "you")
    #expect(renderScreen(state, width: 80, height: 24).text.contains("you"))
  }

  @Test("text typed while the guides build is completed once the run loop says they are ready")
  func readyLater() {
    var state = Self.state()
    state.guideStatus = .building
    #expect(RefinementChipsView.note(state) == "type a query" || state.query.text.isEmpty)
    let effects = reduce(&state, .insert("ca"))
    #expect(Self.completes(effects) == ["ca"])
    _ = reduce(&state, .completionsArrived(prefix: "ca", result: .failure(SearchFailure(message: "building"))))
    #expect(!state.isAutocompleteVisible)
    let ready = reduce(&state, .guideStatusChanged(.ready))
    #expect(Self.completes(ready) == ["ca"])
    #expect(state.guideStatus == .ready)
    #expect(RecordedAction(.guideStatusChanged(.ready)) == nil)
    #expect(reduce(&state, .guideStatusChanged(.ready)).isEmpty)
    // Refinements arriving (they wait for the build) also mean the guides are ready.
    var refined = Self.state()
    refined.guideStatus = .building
    _ = reduce(&refined, .insert("ca"))
    _ = reduce(&refined, .completionsArrived(prefix: "ca", result: .failure(SearchFailure(message: "building"))))
    _ = reduce(&refined, .searchCompleted(generation: refined.generation,
                                          result: performSearch(refined.currentRequest, using: Self.service)))
    let arrived = reduce(&refined, .refinementsCompleted(generation: refined.refinements.generation, result: .success([])))
    #expect(Self.completes(arrived) == ["ca"])
    #expect(refined.guideStatus == .ready)
    // Esc before the guides are ready keeps the dropdown away until the next edit.
    var escaped = Self.state()
    escaped.guideStatus = .building
    _ = reduce(&escaped, .insert("ca"))
    _ = reduce(&escaped, .completionsArrived(prefix: "ca", result: .failure(SearchFailure(message: "building"))))
    _ = reduce(&escaped, .key(.escape))
    #expect(Self.completes(reduce(&escaped, .guideStatusChanged(.ready))).isEmpty)
    #expect(Self.completes(reduce(&escaped, .insert("k"))) == ["cak"])
    // An initial query (not typed) is not completed when the guides become ready.
    var initial = Self.state()
    initial.guideStatus = .building
    _ = reduce(&initial, .setQuery("rustic kitchen"))
    #expect(Self.completes(reduce(&initial, .guideStatusChanged(.ready))).isEmpty)
    var failed = Self.state()
    failed.guideStatus = .building
    _ = reduce(&failed, .guideStatusChanged(.unavailable("the query log could not be read: bad line")))
    #expect(failed.layout.queryRows.isEmpty)
  }

  @Test("completions for a text no longer in the bar are dropped")
  func staleCompletions() {
    var state = Self.state()
    Self.type("ca", into: &state)
    let before = state.autocomplete
    _ = reduce(&state, .completionsArrived(prefix: "c", result: .success([CompletionSuggestion(
      text: "cobbler", kind: .query, popularity: 1, recency: 1, personal: 0, searchCount: 1)])))
    #expect(state.autocomplete == before)
  }

  @Test("after a search its refinements are asked for on their own lane; stale answers are dropped")
  func refinementsFollowSearches() {
    var state = Self.state()
    var effects = reduce(&state, .setQuery("cake"))
    guard case .search(_, let generation)? = effects.first else { Issue.record("\(effects)"); return }
    let outcome = performSearch(state.currentRequest, using: Self.service)
    effects = reduce(&state, .searchCompleted(generation: generation, result: outcome))
    let refine = effects.compactMap { effect -> Int? in
      if case .refine(_, _, _, let generation) = effect { return generation } else { return nil }
    }
    #expect(refine.count == 1)
    #expect(EffectPerformer.lane(of: effects.first { if case .refine = $0 { true } else { false } }!) == .refinement)
    #expect(state.refinements.isLoading)
    // The user types on: a new query's refinements are asked for, and the old answer is dropped.
    effects = reduce(&state, .insert(" stand"))
    let outcome2 = performSearch(state.currentRequest, using: Self.service)
    effects = reduce(&state, .searchCompleted(generation: state.generation, result: outcome2))
    #expect(state.refinements.generation == refine[0] + 1)
    let old = Refinement(text: "cake old", addedWords: ["old"], sources: [], engagement: 1, loggedSearches: 0,
                         loggedClickedSearches: 0, totalMatches: 1, totalMatchesIsExact: true, preview: [], overlapWithParent: 0)
    _ = reduce(&state, .refinementsCompleted(generation: refine[0], result: .success([old])))
    #expect(state.refinements.items == nil)
    _ = reduce(&state, .refinementsCompleted(generation: state.refinements.generation, result: .success([old])))
    #expect(state.refinements.items == [old])
    // The same text searched again (a re-rank) does not ask again.
    effects = reduce(&state, .command(.toggleRetrieval))
    #expect(!effects.contains { if case .refine = $0 { true } else { false } })
  }

  @Test("chips: Alt-g focuses them, ←→ move, Enter applies; digits pick chip n; Esc leaves")
  func chips() {
    var state = Self.state()
    Self.send(.setQuery("cake"), to: &state)
    let shown = state.refinements.shown
    #expect(shown.count >= 2, "\(shown.map(\.text))")
    #expect(shown.first?.text == "cake chocolate" || shown.first?.text == "chocolate cake")
    let text = renderScreen(state, width: 80, height: 24).line(2)
    #expect(text.contains("refine"), "\(text)")
    #expect(text.contains("1[") && text.contains("2["), "\(text)")
    Self.send(.key(.alt("g")), to: &state)
    #expect(state.refinements.chipCursor == 0)
    Self.send(.key(.right), to: &state)
    #expect(state.refinements.chipCursor == 1)
    Self.send(.key(.character("x")), to: &state)
    #expect(state.query.text == "cake", "typing does not reach the query in chip mode")
    Self.send(.key(.left), to: &state)
    Self.send(.key(.escape), to: &state)
    #expect(state.refinements.chipCursor == nil)
    Self.send(.key(.alt("g")), to: &state)
    let second = shown[1]
    let effects = Self.send(.key(.enter), to: &state)
    #expect(state.query.text == RefinementState.appliedQuery(shown[0], parent: "cake"))
    #expect(effects.contains { if case .search = $0 { true } else { false } })
    #expect(state.refinements.query == state.query.text)
    #expect(state.refinements.chipCursor == nil)
    // Chip n by number, from chip mode.
    Self.send(.setQuery("cake"), to: &state)
    Self.send(.key(.alt("g")), to: &state)
    Self.send(.key(.character("2")), to: &state)
    #expect(state.query.text == RefinementState.appliedQuery(second, parent: "cake"))
    Self.send(.setQuery("cake"), to: &state)
    Self.send(.key(.alt("g")), to: &state)
    Self.send(.key(.character("9")), to: &state)
    #expect(state.query.text == "cake")
    #expect(state.notice?.contains("no chip 9") == true)
  }

  @Test("in chip mode the row scrolls to keep the focused chip in view")
  func chipsScroll() {
    var state = Self.state(width: 40, height: 12)
    Self.send(.setQuery("cake"), to: &state)
    let count = state.refinements.shown.count
    #expect(count >= 3)
    Self.send(.key(.alt("g")), to: &state)
    for _ in 0..<count { Self.send(.key(.right), to: &state) }
    #expect(state.refinements.chipCursor == count - 1)
    let row = renderScreen(state, width: 40, height: 12).line(1)
    #expect(row.contains("\(count)["), "\(row)")
    #expect(row.contains("‹"), "\(row)")
  }

  @Test("a chip adds its words to the typed text (filters kept), or replaces it when it is not an extension")
  func chipLabels() {
    let extending = Refinement(text: "cake chocolate", addedWords: ["chocolate"], sources: [], engagement: 1, loggedSearches: 0,
                               loggedClickedSearches: 0, totalMatches: 1, totalMatchesIsExact: true, preview: [],
                               overlapWithParent: 0)
    var reordered = extending
    reordered.text = "chocolate cake"
    #expect(RefinementState.chipLabel(extending, parent: "Cake ") == "+ chocolate")
    #expect(RefinementState.appliedQuery(extending, parent: "Cake ") == "Cake chocolate")
    #expect(RefinementState.chipLabel(reordered, parent: "cake") == "chocolate cake")
    #expect(RefinementState.appliedQuery(reordered, parent: "cake") == "chocolate cake")
  }

  @Test("the inspector lists sources, scores, matches, overlap and previews; Enter applies the marked one")
  func inspector() {
    var state = Self.state(width: 100, height: 40)
    Self.send(.setQuery("cake"), to: &state)
    Self.send(.key(.alt("i")), to: &state)
    #expect(state.refinements.isInspectorVisible)
    let text = renderScreen(state, width: 100, height: 40).text
    #expect(text.contains("Refinements of \"cake\""), "\(text)")
    #expect(text.contains("session 6×"), "\(text)")
    #expect(text.contains("Jaccard@10"), "\(text)")
    #expect(text.contains("results"), "\(text)")
    #expect(text.contains("engagement"), "\(text)")
    #expect(text.contains("top: "), "\(text)")
    Self.send(.key(.down), to: &state)
    #expect(state.refinements.inspectorCursor == 1)
    let marked = state.refinements.shown[1]
    Self.send(.key(.enter), to: &state)
    #expect(!state.refinements.isInspectorVisible)
    #expect(state.query.text == RefinementState.appliedQuery(marked, parent: "cake"))
    Self.send(.key(.alt("i")), to: &state)
    Self.send(.key(.escape), to: &state)
    #expect(!state.refinements.isInspectorVisible)
  }

  @Test("without a query log: no chips row, no dropdown, and the inspector and Alt-g say why")
  func noLog() {
    var state = Fixtures.state()
    #expect(state.layout.queryRows.isEmpty)
    let effects = Fixtures.send(.key(.character("c")), to: &state)
    #expect(Self.completes(effects).isEmpty)
    Fixtures.send(.key(.alt("g")), to: &state)
    #expect(state.notice?.contains("no query log") == true)
    Fixtures.send(.key(.alt("i")), to: &state)
    #expect(renderScreen(state, width: 80, height: 24).text.contains("no query log"))
  }

  @Test("the layout adds the chips row under the parsed-query line, or under the bar when compact, if it fits")
  func layout() {
    let stacked = ScreenLayout.compute(width: 80, height: 24, queryRows: [.refinements])
    #expect(stacked.queryRows[.refinements] == Rect(x: 0, y: 2, width: 80, height: 1))
    #expect(stacked.resultsHeader?.y == 3)
    let plain = ScreenLayout.compute(width: 80, height: 24)
    #expect(stacked.explanation?.maxY == plain.explanation?.maxY)
    let panels = { (layout: ScreenLayout) in layout.results.height + (layout.explanation?.height ?? 0) }
    #expect(panels(stacked) == panels(plain) - 1)
    let wide = ScreenLayout.compute(width: 160, height: 30, queryRows: [.refinements])
    #expect(wide.queryRows[.refinements]?.y == 2 && wide.results.y == 4 && wide.explanation?.y == 4)
    #expect(wide.divider?.maxY == wide.explanation?.maxY)
    let compact = ScreenLayout.compute(width: 40, height: 12, queryRows: [.refinements])
    #expect(compact.queryRows[.refinements]?.y == 1)
    #expect(compact.results.maxY == compact.status?.y)
    let small = ScreenLayout.compute(width: 40, height: 8, queryRows: [.refinements])
    #expect(small.queryRows.isEmpty)
    for width in [0, 5, 20, 59, 60, 80, 139, 140, 200] {
      for height in [0, 3, 5, 8, 10, 12, 15, 16, 24, 50] {
        let layout = ScreenLayout.compute(width: width, height: height, queryRows: [.refinements])
        #expect(layout.results.height >= 0)
        if let row = layout.queryRows[.refinements] { #expect(row.maxY <= layout.results.y) }
      }
    }
  }

  @Test("new actions are never recorded; the new keys survive a session file")
  func sessions() throws {
    #expect(RecordedAction(.completionsArrived(prefix: "c", result: .success([]))) == nil)
    #expect(RecordedAction(.refinementsCompleted(generation: 1, result: .success([]))) == nil)
    for key in [Key.tab, .backTab, .alt("g"), .alt("i"), .character("2"), .escape, .enter] {
      let event = SessionEvent(milliseconds: 5, action: .key(key))
      #expect(try SessionTests.event(event.jsonLine) == event)
    }
    for command in [Command.completionNext, .acceptCompletion, .focusChips, .pickChipByNumber, .toggleRefinementInspector,
                    .inspectorApply] {
      let event = SessionEvent(milliseconds: 5, action: .command(command))
      #expect(try SessionTests.event(event.jsonLine) == event)
    }
  }

  @Test("a replay with the guides shows the dropdown, chips and the inspector as the live run did")
  func replay() throws {
    let actions: [Action] = [.key(.character("c")), .key(.character("a")), .key(.tab), .key(.enter), .key(.alt("g")),
                             .key(.character("1")), .key(.alt("i")), .key(.down)]
    var live = Self.state()
    var player = SessionPlayer(header: SessionHeader(width: 80, height: 24), service: Self.service)
    for action in actions {
      Self.send(action, to: &live)
      player.play(SessionEvent(milliseconds: 0, action: RecordedAction(action)!), adjust: Fixtures.pinTimings)
      #expect(player.screenText == SessionPlayer.plainText(renderScreen(live, width: 80, height: 24)))
    }
    #expect(player.state.refinements.isInspectorVisible)
  }

  @Test("views: dropdown, chips and inspector at 80×24, 120×40, 20×6 and 30×10, with odd Unicode")
  func snapshots() {
    var state = Self.state()
    Self.type("ca", into: &state)
    Self.send(.key(.tab), to: &state)
    Snapshot.check(SessionPlayer.plainText(renderScreen(state, width: 80, height: 24)), named: "guides-dropdown-80x24")
    var chips = Self.state()
    Self.send(.setQuery("cake"), to: &chips)
    Self.send(.key(.alt("g")), to: &chips)
    Self.send(.key(.right), to: &chips)
    Snapshot.check(SessionPlayer.plainText(renderScreen(chips, width: 80, height: 24)), named: "guides-chips-80x24")
    Self.send(.key(.alt("i")), to: &chips)
    Snapshot.check(SessionPlayer.plainText(renderScreen(chips, width: 120, height: 40)), named: "guides-inspector-120x40")
    for (width, height) in [(20, 6), (30, 10), (20, 5), (12, 4), (0, 0)] {
      var tiny = Self.state(width: width, height: height)
      Self.type("café", into: &tiny)
      _ = renderScreen(tiny, width: width, height: height)
      Self.send(.setQuery("cake"), to: &tiny)
      Self.send(.key(.alt("i")), to: &tiny)
      let screen = renderScreen(tiny, width: width, height: height)
      #expect(screen.invariantViolation() == nil)
    }
    // Wide and odd Unicode in suggestions and chips: cut by display width, never past the box.
    var odd = Self.state(width: 30, height: 10)
    let wide = CompletionSuggestion(text: "抹茶ケーキ matcha 🍵 cake with e\u{301}clairs and more", kind: .query, popularity: 1,
                                    recency: 1, personal: 0, searchCount: 12_345)
    _ = reduce(&odd, .insert("抹"))
    _ = reduce(&odd, .completionsArrived(prefix: "抹", result: .success([wide, wide])))
    let refinement = Refinement(text: "抹 ケーキ 🍵🍵🍵 très long chip text", addedWords: ["ケーキ"], sources: [
      .significantTerm(term: "ケーキ", score: 12.25, foregroundFrequency: 3, foregroundSize: 5, backgroundFrequency: 4),
      .transition(count: 3, clickedCount: 2, userCount: 1)], engagement: 0.5, loggedSearches: 3, loggedClickedSearches: 2,
      totalMatches: 1_234, totalMatchesIsExact: false, preview: [.init(id: "p5", title: "抹茶ケーキ matcha cake")],
      overlapWithParent: 0.25)
    _ = reduce(&odd, Fixtures.pinTimings(.searchCompleted(generation: odd.generation,
                                                          result: performSearch(odd.currentRequest, using: Self.service))))
    _ = reduce(&odd, .refinementsCompleted(generation: odd.refinements.generation, result: .success([refinement, refinement])))
    let oddScreen = renderScreen(odd, width: 30, height: 10)
    #expect(oddScreen.invariantViolation() == nil)
    Snapshot.check(SessionPlayer.plainText(oddScreen), named: "guides-unicode-30x10")
    _ = reduce(&odd, .key(.escape))
    let oddChips = renderScreen(odd, width: 30, height: 10)
    #expect(oddChips.line(1).contains("1[+ ケーキ"), "\(oddChips.text)")
    Snapshot.check(SessionPlayer.plainText(oddChips), named: "guides-chips-unicode-30x10")
    _ = reduce(&odd, .key(.alt("i")))
    let oddInspector = renderScreen(odd, width: 30, height: 10)
    #expect(oddInspector.invariantViolation() == nil)
    Snapshot.check(SessionPlayer.plainText(oddInspector), named: "guides-inspector-unicode-30x10")
  }
}
