/// Verifies that every node of an explanation equals its children combined, exactly.
public enum ExplanationChecker {
  /// One node whose value is not its children combined.
  public struct Mismatch: Sendable, Hashable, CustomStringConvertible {
    /// Labels from the root to the offending node.
    public var path: [String]
    /// The value the node states.
    public var stated: Double
    /// The value its children combine to.
    public var combined: Double

    public var description: String {
      "\(path.joined(separator: " › ")): stated \(stated), children combine to \(combined)"
    }
  }

  /// Every node of `explanation` whose value differs from its children combined (leaves are given values
  /// and are not checked, but must be finite).
  public static func mismatches(in explanation: Explanation) -> [Mismatch] {
    var found: [Mismatch] = []
    visit(explanation, path: [], into: &found)
    return found
  }

  /// `true` when the tree is consistent and its root equals `score` exactly.
  public static func isExact(_ explanation: Explanation, score: Double) -> Bool {
    explanation.value == score && mismatches(in: explanation).isEmpty
  }

  private static func visit(_ node: Explanation, path: [String], into found: inout [Mismatch]) {
    let here = path + [node.label]
    if node.combination == .leaf {
      if !node.value.isFinite {
        found.append(Mismatch(path: here, stated: node.value, combined: node.value))
      }
    } else {
      let combined = node.combination.combine(node.children.map(\.value))
      if combined != node.value || (node.combination == .ratio && node.children.count != 2) {
        found.append(Mismatch(path: here, stated: node.value, combined: combined))
      }
    }
    for child in node.children { visit(child, path: here, into: &found) }
  }
}
