import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Features on odd inputs")
struct FeatureRobustnessTests {
  /// Documents missing most fields, odd Unicode, a zero vector, empty and one-value arrays.
  static let oddLines = """
    {"id":"bare"}
    {"id":"unicode","title":"Crème brûlée ☕ 🍰 naïve façade","description":"  ","tags":[],"category":["baking","Dessert"],"type":"image","visual":[0,0],"text_embedding":[0,0,0]}
    {"id":"cjk","title":"東京 の ラーメン","description":"ﷺ \\u0000 \\ud83d\\ude00 e\\u0301","tags":["", "x"],"price":0,"created":0,"saves":-5,"clicks":1e300}
    {"id":"big","title":"apple","price":1e308,"created":4102444800,"saves":1,"visual":[1e30,-1e30],"text_embedding":[1e30,1e30,1e30]}
    """

  @Test("empty queries, missing fields, zero and huge vectors, NaN embeddings and odd Unicode never crash and stay finite")
  func oddInputs() throws {
    let engine = try SearchEngine.inMemory(schema: FeatureTestCorpus.schema, jsonLines: FeatureTestCorpus.lines + "\n" + Self.oddLines)
    let extractor = try FeatureExtractor(reader: engine.reader)
    let log = try FeatureTestCorpus.log()
    let queries = ["", "   ", "!!! ???", "type:image", "東京 ラーメン", "crème ☕", "e\u{301}", "apple \u{0} pie",
                   String(repeating: "apple ", count: 300), "price<1", "the of and", "🍰🍰🍰"]
    let embeddings: [[Float]?] = [nil, [.nan, 0, 0], [0, 0, 0], [.infinity, 1, 1], [1, 2, 3], [Float.greatestFiniteMagnitude, 1, 0]]
    var checked = 0
    for (round, query) in queries.enumerated() {
      let context = try extractor.context(query: query, queryEmbedding: embeddings[round % embeddings.count], queryLog: log)
      let candidates = (0..<extractor.reader.documentCount).map { FeatureCandidate(document: $0, retrievalScore: .infinity, bestGeneratorRank: -1) }
      let matrix = try extractor.values(candidates: candidates, context: context)
      for row in 0..<matrix.rowCount {
        for column in matrix.names.indices {
          let value = matrix[row, column]
          #expect(value.isFinite, "\(query) \(matrix.names[column]) row \(row): \(value)")
          let explanation = try extractor.explain(feature: matrix.names[column], candidate: candidates[row], context: context)
          #expect(explanation.value.bitPattern == value.bitPattern)
          #expect(ExplanationChecker.mismatches(in: explanation).isEmpty, "\(query) \(matrix.names[column])")
          checked += 1
        }
      }
    }
    #expect(checked > 1000)

    let context = try extractor.context(query: "apple", queryEmbedding: [.nan, 0, 0])
    #expect(context.queryEmbedding == nil)
    let explanation = try extractor.explain(feature: "text_similarity", candidate: FeatureCandidate(document: 0), context: context)
    #expect(explanation.value == 0 && explanation.label.contains("not a finite number"))
    #expect { _ = try extractor.context(query: "apple", queryEmbedding: [1, 2]) } throws: {
      "\($0)" == "the query embedding has 2 components, field text_embedding has 3"
    }
    #expect { _ = try extractor.values(documents: [99], context: context) } throws: { "\($0)".contains("out of range") }
    #expect { _ = try extractor.values(documents: [-1], context: context) } throws: { "\($0)".contains("out of range") }
    #expect(try extractor.values(documents: [], context: context).values.isEmpty)
    let other = try FeatureTestCorpus.extractor()
    #expect { _ = try other.values(documents: [0], context: context) } throws: { "\($0)".contains("made for another index") }
    // A negative count is taken as 0; a zero vector has no cosine.
    let cjk = try #require(try extractor.reader.documentNumber(forId: "cjk"))
    #expect(try extractor.explain(feature: "log_saves", candidate: FeatureCandidate(document: cjk), context: context).value == 0)
    let unicode = try #require(try extractor.reader.documentNumber(forId: "unicode"))
    let zero = try extractor.explain(feature: "text_similarity", candidate: FeatureCandidate(document: unicode),
                                     context: try extractor.context(query: "x", queryEmbedding: [1, 0, 0]))
    #expect(zero.value == 0 && zero.label.contains("norm 0"))
    // Accents fold in the phrase: "creme brulee" finds "Crème brûlée".
    let phrase = try extractor.explain(feature: "title_phrase", candidate: FeatureCandidate(document: unicode),
                                       context: try extractor.context(query: "creme brulee"))
    #expect(phrase.value == 1)
  }

  @Test("an index without documents, and a schema without optional fields")
  func emptyAndSmall() throws {
    let empty = try SearchEngine.inMemory(schema: FeatureTestCorpus.schema, jsonLines: "")
    let extractor = try FeatureExtractor(reader: empty.reader)
    #expect(extractor.referenceTime == nil && extractor.priceTertiles == nil)
    let context = try extractor.context(query: "apple pie", queryEmbedding: [1, 0, 0])
    #expect(context.topCandidates.isEmpty && context.predictedCategory == nil && context.visualCentroid == nil)
    #expect(try extractor.values(documents: [], context: context).rowCount == 0)

    let plain = try SearchEngine.inMemory(schema: TestCorpus.plainSchema, jsonLines: #"{"id":"1","body":"apple pie"}"#)
    let small = try FeatureExtractor(reader: plain.reader)
    let smallContext = try small.context(query: "apple", queryEmbedding: [1, 2, 3])
    let matrix = try small.values(documents: [0], context: smallContext)
    #expect(matrix.column(named: "query_coverage") == [1])
    #expect(matrix.column(named: "log_saves") == nil)
  }
}

/// The extractor keeps what it read of documents' stored text across queries; a warm cache changes nothing.
@Suite("Feature text cache")
struct DocumentTextCacheTests {
  @Test("values and explanations with a warm cache equal a fresh extractor's, for every query and thread split")
  func warmEqualsCold() throws {
    let engine = try FeatureTestCorpus.engine()
    let warm = try FeatureExtractor(reader: engine.reader)
    let log = try FeatureTestCorpus.log()
    let documents = Array(0..<engine.documentCount)
    for query in ["apple pie", "red apple", "pie crust baking", "green pear cider", "apple pie"] {
      let cold = try FeatureExtractor(reader: engine.reader)
      let warmMatrix = try warm.values(documents: documents, context: warm.context(query: query, queryLog: log))
      let coldMatrix = try cold.values(documents: documents, context: cold.context(query: query, queryLog: log))
      #expect(warmMatrix.values == coldMatrix.values, "\(query)")
      for document in documents {
        let candidate = FeatureCandidate(document: document)
        #expect(try warm.explainAll(candidate: candidate, context: warm.context(query: query, queryLog: log))
                == cold.explainAll(candidate: candidate, context: cold.context(query: query, queryLog: log)))
      }
    }
    #expect(warm.textCache.count == engine.documentCount)
  }

  @Test("the cache holds at most its capacity, replacing the document held longest")
  func bounded() {
    let cache = DocumentTextCache(capacity: 3)
    for document in 0..<3 { cache.store(document, .init(stored: .string("\(document)"), streams: [:])) }
    #expect(cache.count == 3 && cache.entry(1)?.stored == .string("1"))
    cache.store(1, .init(stored: .string("one"), streams: [:]))
    #expect(cache.count == 3 && cache.entry(1)?.stored == .string("one"))
    cache.store(7, .init(stored: nil, streams: [:]))
    #expect(cache.count == 3 && cache.entry(0) == nil && cache.entry(7) != nil && cache.entry(1)?.stored == .string("one"))
    cache.store(8, .init(stored: nil, streams: [:]))
    cache.store(9, .init(stored: nil, streams: [:]))
    #expect(cache.count == 3 && cache.entry(1) == nil && cache.entry(2) == nil && cache.entry(9) != nil)
    for document in 10..<100 { cache.store(document, .init(stored: nil, streams: [:])) }
    #expect(cache.count == 3 && cache.entry(99) != nil && cache.entry(97) != nil && cache.entry(96) == nil)
  }
}
