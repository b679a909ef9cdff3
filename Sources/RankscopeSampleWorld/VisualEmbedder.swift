/// Simulates a pin's visual embedding from its latent style: a weighted sum of one fixed random direction per
/// attribute (category, vertical, style, colour, material, subject) plus noise, scaled to unit length.
///
/// Nothing here looks at pixels; the vector stands in for an image model's output so that vector search and
/// "more like this" have something meaningful to find: pins sharing category, style and colour are close.
struct VisualEmbedder: Sendable {
  /// Number of components.
  static let dimension = 32

  /// The world's seed.
  let seed: UInt64

  /// The fixed unit direction of one attribute value, drawn from its own seeded stream.
  func direction(kind: String, value: String) -> [Double] {
    var generator = SplitMix64(seed: seed, stream: "visual/\(kind)/\(value)")
    let raw = (0..<Self.dimension).map { _ in generator.normal() }
    return Self.normalized(raw)
  }

  /// The pin's vector in ten-thousandths, unit length before rounding.
  func vector(for truth: SamplePinTruth, category: String, vertical: String,
              using generator: inout SplitMix64) -> [Int] {
    let parts: [(kind: String, value: String, weight: Double)] = [
      ("category", category, 1.0), ("vertical", vertical, 0.5), ("style", truth.style, 0.8),
      ("colour", truth.colour, 0.9), ("material", truth.material, 0.5), ("subject", truth.subject, 0.6),
    ]
    var sum = [Double](repeating: 0, count: Self.dimension)
    for part in parts {
      let direction = direction(kind: part.kind, value: part.value)
      for index in 0..<Self.dimension { sum[index] += part.weight * direction[index] }
    }
    let noiseScale = 0.7 / 5.656_854_249_492_38  // 0.7 / √32: noise of expected length 0.7
    for index in 0..<Self.dimension { sum[index] += noiseScale * generator.normal() }
    return Self.normalized(sum).map { Int(($0 * 10_000).rounded(.toNearestOrAwayFromZero)) }
  }

  /// `values` scaled to unit Euclidean length (`sqrt` is correctly rounded by IEEE 754, so exact everywhere).
  static func normalized(_ values: [Double]) -> [Double] {
    var squares = 0.0
    for value in values { squares += value * value }
    let length = squares.squareRoot()
    guard length > 0 else { return values }
    return values.map { $0 / length }
  }
}
