/// Scratch memory for forward passes over at most ``rowCapacity`` token rows (all sequences of one call
/// together) and sequences of at most ``sequenceCapacity`` tokens. Used by one thread at a time.
final class EncoderWorkspace {
  /// Most token rows one forward pass may hold.
  let rowCapacity: Int
  /// Longest sequence one forward pass may hold.
  let sequenceCapacity: Int
  /// `sequenceCapacity` rounded up to a multiple of 8 (the lane count of the attention kernels).
  let paddedSequenceCapacity: Int

  /// Hidden states, `rows × 384`.
  let hidden: AlignedFloatBuffer
  /// Sums before a LayerNorm (dense output + residual), `rows × 384`.
  let preNormalization: AlignedFloatBuffer
  /// Fused query, key and value projections, `rows × 1,152`.
  let queryKeyValue: AlignedFloatBuffer
  /// Attention output before its projection, `rows × 384`.
  let context: AlignedFloatBuffer
  /// Feed-forward activations after GELU, `rows × 1,536`.
  let intermediate: AlignedFloatBuffer
  /// One head's keys, transposed: `32 × paddedSequenceCapacity`.
  let keysTransposed: AlignedFloatBuffer
  /// Attention scores of four query rows, `4 × paddedSequenceCapacity`.
  let scores: AlignedFloatBuffer

  /// Allocates buffers for `rowCapacity` rows and sequences of up to `sequenceCapacity` tokens.
  init(rowCapacity: Int, sequenceCapacity: Int) {
    typealias Architecture = MiniLMArchitecture
    self.rowCapacity = rowCapacity
    self.sequenceCapacity = sequenceCapacity
    paddedSequenceCapacity = (sequenceCapacity + 7) / 8 * 8
    hidden = AlignedFloatBuffer(count: rowCapacity * Architecture.hiddenSize)
    preNormalization = AlignedFloatBuffer(count: rowCapacity * Architecture.hiddenSize)
    queryKeyValue = AlignedFloatBuffer(count: rowCapacity * 3 * Architecture.hiddenSize)
    context = AlignedFloatBuffer(count: rowCapacity * Architecture.hiddenSize)
    intermediate = AlignedFloatBuffer(count: rowCapacity * Architecture.intermediateSize)
    keysTransposed = AlignedFloatBuffer(count: Architecture.headSize * paddedSequenceCapacity)
    scores = AlignedFloatBuffer(count: 4 * paddedSequenceCapacity)
  }
}
