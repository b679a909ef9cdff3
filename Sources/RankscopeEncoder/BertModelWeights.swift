/// The weights of one transformer layer, packed for the kernels.
struct TransformerLayerWeights: Sendable {
  /// Query, key and value projections fused: 384 inputs → 1,152 outputs (`[q | k | v]`).
  let queryKeyValue: PackedWeightMatrix
  /// Attention output projection, 384 → 384.
  let attentionOutput: PackedWeightMatrix
  /// LayerNorm after attention: scale (gamma).
  let attentionNormScale: AlignedFloatBuffer
  /// LayerNorm after attention: shift (beta).
  let attentionNormShift: AlignedFloatBuffer
  /// Feed-forward expansion, 384 → 1,536 (followed by GELU).
  let intermediate: PackedWeightMatrix
  /// Feed-forward contraction, 1,536 → 384.
  let output: PackedWeightMatrix
  /// LayerNorm after the feed-forward block: scale (gamma).
  let outputNormScale: AlignedFloatBuffer
  /// LayerNorm after the feed-forward block: shift (beta).
  let outputNormShift: AlignedFloatBuffer
}

/// All weights of all-MiniLM-L6-v2, read from its safetensors file, checked, and laid out for inference.
struct BertModelWeights: Sendable {
  /// Word embeddings, `vocabularySize × hiddenSize`.
  let wordEmbeddings: AlignedFloatBuffer
  /// Position embeddings with the token-type-0 embedding added in, `maximumPositions × hiddenSize`.
  let positionEmbeddings: AlignedFloatBuffer
  /// Embedding LayerNorm scale (gamma).
  let embeddingNormScale: AlignedFloatBuffer
  /// Embedding LayerNorm shift (beta).
  let embeddingNormShift: AlignedFloatBuffer
  /// The transformer layers, first to last.
  let layers: [TransformerLayerWeights]

  /// Reads every tensor, checking names, data types (F32) and shapes, and packs the dense layers.
  ///
  /// Tensor names are those of a Hugging Face `BertModel` (`embeddings.…`, `encoder.layer.N.…`), with or
  /// without the `bert.` prefix of a model saved from a task head.
  init(file: SafetensorsFile) throws(EncoderError) {
    typealias Architecture = MiniLMArchitecture
    let hidden = Architecture.hiddenSize
    let prefix = file.tensors["embeddings.word_embeddings.weight"] == nil
      && file.tensors["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""

    func tensor(_ name: String, _ shape: [Int]) throws(EncoderError) -> [Float] {
      try file.floatTensor(prefix + name, shape: shape)
    }
    func buffer(_ name: String, _ shape: [Int]) throws(EncoderError) -> AlignedFloatBuffer {
      let values = try tensor(name, shape)
      return values.withUnsafeBufferPointer { AlignedFloatBuffer(copying: $0) }
    }
    func dense(_ name: String, outputs: Int, inputs: Int) throws(EncoderError) -> PackedWeightMatrix {
      let weight = try tensor(name + ".weight", [outputs, inputs])
      let bias = try tensor(name + ".bias", [outputs])
      return weight.withUnsafeBufferPointer { weightPointer in
        bias.withUnsafeBufferPointer { biasPointer in
          PackedWeightMatrix(weight: weightPointer, bias: biasPointer, inputCount: inputs)
        }
      }
    }

    wordEmbeddings = try buffer("embeddings.word_embeddings.weight", [Architecture.vocabularySize, hidden])
    let positions = try tensor("embeddings.position_embeddings.weight", [Architecture.maximumPositions, hidden])
    let tokenTypes = try tensor("embeddings.token_type_embeddings.weight", [Architecture.tokenTypeCount, hidden])
    positionEmbeddings = AlignedFloatBuffer(count: positions.count)
    for index in 0..<positions.count {
      positionEmbeddings.baseAddress[index] = positions[index] + tokenTypes[index % hidden]
    }
    embeddingNormScale = try buffer("embeddings.LayerNorm.weight", [hidden])
    embeddingNormShift = try buffer("embeddings.LayerNorm.bias", [hidden])

    var layers: [TransformerLayerWeights] = []
    for layer in 0..<Architecture.layerCount {
      let base = "encoder.layer.\(layer)."
      let query = try tensor(base + "attention.self.query.weight", [hidden, hidden])
      let queryBias = try tensor(base + "attention.self.query.bias", [hidden])
      let key = try tensor(base + "attention.self.key.weight", [hidden, hidden])
      let keyBias = try tensor(base + "attention.self.key.bias", [hidden])
      let value = try tensor(base + "attention.self.value.weight", [hidden, hidden])
      let valueBias = try tensor(base + "attention.self.value.bias", [hidden])
      let queryKeyValue = query.withUnsafeBufferPointer { q in
        queryBias.withUnsafeBufferPointer { qb in
          key.withUnsafeBufferPointer { k in
            keyBias.withUnsafeBufferPointer { kb in
              value.withUnsafeBufferPointer { v in
                valueBias.withUnsafeBufferPointer { vb in
                  PackedWeightMatrix(stacking: [(q, qb), (k, kb), (v, vb)], inputCount: hidden)
                }
              }
            }
          }
        }
      }
      layers.append(
        TransformerLayerWeights(
          queryKeyValue: queryKeyValue,
          attentionOutput: try dense(base + "attention.output.dense", outputs: hidden, inputs: hidden),
          attentionNormScale: try buffer(base + "attention.output.LayerNorm.weight", [hidden]),
          attentionNormShift: try buffer(base + "attention.output.LayerNorm.bias", [hidden]),
          intermediate: try dense(
            base + "intermediate.dense", outputs: Architecture.intermediateSize, inputs: hidden),
          output: try dense(base + "output.dense", outputs: hidden, inputs: Architecture.intermediateSize),
          outputNormScale: try buffer(base + "output.LayerNorm.weight", [hidden]),
          outputNormShift: try buffer(base + "output.LayerNorm.bias", [hidden])))
    }
    self.layers = layers
  }
}
