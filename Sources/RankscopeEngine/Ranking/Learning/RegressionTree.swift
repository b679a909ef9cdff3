/// One regression tree of a `TreeEnsemble`: binary splits `value <= threshold` (left) on raw feature values,
/// constant leaves, and each node's cover (the training rows that reached it, which TreeSHAP weighs by).
///
/// Nodes are stored flat; node 0 is the root and every child comes after its parent.
public struct RegressionTree: Sendable, Hashable {
  /// One node: a split (`feature ≥ 0`) or a leaf (`feature == -1`).
  public struct Node: Sendable, Hashable {
    /// Column split on, or -1 for a leaf.
    public var feature: Int
    /// Rows with `value <= threshold` go left (splits only).
    public var threshold: Double
    /// Index of the left child (splits only).
    public var left: Int
    /// Index of the right child (splits only).
    public var right: Int
    /// The output of a leaf (0 for splits).
    public var value: Double
    /// Training rows that reached the node.
    public var cover: Double

    /// Whether the node is a leaf.
    public var isLeaf: Bool { feature < 0 }

    /// A split node.
    public static func split(feature: Int, threshold: Double, left: Int, right: Int, cover: Double) -> Node {
      Node(feature: feature, threshold: threshold, left: left, right: right, value: 0, cover: cover)
    }

    /// A leaf.
    public static func leaf(value: Double, cover: Double) -> Node {
      Node(feature: -1, threshold: 0, left: -1, right: -1, value: value, cover: cover)
    }
  }

  /// The nodes; `nodes[0]` is the root.
  public var nodes: [Node]

  /// Creates a tree from its nodes.
  public init(nodes: [Node]) { self.nodes = nodes }

  /// Number of leaves.
  public var leafCount: Int { nodes.reduce(0) { $0 + ($1.isLeaf ? 1 : 0) } }

  /// The leaf value for one row of features (`features[feature]` is the raw value).
  @inlinable
  public func predict<C: RandomAccessCollection>(features: C) -> Double where C.Element == Double, C.Index == Int {
    var index = 0
    let base = features.startIndex
    while true {
      let node = nodes[index]
      if node.feature < 0 { return node.value }
      index = features[base + node.feature] <= node.threshold ? node.left : node.right
    }
  }

  /// Expected output over the training cover: Σ leaf value · cover / root cover.
  public var expectedValue: Double {
    guard let root = nodes.first, root.cover > 0 else { return 0 }
    var total = 0.0
    for node in nodes where node.isLeaf { total += node.value * node.cover }
    return total / root.cover
  }

  /// Depth of the deepest leaf (a lone leaf has depth 0).
  public var maximumDepth: Int {
    var depth = [Int](repeating: 0, count: nodes.count)
    var deepest = 0
    for (index, node) in nodes.enumerated() where !node.isLeaf {
      depth[node.left] = depth[index] + 1
      depth[node.right] = depth[index] + 1
      deepest = max(deepest, depth[index] + 1)
    }
    return deepest
  }
}
