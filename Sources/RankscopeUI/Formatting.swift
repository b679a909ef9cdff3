import Foundation

/// Number formats shared by the views.
public enum Formatting {
  /// `value` with exactly `digits` decimals (`NaN`, `∞`, `-∞` for non-finite values); `-0.0000` is `0.0000`.
  public static func fixed(_ value: Double, digits: Int = 4) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
    let text = String(format: "%.\(max(0, digits))f", value)
    if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
    return text
  }

  /// Seconds as milliseconds with two decimals, e.g. `0.31 ms`.
  public static func milliseconds(_ seconds: Double) -> String {
    fixed(seconds * 1000, digits: 2) + " ms"
  }

  /// An integer with thousands separators, e.g. `12,345`.
  public static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (offset, character) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return value < 0 ? "-" + result : result
  }

  /// `value` with a sign and `digits` decimals, e.g. `+0.0912`, `-0.0030` (`0.0000` without a sign).
  public static func signed(_ value: Double, digits: Int = 4) -> String {
    let text = fixed(value, digits: digits)
    return text.hasPrefix("-") || Double(text) == 0 || !value.isFinite ? text : "+" + text
  }
}
