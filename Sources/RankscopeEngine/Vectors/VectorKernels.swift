import CRankscopeKernels

/// Similarity kernels over float32 and int8 vectors: float32 in Swift SIMD8 with four independent
/// accumulators; int8 through AVX2 C kernels (`CRankscopeKernels`), exact integer sums either way.
///
/// Every float32 result is computed in one fixed order (four eight-lane accumulators over blocks of 32
/// components, then one accumulator over blocks of 8, then the scalar tail, then a fixed reduction), so
/// the same inputs always give the same bits: the scorer and the explanation call the same kernel.
/// On x86-64 the engine is compiled for AVX2 and FMA (`-target-cpu haswell`, `RANKSCOPE_FMA`).
enum VectorKernels {
  typealias Float8 = SIMD8<Float>

  /// `a * b + c` lane by lane: one fused multiply-add where the build targets FMA.
  @inline(__always)
  static func multiplyAdd(_ a: Float8, _ b: Float8, _ c: Float8) -> Float8 {
    #if RANKSCOPE_FMA || arch(arm64)
    c.addingProduct(a, b)
    #else
    a * b + c
    #endif
  }

  /// Eight floats from `pointer + offset`, any alignment. A 32-byte copy (one unaligned vector load once
  /// optimised) rather than `loadUnaligned`, whose generic specialisation the optimiser sometimes leaves as
  /// an out-of-line call per load in large callers.
  @inline(__always)
  private static func load(_ pointer: UnsafePointer<Float>, _ offset: Int) -> Float8 {
    var value = Float8()
    withUnsafeMutableBytes(of: &value) { $0.baseAddress.unsafelyUnwrapped.copyMemory(from: pointer + offset, byteCount: 32) }
    return value
  }

  @inline(__always)
  private static func reduce(_ a: Float8, _ b: Float8, _ c: Float8, _ d: Float8) -> Float {
    let sum = (a + b) + (c + d)
    return ((sum[0] + sum[4]) + (sum[2] + sum[6])) + ((sum[1] + sum[5]) + (sum[3] + sum[7]))
  }

  /// The inner product `Σ a_i · b_i` in float32.
  @inline(__always)
  static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
    var s0 = Float8(), s1 = Float8(), s2 = Float8(), s3 = Float8()
    var index = 0
    while index + 32 <= count {
      s0 = multiplyAdd(load(a, index), load(b, index), s0)
      s1 = multiplyAdd(load(a, index + 8), load(b, index + 8), s1)
      s2 = multiplyAdd(load(a, index + 16), load(b, index + 16), s2)
      s3 = multiplyAdd(load(a, index + 24), load(b, index + 24), s3)
      index += 32
    }
    while index + 8 <= count {
      s0 = multiplyAdd(load(a, index), load(b, index), s0)
      index += 8
    }
    var total = reduce(s0, s1, s2, s3)
    while index < count {
      total = total.addingProduct(a[index], b[index])
      index += 1
    }
    return total
  }

  /// The inner products `a · b` and `b · b` in one pass, each bit-identical to `dot`.
  @inline(__always)
  static func dotAndSquaredNorm(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> (dot: Float, squaredNorm: Float) {
    var s0 = Float8(), s1 = Float8(), s2 = Float8(), s3 = Float8()
    var n0 = Float8(), n1 = Float8(), n2 = Float8(), n3 = Float8()
    var index = 0
    while index + 32 <= count {
      let b0 = load(b, index), b1 = load(b, index + 8), b2 = load(b, index + 16), b3 = load(b, index + 24)
      s0 = multiplyAdd(load(a, index), b0, s0)
      s1 = multiplyAdd(load(a, index + 8), b1, s1)
      s2 = multiplyAdd(load(a, index + 16), b2, s2)
      s3 = multiplyAdd(load(a, index + 24), b3, s3)
      n0 = multiplyAdd(b0, b0, n0)
      n1 = multiplyAdd(b1, b1, n1)
      n2 = multiplyAdd(b2, b2, n2)
      n3 = multiplyAdd(b3, b3, n3)
      index += 32
    }
    while index + 8 <= count {
      let b0 = load(b, index)
      s0 = multiplyAdd(load(a, index), b0, s0)
      n0 = multiplyAdd(b0, b0, n0)
      index += 8
    }
    var total = reduce(s0, s1, s2, s3)
    var norm = reduce(n0, n1, n2, n3)
    while index < count {
      total = total.addingProduct(a[index], b[index])
      norm = norm.addingProduct(b[index], b[index])
      index += 1
    }
    return (total, norm)
  }

  /// The squared Euclidean distance `Σ (a_i − b_i)²` in float32.
  @inline(__always)
  static func squaredDistance(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
    var s0 = Float8(), s1 = Float8(), s2 = Float8(), s3 = Float8()
    var index = 0
    while index + 32 <= count {
      let d0 = load(a, index) - load(b, index), d1 = load(a, index + 8) - load(b, index + 8)
      let d2 = load(a, index + 16) - load(b, index + 16), d3 = load(a, index + 24) - load(b, index + 24)
      s0 = multiplyAdd(d0, d0, s0)
      s1 = multiplyAdd(d1, d1, s1)
      s2 = multiplyAdd(d2, d2, s2)
      s3 = multiplyAdd(d3, d3, s3)
      index += 32
    }
    while index + 8 <= count {
      let d0 = load(a, index) - load(b, index)
      s0 = multiplyAdd(d0, d0, s0)
      index += 8
    }
    var total = reduce(s0, s1, s2, s3)
    while index < count {
      let difference = a[index] - b[index]
      total = total.addingProduct(difference, difference)
      index += 1
    }
    return total
  }

  /// The inner product of two int8 code vectors, `Σ a_i · b_i`, exact in 32-bit integers (AVX2 in C:
  /// Swift's SIMD types do not lower to `vpmaddwd`).
  @inline(__always)
  static func dot(_ a: UnsafePointer<Int8>, _ b: UnsafePointer<Int8>, count: Int) -> Int32 {
    rankscope_dot_i8(a, b, count)
  }

  /// The squared Euclidean distance of two int8 code vectors, exact in 32-bit integers (AVX2 in C).
  @inline(__always)
  static func squaredDistance(_ a: UnsafePointer<Int8>, _ b: UnsafePointer<Int8>, count: Int) -> Int32 {
    rankscope_squared_distance_i8(a, b, count)
  }
}
