import Foundation

/// Trains a `TreeEnsemble` with LambdaMART (Burges 2010, "From RankNet to LambdaRank to LambdaMART: An
/// Overview"): gradient-boosted regression trees fitted by Newton steps to LambdaRank gradients, built the
/// way LightGBM's `lambdarank` builds them (Ke et al. 2017).
///
/// Every iteration computes `LambdaRankObjective` gradients at the current scores (initially 0), picks the
/// features (`featureFraction` of them, at least one) and queries (`baggingFraction` of them) it may use,
/// grows a tree with `HistogramTreeLearner` on quantile bins (`FeatureBinning`), multiplies its leaf values
/// by the learning rate and adds it. Training stops early when no leaf can be split. Single-threaded and
/// deterministic: the same data, parameters and seed give the same model, bit for bit.
public struct LambdaMARTTrainer: Sendable {
  /// Training settings; the defaults are LightGBM's.
  public struct Parameters: Sendable, Hashable {
    /// Boosting iterations (trees).
    public var trees = 100
    /// Most leaves per tree (`num_leaves`).
    public var leaves = 31
    /// Shrinkage of every tree's leaf values (`learning_rate`).
    public var learningRate = 0.1
    /// Least (estimated) rows in a leaf (`min_data_in_leaf`).
    public var minimumDataInLeaf = 20
    /// Least hessian sum in a leaf (`min_sum_hessian_in_leaf`).
    public var minimumSumHessianInLeaf = 1e-3
    /// L2 regularisation of leaf values (`lambda_l2`).
    public var lambdaL2 = 0.0
    /// Most bins per feature (`max_bin`), 2…256.
    public var maximumBins = 255
    /// Least rows per bin when binning (`min_data_in_bin`).
    public var minimumDataInBin = 3
    /// Share of features each tree may split on (`feature_fraction`), in (0, 1].
    public var featureFraction = 1.0
    /// Share of queries each tree is grown on (bagging by query), in (0, 1].
    public var baggingFraction = 1.0
    /// Seed of the feature and query sampling.
    public var seed: UInt64 = 1
    /// Ranks whose pairs get gradients (`lambdarank_truncation_level`).
    public var truncationLevel = 30
    /// LightGBM's `lambdarank_norm`.
    public var normalize = true
    /// σ of the pairwise logistic (`sigmoid`).
    public var sigmoid = 1.0

    /// The defaults.
    public init() {}

    /// The settings as JSON members (kept in the model file).
    public var jsonMembers: [JSONMember] {
      [JSONMember("objective", .string("lambdarank")), JSONMember("trees", .number(Double(trees))),
       JSONMember("leaves", .number(Double(leaves))), JSONMember("learningRate", .number(learningRate)),
       JSONMember("minimumDataInLeaf", .number(Double(minimumDataInLeaf))),
       JSONMember("minimumSumHessianInLeaf", .number(minimumSumHessianInLeaf)),
       JSONMember("lambdaL2", .number(lambdaL2)), JSONMember("maximumBins", .number(Double(maximumBins))),
       JSONMember("minimumDataInBin", .number(Double(minimumDataInBin))),
       JSONMember("featureFraction", .number(featureFraction)), JSONMember("baggingFraction", .number(baggingFraction)),
       JSONMember("seed", .number(Double(seed))), JSONMember("truncationLevel", .number(Double(truncationLevel))),
       JSONMember("normalize", .bool(normalize)), JSONMember("sigmoid", .number(sigmoid))]
    }

    /// Why the settings cannot be used, or `nil`.
    public var problem: String? {
      if trees < 0 { return "trees must be at least 0" }
      if leaves < 2 || leaves > 65_536 { return "leaves must be in 2...65536" }
      if !(learningRate > 0) || !learningRate.isFinite { return "the learning rate must be positive" }
      if minimumDataInLeaf < 1 { return "min-data-in-leaf must be at least 1" }
      if !(minimumSumHessianInLeaf >= 0) || !minimumSumHessianInLeaf.isFinite { return "min-sum-hessian-in-leaf must be at least 0" }
      if !(lambdaL2 >= 0) || !lambdaL2.isFinite { return "lambda-l2 must be at least 0" }
      if maximumBins < 2 || maximumBins > 256 { return "bins must be in 2...256 (bin numbers are bytes)" }
      if minimumDataInBin < 1 { return "min-data-in-bin must be at least 1" }
      if !(featureFraction > 0 && featureFraction <= 1) { return "feature-fraction must be in (0, 1]" }
      if !(baggingFraction > 0 && baggingFraction <= 1) { return "bagging-fraction must be in (0, 1]" }
      if truncationLevel < 1 { return "the truncation level must be at least 1" }
      if !(sigmoid > 0) || !sigmoid.isFinite { return "sigmoid must be positive" }
      return nil
    }
  }

  /// Why training cannot start.
  public struct TrainingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var reason: String
    /// Creates an error.
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
  }

  /// What one training run did.
  public struct Report: Sendable {
    /// The model.
    public var model: TreeEnsemble
    /// Seconds spent finding bins and binning the rows.
    public var binningSeconds: Double
    /// Seconds spent boosting (gradients, trees, score updates).
    public var boostingSeconds: Double
    /// Scores of the training rows under the model.
    public var trainingScores: [Double]
    /// Features that could split (two bins or more, and room for `minimumDataInLeaf` rows on both sides).
    public var usableFeatureCount: Int
  }

  /// The settings.
  public var parameters: Parameters

  /// Creates a trainer.
  public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

  /// Trains on `data` (labels must be integers in 0…30). `rowWeights` (one per row, finite, ≥ 0; nil for all 1)
  /// weigh each pair by its higher-labelled row's weight (see `LambdaRankObjective`). `progress` is called after
  /// every tree.
  public func train(on data: SVMLightFile, featureNames: [String]? = nil, rowWeights: [Double]? = nil,
                    progress: ((_ treesDone: Int) -> Void)? = nil) throws(TrainingError) -> Report {
    if let problem = parameters.problem { throw TrainingError(problem) }
    guard data.rowCount > 0 else { throw TrainingError("no training rows") }
    if let rowWeights {
      guard rowWeights.count == data.rowCount else {
        throw TrainingError("\(rowWeights.count) row weights for \(data.rowCount) rows")
      }
      if let row = rowWeights.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
        throw TrainingError("row \(row + 1): weight \(rowWeights[row]) is not a finite number ≥ 0")
      }
    }
    if let featureNames, featureNames.count != data.featureCount {
      throw TrainingError("\(featureNames.count) feature names for \(data.featureCount) features")
    }
    var labels: [Int] = []
    labels.reserveCapacity(data.rowCount)
    for (row, label) in data.labels.enumerated() {
      guard label == label.rounded(), label >= 0, label <= Double(LambdaRankObjective.maximumLabel) else {
        throw TrainingError("row \(row + 1) (query \(data.queryIds[queryOf(row: row, in: data)])): label \(label) is not an integer grade in 0...\(LambdaRankObjective.maximumLabel)")
      }
      labels.append(Int(label))
    }
    let clock = ContinuousClock()
    let binningStart = clock.now
    let binning = FeatureBinning.find(features: data.features, rowCount: data.rowCount, featureCount: data.featureCount,
                                      maximumBins: parameters.maximumBins, minimumDataInBin: parameters.minimumDataInBin)
    let binned = BinnedDataset(features: data.features, rowCount: data.rowCount, featureCount: data.featureCount,
                               binning: binning, minimumDataInLeaf: parameters.minimumDataInLeaf)
    let binningSeconds = Self.seconds(clock.now - binningStart)

    let boostingStart = clock.now
    let objective = LambdaRankObjective(labels: labels, queryBoundaries: data.queryBoundaries,
                                        truncationLevel: parameters.truncationLevel, normalize: parameters.normalize,
                                        sigmoid: parameters.sigmoid, rowWeights: rowWeights)
    let learner = HistogramTreeLearner(data: binned, maximumLeaves: parameters.leaves,
                                       minimumDataInLeaf: parameters.minimumDataInLeaf,
                                       minimumSumHessianInLeaf: parameters.minimumSumHessianInLeaf,
                                       lambda: parameters.lambdaL2)
    var scores = [Double](repeating: 0, count: data.rowCount)
    var gradients = [Float](repeating: 0, count: data.rowCount)
    var hessians = [Float](repeating: 0, count: data.rowCount)
    var random = SamplingGenerator(seed: parameters.seed)
    var trees: [RegressionTree] = []
    let usedCount = binned.usedFeatures.count
    let allRows = (0..<data.rowCount).map { Int32($0) }
    var inBag = [Bool](repeating: true, count: data.rowCount)

    for _ in 0..<parameters.trees {
      guard usedCount > 0 else { break }
      objective.computeGradients(scores: scores, gradients: &gradients, hessians: &hessians)
      // Features of this tree (LightGBM: max(1, round(n · fraction)), sampled without replacement).
      var features = Array(0..<usedCount)
      if parameters.featureFraction < 1 {
        let wanted = max(1, Int(Double(usedCount) * parameters.featureFraction + 0.5))
        for index in 0..<wanted {
          let pick = index + Int(random.next() % UInt64(usedCount - index))
          features.swapAt(index, pick)
        }
        features = Array(features[0..<wanted]).sorted()
      }
      // Queries of this tree.
      var rows = allRows
      let bagging = parameters.baggingFraction < 1 && data.queryCount > 1
      if bagging {
        let queryCount = data.queryCount
        let wanted = max(1, Int(Double(queryCount) * parameters.baggingFraction + 0.5))
        var queries = Array(0..<queryCount)
        for index in 0..<wanted {
          let pick = index + Int(random.next() % UInt64(queryCount - index))
          queries.swapAt(index, pick)
        }
        let chosen = queries[0..<wanted].sorted()
        rows = []
        for index in 0..<data.rowCount { inBag[index] = false }
        for query in chosen {
          for row in data.rows(ofQuery: query) {
            rows.append(Int32(row))
            inBag[row] = true
          }
        }
      }
      let grown = gradients.withUnsafeBufferPointer { gradientBuffer in
        hessians.withUnsafeBufferPointer { hessianBuffer in
          learner.grow(rows: rows, features: features, gradients: gradientBuffer.baseAddress!,
                       hessians: hessianBuffer.baseAddress!)
        }
      }
      guard var tree = grown else { break }
      for index in tree.nodes.indices where tree.nodes[index].isLeaf {
        tree.nodes[index].value *= parameters.learningRate
      }
      // Scores: rows in the tree's leaves directly, out-of-bag rows through the tree's bins.
      learner.forEachLeafRow { node, row in scores[row] += tree.nodes[node].value }
      if bagging {
        for row in 0..<data.rowCount where !inBag[row] {
          scores[row] += tree.nodes[learner.nodeReached(byRow: row, in: tree)].value
        }
      }
      trees.append(RegressionTree(nodes: tree.nodes))
      progress?(trees.count)
    }
    let boostingSeconds = Self.seconds(clock.now - boostingStart)
    let model = TreeEnsemble(featureCount: data.featureCount, featureNames: featureNames, baseScore: 0, trees: trees,
                             trainingParameters: parameters.jsonMembers)
    return Report(model: model, binningSeconds: binningSeconds, boostingSeconds: boostingSeconds,
                  trainingScores: scores, usableFeatureCount: usedCount)
  }

  private func queryOf(row: Int, in data: SVMLightFile) -> Int {
    var query = 0
    while query + 1 < data.queryBoundaries.count - 1, data.queryBoundaries[query + 1] <= row { query += 1 }
    return query
  }

  private static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }
}

/// SplitMix64 (Steele, Lea & Flood 2014), the trainer's seeded sampling of features and queries.
struct SamplingGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
