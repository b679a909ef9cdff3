import Foundation
import Testing
@testable import RankscopeEngine

/// A tiny deterministic embedder for tests: counts of a few vocabulary words.
struct WordCountEmbedder: TextEmbedder {
  static let vocabulary = ["apple", "pear", "pie", "tree", "cider", "red", "green", "recipe"]
  var modelName: String { "word-count" }
  var dimension: Int { Self.vocabulary.count }
  func embed(_ text: String) throws -> [Float] {
    let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
    return Self.vocabulary.map { word in Float(words.filter { $0 == word }.count) + 0.01 }
  }
  func embed(batch texts: [String]) throws -> [[Float]] { try texts.map(embed) }
}

@Suite("Semantic retrieval")
struct SemanticRetrievalTests {
  static let schema: Schema = {
    var schema = TestCorpus.pinSchema
    schema.fields.append(Schema.Field(name: "text_embedding", type: .vector, dimension: WordCountEmbedder.vocabulary.count,
                                      embedding: .init(sources: ["title", "body"], file: "vectors.rsev")))
    return schema
  }()

  func engine(embedder: (any TextEmbedder)? = WordCountEmbedder()) throws -> SearchEngine {
    let report = try DocumentImporter(schema: Self.schema, mode: .strict).importLines(TestCorpus.pinLines, file: "pins")
    var documents = report.documents
    _ = try IndexBuild.attachEmbeddings(to: &documents, schema: Self.schema, schemaDirectory: "/nonexistent",
                                        embedder: WordCountEmbedder(), embedderUnavailableReason: nil) { _, _ in }
    var builder = IndexBuilder(schema: Self.schema)
    for document in documents { builder.add(document) }
    return SearchEngine(reader: try IndexReader.inMemory(files: builder.serialize(), schema: Self.schema), embedder: embedder,
                        embedderUnavailableReason: embedder == nil ? "no model in models/all-MiniLM-L6-v2" : nil)
  }

  @Test("ranks by cosine similarity, explains it exactly, and applies filters")
  func semantic() throws {
    let engine = try engine()
    #expect(engine.semanticStatus == .available(field: "text_embedding", model: "word-count"))
    let response = try engine.search(SearchRequest(query: "apple pie", limit: 3, explain: true, retrieval: .semantic))
    #expect(response.hits.first?.id == "a")
    #expect(response.hits.count == 3)
    for hit in response.hits {
      let explanation = try #require(hit.explanation)
      #expect(ExplanationChecker.isExact(explanation, score: hit.score))
      #expect(explanation.renderText().contains("cosine(query, text_embedding) by word-count"))
    }
    let scores = response.hits.map(\.score)
    #expect(scores == scores.sorted(by: >))
    #expect(scores.allSatisfy { $0 > 0 && $0 <= 1.0000001 })
    let videos = try engine.search(SearchRequest(query: "apple pie type:video", limit: 3, retrieval: .semantic))
    #expect(videos.hits.map(\.id) == ["b"])
  }

  @Test("without a model, semantic retrieval is off with the reason, and lexical search still works")
  func off() throws {
    let engine = try engine(embedder: nil)
    #expect(engine.semanticStatus == .off(reason: "no model in models/all-MiniLM-L6-v2"))
    #expect { _ = try engine.search(SearchRequest(query: "apple", retrieval: .semantic)) } throws: {
      "\($0)" == "semantic retrieval is off: no model in models/all-MiniLM-L6-v2"
    }
    #expect(try engine.search(SearchRequest(query: "apple")).hits.count == 3)
    let plain = try SearchEngine.inMemory(schema: TestCorpus.pinSchema, jsonLines: TestCorpus.pinLines)
    #expect(plain.semanticStatus == .off(reason: "the index has no text-embedding vector field"))
  }

  @Test("a model of the wrong dimension is refused with the reason")
  func wrongDimension() throws {
    struct Wide: TextEmbedder {
      var modelName: String { "wide" }
      var dimension: Int { 3 }
      func embed(_ text: String) throws -> [Float] { [1, 0, 0] }
      func embed(batch texts: [String]) throws -> [[Float]] { texts.map { _ in [1, 0, 0] } }
    }
    let engine = try engine(embedder: Wide())
    #expect(engine.semanticStatus == .off(reason: "the model makes 3-dimensional vectors, field text_embedding holds 8"))
  }

  @Test("index builds take vectors from the precomputed file, then the encoder, and count what is missing")
  func attach() throws {
    let directory = TestCorpus.temporaryDirectory()
    let file = directory.appendingPathComponent("vectors.rsev")
    var bytes = EmbeddingFile.header(dimension: 8, precision: .float16)
    bytes += EmbeddingFile.record(id: "a", vector: [1, 0, 0, 0, 0, 0, 0, 0.5], precision: .float16)
    try Data(bytes).write(to: file)
    let report = try DocumentImporter(schema: Self.schema, mode: .strict).importLines(TestCorpus.pinLines, file: "pins")
    var documents = report.documents
    let missing = try IndexBuild.attachEmbeddings(to: &documents, schema: Self.schema, schemaDirectory: directory.path,
                                                  embedder: nil, embedderUnavailableReason: "no model") { _, _ in }
    #expect(missing.fromFile == 1 && missing.computed == 0 && missing.missing == 2)
    #expect(missing.note?.contains("2 documents have no text_embedding vector (no model)") == true)
    #expect(documents[0].vectors[1] == [1, 0, 0, 0, 0, 0, 0, 0.5])
    let computed = try IndexBuild.attachEmbeddings(to: &documents, schema: Self.schema, schemaDirectory: directory.path,
                                                   embedder: WordCountEmbedder(), embedderUnavailableReason: nil) { _, _ in }
    #expect(computed.fromFile == 0 && computed.computed == 2 && computed.missing == 0)
  }
}

@Suite("Embeddings file")
struct EmbeddingFileTests {
  @Test("round trip in float16 and float32")
  func roundTrip() throws {
    for precision in EmbeddingFile.Precision.allCases {
      var bytes = EmbeddingFile.header(dimension: 3, precision: precision)
      bytes += EmbeddingFile.record(id: "x", vector: [0.5, -1, 0.25], precision: precision)
      bytes += EmbeddingFile.record(id: "ÿ-2", vector: [1, 2, 3], precision: precision)
      let contents = try EmbeddingFile.parse(bytes, name: "f")
      #expect(contents.ids == ["x", "ÿ-2"])
      #expect(Array(contents.vector(at: 1)) == [1, 2, 3])
      #expect(!contents.hasDamagedTail)
    }
  }

  @Test("an interrupted write loses only the unfinished record, and appending resumes after the last good one")
  func resume() throws {
    let path = TestCorpus.temporaryDirectory().appendingPathComponent("v.rsev").path
    let appender = try EmbeddingFile.Appender(path: path, dimension: 2, precision: .float32)
    try appender.append([(id: "a", vector: [1, 2]), (id: "b", vector: [3, 4])])
    try appender.close()
    // Simulate a crash in the middle of a record.
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(EmbeddingFile.record(id: "c", vector: [5, 6], precision: .float32).prefix(7)))
    try handle.close()
    let damaged = try EmbeddingFile.read(path: path)
    #expect(damaged.ids == ["a", "b"] && damaged.hasDamagedTail)
    let resumed = try EmbeddingFile.Appender(path: path, dimension: 2, precision: .float32)
    #expect(resumed.existingIds == ["a", "b"])
    try resumed.append([(id: "c", vector: [5, 6])])
    try resumed.close()
    let contents = try EmbeddingFile.read(path: path)
    #expect(contents.ids == ["a", "b", "c"] && !contents.hasDamagedTail)
    #expect { _ = try EmbeddingFile.Appender(path: path, dimension: 3, precision: .float32) } throws: { "\($0)".contains("2-dimensional") }
  }

  @Test("a flipped byte ends the readable part at the damaged record; a foreign file is refused")
  func damage() throws {
    var bytes = EmbeddingFile.header(dimension: 2, precision: .float32)
    bytes += EmbeddingFile.record(id: "a", vector: [1, 2], precision: .float32)
    let firstEnd = bytes.count
    bytes += EmbeddingFile.record(id: "b", vector: [3, 4], precision: .float32)
    bytes[firstEnd + 6] ^= 0x40
    let contents = try EmbeddingFile.parse(bytes, name: "f")
    #expect(contents.ids == ["a"] && contents.validLength == firstEnd)
    #expect { _ = try EmbeddingFile.parse(Array("hello world, not vectors".utf8), name: "f") } throws: { "\($0)".contains("not a Rankscope embeddings file") }
  }
}
