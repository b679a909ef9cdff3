import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Block-max pruning")
struct BlockMaxScorerTests {
  /// A seeded three-field corpus with a Zipf-like vocabulary (rare and very common terms, many blocks),
  /// fields of different weights, `b` and analyzers (the body is stemmed, so a query word can make different
  /// terms per field), and keyword and numeric fields for filters.
  static let corpus: (engine: SearchEngine, vocabulary: [String]) = {
    let schema = Schema(fields: [
      Schema.Field(name: "title", type: .text, weight: 3, b: 0.5, analyzer: AnalyzerConfiguration(stopWords: .none, stemmer: .none)),
      Schema.Field(name: "body", type: .text, weight: 1, b: 0.75, analyzer: AnalyzerConfiguration(stopWords: .none, stemmer: .porter)),
      Schema.Field(name: "tags", type: .text, weight: 2, b: 0.3, analyzer: AnalyzerConfiguration(stopWords: .none, stemmer: .none)),
      Schema.Field(name: "type", type: .keyword, analyzer: .keyword),
      Schema.Field(name: "price", type: .numeric),
    ], k1: 1.2)
    var generator = SeededGenerator(seed: 2024)
    let syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "pe", "da"]
    var vocabulary: [String] = []
    for first in syllables { for second in syllables { vocabulary.append(first + second) } }
    vocabulary = vocabulary.flatMap { [$0, $0 + "s", $0 + "ing"] }
    // Zipf-like: word i drawn with probability ∝ 1 / (i + 1).
    let weights = vocabulary.indices.map { 1.0 / Double($0 + 1) }
    let total = weights.reduce(0, +)
    var cumulative: [Double] = []
    var sum = 0.0
    for weight in weights { sum += weight / total; cumulative.append(sum) }
    func word() -> String {
      let draw = Double.random(in: 0..<1, using: &generator)
      var low = 0, high = cumulative.count - 1
      while low < high { let middle = (low + high) / 2; if cumulative[middle] < draw { low = middle + 1 } else { high = middle } }
      return vocabulary[low]
    }
    func words(_ range: ClosedRange<Int>) -> String { (0..<Int.random(in: range, using: &generator)).map { _ in word() }.joined(separator: " ") }
    var lines: [String] = []
    for index in 0..<4000 {
      let type = ["image", "video", "product"].randomElement(using: &generator)!
      let price = Bool.random(using: &generator) ? ",\"price\":\(Int.random(in: 1...200, using: &generator))" : ""
      lines.append("{\"id\":\"d\(index)\",\"title\":\"\(words(1...6))\",\"body\":\"\(words(0...40))\",\"tags\":\"\(words(0...4))\",\"type\":\"\(type)\"\(price)}")
    }
    let engine = try! SearchEngine.inMemory(schema: schema, jsonLines: lines.joined(separator: "\n"))
    return (engine, vocabulary)
  }()

  /// Checks pruned top-k against exhaustive top-k for one query; returns whether anything was pruned.
  @discardableResult
  static func expectIdentical(_ engine: SearchEngine, _ query: String, count: Int) throws -> Bool {
    let parsed = try engine.parse(query)
    let scorer = BM25FScorer(reader: engine.reader)
    let terms = try scorer.resolve(parsed.terms)
    let filter = try DocumentFilter.evaluate(parsed.filters, reader: engine.reader)
    let exhaustive = try scorer.topExhaustive(terms, count: count, filter: filter)
    let pruned = try scorer.top(terms, count: count, filter: filter)
    #expect(pruned.hits.map(\.document) == exhaustive.hits.map(\.document), "documents differ for \"\(query)\" k=\(count)")
    #expect(pruned.hits.map(\.score.bitPattern) == exhaustive.hits.map(\.score.bitPattern), "scores differ for \"\(query)\" k=\(count)")
    #expect(pruned.matchCount <= exhaustive.matchCount)
    if pruned.matchCountIsExact { #expect(pruned.matchCount == exhaustive.matchCount, "count for \"\(query)\"") }
    return !pruned.matchCountIsExact
  }

  @Test("top-k equals exhaustive evaluation on 2,000 random queries (ids and scores bit for bit)")
  func randomQueries() throws {
    let (engine, vocabulary) = Self.corpus
    var generator = SeededGenerator(seed: 77)
    var prunedQueries = 0
    for round in 0..<2000 {
      var words: [String] = (0..<Int.random(in: 1...5, using: &generator)).map { _ in
        // Half the words from the 30 most common, half from anywhere (mostly rare).
        Bool.random(using: &generator) ? vocabulary[Int.random(in: 0..<30, using: &generator)] : vocabulary.randomElement(using: &generator)!
      }
      if Int.random(in: 0..<5, using: &generator) == 0 { words.append(words[0]) }
      if Int.random(in: 0..<20, using: &generator) == 0 { words.append("zzzunknown") }
      if Int.random(in: 0..<3, using: &generator) == 0 {
        words.append(["type:video", "price<100", "-type:image", "type:product,video price>150"].randomElement(using: &generator)!)
      }
      let count = [1, 10, 100][round % 3]
      if try Self.expectIdentical(engine, words.joined(separator: " "), count: count) { prunedQueries += 1 }
    }
    // The corpus is large enough for pruning to happen on most queries.
    #expect(prunedQueries > 500)
  }

  /// A seeded corpus of one text field (every query term has one list: the window-at-a-time evaluation)
  /// with a Zipf-like vocabulary, keyword and numeric fields for filters, and every 40th document
  /// `longWords` long (lengths past the tabulated 127, frequencies past 8; past 255 the field lengths are
  /// not held as bytes).
  static func singleFieldCorpus(longWords: Int) -> (engine: SearchEngine, vocabulary: [String]) {
    let schema = Schema(fields: [
      Schema.Field(name: "text", type: .text, weight: 1, b: 0.75, analyzer: AnalyzerConfiguration(stopWords: .none, stemmer: .none)),
      Schema.Field(name: "type", type: .keyword, analyzer: .keyword),
      Schema.Field(name: "price", type: .numeric),
    ], k1: 1.2)
    var generator = SeededGenerator(seed: 99)
    let syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "pe", "da"]
    var vocabulary: [String] = []
    for first in syllables { for second in syllables { vocabulary.append(first + second) } }
    vocabulary = vocabulary.flatMap { [$0, $0 + "s"] }
    var cumulative: [Double] = []
    var sum = 0.0
    for index in vocabulary.indices { sum += 1.0 / Double(index + 1); cumulative.append(sum) }
    func word() -> String {
      let draw = Double.random(in: 0..<sum, using: &generator)
      return vocabulary[cumulative.firstIndex { $0 > draw } ?? vocabulary.count - 1]
    }
    var lines: [String] = []
    for index in 0..<5000 {
      let length = index % 40 == 7 ? longWords : Int.random(in: 1...30, using: &generator)
      let text = (0..<length).map { _ in word() }.joined(separator: " ")
      let type = ["image", "video", "product"].randomElement(using: &generator)!
      lines.append("{\"id\":\"s\(index)\",\"text\":\"\(text)\",\"type\":\"\(type)\",\"price\":\(index % 200)}")
    }
    return (try! SearchEngine.inMemory(schema: schema, jsonLines: lines.joined(separator: "\n")), vocabulary)
  }

  @Test("top-k equals exhaustive evaluation with one list per term (byte and 32-bit field lengths)",
        arguments: [200, 300])
  func oneListPerTerm(longWords: Int) throws {
    let (engine, vocabulary) = Self.singleFieldCorpus(longWords: longWords)
    #expect(engine.reader.byteFieldLengths.buffer.isEmpty == (longWords > 255))
    var generator = SeededGenerator(seed: 31)
    var prunedQueries = 0
    for round in 0..<1500 {
      var words: [String] = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
        Bool.random(using: &generator) ? vocabulary[Int.random(in: 0..<20, using: &generator)] : vocabulary.randomElement(using: &generator)!
      }
      if Int.random(in: 0..<5, using: &generator) == 0 { words.append(words[0]) }
      if Int.random(in: 0..<3, using: &generator) == 0 {
        words.append(["type:video", "price<100", "-type:image", "type:product,video price>150"].randomElement(using: &generator)!)
      }
      if try Self.expectIdentical(engine, words.joined(separator: " "), count: [1, 10, 100][round % 3]) { prunedQueries += 1 }
    }
    #expect(prunedQueries > 300)
  }

  @Test("top-k equals exhaustive evaluation on the sample world (4 weighted fields, 20k pins)")
  func sampleWorld() throws {
    let sampleData = TestCorpus.repositoryRoot.appendingPathComponent("SampleData")
    let schema = try IndexBuild.readSchema(path: sampleData.appendingPathComponent("schema.json").path)
    let data = try #require(FileManager.default.contents(atPath: sampleData.appendingPathComponent("pins.jsonl").path))
    let report = try DocumentImporter(schema: schema, mode: .lenient).importLines(Array(data), file: "pins.jsonl")
    var builder = IndexBuilder(schema: schema)
    for document in report.documents { builder.add(document) }
    let engine = SearchEngine(reader: try IndexReader.inMemory(files: builder.serialize(), schema: schema))
    #expect(engine.documentCount >= 20_000)
    // Query words from the pins' own titles.
    var generator = SeededGenerator(seed: 5)
    var words: [String] = []
    for document in report.documents.prefix(400) { words += document.texts[0].split(separator: " ").map(String.init) }
    let filters = schema.keywordFields.first.map { field in
      try? engine.reader.keywordValues(field: 0).prefix(2).map { "\(field.name):\($0.value)" }
    } ?? nil
    for round in 0..<400 {
      var query = (0..<Int.random(in: 1...4, using: &generator)).map { _ in words.randomElement(using: &generator)! }
      if round % 4 == 0, let filter = filters?.randomElement(using: &generator) { query.append(filter) }
      try Self.expectIdentical(engine, query.joined(separator: " "), count: [1, 10, 100][round % 3])
    }
  }

  @Test("single-term and filtered counts; the engine reports whether the count is exact")
  func counts() throws {
    let (engine, vocabulary) = Self.corpus
    let single = try engine.search(SearchRequest(query: vocabulary[0], limit: 10))
    #expect(single.totalMatchesIsExact)
    let scorer = BM25FScorer(reader: engine.reader)
    let terms = try scorer.resolve(try engine.parse(vocabulary[0]).terms)
    #expect(single.totalMatches == (try scorer.topExhaustive(terms, count: 10, filter: nil)).matchCount)
    let pair = try engine.search(SearchRequest(query: "\(vocabulary[0]) \(vocabulary[1])", limit: 1))
    if !pair.totalMatchesIsExact { #expect(pair.totalMatches > 0) }
    let json = JSONWriter.string(pair.json(query: "q") { _ in .null })
    #expect(json.contains("\"totalMatchesIsExact\":\(pair.totalMatchesIsExact)"))
  }
}
