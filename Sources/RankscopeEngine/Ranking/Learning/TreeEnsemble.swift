import Foundation

/// An additive ensemble of regression trees (a LambdaMART model): the score of a row is `baseScore` plus
/// the sum of its leaf values in every tree.
public struct TreeEnsemble: Sendable, Hashable {
  /// Columns a row must have.
  public var featureCount: Int
  /// Optional names of the columns (`featureCount` of them when present).
  public var featureNames: [String]?
  /// Constant added to every score (0 for LambdaMART).
  public var baseScore: Double
  /// The trees, in training order.
  public var trees: [RegressionTree]
  /// Free-form training settings kept with the model (written to and read from the file as is).
  public var trainingParameters: [JSONMember]

  /// Creates an ensemble.
  public init(featureCount: Int, featureNames: [String]? = nil, baseScore: Double = 0, trees: [RegressionTree] = [],
              trainingParameters: [JSONMember] = []) {
    self.featureCount = featureCount
    self.featureNames = featureNames
    self.baseScore = baseScore
    self.trees = trees
    self.trainingParameters = trainingParameters
  }

  /// The model's score for one row of `featureCount` raw feature values.
  public func predict<C: RandomAccessCollection>(features: C) -> Double where C.Element == Double, C.Index == Int {
    precondition(features.count >= featureCount, "a row needs \(featureCount) features")
    var total = baseScore
    for tree in trees { total += tree.predict(features: features) }
    return total
  }

  /// Scores of every row of a row-major matrix with `featureCount` columns per row (wider rows are cut).
  public func predict(rows features: [Double], columns: Int) -> [Double] {
    precondition(columns >= featureCount, "rows need \(featureCount) features")
    let rowCount = columns == 0 ? 0 : features.count / columns
    var scores = [Double](repeating: baseScore, count: rowCount)
    for tree in trees {
      for row in 0..<rowCount {
        scores[row] += tree.predict(features: features[row * columns..<(row + 1) * columns])
      }
    }
    return scores
  }

  /// Expected output over the training cover (the TreeSHAP base value).
  public var expectedValue: Double { trees.reduce(baseScore) { $0 + $1.expectedValue } }
}
