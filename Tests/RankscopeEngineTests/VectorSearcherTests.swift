import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Vector searcher")
struct VectorSearcherTests {
  static let dimension = 32

  static func schema(index: VectorIndexOptions = .hnsw(HNSWParameters(M: 12, efConstruction: 100, efSearch: 64, seed: 3)),
                     quantization: VectorQuantization? = nil, similarity: VectorSimilarity? = nil) -> Schema {
    Schema(fields: [
      Schema.Field(name: "title", type: .text),
      Schema.Field(name: "group", type: .keyword),
      Schema.Field(name: "v", type: .vector, dimension: dimension, similarity: similarity, index: index, quantization: quantization),
    ])
  }

  /// JSON Lines of `count` documents with a title, a group (`g0`…`g49`) and a clustered vector; every 17th has none.
  static func lines(count: Int, seed: UInt64) -> String {
    let vectors = VectorTestData.clustered(count: count, dimension: dimension, seed: seed)
    return (0..<count).map { row in
      let vector = row % 17 == 5 ? "" : ", \"v\": [" + VectorTestData.row(vectors, row, dimension: dimension).map { "\($0)" }.joined(separator: ",") + "]"
      return "{\"id\": \"d\(row)\", \"title\": \"item \(row)\", \"group\": \"g\(row % 50)\"\(vector)}"
    }.joined(separator: "\n")
  }

  static func reader(count: Int = 2000, schema: Schema = schema()) throws -> IndexReader {
    let report = try DocumentImporter(schema: schema, mode: .strict).importLines(lines(count: count, seed: 41), file: "docs")
    var builder = IndexBuilder(schema: schema)
    for document in report.documents { builder.add(document) }
    return try IndexReader.inMemory(files: builder.serialize(), schema: schema)
  }

  static func filter(_ reader: IndexReader, allowing predicate: (Int) -> Bool) -> DocumentFilter {
    let allowed = (0..<reader.documentCount).map(predicate)
    return DocumentFilter(allowed: allowed, count: allowed.filter { $0 }.count)
  }

  @Test("filters apply during search: every hit passes, recall stays high, and a very selective filter gives the exact filtered top-k")
  func filtered() throws {
    let reader = try Self.reader()
    let searcher = try VectorSearcher(reader: reader, field: 0)
    #expect(searcher.index?.graph != nil)
    let queries = VectorTestData.clustered(count: 30, dimension: Self.dimension, seed: 42)
    let half = Self.filter(reader) { $0 % 2 == 0 }
    let selective = Self.filter(reader) { $0 % 50 == 7 }  // 2%: below the 5% threshold, so exact
    var found: [[Int]] = [], truth: [[Int]] = []
    for row in 0..<30 {
      let query = VectorTestData.row(queries, row, dimension: Self.dimension)
      let hits = try searcher.top(query: query, count: 10, filter: half, efSearch: nil)
      #expect(hits.hits.allSatisfy { $0.document % 2 == 0 })
      #expect(hits.hits.count == 10)
      found.append(hits.hits.map(\.document))
      truth.append(try VectorTestData.exactTop(searcher, query, k: 10, filter: half))
      let few = try searcher.top(query: query, count: 10, filter: selective, efSearch: nil)
      let exactFew = try VectorSearcher(exact: searcher.exact, index: nil, fieldName: "v").top(query: query, count: 10, filter: selective, efSearch: nil)
      #expect(few.hits.map(\.document) == exactFew.hits.map(\.document))
      #expect(few.hits.map(\.score) == exactFew.hits.map(\.score))
      #expect(few.matchCount == exactFew.matchCount)
    }
    #expect(VectorTestData.recall(found, truth) >= 0.95)
  }

  @Test("exact search: the streaming top-k equals scoring every document, for every similarity")
  func exactPaths() throws {
    for similarity in VectorSimilarity.allCases {
      let reader = try Self.reader(count: 400, schema: Self.schema(index: .exact, similarity: similarity))
      let searcher = try VectorSearcher(reader: reader, field: 0)
      #expect(searcher.index == nil && searcher.method == "exact")
      let query = try #require(try reader.vector(field: 0, document: 3))
      let top = try searcher.top(query: query, count: 15, filter: nil, efSearch: nil)
      let all = try searcher.exact.top(query: query, count: 15, filter: nil)
      #expect(top.hits.map(\.document) == all.hits.map(\.document))
      #expect(top.hits.map(\.score) == all.hits.map(\.score))
      #expect(top.matchCount == all.matchCount && top.matchCount == 400 - 24)
    }
  }

  @Test("exact search over int8 codes re-scores in float32: exact scores, good recall, exact match counts")
  func exactInt8() throws {
    let reader = try Self.reader(count: 1000, schema: Self.schema(index: .exact, quantization: .int8))
    let searcher = try VectorSearcher(reader: reader, field: 0)
    #expect(searcher.index?.codes != nil && searcher.index?.graph == nil)
    let queries = VectorTestData.clustered(count: 20, dimension: Self.dimension, seed: 44)
    var found: [[Int]] = [], truth: [[Int]] = []
    for row in 0..<20 {
      let query = VectorTestData.row(queries, row, dimension: Self.dimension)
      let result = try searcher.top(query: query, count: 10, filter: nil, efSearch: nil)
      #expect(result.matchCount == 1000 - 59)
      for hit in result.hits {
        #expect(ExplanationChecker.isExact(try searcher.explain(query: query, document: hit.document, label: "int8"), score: hit.score))
      }
      found.append(result.hits.map(\.document))
      truth.append(try VectorTestData.exactTop(searcher, query, k: 10))
    }
    #expect(VectorTestData.recall(found, truth) >= 0.95)
  }

  @Test("explanations of HNSW hits equal the scores bit for bit and say how the hit was found")
  func explanations() throws {
    let reader = try Self.reader()
    let searcher = try VectorSearcher(reader: reader, field: 0)
    let query = VectorTestData.row(VectorTestData.clustered(count: 1, dimension: Self.dimension, seed: 77), 0, dimension: Self.dimension)
    for hit in try searcher.top(query: query, count: 10, filter: nil, efSearch: 32).hits {
      let explanation = try searcher.explain(query: query, document: hit.document, label: "semantic")
      #expect(ExplanationChecker.isExact(explanation, score: hit.score))
      #expect(explanation.label.contains("cosine(q, d)") && explanation.label.contains("HNSW"))
    }
  }

  @Test("an HNSW index written to disk and memory-mapped gives the same results as the in-memory one")
  func persistence() throws {
    let directory = TestCorpus.temporaryDirectory()
    let documents = directory.appendingPathComponent("docs.jsonl")
    try Self.lines(count: 1500, seed: 41).write(to: documents, atomically: true, encoding: .utf8)
    let schema = Self.schema(quantization: .int8)
    let output = directory.appendingPathComponent("index")
    var stages = Set<String>()
    _ = try IndexBuild.run(documentsPath: documents.path, schema: schema, mode: .strict, output: output.path) { stage, _ in
      stages.insert(stage)
    }
    #expect(stages.contains("building HNSW for v"))
    let manifest = try JSONDecoder().decode(IndexManifest.self, from: Data(contentsOf: output.appendingPathComponent("manifest.json")))
    #expect(manifest.files.contains { $0.name == "vector-index-0.bin" })
    let disk = try VectorSearcher(reader: IndexReader.open(directory: output.path), field: 0)
    let memory = try VectorSearcher(reader: Self.reader(count: 1500, schema: schema), field: 0)
    let queries = VectorTestData.clustered(count: 20, dimension: Self.dimension, seed: 43)
    for row in 0..<20 {
      let query = VectorTestData.row(queries, row, dimension: Self.dimension)
      let a = try disk.top(query: query, count: 10, filter: nil, efSearch: nil)
      let b = try memory.top(query: query, count: 10, filter: nil, efSearch: nil)
      #expect(a.hits.map(\.document) == b.hits.map(\.document))
      #expect(a.hits.map(\.score) == b.hits.map(\.score))
    }
  }

  @Test("semantic search in the engine goes through the HNSW index and explains exactly")
  func engine() throws {
    var schema = SemanticRetrievalTests.schema
    let position = try #require(schema.fields.firstIndex { $0.name == "text_embedding" })
    schema.fields[position].index = .hnsw(HNSWParameters(M: 4, efConstruction: 20, efSearch: 10))
    let report = try DocumentImporter(schema: schema, mode: .strict).importLines(TestCorpus.pinLines, file: "pins")
    var documents = report.documents
    _ = try IndexBuild.attachEmbeddings(to: &documents, schema: schema, schemaDirectory: "/nonexistent",
                                        embedder: WordCountEmbedder(), embedderUnavailableReason: nil) { _, _ in }
    var builder = IndexBuilder(schema: schema)
    for document in documents { builder.add(document) }
    let engine = SearchEngine(reader: try IndexReader.inMemory(files: builder.serialize(), schema: schema), embedder: WordCountEmbedder())
    let response = try engine.search(SearchRequest(query: "apple pie", limit: 3, explain: true, retrieval: .semantic))
    #expect(response.hits.first?.id == "a")
    for hit in response.hits {
      let explanation = try #require(hit.explanation)
      #expect(ExplanationChecker.isExact(explanation, score: hit.score))
      #expect(explanation.renderText().contains("HNSW"))
    }
  }

  @Test("vector options are parsed, printed back, and bad ones are refused with clear messages")
  func schemaOptions() throws {
    let good = """
      {"fields": [{"name": "v", "type": "vector", "dimension": 4, "similarity": "l2",
                   "index": {"type": "hnsw", "M": 8, "efSearch": 40}, "quantization": "int8"}]}
      """
    let schema = try JSONDecoder().decode(Schema.self, from: Data(good.utf8))
    let field = schema.fields[0]
    #expect(field.vectorSimilarity == .l2 && field.quantization == .int8)
    #expect(field.vectorIndex == .hnsw(HNSWParameters(M: 8, efConstruction: 100, efSearch: 40, seed: 1)))
    let printed = String(decoding: try JSONEncoder().encode(schema), as: UTF8.self)
    #expect(printed.contains("\"similarity\":\"l2\"") && printed.contains("\"efConstruction\":100") && printed.contains("\"quantization\":\"int8\""))
    #expect(try JSONDecoder().decode(Schema.self, from: Data(printed.utf8)) == schema)
    let plain = try JSONDecoder().decode(Schema.self, from: Data(#"{"fields": [{"name": "v", "type": "vector", "dimension": 4}]}"#.utf8))
    #expect(plain.fields[0].vectorSimilarity == .cosine && plain.fields[0].vectorIndex == .exact)
    #expect(!String(decoding: try JSONEncoder().encode(plain), as: UTF8.self).contains("similarity"))

    let directory = TestCorpus.temporaryDirectory()
    let cases: [(String, String)] = [
      (#""similarity": "manhattan""#, "unknown similarity \"manhattan\""),
      (#""index": {"type": "ivf"}"#, "unknown vector index type \"ivf\""),
      (#""index": {"type": "hnsw", "M": 1}"#, "\"M\" must be between 2 and 256"),
      (#""index": {"type": "hnsw", "efSearch": 0}"#, "\"efSearch\" must be between"),
      (#""index": {"type": "exact", "M": 8}"#, "applies only to \"type\": \"hnsw\""),
      (#""quantization": "int4""#, "unknown quantization \"int4\""),
    ]
    for (options, message) in cases {
      let path = directory.appendingPathComponent("schema.json")
      try #"{"fields": [{"name": "v", "type": "vector", "dimension": 4, \#(options)}]}"#.write(to: path, atomically: true, encoding: .utf8)
      #expect { _ = try IndexBuild.readSchema(path: path.path) } throws: { "\($0)".contains(message) }
    }
    let text = directory.appendingPathComponent("text.json")
    try #"{"fields": [{"name": "t", "type": "text", "similarity": "dot"}]}"#.write(to: text, atomically: true, encoding: .utf8)
    #expect { _ = try IndexBuild.readSchema(path: text.path) } throws: { "\($0)".contains("apply only to vector fields") }
  }
}
