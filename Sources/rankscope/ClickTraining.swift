import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope train --clicks`: propensities from the query log, IPS-weighted click rows of a profile's candidates,
/// LambdaMART, and nDCG@10 on the held-out judged queries.
struct ClickTraining {
  let command: TrainCommand
  let parameters: LambdaMARTTrainer.Parameters

  func run() throws {
    let clock = ContinuousClock()
    let table = command.format == .table
    let opened = try Locations.openIndex(command.index, quiet: !table, modelPath: command.model, withEncoder: true)
    let (resolved, engine) = try command.profileOptions.resolve(engine: opened, index: command.index, modelPath: command.model,
                                                                quiet: !table, needsQueryLog: true)
    guard let profile = resolved else { throw CommandFailure("no profile") }
    guard let logPath = command.profileOptions.queryLogPath(index: command.index) else {
      throw CommandFailure("--clicks needs a query log: --query-log FILE")
    }
    let log: QueryLog
    do { log = try QueryLog.read(path: logPath) } catch { throw CommandFailure("cannot read the query log: \(error)") }
    if table { print("query log \(logPath): \(log.searches.count) searches, \(log.searches.filter { !$0.clicked.isEmpty }.count) with a click") }

    // Position bias.
    var propensities: PositionPropensities?
    if !command.noPositionCorrection {
      do { propensities = try PropensityEstimator.estimate(log: log) } catch { throw CommandFailure("\(error)") }
      if table, let propensities { printPropensities(propensities) }
    } else if table {
      print("position correction: off (every click weighs 1)")
    }

    // Held-out judged queries: excluded from training, evaluated after.
    let heldOut = try heldOutQueries()
    var options = ClickTrainingSet.Options()
    options.propensityClip = command.propensityClip
    options.maximumSearches = command.maxSearches
    options.excludedQueries = Set((heldOut?.queries ?? []).map { QueryLogStatistics.normalize($0.text) })

    // Labels from the later searches, click features from the earlier ones (no label leakage).
    var labelled = log
    var featureEngine = engine
    if command.historyFraction > 0 {
      let (history, later) = log.split(historyFraction: command.historyFraction)
      labelled = later
      featureEngine = SearchEngine(reader: engine.reader, embedder: engine.embedder,
                                   embedderUnavailableReason: engine.embedder == nil ? engine.semanticStatus.description : nil,
                                   queryLog: QueryLogStatistics(log: history))
      if table {
        print("click features of the training rows from the earliest \(history.searches.count) searches; rows from the later \(later.searches.count)")
      }
    } else if table {
      print("click features of the training rows from the whole log, which also gives the labels (--history-fraction 0: they leak)")
    }
    let featuresStart = clock.now
    let profileFeatures = try ProfileFeatures(engine: featureEngine, profile: profile)
    var bar = ProgressBar(enabled: table && isatty(STDERR_FILENO) != 0)
    let set = try ClickTrainingSet.build(log: labelled, features: profileFeatures, propensities: propensities, options: options) {
      bar.update(stage: "candidates", fraction: $1 == 0 ? 1 : Double($0) / Double($1))
    }
    let featureSeconds = command.seconds(clock.now - featuresStart)
    if table {
      bar.finish(message: "candidates and features computed")
      print("searches: \(set.searchesUsed) used; skipped \(set.searchesWithoutClickedCandidates) (no clicked document among the \(profile.name) candidates), "
              + "\(set.searchesExcluded) held-out queries, \(set.searchesWithoutClicks) without a click"
              + (set.searchesBeyondLimit > 0 ? ", \(set.searchesBeyondLimit) beyond --max-searches" : ""))
      print("clicks: \(set.clicksUsed) on candidates, \(set.clicksMissed) on other documents in used searches")
      print("train: \(set.data.rowCount) rows, \(set.data.queryCount) searches, \(set.distinctQueries) distinct queries, \(set.data.featureCount) features"
              + String(format: " (candidates and features in %.1f s)", featureSeconds))
    }
    guard set.data.rowCount > 0 else { throw CommandFailure("no search has a clicked document among the candidates of \(profile.name)") }
    let report = try LambdaMARTTrainer(parameters: parameters).train(on: set.data, featureNames: set.featureNames,
                                                                    rowWeights: set.rowWeights)
    try report.model.save(path: command.out)

    // nDCG@10 of the held-out judged queries' candidates: the model's order and L1's.
    var evaluation: (queries: Int, model: Double, l1: Double)?
    if let heldOut {
      let data = try FeatureLog.dataset(engine: engine, profile: profile, queries: heldOut.queries, judgments: heldOut.judgments)
      if data.queryCount > 0 {
        let scores = report.model.predict(rows: data.features, columns: data.featureCount)
        let l1Order = (0..<data.rowCount).map { -Double($0) }
        evaluation = (data.queryCount,
                      RankingMetrics.meanExponentialGainNDCG(scores: scores, grades: data.labels,
                                                             queryBoundaries: data.queryBoundaries, cutoff: 10),
                      RankingMetrics.meanExponentialGainNDCG(scores: l1Order, grades: data.labels,
                                                             queryBoundaries: data.queryBoundaries, cutoff: 10))
      }
    }
    let treeCount = report.model.trees.count
    if table {
      print(String(format: "binning: %.3f s", report.binningSeconds)
              + " (\(report.usableFeatureCount) of \(set.data.featureCount) features can split)")
      print(String(format: "training: %.3f s", report.boostingSeconds) + " (\(treeCount) trees"
              + (treeCount < command.trees ? "; stopped early: no leaf could be split)" : ")"))
      if let evaluation {
        print(String(format: "held-out nDCG@10: %.4f", evaluation.model)
                + String(format: " (%d test-split judged queries, %@ candidates; their L1 order: %.4f)",
                         evaluation.queries, profile.name, evaluation.l1))
      } else {
        print("held-out nDCG@10: not computed (no judged queries; give --queries and --qrels)")
      }
      print("model: \(command.out)")
    } else {
      var members: [JSONMember] = []
      if let propensities {
        members.append(JSONMember("propensities", .array(propensities.ranks.map { rank in
          var rankMembers = [JSONMember("rank", .number(Double(rank.rank))), JSONMember("propensity", .number(rank.propensity)),
                             JSONMember("evidence", .number(Double(rank.evidence))),
                             JSONMember("weight", .number(propensities.weight(rank: rank.rank, clip: command.propensityClip)))]
          if let borrowed = rank.borrowedFrom { rankMembers.append(JSONMember("borrowedFrom", .number(Double(borrowed)))) }
          return .object(rankMembers)
        })))
        members.append(JSONMember("harvestedPairs", .number(Double(propensities.harvestedPairs))))
      }
      members += [
        JSONMember("positionCorrection", .bool(propensities != nil)),
        JSONMember("propensityClip", .number(command.propensityClip)),
        JSONMember("historyFraction", .number(command.historyFraction)),
        JSONMember("searchesUsed", .number(Double(set.searchesUsed))),
        JSONMember("searchesSkipped", .number(Double(set.searchesWithoutClickedCandidates))),
        JSONMember("searchesExcluded", .number(Double(set.searchesExcluded))),
        JSONMember("trainRows", .number(Double(set.data.rowCount))),
        JSONMember("features", .number(Double(set.data.featureCount))),
        JSONMember("trees", .number(Double(treeCount))),
        JSONMember("featureSeconds", .number(featureSeconds)),
        JSONMember("binningSeconds", .number(report.binningSeconds)),
        JSONMember("trainingSeconds", .number(report.boostingSeconds)),
      ]
      if let evaluation {
        members.append(JSONMember("heldOutQueries", .number(Double(evaluation.queries))))
        members.append(JSONMember("heldOutNDCG@10", .number(evaluation.model)))
        members.append(JSONMember("heldOutL1NDCG@10", .number(evaluation.l1)))
      }
      members.append(JSONMember("model", .string(command.out)))
      print(JSONWriter.string(.object(members)))
    }
  }

  /// The propensity table: rank, propensity, evidence and the click weight it gives.
  private func printPropensities(_ propensities: PositionPropensities) {
    print("position bias (intervention harvesting: \(propensities.harvestedPairs) (query, document) pairs shown at two ranks or more, "
            + "\(propensities.iterations) iterations\(propensities.converged ? "" : ", not converged")):")
    print("  rank  propensity  evidence  click weight")
    for rank in propensities.ranks {
      var line = String(format: "  %4d  %10.3f  %8d  %12.2f", rank.rank, rank.propensity, rank.evidence,
                        propensities.weight(rank: rank.rank, clip: command.propensityClip))
      if let borrowed = rank.borrowedFrom { line += "  (no evidence: rank \(borrowed)'s)" }
      print(line)
    }
  }

  /// The test split of the judged queries when judgments exist: --queries/--qrels, or the sample world's for the
  /// sample index; nil otherwise.
  private func heldOutQueries() throws -> (queries: [EvaluationQuery], judgments: Judgments)? {
    guard command.index == nil || (command.queries != nil && command.qrels != nil) else {
      if command.queries != nil || command.qrels != nil { throw CommandFailure("give both --queries and --qrels") }
      return nil
    }
    if command.queries == nil || command.qrels == nil, (try? Locations.sampleData()) == nil { return nil }
    return try JudgmentOptions.load(queries: command.queries, qrels: command.qrels, split: .test)
  }
}
