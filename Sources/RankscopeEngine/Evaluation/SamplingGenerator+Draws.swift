/// Draws for the evaluation's resampling, with arithmetic that is the same on every machine and Swift version
/// (the standard library's `random(in:using:)` does not promise its algorithm).
extension SamplingGenerator {
  /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection, "Fast Random Integer
  /// Generation in an Interval", ACM TOMACS 2019), for `bound > 0`.
  mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0, "empty range")
    let limit = UInt64(bound)
    var product = next().multipliedFullWidth(by: limit)
    if product.low < limit {
      let threshold = (0 &- limit) % limit
      while product.low < threshold {
        product = next().multipliedFullWidth(by: limit)
      }
    }
    return Int(product.high)
  }

  /// A uniform double in [0, 1) from the top 53 bits.
  mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }
}
