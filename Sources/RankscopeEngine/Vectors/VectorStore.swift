/// The float32 vectors of one field, row by row: `count` rows of `dimension` floats in one contiguous run,
/// a row whose first component is NaN being a document without a vector.
///
/// The bytes live in a `ByteRegion` (a memory-mapped file or an owned copy) the store keeps alive.
public struct VectorStore: @unchecked Sendable {
  // Safety: the region is immutable and retained for as long as `base` is used.
  /// The region holding the floats.
  public let region: ByteRegion
  /// The first float of row 0.
  let base: UnsafePointer<Float>
  /// Number of rows.
  public internal(set) var count: Int
  /// Floats per row.
  public let dimension: Int

  /// The rows stored at `offset` in `region`; throws when they do not fit or are misaligned.
  public init(region: ByteRegion, offset: Int, count: Int, dimension: Int) throws(IndexError) {
    guard count >= 0, dimension > 0, count <= Int.max / (4 * dimension) else {
      throw IndexError.corrupt(file: region.name, reason: "bad vector count or dimension")
    }
    let bytes = try region.bytes(at: offset, count: 4 * count * dimension)
    guard let address = bytes.baseAddress ?? (count == 0 ? region.buffer.baseAddress : nil),
          Int(bitPattern: address) % MemoryLayout<Float>.alignment == 0 else {
      throw IndexError.corrupt(file: region.name, reason: "vector data is misaligned")
    }
    self.region = region
    base = address.assumingMemoryBound(to: Float.self)
    self.count = count
    self.dimension = dimension
  }

  /// A store holding a copy of `vectors` (`vectors.count / dimension` rows).
  public init(copying vectors: [Float], dimension: Int) {
    let bytes = vectors.withUnsafeBytes { [UInt8]($0) }
    // A fresh copy is aligned and sized by construction, so this cannot throw.
    self = try! VectorStore(region: ByteRegion(copying: bytes, name: "memory"), offset: 0,
                            count: vectors.count / max(dimension, 1), dimension: max(dimension, 1))
  }

  /// The first float of row `row`.
  @inline(__always)
  func vector(_ row: Int) -> UnsafePointer<Float> { base + row * dimension }

  /// Whether row `row` holds a vector (its first component is not NaN).
  @inline(__always)
  func isPresent(_ row: Int) -> Bool { !base[row * dimension].isNaN }
}
