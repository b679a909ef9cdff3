import Foundation
import Testing
@testable import RankscopeEngine

/// Intent: hashed features, training on a tiny synthetic log, exact logit decompositions, determinism, and the
/// held-out evaluation on the sample world.
@Suite("IntentModel")
struct IntentModelTests {
  static let examples: [IntentTrainer.Example] = (0..<40).map { index in
    switch index % 4 {
    case 0: IntentTrainer.Example(query: "chocolate cake recipe", category: ["baking": 1], contentType: ["video": 1])
    case 1: IntentTrainer.Example(query: "sourdough bread", category: ["baking": 1], contentType: ["image": 1])
    case 2: IntentTrainer.Example(query: "boho living room", category: ["decor": 1], contentType: ["image": 1])
    default: IntentTrainer.Example(query: "velvet sofa", category: ["decor": 0.5, "furniture": 0.5], contentType: ["product": 1])
    }
  }

  @Test("features: words, word pairs, character 3–5-grams with boundary markers; stable buckets and signs")
  func features() {
    let hasher = IntentFeatureHasher(bucketBits: 10)
    let features = hasher.features(of: "boho sofa")
    let names = features.map(\.name)
    #expect(names.prefix(3) == ["w:boho", "w:sofa", "b:boho sofa"])
    #expect(names.contains("c:<bo") && names.contains("c:ofa>") && names.contains("c:<sofa") && !names.contains("c:<sofa>"))
    #expect(names.count == 3 + 2 * (4 + 3 + 2))
    #expect(features.allSatisfy { $0.bucket >= 0 && $0.bucket < 1024 && abs($0.value) == 1 / Double(names.count).squareRoot() })
    #expect(hasher.features(of: "boho sofa") == features)
    #expect(hasher.features(of: "").isEmpty)
  }

  @Test("separable classes are learned (p > 0.5), probabilities sum to 1, unknown labels get 0")
  func separable() throws {
    let model = IntentTrainer.train(examples: Self.examples, labels: (["garden"], []))
    #expect(model.category.labels == ["baking", "decor", "furniture", "garden"])
    let cake = model.predict("Chocolate CAKE")
    #expect(cake.normalizedQuery == "chocolate cake")
    #expect(cake.category.top?.label == "baking" && cake.category.top!.probability > 0.5)
    #expect(cake.contentType.top?.label == "video" && cake.contentType.top!.probability > 0.5)
    let room = model.predict("boho living room")
    #expect(room.category.probability(of: "decor") > 0.5 && room.contentType.probability(of: "image") > 0.5)
    let sofa = model.predict("velvet sofa")
    #expect(sofa.contentType.top?.label == "product")
    #expect(sofa.category.probability(of: "furniture") > 0.3 && sofa.category.probability(of: "baking") < 0.1)
    for prediction in [cake, room, sofa, model.predict(""), model.predict("zzz qqq")] {
      for head in [prediction.category, prediction.contentType] {
        #expect(abs(head.probabilities.reduce(0, +) - 1) < 1e-12)
        #expect(abs(head.labels.map(\.probability).reduce(0, +) - 1) < 1e-12)
        #expect(zip(head.labels, head.labels.dropFirst()).allSatisfy { $0.probability >= $1.probability })
      }
    }
    #expect(cake.category.probability(of: "no such category") == 0)
    #expect(cake.category.probability(ofAny: ["decor", "baking"]) == cake.category.probability(of: "baking"))
  }

  @Test("each logit is exactly bias + Σ value · weight in order, and the softmax of the logits is the prediction")
  func decomposition() throws {
    let model = IntentTrainer.train(examples: Self.examples)
    let prediction = model.predict("chocolate sofa bread")
    for head in [prediction.category, prediction.contentType] {
      for logit in head.logits {
        var sum = logit.bias
        for part in logit.contributions {
          #expect(part.contribution == part.value * part.weight)
          sum += part.contribution
        }
        #expect(sum == logit.logit)
        #expect(logit.contributions.count == model.hasher.features(of: "chocolate sofa bread").count)
      }
      #expect(head.probabilities == IntentModel.softmax(head.logits.map(\.logit)))
    }
    let baking = try #require(model.predict("chocolate cake").category.logit(of: "baking"))
    let top = baking.topContributions(3)
    #expect(top.count == 3 && top[0].contribution >= top[1].contribution && top[1].contribution >= top[2].contribution)
    #expect(top[0].contribution > 0)
  }

  @Test("identical input trains identical weights; another seed changes the order")
  func determinism() {
    let first = IntentTrainer.train(examples: Self.examples), second = IntentTrainer.train(examples: Self.examples)
    #expect(first.category == second.category && first.contentType == second.contentType)
    var settings = IntentTrainer.Settings.standard
    settings.seed = 99
    #expect(IntentTrainer.train(examples: Self.examples, settings: settings).category.weights != first.category.weights)
  }

  @Test("examples come from clicked documents' keyword values, split between clicks and multiple values")
  func examplesFromLog() throws {
    var schema = TestCorpus.pinSchema
    schema.fields.append(Schema.Field(name: "category", type: .keyword, analyzer: .keyword))
    let lines = """
      {"id":"a","title":"cake","body":"x","type":"video","category":"Baking"}
      {"id":"b","title":"sofa","body":"x","type":"product","category":["decor","furniture"]}
      {"id":"c","title":"rug","body":"x","type":"image"}
      """
    let report = try DocumentImporter(schema: schema, mode: .strict).importLines(lines, file: "t")
    var builder = IndexBuilder(schema: schema)
    for document in report.documents { builder.add(document) }
    let reader = try IndexReader.inMemory(files: builder.serialize(), schema: schema)
    let log = QueryLog(file: "l", searches: [
      QueryLog.Search(query: "Cake Sofa", shown: ["a", "b", "zz"], clicked: ["a", "b", "zz"]),
      QueryLog.Search(query: "rug", shown: ["c"], clicked: ["c"]),
      QueryLog.Search(query: "nothing", shown: ["a"], clicked: []),
    ])
    let examples = try IntentTrainer.examples(log: log, reader: reader)
    #expect(examples.count == 2)
    #expect(examples[0].query == "cake sofa")
    #expect(examples[0].category == ["baking": 0.5, "decor": 0.25, "furniture": 0.25])
    #expect(examples[0].contentType == ["video": 0.5, "product": 0.5])
    #expect(examples[1].category.isEmpty && examples[1].contentType == ["image": 1])
    let model = try IntentTrainer.train(log: log, reader: reader)
    #expect(model.category.labels == ["baking", "decor", "furniture"])
    #expect(model.contentType.labels == ["image", "product", "video"])
  }

  static let folder = TestCorpus.repositoryRoot.appendingPathComponent("SampleData")
  static let sampleAvailable = ["pins.jsonl", "schema.json", "query-log.jsonl"]
    .allSatisfy { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }

  /// All the sample pins without their vector fields, built once for the tests that read them.
  static let sampleWorldReader = Result { try sampleReader(pins: 20_000) }

  /// The first `count` sample pins, without their vector fields.
  static func sampleReader(pins count: Int) throws -> IndexReader {
    var schema = try IndexBuild.readSchema(path: folder.appendingPathComponent("schema.json").path)
    schema.fields.removeAll { $0.type == .vector }
    let text = try String(contentsOf: folder.appendingPathComponent("pins.jsonl"), encoding: .utf8)
    let lines = text.split(separator: "\n").prefix(count).joined(separator: "\n")
    let report = try DocumentImporter(schema: schema, mode: .strict).importLines(lines, file: "pins.jsonl")
    var builder = IndexBuilder(schema: schema)
    for document in report.documents { builder.add(document) }
    return try IndexReader.inMemory(files: builder.serialize(), schema: schema)
  }

  @Test("on the sample world (4,000 clicked searches) the model beats the majority class on held-out queries",
        .enabled(if: sampleAvailable, "SampleData (pins, schema, query log) is absent: skipped"))
  func sampleWorld() throws {
    let reader = try Self.sampleWorldReader.get()
    let log = try QueryLog.read(path: Self.folder.appendingPathComponent("query-log.jsonl").path)
    let settings = IntentTrainer.Settings(bucketBits: 14, maximumExamples: 4000)
    let (evaluation, model) = try IntentTrainer.evaluate(log: log, reader: reader, settings: settings)
    #expect(evaluation.testExamples > 200 && evaluation.trainExamples > 1000)
    #expect(model.category.field == "category" && model.contentType.field == "type")
    let category = evaluation.category, type = evaluation.contentType
    #expect(category.accuracy > category.baselineAccuracy + 0.5, "\(category)")
    #expect(category.logLoss < category.baselineLogLoss - 2, "\(category)")
    // The sample world's queries carry no content-type intent (its query generator draws none): the head can
    // only be about as good as the class frequencies.
    #expect(type.accuracy > type.baselineAccuracy - 0.02, "\(type)")
    #expect(type.logLoss < type.baselineLogLoss, "\(type)")
  }
}
