/// A fixed-size block of `Float`s aligned to a cache line, owned by a class so that read-only weights can be
/// shared between threads without copying.
///
/// The buffer is written only while the owner builds it (before it is shared) and read afterwards, which is
/// why it is `@unchecked Sendable`.
final class AlignedFloatBuffer: @unchecked Sendable {
  /// The alignment of ``baseAddress`` in bytes (one cache line, enough for any SIMD load).
  static let alignment = 64

  /// Number of `Float`s in the buffer.
  let count: Int

  /// The first element; valid for ``count`` elements while the buffer is alive.
  let baseAddress: UnsafeMutablePointer<Float>

  /// Allocates `count` floats, all zero.
  init(count: Int) {
    precondition(count >= 0, "AlignedFloatBuffer: negative count")
    self.count = count
    let raw = UnsafeMutableRawPointer.allocate(
      byteCount: Swift.max(count, 1) * MemoryLayout<Float>.stride, alignment: Self.alignment)
    baseAddress = raw.bindMemory(to: Float.self, capacity: Swift.max(count, 1))
    baseAddress.initialize(repeating: 0, count: Swift.max(count, 1))
  }

  /// Allocates a buffer holding a copy of `values`.
  convenience init(copying values: UnsafeBufferPointer<Float>) {
    self.init(count: values.count)
    if let source = values.baseAddress {
      baseAddress.update(from: source, count: values.count)
    }
  }

  deinit {
    UnsafeMutableRawPointer(baseAddress).deallocate()
  }

  /// A read-only view of the whole buffer.
  var buffer: UnsafeBufferPointer<Float> {
    UnsafeBufferPointer(start: baseAddress, count: count)
  }
}
