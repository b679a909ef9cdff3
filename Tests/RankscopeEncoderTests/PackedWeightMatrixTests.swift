import Foundation
import Testing

@testable import RankscopeEncoder

/// The matrix kernel and the vectorised functions against plain scalar code.
@Suite("Kernels")
struct PackedWeightMatrixTests {
  /// `epilogue(x · Wᵀ + b)` computed plainly, in double precision.
  static func reference(
    input: [Float], weight: [Float], bias: [Float], rows: Int, inputs: Int, outputs: Int,
    gelu: Bool, residual: [Float]?
  ) -> [Float] {
    var result = [Float](repeating: 0, count: rows * outputs)
    for row in 0..<rows {
      for output in 0..<outputs {
        var sum = Double(bias[output])
        for index in 0..<inputs {
          sum += Double(input[row * inputs + index]) * Double(weight[output * inputs + index])
        }
        if gelu { sum = 0.5 * sum * (1 + Foundation.erf(sum / 2.0.squareRoot())) }
        if let residual { sum += Double(residual[row * outputs + output]) }
        result[row * outputs + output] = Float(sum)
      }
    }
    return result
  }

  @Test("Products match plain code for ragged sizes and every epilogue", arguments: [
    (1, 8, 24), (3, 5, 7), (4, 24, 48), (5, 300, 30), (9, 257, 25), (16, 384, 72), (2, 513, 1), (3, 64, 200), (5, 40, 500),
  ])
  func matchesReference(rows: Int, inputs: Int, outputs: Int) {
    var generator = SplitMix64(seed: UInt64(rows * 1_000_003 + inputs * 1_009 + outputs))
    func random() -> Float { Float(generator.next() % 2001) / 1000 - 1 }
    let weight = (0..<(inputs * outputs)).map { _ in random() }
    let bias = (0..<outputs).map { _ in random() }
    let input = (0..<(rows * inputs)).map { _ in random() }
    let residual = (0..<(rows * outputs)).map { _ in random() }
    let matrix = weight.withUnsafeBufferPointer { weightPointer in
      bias.withUnsafeBufferPointer { PackedWeightMatrix(weight: weightPointer, bias: $0, inputCount: inputs) }
    }
    #expect(matrix.outputCount == outputs)
    for epilogueIndex in 0..<3 {
      // Output rows are padded by one float beyond `outputs` to check that nothing is written there.
      let stride = outputs + 1
      /// The product with epilogue `epilogueIndex` on `threads` threads, into NaN-filled padded rows.
      func product(threads: Int) -> [Float] {
        var output = [Float](repeating: .nan, count: rows * stride)
        residual.withUnsafeBufferPointer { residualPointer in
          input.withUnsafeBufferPointer { inputPointer in
            output.withUnsafeMutableBufferPointer { outputPointer in
              let epilogue: DenseEpilogue = switch epilogueIndex {
              case 0: .bias
              case 1: .biasGELU
              default: .biasResidual(residualPointer.baseAddress!, residualStride: outputs)
              }
              matrix.apply(
                input: inputPointer.baseAddress!, inputStride: inputs, rowCount: rows,
                output: outputPointer.baseAddress!, outputStride: stride, epilogue: epilogue, threadCount: threads)
            }
          }
        }
        return output
      }
      let output = product(threads: 1)
      // Shared among threads (columns split by panels), the product is the same bit for bit.
      for threads in [2, 3] {
        #expect(zip(product(threads: threads), output).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "\(threads) threads")
      }
      let expected = Self.reference(
        input: input, weight: weight, bias: bias, rows: rows, inputs: inputs, outputs: outputs,
        gelu: epilogueIndex == 1, residual: epilogueIndex == 2 ? residual : nil)
      var worst: Float = 0
      for row in 0..<rows {
        for column in 0..<outputs {
          worst = max(worst, abs(output[row * stride + column] - expected[row * outputs + column]))
        }
        #expect(output[row * stride + outputs].isNaN, "wrote past the row")
      }
      #expect(worst < 1e-3 * Float(inputs).squareRoot(), "epilogue \(epilogueIndex): error \(worst)")
    }
  }

  @Test("Fused query-key-value packing stacks the outputs of each part")
  func stacking() {
    let first: [Float] = [1, 0, 0, 1], firstBias: [Float] = [0, 0]
    let second: [Float] = [2, 3], secondBias: [Float] = [1]
    let matrix = first.withUnsafeBufferPointer { a in
      firstBias.withUnsafeBufferPointer { ab in
        second.withUnsafeBufferPointer { b in
          secondBias.withUnsafeBufferPointer { bb in
            PackedWeightMatrix(stacking: [(a, ab), (b, bb)], inputCount: 2)
          }
        }
      }
    }
    var output = [Float](repeating: 0, count: 3)
    let input: [Float] = [5, 7]
    input.withUnsafeBufferPointer { inputPointer in
      output.withUnsafeMutableBufferPointer { outputPointer in
        matrix.apply(
          input: inputPointer.baseAddress!, inputStride: 2, rowCount: 1, output: outputPointer.baseAddress!,
          outputStride: 3, epilogue: .bias)
      }
    }
    #expect(output == [5, 7, 32])
  }

  @Test("Vectorised erf, exp and GELU agree with the C library")
  func vectorFunctions() {
    var worstErf = 0.0, worstExp = 0.0, worstGELU = 0.0
    var x: Float = -10
    while x <= 10 {
      let lanes = Float8((0..<8).map { x + Float($0) * 0.001 })
      let erf = VectorMath.erf(lanes), exp = VectorMath.exp(lanes), gelu = VectorMath.gelu(lanes)
      for lane in 0..<8 {
        let value = Double(lanes[lane])
        worstErf = max(worstErf, abs(Double(erf[lane]) - Foundation.erf(value)))
        worstExp = max(worstExp, abs(Double(exp[lane]) - Foundation.exp(value)) / Foundation.exp(value))
        let exactGELU = 0.5 * value * (1 + Foundation.erf(value / 2.0.squareRoot()))
        worstGELU = max(worstGELU, abs(Double(gelu[lane]) - exactGELU))
      }
      x += 0.0173
    }
    #expect(worstErf < 1e-6, "erf error \(worstErf)")
    #expect(worstExp < 1e-6, "exp relative error \(worstExp)")
    #expect(worstGELU < 1e-5, "GELU error \(worstGELU)")
    #expect(VectorMath.exp(Float8(repeating: -1000))[0] < 1e-37)
    #expect(VectorMath.exp(Float8(repeating: 0))[0] == 1)
  }

  @Test("LayerNorm gives zero mean and unit variance before scale and shift")
  func layerNorm() {
    var row = (0..<384).map { Float($0 % 17) * 0.3 - 2 }
    let gamma = [Float](repeating: 2, count: 384), beta = [Float](repeating: 1, count: 384)
    row.withUnsafeMutableBufferPointer { pointer in
      VectorMath.layerNormalize(pointer.baseAddress!, count: 384, gamma: gamma, beta: beta, epsilon: 1e-12)
    }
    let values = row.map { (Double($0) - 1) / 2 }
    let mean = values.reduce(0, +) / 384
    let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 384
    #expect(abs(mean) < 1e-5)
    #expect(abs(variance - 1) < 1e-4)
  }

  @Test("Batch chunks hold consecutive texts within the row budget")
  func chunking() {
    let sequences: [[Int32]] = [[1, 2], [1, 2, 3], [1], Array(repeating: 1, count: 10), [1, 2]]
    #expect(SentenceEncoder.chunk(sequences, rowBudget: 6) == [0..<3, 3..<4, 4..<5])
    #expect(SentenceEncoder.chunk([], rowBudget: 6).isEmpty)
    #expect(EncoderBenchmark.percentile([1, 2, 3, 4], 0.5) == 2.5)
    #expect(EncoderBenchmark.percentile([5], 0.99) == 5)
  }
}
