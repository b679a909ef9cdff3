import RankscopeEngine

/// The position of a node in an explanation tree: child indexes from the root (the root is `[]`).
public typealias NodePath = [Int]

/// One visible row of a folded explanation tree.
public struct ExplanationRow: Sendable, Hashable {
  /// Where the node is.
  public var path: NodePath
  /// The node.
  public var node: Explanation
  /// Depth below the root (the root is 0).
  public var depth: Int
  /// Whether the node is unfolded (meaningless for a node without children).
  public var isExpanded: Bool
  /// The node's share of its parent, from 0 to 1, when the parent adds its children up (sum, weighted,
  /// max); 1 for the root; `nil` when the parent multiplies or divides, so a share means nothing.
  public var share: Double?

  /// Whether the node has children.
  public var hasChildren: Bool { !node.children.isEmpty }
}

/// Fold state and cursor of the explanation panel.
public struct ExplanationViewState: Sendable, Hashable {
  /// Unfolded nodes.
  public var expanded: Set<NodePath>
  /// Index of the highlighted row among the visible rows.
  public var cursor: Int
  /// Index of the first visible row.
  public var scroll: Int

  /// Creates a state.
  public init(expanded: Set<NodePath> = [], cursor: Int = 0, scroll: Int = 0) {
    self.expanded = expanded
    self.cursor = cursor
    self.scroll = scroll
  }

  /// The state for a freshly shown `tree`: unfolded level by level as long as the visible rows fit in
  /// `rows` (the root is always unfolded), cursor on the root.
  public static func initial(for tree: Explanation?, fitting rows: Int) -> ExplanationViewState {
    guard let tree else { return ExplanationViewState() }
    var expanded: Set<NodePath> = [[]]
    var depth = 1
    while true {
      let deeper = ExplanationTree.paths(in: tree, maxDepth: depth)
      if deeper.count == expanded.count { break }  // nothing deeper to unfold
      if ExplanationTree.rows(tree, expanded: deeper).count > rows { break }
      expanded = deeper
      depth += 1
    }
    return ExplanationViewState(expanded: expanded)
  }
}

/// Flattening and folding of explanation trees.
public enum ExplanationTree {
  /// The visible rows of `tree` given the unfolded nodes, in display order.
  ///
  /// - Complexity: O(visible nodes).
  public static func rows(_ tree: Explanation, expanded: Set<NodePath>) -> [ExplanationRow] {
    var rows: [ExplanationRow] = []
    func visit(_ node: Explanation, path: NodePath, share: Double?) {
      let isExpanded = expanded.contains(path)
      rows.append(ExplanationRow(path: path, node: node, depth: path.count, isExpanded: isExpanded, share: share))
      guard isExpanded, !node.children.isEmpty else { return }
      let shares = childShares(node)
      for (index, child) in node.children.enumerated() {
        visit(child, path: path + [index], share: shares[index])
      }
    }
    visit(tree, path: [], share: 1)
    return rows
  }

  /// Each child's share of `node`: |child| / Σ|children| for additive combinations, `nil` otherwise.
  public static func childShares(_ node: Explanation) -> [Double?] {
    switch node.combination {
    case .sum, .weighted, .max:
      let total = node.children.reduce(0.0) { $0 + abs($1.value) }
      return node.children.map { child in
        guard total > 0, total.isFinite, child.value.isFinite else { return 0 }
        return abs(child.value) / total
      }
    case .leaf, .product, .ratio:
      return node.children.map { _ in nil }
    }
  }

  /// Paths of all nodes with children at depth `maxDepth` or less (all of them when `maxDepth` is `nil`).
  public static func paths(in tree: Explanation, maxDepth: Int? = nil) -> Set<NodePath> {
    var result: Set<NodePath> = []
    func visit(_ node: Explanation, path: NodePath) {
      if let maxDepth, path.count > maxDepth { return }
      guard !node.children.isEmpty else { return }
      result.insert(path)
      for (index, child) in node.children.enumerated() { visit(child, path: path + [index]) }
    }
    visit(tree, path: [])
    return result
  }
}
