import Foundation

/// The fixed architecture of all-MiniLM-L6-v2, a 6-layer BERT (Wang et al., "MiniLM: Deep Self-Attention
/// Distillation for Task-Agnostic Compression of Pre-Trained Transformers", NeurIPS 2020; fine-tuned as a
/// sentence encoder by sentence-transformers, Reimers and Gurevych, "Sentence-BERT", EMNLP 2019).
enum MiniLMArchitecture {
  /// Width of every token's hidden state, and of the sentence embedding.
  static let hiddenSize = 384
  /// Transformer layers.
  static let layerCount = 6
  /// Attention heads per layer.
  static let headCount = 12
  /// Width of one head (`hiddenSize / headCount`).
  static let headSize = 32
  /// Width of the feed-forward layer.
  static let intermediateSize = 1536
  /// Rows of the word-embedding table.
  static let vocabularySize = 30522
  /// Rows of the position-embedding table: the longest sequence the model can read.
  static let maximumPositions = 512
  /// Rows of the token-type embedding table (only type 0 is used for single sentences).
  static let tokenTypeCount = 2
  /// The epsilon of every LayerNorm.
  static let layerNormEpsilon: Float = 1e-12

  /// Checks `config.json`, when the model directory has one, against this architecture.
  static func checkConfiguration(at url: URL) throws(EncoderError) {
    guard FileManager.default.fileExists(atPath: url.path) else { return }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    } catch {
      throw .incompatibleConfiguration(path: url.path, reason: "it is not readable JSON (\(error.localizedDescription))")
    }
    guard let configuration = object as? [String: Any] else {
      throw .incompatibleConfiguration(path: url.path, reason: "it is not a JSON object")
    }
    let expectedIntegers: [(String, Int)] = [
      ("hidden_size", hiddenSize), ("num_hidden_layers", layerCount), ("num_attention_heads", headCount),
      ("intermediate_size", intermediateSize), ("vocab_size", vocabularySize),
      ("max_position_embeddings", maximumPositions), ("type_vocab_size", tokenTypeCount),
    ]
    for (key, expected) in expectedIntegers {
      guard let value = configuration[key] else { continue }
      guard let number = value as? Int, number == expected else {
        throw .incompatibleConfiguration(path: url.path, reason: "\(key) is \(value), expected \(expected)")
      }
    }
    if let activation = configuration["hidden_act"], (activation as? String) != "gelu" {
      throw .incompatibleConfiguration(path: url.path, reason: "hidden_act is \(activation), expected gelu")
    }
    if let kind = configuration["position_embedding_type"], (kind as? String) != "absolute" {
      throw .incompatibleConfiguration(
        path: url.path, reason: "position_embedding_type is \(kind), expected absolute")
    }
  }
}
