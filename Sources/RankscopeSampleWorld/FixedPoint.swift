/// Formats fixed-point numbers held as scaled integers, independent of locale and platform.
enum FixedPoint {
  /// `scaledValue / 10^decimals` with exactly `decimals` digits after the point ("-0.0431", "24.99").
  static func format(_ scaledValue: Int, decimals: Int) -> String {
    guard decimals > 0 else { return String(scaledValue) }
    let magnitude = scaledValue.magnitude
    var divisor: UInt = 1
    for _ in 0..<decimals { divisor *= 10 }
    let whole = magnitude / divisor
    let fraction = String(magnitude % divisor)
    let padded = String(repeating: "0", count: decimals - fraction.count) + fraction
    return (scaledValue < 0 ? "-" : "") + String(whole) + "." + padded
  }

  /// `value` scaled by `10^decimals` and rounded half away from zero.
  static func scaled(_ value: Double, decimals: Int) -> Int {
    var factor = 1.0
    for _ in 0..<decimals { factor *= 10 }
    return Int((value * factor).rounded(.toNearestOrAwayFromZero))
  }
}
