import Foundation
import Testing
@testable import RankscopeEngine

@Suite("BM25F scoring")
struct BM25FTests {
  @Test("single-field BM25 equals hand-computed values")
  func singleField() throws {
    let engine = try SearchEngine.inMemory(schema: TestCorpus.plainSchema, jsonLines: """
      {"id":"1","body":"cake cake chocolate"}
      {"id":"2","body":"chocolate"}
      {"id":"3","body":"lemon cake"}
      """)
    let response = try engine.search(SearchRequest(query: "cake", limit: 10, explain: true))
    #expect(response.hits.map(\.id) == ["1", "3"])
    // idf = log(1 + (3 - 2 + 0.5) / (2 + 0.5)); B = 0.25 + 0.75 · dl / 2; score = idf · (tf/B) / (1.2 + tf/B)
    #expect(abs(response.hits[0].score - 0.25753623520314284) < 1e-12)
    #expect(abs(response.hits[1].score - 0.2136380132935162) < 1e-12)
    #expect(response.totalMatches == 2)
  }

  @Test("BM25F over weighted fields equals hand-computed values")
  func multiField() throws {
    let engine = try SearchEngine.inMemory(schema: TestCorpus.pinSchema, jsonLines: TestCorpus.pinLines)
    let response = try engine.search(SearchRequest(query: "apple", limit: 10, explain: true))
    let scores = Dictionary(uniqueKeysWithValues: response.hits.map { ($0.id, $0.score) })
    #expect(abs(scores["a"]! - 0.09561185930737856) < 1e-12)
    #expect(abs(scores["b"]! - 0.067610831708619) < 1e-12)
    #expect(abs(scores["c"]! - 0.09022391393548822) < 1e-12)
    #expect(response.hits.map(\.id) == ["a", "c", "b"])
  }

  @Test("explanation leaves name the formula inputs")
  func explanationLabels() throws {
    let engine = try SearchEngine.inMemory(schema: TestCorpus.pinSchema, jsonLines: TestCorpus.pinLines)
    let hit = try #require(try engine.search(SearchRequest(query: "apple", limit: 1, explain: true)).hits.first)
    let text = try #require(hit.explanation).renderText()
    for fragment in ["idf = log(1 + (N - n + 0.5) / (n + 0.5)) with N = 3 documents, n = 3",
                     "tf = occurrences of \"apple\" in title", "dl = length of body", "avgdl = average length of title",
                     "k1 (term-frequency saturation)", "b (length normalisation of body)", "field weight w = 2"] {
      #expect(text.contains(fragment), "missing \(fragment) in\n\(text)")
    }
    #expect(ExplanationChecker.isExact(hit.explanation!, score: hit.score))
  }

  @Test("a term repeated in the query counts once per occurrence")
  func repeatedTerm() throws {
    let engine = try SearchEngine.inMemory(schema: TestCorpus.plainSchema, jsonLines: """
      {"id":"1","body":"cake cake chocolate"}
      {"id":"2","body":"chocolate"}
      """)
    let once = try engine.search(SearchRequest(query: "cake", limit: 1)).hits[0].score
    let twice = try engine.search(SearchRequest(query: "cake CAKE", limit: 1, explain: true)).hits[0]
    #expect(twice.score == 2 * once)
    #expect(ExplanationChecker.isExact(twice.explanation!, score: twice.score))
  }

  @Test("filters restrict hits without changing scores")
  func filters() throws {
    let engine = try SearchEngine.inMemory(schema: TestCorpus.pinSchema, jsonLines: TestCorpus.pinLines)
    let all = try engine.search(SearchRequest(query: "apple"))
    let videos = try engine.search(SearchRequest(query: "apple type:video"))
    #expect(videos.hits.map(\.id) == ["b"])
    #expect(videos.hits[0].score == all.hits.first { $0.id == "b" }!.score)
    #expect(try engine.search(SearchRequest(query: "apple price<50")).hits.map(\.id) == ["b"])
    #expect(try engine.search(SearchRequest(query: "apple price>=12.5")).hits.map(\.id) == ["c", "b"])
    #expect(try engine.search(SearchRequest(query: "apple -type:video")).hits.map(\.id) == ["a", "c"])
    #expect(try engine.search(SearchRequest(query: "apple", filters: [.keyword(field: "type", values: ["IMAGE", "product"])])).hits.map(\.id) == ["a", "c"])
    #expect(try engine.search(SearchRequest(query: "apple price:10..20")).hits.map(\.id) == ["b"])
    let filterOnly = try engine.search(SearchRequest(query: "type:product", explain: true))
    #expect(filterOnly.hits.map(\.id) == ["c"])
    #expect(filterOnly.hits[0].score == 0)
    #expect(ExplanationChecker.isExact(filterOnly.hits[0].explanation!, score: 0))
  }

  @Test("a query of stop words or unknown words returns nothing, without error")
  func emptyResults() throws {
    let engine = try SearchEngine.inMemory(schema: TestCorpus.pinSchema, jsonLines: TestCorpus.pinLines)
    #expect(try engine.search(SearchRequest(query: "")).hits.isEmpty)
    #expect(try engine.search(SearchRequest(query: "zebra")).hits.isEmpty)
    #expect(try engine.search(SearchRequest(query: "!!! ??? 🙂")).hits.isEmpty)
    #expect(try engine.search(SearchRequest(query: "apple", limit: 0)).hits.isEmpty)
  }

  @Test("the trace names every stage with counts")
  func trace() throws {
    let engine = try SearchEngine.inMemory(schema: TestCorpus.pinSchema, jsonLines: TestCorpus.pinLines)
    let response = try engine.search(SearchRequest(query: "apple", limit: 2))
    #expect(response.trace.map(\.name) == ["understand", "retrieve", "rank", "page"])
    #expect(response.trace[1].outputCount == 3)
    #expect(response.trace[2].outputCount == 2)
    #expect(response.trace[2].cutoffScore == response.hits.last?.score)
  }

  @Test("ties are broken by document order, deterministically")
  func ties() throws {
    let engine = try SearchEngine.inMemory(schema: TestCorpus.plainSchema, jsonLines: (0..<50).map { "{\"id\":\"t\($0)\",\"body\":\"same words\"}" }.joined(separator: "\n"))
    let response = try engine.search(SearchRequest(query: "same", limit: 5))
    #expect(response.hits.map(\.id) == ["t0", "t1", "t2", "t3", "t4"])
  }
}

@Suite("Explanation consistency")
struct ExplanationConsistencyTests {
  @Test("every explained hit of many random queries adds up exactly")
  func randomQueries() throws {
    let (lines, vocabulary) = TestCorpus.randomLines(count: 600, seed: 7)
    let engine = try SearchEngine.inMemory(schema: TestCorpus.pinSchema, jsonLines: lines)
    var generator = SeededGenerator(seed: 11)
    var checkedHits = 0
    for _ in 0..<300 {
      var words = (0..<Int.random(in: 1...5, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
      if Bool.random(using: &generator) { words.append(words[0]) }
      if Int.random(in: 0..<4, using: &generator) == 0 { words.append(["type:video", "price<100", "-type:image"].randomElement(using: &generator)!) }
      let response = try engine.search(SearchRequest(query: words.joined(separator: " "), limit: 20, explain: true))
      for hit in response.hits {
        let explanation = try #require(hit.explanation)
        let mismatches = ExplanationChecker.mismatches(in: explanation)
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(explanation.value == hit.score)
        checkedHits += 1
      }
    }
    #expect(checkedHits > 1000)
  }

  @Test("the checker catches a node that does not add up")
  func checkerCatchesErrors() {
    let good = Explanation.sum("total", [.leaf(1, "a"), .leaf(2, "b")])
    #expect(ExplanationChecker.mismatches(in: good).isEmpty)
    var bad = good
    bad.value = 3.0000001
    #expect(ExplanationChecker.mismatches(in: bad).count == 1)
    let badRatio = Explanation(value: 0.5, label: "r", combination: .ratio, children: [.leaf(1, "x")])
    #expect(!ExplanationChecker.mismatches(in: badRatio).isEmpty)
    let weighted = Explanation.weighted(2, "w", [.leaf(1.5, "x")])
    #expect(weighted.value == 3 && ExplanationChecker.isExact(weighted, score: 3))
    #expect(!ExplanationChecker.isExact(weighted, score: 3.0000001))
    #expect(!ExplanationChecker.mismatches(in: .leaf(.nan, "nan")).isEmpty)
  }

  @Test("explanations serialise to JSON with value, label, combination and children")
  func json() throws {
    let tree = Explanation.weighted(2, "w", [.product("p", [.leaf(3, "x"), .leaf(0.5, "y")])])
    let text = JSONWriter.string(tree.json)
    #expect(text.hasPrefix("{\"value\":3,\"label\":\"w\",\"combination\":\"weighted\",\"weight\":2,\"children\":[{\"value\":1.5"))
    let decoded = try JSONDecoder().decode(Explanation.self, from: JSONEncoder().encode(tree))
    #expect(decoded == tree)
  }
}
