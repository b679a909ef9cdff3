/// Eight-lane float vector, the unit of work of every kernel in this module (one AVX register).
typealias Float8 = SIMD8<Float>

/// Vectorised elementwise functions and row operations used by the transformer forward pass.
enum VectorMath {
  /// `a * b + c` lane by lane: one fused multiply-add instruction where the build targets FMA.
  ///
  /// On x86-64 the fused form is used only when the module is compiled for a CPU with FMA
  /// (`-target-cpu haswell` or later) and with `-D RANKSCOPE_FMA`: without FMA in the target, LLVM lowers
  /// `addingProduct` to one scalar `fmaf` call per lane (about 100 times slower), so the portable build
  /// uses a separate multiply and add instead. ARM64 always has FMA.
  @inline(__always)
  static func multiplyAdd(_ a: Float8, _ b: Float8, _ c: Float8) -> Float8 {
    #if RANKSCOPE_FMA || arch(arm64)
    c.addingProduct(a, b)
    #else
    a * b + c
    #endif
  }

  /// Whether ``multiplyAdd(_:_:_:)`` compiles to fused multiply-add instructions in this build.
  static var usesFusedMultiplyAdd: Bool {
    #if RANKSCOPE_FMA || arch(arm64)
    true
    #else
    false
    #endif
  }

  /// Loads eight floats from `pointer + offset` (no alignment requirement).
  @inline(__always)
  static func load(_ pointer: UnsafePointer<Float>, _ offset: Int = 0) -> Float8 {
    UnsafeRawPointer(pointer + offset).loadUnaligned(as: Float8.self)
  }

  /// Stores eight floats at `pointer + offset` (no alignment requirement).
  @inline(__always)
  static func store(_ value: Float8, _ pointer: UnsafeMutablePointer<Float>, _ offset: Int = 0) {
    UnsafeMutableRawPointer(pointer + offset).storeBytes(of: value, as: Float8.self)
  }

  /// Lane-wise minimum. (The standard library's `pointwiseMin` and `clamped` are not inlined, and cost a
  /// call and a lane-by-lane loop each.)
  @inline(__always)
  static func minimum(_ a: Float8, _ b: Float8) -> Float8 {
    a.replacing(with: b, where: b .< a)
  }

  /// Lane-wise maximum.
  @inline(__always)
  static func maximum(_ a: Float8, _ b: Float8) -> Float8 {
    a.replacing(with: b, where: b .> a)
  }

  /// Asks the processor to bring the cache line holding `address` into all cache levels. Only a hint: it
  /// never faults, whatever the address.
  @inline(__always)
  static func prefetch(_ address: UnsafeRawPointer) {
    llvmPrefetch(address, 0, 3, 1)
  }

  /// Sum of the eight lanes.
  @inline(__always)
  static func sum(_ value: Float8) -> Float {
    let four = value.lowHalf + value.highHalf
    let two = four.lowHalf + four.highHalf
    return two[0] + two[1]
  }

  /// The error function, to about 2 ulp in float32.
  ///
  /// The odd/even rational approximation on [-4, 4] used by Eigen and TensorFlow (`generic_fast_erf_float`);
  /// outside that interval erf is ±1 in float32.
  @inline(__always)
  static func erf(_ input: Float8) -> Float8 {
    let x = minimum(maximum(input, Float8(repeating: -4)), Float8(repeating: 4))
    let x2 = x * x
    var p = multiplyAdd(x2, Float8(repeating: -2.72614225801306e-10), Float8(repeating: 2.77068142495902e-08))
    p = multiplyAdd(x2, p, Float8(repeating: -2.10102402082508e-06))
    p = multiplyAdd(x2, p, Float8(repeating: -5.69250639462346e-05))
    p = multiplyAdd(x2, p, Float8(repeating: -7.34990630326855e-04))
    p = multiplyAdd(x2, p, Float8(repeating: -2.95459980854025e-03))
    p = multiplyAdd(x2, p, Float8(repeating: -1.60960333262415e-02))
    p = x * p
    var q = multiplyAdd(x2, Float8(repeating: -1.45660718464996e-05), Float8(repeating: -2.13374055278905e-04))
    q = multiplyAdd(x2, q, Float8(repeating: -1.68282697438203e-03))
    q = multiplyAdd(x2, q, Float8(repeating: -7.37332916720468e-03))
    q = multiplyAdd(x2, q, Float8(repeating: -1.42647390514189e-02))
    return p / q
  }

  /// The exact Gaussian error linear unit, `0.5 · x · (1 + erf(x / √2))`.
  ///
  /// Hendrycks and Gimpel, "Gaussian Error Linear Units (GELUs)", 2016; BERT uses this form, not the tanh
  /// approximation.
  @inline(__always)
  static func gelu(_ x: Float8) -> Float8 {
    let half = Float8(repeating: 0.5)
    return half * x * (Float8(repeating: 1) + erf(x * Float8(repeating: 0.70710678118654752)))
  }

  /// `e^x`, to about 1 ulp in float32 for x in [-87, 88]; smaller inputs give about 1e-38 rather than 0.
  ///
  /// Range reduction x = n·ln 2 + r with |r| ≤ ln 2 / 2 and the degree-6 polynomial of Cephes `expf`
  /// (S. L. Moshier, "Methods and Programs for Mathematical Functions", 1989).
  @inline(__always)
  static func exp(_ input: Float8) -> Float8 {
    let x = minimum(maximum(input, Float8(repeating: -87)), Float8(repeating: 88))
    let n = (x * Float8(repeating: 1.44269504088896341)).rounded(.toNearestOrEven)
    var r = multiplyAdd(n, Float8(repeating: -0.693359375), x)
    r = multiplyAdd(n, Float8(repeating: 2.12194440e-4), r)
    var p = multiplyAdd(Float8(repeating: 1.9875691500e-4), r, Float8(repeating: 1.3981999507e-3))
    p = multiplyAdd(p, r, Float8(repeating: 8.3334519073e-3))
    p = multiplyAdd(p, r, Float8(repeating: 4.1665795894e-2))
    p = multiplyAdd(p, r, Float8(repeating: 1.6666665459e-1))
    p = multiplyAdd(p, r, Float8(repeating: 5.0000001201e-1))
    p = multiplyAdd(p, r * r, r + Float8(repeating: 1))
    // 2^n built from its bits. n is integral and |n| ≤ 127: adding 1.5 · 2^23 puts it in the low mantissa
    // bits, read back as an integer (the standard library's float-to-integer vector conversion is a
    // lane-by-lane generic loop).
    let magic = Float8(repeating: 12_582_912)
    let integer = unsafeBitCast(n + magic, to: SIMD8<Int32>.self) &- 0x4B40_0000
    return p * unsafeBitCast((integer &+ 127) &<< 23, to: Float8.self)
  }

  /// Layer normalisation of one row in place: `(x − mean) / √(variance + epsilon) · gamma + beta`.
  ///
  /// Ba, Kiros and Hinton, "Layer Normalization", 2016. `count` must be a multiple of 8.
  static func layerNormalize(
    _ row: UnsafeMutablePointer<Float>, count: Int, gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>,
    epsilon: Float
  ) {
    var total = Float8()
    var index = 0
    while index < count {
      total += load(row, index)
      index += 8
    }
    let mean = sum(total) / Float(count)
    let meanVector = Float8(repeating: mean)
    var squares = Float8()
    index = 0
    while index < count {
      let centered = load(row, index) - meanVector
      squares = multiplyAdd(centered, centered, squares)
      index += 8
    }
    let variance = sum(squares) / Float(count)
    let scale = Float8(repeating: 1 / (variance + epsilon).squareRoot())
    index = 0
    while index < count {
      let normalized = (load(row, index) - meanVector) * scale
      store(multiplyAdd(normalized, load(gamma, index), load(beta, index)), row, index)
      index += 8
    }
  }
}

/// LLVM's `prefetch` intrinsic (read, keep in all cache levels, data cache), which Swift does not expose:
/// a function whose symbol name is an intrinsic's is compiled as that intrinsic (`prefetcht0` on x86-64,
/// `prfm pldl1keep` on ARM64).
@_silgen_name("llvm.prefetch.p0")
private func llvmPrefetch(_ address: UnsafeRawPointer, _ isWrite: Int32, _ locality: Int32, _ isData: Int32)
