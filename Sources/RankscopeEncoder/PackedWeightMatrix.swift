/// The weights and bias of a dense (fully connected) layer, re-laid out once at load time for the
/// matrix-multiplication kernel.
///
/// A PyTorch `Linear` stores its weight as `[outputCount][inputCount]`, and the layer computes
/// `y = x · Wᵀ + b`. Here the outputs are cut into panels of ``panelWidth`` consecutive outputs; a panel is
/// stored input by input (`[inputCount][panelWidth]`), so the kernel reads it strictly sequentially, three
/// eight-lane vectors per input. The last panel is padded with zero weights.
struct PackedWeightMatrix: Sendable {
  /// Outputs per panel: the width of the kernel's register tile (three `SIMD8<Float>`).
  static let panelWidth = 24

  /// Number of inputs (the length of each input row, `K`).
  let inputCount: Int

  /// Number of outputs (the length of each output row, `N`).
  let outputCount: Int

  /// Number of panels, `⌈outputCount / panelWidth⌉`.
  let panelCount: Int

  /// Packed weights, `panelCount × inputCount × panelWidth` floats.
  let weights: AlignedFloatBuffer

  /// Bias, padded with zeros to `panelCount × panelWidth` floats.
  let bias: AlignedFloatBuffer

  /// Packs dense layers that share their input into one matrix whose outputs are the layers' outputs one
  /// after the other (used to fuse the query, key and value projections into one product).
  ///
  /// - Parameters:
  ///   - parts: each part's weight (`[outputCount][inputCount]`, row-major) and bias (`outputCount`).
  ///   - inputCount: the input length shared by all parts.
  init(stacking parts: [(weight: UnsafeBufferPointer<Float>, bias: UnsafeBufferPointer<Float>)], inputCount: Int) {
    precondition(inputCount > 0 && !parts.isEmpty, "PackedWeightMatrix: empty layer")
    var rows: [(weight: UnsafePointer<Float>, bias: Float)] = []
    for part in parts {
      precondition(part.weight.count == part.bias.count * inputCount, "PackedWeightMatrix: weight and bias disagree")
      guard let weightBase = part.weight.baseAddress else { continue }
      for output in 0..<part.bias.count {
        rows.append((weightBase + output * inputCount, part.bias[output]))
      }
    }
    self.inputCount = inputCount
    outputCount = rows.count
    panelCount = (rows.count + Self.panelWidth - 1) / Self.panelWidth
    let width = Self.panelWidth
    weights = AlignedFloatBuffer(count: panelCount * inputCount * width)
    bias = AlignedFloatBuffer(count: panelCount * width)
    for (output, row) in rows.enumerated() {
      let panel = output / width
      let lane = output % width
      let panelBase = weights.baseAddress + panel * inputCount * width + lane
      for input in 0..<inputCount {
        panelBase[input * width] = row.weight[input]
      }
      bias.baseAddress[output] = row.bias
    }
  }

  /// Packs one dense layer with weight `[outputCount][inputCount]` and bias `[outputCount]`.
  init(weight: UnsafeBufferPointer<Float>, bias: UnsafeBufferPointer<Float>, inputCount: Int) {
    self.init(stacking: [(weight, bias)], inputCount: inputCount)
  }
}
