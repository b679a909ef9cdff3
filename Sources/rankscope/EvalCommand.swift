import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope eval`: trec_eval-style metrics of an index's BM25F ranking against judgments.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Evaluate ranking quality: nDCG@10, MAP, Recall@100, MRR@10, P@10, ERR@10 and judged@10 over judged queries.",
    discussion: """
      Metrics follow trec_eval's definitions: grades above 0 are relevant, nDCG gains are the grades,
      the run is ordered by score (ties by document id, descending), and every metric is averaged over
      the queries that have at least one relevant judgment. ERR@10 (Chapelle et al. 2009) takes the qrels'
      largest grade as the top of the scale; judged@10 is the share of the first 10 documents with any judgment.

      Examples:
        rankscope eval                              # the sample world's judgments
        rankscope eval --index cacm-index --queries queries.jsonl --qrels qrels.tsv --run-out cacm.run
        rankscope eval --retrieval hybrid                    # BM25F + text embedding, fused (RRF, k = 60)
        rankscope eval --retrieval hybrid --fusion weighted --normalization zscore --fusion-depth 200
        rankscope eval --profile hybrid-diverse              # a rank profile (SampleData/profiles or --profiles DIR)
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

  @Option(help: "Index directory (default: the sample world's index).")
  var index: String?

  @Option(help: "Write the run in TREC format to this file.")
  var runOut: String?

  @Option(help: "Documents retrieved per query.")
  var depth = 1000

  @Option(help: "Output format: table or json.")
  var format: Format = .table

  @Flag(help: "Also print each query's figures.")
  var perQuery = false

  @Option(help: "Retrieval: lexical (BM25F), semantic (exact cosine over text embeddings) or hybrid (both, fused); the last two need the model.")
  var retrieval: RetrievalMode = .lexical

  @OptionGroup var fusionOptions: FusionOptions

  @Option(help: "Hybrid: candidates each generator hands to fusion (default: the schema's, else 100; at least --depth).")
  var fusionDepth: Int?

  @Option(help: "Sentence-encoder model directory (default: RANKSCOPE_MODEL_DIR or models/all-MiniLM-L6-v2).")
  var model: String?

  @OptionGroup var profileOptions: ProfileOptions

  @OptionGroup var judgmentOptions: JudgmentOptions

  @OptionGroup var userOptions: UserOptions

  @OptionGroup var understandingOptions: UnderstandingOptions

  func validate() throws {
    if profileOptions.profile != nil, retrieval != .lexical || fusionOptions.isGiven || fusionDepth != nil {
      throw ValidationError("--profile replaces --retrieval and the fusion options (the profile declares them)")
    }
  }

  func run() throws {
    let opened = try Locations.openIndex(index, quiet: format == .json, modelPath: model,
                                         withEncoder: profileOptions.profile == nil && retrieval.needsEmbedding)
    let (profile, engine) = try profileOptions.resolve(engine: opened, index: index, modelPath: model, quiet: format == .json)
    let fusion = try fusionOptions.settings(schema: engine.schema, depth: fusionDepth, retrieval: retrieval)
    let (chosenQueries, chosenJudgments) = try judgmentOptions.load()
    var evaluator = Evaluator(engine: engine, depth: depth, retrieval: retrieval, fusion: fusion, profile: profile)
    evaluator.user = try userOptions.context(engine: engine, index: index, quiet: format == .json)
    evaluator.understanding = try understandingOptions.install(on: engine, index: index)
    let summary = try evaluator.evaluate(queries: chosenQueries, judgments: chosenJudgments)
    if let runOut {
      try SafeFile.write(summary.runLines.joined(separator: "\n") + "\n", to: runOut)
    }
    switch format {
    case .json:
      print(JSONWriter.string(.object([
        JSONMember("queries", .number(Double(summary.queries.count))),
        JSONMember("nDCG@10", .number(round4(summary.ndcgAt10))),
        JSONMember("MAP", .number(round4(summary.meanAveragePrecision))),
        JSONMember("Recall@100", .number(round4(summary.recallAt100))),
        JSONMember("MRR@10", .number(round4(summary.meanReciprocalRankAt10))),
        JSONMember("P@10", .number(round4(summary.precisionAt10))),
        JSONMember("ERR@10", .number(round4(summary.expectedReciprocalRankAt10))),
        JSONMember("judged@10", .number(round4(summary.judgedAt10))),
      ])))
    case .table:
      print("judged queries: \(summary.queries.count)")
      print(String(format: "nDCG@10 %.4f | MAP %.4f | Recall@100 %.4f | MRR@10 %.4f | P@10 %.4f", summary.ndcgAt10,
                   summary.meanAveragePrecision, summary.recallAt100, summary.meanReciprocalRankAt10, summary.precisionAt10))
      print(String(format: "ERR@10 %.4f | judged@10 %.4f", summary.expectedReciprocalRankAt10, summary.judgedAt10))
      if perQuery {
        for query in summary.queries {
          print(String(format: "  %@  nDCG@10 %.4f  AP %.4f  R@100 %.4f  RR@10 %.4f  ERR@10 %.4f  judged@10 %.4f",
                       query.queryId, query.ndcgAt10, query.averagePrecision, query.recallAt100, query.reciprocalRankAt10,
                       query.expectedReciprocalRankAt10, query.judgedAt10))
        }
      }
    }
  }

  private func round4(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

/// Writes text files safely with the engine's `AtomicFile`: a temporary file beside the target, synced, then renamed over it.
enum SafeFile {
  static func write(_ text: String, to path: String) throws {
    do throws(IndexError) { try AtomicFile.write(Array(text.utf8), to: path) } catch { throw CommandFailure("\(error)") }
  }
}
