import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Feature values, by hand")
struct FeatureValueTests {
  /// The value of `feature` for document `id` under `query`, checked against its explanation.
  static func value(_ feature: String, _ id: String, _ query: String, embedding: [Float]? = nil, log: QueryLogStatistics? = nil,
                    score: Double? = nil, rank: Int? = nil, extractor: FeatureExtractor? = nil) throws -> Double {
    let extractor = try extractor ?? FeatureTestCorpus.extractor()
    let context = try extractor.context(query: query, queryEmbedding: embedding, queryLog: log)
    let document = try #require(try extractor.reader.documentNumber(forId: id))
    let candidate = FeatureCandidate(document: document, retrievalScore: score, bestGeneratorRank: rank)
    let matrix = try extractor.values(candidates: [candidate], context: context)
    let value = try #require(matrix.column(named: feature)).first!
    let explanation = try extractor.explain(feature: feature, candidate: candidate, context: context)
    #expect(explanation.value.bitPattern == value.bitPattern, "\(feature) \(id) \(query): \(explanation.value) vs \(value)")
    #expect(ExplanationChecker.mismatches(in: explanation).isEmpty, "\(feature): \(ExplanationChecker.mismatches(in: explanation))")
    return value
  }

  @Test("bm25_<field>: classic BM25 of one field with its own b, the schema's k1 and the field's document frequency")
  func fieldBM25() throws {
    // title: avgdl = 8 / 4 = 2; "apple" and "pie" are each in 2 of 4 titles.
    let idf = log(1 + (4 - 2 + 0.5) / (2 + 0.5))
    let x = 1 / (0.25 + 0.75 * (3.0 / 2.0))
    let term = idf * (x / (1.2 + x))
    #expect(try Self.value("bm25_title", "a", "apple pie") == term + term)
    // tags (b = 0.5, avgdl 2): "apple" is in the tags of a and c; c has 3 tags terms.
    let tagIdf = log(1 + (4 - 2 + 0.5) / (2 + 0.5))
    let y = 1 / (0.5 + 0.5 * (3.0 / 2.0))
    #expect(try Self.value("bm25_tags", "c", "apple") == tagIdf * (y / (1.2 + y)))
    // A repeated query term counts twice.
    #expect(try Self.value("bm25_tags", "c", "apple apple") == 2 * (tagIdf * (y / (1.2 + y))))
    #expect(try Self.value("bm25_description", "d", "apple pie") == 0)
    // The explanation shows the inputs: idf with N and n, tf, field length and average length, b, k1.
    let extractor = try FeatureTestCorpus.extractor()
    let explanation = try extractor.explain(feature: "bm25_title", candidate: FeatureCandidate(document: 0),
                                            context: try extractor.context(query: "apple pie"))
    let text = Self.labels(explanation).joined(separator: "\n")
    for fragment in ["bm25_title: BM25 of title", "term \"apple\" = idf · saturation", "N = 4 documents, n = 2",
                     "tf = occurrences of \"pie\" in title", "dl = length of title", "avgdl = average length of title = 8 / 4",
                     "b (length normalisation of title)", "k1 (term-frequency saturation)"] {
      #expect(text.contains(fragment), "\(fragment)")
    }
  }

  static func labels(_ explanation: Explanation) -> [String] {
    [explanation.label] + explanation.children.flatMap(labels)
  }

  @Test("bm25f: the BM25F sum over fields, equal bit for bit to the engine's BM25F score")
  func bm25f() throws {
    let bt = 0.25 + 0.75 * (3.0 / 2.0), bd = 0.25 + 0.75 * (6.0 / 3.75), bg = 0.5 + 0.5 * (3.0 / 2.0)
    let apple = 3 * (1 / bt) + 1 * (1 / bd) + 2 * (1 / bg)   // "apples" is another term without stemming
    let pie = 3 * (1 / bt) + 1 * (1 / bd) + 2 * (1 / bg)
    let appleIdf = log(1 + (4 - 3 + 0.5) / (3 + 0.5)), pieIdf = log(1 + (4 - 2 + 0.5) / (2 + 0.5))
    let expected = appleIdf * (apple / (1.2 + apple)) + pieIdf * (pie / (1.2 + pie))
    #expect(try Self.value("bm25f", "a", "apple pie") == expected)

    let engine = try FeatureTestCorpus.engine()
    let extractor = try FeatureExtractor(reader: engine.reader)
    for query in ["apple pie", "pear apple", "garden tree apple apple", "crust"] {
      let response = try engine.search(SearchRequest(query: query, limit: 10))
      let context = try extractor.context(query: query)
      let matrix = try extractor.values(documents: response.hits.map(\.documentNumber), context: context)
      #expect(try #require(matrix.column(named: "bm25f")) == response.hits.map(\.score), "\(query)")
    }
  }

  @Test("coverage of the query terms, in any field and in the title")
  func coverage() throws {
    #expect(try Self.value("query_coverage", "a", "apple pie") == 1)
    #expect(try Self.value("query_coverage", "b", "apple pie") == 0.5)
    #expect(try Self.value("query_coverage", "c", "apple banana") == 0.5)
    #expect(try Self.value("query_coverage", "c", "") == 0)
    #expect(try Self.value("title_coverage", "b", "apple pie") == 0)
    #expect(try Self.value("title_coverage", "c", "apple pie") == 0.5)
    #expect(try Self.value("query_term_count", "c", "apple pie apple") == 2)
  }

  @Test("title_phrase and minimum-span proximity over title + description")
  func phraseAndProximity() throws {
    #expect(try Self.value("title_phrase", "a", "apple pie") == 1)
    #expect(try Self.value("title_phrase", "a", "Apple, PIE!") == 1)
    #expect(try Self.value("title_phrase", "a", "pie apple") == 0)
    #expect(try Self.value("title_phrase", "c", "apple pie") == 0)
    #expect(try Self.value("title_phrase", "c", "apple") == 1)
    // a: title "red apple pie", description "apple pie recipe with red apples" (100 positions later).
    #expect(try Self.value("proximity", "a", "apple pie") == 1)       // adjacent: span 2, k 2
    #expect(try Self.value("proximity", "a", "apple recipe") == 0.5)  // "apple pie recipe": span 3
    #expect(try Self.value("proximity", "a", "pie red") == 0.5)       // title "red apple pie": span 3 (description: 4)
    #expect(try Self.value("proximity", "a", "red apples") == 1)      // description "red apples"
    #expect(try Self.value("proximity", "a", "crust apple pie") == 1) // k = 2 matched terms
    #expect(try Self.value("proximity", "b", "apple pie") == 0)       // one matched term
    #expect(try Self.value("proximity", "b", "green cider") == 1.0 / (1 + 104 - 2)) // green at 0, cider at 2 + 100 + 1
  }

  @Test("text and visual cosines")
  func cosines() throws {
    #expect(try Self.value("text_similarity", "a", "apple", embedding: [1, 0, 0]) == 1)
    let half = try Self.value("text_similarity", "c", "apple", embedding: [1, 0, 0])
    #expect(half == Double(Float(1) / (Float(1) * Float(2).squareRoot())))
    #expect(try Self.value("text_similarity", "d", "apple", embedding: [1, 0, 0]) == 0)
    #expect(try Self.value("text_similarity", "a", "apple") == 0)
    // Top candidates of "apple pie": a, b, c, d; d has no visual vector: centroid (2/3, 2/3).
    let visual = try Self.value("visual_similarity", "a", "apple pie")
    #expect(abs(visual - 0.5.squareRoot()) < 1e-6)
    #expect(abs(try Self.value("visual_similarity", "c", "apple pie") - 1) < 1e-6)
    #expect(try Self.value("visual_similarity", "d", "apple pie") == 0)
    #expect(try Self.value("visual_similarity", "a", "nothingmatches") == 0)
  }

  @Test("popularity, freshness and price")
  func numbers() throws {
    #expect(try Self.value("log_saves", "a", "apple") == log(10))
    #expect(try Self.value("log_saves", "b", "apple") == 0)
    #expect(try Self.value("log_saves", "d", "apple") == 0)
    #expect(try Self.value("log_clicks", "a", "apple") == log(4))
    #expect(try Self.value("freshness", "a", "apple") == 1)
    #expect(abs(try Self.value("freshness", "b", "apple") - 0.5) < 1e-15)
    #expect(abs(try Self.value("freshness", "c", "apple") - 0.25) < 1e-15)
    #expect(try Self.value("freshness", "d", "apple") == 0)
    // Prices 5, 12.5, 60: t1 = 5, t2 = 12.5.
    #expect(try Self.value("price_band", "a", "apple") == 0)
    #expect(try Self.value("price_band", "d", "apple") == 1)
    #expect(try Self.value("price_band", "b", "apple") == 2)
    #expect(try Self.value("price_band", "c", "apple") == 3)
    #expect(try Self.value("log_price", "c", "apple") == log(61))
    #expect(try Self.value("log_price", "a", "apple") == 0)
  }

  @Test("click prior and query click rate from the query log, smoothed with α = 10")
  func engagement() throws {
    let log = try FeatureTestCorpus.log()   // 6 impressions, 3 clicks: p̄ = 0.5
    #expect(try Self.value("click_prior", "a", "apple pie", log: log) == 7.0 / 13)          // (2 + 5) / (3 + 10)
    #expect(try Self.value("click_prior", "b", "apple pie", log: log) == 0.5)               // (1 + 5) / (2 + 10)
    #expect(try Self.value("click_prior", "d", "apple pie", log: log) == 0.5)               // never shown
    let priorA: Double = 7.0 / 13
    let rateA: Double = (1 + 10 * priorA) / 12
    #expect(try Self.value("query_click_rate", "a", "APPLE pie", log: log) == rateA)
    let priorC: Double = (0 + 10 * 0.5) / 11
    let rateC: Double = (0 + 10 * priorC) / 11
    #expect(try Self.value("query_click_rate", "c", "apple pie", log: log) == rateC)
    #expect(try Self.value("query_click_rate", "b", "unseen query", log: log) == (10 * 0.5) / 10)
    #expect(try Self.value("click_prior", "a", "apple pie") == 0)
  }

  @Test("category and content-type match with the intent voted by the top BM25F candidates")
  func intent() throws {
    let extractor = try FeatureTestCorpus.extractor()
    let context = try extractor.context(query: "apple pie")
    #expect(context.predictedCategory == IntentVote(value: "baking", votes: 2, sampleSize: 4))
    #expect(context.predictedContentType == IntentVote(value: "product", votes: 2, sampleSize: 4))
    #expect(try Self.value("category_match", "a", "apple pie") == 1)
    #expect(try Self.value("category_match", "d", "apple pie") == 1)
    #expect(try Self.value("category_match", "b", "apple pie") == 0)
    #expect(try Self.value("content_type_match", "c", "apple pie") == 1)
    #expect(try Self.value("content_type_match", "a", "apple pie") == 0)
    // A query with one candidate: its own values win.
    #expect(try Self.value("category_match", "c", "garden") == 1)
    #expect(try Self.value("category_match", "c", "") == 0)
  }

  @Test("document lengths, tags, and the retrieval features given by the caller")
  func documentAndRetrieval() throws {
    #expect(try Self.value("length_title", "a", "x") == 3)
    #expect(try Self.value("length_description", "a", "x") == 6)
    #expect(try Self.value("length_description", "d", "x") == 0)
    #expect(try Self.value("tag_count", "a", "x") == 2)
    #expect(try Self.value("tag_count", "d", "x") == 1)
    #expect(try Self.value("fused_score", "a", "x", score: 0.25) == 0.25)
    #expect(try Self.value("fused_score", "a", "x") == 0)
    #expect(try Self.value("fused_score", "a", "x", score: .nan) == 0)
    #expect(try Self.value("best_generator_reciprocal_rank", "a", "x", rank: 4) == 0.25)
    #expect(try Self.value("best_generator_reciprocal_rank", "a", "x", rank: 0) == 0)
    #expect(try Self.value("best_generator_reciprocal_rank", "a", "x") == 0)
  }

  @Test("every feature of every document explains itself exactly, for varied queries and inputs")
  func everyExplanationIsExact() throws {
    let extractor = try FeatureTestCorpus.extractor()
    let log = try FeatureTestCorpus.log()
    let queries = ["apple pie", "apple apple pie", "pear cider green", "red apples recipe", "", "type:product apple",
                   "crème brûlée ☕ 🍰", "garden tree in the"]
    var checked = 0
    for (round, query) in queries.enumerated() {
      let embedding: [Float]? = round % 2 == 0 ? [0.3, -1, 2] : nil
      let context = try extractor.context(query: query, queryEmbedding: embedding, queryLog: round % 3 == 0 ? nil : log)
      let candidates = (0..<extractor.reader.documentCount).map {
        FeatureCandidate(document: $0, retrievalScore: Double($0) * 0.1, bestGeneratorRank: $0 + 1)
      }
      let matrix = try extractor.values(candidates: candidates, context: context)
      #expect(matrix.names == extractor.registry.names)
      for (row, candidate) in candidates.enumerated() {
        let explanations = try extractor.explainAll(candidate: candidate, context: context)
        for (column, explanation) in explanations.enumerated() {
          #expect(explanation.value.bitPattern == matrix[row, column].bitPattern, "\(query) \(matrix.names[column])")
          #expect(matrix[row, column].isFinite)
          #expect(ExplanationChecker.mismatches(in: explanation).isEmpty, "\(query) \(matrix.names[column])")
          #expect(explanation.label.hasPrefix(matrix.names[column] + ": "))
          checked += 1
        }
      }
    }
    #expect(checked == queries.count * 4 * extractor.registry.definitions.count)
  }
}
