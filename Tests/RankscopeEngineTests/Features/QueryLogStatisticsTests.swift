import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Query log statistics")
struct QueryLogStatisticsTests {
  @Test("counts per document and per normalised query; duplicates in one search count once")
  func counts() throws {
    let log = try FeatureTestCorpus.log()
    #expect(log.searchCount == 3 && log.totalShown == 6 && log.totalClicked == 3)
    #expect(log.counts(document: "a") == .init(shown: 3, clicked: 2))
    #expect(log.counts(document: "zzz") == .init())
    #expect(log.counts(query: "apple pie", document: "a") == .init(shown: 2, clicked: 1))
    #expect(log.queryDocuments.keys.sorted() == ["apple pie", "pear"])
    #expect(QueryLogStatistics.normalize("  Crème   BRÛLÉE! ") == "creme brulee")
    let duplicated = try QueryLogStatistics.parse(Array(#"{"query":"x","ts":1,"shown":["a","a"],"clicked":["a","a"]}"#.utf8), file: "f")
    #expect(duplicated.counts(document: "a") == .init(shown: 1, clicked: 1))
    #expect(try QueryLogStatistics.parse([], file: "empty").searchCount == 0)
  }

  @Test("a bad line names the file, the line and the reason")
  func errors() throws {
    let good = #"{"user":"u","query":"q","ts":1,"shown":["a"],"clicked":[]}"#
    let cases: [(String, String)] = [
      ("{\"query\":", "log.jsonl:3: malformed JSON"),
      ("[1,2]", "log.jsonl:3: expected a JSON object"),
      (#"{"ts":1,"shown":[],"clicked":[]}"#, #"log.jsonl:3: "query" must be a string"#),
      (#"{"query":"q","shown":[],"clicked":[]}"#, #"log.jsonl:3: "ts" must be a number"#),
      (#"{"query":"q","ts":1,"clicked":[]}"#, #"log.jsonl:3: "shown" must be an array of document ids"#),
      (#"{"query":"q","ts":1,"shown":["a"]}"#, #"log.jsonl:3: "clicked" must be an array of document ids"#),
      (#"{"query":"q","ts":1,"shown":["a",3],"clicked":[]}"#, #"log.jsonl:3: "shown" must hold only non-empty strings"#),
      (#"{"query":"q","ts":1,"shown":["a"],"clicked":["b"]}"#, #"log.jsonl:3: clicked "b" was not shown"#),
      (#"{"user":7,"query":"q","ts":1,"shown":[],"clicked":[]}"#, #"log.jsonl:3: "user" must be a string"#),
    ]
    for (line, message) in cases {
      let text = good + "\n\n" + line + "\n" + good
      #expect(throws: ImportIssue.self) { _ = try QueryLogStatistics.parse(Array(text.utf8), file: "log.jsonl") }
      do {
        _ = try QueryLogStatistics.parse(Array(text.utf8), file: "log.jsonl")
      } catch {
        #expect("\(error)".hasPrefix(message), "\(error)")
        #expect(error.line == 3)
      }
    }
    #expect { _ = try QueryLogStatistics.read(path: "/nonexistent/log.jsonl") } throws: { "\($0)".contains("/nonexistent/log.jsonl") }
  }
}
