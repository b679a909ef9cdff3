/// A feature value in the making, with its explanation when one is being built.
///
/// Every feature is computed by combining nodes: a non-leaf node's value is `Explanation.Combination.combine`
/// of its children's values, whether or not the explanation is kept, so the explanation's value is the
/// feature's value bit for bit by construction.
struct FeatureNode {
  /// The value.
  var value: Double
  /// The explanation of `value`, when explaining.
  var explanation: Explanation?
}

/// Makes `FeatureNode`s, building explanations (labels included) only when `explaining`.
struct FeatureNodeBuilder {
  /// Whether explanations are built.
  let explaining: Bool

  /// A given value; `children` (informational, not combined) are evaluated only when explaining.
  func leaf(_ value: Double, _ label: @autoclosure () -> String,
            _ children: @autoclosure () -> [FeatureNode] = []) -> FeatureNode {
    guard explaining else { return FeatureNode(value: value, explanation: nil) }
    return FeatureNode(value: value, explanation: Explanation(value: value, label: label(),
                                                              children: children().compactMap(\.explanation)))
  }

  /// A node whose value is `combination` applied to the children's values.
  func combine(_ combination: Explanation.Combination, _ label: @autoclosure () -> String,
               _ children: [FeatureNode]) -> FeatureNode {
    guard explaining else { return FeatureNode(value: Self.combine(combination, children), explanation: nil) }
    let value = combination.combine(children.map(\.value))
    return FeatureNode(value: value, explanation: Explanation(value: value, label: label(), combination: combination,
                                                              children: children.compactMap(\.explanation)))
  }

  /// `children` added left to right.
  func sum(_ label: @autoclosure () -> String, _ children: [FeatureNode]) -> FeatureNode {
    combine(.sum, label(), children)
  }

  /// `numerator / denominator`.
  func ratio(_ label: @autoclosure () -> String, _ numerator: FeatureNode, _ denominator: FeatureNode) -> FeatureNode {
    guard explaining else { return FeatureNode(value: numerator.value / denominator.value, explanation: nil) }
    return combine(.ratio, label(), [numerator, denominator])
  }

  /// `first + second` (a sum of two, as `sum` adds them), without an array when nothing is explained.
  func sum(_ label: @autoclosure () -> String, _ first: FeatureNode, _ second: FeatureNode) -> FeatureNode {
    guard explaining else { return FeatureNode(value: (0.0 + first.value) + second.value, explanation: nil) }
    return combine(.sum, label(), [first, second])
  }

  /// `first · second` (a product of two, as `product` multiplies them), without an array when nothing is explained.
  func product(_ label: @autoclosure () -> String, _ first: FeatureNode, _ second: FeatureNode) -> FeatureNode {
    guard explaining else { return FeatureNode(value: (1.0 * first.value) * second.value, explanation: nil) }
    return combine(.product, label(), [first, second])
  }

  /// `weight × child` (as `weighted` of one child), without an array when nothing is explained.
  func weighted(_ weight: Double, _ label: @autoclosure () -> String, _ child: FeatureNode) -> FeatureNode {
    guard explaining else { return FeatureNode(value: weight * (0.0 + child.value), explanation: nil) }
    return combine(.weighted(weight), label(), [child])
  }

  /// `Explanation.Combination.combine` of the children's values, with its arithmetic in its order, without
  /// gathering the values in an array first (the features' hot path when nothing is explained).
  @inline(__always)
  static func combine(_ combination: Explanation.Combination, _ children: [FeatureNode]) -> Double {
    switch combination {
    case .sum:
      var total = 0.0
      for child in children { total += child.value }
      return total
    case .product:
      var total = 1.0
      for child in children { total *= child.value }
      return total
    case .weighted(let weight):
      var total = 0.0
      for child in children { total += child.value }
      return weight * total
    case .ratio:
      return children.count == 2 ? children[0].value / children[1].value : .nan
    case .leaf, .max:
      return combination.combine(children.map(\.value))
    }
  }

  /// `children` multiplied left to right.
  func product(_ label: @autoclosure () -> String, _ children: [FeatureNode]) -> FeatureNode {
    combine(.product, label(), children)
  }

  /// `weight × (sum of children)`.
  func weighted(_ weight: Double, _ label: @autoclosure () -> String, _ children: [FeatureNode]) -> FeatureNode {
    combine(.weighted(weight), label(), children)
  }
}
