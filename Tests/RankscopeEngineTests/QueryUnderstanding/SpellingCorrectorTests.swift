import Testing
@testable import RankscopeEngine

@Suite("Spelling correction")
struct SpellingCorrectorTests {
  /// A hand-made corpus: "cat" is the more frequent word, but "car" shares documents with "engine".
  static let documents = [
    "cat nap", "cat toy", "cat bed", "cat food", "cat tree", "cat photo", "cat sleeping",
    "car engine repair", "car engine oil",
    "rustic kitchen", "rustic kitchen shelf", "kitchen island", "kitchen island", "kitchen sink",
    "kitchen", "kitten", "wedding cake", "wedding cake", "wedding dress", "wedding dress",
  ]

  static func corrector(queries: [String] = [], settings: SpellingSettings = SpellingSettings()) -> SpellingCorrector {
    SpellingCorrector(vocabulary: SpellingVocabulary(documents: documents, queries: queries), settings: settings)
  }

  @Test("the vocabulary holds surface words with document frequencies and ignores log words no document has")
  func vocabularyCounts() {
    let vocabulary = SpellingVocabulary(documents: ["Rustic kitchen kitchen", "kitchen"], queries: ["kitchen kichten"])
    #expect(vocabulary.words == ["kitchen", "rustic"])
    #expect(vocabulary.documentFrequencies == [2, 1])
    #expect(vocabulary.queryFrequencies == [1, 0])
    #expect(vocabulary.coOccurrence(0, 1) == 1)
  }

  @Test("scoring picks the frequent word among candidates at the same distance")
  func picksFrequentWord() {
    // "kitchen" (6 documents) and "kitten" (1) are both one edit from "kitcen".
    let correction = Self.corrector().correct("kitcen")
    #expect(correction.corrected == "kitchen")
    let alternatives = correction.words[0].alternatives.map(\.word)
    #expect(alternatives.first == "kitchen")
    #expect(alternatives.contains("kitten"))
  }

  @Test("query-log frequency can change the choice")
  func queryLogWeighs() {
    let withoutLog = Self.corrector().correct("cax")
    #expect(withoutLog.corrected == "cat")
    let withLog = Self.corrector(queries: Array(repeating: "car", count: 50)).correct("cax")
    #expect(withLog.corrected == "car")
  }

  @Test("context from the other query words changes the choice")
  func contextChangesChoice() {
    #expect(Self.corrector().correct("cax").corrected == "cat")
    #expect(Self.corrector().correct("cax engine").corrected == "car engine")
    var noContext = SpellingSettings()
    noContext.contextWeight = 0
    #expect(Self.corrector(settings: noContext).correct("cax engine").corrected == "cat engine")
  }

  @Test("frequent words, filters, numbers and quoted phrases are left alone")
  func protectedTokens() {
    let query = "kitchen type:video price<50 2024 \"wedding cke\" category:\"home decr\" -type:image lo-fi"
    let correction = Self.corrector().correct(query)
    #expect(correction.corrected == query)
    #expect(!correction.isChanged)
    #expect(correction.confidence == 1)
    #expect(correction.words.map(\.status) == [.known] + Array(repeating: WordCorrection.Status.protected, count: 7))
  }

  @Test("a typo among filters is corrected and the filters kept in place")
  func correctsAroundFilters() {
    #expect(Self.corrector().correct("weding cake type:video").corrected == "wedding cake type:video")
  }

  @Test("confidence decides between auto-correct and did you mean")
  func confidenceDecides() {
    // "cax" alone: cat (7 documents) against car (2) — sure enough to apply at a low threshold, not at a high one.
    var low = SpellingSettings()
    low.automaticThreshold = 0.5
    let sure = Self.corrector(settings: low).correct("cax")
    #expect(sure.isChanged && sure.isAutomatic && !sure.isSuggestion)
    var high = SpellingSettings()
    high.automaticThreshold = 0.99
    let unsure = Self.corrector(settings: high).correct("cax")
    #expect(unsure.corrected == "cat" && !unsure.isAutomatic && unsure.isSuggestion)
    #expect(unsure.confidence == sure.confidence)
    #expect(sure.confidence > 0.5 && sure.confidence < 0.99)
    let probabilities = sure.words[0].alternatives.map(\.probability)
    #expect(abs(probabilities.reduce(0, +) - 1) < 1e-9)
  }

  @Test("an unknown word with no candidate is kept")
  func unknownKept() {
    let correction = Self.corrector().correct("zzzzzz")
    #expect(correction.corrected == "zzzzzz")
    #expect(correction.words[0].status == .unknown)
  }

  @Test("an unknown word whose only candidates are weak is kept, unless keeping scores lower")
  func weakCandidatesKept() {
    let kept = Self.corrector().correct("weddxxg")   // wedding: two edits, 4 documents: ln 5 − 10 < −7
    #expect(kept.corrected == "weddxxg")
    #expect(kept.words[0].status == .checked)
    #expect(kept.words[0].alternatives.map(\.word).contains("wedding"))
    #expect(Self.corrector().correct("weddng").corrected == "wedding")   // one edit: ln 5 − 5 > −7
    var eager = SpellingSettings()
    eager.unknownWordScore = -20
    #expect(Self.corrector(settings: eager).correct("weddxxg").corrected == "wedding")
  }

  @Test("query tokens keep quoted phrases whole")
  func tokens() {
    #expect(QueryTokens.split("a \"b c\" category:\"d e\"  f") == ["a", "\"b c\"", "category:\"d e\"", "f"])
    #expect(QueryTokens.isCorrectable("kitchen"))
    #expect(!QueryTokens.isCorrectable("price<50"))
    #expect(!QueryTokens.isCorrectable("50"))
  }

  @Test("the vocabulary is built from an index's stored text fields, not its stems")
  func vocabularyFromIndex() throws {
    let schema = Schema(fields: [
      Schema.Field(name: "title", type: .text, weight: 1, b: 0.75),
      Schema.Field(name: "tags", type: .text, weight: 1, b: 0.75),
    ], k1: 1.2)
    let lines = """
      {"id":"a","title":"Running shoes","tags":["trail","running"]}
      {"id":"b","title":"Kitchens","tags":["rustic"]}
      """
    let report = try DocumentImporter(schema: schema, mode: .strict).importLines(lines, file: "docs")
    var builder = IndexBuilder(schema: schema)
    for document in report.documents { builder.add(document) }
    let reader = try IndexReader.inMemory(files: builder.serialize(), schema: schema)
    let vocabulary = try SpellingVocabulary.build(reader: reader)
    #expect(vocabulary.words == ["kitchens", "running", "rustic", "shoes", "trail"])
    #expect(vocabulary.documentFrequencies[vocabulary.number(of: "running")!] == 1)
  }

  @Test("a text field made from sources reads its source members")
  func vocabularyFromSources() throws {
    let schema = Schema(fields: [
      Schema.Field(name: "body", type: .text, weight: 1, b: 0.75, sources: ["title", "text"]),
    ], k1: 1.2)
    let lines = """
      {"id":"1","title":"Compilers","text":"Parsing algorithms"}
      {"id":"2","title":"Parsing","text":""}
      """
    let report = try DocumentImporter(schema: schema, mode: .strict).importLines(lines, file: "docs")
    var builder = IndexBuilder(schema: schema)
    for document in report.documents { builder.add(document) }
    let reader = try IndexReader.inMemory(files: builder.serialize(), schema: schema)
    let vocabulary = try SpellingVocabulary.build(reader: reader)
    #expect(vocabulary.words == ["algorithms", "compilers", "parsing"])
    #expect(vocabulary.documentFrequencies == [1, 1, 2])
  }
}
