/// Elementary functions computed with IEEE-754 `+ - * /` only, so results are bit-identical on every machine.
///
/// The C library's `exp` and `log` may differ in the last bit between platforms, and one flipped bit can
/// change a rounded output digit; the sample world must be byte-identical everywhere, so it uses these.
enum DeterministicMath {
  /// The natural logarithm of 2.
  static let ln2 = 0.693_147_180_559_945_3

  /// e raised to `x`: `x = k·ln 2 + r` with `|r| ≤ ln 2 / 2`, then a Taylor series for `e^r`.
  static func exp(_ x: Double) -> Double {
    if x > 700 { return .infinity }
    if x < -700 { return 0 }
    let k = (x / ln2).rounded(.toNearestOrAwayFromZero)
    let r = x - k * ln2
    var term = 1.0
    var sum = 1.0
    for n in 1...20 {
      term = term * r / Double(n)
      sum += term
    }
    return scaled(sum, byPowerOfTwo: Int(k))
  }

  /// The natural logarithm of a positive `x`: `x = m·2^e` with `m` in [1, 2), then
  /// `log m = 2·atanh((m − 1)/(m + 1))` by its series.
  static func log(_ x: Double) -> Double {
    precondition(x > 0, "log of a non-positive number")
    let exponent = Int(x.exponent)
    let mantissa = x.significand
    let s = (mantissa - 1) / (mantissa + 1)
    let square = s * s
    var power = s
    var sum = 0.0
    var n = 1.0
    while n < 60 {
      sum += power / n
      power *= square
      n += 2
    }
    return 2 * sum + Double(exponent) * ln2
  }

  /// `base` raised to `exponent`, for a positive `base`.
  static func pow(_ base: Double, _ exponent: Double) -> Double {
    exp(exponent * log(base))
  }

  /// `value · 2^power`, exactly (multiplying by powers of two only changes the exponent).
  static func scaled(_ value: Double, byPowerOfTwo power: Int) -> Double {
    var result = value
    var remaining = power
    while remaining > 0 {
      let step = min(remaining, 500)
      result *= Double(sign: .plus, exponent: step, significand: 1)
      remaining -= step
    }
    while remaining < 0 {
      let step = min(-remaining, 500)
      result *= Double(sign: .plus, exponent: -step, significand: 1)
      remaining += step
    }
    return result
  }
}
