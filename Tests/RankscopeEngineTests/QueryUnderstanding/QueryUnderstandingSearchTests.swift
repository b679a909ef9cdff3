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

@Suite("Synonyms, phrases and intent in the search pipeline")
struct QueryRewritesSearchTests {
  static let schema = Schema(fields: [
    Schema.Field(name: "title", type: .text, weight: 2, b: 0.5, analyzer: AnalyzerConfiguration(stopWords: .none, stemmer: .none)),
    Schema.Field(name: "body", type: .text, weight: 1, b: 0.75, analyzer: AnalyzerConfiguration(stopWords: .none, stemmer: .none)),
    Schema.Field(name: "category", type: .keyword, analyzer: .keyword),
    Schema.Field(name: "type", type: .keyword, analyzer: .keyword),
  ], k1: 1.2)

  static let lines = """
    {"id":"1","title":"boho sofa","body":"a sofa for the living room","category":"living room","type":"image"}
    {"id":"2","title":"green couch","body":"a couch with cushions","category":"living room","type":"product"}
    {"id":"3","title":"modern living room","body":"mid century modern chairs","category":"living room","type":"image"}
    {"id":"4","title":"modern century bank","body":"mid town living history room","category":"finance","type":"image"}
    {"id":"5","title":"sofa table","body":"a table behind the sofa","category":"furniture","type":"product"}
    {"id":"6","title":"mcm lamp","body":"a lamp","category":"living room","type":"product"}
    """

  /// An engine whose understander has a synonyms file, a phrase dictionary and an intent model from a tiny log.
  static func engine(settings: UnderstandingSettings = UnderstandingSettings(synonymScale: 1)) throws -> SearchEngine {
    let engine = try SearchEngine.inMemory(schema: schema, jsonLines: lines)
    let file = try SynonymFile.parse("""
      sofa, couch | 0.5
      mcm => mid century modern | 0.8
      """, path: "synonyms.txt")
    let phrases = PhraseDictionary(entries: [
      PhraseDictionary.Entry(words: ["mid", "century", "modern"], corpusCount: 9, logCount: 3),
      PhraseDictionary.Entry(words: ["living", "room"], corpusCount: 20, logCount: 5),
    ])
    let examples = (0..<20).flatMap { _ in [
      IntentTrainer.Example(query: "sofa", category: ["living room": 1], contentType: ["product": 1]),
      IntentTrainer.Example(query: "bank loan", category: ["finance": 1], contentType: ["image": 1]),
    ] }
    let intent = IntentTrainer.train(examples: examples)
    engine.install(QueryUnderstander(corrector: nil, synonyms: SynonymTable(file: file), segmenter: SegmentDetector(dictionary: phrases),
                                     intentModel: intent, settings: settings))
    return engine
  }

  static func search(_ engine: SearchEngine, _ query: String, disabled: Set<String> = [], profile: RankProfile? = nil)
    throws -> SearchResponse {
    var request = SearchRequest(query: query, limit: 10, explain: true, profile: profile)
    request.understanding = QueryUnderstandingOptions(disabled: disabled)
    return try engine.search(request)
  }

  @Test("the synonym scale multiplies a rule's weight")
  func synonymScale() throws {
    let engine = try Self.engine(settings: UnderstandingSettings(synonymScale: 0.25))
    let rewrite = try #require(try Self.search(engine, "sofa").interpretation?.rewrites.first { $0.kind == .synonym })
    #expect(rewrite.weight == 0.125)
  }

  @Test("a synonym adds its words with its weight; the explanation names the rule and adds up exactly")
  func synonymTerms() throws {
    let engine = try Self.engine()
    let response = try Self.search(engine, "sofa")
    let rewrite = try #require(response.interpretation?.rewrites.first { $0.kind == .synonym })
    #expect(rewrite.id == "synonym:sofa>couch")
    #expect(rewrite.weight == 0.5)
    #expect(rewrite.source == "synonyms.txt:1")
    let couch = try #require(response.parsedQuery.terms.first { $0.text == "couch" })
    #expect(couch.weight == 0.5 && couch.rewrite == "synonym:sofa>couch")
    let hit = try #require(response.hits.first { $0.id == "2" })
    #expect(hit.rewrites == ["synonym:sofa>couch"])
    let explanation = try #require(hit.explanation)
    #expect(ExplanationChecker.isExact(explanation, score: hit.score))
    let text = explanation.renderText()
    #expect(text.contains("term \"couch\" × 0.5 (synonym of \"sofa\", synonyms.txt:1)"), "\(text)")
    // Half the weight: exactly half the score the word gets when typed.
    let typed = try engine.search(SearchRequest(query: "couch", limit: 10)).hits.first { $0.id == "2" }
    #expect(hit.score == 0.5 * (typed?.score ?? 0))
    // Switched off: the couch is no longer found.
    let off = try Self.search(engine, "sofa", disabled: ["synonym:sofa>couch"])
    #expect(!off.hits.contains { $0.id == "2" })
    #expect(off.interpretation?.rewrites.first { $0.kind == .synonym }?.isApplied == false)
  }

  @Test("block-max top-k equals exhaustive scoring with weighted synonym terms")
  func weightedTermsPruneExactly() throws {
    let engine = try Self.engine()
    let response = try Self.search(engine, "sofa mcm lamp")
    let scorer = BM25FScorer(reader: engine.reader)
    let terms = try scorer.resolve(response.parsedQuery.terms)
    #expect(terms.contains { $0.term.weight != 1 })
    let exhaustive = try scorer.scoreAll(terms)
    #expect(BlockMaxScorer.supports(Self.schema))
    let pruned = try BlockMaxScorer(reader: engine.reader).top(terms, count: 3, filter: nil)
    let expected = exhaustive.matched.map { ($0, exhaustive.scores[$0]) }
      .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(3)
    #expect(pruned.hits.map(\.document) == expected.map(\.0))
    #expect(pruned.hits.map(\.score) == expected.map(\.1))
  }

  @Test("a phrase boosts the documents holding it, by a product the explanation shows; off, the order is retrieval's")
  func phraseBoost() throws {
    let engine = try Self.engine()
    let response = try Self.search(engine, "mid century modern", disabled: ["synonym:mcm>mid century modern"])
    let phrase = try #require(response.interpretation?.rewrites.first { $0.kind == .phrase })
    #expect(phrase.id == "phrase:mid century modern")
    #expect(phrase.weight == UnderstandingSettings.standard.phraseBoost)
    #expect(response.trace.contains { $0.name == "phrase" })
    let three = try #require(response.hits.first { $0.id == "3" })
    let four = try #require(response.hits.first { $0.id == "4" })
    #expect(three.rewrites == ["phrase:mid century modern"])
    #expect(four.rewrites.isEmpty, "the bank has the words, not the phrase")
    #expect(three.score == (three.retrievalScore ?? 0) * (1 + UnderstandingSettings.standard.phraseBoost))
    #expect(four.score == four.retrievalScore)
    for hit in response.hits {
      #expect(ExplanationChecker.isExact(try #require(hit.explanation), score: hit.score))
    }
    let text = try #require(three.explanation).renderText()
    #expect(text.contains("phrase \"mid century modern\" found in body (boost)"), "\(text)")
    let off = try Self.search(engine, "mid century modern", disabled: ["phrase:mid century modern", "synonym:mcm>mid century modern"])
    let plain = try engine.search(SearchRequest(query: "mid century modern", limit: 10))
    #expect(off.hits.map(\.id) == plain.hits.map(\.id))
    #expect(off.hits.map(\.score) == plain.hits.map(\.score))
  }

  @Test("a large phrase boost lifts a document from below the page into it")
  func phraseWindow() throws {
    let engine = try Self.engine(settings: UnderstandingSettings(phraseBoost: 10, phraseWindow: 100, synonymScale: 1))
    var request = SearchRequest(query: "living room modern", limit: 1)
    request.understanding = QueryUnderstandingOptions(disabled: ["phrase:mid century modern"])
    let plain = try engine.search(SearchRequest(query: "living room modern", limit: 6))
    let boosted = try engine.search(request)
    #expect(boosted.hits.count == 1)
    let first = try #require(boosted.hits.first)
    #expect(first.rewrites.contains("phrase:living room"))
    #expect(plain.hits.contains { $0.id == first.id })
  }

  @Test("the intent is predicted, switchable, and read by the category_intent and content_type_intent features")
  func intentFeatures() throws {
    let engine = try Self.engine()
    let response = try Self.search(engine, "sofa")
    let interpretation = try #require(response.interpretation)
    let intent = try #require(interpretation.intent)
    #expect(intent.category.top?.label == "living room")
    #expect(interpretation.rewrites.contains { $0.id == QueryRewrite.intentIdentifier && $0.isApplied })
    let profile = try RankProfileParser.parse(
      #"{"name":"intent","retrieve":{"generators":{"bm25f":10}},"l1":{"keep":10,"weights":{"bm25f":1,"category_intent":5}}}"#,
      source: "intent.json", context: RankProfileContext(schema: Self.schema))
    let ranked = try Self.search(engine, "sofa", profile: profile)
    let table = try #require(ranked.hits.first { $0.id == "5" })
    let living = try #require(ranked.hits.first { $0.id == "1" })
    for hit in ranked.hits { #expect(ExplanationChecker.isExact(try #require(hit.explanation), score: hit.score)) }
    let livingText = try #require(living.explanation).renderText()
    #expect(livingText.contains("P(category = \"living room\" | query) from the intent model"), "\(livingText)")
    #expect(living.score > table.score)
    let off = try Self.search(engine, "sofa", disabled: [QueryRewrite.intentIdentifier], profile: profile)
    #expect(off.interpretation?.intent == nil)
    let offText = try #require(off.hits.first { $0.id == "1" }?.explanation).renderText()
    #expect(offText.contains("0: no intent prediction"), "\(offText)")
  }

  @Test("feature logs made with understanding read what the understood search matched: synonym terms, intent")
  func featuresWithUnderstanding() throws {
    let engine = try Self.engine()
    let profile = try RankProfileParser.parse(
      #"{"name":"plain","retrieve":{"generators":{"bm25f":10}},"l1":{"keep":10,"weights":{"bm25f":1}}}"#,
      source: "plain.json", context: RankProfileContext(schema: Self.schema))
    var features = try ProfileFeatures(engine: engine, profile: profile)
    let column = try #require(features.featureNames.firstIndex(of: "category_intent"))
    let bm25Column = try #require(features.featureNames.firstIndex(of: "bm25f"))
    let typed = try features.candidates(query: "sofa")
    #expect(!typed.ids.contains("2"), "as typed, the couch is not retrieved")
    #expect((0..<typed.ids.count).allSatisfy { typed.features[$0, column] == 0 })
    features.understanding = .standard
    let understood = try features.candidates(query: "sofa")
    let couch = try #require(understood.ids.firstIndex(of: "2"))
    #expect(understood.features[couch, bm25Column] > 0, "the synonym term is in the bm25f feature")
    let sofa = try #require(understood.ids.firstIndex(of: "1"))
    #expect(understood.features[sofa, column] > 0.5, "P(living room | sofa)")
    // The same values the understood search's L1 explanation shows.
    let searched = try Self.search(engine, "sofa", profile: profile)
    let hit = try #require(searched.hits.first { $0.id == "2" })
    #expect(hit.score == understood.features[couch, bm25Column])
  }
}
