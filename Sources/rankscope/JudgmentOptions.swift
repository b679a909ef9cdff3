import ArgumentParser
import RankscopeEngine

/// The judged queries `eval` and `features` read: a query file and TREC qrels (the sample world's by default),
/// and which part of them (`--split`).
struct JudgmentOptions: ParsableArguments {
  @Option(help: "Queries, JSON Lines {\"id\", \"text\"} (default: the sample world's).")
  var queries: String?

  @Option(help: "Judgments in TREC qrels form: qid 0 docid grade (default: the sample world's).")
  var qrels: String?

  @Option(help: "Which judged queries: all, train (three quarters) or test (the held-out quarter: sorted ids, every fourth).")
  var split: QuerySplit = .all

  /// The queries and judgments of the chosen split, read from the given files or the sample world's.
  func load() throws -> (queries: [EvaluationQuery], judgments: Judgments) {
    try Self.load(queries: queries, qrels: qrels, split: split)
  }

  /// The queries and judgments of `split`, read from the given files or the sample world's.
  static func load(queries: String?, qrels: String?, split: QuerySplit) throws -> (queries: [EvaluationQuery], judgments: Judgments) {
    var queriesPath = queries
    var qrelsPath = qrels
    if queriesPath == nil || qrelsPath == nil {
      let sampleData = try Locations.sampleData()
      queriesPath = queriesPath ?? sampleData.appendingPathComponent("judgments/queries.jsonl").path
      qrelsPath = qrelsPath ?? sampleData.appendingPathComponent("judgments/qrels.txt").path
    }
    return split.apply(queries: try EvaluationQuery.read(path: queriesPath!), judgments: try Judgments.read(path: qrelsPath!))
  }
}

extension QuerySplit: ExpressibleByArgument {}
