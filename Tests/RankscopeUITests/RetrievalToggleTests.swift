import RankscopeEngine
import Testing
@testable import RankscopeUI

@Suite("Retrieval toggle")
struct RetrievalToggleTests {
  @Test("F2 says why semantic retrieval is off and keeps BM25F")
  func off() {
    var state = Fixtures.state(width: 80, height: 24)
    state.semanticStatus = .off(reason: "no model found in models/all-MiniLM-L6-v2")
    _ = reduce(&state, .insert("cake"))
    let effects = reduce(&state, .key(.function(2)))
    #expect(effects.isEmpty)
    #expect(state.retrieval == .lexical)
    #expect(state.notice == "semantic and hybrid retrieval are off: no model found in models/all-MiniLM-L6-v2")
    #expect(StatusLineView(state: state).message.text.contains("semantic and hybrid retrieval are off"))
  }

  @Test("F2 cycles lexical → semantic → hybrid → lexical, searching again each time; the next edit clears the notice")
  func on() {
    var state = Fixtures.state(width: 80, height: 24)
    state.semanticStatus = .available(field: "text_embedding", model: "all-MiniLM-L6-v2")
    _ = reduce(&state, .insert("cake"))
    let before = state.generation
    let effects = reduce(&state, .key(.control("t")))
    #expect(state.retrieval == .semantic)
    #expect(effects == [.search(SearchRequest(query: "cake", limit: state.resultLimit, explain: true, explained: .first(1), retrieval: .semantic),
                                generation: before + 1)])
    #expect(StatusLineView(state: state).message.text.hasPrefix("semantic │"))
    _ = reduce(&state, .insert("s"))
    #expect(state.notice == nil)
    #expect(state.currentRequest.retrieval == .semantic)
    _ = reduce(&state, .key(.function(2)))
    #expect(state.retrieval == .hybrid)
    #expect(StatusLineView(state: state).message.text.hasPrefix("hybrid · RRF k=60 │"))
    _ = reduce(&state, .key(.function(2)))
    #expect(state.retrieval == .lexical)
  }

  @Test("hybrid mode: provenance markers in the results, fusion in the status line, the fusion tree explained")
  func hybridScreen() throws {
    var state = AppState(service: Fixtures.hybridEngine, width: 100, height: 30)
    _ = reduce(&state, .resize(width: 100, height: 30))
    for character in "chocolate cake" { Fixtures.send(.key(.character(character)), to: &state, using: Fixtures.hybridEngine) }
    Fixtures.send(.key(.function(2)), to: &state, using: Fixtures.hybridEngine)
    Fixtures.send(.key(.function(2)), to: &state, using: Fixtures.hybridEngine)
    #expect(state.retrieval == .hybrid)
    let hit = try #require(state.selectedHit)
    #expect(hit.sourceMarkers == "L1 S1")
    let explanation = try #require(hit.explanation)
    #expect(ExplanationChecker.isExact(explanation, score: hit.score))
    let screen = renderScreen(state, width: 100, height: 30)
    #expect(screen.text.contains("L1 S1"))
    #expect(screen.text.contains("reciprocal rank fusion"))
    Snapshot.check(screen.text, named: "screen-hybrid-100x30")
  }
}
