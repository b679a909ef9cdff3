import Foundation

/// The LambdaRank gradients LambdaMART fits (Burges 2010, "From RankNet to LambdaRank to LambdaMART: An
/// Overview", MSR-TR-2010-82), computed as LightGBM's `lambdarank` objective computes them.
///
/// Per query, documents are ordered by current score (ties in row order). Every pair with different labels
/// in which at least one document ranks within `truncationLevel` contributes
/// `λ = −σ · |ΔNDCG| / (1 + e^{σ(s_high − s_low)})` to the higher-labelled document (the negative to the
/// other) and `σ² · |ΔNDCG| · p(1 − p)` to both hessians, where `|ΔNDCG| = (2^{l_high} − 2^{l_low}) ·
/// |1/log2(2 + r_high) − 1/log2(2 + r_low)| / maxDCG@truncationLevel`. With `normalize`, `|ΔNDCG|` is divided
/// by `0.01 + |s_high − s_low|` (when the query's scores are not all equal) and the query's gradients and
/// hessians are scaled by `log2(1 + Σ|λ|) / Σ|λ|`. Gradients are of the loss (LightGBM's sign), stored as
/// `Float` as LightGBM's `score_t`.
///
/// With `rowWeights`, each pair's λ and hessian are multiplied by the weight of its higher-labelled row: the
/// inverse-propensity-weighted pairwise loss of Joachims, Swaminathan & Schnabel, "Unbiased Learning-to-Rank
/// with Biased Feedback" (WSDM 2017), where the clicked document carries `1 / propensity(rank shown)` and every
/// pair it forms with a non-clicked candidate counts that much. Without weights nothing is multiplied.
struct LambdaRankObjective {
  /// LightGBM's sigmoid lookup: 2^20 entries over the score differences −25…25 (for σ = 1).
  private static let sigmoidBins = 1024 * 1024

  let labels: [Int]
  let queryBoundaries: [Int]
  let truncationLevel: Int
  let normalize: Bool
  let sigmoid: Double
  /// Per-row weights (the higher-labelled row's weighs its pairs), or nil for all 1.
  let rowWeights: [Double]?
  private let labelGain: [Double]
  private let discount: [Double]
  private let inverseMaximumDCG: [Double]
  private let sigmoidTable: [Double]
  private let minimumSigmoidInput: Double
  private let maximumSigmoidInput: Double
  private let sigmoidTableFactor: Double

  /// Largest label accepted: gains are `2^label − 1` as LightGBM's default `label_gain` (31 entries).
  static let maximumLabel = 30

  init(labels: [Int], queryBoundaries: [Int], truncationLevel: Int, normalize: Bool, sigmoid: Double,
       rowWeights: [Double]? = nil) {
    precondition(rowWeights == nil || rowWeights!.count == labels.count, "one weight per row")
    self.labels = labels
    self.rowWeights = rowWeights
    self.queryBoundaries = queryBoundaries
    self.truncationLevel = truncationLevel
    self.normalize = normalize
    self.sigmoid = sigmoid
    labelGain = (0...Self.maximumLabel).map { pow(2, Double($0)) - 1 }
    var largestQuery = 1
    for query in 0..<(queryBoundaries.count - 1) {
      largestQuery = max(largestQuery, queryBoundaries[query + 1] - queryBoundaries[query])
    }
    discount = (0..<largestQuery).map { 1 / log2(2 + Double($0)) }
    var inverse: [Double] = []
    for query in 0..<(queryBoundaries.count - 1) {
      let grades = labels[queryBoundaries[query]..<queryBoundaries[query + 1]].sorted(by: >)
      var maximum = 0.0
      for (rank, grade) in grades.prefix(truncationLevel).enumerated() {
        maximum += labelGain[grade] * discount[rank]
      }
      inverse.append(maximum > 0 ? 1 / maximum : 0)
    }
    inverseMaximumDCG = inverse
    let minimum = -50 / sigmoid / 2
    minimumSigmoidInput = minimum
    maximumSigmoidInput = -minimum
    let factor = Double(Self.sigmoidBins) / (-minimum - minimum)
    sigmoidTableFactor = factor
    sigmoidTable = (0..<Self.sigmoidBins).map { index in
      let score = Double(index) / factor + minimum
      return 1 / (1 + exp(score * sigmoid))
    }
  }

  /// `1 / (1 + e^{σ·score})` from the table.
  @inline(__always)
  private func sigmoidOf(_ score: Double) -> Double {
    if score <= minimumSigmoidInput { return sigmoidTable[0] }
    if score >= maximumSigmoidInput { return sigmoidTable[Self.sigmoidBins - 1] }
    return sigmoidTable[Int((score - minimumSigmoidInput) * sigmoidTableFactor)]
  }

  /// Gradients and hessians of every row for the current scores.
  func computeGradients(scores: [Double], gradients: inout [Float], hessians: inout [Float]) {
    var order: [Int] = []
    let halfWidth = Double(Float(0.01))
    for query in 0..<(queryBoundaries.count - 1) {
      let begin = queryBoundaries[query]
      let count = queryBoundaries[query + 1] - begin
      for row in begin..<(begin + count) {
        gradients[row] = 0
        hessians[row] = 0
      }
      guard count > 1 else { continue }
      let inverseMaximum = inverseMaximumDCG[query]
      order.removeAll(keepingCapacity: true)
      order.append(contentsOf: begin..<(begin + count))
      order.sort { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
      let bestScore = scores[order[0]]
      let worstScore = scores[order[count - 1]]
      var sumLambdas = 0.0
      for highIndex in 0..<min(count - 1, truncationLevel) {
        let first = order[highIndex]
        for lowIndex in (highIndex + 1)..<count {
          let second = order[lowIndex]
          let firstLabel = labels[first]
          let secondLabel = labels[second]
          if firstLabel == secondLabel { continue }
          let high: Int, low: Int, highRank: Int, lowRank: Int
          if firstLabel > secondLabel {
            (high, low, highRank, lowRank) = (first, second, highIndex, lowIndex)
          } else {
            (high, low, highRank, lowRank) = (second, first, lowIndex, highIndex)
          }
          let deltaScore = scores[high] - scores[low]
          let gap = labelGain[labels[high]] - labelGain[labels[low]]
          let pairedDiscount = abs(discount[highRank] - discount[lowRank])
          var deltaNDCG = gap * pairedDiscount * inverseMaximum
          if normalize, bestScore != worstScore { deltaNDCG /= halfWidth + abs(deltaScore) }
          var lambda = sigmoidOf(deltaScore)
          var hessian = lambda * (1 - lambda)
          lambda *= -sigmoid * deltaNDCG
          hessian *= sigmoid * sigmoid * deltaNDCG
          if let rowWeights {
            lambda *= rowWeights[high]
            hessian *= rowWeights[high]
          }
          gradients[low] -= Float(lambda)
          hessians[low] += Float(hessian)
          gradients[high] += Float(lambda)
          hessians[high] += Float(hessian)
          sumLambdas -= 2 * lambda
        }
      }
      if normalize, sumLambdas > 0 {
        let factor = log2(1 + sumLambdas) / sumLambdas
        for row in begin..<(begin + count) {
          gradients[row] = Float(Double(gradients[row]) * factor)
          hessians[row] = Float(Double(hessians[row]) * factor)
        }
      }
    }
  }
}
