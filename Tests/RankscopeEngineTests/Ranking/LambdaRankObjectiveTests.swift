import Foundation
import Testing
@testable import RankscopeEngine

@Suite("LambdaRank gradients with row weights (inverse propensity)")
struct LambdaRankObjectiveTests {
  /// Two queries: clicks (label 1) on rows 0 and 2 of the first, row 5 of the second.
  static let labels = [1, 0, 1, 0, 0, 1, 0, 0]
  static let boundaries = [0, 5, 8]
  static let scores = [0.3, 0.9, -0.2, 0.1, 0.5, -0.4, 0.2, 0.0]

  static func gradients(weights: [Double]?, normalize: Bool) -> (gradients: [Float], hessians: [Float]) {
    let objective = LambdaRankObjective(labels: labels, queryBoundaries: boundaries, truncationLevel: 30,
                                        normalize: normalize, sigmoid: 1, rowWeights: weights)
    var gradients = [Float](repeating: 7, count: labels.count)
    var hessians = [Float](repeating: 7, count: labels.count)
    objective.computeGradients(scores: scores, gradients: &gradients, hessians: &hessians)
    return (gradients, hessians)
  }

  static func close(_ left: [Float], _ right: [Float]) -> Bool {
    zip(left, right).allSatisfy { abs($0 - $1) <= 1e-6 * max(1, abs($1)) }
  }

  @Test("weights all 1 give exactly the unweighted gradients and hessians", arguments: [false, true])
  func onesAreUnweighted(normalize: Bool) {
    let unweighted = Self.gradients(weights: nil, normalize: normalize)
    let ones = Self.gradients(weights: [Double](repeating: 1, count: Self.labels.count), normalize: normalize)
    #expect(ones.gradients == unweighted.gradients)
    #expect(ones.hessians == unweighted.hessians)
    #expect(unweighted.gradients.contains { $0 != 0 })
  }

  @Test("a clicked row's weight scales only the pairs it is the higher-labelled row of (normalize off)")
  func weightsScalePairs() {
    // Contributions of each clicked row's pairs alone (non-clicked rows' weights are never used).
    let row0 = Self.gradients(weights: [1, 5, 0, 5, 5, 0, 5, 5], normalize: false)
    let row2 = Self.gradients(weights: [0, 5, 1, 5, 5, 0, 5, 5], normalize: false)
    let all = Self.gradients(weights: nil, normalize: false)
    // A weight of 0 removes the row's pairs: row 0 gets no gradient, the rest is row 2's pairs alone.
    let zero = Self.gradients(weights: [0, 1, 1, 1, 1, 1, 1, 1], normalize: false)
    #expect(zero.gradients[0] == 0 && zero.hessians[0] == 0)
    #expect(Self.close(Array(zero.gradients[0..<5]), Array(row2.gradients[0..<5])))
    #expect(Self.close(Array(zero.hessians[0..<5]), Array(row2.hessians[0..<5])))
    // The second query is untouched.
    #expect(Array(zero.gradients[5...]) == Array(all.gradients[5...]))
    // A weight of 2 doubles the row's pair contributions.
    let doubled = Self.gradients(weights: [2, 1, 1, 1, 1, 1, 1, 1], normalize: false)
    let expectedGradients = (0..<5).map { 2 * row0.gradients[$0] + row2.gradients[$0] }
    let expectedHessians = (0..<5).map { 2 * row0.hessians[$0] + row2.hessians[$0] }
    #expect(Self.close(Array(doubled.gradients[0..<5]), expectedGradients), "\(doubled.gradients) vs \(expectedGradients)")
    #expect(Self.close(Array(doubled.hessians[0..<5]), expectedHessians))
    #expect(Self.close([doubled.gradients[0]], [2 * all.gradients[0]]))
    // Unweighted is the sum of the two.
    #expect(Self.close(Array(all.gradients[0..<5]), (0..<5).map { row0.gradients[$0] + row2.gradients[$0] }))
    // A query whose only clicked row weighs 0 has no gradient at all.
    let silent = Self.gradients(weights: [1, 1, 1, 1, 1, 0, 1, 1], normalize: false)
    #expect(Array(silent.gradients[5...]) == [0, 0, 0] && Array(silent.hessians[5...]) == [0, 0, 0])
  }

  @Test("the trainer refuses weights of the wrong count, negative or not finite; all-1 weights train the same model")
  func trainerWeights() throws {
    let data = LearningToRankData.ordered(queries: 10, documentsPerQuery: 6, seed: 3)
    var parameters = LambdaMARTTrainerTests.smallParameters()
    parameters.trees = 5
    let trainer = LambdaMARTTrainer(parameters: parameters)
    for (weights, reason) in [([1.0], "1 row weights for 60 rows"),
                              ([Double](repeating: 1, count: 59) + [-1], "row 60: weight -1.0"),
                              ([Double.nan] + [Double](repeating: 1, count: 59), "row 1: weight nan")] {
      #expect {
        _ = try trainer.train(on: data, rowWeights: weights)
      } throws: { error in
        (error as? LambdaMARTTrainer.TrainingError)?.reason.hasPrefix(reason) == true
      }
    }
    let plain = try trainer.train(on: data)
    let ones = try trainer.train(on: data, rowWeights: [Double](repeating: 1, count: data.rowCount))
    #expect(plain.model == ones.model)
    #expect(plain.trainingScores == ones.trainingScores)
  }
}
