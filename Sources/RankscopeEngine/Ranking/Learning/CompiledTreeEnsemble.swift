/// A `TreeEnsemble` laid out for fast scoring: every tree's nodes in one flat array of 16-byte nodes (threshold,
/// feature, children), leaves' values apart, read through unsafe pointers.
///
/// It makes the same comparisons (`value <= threshold` goes left) in the same order as
/// `TreeEnsemble.predict`, so its scores are equal bit for bit.
struct CompiledTreeEnsemble: Sendable {
  /// A split: its threshold, feature column and children; a child `c < 0` is the leaf `~c` (index into `leafValues`).
  struct Split: Sendable {
    var threshold: Double
    var feature: Int32
    var left: Int32
    var right: Int32
  }

  /// Columns a row must have.
  let featureCount: Int
  /// Added to every score.
  let baseScore: Double
  /// All trees' splits; tree `t` starts at `roots[t]`.
  private let splits: [Split]
  /// Each tree's root: a split index, or `~leaf` for a tree that is a lone leaf.
  private let roots: [Int32]
  /// All trees' leaf values.
  private let leafValues: [Double]

  /// Compiles `model`.
  init(_ model: TreeEnsemble) {
    featureCount = model.featureCount
    baseScore = model.baseScore
    var splits: [Split] = []
    var roots: [Int32] = []
    var leafValues: [Double] = []
    for tree in model.trees {
      // Each node's new reference: a split index (≥ 0) or ~leaf index.
      var reference = [Int32](repeating: 0, count: tree.nodes.count)
      for (index, node) in tree.nodes.enumerated() {
        if node.isLeaf {
          reference[index] = ~Int32(leafValues.count)
          leafValues.append(node.value)
        } else {
          reference[index] = Int32(splits.count)
          splits.append(Split(threshold: node.threshold, feature: Int32(node.feature), left: 0, right: 0))
        }
      }
      for (index, node) in tree.nodes.enumerated() where !node.isLeaf {
        splits[Int(reference[index])].left = reference[node.left]
        splits[Int(reference[index])].right = reference[node.right]
      }
      roots.append(tree.nodes.isEmpty ? ~Int32(leafValues.count) : reference[0])
      if tree.nodes.isEmpty { leafValues.append(0) }
    }
    self.splits = splits
    self.roots = roots
    self.leafValues = leafValues
  }

  /// Scores of every row of a row-major matrix with `columns` values per row, trees added in training order.
  func predict(rows features: ArraySlice<Double>, columns: Int) -> [Double] {
    precondition(columns >= featureCount, "rows need \(featureCount) features")
    let rowCount = columns == 0 ? 0 : features.count / columns
    var scores = [Double](repeating: baseScore, count: rowCount)
    splits.withUnsafeBufferPointer { splits in
      leafValues.withUnsafeBufferPointer { leaves in
        features.withUnsafeBufferPointer { values in
          scores.withUnsafeMutableBufferPointer { scores in
            for root in roots {
              for row in 0..<rowCount {
                let base = row * columns
                var node = root
                while node >= 0 {
                  let split = splits[Int(node)]
                  node = values[base + Int(split.feature)] <= split.threshold ? split.left : split.right
                }
                scores[row] += leaves[Int(~node)]
              }
            }
          }
        }
      }
    }
    return scores
  }
}
