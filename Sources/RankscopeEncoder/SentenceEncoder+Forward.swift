extension SentenceEncoder {
  /// Runs the encoder over several sequences at once and writes each one's pooled, normalised embedding.
  ///
  /// The sequences are laid end to end as the rows of one matrix, without padding: every dense layer is one
  /// matrix product over all rows, and attention runs per sequence, so no token ever attends to another
  /// sequence and no mask is needed.
  ///
  /// - Parameters:
  ///   - sequences: token identifiers within the vocabulary and the position table.
  ///   - workspace: scratch memory large enough for the rows and the longest sequence.
  ///   - output: `sequences.count × 384` floats, one embedding per sequence.
  func forward(sequences: [[Int32]], workspace: EncoderWorkspace, output: UnsafeMutablePointer<Float>, threadCount: Int = 1) {
    typealias Architecture = MiniLMArchitecture
    let hiddenSize = Architecture.hiddenSize
    let rowCount = sequences.reduce(0) { $0 + $1.count }
    precondition(rowCount <= workspace.rowCapacity, "SentenceEncoder: workspace too small")
    precondition(
      sequences.allSatisfy { $0.count <= workspace.sequenceCapacity && $0.count <= Architecture.maximumPositions },
      "SentenceEncoder: sequence longer than the workspace or the position table")

    var hidden = workspace.hidden.baseAddress
    var preNormalization = workspace.preNormalization.baseAddress
    let queryKeyValue = workspace.queryKeyValue.baseAddress
    let context = workspace.context.baseAddress
    let intermediate = workspace.intermediate.baseAddress

    // Embeddings: word + (position + token type 0), then LayerNorm.
    var row = 0
    for sequence in sequences {
      for (position, identifier) in sequence.enumerated() {
        let destination = hidden + row * hiddenSize
        let word = weights.wordEmbeddings.baseAddress + Int(identifier) * hiddenSize
        let positionRow = weights.positionEmbeddings.baseAddress + position * hiddenSize
        var column = 0
        while column < hiddenSize {
          VectorMath.store(VectorMath.load(word, column) + VectorMath.load(positionRow, column), destination, column)
          column += 8
        }
        VectorMath.layerNormalize(
          destination, count: hiddenSize, gamma: weights.embeddingNormScale.baseAddress,
          beta: weights.embeddingNormShift.baseAddress, epsilon: Architecture.layerNormEpsilon)
        row += 1
      }
    }

    for (layerIndex, layer) in weights.layers.enumerated() {
      let nextLayer = layerIndex + 1 < weights.layers.count ? weights.layers[layerIndex + 1] : nil
      // Self-attention block.
      layer.queryKeyValue.apply(
        input: hidden, inputStride: hiddenSize, rowCount: rowCount,
        output: queryKeyValue, outputStride: 3 * hiddenSize, epilogue: .bias, next: layer.attentionOutput, threadCount: threadCount)
      var sequenceStart = 0
      for sequence in sequences {
        attend(
          queryKeyValue: queryKeyValue + sequenceStart * 3 * hiddenSize, length: sequence.count,
          context: context + sequenceStart * hiddenSize, workspace: workspace)
        sequenceStart += sequence.count
      }
      layer.attentionOutput.apply(
        input: context, inputStride: hiddenSize, rowCount: rowCount,
        output: preNormalization, outputStride: hiddenSize,
        epilogue: .biasResidual(hidden, residualStride: hiddenSize), next: layer.intermediate, threadCount: threadCount)
      for row in 0..<rowCount {
        VectorMath.layerNormalize(
          preNormalization + row * hiddenSize, count: hiddenSize, gamma: layer.attentionNormScale.baseAddress,
          beta: layer.attentionNormShift.baseAddress, epsilon: Architecture.layerNormEpsilon)
      }
      swap(&hidden, &preNormalization)

      // Feed-forward block.
      layer.intermediate.apply(
        input: hidden, inputStride: hiddenSize, rowCount: rowCount,
        output: intermediate, outputStride: Architecture.intermediateSize, epilogue: .biasGELU, next: layer.output, threadCount: threadCount)
      layer.output.apply(
        input: intermediate, inputStride: Architecture.intermediateSize, rowCount: rowCount,
        output: preNormalization, outputStride: hiddenSize,
        epilogue: .biasResidual(hidden, residualStride: hiddenSize), next: nextLayer?.queryKeyValue, threadCount: threadCount)
      for row in 0..<rowCount {
        VectorMath.layerNormalize(
          preNormalization + row * hiddenSize, count: hiddenSize, gamma: layer.outputNormScale.baseAddress,
          beta: layer.outputNormShift.baseAddress, epsilon: Architecture.layerNormEpsilon)
      }
      swap(&hidden, &preNormalization)
    }

    // Mean pooling over each sequence's tokens, then L2 normalisation (an empty sequence gives zeros).
    var sequenceStart = 0
    for (index, sequence) in sequences.enumerated() {
      let destination = output + index * hiddenSize
      guard !sequence.isEmpty else {
        destination.update(repeating: 0, count: hiddenSize)
        continue
      }
      var column = 0
      while column < hiddenSize {
        var total = Float8()
        for row in sequenceStart..<(sequenceStart + sequence.count) {
          total += VectorMath.load(hidden + row * hiddenSize, column)
        }
        VectorMath.store(total / Float8(repeating: Float(sequence.count)), destination, column)
        column += 8
      }
      var squares = Float8()
      column = 0
      while column < hiddenSize {
        let value = VectorMath.load(destination, column)
        squares = VectorMath.multiplyAdd(value, value, squares)
        column += 8
      }
      let norm = VectorMath.sum(squares).squareRoot()
      if norm > 0 {
        let scale = Float8(repeating: 1 / norm)
        column = 0
        while column < hiddenSize {
          VectorMath.store(VectorMath.load(destination, column) * scale, destination, column)
          column += 8
        }
      }
      sequenceStart += sequence.count
    }
  }

  /// Multi-head scaled dot-product self-attention over one sequence (Vaswani et al., "Attention Is All You
  /// Need", NeurIPS 2017): for each head, `softmax(Q Kᵀ / √32) V`.
  ///
  /// Keys are transposed per head so that scores come out eight keys at a time without horizontal sums, and
  /// query rows go four at a time so that each key or value vector loaded serves four rows; the softmax uses
  /// the vectorised exponential.
  ///
  /// - Parameters:
  ///   - queryKeyValue: `length` rows of 1,152 floats (`[q | k | v]`, each 12 heads × 32).
  ///   - context: receives `length` rows of 384 floats (the heads side by side).
  private func attend(
    queryKeyValue: UnsafePointer<Float>, length: Int, context: UnsafeMutablePointer<Float>,
    workspace: EncoderWorkspace
  ) {
    typealias Architecture = MiniLMArchitecture
    let hiddenSize = Architecture.hiddenSize
    let rowStride = 3 * hiddenSize
    let headSize = Architecture.headSize
    let padded = (length + 7) / 8 * 8
    let keysTransposed = workspace.keysTransposed.baseAddress
    let scores0 = workspace.scores.baseAddress
    let scores1 = scores0 + padded, scores2 = scores1 + padded, scores3 = scores2 + padded
    let scale = 1 / Float(headSize).squareRoot()

    for head in 0..<Architecture.headCount {
      let queryOffset = head * headSize
      let keyOffset = hiddenSize + head * headSize
      let valueOffset = 2 * hiddenSize + head * headSize

      // Kᵀ for this head: keysTransposed[d · padded + j] = k_j[d]; padding columns are zero.
      for dimension in 0..<headSize {
        let destination = keysTransposed + dimension * padded
        for token in 0..<length {
          destination[token] = queryKeyValue[token * rowStride + keyOffset + dimension]
        }
        for token in length..<padded {
          destination[token] = 0
        }
      }

      var firstRow = 0
      while firstRow < length {
        // Four query rows; past the end, the last row is recomputed and not stored.
        let rowCount = Swift.min(4, length - firstRow)
        let query0 = queryKeyValue + firstRow * rowStride + queryOffset
        let query1 = rowCount > 1 ? query0 + rowStride : query0
        let query2 = rowCount > 2 ? query0 + 2 * rowStride : query1
        let query3 = rowCount > 3 ? query0 + 3 * rowStride : query2

        // Scores, eight keys at a time, and their maxima.
        let lowest = Float8(repeating: -.greatestFiniteMagnitude)
        var maximum0 = lowest, maximum1 = lowest, maximum2 = lowest, maximum3 = lowest
        var block = 0
        while block < padded {
          var sum0 = Float8(), sum1 = Float8(), sum2 = Float8(), sum3 = Float8()
          for dimension in 0..<headSize {
            let keys = VectorMath.load(keysTransposed + dimension * padded, block)
            sum0 = VectorMath.multiplyAdd(Float8(repeating: query0[dimension]), keys, sum0)
            sum1 = VectorMath.multiplyAdd(Float8(repeating: query1[dimension]), keys, sum1)
            sum2 = VectorMath.multiplyAdd(Float8(repeating: query2[dimension]), keys, sum2)
            sum3 = VectorMath.multiplyAdd(Float8(repeating: query3[dimension]), keys, sum3)
          }
          let scaleVector = Float8(repeating: scale)
          sum0 *= scaleVector; sum1 *= scaleVector; sum2 *= scaleVector; sum3 *= scaleVector
          if block + 8 > length {
            // Padding keys must not count: give them the lowest score.
            let isPadding = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) &+ Int32(block) .>= Int32(length)
            sum0.replace(with: lowest, where: isPadding)
            sum1.replace(with: lowest, where: isPadding)
            sum2.replace(with: lowest, where: isPadding)
            sum3.replace(with: lowest, where: isPadding)
          }
          maximum0 = VectorMath.maximum(maximum0, sum0)
          maximum1 = VectorMath.maximum(maximum1, sum1)
          maximum2 = VectorMath.maximum(maximum2, sum2)
          maximum3 = VectorMath.maximum(maximum3, sum3)
          VectorMath.store(sum0, scores0, block)
          VectorMath.store(sum1, scores1, block)
          VectorMath.store(sum2, scores2, block)
          VectorMath.store(sum3, scores3, block)
          block += 8
        }

        // Softmax numerators (padding keys come out as 0) and their sums.
        let totals = (
          Self.exponentiate(scores0, count: padded, length: length, maximum: maximum0.max()),
          Self.exponentiate(scores1, count: padded, length: length, maximum: maximum1.max()),
          Self.exponentiate(scores2, count: padded, length: length, maximum: maximum2.max()),
          Self.exponentiate(scores3, count: padded, length: length, maximum: maximum3.max()))

        // Weighted sums of the values.
        var output00 = Float8(), output01 = Float8(), output02 = Float8(), output03 = Float8()
        var output10 = Float8(), output11 = Float8(), output12 = Float8(), output13 = Float8()
        var output20 = Float8(), output21 = Float8(), output22 = Float8(), output23 = Float8()
        var output30 = Float8(), output31 = Float8(), output32 = Float8(), output33 = Float8()
        for token in 0..<length {
          let value = queryKeyValue + token * rowStride + valueOffset
          let value0 = VectorMath.load(value, 0), value1 = VectorMath.load(value, 8)
          let value2 = VectorMath.load(value, 16), value3 = VectorMath.load(value, 24)
          let weight0 = Float8(repeating: scores0[token])
          output00 = VectorMath.multiplyAdd(weight0, value0, output00)
          output01 = VectorMath.multiplyAdd(weight0, value1, output01)
          output02 = VectorMath.multiplyAdd(weight0, value2, output02)
          output03 = VectorMath.multiplyAdd(weight0, value3, output03)
          let weight1 = Float8(repeating: scores1[token])
          output10 = VectorMath.multiplyAdd(weight1, value0, output10)
          output11 = VectorMath.multiplyAdd(weight1, value1, output11)
          output12 = VectorMath.multiplyAdd(weight1, value2, output12)
          output13 = VectorMath.multiplyAdd(weight1, value3, output13)
          let weight2 = Float8(repeating: scores2[token])
          output20 = VectorMath.multiplyAdd(weight2, value0, output20)
          output21 = VectorMath.multiplyAdd(weight2, value1, output21)
          output22 = VectorMath.multiplyAdd(weight2, value2, output22)
          output23 = VectorMath.multiplyAdd(weight2, value3, output23)
          let weight3 = Float8(repeating: scores3[token])
          output30 = VectorMath.multiplyAdd(weight3, value0, output30)
          output31 = VectorMath.multiplyAdd(weight3, value1, output31)
          output32 = VectorMath.multiplyAdd(weight3, value2, output32)
          output33 = VectorMath.multiplyAdd(weight3, value3, output33)
        }
        func write(_ row: Int, _ total: Float, _ outputs: (Float8, Float8, Float8, Float8)) {
          let normalizer = Float8(repeating: 1 / total)
          let destination = context + (firstRow + row) * hiddenSize + queryOffset
          VectorMath.store(outputs.0 * normalizer, destination, 0)
          VectorMath.store(outputs.1 * normalizer, destination, 8)
          VectorMath.store(outputs.2 * normalizer, destination, 16)
          VectorMath.store(outputs.3 * normalizer, destination, 24)
        }
        write(0, totals.0, (output00, output01, output02, output03))
        if rowCount > 1 { write(1, totals.1, (output10, output11, output12, output13)) }
        if rowCount > 2 { write(2, totals.2, (output20, output21, output22, output23)) }
        if rowCount > 3 { write(3, totals.3, (output30, output31, output32, output33)) }
        firstRow += 4
      }
    }
  }

  /// Replaces `count` scores (a multiple of 8) by `e^(score − maximum)`, zeroes those past `length`, and
  /// returns the sum of the first `length`.
  @inline(__always)
  private static func exponentiate(
    _ scores: UnsafeMutablePointer<Float>, count: Int, length: Int, maximum: Float
  ) -> Float {
    let maximumVector = Float8(repeating: maximum)
    var total = Float8()
    var block = 0
    while block < count {
      var numerator = VectorMath.exp(VectorMath.load(scores, block) - maximumVector)
      if block + 8 > length {
        let isPadding = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) &+ Int32(block) .>= Int32(length)
        numerator.replace(with: Float8(), where: isPadding)
      }
      VectorMath.store(numerator, scores, block)
      total += numerator
      block += 8
    }
    return VectorMath.sum(total)
  }
}
