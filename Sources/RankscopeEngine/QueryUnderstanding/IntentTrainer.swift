import Foundation

/// Trains `IntentModel` from a query log's clicks and measures it on held-out queries.
///
/// Examples: each logged search with a click; per head, the target is the distribution of the clicked
/// documents' values of the head's keyword field (two clicks on a "dinner" and a "baking" pin give each 0.5; a
/// search whose clicked documents hold no value of the field gives that head no target). Loss: the
/// cross-entropy of the softmax against the target plus `l2 / 2 · ‖w‖²` (multinomial logistic regression with
/// L2 regularization). Optimizer: stochastic gradient descent with AdaGrad step sizes (Duchi, Hazan & Singer
/// 2011), one example at a time, the L2 term applied to the weights an example touches; the example order of
/// each epoch is a permutation drawn from SplitMix64 with `seed`, so identical input gives identical weights.
public enum IntentTrainer {
  /// Training settings.
  public struct Settings: Sendable, Hashable {
    /// The category field (nil: the schema's popular-generator category, else "category").
    public var categoryField: String?
    /// The content-type field.
    public var contentTypeField: String
    /// log2 of the hashed feature space.
    public var bucketBits: Int
    /// Passes over the examples.
    public var epochs: Int
    /// AdaGrad's base step size for the category head.
    public var learningRate: Double
    /// The category head's L2 regularization strength.
    public var l2: Double
    /// AdaGrad's base step size for the content-type head (smaller: a query says less about content type).
    public var contentTypeLearningRate: Double
    /// The content-type head's L2 regularization strength.
    public var contentTypeL2: Double
    /// The seed of the example order.
    public var seed: UInt64
    /// At most this many examples are used (evenly spaced in log order); nil: all.
    public var maximumExamples: Int?

    /// Creates settings; the defaults are the standard ones.
    public init(categoryField: String? = nil, contentTypeField: String = "type", bucketBits: Int = 15, epochs: Int = 4,
                learningRate: Double = 0.5, l2: Double = 1e-5, contentTypeLearningRate: Double = 0.05,
                contentTypeL2: Double = 1e-2, seed: UInt64 = 8, maximumExamples: Int? = nil) {
      self.categoryField = categoryField
      self.contentTypeField = contentTypeField
      self.bucketBits = bucketBits
      self.epochs = epochs
      self.learningRate = learningRate
      self.l2 = l2
      self.contentTypeLearningRate = contentTypeLearningRate
      self.contentTypeL2 = contentTypeL2
      self.seed = seed
      self.maximumExamples = maximumExamples
    }

    /// The defaults.
    public static let standard = Settings()
  }

  /// One training example: a normalized query and the target distribution of each head (empty: no target).
  public struct Example: Sendable, Hashable {
    /// The query (`QueryLogStatistics.normalize` form).
    public var query: String
    /// Category → target probability.
    public var category: [String: Double]
    /// Content type → target probability.
    public var contentType: [String: Double]

    /// Creates an example.
    public init(query: String, category: [String: Double], contentType: [String: Double]) {
      self.query = query
      self.category = category
      self.contentType = contentType
    }
  }

  /// Held-out figures of one head.
  public struct HeadEvaluation: Sendable, Hashable {
    /// The field.
    public var field: String
    /// Held-out examples with a target for the head.
    public var examples: Int
    /// Share whose most probable class is among the clicked documents' values.
    public var accuracy: Double
    /// Mean cross-entropy against the target (natural log; probabilities floored at 1e-15).
    public var logLoss: Double
    /// The training examples' most frequent class.
    public var majorityLabel: String
    /// The accuracy of always predicting it.
    public var baselineAccuracy: Double
    /// The log-loss of always predicting the training class frequencies.
    public var baselineLogLoss: Double
  }

  /// Held-out evaluation.
  public struct Evaluation: Sendable, Hashable {
    /// Training examples.
    public var trainExamples: Int
    /// Held-out examples.
    public var testExamples: Int
    /// Seconds spent training.
    public var trainSeconds: Double
    /// The category head.
    public var category: HeadEvaluation
    /// The content-type head.
    public var contentType: HeadEvaluation
  }

  /// The category and content-type field names for `schema`.
  public static func fields(schema: Schema, settings: Settings) -> (category: String, contentType: String) {
    (settings.categoryField ?? schema.retrieval?.popular?.category ?? "category", settings.contentTypeField)
  }

  /// The examples of `log` labelled by `reader`'s documents, in log order (clicked ids the index lacks are
  /// skipped), at most `settings.maximumExamples` of them, evenly spaced.
  public static func examples(log: QueryLog, reader: IndexReader, settings: Settings = .standard) throws -> [Example] {
    let schema = reader.schema
    let names = fields(schema: schema, settings: settings)
    func field(_ name: String) -> (index: Int, keys: [String], analyzer: Analyzer)? {
      guard let index = schema.keywordFields.firstIndex(where: { $0.name == name }) else { return nil }
      return (index, schema.keywordFields[index].sourceKeys, Analyzer(configuration: schema.keywordFields[index].analyzer))
    }
    let heads = [field(names.category), field(names.contentType)]
    let keys = Set(heads.compactMap { $0?.keys }.joined())
    var cache: [Int: [[String]]] = [:]
    func values(_ document: Int) throws -> [[String]] {
      if let known = cache[document] { return known }
      let members = try reader.storedMembers(document, keys: keys)
      let result = heads.map { head -> [String] in
        guard let head else { return [] }
        var values: [String] = []
        for key in head.keys {
          switch members[key] {
          case .string(let text)?: values.append(KeywordNormalizer.normalize(text, analyzer: head.analyzer))
          case .array(let items)?:
            for case .string(let text) in items { values.append(KeywordNormalizer.normalize(text, analyzer: head.analyzer)) }
          default: break
          }
        }
        return values
      }
      cache[document] = result
      return result
    }
    var searches = log.searches.filter { !$0.clicked.isEmpty }
    if let maximum = settings.maximumExamples, searches.count > maximum {
      let all = searches
      searches = (0..<max(0, maximum)).map { all[$0 * all.count / maximum] }
    }
    var result: [Example] = []
    for search in searches {
      var targets: [[String: Double]] = [[:], [:]]
      var documents: [[[String]]] = []
      for id in search.clicked {
        if let document = try reader.documentNumber(forId: id) { documents.append(try values(document)) }
      }
      for head in 0..<2 {
        let perDocument = documents.map { $0[head] }.filter { !$0.isEmpty }
        for values in perDocument {
          for value in values { targets[head][value, default: 0] += 1 / Double(values.count * perDocument.count) }
        }
      }
      if !targets[0].isEmpty || !targets[1].isEmpty {
        result.append(Example(query: search.normalizedQuery, category: targets[0], contentType: targets[1]))
      }
    }
    return result
  }

  /// The model trained on `log`'s clicks; classes are every value of the fields in `reader`.
  public static func train(log: QueryLog, reader: IndexReader, settings: Settings = .standard) throws -> IntentModel {
    let names = fields(schema: reader.schema, settings: settings)
    return train(examples: try examples(log: log, reader: reader, settings: settings), categoryField: names.category,
                 contentTypeField: names.contentType, labels: try labels(reader: reader, settings: settings), settings: settings)
  }

  /// Every value of the two fields in `reader`, sorted (empty for a field the schema lacks).
  public static func labels(reader: IndexReader, settings: Settings) throws -> (category: [String], contentType: [String]) {
    let names = fields(schema: reader.schema, settings: settings)
    func values(_ name: String) throws -> [String] {
      guard let index = reader.schema.keywordFields.firstIndex(where: { $0.name == name }) else { return [] }
      return try reader.keywordValues(field: index).map(\.value).sorted()
    }
    return (try values(names.category), try values(names.contentType))
  }

  /// The model trained on `examples`; `labels` adds classes the examples lack (a head's classes are sorted).
  public static func train(examples: [Example], categoryField: String = "category", contentTypeField: String = "type",
                           labels: (category: [String], contentType: [String]) = ([], []),
                           settings: Settings = .standard) -> IntentModel {
    let hasher = IntentFeatureHasher(bucketBits: settings.bucketBits)
    let features = examples.map { hasher.features(of: $0.query) }
    var order = Array(examples.indices)
    var generator = SamplingGenerator(seed: settings.seed)
    var epochs: [[Int]] = []
    for _ in 0..<max(0, settings.epochs) {
      order.shuffle(using: &generator)
      epochs.append(order)
    }
    func head(_ field: String, _ extra: [String], _ rate: Double, _ l2: Double,
              _ target: (Example) -> [String: Double]) -> IntentModel.Head {
      let classes = Array(Set(extra).union(examples.flatMap { target($0).keys })).sorted()
      var trainer = HeadTrainer(classCount: classes.count, bucketCount: hasher.bucketCount, learningRate: rate, l2: l2)
      let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
      let targets = examples.map { example in target(example).map { (index[$0.key]!, $0.value) }.sorted { $0.0 < $1.0 } }
      for epoch in epochs {
        for example in epoch where !targets[example].isEmpty { trainer.step(features[example], targets[example]) }
      }
      return IntentModel.Head(field: field, labels: classes, biases: trainer.biases, weights: trainer.weights)
    }
    return IntentModel(hasher: hasher,
                       category: head(categoryField, labels.category, settings.learningRate, settings.l2, \.category),
                       contentType: head(contentTypeField, labels.contentType, settings.contentTypeLearningRate,
                                         settings.contentTypeL2, \.contentType))
  }

  /// The held-out evaluation: examples whose normalized query hashes (FNV-1a) into the `heldOutShare` are held out
  /// (one query text is never on both sides); the rest train. Also returns the model trained on the rest.
  public static func evaluate(log: QueryLog, reader: IndexReader, settings: Settings = .standard,
                              heldOutShare: Double = 0.2) throws -> (evaluation: Evaluation, model: IntentModel) {
    let all = try examples(log: log, reader: reader, settings: settings)
    let names = fields(schema: reader.schema, settings: settings)
    let cut = UInt64(min(max(heldOutShare, 0), 1) * 1000)
    func heldOut(_ example: Example) -> Bool { IntentFeatureHasher.hash(example.query) % 1000 < cut }
    let train = all.filter { !heldOut($0) }, test = all.filter(heldOut)
    let started = ContinuousClock.now
    let model = self.train(examples: train, categoryField: names.category, contentTypeField: names.contentType,
                           labels: try labels(reader: reader, settings: settings), settings: settings)
    let elapsed = ContinuousClock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let predictions = test.map { model.predict($0.query) }
    func figures(_ field: String, _ target: (Example) -> [String: Double],
                 _ head: (IntentPrediction) -> IntentHeadPrediction) -> HeadEvaluation {
      var prior: [String: Double] = [:]
      for example in train { for (label, mass) in target(example) { prior[label, default: 0] += mass } }
      let priorTotal = prior.values.reduce(0, +)
      let majority = prior.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
      var count = 0, hits = 0, baselineHits = 0
      var loss = 0.0, baselineLoss = 0.0
      for (example, prediction) in zip(test, predictions) {
        let targets = target(example)
        guard !targets.isEmpty else { continue }
        count += 1
        let predicted = head(prediction)
        if let top = predicted.top, targets[top.label] != nil { hits += 1 }
        if targets[majority] != nil { baselineHits += 1 }
        for (label, mass) in targets {
          loss -= mass * Foundation.log(max(predicted.probability(of: label), 1e-15))
          baselineLoss -= mass * Foundation.log(max(priorTotal > 0 ? (prior[label] ?? 0) / priorTotal : 0, 1e-15))
        }
      }
      let n = Double(max(count, 1))
      return HeadEvaluation(field: field, examples: count, accuracy: Double(hits) / n, logLoss: loss / n, majorityLabel: majority,
                            baselineAccuracy: Double(baselineHits) / n, baselineLogLoss: baselineLoss / n)
    }
    let evaluation = Evaluation(trainExamples: train.count, testExamples: test.count, trainSeconds: seconds,
                                category: figures(names.category, \.category, \.category),
                                contentType: figures(names.contentType, \.contentType, \.contentType))
    return (evaluation, model)
  }
}

/// One head's weights under AdaGrad.
private struct HeadTrainer {
  let classCount: Int
  let learningRate: Double
  let l2: Double
  var weights: [Double]
  var biases: [Double]
  private var squaredWeights: [Double]
  private var squaredBiases: [Double]
  private var logits: [Double]

  init(classCount: Int, bucketCount: Int, learningRate: Double, l2: Double) {
    self.classCount = classCount
    self.learningRate = learningRate
    self.l2 = l2
    weights = [Double](repeating: 0, count: classCount * bucketCount)
    squaredWeights = weights
    biases = [Double](repeating: 0, count: classCount)
    squaredBiases = biases
    logits = biases
  }

  /// One AdaGrad step on one example (`target`: class → probability).
  mutating func step(_ features: [IntentFeatureHasher.Feature], _ target: [(Int, Double)]) {
    guard classCount > 0 else { return }
    let classes = classCount, rate = learningRate, l2 = l2
    for label in 0..<classes {
      var logit = biases[label]
      for feature in features { logit += feature.value * weights[feature.bucket * classes + label] }
      logits[label] = logit
    }
    var gradient = IntentModel.softmax(logits)
    for (label, mass) in target { gradient[label] -= mass }
    for label in 0..<classes {
      squaredBiases[label] += gradient[label] * gradient[label]
      biases[label] -= rate * gradient[label] / (squaredBiases[label].squareRoot() + 1e-8)
    }
    weights.withUnsafeMutableBufferPointer { weights in
      squaredWeights.withUnsafeMutableBufferPointer { squared in
        for feature in features {
          let base = feature.bucket * classes
          for label in 0..<classes {
            let slot = base + label
            let step = feature.value * gradient[label] + l2 * weights[slot]
            squared[slot] += step * step
            weights[slot] -= rate * step / (squared[slot].squareRoot() + 1e-8)
          }
        }
      }
    }
  }
}
