/// Grows one regression tree on gradients and hessians, LightGBM's way (Ke et al. 2017, "LightGBM: A Highly
/// Efficient Gradient Boosting Decision Tree"; `SerialTreeLearner` with row-wise histograms).
///
/// Leaf-wise (best-first) growth: the leaf whose best split gains most is split next, until `leaves` leaves or no split gains. A leaf's histogram holds per bin the sums of gradients
/// and hessians; only the smaller child's histogram is built from its rows, the larger one is the parent's
/// minus it. A candidate split at bin `t` sends bins `≤ t` left; thresholds are scanned from the top bin down
/// and the gain is `G_L²/(H_L + λ) + G_R²/(H_R + λ) − G²/(H + λ)`. As in LightGBM the data count on each side
/// of a candidate is estimated from its hessian share (`round(H_side · n / H)`), both sides need
/// `minimumDataInLeaf` such rows and `minimumSumHessianInLeaf` hessian, and leaf values are the Newton step
/// `−G / (H + λ)`. A feature with no admissible threshold in a leaf is not searched in its descendants. Ties
/// between thresholds go to the higher bin, between features to the lower column, between leaves to the lower
/// column, then the lower leaf.
final class HistogramTreeLearner {
  /// A leaf's best split.
  struct Split {
    var gain = -Double.infinity
    var usedFeature = -1
    var threshold = 0
    var leftGradient = 0.0
    var leftHessian = 0.0
    var rightGradient = 0.0
    var rightHessian = 0.0
  }

  /// The grown tree in learner terms, before shrinkage.
  struct GrownTree {
    /// Nodes with raw thresholds; leaf values are the unshrunk Newton outputs.
    var nodes: [RegressionTree.Node]
    /// For splits: the used-feature index and bin threshold (for predicting on bins).
    var binFeature: [Int]
    var binThreshold: [Int]
  }

  /// LightGBM's `kEpsilon` (`1e-15f`, a float widened to double).
  private static let epsilon = Double(Float(1e-15))

  let data: BinnedDataset
  let maximumLeaves: Int
  let minimumDataInLeaf: Int
  let minimumSumHessianInLeaf: Double
  let lambda: Double

  private let width: Int
  private let bins: UnsafeMutablePointer<UInt8>
  private let offsets: UnsafeMutablePointer<Int>
  private let binCounts: UnsafeMutablePointer<Int>
  /// Histogram buffers, allocated on first use and reused; a leaf holds one while it may still be split.
  private var histogramSlots: [UnsafeMutablePointer<Double>] = []
  private var freeSlots: [Int] = []
  private let histogramSize: Int
  private let rowIndices: UnsafeMutablePointer<Int32>
  private let scratch: UnsafeMutablePointer<Int32>
  private let rowCapacity: Int

  // Per-leaf state.
  private var leafBegin: [Int] = []
  private var leafCount: [Int] = []
  private var leafGradient: [Double] = []
  private var leafHessian: [Double] = []
  private var leafSlot: [Int] = []
  private var leafNode: [Int] = []
  private var leafOutput: [Double] = []
  private var bestSplit: [Split] = []
  /// Features a leaf's split search looks at: those that could split its parent (LightGBM skips a feature in
  /// the children when no threshold of it was admissible in the parent).
  private var leafFeatures: [[Int]] = []

  init(data: BinnedDataset, maximumLeaves: Int, minimumDataInLeaf: Int, minimumSumHessianInLeaf: Double, lambda: Double) {
    self.data = data
    self.maximumLeaves = maximumLeaves
    self.minimumDataInLeaf = minimumDataInLeaf
    self.minimumSumHessianInLeaf = minimumSumHessianInLeaf
    self.lambda = lambda
    let width = data.usedFeatures.count
    self.width = width
    let binStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, data.bins.count))
    binStorage.initialize(repeating: 0, count: max(1, data.bins.count))
    for (index, bin) in data.bins.enumerated() { binStorage[index] = bin }
    bins = binStorage
    let offsetStorage = UnsafeMutablePointer<Int>.allocate(capacity: max(1, width))
    let countStorage = UnsafeMutablePointer<Int>.allocate(capacity: max(1, width))
    offsetStorage.initialize(repeating: 0, count: max(1, width))
    countStorage.initialize(repeating: 0, count: max(1, width))
    for index in 0..<width {
      offsetStorage[index] = data.binOffsets[index]
      countStorage[index] = data.binCounts[index]
    }
    offsets = offsetStorage
    binCounts = countStorage
    let size = max(2, data.totalBins * 2)
    histogramSize = size
    let capacity = max(1, data.rowCount)
    rowCapacity = capacity
    let indexStorage = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    indexStorage.initialize(repeating: 0, count: capacity)
    rowIndices = indexStorage
    let scratchStorage = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    scratchStorage.initialize(repeating: 0, count: capacity)
    scratch = scratchStorage
  }

  deinit {
    bins.deallocate()
    offsets.deallocate()
    binCounts.deallocate()
    for slot in histogramSlots { slot.deallocate() }
    rowIndices.deallocate()
    scratch.deallocate()
  }

  /// Grows a tree on the rows `rows` (ascending) using the used features `features` (ascending); `nil` when
  /// the root cannot be split.
  func grow(rows: [Int32], features: [Int], gradients: UnsafePointer<Float>, hessians: UnsafePointer<Float>) -> GrownTree? {
    let rowCount = rows.count
    guard rowCount > 0, !features.isEmpty else { return nil }
    for (index, row) in rows.enumerated() { rowIndices[index] = row }
    leafBegin = [0]
    leafCount = [rowCount]
    var sumGradient = 0.0
    var sumHessian = 0.0
    for index in 0..<rowCount {
      let row = Int(rowIndices[index])
      sumGradient += Double(gradients[row])
      sumHessian += Double(hessians[row])
    }
    leafGradient = [sumGradient]
    leafHessian = [sumHessian]
    freeSlots = Array((0..<histogramSlots.count).reversed())
    leafSlot = [-1]
    leafNode = [0]
    leafOutput = [outputOf(gradient: sumGradient, hessian: sumHessian)]
    bestSplit = [Split()]
    leafFeatures = [features]
    var nodes = [RegressionTree.Node.leaf(value: 0, cover: Double(rowCount))]
    var binFeature = [-1]
    var binThreshold = [-1]
    if canSplit(leaf: 0) {
      leafSlot[0] = acquireSlot()
      buildHistogram(leaf: 0, gradients: gradients, hessians: hessians)
      bestSplit[0] = findBestSplit(leaf: 0)
    }
    while leafBegin.count < maximumLeaves {
      // The largest gain; ties go to the lower feature, then the lower leaf (LightGBM's `SplitInfo` order).
      var chosen = -1
      for leaf in 0..<leafBegin.count where bestSplit[leaf].gain > 0 {
        if chosen < 0 || bestSplit[leaf].gain > bestSplit[chosen].gain
            || (bestSplit[leaf].gain == bestSplit[chosen].gain && bestSplit[leaf].usedFeature < bestSplit[chosen].usedFeature) {
          chosen = leaf
        }
      }
      guard chosen >= 0 else { break }
      let split = bestSplit[chosen]
      let newLeaf = leafBegin.count
      // Partition the rows of the chosen leaf: bins ≤ threshold first, both sides in row order.
      let begin = leafBegin[chosen]
      let count = leafCount[chosen]
      var leftCount = 0
      var rightCount = 0
      let column = split.usedFeature
      let threshold = split.threshold
      for index in begin..<(begin + count) {
        let row = rowIndices[index]
        if Int(bins[Int(row) * width + column]) <= threshold {
          rowIndices[begin + leftCount] = row
          leftCount += 1
        } else {
          scratch[rightCount] = row
          rightCount += 1
        }
      }
      (rowIndices + begin + leftCount).update(from: scratch, count: rightCount)

      // The tree: the leaf's node becomes a split with two new leaf nodes.
      let parentNode = leafNode[chosen]
      let feature = data.usedFeatures[column]
      let rawThreshold = data.binning.upperBounds[feature][threshold]
      nodes[parentNode] = .split(feature: feature, threshold: rawThreshold, left: nodes.count, right: nodes.count + 1,
                                 cover: Double(count))
      binFeature[parentNode] = column
      binThreshold[parentNode] = threshold
      nodes.append(.leaf(value: 0, cover: Double(leftCount)))
      nodes.append(.leaf(value: 0, cover: Double(rightCount)))
      binFeature.append(contentsOf: [-1, -1])
      binThreshold.append(contentsOf: [-1, -1])

      let leftGradient = split.leftGradient
      let leftHessian = split.leftHessian - Self.epsilon
      let rightGradient = split.rightGradient
      let rightHessian = split.rightHessian - Self.epsilon
      leafNode[chosen] = nodes.count - 2
      leafNode.append(nodes.count - 1)
      leafCount[chosen] = leftCount
      leafBegin.append(begin + leftCount)
      leafCount.append(rightCount)
      leafGradient[chosen] = leftGradient
      leafHessian[chosen] = leftHessian
      leafGradient.append(rightGradient)
      leafHessian.append(rightHessian)
      leafOutput[chosen] = outputOf(gradient: split.leftGradient, hessian: split.leftHessian)
      leafOutput.append(outputOf(gradient: split.rightGradient, hessian: split.rightHessian))
      bestSplit[chosen] = Split()
      bestSplit.append(Split())
      leafSlot.append(-1)
      leafFeatures.append(leafFeatures[chosen])

      // Histograms: the smaller child is built, the larger is the parent minus it (in the parent's slot).
      let parentSlot = leafSlot[chosen]
      leafSlot[chosen] = -1
      if leafBegin.count < maximumLeaves, canSplit(leaf: chosen) || canSplit(leaf: newLeaf) {
        let smaller = leftCount < rightCount ? chosen : newLeaf
        let larger = smaller == chosen ? newLeaf : chosen
        leafSlot[smaller] = acquireSlot()
        leafSlot[larger] = parentSlot
        buildHistogram(leaf: smaller, gradients: gradients, hessians: hessians)
        let parentHistogram = histogramSlots[parentSlot]
        let smallerHistogram = histogramSlots[leafSlot[smaller]]
        for index in 0..<(data.totalBins * 2) { parentHistogram[index] -= smallerHistogram[index] }
        for child in [chosen, newLeaf] {
          if canSplit(leaf: child) {
            bestSplit[child] = findBestSplit(leaf: child)
          } else {
            freeSlots.append(leafSlot[child])
            leafSlot[child] = -1
          }
        }
      } else {
        freeSlots.append(parentSlot)
      }
    }
    guard leafBegin.count > 1 else { return nil }
    for leaf in 0..<leafBegin.count {
      nodes[leafNode[leaf]].value = leafOutput[leaf]
    }
    return GrownTree(nodes: nodes, binFeature: binFeature, binThreshold: binThreshold)
  }

  /// Rows of a leaf after `grow` (valid until the next call).
  func forEachLeafRow(_ body: (_ node: Int, _ row: Int) -> Void) {
    for leaf in 0..<leafBegin.count {
      let node = leafNode[leaf]
      for index in leafBegin[leaf]..<(leafBegin[leaf] + leafCount[leaf]) { body(node, Int(rowIndices[index])) }
    }
  }

  /// The node a row's bins lead to in a grown tree.
  func nodeReached(byRow row: Int, in tree: GrownTree) -> Int {
    var node = 0
    while !tree.nodes[node].isLeaf {
      let bin = Int(bins[row * width + tree.binFeature[node]])
      node = bin <= tree.binThreshold[node] ? tree.nodes[node].left : tree.nodes[node].right
    }
    return node
  }

  private func outputOf(gradient: Double, hessian: Double) -> Double { -gradient / (hessian + lambda) }

  /// A free histogram buffer (a new one when none is free).
  private func acquireSlot() -> Int {
    if let slot = freeSlots.popLast() { return slot }
    let buffer = UnsafeMutablePointer<Double>.allocate(capacity: histogramSize)
    buffer.initialize(repeating: 0, count: histogramSize)
    histogramSlots.append(buffer)
    return histogramSlots.count - 1
  }

  /// LightGBM's precondition for looking for a split: room for two leaves of `minimumDataInLeaf` rows.
  private func canSplit(leaf: Int) -> Bool {
    leafCount[leaf] >= 2 * max(1, minimumDataInLeaf)
  }

  /// Fills the leaf's histogram slot from its rows.
  /// - Complexity: O(rows in the leaf · used features).
  private func buildHistogram(leaf: Int, gradients: UnsafePointer<Float>, hessians: UnsafePointer<Float>) {
    let histogram = histogramSlots[leafSlot[leaf]]
    histogram.update(repeating: 0, count: histogramSize)
    let begin = leafBegin[leaf]
    let end = begin + leafCount[leaf]
    let width = self.width
    let offsets = self.offsets
    let bins = self.bins
    var index = begin
    while index < end {
      let row = Int(rowIndices[index])
      let gradient = Double(gradients[row])
      let hessian = Double(hessians[row])
      let rowBins = bins + row * width
      var feature = 0
      while feature + 4 <= width {
        let slot0 = (offsets[feature] &+ Int(rowBins[feature])) &<< 1
        let slot1 = (offsets[feature &+ 1] &+ Int(rowBins[feature &+ 1])) &<< 1
        let slot2 = (offsets[feature &+ 2] &+ Int(rowBins[feature &+ 2])) &<< 1
        let slot3 = (offsets[feature &+ 3] &+ Int(rowBins[feature &+ 3])) &<< 1
        histogram[slot0] += gradient
        histogram[slot0 &+ 1] += hessian
        histogram[slot1] += gradient
        histogram[slot1 &+ 1] += hessian
        histogram[slot2] += gradient
        histogram[slot2 &+ 1] += hessian
        histogram[slot3] += gradient
        histogram[slot3 &+ 1] += hessian
        feature &+= 4
      }
      while feature < width {
        let slot = (offsets[feature] &+ Int(rowBins[feature])) &<< 1
        histogram[slot] += gradient
        histogram[slot &+ 1] += hessian
        feature &+= 1
      }
      index &+= 1
    }
  }

  /// The best split of a leaf over its features (used-feature indices, ascending), from its histogram; keeps
  /// in `leafFeatures[leaf]` the features with an admissible threshold, for the leaf's children.
  private func findBestSplit(leaf: Int) -> Split {
    let histogram = histogramSlots[leafSlot[leaf]]
    let features = leafFeatures[leaf]
    var splittable: [Int] = []
    defer { leafFeatures[leaf] = splittable }
    let sumGradient = leafGradient[leaf]
    // As LightGBM's `FindBestThreshold`: the leaf's hessian plus 2ε, so each side carries one ε.
    let sumHessian = leafHessian[leaf] + 2 * Self.epsilon
    let count = leafCount[leaf]
    guard sumHessian > 0, sumHessian.isFinite, sumGradient.isFinite else { return Split() }
    let countFactor = Double(count) / sumHessian
    let minimumGainShift = sumGradient * sumGradient / (sumHessian + lambda)
    let minimumData = minimumDataInLeaf
    let minimumHessian = minimumSumHessianInLeaf
    var best = Split()
    for column in features {
      let offset = offsets[column]
      var rightGradient = 0.0
      var rightHessian = Self.epsilon
      var rightCount = 0
      var featureBestGain = -Double.infinity
      var featureBest = Split()
      var bin = binCounts[column] - 1
      while bin >= 1 {
        let gradient = histogram[(offset + bin) * 2]
        let hessian = histogram[(offset + bin) * 2 + 1]
        rightGradient += gradient
        rightHessian += hessian
        let estimate = hessian * countFactor + 0.5
        rightCount += estimate > 0 ? Int(min(estimate, Double(count) + 1)) : 0
        bin -= 1
        if rightCount < minimumData || rightHessian < minimumHessian { continue }
        let leftCount = count - rightCount
        if leftCount < minimumData { break }
        let leftHessian = sumHessian - rightHessian
        if leftHessian < minimumHessian { break }
        let leftGradient = sumGradient - rightGradient
        let gain = leftGradient * leftGradient / (leftHessian + lambda) + rightGradient * rightGradient / (rightHessian + lambda)
        if gain <= minimumGainShift { continue }
        if featureBestGain == -Double.infinity { splittable.append(column) }
        if gain > featureBestGain {
          featureBestGain = gain
          // As LightGBM: the right side's sums are the leaf's minus the left side's.
          featureBest = Split(gain: gain, usedFeature: column, threshold: bin, leftGradient: leftGradient,
                              leftHessian: leftHessian, rightGradient: sumGradient - leftGradient,
                              rightHessian: sumHessian - leftHessian)
        }
      }
      // Features compete on their gain over the unsplit leaf, as LightGBM's `SplitInfo`s do.
      guard featureBest.usedFeature >= 0 else { continue }
      featureBest.gain = featureBestGain - minimumGainShift
      if featureBest.gain > best.gain { best = featureBest }
    }
    return best
  }
}
