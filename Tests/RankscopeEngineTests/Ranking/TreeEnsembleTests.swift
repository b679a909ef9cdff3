import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Tree ensemble model files")
struct TreeEnsembleTests {
  static func temporaryFile(_ name: String) -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-model-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent(name).path
  }

  static func trainedModel() throws -> (TreeEnsemble, SVMLightFile) {
    let data = LearningToRankData.ordered(queries: 20, documentsPerQuery: 10, seed: 12)
    var parameters = LambdaMARTTrainer.Parameters()
    parameters.trees = 12
    parameters.leaves = 6
    parameters.minimumDataInLeaf = 3
    parameters.featureFraction = 0.7
    let report = try LambdaMARTTrainer(parameters: parameters).train(on: data, featureNames: ["signal", "noise", "level"])
    return (report.model, data)
  }

  @Test("a row goes left when value <= threshold")
  func predictsWithThresholds() {
    let tree = RegressionTree(nodes: [
      .split(feature: 1, threshold: 0.5, left: 1, right: 2, cover: 10),
      .leaf(value: -1, cover: 4),
      .split(feature: 0, threshold: 2, left: 3, right: 4, cover: 6),
      .leaf(value: 3, cover: 5),
      .leaf(value: 7, cover: 1),
    ])
    let model = TreeEnsemble(featureCount: 2, baseScore: 0.25, trees: [tree, tree])
    #expect(model.predict(features: [9.0, 0.5]) == 0.25 - 2)
    #expect(model.predict(features: [2.0, 0.6]) == 0.25 + 6)
    #expect(model.predict(features: [2.5, 0.6]) == 0.25 + 14)
    #expect(abs(tree.expectedValue - (-4 + 15 + 7) / 10.0) < 1e-15)
    #expect(tree.maximumDepth == 2)
  }

  @Test("the compiled scoring layout scores exactly as the trees do (lone leaves, wide rows, the shipped model)")
  func compiledLayout() throws {
    let (model, data) = try Self.trainedModel()
    let compiled = CompiledTreeEnsemble(model)
    #expect(compiled.predict(rows: data.features[...], columns: data.featureCount)
            == model.predict(rows: data.features, columns: data.featureCount))
    // A lone-leaf tree and a base score; rows wider than the model.
    var withLeaf = model
    withLeaf.trees.append(RegressionTree(nodes: [.leaf(value: 0.125, cover: 1)]))
    withLeaf.baseScore = -0.5
    let wide = (0..<(data.rowCount * (data.featureCount + 2))).map { Double($0 % 7) / 3 - 1 }
    #expect(CompiledTreeEnsemble(withLeaf).predict(rows: wide[...], columns: data.featureCount + 2)
            == withLeaf.predict(rows: wide, columns: data.featureCount + 2))
    // The sample world's L2 model on random rows.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let shipped = try TreeEnsemble.load(path: root.appendingPathComponent("SampleData/profiles/models/hybrid-l2.json").path)
    var generator = SystemRandomNumberGenerator()
    let rows = (0..<(50 * shipped.featureCount)).map { _ in Double.random(in: -1...12, using: &generator) }
    #expect(CompiledTreeEnsemble(shipped).predict(rows: rows[...], columns: shipped.featureCount)
            == shipped.predict(rows: rows, columns: shipped.featureCount))
  }

  @Test("save then load gives the same model and identical predictions")
  func roundTrip() throws {
    let (model, data) = try Self.trainedModel()
    let path = Self.temporaryFile("model.json")
    try model.save(path: path)
    let loaded = try TreeEnsemble.load(path: path)
    #expect(loaded == model)
    #expect(loaded.featureNames == ["signal", "noise", "level"])
    let before = model.predict(rows: data.features, columns: data.featureCount)
    let after = loaded.predict(rows: data.features, columns: data.featureCount)
    #expect(before == after)
    // No temporary file is left beside the model.
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["model.json"])
  }

  static let damaged: [(json: String, reason: String)] = [
    ("", "malformed JSON"),
    ("{\"format\": \"rankscope-tree-ensemble\", \"version\": 1, \"featureCount\": 2, \"trees\": [", "malformed JSON"),
    ("[1, 2]", "expected a JSON object"),
    ("{\"format\": \"xgboost\", \"version\": 1}", "\"format\" is not \"rankscope-tree-ensemble\""),
    ("{\"format\": \"rankscope-tree-ensemble\", \"version\": 2, \"featureCount\": 2, \"trees\": []}", "version 2 is not supported"),
    ("{\"format\": \"rankscope-tree-ensemble\", \"version\": 1, \"trees\": []}", "featureCount: missing"),
    ("{\"format\": \"rankscope-tree-ensemble\", \"version\": 1, \"featureCount\": 2}", "trees: missing"),
    ("{\"format\": \"rankscope-tree-ensemble\", \"version\": 1, \"featureCount\": 2, \"trees\": [{\"nodes\": []}]}", "tree 0: \"nodes\" missing"),
    (model(nodes: "{\"feature\": 0, \"threshold\": 1, \"left\": 1, \"right\": 5, \"cover\": 2}, {\"value\": 1, \"cover\": 1}, {\"value\": 1, \"cover\": 1}"),
     "tree 0 node 0 right: 5 is not an integer in 1...2"),
    (model(nodes: "{\"feature\": 9, \"threshold\": 1, \"left\": 1, \"right\": 2, \"cover\": 2}, {\"value\": 1, \"cover\": 1}, {\"value\": 1, \"cover\": 1}"),
     "tree 0 node 0 feature: 9 is not an integer in 0...1"),
    (model(nodes: "{\"feature\": 0, \"threshold\": 1, \"left\": 1, \"right\": 2, \"cover\": 3}, {\"value\": 1, \"cover\": 1}, {\"value\": 1, \"cover\": 1}"),
     "tree 0 node 0: cover 3 is not the sum of its children's (2)"),
    (model(nodes: "{\"feature\": 0, \"threshold\": 1, \"left\": 1, \"right\": 2, \"cover\": 2}, {\"value\": 1, \"cover\": 1}, {\"value\": \"x\", \"cover\": 1}"),
     "tree 0 node 2 value: missing or not a finite number"),
    (model(nodes: "{\"feature\": 0, \"threshold\": 1, \"left\": 1, \"right\": 2, \"cover\": 2}, {\"value\": 1, \"cover\": 1}, {\"value\": 1, \"cover\": 0}"),
     "tree 0 node 2 cover: must be positive"),
    (model(nodes: "{\"feature\": 0, \"threshold\": 1, \"left\": 1, \"right\": 2, \"cover\": 2}, {\"value\": 1, \"cover\": 1}, {\"value\": 1, \"cover\": 1}, {\"value\": 1, \"cover\": 1}"),
     "tree 0 node 3: referenced by 0 splits"),
    (model(nodes: "{\"feature\": 0, \"threshold\": 1, \"left\": 1, \"right\": 1, \"cover\": 2}, {\"value\": 1, \"cover\": 2}"),
     "left and right are the same node"),
  ]

  static func model(nodes: String) -> String {
    "{\"format\": \"rankscope-tree-ensemble\", \"version\": 1, \"featureCount\": 2, \"trees\": [{\"nodes\": [\(nodes)]}]}"
  }

  @Test("damaged model files give clear errors naming the file", arguments: TreeEnsembleTests.damaged.indices)
  func damagedFiles(_ index: Int) throws {
    let path = Self.temporaryFile("damaged.json")
    try Data(Self.damaged[index].json.utf8).write(to: URL(fileURLWithPath: path))
    do {
      _ = try TreeEnsemble.load(path: path)
      Issue.record("loaded a damaged model: \(Self.damaged[index].json)")
    } catch let error as TreeEnsemble.FileError {
      #expect(error.description.hasPrefix("\(path): "), "\(error)")
      #expect(error.reason.contains(Self.damaged[index].reason), "\(error)")
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test("truncating a saved model anywhere gives an error, never a crash")
  func truncated() throws {
    let (model, _) = try Self.trainedModel()
    let text = JSONWriter.string(model.jsonValue)
    let bytes = Array(text.utf8)
    let path = Self.temporaryFile("cut.json")
    for length in stride(from: 0, to: bytes.count - 1, by: max(1, bytes.count / 97)) {
      try Data(bytes[0..<length]).write(to: URL(fileURLWithPath: path))
      #expect(throws: TreeEnsemble.FileError.self) { try TreeEnsemble.load(path: path) }
    }
    #expect(throws: TreeEnsemble.FileError.self) { try TreeEnsemble.load(path: "/nonexistent/model.json") }
  }
}
