import Foundation
import Testing
@testable import RankscopeEngine

/// Running rank profiles through `SearchEngine.search`: stages, scores, traces and exact explanations.
@Suite("Profile search")
struct ProfileSearchTests {
  private func profile(_ text: String, schema: Schema = FeatureTestCorpus.schema) throws -> RankProfile {
    try RankProfileParser.parse(text, source: "/profiles/test.json", context: RankProfileContext(schema: schema))
  }

  @Test("a BM25F-only profile returns what lexical search returns")
  func bm25Profile() throws {
    let engine = try FeatureTestCorpus.engine()
    let bm25 = try profile(#"{"retrieve": {"generators": {"bm25f": 100}}}"#)
    for query in ["apple", "apple pie", "pear cider", "tree garden apple"] {
      let lexical = try engine.search(SearchRequest(query: query, limit: 10))
      let profiled = try engine.search(SearchRequest(query: query, limit: 10, explain: true, profile: bm25))
      #expect(profiled.hits.map(\.id) == lexical.hits.map(\.id))
      #expect(profiled.hits.map(\.score) == lexical.hits.map(\.score))
      #expect(profiled.profile == "test")
      for hit in profiled.hits { #expect(ExplanationChecker.isExact(try #require(hit.explanation), score: hit.score)) }
    }
  }

  @Test("L1 scores are bias + Σ weight × feature, ranked, cut at keep, and explained exactly")
  func linearStage() throws {
    let engine = try FeatureTestCorpus.engine()
    let l1 = try profile(#"""
      {"retrieve": {"generators": {"bm25f": 100}},
       "l1": {"keep": 2, "weights": {"bm25f": 0.5, "log_saves": 1.0, "title_coverage": 2}, "bias": 0.25}}
      """#)
    let response = try engine.search(SearchRequest(query: "apple pie", limit: 10, explain: true, profile: l1))
    #expect(response.hits.count == 2)
    #expect(response.trace.map(\.name) == ["understand", "retrieve", "L1", "page"])
    let l1Trace = try #require(response.trace.first { $0.name == "L1" })
    #expect(l1Trace.outputCount == 2 && l1Trace.inputCount == 4)

    // By hand: the same features from the extractor, combined.
    let extractor = try engine.featureExtractor()
    let context = try extractor.context(query: "apple pie")
    let lexical = try engine.search(SearchRequest(query: "apple pie", limit: 100))
    let features = try ["bm25f", "log_saves", "title_coverage"].map { try extractor.registry.definition(named: $0) }
    let candidates = lexical.hits.map { FeatureCandidate(document: $0.documentNumber, retrievalScore: $0.score, bestGeneratorRank: $0.rank) }
    let matrix = try extractor.values(candidates: candidates, features: features, context: context)
    var expected: [(id: String, score: Double)] = []
    for (row, hit) in lexical.hits.enumerated() {
      let score = 0.25 + 0.5 * matrix[row, 0] + 1.0 * matrix[row, 1] + 2 * matrix[row, 2]
      expected.append((hit.id, score))
    }
    expected.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
    #expect(response.hits.map(\.id) == expected.prefix(2).map(\.id))
    for (hit, want) in zip(response.hits, expected) { #expect(abs(hit.score - want.score) < 1e-12) }

    for hit in response.hits {
      let explanation = try #require(hit.explanation)
      #expect(ExplanationChecker.isExact(explanation, score: hit.score))
      #expect(explanation.children.count == 2)
      #expect(explanation.children[0].value == 0 && explanation.children[0].label.contains("re-scored by L1"))
      #expect(explanation.children[1].label.hasPrefix("L1 · linear"))
      #expect(explanation.children[1].children.map(\.label).contains { $0.contains("× log_saves") })
    }
  }

  @Test("blend applies the profile's quota after L1 and explains the move")
  func blendStage() throws {
    let engine = try FeatureTestCorpus.engine()
    let diverse = try profile(#"""
      {"retrieve": {"generators": {"bm25f": 100}},
       "l1": {"keep": 10, "weights": {"bm25f": 1}},
       "blend": {"keep": 3, "type_field": "type", "type_quotas": {"product": 0.34}}}
      """#)
    let response = try engine.search(SearchRequest(query: "apple pie crust tree", limit: 10, explain: true, profile: diverse))
    #expect(response.trace.map(\.name) == ["understand", "retrieve", "L1", "blend", "page"])
    let types = try response.hits.map { try engine.storedDocument($0.documentNumber)["type"]?.stringValue ?? "" }
    // c and d are products: with a quota of 1 in 3, one of them waits until nothing else is left.
    #expect(types.filter { $0 == "product" }.count <= 2)
    if types.count == 3, types.filter({ $0 == "product" }).count == 2 {
      #expect(types.last == "product")
    }
    for hit in response.hits {
      let explanation = try #require(hit.explanation)
      #expect(ExplanationChecker.isExact(explanation, score: hit.score))
      #expect(explanation.children.last?.label.hasPrefix("blend:") == true)
    }
  }

  @Test("a profile needing the text embedding says so when the encoder is absent")
  func needsEmbedding() throws {
    let engine = try FeatureTestCorpus.engine()
    let hybrid = try profile(#"{"retrieve": {"generators": {"bm25f": 10, "ann:text_embedding": 10}}}"#)
    #expect(hybrid.needsEmbedding)
    #expect(throws: QueryError.self) { try engine.search(SearchRequest(query: "apple", profile: hybrid)) }
    do {
      _ = try engine.search(SearchRequest(query: "apple", profile: hybrid))
    } catch {
      #expect("\(error)".contains("rank profile test needs the text embedding"))
    }
  }

  @Test("hybrid profiles fuse, with every stage exact, on random queries")
  func hybridProfile() throws {
    let engine = try SearchEngine(reader: FeatureTestCorpus.engine().reader, embedder: HashingEmbedder(dimension: 3))
    let hybrid = try profile(#"""
      {"retrieve": {"generators": {"bm25f": 10, "ann:text_embedding": 3}, "fusion": {"method": "weighted"}},
       "l1": {"keep": 3, "weights": {"fused_score": 1, "text_similarity": 0.5, "freshness": 0.1}}}
      """#)
    for query in ["apple", "pie", "garden tree", "pear", "zzz"] {
      let response = try engine.search(SearchRequest(query: query, limit: 10, explain: true, profile: hybrid))
      #expect(response.trace.map(\.name).starts(with: ["understand", "retrieve", "fuse", "L1"]))
      #expect(response.fusion?.method == .weighted)
      for hit in response.hits {
        let explanation = try #require(hit.explanation)
        #expect(ExplanationChecker.isExact(explanation, score: hit.score), "\(query) \(hit.id)")
        #expect(ExplanationChecker.mismatches(in: explanation).isEmpty)
      }
    }
  }
}

/// L1's lexical features computed while the query embedding is on its way equal those computed after it.
@Suite("Profile search, early L1 features")
struct EarlyL1FeatureTests {
  @Test("every candidate's L1 score equals its explanation, computed with the embedding attached")
  func earlyEqualsLate() throws {
    let engine = try SearchEngine(reader: FeatureTestCorpus.engine().reader, embedder: HashingEmbedder(dimension: 3),
                                  queryLog: FeatureTestCorpus.log())
    let profile = try RankProfileParser.parse(#"""
      {"retrieve": {"generators": {"bm25f": 10, "ann:text_embedding": 4}},
       "l1": {"keep": 100, "weights": {"bm25f": 1, "title_coverage": 0.5, "text_similarity": 2, "fused_score": 3,
                                       "best_generator_reciprocal_rank": 0.25, "log_saves": 0.1, "query_click_rate": 1,
                                       "proximity": 0.3, "category_match": 0.2}}}
      """#, source: "/profiles/test.json", context: RankProfileContext(schema: FeatureTestCorpus.schema))
    for query in ["apple pie", "red apple", "pear", "garden tree apple", "zzz"] {
      let response = try engine.search(SearchRequest(query: query, limit: 100, explain: true, profile: profile))
      #expect(response.hits.count == response.totalMatches, "\(query): every candidate is on the page")
      for hit in response.hits {
        #expect(ExplanationChecker.isExact(try #require(hit.explanation), score: hit.score), "\(query) \(hit.id)")
      }
    }
  }
}

/// `SearchRequest.explained`: only the hits asked for are explained, each exactly as a fully explained search
/// explains it, in every path (plain, hybrid, profile, filters only).
@Suite("Explaining some hits")
struct ExplainedHitsTests {
  @Test("first(n) and documents(ids) explain just those hits, identically to explaining all")
  func someHits() throws {
    let engine = try SearchEngine(reader: FeatureTestCorpus.engine().reader, embedder: HashingEmbedder(dimension: 3))
    let profile = try RankProfileParser.parse(#"""
      {"retrieve": {"generators": {"bm25f": 10, "ann:text_embedding": 3}},
       "l1": {"keep": 5, "weights": {"fused_score": 1, "log_saves": 0.1}}, "blend": {"keep": 4, "board_field": "category", "max_per_board": 2}}
      """#, source: "/profiles/test.json", context: RankProfileContext(schema: FeatureTestCorpus.schema))
    var requests = [SearchRequest(query: "apple", limit: 5, explain: true),
                    SearchRequest(query: "apple pie", limit: 5, explain: true, retrieval: .hybrid),
                    SearchRequest(query: "apple", limit: 5, explain: true, profile: profile)]
    let typeFilter = Filter.keyword(field: "category", values: ["baking"])
    requests.append(SearchRequest(query: "", filters: [typeFilter], limit: 5, explain: true))
    for request in requests {
      let full = try engine.search(request)
      #expect(full.hits.count >= 2, "\(request.query)")
      #expect(full.hits.allSatisfy { $0.explanation != nil })
      var first = request
      first.explained = .first(1)
      let one = try engine.search(first)
      #expect(one.hits.map(\.id) == full.hits.map(\.id) && one.hits.map(\.score) == full.hits.map(\.score))
      #expect(one.hits[0].explanation == full.hits[0].explanation)
      #expect(one.hits.dropFirst().allSatisfy { $0.explanation == nil })
      let last = try #require(full.hits.last)
      var chosen = request
      chosen.explained = .documents([last.id])
      let some = try engine.search(chosen)
      #expect(some.hits.last?.explanation == last.explanation)
      #expect(some.hits.dropLast().allSatisfy { $0.explanation == nil })
      var none = request
      none.explain = false
      #expect(try engine.search(none).hits.allSatisfy { $0.explanation == nil })
    }
  }
}

/// The L2 stage: a tree ensemble over named features, TreeSHAP in the explanation.
@Suite("Profile search, L2")
struct ProfileL2Tests {
  /// Two small trees over bm25f and log_saves, written where a profile can name it.
  func modelFile() throws -> String {
    let first = RegressionTree(nodes: [
      .split(feature: 0, threshold: 1.0, left: 1, right: 2, cover: 10), .leaf(value: -0.5, cover: 4), .leaf(value: 0.75, cover: 6),
    ])
    let second = RegressionTree(nodes: [
      .split(feature: 1, threshold: 2.0, left: 1, right: 2, cover: 10),
      .split(feature: 0, threshold: 0.5, left: 3, right: 4, cover: 7), .leaf(value: 0.3, cover: 3),
      .leaf(value: -0.2, cover: 2), .leaf(value: 0.1, cover: 5),
    ])
    let model = TreeEnsemble(featureCount: 2, featureNames: ["bm25f", "log_saves"], baseScore: 0, trees: [first, second])
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-l2-\(UUID().uuidString).json").path
    try model.save(path: path)
    return path
  }

  @Test("L2 re-scores L1's candidates with the model, keeps its best, and explains by TreeSHAP exactly")
  func l2Stage() throws {
    let engine = try FeatureTestCorpus.engine()
    let path = try modelFile()
    let profile = try RankProfileParser.parse("""
      {"retrieve": {"generators": {"bm25f": 10}}, "l1": {"keep": 3, "weights": {"bm25f": 1}},
       "l2": {"model": "\(path)", "keep": 2}}
      """, source: "/p/l2.json", context: RankProfileContext(schema: FeatureTestCorpus.schema))
    let response = try engine.search(SearchRequest(query: "apple pie", limit: 10, explain: true, profile: profile))
    #expect(response.trace.map(\.name) == ["understand", "retrieve", "L1", "L2", "page"])
    #expect(response.hits.count == 2)
    let model = try TreeEnsemble.load(path: path)
    let extractor = try engine.featureExtractor()
    let context = try extractor.context(query: "apple pie")
    for hit in response.hits {
      let row = try extractor.values(candidates: [FeatureCandidate(hit: hit)],
                                     features: ["bm25f", "log_saves"].map { try extractor.registry.definition(named: $0) },
                                     context: context)
      #expect(hit.score == model.predict(features: row.values))
      let explanation = try #require(hit.explanation)
      #expect(ExplanationChecker.isExact(explanation, score: hit.score))
      let l2 = try #require(explanation.children.last)
      #expect(l2.label.hasPrefix("L2 · 2 trees"))
      #expect(l2.children.first?.label.hasPrefix("base value") == true)
      #expect(explanation.children.first?.label.contains("re-scored by L1") == true)
      #expect(explanation.children[1].label.contains("re-scored by L2"))
    }
    #expect(response.hits[0].score >= response.hits[1].score)
  }

  @Test("a model naming a feature the index lacks, or none, is refused when the profile is read")
  func modelValidation() throws {
    let bad = TreeEnsemble(featureCount: 1, featureNames: ["no_such_feature"], trees: [RegressionTree(nodes: [.leaf(value: 1, cover: 1)])])
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-l2-bad-\(UUID().uuidString).json").path
    try bad.save(path: path)
    let text = #"{"retrieve": {"generators": {"bm25f": 10}}, "l2": {"model": "\#(path)", "keep": 2}}"#
    #expect { _ = try RankProfileParser.parse(text, source: "/p/bad.json", context: RankProfileContext(schema: FeatureTestCorpus.schema)) }
      throws: { "\($0)".contains("the model uses feature \"no_such_feature\", unknown on this index") }
    let unnamed = TreeEnsemble(featureCount: 1, trees: [RegressionTree(nodes: [.leaf(value: 1, cover: 1)])])
    try unnamed.save(path: path)
    #expect { _ = try RankProfileParser.parse(text, source: "/p/bad.json", context: RankProfileContext(schema: FeatureTestCorpus.schema)) }
      throws: { "\($0)".contains("does not name its features") }
  }

  @Test("the shipped hybrid-l2 model names only registry features of the sample schema")
  func shippedModel() throws {
    let sample = TestCorpus.repositoryRoot.appendingPathComponent("SampleData")
    let schema = try IndexBuild.readSchema(path: sample.appendingPathComponent("schema.json").path)
    let library = RankProfileLibrary.load(folders: [sample.appendingPathComponent("profiles").path], context: RankProfileContext(schema: schema))
    #expect(library.problems.isEmpty, "\(library.problems)")
    let profile = try library.profile(named: "hybrid-l2")
    let model = try TreeEnsemble.load(path: try #require(profile.l2).modelPath)
    #expect(model.trees.count == 300 && model.featureNames?.count == 28)
  }
}

extension ProfileL2Tests {
  @Test("why not X names the L2 cutoff and margin for a candidate L2 cut")
  func whyNotL2() throws {
    let engine = try FeatureTestCorpus.engine()
    let path = try modelFile()
    let profile = try RankProfileParser.parse("""
      {"retrieve": {"generators": {"bm25f": 10}}, "l1": {"keep": 3, "weights": {"bm25f": 1}},
       "l2": {"model": "\(path)", "keep": 1}}
      """, source: "/p/l2.json", context: RankProfileContext(schema: FeatureTestCorpus.schema))
    var request = SearchRequest(query: "apple pie", limit: 10, profile: profile)
    let kept = try engine.search(request).hits.map(\.id)
    let cut = try #require(["a", "b", "c", "d"].first { !kept.contains($0) && $0 != "d" })
    request.whyNot = cut
    let report = try #require(try engine.search(request).whyNot)
    let l2 = report.steps.first { $0.stage == "L2" }
    if let l2 {
      #expect(!l2.passed && l2.detail.contains("of the 1 kept"))
      #expect(report.verdict.contains("fell out at L2"))
    } else {
      #expect(report.verdict.contains("L1"))  // L1 may have cut it first
    }
  }
}
