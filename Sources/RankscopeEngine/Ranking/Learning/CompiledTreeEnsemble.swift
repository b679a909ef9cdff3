/// A `TreeEnsemble` laid out for fast scoring: all trees' nodes in flat arrays (feature, threshold, children,
/// leaf value), leaves pointing at themselves, read through unsafe pointers four rows at a time.
///
/// Each step moves four rows one level down with selects rather than branches (a tree's paths differ from row
/// to row, so branches would be mispredicted), until all four rest on leaves. It makes the same comparisons
/// (`value <= threshold` goes left) and adds the trees' leaf values in the same order as
/// `TreeEnsemble.predict`, so its scores are equal bit for bit.
struct CompiledTreeEnsemble: Sendable {
  /// Columns a row must have.
  let featureCount: Int
  /// Added to every score.
  let baseScore: Double
  /// Per node: the column compared (0 for leaves), the threshold (+∞ for leaves), the children (a leaf's are
  /// itself) and the leaf value (0 for splits).
  private let features: [Int32]
  private let thresholds: [Double]
  private let lefts: [Int32]
  private let rights: [Int32]
  private let leafValues: [Double]
  /// Each tree's root node.
  private let roots: [Int32]

  /// Compiles `model`.
  init(_ model: TreeEnsemble) {
    featureCount = model.featureCount
    baseScore = model.baseScore
    var features: [Int32] = [], thresholds: [Double] = [], lefts: [Int32] = [], rights: [Int32] = []
    var leafValues: [Double] = [], roots: [Int32] = []
    for tree in model.trees {
      let start = Int32(features.count)
      roots.append(start)
      if tree.nodes.isEmpty {
        features.append(0); thresholds.append(.infinity); lefts.append(start); rights.append(start); leafValues.append(0)
        continue
      }
      for (index, node) in tree.nodes.enumerated() {
        let own = start + Int32(index)
        if node.isLeaf {
          features.append(0); thresholds.append(.infinity); lefts.append(own); rights.append(own)
          leafValues.append(node.value)
        } else {
          features.append(Int32(node.feature)); thresholds.append(node.threshold)
          lefts.append(start + Int32(node.left)); rights.append(start + Int32(node.right)); leafValues.append(0)
        }
      }
    }
    (self.features, self.thresholds, self.lefts, self.rights, self.leafValues, self.roots)
      = (features, thresholds, lefts, rights, leafValues, roots)
  }

  /// Scores of every row of a row-major matrix with `columns` values per row, trees added in training order.
  func predict(rows values: ArraySlice<Double>, columns: Int) -> [Double] {
    precondition(columns >= featureCount, "rows need \(featureCount) features")
    let rowCount = columns == 0 ? 0 : values.count / columns
    var scores = [Double](repeating: baseScore, count: rowCount)
    guard rowCount > 0 else { return scores }
    features.withUnsafeBufferPointer { features in
      thresholds.withUnsafeBufferPointer { thresholds in
        lefts.withUnsafeBufferPointer { lefts in
          rights.withUnsafeBufferPointer { rights in
            leafValues.withUnsafeBufferPointer { leaves in
              values.withUnsafeBufferPointer { values in
                scores.withUnsafeMutableBufferPointer { scores in
                  /// One level down for the row at `base`: a select, not a branch.
                  @inline(__always) func step(_ node: Int32, _ base: Int) -> Int32 {
                    let index = Int(node)
                    return values[base + Int(features[index])] <= thresholds[index] ? lefts[index] : rights[index]
                  }
                  for root in roots {
                    var row = 0
                    while row + 4 <= rowCount {
                      let (base0, base1, base2, base3) = (row * columns, (row + 1) * columns, (row + 2) * columns, (row + 3) * columns)
                      var (node0, node1, node2, node3) = (root, root, root, root)
                      while true {
                        let next0 = step(node0, base0), next1 = step(node1, base1)
                        let next2 = step(node2, base2), next3 = step(node3, base3)
                        if (next0 == node0) && (next1 == node1) && (next2 == node2) && (next3 == node3) { break }
                        (node0, node1, node2, node3) = (next0, next1, next2, next3)
                      }
                      scores[row] += leaves[Int(node0)]
                      scores[row + 1] += leaves[Int(node1)]
                      scores[row + 2] += leaves[Int(node2)]
                      scores[row + 3] += leaves[Int(node3)]
                      row += 4
                    }
                    while row < rowCount {
                      let base = row * columns
                      var node = root
                      while true {
                        let next = step(node, base)
                        if next == node { break }
                        node = next
                      }
                      scores[row] += leaves[Int(node)]
                      row += 1
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return scores
  }
}
