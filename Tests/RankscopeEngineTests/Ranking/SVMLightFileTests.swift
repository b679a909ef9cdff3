import Foundation
import Testing
@testable import RankscopeEngine

@Suite("SVMlight files")
struct SVMLightFileTests {
  @Test("rows grouped by query, comments, blank lines and absent features as 0")
  func parsesRows() throws {
    let text = """
      # a comment line
      2 qid:10 1:0.5 3:-1.25 # trailing comment
      0 qid:10 2:7

      1 qid:11 3:1e-3
      """
    let data = try SVMLightFile.parse(text, file: "tiny.txt")
    #expect(data.rowCount == 3)
    #expect(data.featureCount == 3)
    #expect(data.labels == [2, 0, 1])
    #expect(data.queryIds == ["10", "11"])
    #expect(data.queryBoundaries == [0, 2, 3])
    #expect(Array(data.row(0)) == [0.5, 0, -1.25])
    #expect(Array(data.row(1)) == [0, 7, 0])
    #expect(Array(data.row(2)) == [0, 0, 0.001])
    #expect(data.rows(ofQuery: 1) == 2..<3)
  }

  @Test("a minimum feature count widens the rows; an empty file has no queries")
  func widthAndEmpty() throws {
    let data = try SVMLightFile.parse("1 qid:1 2:3\n", file: "w.txt", minimumFeatureCount: 5)
    #expect(data.featureCount == 5)
    #expect(Array(data.row(0)) == [0, 3, 0, 0, 0])
    let empty = try SVMLightFile.parse("# nothing\n\n", file: "e.txt")
    #expect(empty.rowCount == 0)
    #expect(empty.queryCount == 0)
  }

  @Test("a data set written as SVMlight text reads back the same")
  func roundTrip() throws {
    let data = LearningToRankData.ordered(queries: 5, documentsPerQuery: 6, seed: 3)
    let read = try SVMLightFile.parse(LearningToRankData.text(data), file: "written.txt")
    #expect(read.labels == data.labels)
    #expect(read.features == data.features)
    #expect(read.queryIds == data.queryIds)
    #expect(read.queryBoundaries == data.queryBoundaries)
  }

  static let badInputs: [(text: String, line: Int, reason: String)] = [
    ("1 qid:1 1:2\nx qid:1 1:2\n", 2, "bad label \"x\""),
    ("1 qid:1 1:2\n1 1:2\n", 2, "missing qid"),
    ("1\n", 1, "missing qid"),
    ("1 qid:1 1:abc\n", 1, "bad number \"abc\" for feature 1"),
    ("1 qid:1 1:nan\n", 1, "bad number \"nan\""),
    ("1 qid:1 1:\n", 1, "bad number \"\""),
    ("1 qid:1 0:1\n", 1, "feature index 0"),
    ("1 qid:1 1:1\n1 qid:1 99999999999999999999:1\n", 2, "unreasonable"),
    ("1 qid:1 -3:1\n", 1, "bad feature index \"-3\""),
    ("1 qid:1 7\n", 1, "expected index:value"),
    ("1 qid:1 2:1 2:3\n", 1, "feature 2 given twice"),
    ("1 qid:1 1:1\n0 qid:2 1:1\n2 qid:1 1:1\n", 3, "query 1 is not contiguous: its rows began on line 1"),
  ]

  @Test("every bad line is reported as file:line: reason", arguments: SVMLightFileTests.badInputs.indices)
  func reportsErrors(_ index: Int) {
    let bad = Self.badInputs[index]
    do {
      _ = try SVMLightFile.parse(bad.text, file: "bad.txt")
      Issue.record("no error for \(bad.text.debugDescription)")
    } catch let error as SVMLightFile.ParseError {
      #expect(error.file == "bad.txt")
      #expect(error.line == bad.line, "\(error)")
      #expect(error.description.hasPrefix("bad.txt:\(bad.line): "), "\(error)")
      #expect(error.reason.contains(bad.reason), "\(error)")
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test("a missing file names the file")
  func missingFile() {
    #expect(throws: SVMLightFile.ParseError.self) { try SVMLightFile.read(path: "/nonexistent/rankscope-ltr.txt") }
    do {
      _ = try SVMLightFile.read(path: "/nonexistent/rankscope-ltr.txt")
    } catch let error as SVMLightFile.ParseError {
      #expect(error.description == "/nonexistent/rankscope-ltr.txt: no such file")
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test("random bytes never crash the reader")
  func randomBytes() {
    var generator = SeededGenerator(seed: 41)
    let alphabet = Array("0123456789 :.-+eE#qid\n\t x".utf8)
    for _ in 0..<500 {
      let bytes = (0..<Int.random(in: 0...80, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
      _ = try? SVMLightFile.parse(bytes: bytes, file: "random.txt")
    }
  }

  static let mslrTrain = LearningToRankData.mslrFile("msn1.fold1.train.5k.txt")

  @Test("the shared MSLR subset: 5,000 rows, 43 queries, 136 features",
        .enabled(if: mslrTrain != nil, "../shared/data/mslr5k is absent (a user's clone has none); skipping"))
  func sharedMSLR() throws {
    let data = try SVMLightFile.read(path: try #require(Self.mslrTrain).path)
    #expect(data.rowCount == 5000)
    #expect(data.queryCount == 43)
    #expect(data.featureCount == 136)
    #expect(Set(data.labels).isSubset(of: [0, 1, 2, 3, 4]))
  }
}

/// Small learning-to-rank data sets for the ranking tests.
enum LearningToRankData {
  /// A file of `../shared/data/mslr5k`, or `nil` when the shared data is absent.
  static func mslrFile(_ name: String) -> URL? {
    var candidates: [URL] = []
    if let explicit = ProcessInfo.processInfo.environment["RANKSCOPE_SHARED_DATA"] {
      candidates.append(URL(fileURLWithPath: explicit))
    }
    var directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<7 {
      candidates.append(directory.appendingPathComponent("shared/data"))
      directory = directory.deletingLastPathComponent()
    }
    for folder in candidates {
      let file = folder.appendingPathComponent("mslr5k").appendingPathComponent(name)
      if FileManager.default.fileExists(atPath: file.path) { return file }
    }
    return nil
  }

  /// Queries whose documents' grade is `⌊4 · feature 0⌋` (clamped to 0…3) plus two noise features; rows are
  /// written worst first, so the file order is the worst ranking.
  static func ordered(queries: Int, documentsPerQuery: Int, seed: UInt64) -> SVMLightFile {
    var generator = SeededGenerator(seed: seed)
    var labels: [Double] = []
    var features: [Double] = []
    var queryIds: [String] = []
    var boundaries = [0]
    for query in 0..<queries {
      var rows: [(Double, [Double])] = []
      for _ in 0..<documentsPerQuery {
        let signal = Double.random(in: 0..<1, using: &generator)
        let grade = Double(min(3, Int(signal * 4)))
        rows.append((grade, [signal, Double.random(in: 0..<1, using: &generator), Double(Int.random(in: 0...5, using: &generator))]))
      }
      rows.sort { $0.0 < $1.0 }
      for (grade, values) in rows {
        labels.append(grade)
        features.append(contentsOf: values)
      }
      queryIds.append(String(query + 1))
      boundaries.append(labels.count)
    }
    return SVMLightFile(labels: labels, features: features, featureCount: 3, queryIds: queryIds, queryBoundaries: boundaries)
  }

  /// The data set as SVMlight text.
  static func text(_ data: SVMLightFile) -> String {
    var lines: [String] = []
    for query in 0..<data.queryCount {
      for row in data.rows(ofQuery: query) {
        let values = data.row(row).enumerated().map { "\($0.offset + 1):\($0.element)" }.joined(separator: " ")
        lines.append("\(Int(data.labels[row])) qid:\(data.queryIds[query]) \(values)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
