import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope train`: a LambdaMART ranker (gradient-boosted trees, LightGBM-style) from SVMlight files or from
/// the query log's clicks.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train a learned ranker (LambdaMART) on SVMlight/LETOR data or on the query log's clicks, and write the model.",
    discussion: """
      With --svmlight, rows are 'label qid:Q index:value ...', grouped by query; labels are grades 0-30. Trees are grown
      leaf-wise on quantile bins with LambdaRank gradients as LightGBM's lambdarank does (truncation 30,
      normalised lambdas, gain 2^label - 1). Prints the binning and training times and nDCG@10 on the training
      file and, with --test, on the test file (gain 2^rel - 1, discount 1/log2(rank + 1), ideal from all judged
      documents, ties in file order, queries without a relevant document count 0).

      Examples:
        rankscope train --svmlight train.txt --test test.txt --trees 100 --leaves 31 --learning-rate 0.1 --out ranker.json
        rankscope train --svmlight ../shared/data/mslr5k/msn1.fold1.train.5k.txt \\
          --test ../shared/data/mslr5k/msn1.fold1.test.5k.txt --trees 300 --leaves 63 --learning-rate 0.05 \\
          --min-data-in-leaf 50 --bins 63 --out mslr.model.json
        rankscope train --svmlight train.txt --trees 200 --leaves 15 --learning-rate 0.1 \\
          --feature-fraction 0.8 --bagging-fraction 0.7 --seed 7 --out bagged.json

      With --clicks, the rows come from the query log (--query-log, the sample world's by default): examination
      propensities per rank are estimated from documents the log shows at several ranks for the same query
      (intervention harvesting, Agarwal et al. WSDM 2019); each search with a click is a query group whose rows
      are the candidates --profile hands its L2 stage (features as `rankscope features` computes them), clicked
      candidates labelled 1 and weighted 1/max(propensity of the rank shown, --propensity-clip), the others 0
      (Joachims et al. WSDM 2017). Searches of held-out judged queries (the test split) are left out, and when
      judgments exist the model's nDCG@10 on those queries' candidates is printed.

        rankscope train --clicks --profile hybrid-l1 --trees 300 --leaves 31 --learning-rate 0.05 --out clicks.json
        rankscope train --clicks --no-position-correction --profile hybrid-l1 --trees 300 --leaves 31 \\
          --learning-rate 0.05 --out clicks-biased.json
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

  @Option(help: "Training data, SVMlight/LETOR text.")
  var svmlight: String?

  @Flag(help: "Train on the query log's clicks (with --profile) instead of --svmlight.")
  var clicks = false

  @OptionGroup var profileOptions: ProfileOptions

  @Option(help: "Index directory, with --clicks (default: the sample world's index).")
  var index: String?

  @Option(help: "Sentence-encoder model directory, with --clicks (default: RANKSCOPE_MODEL_DIR or models/all-MiniLM-L6-v2).")
  var model: String?

  @Option(help: "With --clicks: judged queries, JSON Lines {\"id\", \"text\"}, whose held-out quarter is excluded and evaluated (default: the sample world's for the sample index).")
  var queries: String?

  @Option(help: "With --clicks: judgments of --queries, TREC qrels (default: the sample world's for the sample index).")
  var qrels: String?

  @Option(help: "With --clicks: least propensity a click is divided by (bounds the weights).")
  var propensityClip = PositionPropensities.defaultClip

  @Flag(help: "With --clicks: weigh every click 1 (no position-bias correction), for comparison.")
  var noPositionCorrection = false

  @Option(help: "With --clicks: use at most this many searches (an evenly spread subset of the log).")
  var maxSearches: Int?

  @Option(help: "With --clicks: the earliest share of the log that feeds the click features of the training rows; only later searches become rows (0: the whole log does both, and the click features leak the labels).")
  var historyFraction = 0.5

  @Option(help: "Test data, SVMlight/LETOR text, to report nDCG@10 on.")
  var test: String?

  @Option(help: "Boosting iterations (trees).")
  var trees: Int

  @Option(help: "Most leaves per tree.")
  var leaves: Int

  @Option(help: "Learning rate (shrinkage of every tree).")
  var learningRate: Double

  @Option(help: "Least rows in a leaf.")
  var minDataInLeaf = 20

  @Option(help: "Least hessian sum in a leaf.")
  var minSumHessianInLeaf = 1e-3

  @Option(help: "L2 regularisation of leaf values.")
  var lambdaL2 = 0.0

  @Option(help: "Most bins per feature (2-256).")
  var bins = 255

  @Option(help: "Share of features each tree may split on.")
  var featureFraction = 1.0

  @Option(help: "Share of queries each tree is grown on.")
  var baggingFraction = 1.0

  @Option(help: "Seed of the feature and query sampling.")
  var seed: UInt64 = 1

  @Option(help: "Model file to write (JSON).")
  var out: String

  @Option(help: "Output format: table or json.")
  var format: Format = .table

  func validate() throws {
    guard (svmlight != nil) != clicks else { throw ValidationError("give exactly one of --svmlight FILE and --clicks") }
    if clicks {
      guard profileOptions.profile != nil else { throw ValidationError("--clicks needs the profile whose candidates to train on: --profile NAME") }
      guard test == nil else { throw ValidationError("--test applies with --svmlight; --clicks evaluates on the held-out judged queries") }
      guard propensityClip > 0, propensityClip <= 1 else { throw ValidationError("--propensity-clip must be in (0, 1]") }
      if let maxSearches, maxSearches < 1 { throw ValidationError("--max-searches must be at least 1") }
      guard historyFraction >= 0, historyFraction < 1 else { throw ValidationError("--history-fraction must be in [0, 1)") }
    } else {
      let clickOnly = [(profileOptions.profile != nil, "--profile"), (!profileOptions.profileFolders.isEmpty, "--profiles"),
                       (profileOptions.queryLog != nil, "--query-log"), (index != nil, "--index"), (model != nil, "--model"),
                       (queries != nil, "--queries"), (qrels != nil, "--qrels"), (noPositionCorrection, "--no-position-correction"),
                       (maxSearches != nil, "--max-searches"), (historyFraction != 0.5, "--history-fraction"), (propensityClip != PositionPropensities.defaultClip, "--propensity-clip")]
      if let (_, name) = clickOnly.first(where: { $0.0 }) { throw ValidationError("\(name) applies with --clicks only") }
    }
  }

  func run() throws {
    let parameters = try trainingParameters()
    if clicks { try ClickTraining(command: self, parameters: parameters).run() } else { try runSVMLight(svmlight!, parameters: parameters) }
  }

  /// The trainer's settings from the options.
  private func trainingParameters() throws -> LambdaMARTTrainer.Parameters {
    var parameters = LambdaMARTTrainer.Parameters()
    parameters.trees = trees
    parameters.leaves = leaves
    parameters.learningRate = learningRate
    parameters.minimumDataInLeaf = minDataInLeaf
    parameters.minimumSumHessianInLeaf = minSumHessianInLeaf
    parameters.lambdaL2 = lambdaL2
    parameters.maximumBins = bins
    parameters.featureFraction = featureFraction
    parameters.baggingFraction = baggingFraction
    parameters.seed = seed
    if let problem = parameters.problem { throw ValidationError(problem) }
    return parameters
  }

  /// Trains on an SVMlight file.
  private func runSVMLight(_ svmlight: String, parameters: LambdaMARTTrainer.Parameters) throws {
    let clock = ContinuousClock()
    let readStart = clock.now
    let training = try SVMLightFile.read(path: svmlight)
    guard training.rowCount > 0 else { throw CommandFailure("\(svmlight): no rows") }
    var testData: SVMLightFile?
    if let test {
      let data = try SVMLightFile.read(path: test, minimumFeatureCount: training.featureCount)
      guard data.rowCount > 0 else { throw CommandFailure("\(test): no rows") }
      testData = data
    }
    let readSeconds = seconds(clock.now - readStart)
    let table = format == .table
    if table {
      var line = "train \(svmlight): \(training.rowCount) rows, \(training.queryCount) queries, \(training.featureCount) features"
      if let testData, let test { line += "; test \(test): \(testData.rowCount) rows, \(testData.queryCount) queries" }
      print(line + String(format: " (read in %.2f s)", readSeconds))
    }
    // A `rankscope features` log names its features on its first line; the model keeps the names, so a rank
    // profile can compute the same features for its L2 stage.
    var featureNames: [String]?
    if let handle = FileHandle(forReadingAtPath: svmlight) {
      let head = String(decoding: handle.readData(ofLength: 64 * 1024), as: UTF8.self)
      try? handle.close()
      if let first = head.split(separator: "\n", maxSplits: 1).first, let names = FeatureLog.featureNames(header: String(first)) {
        guard names.count >= training.featureCount else {
          throw CommandFailure("\(svmlight): the header names \(names.count) features, the rows use \(training.featureCount)")
        }
        featureNames = Array(names.prefix(training.featureCount))
      }
    }
    if table, let featureNames { print("features named by the header: \(featureNames.count)") }
    let report = try LambdaMARTTrainer(parameters: parameters).train(on: training, featureNames: featureNames)
    try report.model.save(path: out)
    let trainNDCG = RankingMetrics.meanExponentialGainNDCG(scores: report.trainingScores, grades: training.labels,
                                                           queryBoundaries: training.queryBoundaries, cutoff: 10)
    var testNDCG: Double?
    if let testData {
      let scores = report.model.predict(rows: testData.features, columns: testData.featureCount)
      testNDCG = RankingMetrics.meanExponentialGainNDCG(scores: scores, grades: testData.labels,
                                                        queryBoundaries: testData.queryBoundaries, cutoff: 10)
    }
    let treeCount = report.model.trees.count
    if table {
      print(String(format: "binning: %.3f s", report.binningSeconds)
              + " (\(report.usableFeatureCount) of \(training.featureCount) features can split)")
      let perTree = treeCount > 0 ? 1000 * report.boostingSeconds / Double(treeCount) : 0
      print(String(format: "training: %.3f s", report.boostingSeconds) + " (\(treeCount) trees, "
              + String(format: "%.2f ms/tree)", perTree)
              + (treeCount < trees ? "; stopped early: no leaf could be split" : ""))
      print(String(format: "train nDCG@10: %.4f", trainNDCG))
      if let testNDCG { print(String(format: "test nDCG@10: %.4f", testNDCG)) }
      print("model: \(out)")
    } else {
      var members = [
        JSONMember("trainRows", .number(Double(training.rowCount))),
        JSONMember("trainQueries", .number(Double(training.queryCount))),
        JSONMember("features", .number(Double(training.featureCount))),
        JSONMember("trees", .number(Double(treeCount))),
        JSONMember("binningSeconds", .number(report.binningSeconds)),
        JSONMember("trainingSeconds", .number(report.boostingSeconds)),
        JSONMember("trainNDCG@10", .number(trainNDCG)),
      ]
      if let testNDCG { members.append(JSONMember("testNDCG@10", .number(testNDCG))) }
      members.append(JSONMember("model", .string(out)))
      print(JSONWriter.string(.object(members)))
    }
  }

  func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }
}
