import Foundation
import Testing

@testable import RankscopeEncoder

/// Files the encoder tests read when present: the model (fetched by `scripts/fetch-model.sh`, never
/// committed) and the shared reference vectors. Tests that need them are disabled, with the reason shown,
/// when they are absent.
enum TestResources {
  /// The repository root, found from this file's location (symbolic links resolved).
  static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The model directory: `RANKSCOPE_MODEL_DIR`, else `models/all-MiniLM-L6-v2` in the repository.
  static let modelDirectory: URL? = {
    let environment = ProcessInfo.processInfo.environment
    var candidates: [URL] = []
    if let variable = environment[ModelLocator.environmentVariable], !variable.isEmpty {
      candidates.append(URL(fileURLWithPath: variable))
    }
    candidates.append(repositoryRoot.appendingPathComponent(ModelLocator.defaultRelativePath))
    return candidates.first { ModelLocator.problem(withModelDirectory: $0.path) == nil }
  }()

  /// The vocabulary file, when the model is present.
  static var vocabularyURL: URL? {
    modelDirectory?.appendingPathComponent("vocab.txt")
  }

  /// `reference.jsonl` of the shared data (`RANKSCOPE_MINILM_REFERENCE`, else `../shared/data/minilm/`).
  static let referenceURL: URL? = {
    let environment = ProcessInfo.processInfo.environment
    var candidates: [URL] = []
    if let variable = environment["RANKSCOPE_MINILM_REFERENCE"], !variable.isEmpty {
      candidates.append(URL(fileURLWithPath: variable))
    }
    candidates.append(
      repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/minilm/reference.jsonl"))
    return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
  }()

  /// One line of `reference.jsonl`.
  struct ReferenceSentence: Decodable, Sendable {
    let text: String
    let tokens: [String]
    let ids: [Int32]
    let embedding: [Float]
  }

  /// The reference sentences (empty when the file is absent).
  static let referenceSentences: [ReferenceSentence] = {
    guard let referenceURL, let text = try? String(contentsOf: referenceURL, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { line in
      try? JSONDecoder().decode(ReferenceSentence.self, from: Data(line.utf8))
    }
  }()

  /// The tokenizer of the real vocabulary, loaded once.
  static let tokenizer: WordPieceTokenizer? = {
    guard let vocabularyURL else { return nil }
    return try? WordPieceTokenizer(vocabularyURL: vocabularyURL)
  }()

  /// The encoder, loaded once for all tests.
  static let encoder: SentenceEncoder? = {
    guard let modelDirectory else { return nil }
    return try? SentenceEncoder(modelDirectory: modelDirectory)
  }()

  /// Whether the model files are present.
  static var hasModel: Bool { modelDirectory != nil }

  /// Whether the model and the reference file are both present.
  static var hasModelAndReference: Bool { modelDirectory != nil && !referenceSentences.isEmpty }

  /// Whether forward passes can run in reasonable time: the model is present and the encoder module is
  /// optimised (unoptimised, the reference test alone takes many minutes).
  static var canRunModel: Bool { hasModel && SentenceEncoder.isOptimizedBuild }

  /// Whether the reference comparison can run.
  static var canRunReference: Bool { canRunModel && !referenceSentences.isEmpty }

  /// Why forward-pass tests are skipped.
  static var cannotRunModelReason: Comment {
    if !hasModel { return missingModelReason }
    if !SentenceEncoder.isOptimizedBuild {
      return "RankscopeEncoder is compiled without optimisation, where a forward pass takes seconds: give the target -O in Package.swift, or run swift test -c release"
    }
    return missingReferenceReason
  }

  /// Why model tests are skipped.
  static let missingModelReason: Comment =
    "model absent: run scripts/fetch-model.sh (or set RANKSCOPE_MODEL_DIR) to enable"

  /// Why reference tests are skipped.
  static let missingReferenceReason: Comment =
    "model or ../shared/data/minilm/reference.jsonl absent: run scripts/fetch-model.sh, set RANKSCOPE_MINILM_REFERENCE"

  /// Cosine similarity in double precision.
  static func cosine(_ first: [Float], _ second: [Float]) -> Double {
    var dot = 0.0, firstNorm = 0.0, secondNorm = 0.0
    for index in 0..<min(first.count, second.count) {
      dot += Double(first[index]) * Double(second[index])
      firstNorm += Double(first[index]) * Double(first[index])
      secondNorm += Double(second[index]) * Double(second[index])
    }
    return dot / (firstNorm.squareRoot() * secondNorm.squareRoot())
  }

  /// A fresh temporary directory, removed by the caller.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-encoder-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
