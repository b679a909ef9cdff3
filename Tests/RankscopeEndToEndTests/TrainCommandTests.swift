import Foundation
import Testing
import RankscopeEngine

extension CommandLineTests {
  /// Writes a small SVMlight file whose grade is ⌊4 · feature 1⌋ (clamped to 3), rows worst first.
  static func writeOrderedSVMLight(to url: URL, queries: Int, seed: UInt64) throws {
    var state = seed
    func uniform() -> Double {
      state &+= 0x9E37_79B9_7F4A_7C15
      var value = state
      value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
      value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
      return Double((value ^ (value >> 31)) >> 11) * 0x1p-53
    }
    var lines = ["# generated: grade = floor(4 * feature 1)"]
    for query in 1...queries {
      var rows: [(Int, Double, Double)] = []
      for _ in 0..<10 {
        let signal = uniform()
        rows.append((min(3, Int(signal * 4)), signal, uniform()))
      }
      rows.sort { $0.0 < $1.0 }
      for (grade, signal, noise) in rows {
        // Feature 2 is absent (0) on every other row.
        lines.append(noise < 0.5 ? "\(grade) qid:\(query) 1:\(signal) 2:\(noise)" : "\(grade) qid:\(query) 1:\(signal)")
      }
    }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
  }

  @Test("train: writes a model that ranks the test file well, prints times and nDCG@10")
  func trainEndToEnd() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-train-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let train = directory.appendingPathComponent("train.txt")
    let test = directory.appendingPathComponent("test.txt")
    let model = directory.appendingPathComponent("model.json")
    try Self.writeOrderedSVMLight(to: train, queries: 30, seed: 1)
    try Self.writeOrderedSVMLight(to: test, queries: 15, seed: 2)
    let arguments = ["train", "--svmlight", train.path, "--test", test.path, "--trees", "40", "--leaves", "4",
                     "--learning-rate", "0.3", "--min-data-in-leaf", "3", "--out", model.path]
    let outcome = try run(arguments)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.contains("train \(train.path): 300 rows, 30 queries, 2 features"), "\(outcome.standardOutput)")
    #expect(outcome.standardOutput.contains("training: "))
    #expect(outcome.standardOutput.contains("train nDCG@10: "))
    let loaded = try TreeEnsemble.load(path: model.path)
    #expect(loaded.featureCount == 2)
    #expect(loaded.trees.count == 40)

    let json = try run(arguments + ["--format", "json"])
    #expect(json.status == 0, "\(json.standardError)")
    let report = try JSONParser.parse(json.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    let testNDCG = try #require(report["testNDCG@10"]?.numberValue)
    let trainNDCG = try #require(report["trainNDCG@10"]?.numberValue)
    #expect(testNDCG >= 0.9, "test nDCG@10 \(testNDCG)")
    #expect(trainNDCG >= 0.95, "train nDCG@10 \(trainNDCG)")
    // The same command gives the same model, byte for byte.
    let first = try Data(contentsOf: model)
    _ = try run(arguments)
    #expect(try Data(contentsOf: model) == first)
  }

  @Test("train: a feature log's header names the model's features; a header naming too few is refused")
  func trainNamesFeaturesFromHeader() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-train-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let plain = directory.appendingPathComponent("plain.txt")
    try Self.writeOrderedSVMLight(to: plain, queries: 10, seed: 3)
    let body = try String(contentsOf: plain, encoding: .utf8).split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
    let named = directory.appendingPathComponent("named.txt")
    try (FeatureLog.header + " bm25f log_saves\n" + body).write(to: named, atomically: true, encoding: .utf8)
    let model = directory.appendingPathComponent("model.json")
    let arguments = ["train", "--svmlight", named.path, "--trees", "5", "--leaves", "4", "--learning-rate", "0.3",
                     "--min-data-in-leaf", "3", "--out", model.path]
    let outcome = try run(arguments)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.contains("features named by the header: 2"))
    #expect(try TreeEnsemble.load(path: model.path).featureNames == ["bm25f", "log_saves"])

    try (FeatureLog.header + " bm25f\n" + body).write(to: named, atomically: true, encoding: .utf8)
    let short = try run(arguments)
    #expect(short.status != 0)
    #expect(short.standardError.contains("the header names 1 features, the rows use 2"))
  }

  @Test("train: a bad SVMlight line is reported as file:line: reason and nothing is written")
  func trainBadInput() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-train-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let train = directory.appendingPathComponent("bad.txt")
    try Data("1 qid:1 1:0.5\n0 qid:1 1:0.25\n2 qid:1 1:oops\n".utf8).write(to: train)
    let model = directory.appendingPathComponent("model.json")
    let outcome = try run(["train", "--svmlight", train.path, "--trees", "5", "--leaves", "4", "--learning-rate", "0.1",
                           "--out", model.path])
    #expect(outcome.status != 0)
    #expect(outcome.standardError.contains("\(train.path):3: bad number \"oops\" for feature 1"), "\(outcome.standardError)")
    #expect(!FileManager.default.fileExists(atPath: model.path))
    let badBins = try run(["train", "--svmlight", train.path, "--trees", "5", "--leaves", "4", "--learning-rate", "0.1",
                           "--bins", "999", "--out", model.path])
    #expect(badBins.status != 0)
    #expect(badBins.standardError.contains("bins must be in 2...256"), "\(badBins.standardError)")
  }
}

extension CommandLineTests {
  /// A fixture index, a BM25F profile, four judged queries (the fourth, "cake", held out) and a query log that shows
  /// each query's pins in rotating orders with clicks on the judged-relevant ones (or, with `fixedOrder`, always in
  /// one order).
  func clickTrainingFixture(fixedOrder: Bool = false) throws -> (index: URL, folder: URL, arguments: [String]) {
    let index = try buildIndex()
    let folder = index.deletingLastPathComponent()
    let profiles = folder.appendingPathComponent("profiles")
    try FileManager.default.createDirectory(at: profiles, withIntermediateDirectories: true)
    try #"{"name": "lexical", "retrieve": {"generators": {"bm25f": 50}}, "l1": {"keep": 6, "weights": {"bm25f": 1}}}"#
      .write(to: profiles.appendingPathComponent("lexical.json"), atomically: true, encoding: .utf8)
    try """
      {"id":"q1","text":"farmhouse kitchen"}
      {"id":"q2","text":"oak"}
      {"id":"q3","text":"kitchen"}
      {"id":"q4","text":"cake"}
      """.write(to: folder.appendingPathComponent("queries.jsonl"), atomically: true, encoding: .utf8)
    try "q1 0 p1 3\nq1 0 p5 1\nq2 0 p5 2\nq3 0 p2 2\nq4 0 p6 2\nq4 0 p3 1\n"
      .write(to: folder.appendingPathComponent("qrels.txt"), atomically: true, encoding: .utf8)
    let relevant: [String: [String]] = ["farmhouse kitchen": ["p1", "p5"], "oak": ["p5", "p1"], "kitchen": ["p2", "p1"],
                                        "cake": ["p6", "p3"]]
    let pins = ["p1", "p2", "p3", "p4", "p5", "p6"]
    var lines: [String] = []
    for search in 0..<120 {
      let query = relevant.keys.sorted()[search % 4]
      let shift = fixedOrder ? 0 : (search / 4) % 6
      let shown = Array(pins[shift...] + pins[..<shift])
      // The first relevant pin is clicked wherever it is; the second only in the top three.
      let clicked = relevant[query]!.enumerated().filter { $0.offset == 0 || shown.firstIndex(of: $0.element)! < 3 }.map(\.element)
      let quoted = { (ids: [String]) in ids.map { "\"\($0)\"" }.joined(separator: ",") }
      lines.append("{\"user\":\"u\(search % 7)\",\"query\":\"\(query)\",\"ts\":\(1000 + search),\"shown\":[\(quoted(shown))],\"clicked\":[\(quoted(clicked))]}")
    }
    let log = folder.appendingPathComponent("query-log.jsonl")
    try (lines.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
    let arguments = ["train", "--clicks", "--index", index.path, "--profiles", profiles.path, "--profile", "lexical",
                     "--query-log", log.path, "--queries", folder.appendingPathComponent("queries.jsonl").path,
                     "--qrels", folder.appendingPathComponent("qrels.txt").path, "--trees", "5", "--leaves", "3",
                     "--learning-rate", "0.3", "--min-data-in-leaf", "2",
                     "--out", folder.appendingPathComponent("clicks.json").path]
    return (index, folder, arguments)
  }

  @Test("train --clicks: prints the propensity table and the searches used, writes a model with the registry's feature names")
  func trainOnClicks() throws {
    let (index, folder, arguments) = try clickTrainingFixture()
    let outcome = try run(arguments + ["--max-searches", "30"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let output = outcome.standardOutput
    #expect(output.contains("position bias (intervention harvesting: "), "\(output)")
    #expect(output.contains("  rank  propensity  evidence  click weight"))
    #expect(output.contains("     1       1.000  "))
    #expect(output.contains("     6       "))
    #expect(!output.contains("truth"))
    // The earlier 60 searches feed the click features; of the later 60, the 15 "cake" searches are held out and
    // 30 of the other 45 used.
    #expect(output.contains("click features of the training rows from the earliest 60 searches; rows from the later 60"), "\(output)")
    #expect(output.contains("15 held-out queries"), "\(output)")
    #expect(output.contains("searches: 30 used"), "\(output)")
    #expect(output.contains("15 beyond --max-searches"), "\(output)")
    #expect(output.contains("training: "))
    #expect(output.contains("held-out nDCG@10: "), "\(output)")
    let model = try TreeEnsemble.load(path: folder.appendingPathComponent("clicks.json").path)
    let engine = try SearchEngine.open(directory: index)
    let names = try engine.featureExtractor().registry.definitions(personalized: false).map(\.name)
    #expect(model.featureNames == names)
    #expect(model.featureCount == names.count)
    #expect(model.trees.count >= 1 && model.trees.count <= 5)

    let json = try run(arguments + ["--no-position-correction", "--format", "json"])
    #expect(json.status == 0, "\(json.standardError)")
    let report = try JSONParser.parse(json.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(report["positionCorrection"] == .bool(false))
    #expect(report["searchesUsed"]?.numberValue == 45)
    #expect(report["heldOutNDCG@10"]?.numberValue != nil)
  }

  @Test("train --clicks: a log that never moves a document is refused (cannot estimate), and click options need --clicks")
  func trainOnClicksErrors() throws {
    let (_, _, arguments) = try clickTrainingFixture(fixedOrder: true)
    let outcome = try run(arguments)
    #expect(outcome.status != 0)
    #expect(outcome.standardError.contains("cannot estimate position bias"), "\(outcome.standardError)")
    let uncorrected = try run(arguments + ["--no-position-correction"])
    #expect(uncorrected.status == 0, "\(uncorrected.standardError)")
    let both = try run(["train", "--clicks", "--svmlight", "x.txt", "--profile", "p", "--trees", "1", "--leaves", "2",
                        "--learning-rate", "0.1", "--out", "m.json"])
    #expect(both.status != 0 && both.standardError.contains("exactly one of --svmlight FILE and --clicks"), "\(both.standardError)")
    let whole = try run(arguments + ["--no-position-correction", "--history-fraction", "0", "--format", "json"])
    #expect(whole.status == 0, "\(whole.standardError)")
    #expect(try JSONParser.parse(whole.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))["searchesUsed"]?.numberValue == 90)
    let stray = try run(["train", "--svmlight", "x.txt", "--max-searches", "3", "--trees", "1", "--leaves", "2",
                         "--learning-rate", "0.1", "--out", "m.json"])
    #expect(stray.status != 0 && stray.standardError.contains("--max-searches applies with --clicks only"), "\(stray.standardError)")
  }
}
