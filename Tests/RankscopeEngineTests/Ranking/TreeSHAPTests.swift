import Foundation
import Testing
@testable import RankscopeEngine

@Suite("TreeSHAP")
struct TreeSHAPTests {
  /// A random tree over `featureCount` features: splits to `depth` levels (stopping early at random), features
  /// repeating along paths, random thresholds in [0, 1), leaf covers 1…20, split covers the sums.
  static func randomTree(featureCount: Int, depth: Int, using generator: inout SeededGenerator) -> RegressionTree {
    var nodes: [RegressionTree.Node] = []
    var random = generator
    defer { generator = random }
    func build(_ level: Int) -> Int {
      let index = nodes.count
      if level == depth || (level > 0 && Double.random(in: 0..<1, using: &random) < 0.25) {
        nodes.append(.leaf(value: Double.random(in: -2...2, using: &random),
                           cover: Double(Int.random(in: 1...20, using: &random))))
        return index
      }
      nodes.append(.leaf(value: 0, cover: 0))
      let feature = Int.random(in: 0..<featureCount, using: &random)
      let threshold = Double.random(in: 0..<1, using: &random)
      let left = build(level + 1)
      let right = build(level + 1)
      nodes[index] = .split(feature: feature, threshold: threshold, left: left, right: right,
                            cover: nodes[left].cover + nodes[right].cover)
      return index
    }
    _ = build(0)
    return RegressionTree(nodes: nodes)
  }

  static func randomEnsemble(featureCount: Int, trees: Int, depth: Int, seed: UInt64) -> TreeEnsemble {
    var generator = SeededGenerator(seed: seed)
    return TreeEnsemble(featureCount: featureCount, baseScore: 0,
                        trees: (0..<trees).map { _ in randomTree(featureCount: featureCount, depth: depth, using: &generator) })
  }

  /// The tree's path-dependent conditional expectation of its output given the features in `subset`.
  static func conditionalExpectation(_ tree: RegressionTree, _ row: [Double], subset: Set<Int>, node: Int = 0) -> Double {
    let current = tree.nodes[node]
    if current.isLeaf { return current.value }
    if subset.contains(current.feature) {
      return conditionalExpectation(tree, row, subset: subset,
                                    node: row[current.feature] <= current.threshold ? current.left : current.right)
    }
    let left = tree.nodes[current.left]
    let right = tree.nodes[current.right]
    return (left.cover * conditionalExpectation(tree, row, subset: subset, node: current.left)
            + right.cover * conditionalExpectation(tree, row, subset: subset, node: current.right)) / current.cover
  }

  /// Shapley values by enumerating every subset: φ_i = Σ_S |S|!(M − |S| − 1)!/M! · (v(S ∪ {i}) − v(S)).
  static func bruteForce(_ tree: RegressionTree, _ row: [Double], featureCount: Int) -> [Double] {
    func factorial(_ n: Int) -> Double { n <= 1 ? 1 : Double(n) * factorial(n - 1) }
    var values = [Double](repeating: 0, count: featureCount)
    for feature in 0..<featureCount {
      let others = (0..<featureCount).filter { $0 != feature }
      for mask in 0..<(1 << others.count) {
        var subset = Set<Int>()
        for (bit, other) in others.enumerated() where mask & (1 << bit) != 0 { subset.insert(other) }
        let weight = factorial(subset.count) * factorial(featureCount - subset.count - 1) / factorial(featureCount)
        var with = subset
        with.insert(feature)
        values[feature] += weight * (conditionalExpectation(tree, row, subset: with)
                                     - conditionalExpectation(tree, row, subset: subset))
      }
    }
    return values
  }

  @Test("attributions plus the base value equal the prediction on random ensembles", arguments: [1, 2, 3, 4, 5, 6])
  func additivity(seed: UInt64) {
    let featureCount = 8
    let model = Self.randomEnsemble(featureCount: featureCount, trees: 10, depth: 2 + Int(seed), seed: seed)
    var generator = SeededGenerator(seed: seed &+ 100)
    for _ in 0..<40 {
      let row = (0..<featureCount).map { _ in Double.random(in: 0..<1, using: &generator) }
      let attribution = TreeSHAP.explain(model, features: row)
      let total = attribution.baseValue + attribution.values.reduce(0, +)
      #expect(attribution.output == model.predict(features: row))
      #expect(abs(total - attribution.output) <= 1e-9 * max(1, abs(attribution.output)),
              "base \(attribution.baseValue) + Σφ = \(total), prediction \(attribution.output)")
    }
  }

  @Test("an ensemble's attributions, found on several threads, equal one thread's tree-by-tree sums bit for bit")
  func parallelEqualsSerial() {
    var generator = SeededGenerator(seed: 99)
    let trees = (0..<130).map { _ in Self.randomTree(featureCount: 6, depth: 6, using: &generator) }
    let model = TreeEnsemble(featureCount: 6, trees: trees)
    for _ in 0..<5 {
      let row = (0..<6).map { _ in Double.random(in: 0..<1, using: &generator) }
      var serial = [Double](repeating: 0, count: 6)
      for tree in trees { TreeSHAP.accumulate(tree, features: row, into: &serial) }
      #expect(TreeSHAP.explain(model, features: row).values == serial)
    }
  }

  @Test("equal to brute-force Shapley values on small trees (≤ 6 features, repeated features on paths)",
        arguments: [11, 12, 13, 14, 15, 16, 17, 18])
  func matchesBruteForce(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let featureCount = 2 + Int(seed % 5)
    for _ in 0..<6 {
      let tree = Self.randomTree(featureCount: featureCount, depth: 5, using: &generator)
      for _ in 0..<5 {
        let row = (0..<featureCount).map { _ in Double.random(in: 0..<1, using: &generator) }
        var fast = [Double](repeating: 0, count: featureCount)
        TreeSHAP.accumulate(tree, features: row, into: &fast)
        let exact = Self.bruteForce(tree, row, featureCount: featureCount)
        for feature in 0..<featureCount {
          #expect(abs(fast[feature] - exact[feature]) <= 1e-9 * max(1, abs(exact[feature])),
                  "feature \(feature): TreeSHAP \(fast[feature]), brute force \(exact[feature])")
        }
        // v(all) − v(∅) is what the attributions share out.
        let spread = Self.conditionalExpectation(tree, row, subset: Set(0..<featureCount))
          - Self.conditionalExpectation(tree, row, subset: [])
        #expect(abs(fast.reduce(0, +) - spread) <= 1e-9 * max(1, abs(spread)))
      }
    }
  }

  @Test("a trained model's attributions add up, and the unused noise features get nothing in a one-split tree")
  func trainedModel() throws {
    let data = LearningToRankData.ordered(queries: 20, documentsPerQuery: 10, seed: 21)
    var parameters = LambdaMARTTrainer.Parameters()
    parameters.trees = 20
    parameters.leaves = 8
    parameters.minimumDataInLeaf = 3
    let model = try LambdaMARTTrainer(parameters: parameters).train(on: data).model
    for row in 0..<data.rowCount {
      let attribution = TreeSHAP.explain(model, features: data.row(row))
      let total = attribution.baseValue + attribution.values.reduce(0, +)
      #expect(abs(total - attribution.output) <= 1e-9 * max(1, abs(attribution.output)))
    }
    let stump = TreeEnsemble(featureCount: 3, trees: [RegressionTree(nodes: [
      .split(feature: 0, threshold: 0.5, left: 1, right: 2, cover: 4), .leaf(value: -1, cover: 3), .leaf(value: 3, cover: 1),
    ])])
    let attribution = TreeSHAP.explain(stump, features: [0.9, 0.1, 0.1])
    #expect(attribution.baseValue == 0)
    #expect(abs(attribution.values[0] - 3) < 1e-12)
    #expect(attribution.values[1] == 0 && attribution.values[2] == 0)
  }
}
