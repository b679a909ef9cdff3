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
    #expect(state.notice == "semantic retrieval is off: no model found in models/all-MiniLM-L6-v2")
    #expect(StatusLineView(state: state).message.text.contains("semantic retrieval is off"))
  }

  @Test("F2 switches to semantic retrieval and searches again; the next edit clears the notice")
  func on() {
    var state = Fixtures.state(width: 80, height: 24)
    state.semanticStatus = .available(field: "text_embedding", model: "all-MiniLM-L6-v2")
    _ = reduce(&state, .insert("cake"))
    let before = state.generation
    let effects = reduce(&state, .key(.control("t")))
    #expect(state.retrieval == .semantic)
    #expect(effects == [.search(SearchRequest(query: "cake", limit: state.resultLimit, explain: true, retrieval: .semantic),
                                generation: before + 1)])
    #expect(StatusLineView(state: state).message.text.hasPrefix("semantic │"))
    _ = reduce(&state, .insert("s"))
    #expect(state.notice == nil)
    #expect(state.currentRequest.retrieval == .semantic)
    _ = reduce(&state, .key(.function(2)))
    #expect(state.retrieval == .lexical)
  }
}
