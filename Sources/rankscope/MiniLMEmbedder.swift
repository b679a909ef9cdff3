import Foundation
import RankscopeEncoder
import RankscopeEngine

/// The all-MiniLM-L6-v2 sentence encoder as the engine's `TextEmbedder`.
struct MiniLMEmbedder: TextEmbedder {
  let encoder: SentenceEncoder

  var modelName: String { "all-MiniLM-L6-v2" }
  var dimension: Int { encoder.dimension }

  /// Threads one query's embedding may use (the explorer embeds every keystroke's query).
  static let queryThreads = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))

  func embed(_ text: String) throws -> [Float] { encoder.embed(text, threadCount: Self.queryThreads) }
  func embed(batch texts: [String]) throws -> [[Float]] { encoder.embed(batch: texts) }

  /// Loads the model from `--model`, `RANKSCOPE_MODEL_DIR` or the default models folder; on failure, the
  /// reason (which names `scripts/fetch-model.sh`).
  static func load(explicitPath: String?) -> Result<MiniLMEmbedder, EncoderError> {
    var environment = ProcessInfo.processInfo.environment
    if explicitPath == nil, environment[ModelLocator.environmentVariable] == nil {
      // Also look beside the executable's ancestors (a run from outside the repository).
      for candidate in Locations.candidates(named: ModelLocator.defaultRelativePath)
      where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("model.safetensors").path) {
        environment[ModelLocator.environmentVariable] = candidate.path
        break
      }
    }
    switch ModelLocator.locate(explicitPath: explicitPath, environment: environment) {
    case .failure(let error): return .failure(error)
    case .success(let directory):
      do { return .success(MiniLMEmbedder(encoder: try SentenceEncoder(modelDirectory: directory))) } catch {
        return .failure(error)
      }
    }
  }
}
