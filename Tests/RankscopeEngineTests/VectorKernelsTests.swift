import Testing
@testable import RankscopeEngine

@Suite("Vector kernels")
struct VectorKernelsTests {
  private func pair(_ dimension: Int, seed: UInt64) -> ([Float], [Float]) {
    var generator = SeededGenerator(seed: seed)
    return ((0..<dimension).map { _ in Float.random(in: -1...1, using: &generator) },
            (0..<dimension).map { _ in Float.random(in: -1...1, using: &generator) })
  }

  @Test("float32 dot, squared distance and norm agree with a double-precision reference", arguments: [1, 7, 8, 31, 32, 33, 100, 384])
  func floatKernels(dimension: Int) {
    let (a, b) = pair(dimension, seed: UInt64(dimension))
    let referenceDot = zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    let referenceDistance = zip(a, b).reduce(0.0) { $0 + (Double($1.0) - Double($1.1)) * (Double($1.0) - Double($1.1)) }
    let referenceNorm = b.reduce(0.0) { $0 + Double($1) * Double($1) }
    let tolerance = 1e-5 * Double(dimension)
    a.withUnsafeBufferPointer { x in
      b.withUnsafeBufferPointer { y in
        let dot = VectorKernels.dot(x.baseAddress!, y.baseAddress!, count: dimension)
        #expect(abs(Double(dot) - referenceDot) <= tolerance)
        #expect(abs(Double(VectorKernels.squaredDistance(x.baseAddress!, y.baseAddress!, count: dimension)) - referenceDistance) <= tolerance)
        let fused = VectorKernels.dotAndSquaredNorm(x.baseAddress!, y.baseAddress!, count: dimension)
        // The fused pass must give the very bits of the separate kernels: exact scores depend on it.
        #expect(fused.dot.bitPattern == dot.bitPattern)
        #expect(fused.squaredNorm.bitPattern == VectorKernels.dot(y.baseAddress!, y.baseAddress!, count: dimension).bitPattern)
        #expect(abs(Double(fused.squaredNorm) - referenceNorm) <= tolerance)
        let cosine = VectorSimilarity.score(.cosine, query: x.baseAddress!, queryNorm: VectorSimilarity.norm(x.baseAddress!, dimension: dimension),
                                            document: y.baseAddress!, documentNorm: VectorSimilarity.norm(y.baseAddress!, dimension: dimension),
                                            dimension: dimension)
        let referenceCosine = referenceDot / (a.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot() * referenceNorm.squareRoot())
        #expect(abs(Double(cosine) - referenceCosine) <= 1e-5)
      }
    }
  }

  @Test("int8 dot and squared distance are exact", arguments: [1, 15, 16, 31, 32, 33, 63, 64, 65, 384])
  func int8Kernels(dimension: Int) {
    var generator = SeededGenerator(seed: 7)
    let a = (0..<dimension).map { _ in Int8.random(in: -127...127, using: &generator) }
    let b = (0..<dimension).map { _ in Int8.random(in: -127...127, using: &generator) }
    let dot = zip(a, b).reduce(Int32(0)) { $0 + Int32($1.0) * Int32($1.1) }
    let distance = zip(a, b).reduce(Int32(0)) { $0 + (Int32($1.0) - Int32($1.1)) * (Int32($1.0) - Int32($1.1)) }
    a.withUnsafeBufferPointer { x in
      b.withUnsafeBufferPointer { y in
        #expect(VectorKernels.dot(x.baseAddress!, y.baseAddress!, count: dimension) == dot)
        #expect(VectorKernels.squaredDistance(x.baseAddress!, y.baseAddress!, count: dimension) == distance)
      }
    }
  }
}
