import Foundation
import RankscopeEngine
import Testing
@testable import RankscopeUI

@Suite("Query understanding in the explorer")
struct UnderstandingTests {
  /// An engine over the fixture pins with an understander whose corrector knows their words.
  static let engine: SearchEngine = {
    do {
      let engine = try SearchEngine.inMemory(schema: Fixtures.schema, jsonLines: Fixtures.pins)
      engine.install(try QueryUnderstander.build(reader: engine.reader, log: nil))
      return engine
    } catch {
      fatalError("understanding fixture: \(error)")
    }
  }()

  static func state(width: Int = 100, height: Int = 30) -> AppState {
    var state = AppState(service: engine, width: width, height: height)
    _ = reduce(&state, .resize(width: width, height: height))
    return state
  }

  static func send(_ action: Action, to state: inout AppState) {
    Fixtures.send(action, to: &state, using: engine)
  }

  static func type(_ text: String, into state: inout AppState) {
    for character in text { send(.key(.character(character)), to: &state) }
  }

  @Test("searches ask for understanding when the service understands queries, and not otherwise")
  func requestsCarryOptions() {
    var state = Self.state()
    #expect(state.understanding.isAvailable)
    #expect(state.currentRequest.understanding == .standard)
    var plain = Fixtures.state()
    #expect(!plain.understanding.isAvailable)
    #expect(plain.currentRequest.understanding == nil)
    #expect(reduce(&plain, .key(.alt("q"))).isEmpty)
    #expect(plain.notice?.contains("not available") == true)
    // Alt-q switches it off and searches again as typed; again switches it back on.
    Self.type("cake", into: &state)
    let off = reduce(&state, .key(.alt("q")))
    #expect(!state.understanding.isEnabled)
    #expect(off.contains { if case .search(let request, _) = $0 { return request.understanding == nil } else { return false } })
    _ = reduce(&state, .key(.alt("q")))
    #expect(state.currentRequest.understanding == .standard)
  }

  @Test("an auto-correction shows in the info line; Alt-z searches as typed and Alt-z again corrects again")
  func undoCorrection() {
    var state = Self.state()
    Self.type("chocolat cake", into: &state)
    let interpretation = try? #require(state.interpretation)
    #expect(interpretation?.rewrites.map(\.id) == ["spelling:chocolat>chocolate"])
    #expect(state.hits.first?.id == "p1")
    #expect(state.hits.first?.rewrites == ["spelling:chocolat>chocolate"])
    let screen = renderScreen(state, width: 100, height: 30).text
    #expect(screen.contains("understood: chocolat→chocolate  Alt-z undo  · terms: chocol cake"), "\(screen)")
    Self.send(.key(.alt("z")), to: &state)
    #expect(state.understanding.disabled == ["spelling:chocolat>chocolate"])
    #expect(state.interpretation?.searchedText == "chocolat cake")
    #expect(state.interpretation?.rewrites.first?.isApplied == false)
    #expect(renderScreen(state, width: 100, height: 30).text.contains("chocolat→chocolate (off)"))
    Self.send(.key(.alt("z")), to: &state)
    #expect(state.understanding.disabled.isEmpty)
    #expect(state.interpretation?.searchedText == "chocolate cake")
  }

  @Test("a \"did you mean\" is offered, not applied, and Alt-y takes it keeping the filters")
  func didYouMean() {
    var state = Self.state()
    var outcome = Fixtures.handMadeOutcome
    outcome.response.interpretation = QueryInterpretation(typedText: "cakke", searchedText: "cakke", suggestion: "cake",
                                                         spellingConfidence: 0.5)
    _ = reduce(&state, .setQuery("cakke type:image"))
    _ = reduce(&state, .searchCompleted(generation: state.generation, result: .success(outcome)))
    #expect(renderScreen(state, width: 100, height: 30).text.contains("did you mean: cake? Alt-y"))
    let effects = reduce(&state, .key(.alt("y")))
    #expect(state.query.text == "cake type:image")
    #expect(effects.contains { if case .search(let request, _) = $0 { return request.query == "cake type:image" } else { return false } })
    // Nothing to take: a notice, no search.
    #expect(reduce(&state, .key(.alt("y"))).isEmpty || state.interpretation?.suggestion != nil)
  }

  @Test("the accepted query replaces the changed words in place, or is the suggestion when words do not line up")
  func acceptedQueryText() {
    #expect(acceptedQuery("rustic  kitchn type:video", typedFreeText: "rustic kitchn", suggestion: "rustic kitchen")
            == "rustic  kitchen type:video")
    #expect(acceptedQuery("price<50 kitchn", typedFreeText: "kitchn", suggestion: "kitchen") == "price<50 kitchen")
    #expect(acceptedQuery("a b", typedFreeText: "a b", suggestion: "ab") == "ab")
  }

  @Test("the rewrites panel lists each rewrite; Space switches the marked one; row 0 switches understanding")
  func panel() {
    var state = Self.state()
    Self.type("chocolat cake", into: &state)
    Self.send(.key(.alt("w")), to: &state)
    #expect(state.understanding.isPanelVisible)
    let lines = RewritesPanel.lines(state).map(\.text)
    #expect(lines.contains("[x] query understanding (Alt-q)"))
    #expect(lines.contains { $0.contains("[x] spelling") && $0.contains("chocolat → chocolate") })
    #expect(lines.contains("searched: chocolate cake"))
    let screen = renderScreen(state, width: 100, height: 30).text
    #expect(screen.contains("Query understanding") && screen.contains("chocolat → chocolate"), "\(screen)")
    // j moves (not typed into the query), Space switches the rewrite off and searches again.
    Self.send(.key(.character("j")), to: &state)
    #expect(state.query.text == "chocolat cake")
    #expect(state.understanding.cursor == 1)
    Self.send(.key(.character(" ")), to: &state)
    #expect(state.understanding.disabled == ["spelling:chocolat>chocolate"])
    #expect(state.interpretation?.rewrites.first?.isApplied == false)
    Self.send(.key(.character("k")), to: &state)
    Self.send(.key(.enter), to: &state)
    #expect(!state.understanding.isEnabled)
    #expect(state.interpretation == nil)
    #expect(RewritesPanel.lines(state).map(\.text).contains("    off: the query runs as typed"))
    #expect(renderScreen(state, width: 100, height: 30).text.contains("as typed (Alt-q: understanding on)"))
    Self.send(.key(.escape), to: &state)
    #expect(!state.understanding.isPanelVisible)
  }

  @Test("the panel draws at any size without crashing")
  func panelSizes() {
    var state = Self.state()
    Self.type("chocolat cake", into: &state)
    Self.send(.key(.alt("w")), to: &state)
    for (width, height) in [(0, 0), (5, 3), (12, 4), (20, 5), (40, 8), (60, 16), (200, 60)] {
      var sized = state
      _ = reduce(&sized, .resize(width: width, height: height))
      let text = renderScreen(sized, width: width, height: height).text
      if width >= 60, height >= 16 { #expect(text.contains("Query understanding")) }
    }
  }

  @Test("while the understander builds, the line says so; once it is in, the query shown is searched again")
  func readiness() throws {
    let engine = try SearchEngine.inMemory(schema: Fixtures.schema, jsonLines: Fixtures.pins)
    engine.expectUnderstander()
    var state = AppState(service: engine, width: 100, height: 30)
    _ = reduce(&state, .resize(width: 100, height: 30))
    #expect(state.understanding.isAvailable && !state.understanding.isReady)
    for character in "chocolat cake" { Fixtures.send(.key(.character(character)), to: &state, using: engine) }
    #expect(state.interpretation == nil)
    #expect(renderScreen(state, width: 100, height: 30).text.contains("understanding: loading…"))
    engine.install(try QueryUnderstander.build(reader: engine.reader, log: nil))
    let effects = reduce(&state, .understandingReady)
    #expect(state.understanding.isReady)
    #expect(effects.contains { if case .search(let request, _) = $0 { return request.query == "chocolat cake" } else { return false } })
    Fixtures.send(.understandingReady, to: &state, using: engine)
    #expect(state.interpretation?.searchedText == "chocolate cake")
    #expect(RecordedAction(.understandingReady) == nil, "readiness is the engine's, not the session's")
  }

  @Test("refinements are asked for the corrected query when a correction was applied")
  func refinementsOfTheCorrectedQuery() {
    var state = Self.state()
    state.guideStatus = .ready
    Self.type("chocolat cake type:image", into: &state)
    #expect(state.interpretation?.searchedText == "chocolate cake")
    var refined = state
    refined.refinements.query = nil
    let effects = requestRefinements(&refined)
    #expect(effects.contains { if case .refine(let query, _, _, _) = $0 { return query == "chocolate cake type:image" } else { return false } })
  }
}
