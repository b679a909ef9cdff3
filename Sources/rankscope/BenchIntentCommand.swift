import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope bench intent`: the intent model's held-out accuracy and log-loss against the majority class, its
/// training time, and the build cost of the phrase dictionary and the mined synonyms.
struct BenchIntentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "intent",
    abstract: "Evaluate query intent (category, content type) on held-out logged queries; time the query models' builds.",
    discussion: """
      Examples are the logged searches with a click, labelled by the clicked documents' category and content
      type. Searches whose normalized query hashes (FNV-1a) into the held-out share are the test set, so no query
      text is on both sides. Accuracy: the most probable class is among the clicked documents' values; log-loss:
      mean cross-entropy against the clicked values' distribution. The baseline always predicts the training
      majority class (accuracy) and the training class frequencies (log-loss). Then the model is trained on
      every example (what the explorer does at start-up), and the phrase dictionary (SegmentDetector) and the
      mined synonyms (SynonymMiner) are built and timed.

      Examples:
        rankscope bench intent
        rankscope bench intent --index my-index --query-log log.jsonl --held-out 0.1
      """)

  @Option(help: "Index directory (default: the sample world's index).")
  var index: String?

  @Option(help: "Query log (default: the sample world's, with the sample index).")
  var queryLog: String?

  @Option(help: "Share of distinct queries held out.")
  var heldOut = 0.2

  @Option(help: "Training passes.")
  var epochs = IntentTrainer.Settings.standard.epochs

  @Option(help: "log2 of the hashed feature space.")
  var bucketBits = IntentTrainer.Settings.standard.bucketBits

  @Option(help: "Queries to segment and show.")
  var examples = 8

  func run() throws {
    let engine = try Locations.openIndex(index, quiet: true, withEncoder: false)
    let path = try QueryLogLocation.path(queryLog, index: index)
    let log = try QueryLogLocation.read(path)
    var settings = IntentTrainer.Settings.standard
    settings.epochs = epochs
    settings.bucketBits = bucketBits
    let (evaluation, _) = try IntentTrainer.evaluate(log: log, reader: engine.reader, settings: settings, heldOutShare: heldOut)
    print("query log: \(log.searches.count) searches (\(path)); index: \(engine.documentCount) documents")
    print(String(format: "intent: %d training and %d held-out examples, %d epochs, 2^%d buckets; trained in %.2f s",
                 evaluation.trainExamples, evaluation.testExamples, epochs, bucketBits, evaluation.trainSeconds))
    for head in [evaluation.category, evaluation.contentType] {
      print(String(format: "  %@ (%d held out): accuracy %.3f (majority \"%@\" %.3f), log-loss %.3f (class frequencies %.3f)",
                   head.field, head.examples, head.accuracy, head.majorityLabel, head.baselineAccuracy, head.logLoss,
                   head.baselineLogLoss))
    }
    let (model, trainSeconds) = try Self.timed { try IntentTrainer.train(log: log, reader: engine.reader, settings: settings) }
    print(String(format: "intent on every example: trained in %.2f s; %d + %d classes, %.1f MB of weights", trainSeconds,
                 model.category.labels.count, model.contentType.labels.count,
                 Double(8 * (model.category.weights.count + model.contentType.weights.count)) / 1_048_576))
    let queries = Array(Set(log.searches.map(\.query)).sorted().prefix(2000))
    var checksum = 0.0
    for query in queries { checksum += model.predict(query).category.top?.probability ?? 0 }
    var latencies: [Double] = []
    for query in queries {
      let start = DispatchTime.now().uptimeNanoseconds
      checksum += model.predict(query).category.top?.probability ?? 0
      latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    print("predict (both heads, with every logit's decomposition) over \(queries.count) distinct queries (ms): "
          + BenchIndexCommand.summary(latencies) + String(format: "  [%.1f]", checksum))

    let (dictionary, dictionarySeconds) = try Self.timed { try PhraseDictionary.build(reader: engine.reader, log: log) }
    let sources = Dictionary(grouping: dictionary.entries.values, by: \.source).mapValues(\.count)
    print(String(format: "phrases: %d (corpus %d, log %d, both %d); built in %.2f s", dictionary.entries.count,
                 sources[.corpus] ?? 0, sources[.log] ?? 0, sources[.both] ?? 0, dictionarySeconds))
    let detector = SegmentDetector(dictionary: dictionary)
    var shown = Set<String>()
    for search in log.searches where shown.count < examples && shown.insert(search.normalizedQuery).inserted {
      let segments = detector.segments(ofQuery: search.query)
      let text = segments.map { $0.isPhrase ? "[\($0.words.joined(separator: " "))]" : $0.words[0] }.joined(separator: " ")
      let prediction = model.predict(search.query)
      let category = prediction.category.top.map { String(format: "%@ %.2f", $0.label, $0.probability) } ?? "-"
      let type = prediction.contentType.top.map { String(format: "%@ %.2f", $0.label, $0.probability) } ?? "-"
      print("  \(text)  →  \(category); \(type)")
    }

    let (rules, miningSeconds) = Self.timed { SynonymMiner.mine(log: log) }
    print(String(format: "synonyms mined: %d rules in %.2f s", rules.count, miningSeconds))
    let strongest = rules.sorted { ($0.clickedSupport, $1.phrase.joined()) > ($1.clickedSupport, $0.phrase.joined()) }
    for rule in strongest.prefix(examples) {
      print(String(format: "  %@ → %@ (support %d, clicked %d, weight %.2f)", rule.phrase.joined(separator: " "),
                   rule.replacement.joined(separator: " "), rule.support, rule.clickedSupport, rule.weight))
    }
  }

  static func timed<Value>(_ work: () throws -> Value) rethrows -> (Value, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try work()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
}
