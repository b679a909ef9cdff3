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
