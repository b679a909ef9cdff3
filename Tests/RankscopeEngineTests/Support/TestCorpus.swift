import Foundation
@testable import RankscopeEngine

/// Small corpora and helpers shared by the engine tests.
enum TestCorpus {
  /// A single-field schema with no stemming and no stop words, so hand computations are easy.
  static let plainSchema = Schema(fields: [
    Schema.Field(name: "body", type: .text, weight: 1, b: 0.75,
                 analyzer: AnalyzerConfiguration(stopWords: .none, stemmer: .none)),
  ], k1: 1.2)

  /// A two-field BM25F schema plus keyword, numeric and vector fields.
  static let pinSchema = Schema(fields: [
    Schema.Field(name: "title", type: .text, weight: 2, b: 0.5, analyzer: AnalyzerConfiguration(stopWords: .none, stemmer: .none)),
    Schema.Field(name: "body", type: .text, weight: 1, b: 0.75, analyzer: AnalyzerConfiguration(stopWords: .none, stemmer: .none)),
    Schema.Field(name: "type", type: .keyword, analyzer: .keyword),
    Schema.Field(name: "price", type: .numeric),
    Schema.Field(name: "style", type: .vector, dimension: 2),
  ], k1: 1.2, display: .init(title: "title", details: ["type", "price"]))

  static let pinLines = """
    {"id":"a","title":"red apple","body":"apple pie recipe with apple","type":"image","style":[0.5,1]}
    {"id":"b","title":"green pear","body":"apple cider","type":"video","price":12.5,"style":[1,0]}
    {"id":"c","title":"apple","body":"tree","type":"product","price":60,"style":[0,1]}
    """

  /// A random corpus from a small vocabulary, seeded, for property checks.
  static func randomLines(count: Int, seed: UInt64) -> (String, [String]) {
    let vocabulary = ["kitchen", "rustic", "farmhouse", "brass", "shelving", "linen", "dress", "summer", "wedding",
                      "cake", "garden", "rose", "pot", "paint", "canvas", "yoga", "mat", "travel", "beach", "sunset",
                      "velvet", "sofa", "oak", "table", "lamp", "ceramic", "vase", "herb", "lemon", "tart"]
    var generator = SeededGenerator(seed: seed)
    var lines: [String] = []
    for index in 0..<count {
      func words(_ range: ClosedRange<Int>) -> String {
        (0..<Int.random(in: range, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
          .joined(separator: " ")
      }
      let type = ["image", "video", "product"].randomElement(using: &generator)!
      let price = type == "product" ? ",\"price\":\(Int.random(in: 1...200, using: &generator))" : ""
      lines.append("{\"id\":\"d\(index)\",\"title\":\"\(words(1...6))\",\"body\":\"\(words(0...30))\",\"type\":\"\(type)\"\(price)}")
    }
    return (lines.joined(separator: "\n"), vocabulary)
  }

  /// A fresh temporary directory.
  static func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-test-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The shared data folder beside the repository (`../shared/data`), or `RANKSCOPE_SHARED_DATA`.
  static var sharedData: URL? {
    if let explicit = ProcessInfo.processInfo.environment["RANKSCOPE_SHARED_DATA"] {
      return URL(fileURLWithPath: explicit)
    }
    var directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<6 {
      let candidate = directory.appendingPathComponent("shared/data")
      if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("cacm/corpus.jsonl").path) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return nil
  }

  /// The repository root (the folder holding Package.swift).
  static var repositoryRoot: URL {
    var directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    while directory.path != "/" {
      if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path),
         FileManager.default.fileExists(atPath: directory.appendingPathComponent("Sources/RankscopeEngine").path) {
        return directory
      }
      directory = directory.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }
}

/// SplitMix64 (Steele, Lea & Flood 2014), for reproducible test data.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
