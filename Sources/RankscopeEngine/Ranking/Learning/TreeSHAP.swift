/// Exact SHAP values of tree ensembles in polynomial time: Lundberg, Erion & Lee 2018, "Consistent
/// Individualized Feature Attribution for Tree Ensembles", Algorithm 2 (path-dependent TreeSHAP).
///
/// A feature subset's value is the tree's path-dependent conditional expectation: at a split on a feature in
/// the subset the row's own branch is followed, otherwise both branches are averaged, weighted by the training
/// rows that reached them (node covers). For each tree the algorithm carries, down every root-to-leaf path,
/// the share of subsets of each size that reach the node (EXTEND), undoes a feature met twice (UNWIND), and
/// credits each feature on the path at the leaves: O(leaves · depth²) per tree. Attributions add up exactly:
/// `baseValue + Σ values == output`, where `baseValue` is the expected output over the training cover.
public enum TreeSHAP {
  /// One row's attributions.
  public struct Attribution: Sendable, Hashable {
    /// Expected model output over the training cover (the same for every row).
    public var baseValue: Double
    /// One attribution per feature column.
    public var values: [Double]
    /// The model's output for the row.
    public var output: Double
  }

  /// One step of a path: the feature split on, the shares of cover (`zeroFraction`) and of this row
  /// (`oneFraction`, 0 or 1) flowing through, and the weight of subsets of each size (`weight`).
  struct PathElement {
    var feature: Int
    var zeroFraction: Double
    var oneFraction: Double
    var weight: Double
  }

  /// Attributions of one row under the whole ensemble (sums of the trees' attributions).
  public static func explain<C: RandomAccessCollection>(_ model: TreeEnsemble, features: C) -> Attribution
  where C.Element == Double, C.Index == Int {
    let row = Array(features)
    precondition(row.count >= model.featureCount, "a row needs \(model.featureCount) features")
    // The trees' credits are found on several threads, then added in tree order: the same additions in the
    // same order as one thread makes, so the attributions do not depend on the number of cores.
    let perTree = try? ParallelWork.mapChunks(count: model.trees.count, minimumChunk: Self.minimumTreesPerThread) { trees in
      trees.map { Self.credits(model.trees[$0], features: row) }
    }
    var values = [Double](repeating: 0, count: model.featureCount)
    for treeCredits in perTree ?? [] {
      for credit in treeCredits { values[credit.feature] += credit.amount }
    }
    return Attribution(baseValue: model.expectedValue, values: values, output: model.predict(features: row))
  }

  /// Trees per thread below which attributions are found on the calling thread alone.
  static let minimumTreesPerThread = 40

  /// Adds one tree's SHAP values for a row to `values`.
  public static func accumulate(_ tree: RegressionTree, features: [Double], into values: inout [Double]) {
    for credit in credits(tree, features: features) { values[credit.feature] += credit.amount }
  }

  /// One tree's credits to features for a row, in the order the algorithm makes them (leaf by leaf).
  static func credits(_ tree: RegressionTree, features: [Double]) -> [(feature: Int, amount: Double)] {
    guard let root = tree.nodes.first, !root.isLeaf else { return [] }
    let depth = tree.maximumDepth
    var path = [PathElement](repeating: PathElement(feature: -1, zeroFraction: 0, oneFraction: 0, weight: 0),
                             count: (depth + 3) * (depth + 4) / 2 + 2)
    precondition(tree.nodes.allSatisfy { $0.feature < features.count }, "a row needs every feature the tree splits on")
    var credits: [(feature: Int, amount: Double)] = []
    credits.reserveCapacity(tree.nodes.count * (depth + 1) / 2)
    path.withUnsafeMutableBufferPointer { path in
      tree.nodes.withUnsafeBufferPointer { nodes in
        features.withUnsafeBufferPointer { features in
          recurse(nodes.baseAddress!, features.baseAddress!, &credits, path.baseAddress!, node: 0, parentOffset: 0,
                  uniqueDepth: 0, zeroFraction: 1, oneFraction: 1, feature: -1)
        }
      }
    }
    return credits
  }

  /// One node of Algorithm 2's RECURSE, over the tree's nodes, the row and the path storage in place.
  private static func recurse(_ nodes: UnsafePointer<RegressionTree.Node>, _ features: UnsafePointer<Double>,
                              _ credits: inout [(feature: Int, amount: Double)],
                              _ path: UnsafeMutablePointer<PathElement>, node: Int, parentOffset: Int, uniqueDepth depthIn: Int,
                              zeroFraction: Double, oneFraction: Double, feature: Int) {
    var uniqueDepth = depthIn
    let offset = parentOffset + uniqueDepth + 1
    for index in 0..<uniqueDepth { path[offset + index] = path[parentOffset + index] }
    extend(path, offset: offset, uniqueDepth: uniqueDepth, zeroFraction: zeroFraction, oneFraction: oneFraction,
           feature: feature)
    let current = nodes[node]
    if current.isLeaf {
      if uniqueDepth >= 1 {
        for index in 1...uniqueDepth {
          let weight = unwoundPathSum(path, offset: offset, uniqueDepth: uniqueDepth, pathIndex: index)
          let element = path[offset + index]
          credits.append((element.feature, weight * (element.oneFraction - element.zeroFraction) * current.value))
        }
      }
      return
    }
    let goesLeft = features[current.feature] <= current.threshold
    let hot = goesLeft ? current.left : current.right
    let cold = goesLeft ? current.right : current.left
    let hotZeroFraction = nodes[hot].cover / current.cover
    let coldZeroFraction = nodes[cold].cover / current.cover
    var incomingZeroFraction = 1.0
    var incomingOneFraction = 1.0
    // A feature already split on above: undo its earlier step, and carry its fractions down.
    var pathIndex = 0
    while pathIndex <= uniqueDepth, path[offset + pathIndex].feature != current.feature { pathIndex += 1 }
    if pathIndex != uniqueDepth + 1 {
      incomingZeroFraction = path[offset + pathIndex].zeroFraction
      incomingOneFraction = path[offset + pathIndex].oneFraction
      unwind(path, offset: offset, uniqueDepth: uniqueDepth, pathIndex: pathIndex)
      uniqueDepth -= 1
    }
    recurse(nodes, features, &credits, path, node: hot, parentOffset: offset, uniqueDepth: uniqueDepth + 1,
            zeroFraction: hotZeroFraction * incomingZeroFraction, oneFraction: incomingOneFraction, feature: current.feature)
    recurse(nodes, features, &credits, path, node: cold, parentOffset: offset, uniqueDepth: uniqueDepth + 1,
            zeroFraction: coldZeroFraction * incomingZeroFraction, oneFraction: 0, feature: current.feature)
  }

  /// EXTEND: adds a step to the path and updates the subset-size weights.
  private static func extend(_ path: UnsafeMutablePointer<PathElement>, offset: Int, uniqueDepth: Int, zeroFraction: Double,
                             oneFraction: Double, feature: Int) {
    path[offset + uniqueDepth] = PathElement(feature: feature, zeroFraction: zeroFraction, oneFraction: oneFraction,
                                             weight: uniqueDepth == 0 ? 1 : 0)
    let denominator = Double(uniqueDepth + 1)
    var index = uniqueDepth - 1
    while index >= 0 {
      path[offset + index + 1].weight += oneFraction * path[offset + index].weight * Double(index + 1) / denominator
      path[offset + index].weight = zeroFraction * path[offset + index].weight * Double(uniqueDepth - index) / denominator
      index -= 1
    }
  }

  /// UNWIND: removes step `pathIndex` from the path, restoring the weights as if it had never been added.
  private static func unwind(_ path: UnsafeMutablePointer<PathElement>, offset: Int, uniqueDepth: Int, pathIndex: Int) {
    let oneFraction = path[offset + pathIndex].oneFraction
    let zeroFraction = path[offset + pathIndex].zeroFraction
    var nextOnePortion = path[offset + uniqueDepth].weight
    let depthPlusOne = Double(uniqueDepth + 1)
    var index = uniqueDepth - 1
    while index >= 0 {
      if oneFraction != 0 {
        let saved = path[offset + index].weight
        path[offset + index].weight = nextOnePortion * depthPlusOne / (Double(index + 1) * oneFraction)
        nextOnePortion = saved - path[offset + index].weight * zeroFraction * Double(uniqueDepth - index) / depthPlusOne
      } else {
        path[offset + index].weight = path[offset + index].weight * depthPlusOne / (zeroFraction * Double(uniqueDepth - index))
      }
      index -= 1
    }
    for index in pathIndex..<uniqueDepth {
      path[offset + index].feature = path[offset + index + 1].feature
      path[offset + index].zeroFraction = path[offset + index + 1].zeroFraction
      path[offset + index].oneFraction = path[offset + index + 1].oneFraction
    }
  }

  /// The total weight of the path with step `pathIndex` unwound, without changing the path.
  private static func unwoundPathSum(_ path: UnsafeMutablePointer<PathElement>, offset: Int, uniqueDepth: Int, pathIndex: Int) -> Double {
    let oneFraction = path[offset + pathIndex].oneFraction
    let zeroFraction = path[offset + pathIndex].zeroFraction
    var nextOnePortion = path[offset + uniqueDepth].weight
    var total = 0.0
    var index = uniqueDepth - 1
    if oneFraction != 0 {
      while index >= 0 {
        let share = nextOnePortion / (Double(index + 1) * oneFraction)
        total += share
        nextOnePortion = path[offset + index].weight - share * zeroFraction * Double(uniqueDepth - index)
        index -= 1
      }
    } else {
      while index >= 0 {
        total += path[offset + index].weight / (zeroFraction * Double(uniqueDepth - index))
        index -= 1
      }
    }
    return total * Double(uniqueDepth + 1)
  }
}
