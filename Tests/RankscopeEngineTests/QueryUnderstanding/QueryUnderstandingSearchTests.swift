import Testing
@testable import RankscopeEngine

@Suite("Query understanding in the search pipeline")
struct QueryUnderstandingSearchTests {
  static let lines = """
    {"id":"1","body":"rustic kitchen shelf"}
    {"id":"2","body":"kitchen island"}
    {"id":"3","body":"kitchen sink"}
    {"id":"4","body":"rustic barn door"}
    {"id":"5","body":"wedding cake"}
    {"id":"6","body":"kitchen"}
    """

  /// An engine over the small corpus with an understander whose corrector knows its words.
  static func engine() throws -> SearchEngine {
    let engine = try SearchEngine.inMemory(schema: TestCorpus.plainSchema, jsonLines: lines)
    let documents = ["rustic kitchen shelf", "kitchen island", "kitchen sink", "rustic barn door", "wedding cake", "kitchen"]
    engine.install(QueryUnderstander(corrector: SpellingCorrector(vocabulary: SpellingVocabulary(documents: documents))))
    return engine
  }

  @Test("an auto-correction changes the searched text, names itself on the term and in the hits' explanations")
  func autoCorrection() throws {
    let engine = try Self.engine()
    var request = SearchRequest(query: "rustic kitchn", limit: 10, explain: true)
    request.understanding = .standard
    let response = try engine.search(request)
    let interpretation = try #require(response.interpretation)
    #expect(interpretation.searchedText == "rustic kitchen")
    #expect(interpretation.rewrites.map(\.id) == ["spelling:kitchn>kitchen"])
    #expect(interpretation.rewrites[0].isApplied)
    #expect(response.hits.first?.id == "1")
    #expect(Set(response.hits.map(\.id)) == ["1", "2", "3", "4", "6"])
    let kitchenTerm = try #require(response.parsedQuery.terms.first { $0.text == "kitchen" })
    #expect(kitchenTerm.rewrite == "spelling:kitchn>kitchen")
    for hit in response.hits {
      let explanation = try #require(hit.explanation)
      #expect(ExplanationChecker.isExact(explanation, score: hit.score))
      let text = explanation.renderText()
      if hit.id == "4" {
        #expect(hit.rewrites.isEmpty, "the barn door holds only the typed word")
        #expect(!text.contains("query understanding"))
      } else {
        #expect(hit.rewrites == ["spelling:kitchn>kitchen"])
        #expect(text.contains("query understanding · found through spelling kitchn→kitchen"), "\(text)")
        #expect(text.contains("corrected from \"kitchn\""))
      }
    }
  }

  @Test("a rewrite switched off is reported as off and the query runs as typed")
  func disabledRewrite() throws {
    let engine = try Self.engine()
    var request = SearchRequest(query: "rustic kitchn", limit: 10)
    request.understanding = QueryUnderstandingOptions(disabled: ["spelling:kitchn>kitchen"])
    let response = try engine.search(request)
    let interpretation = try #require(response.interpretation)
    #expect(interpretation.searchedText == "rustic kitchn")
    #expect(interpretation.rewrites.map(\.isApplied) == [false])
    #expect(Set(response.hits.map(\.id)) == ["1", "4"])
    let typed = try engine.search(SearchRequest(query: "rustic kitchn", limit: 10))
    #expect(typed.hits.map(\.id) == response.hits.map(\.id))
    #expect(typed.hits.map(\.score) == response.hits.map(\.score))
    #expect(typed.interpretation == nil)
  }

  @Test("without a request for it, or without an understander, nothing is rewritten")
  func offByDefault() throws {
    let engine = try Self.engine()
    #expect(try engine.search(SearchRequest(query: "kitchn", limit: 10)).hits.isEmpty)
    let bare = try SearchEngine.inMemory(schema: TestCorpus.plainSchema, jsonLines: Self.lines)
    var request = SearchRequest(query: "kitchn", limit: 10)
    request.understanding = .standard
    let response = try bare.search(request)
    #expect(response.hits.isEmpty)
    #expect(response.interpretation == nil)
  }

  @Test("filters survive understanding and the spelling kind can be switched off as a whole")
  func filtersAndKinds() throws {
    let engine = try Self.engine()
    var request = SearchRequest(query: "kitchn", limit: 10)
    request.understanding = QueryUnderstandingOptions(kinds: [])
    let response = try engine.search(request)
    #expect(response.interpretation?.rewrites.isEmpty == true)
    #expect(response.hits.isEmpty)
  }
}
