/// A node of a score explanation: a value, what it is, and how its children combine into it.
///
/// Modelled on Lucene's `Explanation`, with one change: the way children combine is a type, so a checker
/// can verify every node (`ExplanationChecker`). Explanations are built by the code that computes the score.
public struct Explanation: Sendable, Hashable, Codable {
  /// How a node's value follows from its children.
  public enum Combination: Sendable, Hashable {
    /// A given value (a formula input or a formula result named in the label); children, if any, are
    /// informational and are not combined.
    case leaf
    /// The sum of the children, added left to right starting from zero.
    case sum
    /// The product of the children, multiplied left to right starting from one.
    case product
    /// The largest child.
    case max
    /// `weight × (sum of the children)`.
    case weighted(Double)
    /// The first child divided by the second.
    case ratio
  }

  /// The value of this node.
  public var value: Double
  /// What the value is, e.g. `idf(cake) = log(1 + (N - n + 0.5) / (n + 0.5))`.
  public var label: String
  /// How `children` combine into `value`.
  public var combination: Combination
  /// The parts of this value.
  public var children: [Explanation]

  /// Creates a node.
  public init(value: Double, label: String, combination: Combination = .leaf, children: [Explanation] = []) {
    self.value = value
    self.label = label
    self.combination = combination
    self.children = children
  }

  /// A leaf holding a given value.
  public static func leaf(_ value: Double, _ label: String) -> Explanation {
    Explanation(value: value, label: label)
  }

  /// A sum node whose value is computed from the children exactly as the checker does.
  public static func sum(_ label: String, _ children: [Explanation]) -> Explanation {
    Explanation(value: Combination.sum.combine(children.map(\.value)), label: label, combination: .sum,
                children: children)
  }

  /// A product node whose value is computed from the children exactly as the checker does.
  public static func product(_ label: String, _ children: [Explanation]) -> Explanation {
    Explanation(value: Combination.product.combine(children.map(\.value)), label: label,
                combination: .product, children: children)
  }

  /// A ratio node: `numerator / denominator`.
  public static func ratio(_ label: String, _ numerator: Explanation, _ denominator: Explanation) -> Explanation {
    Explanation(value: numerator.value / denominator.value, label: label, combination: .ratio,
                children: [numerator, denominator])
  }

  /// A weighted node: `weight × sum(children)`.
  public static func weighted(_ weight: Double, _ label: String, _ children: [Explanation]) -> Explanation {
    let combination = Combination.weighted(weight)
    return Explanation(value: combination.combine(children.map(\.value)), label: label,
                       combination: combination, children: children)
  }

  /// Number of nodes in the tree.
  public var nodeCount: Int { 1 + children.reduce(0) { $0 + $1.nodeCount } }
}

extension Explanation.Combination {
  /// Combines child values the way this combination defines; `nil` for a leaf.
  public func combine(_ values: [Double]) -> Double {
    switch self {
    case .leaf: return values.first ?? 0
    case .sum: return values.reduce(0.0, +)
    case .product: return values.reduce(1.0, *)
    case .max: return values.max() ?? 0
    case .weighted(let weight): return weight * values.reduce(0.0, +)
    case .ratio: return values.count == 2 ? values[0] / values[1] : .nan
    }
  }

  /// A short name used in JSON output and the explorer: `leaf`, `sum`, `product`, `max`, `weighted`, `ratio`.
  public var name: String {
    switch self {
    case .leaf: return "leaf"
    case .sum: return "sum"
    case .product: return "product"
    case .max: return "max"
    case .weighted: return "weighted"
    case .ratio: return "ratio"
    }
  }
}

extension Explanation.Combination: Codable {
  private enum CodingKeys: String, CodingKey { case type, weight }

  public init(from decoder: Decoder) throws {
    if let single = try? decoder.singleValueContainer(), let name = try? single.decode(String.self) {
      switch name {
      case "leaf": self = .leaf
      case "sum": self = .sum
      case "product": self = .product
      case "max": self = .max
      case "ratio": self = .ratio
      default:
        throw DecodingError.dataCorruptedError(in: single, debugDescription: "unknown combination '\(name)'")
      }
      return
    }
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let weight = try container.decode(Double.self, forKey: .weight)
    self = .weighted(weight)
  }

  public func encode(to encoder: Encoder) throws {
    if case .weighted(let weight) = self {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode("weighted", forKey: .type)
      try container.encode(weight, forKey: .weight)
    } else {
      var container = encoder.singleValueContainer()
      try container.encode(name)
    }
  }
}
