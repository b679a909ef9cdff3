import Foundation
import Testing
@testable import RankscopeEngine

/// A bag-of-words embedder of any dimension: each word adds 1 to a hashed component (FNV-1a), plus a small
/// constant so no vector is zero. Deterministic; it exercises the arithmetic of semantic and hybrid retrieval
/// on corpora whose stored vectors came from another model.
struct HashingEmbedder: TextEmbedder {
  var dimension: Int
  var modelName: String { "hashing-\(dimension)" }
  func embed(_ text: String) throws -> [Float] {
    var vector = [Float](repeating: 0.01, count: dimension)
    for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      vector[Int(hash % UInt64(dimension))] += 1
    }
    return vector
  }
  func embed(batch texts: [String]) throws -> [[Float]] { try texts.map(embed) }
}

/// Builds in-memory engines whose text-embedding field is filled by an embedder.
enum HybridCorpus {
  static func engine(schema: Schema, lines: String, embedder: any TextEmbedder = WordCountEmbedder()) throws -> SearchEngine {
    let report = try DocumentImporter(schema: schema, mode: .strict).importLines(lines, file: "pins")
    var documents = report.documents
    _ = try IndexBuild.attachEmbeddings(to: &documents, schema: schema, schemaDirectory: "/nonexistent",
                                        embedder: embedder, embedderUnavailableReason: nil) { _, _ in }
    var builder = IndexBuilder(schema: schema)
    for document in documents { builder.add(document) }
    return SearchEngine(reader: try IndexReader.inMemory(files: builder.serialize(), schema: schema), embedder: embedder)
  }

  /// The pin schema with a text embedding, a category and a popularity field, and a popular generator.
  static let schema: Schema = {
    var schema = TestCorpus.pinSchema
    schema.fields.append(Schema.Field(name: "category", type: .keyword, analyzer: .keyword))
    schema.fields.append(Schema.Field(name: "saves", type: .numeric))
    schema.fields.append(Schema.Field(name: "text_embedding", type: .vector, dimension: WordCountEmbedder.vocabulary.count,
                                      embedding: .init(sources: ["title", "body"])))
    schema.retrieval = RetrievalSettings(popular: .init(category: "category", popularity: "saves", sample: 3))
    return schema
  }()

  static let lines = """
    {"id":"a","title":"red apple","body":"apple pie recipe with apple","type":"image","category":"baking","saves":5}
    {"id":"b","title":"green pear","body":"apple cider","type":"video","price":12.5,"category":"drinks","saves":40}
    {"id":"c","title":"apple","body":"tree","type":"product","price":60,"category":"garden","saves":7}
    {"id":"d","title":"pear tree","body":"green pear tree in the garden","type":"image","category":"garden","saves":90}
    {"id":"e","title":"cider","body":"red cider recipe","type":"video","category":"drinks","saves":12}
    {"id":"f","title":"pie crust","body":"pie recipe","type":"image","category":"baking","saves":300}
    """
}

@Suite("Fusion")
struct FusionTests {
  func list(_ name: String, _ entries: [(Int, Double)], depth: Int = 10) -> CandidateList {
    CandidateList(generator: name, ranked: ScoredDocuments(hits: entries.map { (document: $0.0, score: $0.1) },
                                                          matchCount: entries.count, matchCountIsExact: true), depth: depth)
  }

  @Test("RRF adds w / (k + rank) over the generators that found a document, merges duplicates, breaks ties by document")
  func reciprocalRank() throws {
    let lexical = list("bm25f", [(4, 9.0), (2, 7.5), (7, 1.0)])
    let semantic = list("ann:text_embedding", [(2, 0.9), (9, 0.8), (4, 0.1)])
    let fusion = ScoreFusion(settings: FusionSettings(k: 60), lists: [lexical, semantic], weights: [1, 2])
    let fused = fusion.fuse()
    #expect(fused.map(\.document) == [2, 4, 9, 7])
    #expect(fused[0].score == 1.0 / 62 + 2.0 / 61)
    #expect(fused[1].score == 1.0 / 61 + 2.0 / 63)
    #expect(fused[2].score == 2.0 / 62)
    #expect(fusion.sources(of: 2) == [CandidateSource(generator: "bm25f", rank: 2, score: 7.5),
                                      CandidateSource(generator: "ann:text_embedding", rank: 1, score: 0.9)])
    let explanation = fusion.explain(7) { _, candidate in .leaf(candidate.score, "raw") }
    #expect(ExplanationChecker.isExact(explanation, score: fusion.score(7)))
    #expect(explanation.children[1].value == 0)
    #expect(explanation.children[1].label == "ann:text_embedding: not found by ann:text_embedding (it found 3), contributes 0")
    // Equal fused scores: the smaller document number first.
    let tied = ScoreFusion(settings: .standard, lists: [list("x", [(5, 1)]), list("y", [(3, 1)])], weights: [1, 1]).fuse()
    #expect(tied.map(\.document) == [3, 5])
  }

  @Test("weighted fusion normalises each list: min-max to 0…1, one candidate or equal scores to 1, z-score with σ")
  func weighted() throws {
    let lexical = list("bm25f", [(1, 10), (2, 6), (3, 2)])
    let single = list("popular:category", [(2, 42)])
    let minMax = ScoreFusion(settings: FusionSettings(method: .weighted), lists: [lexical, single], weights: [2, 0.5])
    #expect(minMax.score(1) == 2 * 1.0)
    #expect(minMax.score(2) == 2 * 0.5 + 0.5 * 1)
    #expect(minMax.score(3) == 0)
    let zScore = ScoreFusion(settings: FusionSettings(method: .weighted, normalization: .zscore), lists: [lexical, single],
                             weights: [1, 1])
    let sigma = (32.0 / 3).squareRoot()
    #expect(zScore.score(1) == 4 / sigma)
    #expect(zScore.score(2) == 0)
    #expect(zScore.score(3) == -4 / sigma)
    for fusion in [minMax, zScore] {
      for document in 1...3 {
        let explanation = fusion.explain(document) { _, candidate in .leaf(candidate.score, "raw") }
        #expect(ExplanationChecker.isExact(explanation, score: fusion.score(document)), "\(ExplanationChecker.mismatches(in: explanation))")
      }
    }
    let text = minMax.explain(2) { _, candidate in .leaf(candidate.score, "raw") }.renderText()
    #expect(text.contains("normalised = (s − min) / (max − min)"))
    #expect(text.contains("normalised = 1: max = min = 42 over 1 candidate(s), every one normalises to 1"))
  }

  @Test("hybrid search fuses bm25f and the text embedding with provenance and exact explanations")
  func hybridSearch() throws {
    let engine = try HybridCorpus.engine(schema: HybridCorpus.schema, lines: HybridCorpus.lines)
    let lexical = try engine.search(SearchRequest(query: "apple pie", limit: 10))
    let semantic = try engine.search(SearchRequest(query: "apple pie", limit: 10, retrieval: .semantic))
    let hybrid = try engine.search(SearchRequest(query: "apple pie", limit: 10, explain: true, retrieval: .hybrid))
    #expect(hybrid.fusion?.weights == ["bm25f": 1, "ann:text_embedding": 1])
    #expect(hybrid.generators.map(\.name) == ["bm25f", "ann:text_embedding"])
    #expect(hybrid.trace.map(\.name) == ["understand", "retrieve", "fuse", "rank", "page"])
    for hit in hybrid.hits {
      let explanation = try #require(hit.explanation)
      #expect(ExplanationChecker.isExact(explanation, score: hit.score), "\(ExplanationChecker.mismatches(in: explanation))")
      var expected = 0.0
      for source in hit.sources {
        let single = source.generator == "bm25f" ? lexical : semantic
        let original = try #require(single.hits.first { $0.id == hit.id })
        #expect(original.rank == source.rank && original.score == source.score)
        expected += 1 / (60 + Double(source.rank))
      }
      #expect(abs(hit.score - expected) < 1e-15)
    }
    let top = try #require(hybrid.hits.first)
    #expect(top.id == "a" && top.sourceMarkers == "L1 S1")
    let text = try #require(top.explanation).renderText()
    #expect(text.contains("reciprocal rank fusion (k = 60)"))
    #expect(text.contains("BM25F (k1 = 1.2)") && text.contains("cosine(query, text_embedding)"))
    // A document only one generator found carries a zero leaf for the other.
    let onlySemantic = try #require(hybrid.hits.first { $0.sources.map(\.generator) == ["ann:text_embedding"] })
    #expect(try #require(onlySemantic.explanation).renderText().contains("bm25f: not found by bm25f (it found \(hybrid.generators[0].candidateCount)), contributes 0"))
  }

  @Test("popular in category: from a category filter, else voted by the top lexical candidates, and explained")
  func popular() throws {
    let engine = try HybridCorpus.engine(schema: HybridCorpus.schema, lines: HybridCorpus.lines)
    let weights = ["bm25f": 1.0, "ann:text_embedding": 1, "popular:category": 1]
    let inferred = try engine.search(SearchRequest(query: "pie recipe", limit: 10, explain: true, retrieval: .hybrid,
                                                   fusion: FusionSettings(weights: weights)))
    let report = try #require(inferred.generators.last)
    #expect(report.name == "popular:category")
    #expect(report.note == "category \"baking\" inferred: 2 of the top 3 bm25f candidates are in it (share 0.667)")
    let popular = inferred.hits.compactMap { hit in hit.sources.first { $0.generator == "popular:category" }.map { (hit.id, $0) } }
    #expect(popular.map(\.0) == ["f", "a"])
    #expect(popular.map(\.1.score) == [300, 5])
    for hit in inferred.hits { #expect(ExplanationChecker.isExact(try #require(hit.explanation), score: hit.score)) }
    let filtered = try engine.search(SearchRequest(query: "pear category:garden", limit: 10, retrieval: .hybrid,
                                                   fusion: FusionSettings(weights: weights)))
    #expect(filtered.generators.last?.note == "category \"garden\" from the filter category:garden")
    #expect(Set(filtered.hits.map(\.id)) == ["c", "d"])
    let popularOnly = filtered.hits.first { $0.id == "d" }?.sources.first { $0.generator == "popular:category" }
    #expect(popularOnly?.rank == 1 && popularOnly?.score == 90)
  }

  @Test("bad fusion settings and unknown generators are refused with the reason")
  func refusals() throws {
    let engine = try HybridCorpus.engine(schema: HybridCorpus.schema, lines: HybridCorpus.lines)
    #expect { _ = try engine.search(SearchRequest(query: "apple", retrieval: .hybrid, fusion: FusionSettings(weights: ["ann:visual": 1]))) } throws: {
      "\($0)" == "unknown generator ann:visual (this index offers bm25f, ann:text_embedding, popular:category)"
    }
    #expect { _ = try engine.search(SearchRequest(query: "apple", retrieval: .hybrid, fusion: FusionSettings(k: 0))) } throws: {
      "\($0)" == "fusion k must be a positive number, not 0.0"
    }
    #expect(try FusionSettings.parseWeights("bm25f=1, ann:text_embedding=0.5") == ["bm25f": 1, "ann:text_embedding": 0.5])
    #expect { _ = try FusionSettings.parseWeights("bm25f") } throws: { "\($0)".hasPrefix("weight 'bm25f' is not generator=number") }
    let plain = try SemanticRetrievalTests().engine(embedder: nil)
    #expect { _ = try plain.search(SearchRequest(query: "apple", retrieval: .hybrid)) } throws: {
      "\($0)" == "hybrid retrieval is off: no model in models/all-MiniLM-L6-v2"
    }
  }

  @Test("the schema's retrieval section is parsed, validated with file and field names, and round-trips")
  func schemaSection() throws {
    let directory = TestCorpus.temporaryDirectory()
    func read(_ retrieval: String) throws -> Schema {
      let path = directory.appendingPathComponent("schema-\(UUID().uuidString).json").path
      try Data("""
        {"fields": [{"name": "title", "type": "text"}, {"name": "category", "type": "keyword"},
                    {"name": "saves", "type": "numeric"}], "retrieval": \(retrieval)}
        """.utf8).write(to: URL(fileURLWithPath: path))
      return try IndexBuild.readSchema(path: path)
    }
    let schema = try read(#"{"generators": {"popular": {"category": "category", "popularity": "saves"}}, "fusion": {"method": "weighted", "weights": {"bm25f": 2, "popular:category": 1}}}"#)
    #expect(schema.retrieval?.popular == .init(category: "category", popularity: "saves", sample: 20))
    #expect(schema.retrieval?.fusion == FusionSettings(method: .weighted, weights: ["bm25f": 2, "popular:category": 1]))
    #expect(schema.generatorNames == ["bm25f", "popular:category"])
    let decoded = try JSONDecoder().decode(Schema.self, from: JSONEncoder().encode(schema))
    #expect(decoded == schema)
    #expect { _ = try read(#"{"generators": {"popular": {"category": "saves", "popularity": "saves"}}}"#) } throws: {
      "\($0)".contains("retrieval.generators.popular.category \"saves\" must be a keyword field, not numeric")
    }
    #expect { _ = try read(#"{"fusion": {"weights": {"ann:text_embedding": 1}}}"#) } throws: {
      "\($0)".contains("retrieval.fusion.weights names generator \"ann:text_embedding\", which this schema does not offer (it offers bm25f)")
    }
    #expect { _ = try read(#"{"fusion": {"method": "borda"}}"#) } throws: { "\($0)".contains("schema-") && "\($0)".contains("retrieval.fusion.method") }
    #expect { _ = try read(#"{"fusion": {"depth": 0}}"#) } throws: { "\($0)".contains("retrieval.fusion: fusion depth must be at least 1") }
  }
}

@Suite("Explanation consistency on the sample world")
struct SampleWorldConsistencyTests {
  /// The first 3,000 pins of the committed sample world with their committed text embeddings.
  static func engine() throws -> SearchEngine {
    let folder = TestCorpus.repositoryRoot.appendingPathComponent("SampleData")
    let schema = try IndexBuild.readSchema(path: folder.appendingPathComponent("schema.json").path)
    let text = try String(contentsOf: folder.appendingPathComponent("pins.jsonl"), encoding: .utf8)
    let lines = text.split(separator: "\n").prefix(3000).joined(separator: "\n")
    let report = try DocumentImporter(schema: schema, mode: .strict).importLines(lines, file: "pins.jsonl")
    var documents = report.documents
    let embedder = HashingEmbedder(dimension: schema.textEmbeddingField?.dimension ?? 384)
    let attached = try IndexBuild.attachEmbeddings(to: &documents, schema: schema, schemaDirectory: folder.path, embedder: nil,
                                                   embedderUnavailableReason: "not needed") { _, _ in }
    #expect(attached.fromFile == documents.count)
    var builder = IndexBuilder(schema: schema)
    for document in documents { builder.add(document) }
    return SearchEngine(reader: try IndexReader.inMemory(files: builder.serialize(), schema: schema), embedder: embedder)
  }

  @Test("every explained hit of random queries adds up exactly in lexical, semantic and hybrid modes (RRF and weighted)")
  func randomQueries() throws {
    let engine = try Self.engine()
    var vocabulary: [String] = []
    for document in 0..<400 {
      if case .string(let title)? = try engine.storedDocument(document)["title"] {
        vocabulary += title.lowercased().split(separator: " ").map(String.init).filter { $0.count > 2 }
      }
    }
    let filters = ["type:video", "price<50", "-type:image", "saves>100", "category:\"kitchen design\""]
    let fusions: [FusionSettings] = [
      .standard,
      FusionSettings(method: .weighted, weights: ["bm25f": 1, "ann:text_embedding": 0.7]),
      FusionSettings(method: .weighted, normalization: .zscore, weights: ["bm25f": 1, "ann:text_embedding": 1, "popular:category": 0.3]),
      FusionSettings(k: 20, weights: ["bm25f": 1.5, "ann:text_embedding": 1, "popular:category": 0.5], depth: 30),
    ]
    var generator = SeededGenerator(seed: 29)
    var checked: [RetrievalMode: Int] = [:]
    for round in 0..<72 {
      var words = (0..<Int.random(in: 1...4, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
      if Int.random(in: 0..<3, using: &generator) == 0 { words.append(filters.randomElement(using: &generator)!) }
      let mode = RetrievalMode.allCases[round % 3]
      let fusion = mode == .hybrid ? fusions[(round / 3) % fusions.count] : nil
      let response = try engine.search(SearchRequest(query: words.joined(separator: " "), limit: 15, explain: true,
                                                     retrieval: mode, fusion: fusion))
      let scores = response.hits.map(\.score)
      #expect(scores == scores.sorted(by: >), "\(words)")
      for hit in response.hits {
        let explanation = try #require(hit.explanation)
        let mismatches = ExplanationChecker.mismatches(in: explanation)
        #expect(mismatches.isEmpty, "\(mode) \(words): \(mismatches)")
        #expect(explanation.value == hit.score, "\(mode) \(words)")
        #expect(!hit.sources.isEmpty || response.parsedQuery.terms.isEmpty)
        checked[mode, default: 0] += 1
      }
    }
    #expect(checked[.lexical, default: 0] > 150 && checked[.semantic, default: 0] > 150 && checked[.hybrid, default: 0] > 150, "\(checked)")
  }
}
