extension Explanation {
  /// The tree as JSON: `value`, `label`, `combination` (and `weight` for weighted nodes), `children`.
  public var json: JSONValue {
    var members: [JSONMember] = [
      JSONMember("value", .number(value)),
      JSONMember("label", .string(label)),
      JSONMember("combination", .string(combination.name)),
    ]
    if case .weighted(let weight) = combination { members.append(JSONMember("weight", .number(weight))) }
    members.append(JSONMember("children", .array(children.map(\.json))))
    return .object(members)
  }

  /// The tree as indented text, one node a line: value, combination and label.
  public func renderText(indent: String = "") -> String {
    var lines: [String] = []
    appendLines(to: &lines, prefix: indent)
    return lines.joined(separator: "\n")
  }

  private func appendLines(to lines: inout [String], prefix: String) {
    let symbol: String
    switch combination {
    case .leaf: symbol = ""
    case .sum: symbol = " [sum]"
    case .product: symbol = " [product]"
    case .max: symbol = " [max]"
    case .weighted(let weight): symbol = " [× \(JSONWriter.format(weight))]"
    case .ratio: symbol = " [ratio]"
    }
    lines.append("\(prefix)\(Explanation.format(value))\(symbol)  \(label)")
    for child in children { child.appendLines(to: &lines, prefix: prefix + "  ") }
  }

  /// A value with 4 decimals, or in full when it is an integer.
  public static func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e12 { return String(Int64(value)) }
    let scaled = (value * 10_000).rounded() / 10_000
    var text = "\(scaled)"
    if let dot = text.firstIndex(of: "."), !text.contains("e") {
      let decimals = text.distance(from: dot, to: text.endIndex) - 1
      if decimals < 4 { text += String(repeating: "0", count: 4 - decimals) }
    }
    return text
  }
}
