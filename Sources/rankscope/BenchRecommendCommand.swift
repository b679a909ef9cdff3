import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope bench recommend`: next-item quality on MovieLens (leave-last-out, full catalogue).
struct BenchRecommendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recommend",
    abstract: "Leave-last-out next-item HR@10 and nDCG@10 of popularity, Pixie walks and PureSVD embeddings on MovieLens.",
    discussion: """
      The MovieLens folder is converted (import-movielens), the movies are indexed through the normal importer,
      and the events are read back; each user's latest rating is held out, everything the user rated before is
      excluded from their candidates, and every other movie is ranked.

      Examples:
        rankscope bench recommend --movielens ../shared/data/ml-100k
        rankscope bench recommend --movielens ../shared/data/ml-100k --steps 200000 --beta 0.3
      """)

  @Option(help: "Folder holding the MovieLens atomic files (ml-100k.item/.user/.inter).")
  var movielens: String

  @Option(help: "Working folder for the converted files and the index (default: a temporary folder).")
  var work: String?

  @Option(help: "Pixie's total steps N per user.")
  var steps = 100_000

  @Option(help: "Pixie's restart probability α.")
  var alpha = 0.5

  @Option(help: "Pixie's degree exponent β (visits / degree^β).")
  var beta = 0.5

  @Option(help: "How many of the user's latest items the walks start from.")
  var recent = 10

  @Flag(help: "Walk steps pick neighbours uniformly instead of by edge weight.")
  var uniform = false

  @Option(help: "PureSVD dimension.")
  var dimension = 32

  @Option(help: "Walk seed.")
  var seed: UInt64 = 1

  func run() throws {
    let folder = work ?? FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-movielens-\(getpid())").path
    let converted = try MovieLensConverter.convert(directory: movielens)
    try MovieLensConverter.write(converted, to: folder)
    let base = URL(fileURLWithPath: folder)
    let schema = try IndexBuild.readSchema(path: base.appendingPathComponent("schema.json").path)
    let indexPath = base.appendingPathComponent("index").path
    let report = try IndexBuild.run(documentsPath: base.appendingPathComponent("movies.jsonl").path, schema: schema,
                                    mode: .strict, output: indexPath)
    let engine = try SearchEngine.open(directory: URL(fileURLWithPath: indexPath))
    let log = try EngagementLog.read(path: base.appendingPathComponent("events.jsonl").path)
    let weights = UserModelSettings.standard
    var userNumbers: [String: Int] = [:]
    var interactions: [LeaveLastOutSplit.Interaction] = []
    for event in log.events where event.action != .hide {
      guard let document = try engine.reader.documentNumber(forId: event.document) else {
        throw CommandFailure("\(log.file):\(event.line): unknown movie \(event.document)")
      }
      let user = userNumbers[event.user] ?? userNumbers.count
      userNumbers[event.user] = user
      interactions.append(.init(user: user, document: document, timestamp: event.timestamp,
          weight: weights.actionWeight(event.action)))
    }
    print("MovieLens: \(report.documentCount) movies indexed, \(userNumbers.count) users, \(interactions.count) events "
          + "(saves: rating ≥ 4, weight \(JSONWriter.format(weights.saveWeight)); "
          + "clicks weight \(JSONWriter.format(weights.clickWeight)))")
    var evaluation = NextItemEvaluation()
    evaluation.pixie = PixieSettings(totalSteps: steps, restartProbability: alpha, visitThreshold: 1_000_000,
                                     highlyVisitedCount: 1_000_000, degreeExponent: beta, weightedSteps: !uniform, seed: seed)
    evaluation.recentCount = recent
    evaluation.dimension = dimension
    let results = try evaluation.run(interactions, documentCount: engine.documentCount)
    print("leave-last-out over the full catalogue, \(results.first?.metrics.users ?? 0) users:")
    print("recommender   HR@10   NDCG@10   seconds  parameters")
    for result in results {
      print(result.name.padding(toLength: 12, withPad: " ", startingAt: 0)
            + String(format: "  %.4f  %.4f  %7.2f  ", result.metrics.hitRate, result.metrics.ndcg,
                result.seconds) + result.parameters)
    }
    if let baseline = results.first {
      let ids = evaluation.users.map(String.init)
      for result in results.dropFirst() {
        let comparison = try PairedComparison(queryIds: ids, a: baseline.ranks.map { NextItemMetrics.ndcg(rank: $0, k: 10) },
                                              b: result.ranks.map { NextItemMetrics.ndcg(rank: $0, k: 10) })
        print("\(result.name) − popularity, nDCG@10: " + String(format: "%+.4f", comparison.meanDifference)
              + String(format: " (95%% bootstrap CI %+.4f … %+.4f)", comparison.confidenceInterval.lowerBound,
                  comparison.confidenceInterval.upperBound)
              + ", randomization \(comparison.pValueLabel), "
              + "users better/worse/tied \(comparison.wins)/\(comparison.losses)/\(comparison.ties)")
      }
    }
    if work == nil { try? FileManager.default.removeItem(atPath: folder) }
  }
}
