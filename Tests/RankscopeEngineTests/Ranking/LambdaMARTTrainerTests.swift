import Foundation
import Testing
@testable import RankscopeEngine

@Suite("LambdaMART training")
struct LambdaMARTTrainerTests {
  static func smallParameters() -> LambdaMARTTrainer.Parameters {
    var parameters = LambdaMARTTrainer.Parameters()
    parameters.trees = 40
    parameters.leaves = 4
    parameters.learningRate = 0.3
    parameters.minimumDataInLeaf = 2
    parameters.minimumDataInBin = 1
    return parameters
  }

  static func meanNDCG(_ scores: [Double], _ data: SVMLightFile) -> Double {
    RankingMetrics.meanExponentialGainNDCG(scores: scores, grades: data.labels, queryBoundaries: data.queryBoundaries,
                                           cutoff: 10)
  }

  @Test("learns a known ordering: training nDCG@10 rises to 1, and held-out queries are ranked well")
  func learnsOrdering() throws {
    let data = LearningToRankData.ordered(queries: 20, documentsPerQuery: 8, seed: 5)
    let before = Self.meanNDCG([Double](repeating: 0, count: data.rowCount), data)
    #expect(before < 0.8, "file order is the worst order: \(before)")
    var nDCGAfterTrees: [Double] = []
    var parameters = Self.smallParameters()
    for trees in [1, 5, 40] {
      parameters.trees = trees
      let report = try LambdaMARTTrainer(parameters: parameters).train(on: data)
      nDCGAfterTrees.append(Self.meanNDCG(report.trainingScores, data))
      // The scores the trainer tracked are the model's predictions.
      let predicted = report.model.predict(rows: data.features, columns: data.featureCount)
      for row in 0..<data.rowCount { #expect(abs(predicted[row] - report.trainingScores[row]) <= 1e-12) }
    }
    #expect(nDCGAfterTrees[0] > before)
    #expect(nDCGAfterTrees[2] >= nDCGAfterTrees[1] && nDCGAfterTrees[1] >= nDCGAfterTrees[0], "\(nDCGAfterTrees)")
    #expect(abs(nDCGAfterTrees[2] - 1) <= 1e-12, "\(nDCGAfterTrees)")

    let report = try LambdaMARTTrainer(parameters: parameters).train(on: data)
    let heldOut = LearningToRankData.ordered(queries: 20, documentsPerQuery: 8, seed: 99)
    let heldOutNDCG = Self.meanNDCG(report.model.predict(rows: heldOut.features, columns: 3), heldOut)
    #expect(heldOutNDCG >= 0.9, "held-out nDCG@10 \(heldOutNDCG)")
    // The signal is feature 0: the first split of the first tree uses it.
    #expect(report.model.trees[0].nodes[0].feature == 0)
  }

  @Test("the same seed gives the same model with feature and query sampling; another seed differs")
  func deterministic() throws {
    let data = LearningToRankData.ordered(queries: 30, documentsPerQuery: 10, seed: 8)
    var parameters = Self.smallParameters()
    parameters.trees = 15
    parameters.featureFraction = 0.67
    parameters.baggingFraction = 0.6
    parameters.seed = 3
    let first = try LambdaMARTTrainer(parameters: parameters).train(on: data)
    let second = try LambdaMARTTrainer(parameters: parameters).train(on: data)
    #expect(first.model == second.model)
    #expect(first.trainingScores == second.trainingScores)
    parameters.seed = 4
    let other = try LambdaMARTTrainer(parameters: parameters).train(on: data)
    #expect(other.model.trees != first.model.trees)
    // Out-of-bag rows were scored through the trees too.
    let predicted = first.model.predict(rows: data.features, columns: data.featureCount)
    for row in 0..<data.rowCount { #expect(abs(predicted[row] - first.trainingScores[row]) <= 1e-12) }
  }

  @Test("trees respect the leaf limit and covers add up to the training rows")
  func treeShape() throws {
    let data = LearningToRankData.ordered(queries: 25, documentsPerQuery: 12, seed: 2)
    var parameters = Self.smallParameters()
    parameters.leaves = 7
    parameters.trees = 10
    let model = try LambdaMARTTrainer(parameters: parameters).train(on: data).model
    #expect(!model.trees.isEmpty)
    for tree in model.trees {
      #expect(tree.leafCount <= 7 && tree.leafCount >= 2)
      #expect(tree.nodes[0].cover == Double(data.rowCount))
      for node in tree.nodes where !node.isLeaf {
        #expect(tree.nodes[node.left].cover + tree.nodes[node.right].cover == node.cover)
        #expect(node.left > 0 && node.right > 0)
      }
      for node in tree.nodes where node.isLeaf { #expect(node.cover >= Double(parameters.minimumDataInLeaf) - 1) }
    }
  }

  @Test("bad labels and settings are refused with a reason")
  func refusesBadInput() throws {
    let data = try SVMLightFile.parse("1.5 qid:1 1:1\n0 qid:1 1:2\n", file: "x")
    #expect(throws: LambdaMARTTrainer.TrainingError.self) { try LambdaMARTTrainer().train(on: data) }
    do {
      _ = try LambdaMARTTrainer().train(on: data)
    } catch let error as LambdaMARTTrainer.TrainingError {
      #expect(error.reason.contains("label 1.5 is not an integer grade"), "\(error)")
    } catch {
      Issue.record("unexpected error \(error)")
    }
    var parameters = LambdaMARTTrainer.Parameters()
    parameters.maximumBins = 300
    #expect(parameters.problem != nil)
    parameters = LambdaMARTTrainer.Parameters()
    parameters.featureFraction = 0
    #expect(parameters.problem != nil)
    #expect(LambdaMARTTrainer.Parameters().problem == nil)
  }

  @Test("binning: zero has its own bin, distinct values get their own bins, and bins agree with thresholds")
  func binning() {
    var column: [Double] = []
    for value in 0..<10 { column.append(contentsOf: repeatElement(Double(value), count: 10)) }
    let binning = FeatureBinning.find(features: column, rowCount: column.count, featureCount: 1, maximumBins: 255)
    #expect(binning.binCount(0) == 10)
    for value in 0..<10 { #expect(binning.bin(of: Double(value), feature: 0) == value) }
    #expect(binning.upperBounds[0].last == .infinity)

    var generator = SeededGenerator(seed: 17)
    let values = (0..<3000).map { _ in Double.random(in: -5...5, using: &generator).rounded(.towardZero) * Double.random(in: 0...1, using: &generator) }
    let coarse = FeatureBinning.find(features: values, rowCount: values.count, featureCount: 1, maximumBins: 16)
    #expect(coarse.binCount(0) <= 16 && coarse.binCount(0) >= 8)
    for value in values {
      let bin = coarse.bin(of: value, feature: 0)
      for threshold in 0..<(coarse.binCount(0) - 1) {
        #expect((bin <= threshold) == (value <= coarse.upperBounds[0][threshold]))
      }
    }
  }

  @Test("nDCG with exponential gains: hand-computed values, ties in given order, no relevant document counts 0")
  func exponentialNDCG() {
    let value = RankingMetrics.exponentialGainNDCG(scores: [3, 2, 1], grades: [0, 1, 2], cutoff: 10)
    let dcg = 1 / log2(3.0) + 3 / 2.0
    let ideal = 3 + 1 / log2(3.0)
    #expect(abs(value - dcg / ideal) < 1e-15)
    #expect(abs(RankingMetrics.exponentialGainNDCG(scores: [1, 1], grades: [0, 1], cutoff: 10) - 1 / log2(3.0)) < 1e-15)
    #expect(RankingMetrics.exponentialGainNDCG(scores: [1, 1], grades: [1, 0], cutoff: 10) == 1)
    #expect(RankingMetrics.exponentialGainNDCG(scores: [1, 2], grades: [0, 0], cutoff: 10) == 0)
    let mean = RankingMetrics.meanExponentialGainNDCG(scores: [1, 1, 2, 1], grades: [1, 0, 0, 0], queryBoundaries: [0, 2, 4],
                                                      cutoff: 10)
    #expect(mean == 0.5)
    // Cutoff 1: only the first document counts.
    #expect(abs(RankingMetrics.exponentialGainNDCG(scores: [2, 1], grades: [1, 2], cutoff: 1) - 1.0 / 3.0) < 1e-15)
  }

  static let mslrTrain = LearningToRankData.mslrFile("msn1.fold1.train.5k.txt")
  static let mslrTest = LearningToRankData.mslrFile("msn1.fold1.test.5k.txt")

  @Test("MSLR subset: 20 trees of 31 leaves improve test nDCG@10 well above the unranked order",
        .enabled(if: mslrTrain != nil && mslrTest != nil, "../shared/data/mslr5k is absent (a user's clone has none); skipping"))
  func sharedMSLR() throws {
    let train = try SVMLightFile.read(path: try #require(Self.mslrTrain).path)
    let test = try SVMLightFile.read(path: try #require(Self.mslrTest).path, minimumFeatureCount: train.featureCount)
    var parameters = LambdaMARTTrainer.Parameters()
    parameters.trees = 20
    let report = try LambdaMARTTrainer(parameters: parameters).train(on: train)
    let unranked = Self.meanNDCG([Double](repeating: 0, count: test.rowCount), test)
    let ranked = Self.meanNDCG(report.model.predict(rows: test.features, columns: test.featureCount), test)
    #expect(ranked > unranked + 0.05, "test nDCG@10 \(ranked) vs file order \(unranked)")
    #expect(Self.meanNDCG(report.trainingScores, train) > ranked)
  }
}
