import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope features`: the feature vectors of a rank profile's candidates for judged queries, as SVMlight.
struct FeaturesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "features",
    abstract: "Log the feature vectors of a profile's candidates for judged queries (SVMlight), to train a ranker.",
    discussion: """
      Each judged query runs the profile up to its L2 stage (retrieval, fusion, L1); every candidate L1 hands on
      becomes a line `grade qid:Q 1:v 2:v … # docid` (unjudged documents are graded 0), features numbered from 1
      in the registry's order, which the first line names (`# rankscope features: bm25f …`). --split keeps the
      training three quarters or the held-out quarter of the judged queries (sorted by id, every fourth held out).

      Examples:
        rankscope features --profile hybrid --split train --out sample-train.svmlight
        rankscope features --profile hybrid --split test --out sample-test.svmlight
        rankscope train --svmlight sample-train.svmlight --test sample-test.svmlight --trees 300 --out model.json
        rankscope features --index my-index --queries q.jsonl --qrels qrels.txt --profile mine --profiles ./profiles --out f.svmlight
      """)

  @Option(help: "Index directory (default: the sample world's index).")
  var index: String?

  @Option(help: "Write the SVMlight lines here (written to a temporary file, then renamed).")
  var out: String

  @Option(help: "Sentence-encoder model directory (default: RANKSCOPE_MODEL_DIR or models/all-MiniLM-L6-v2).")
  var model: String?

  @OptionGroup var profileOptions: ProfileOptions

  @OptionGroup var judgmentOptions: JudgmentOptions

  @OptionGroup var userOptions: UserOptions

  @OptionGroup var understandingOptions: UnderstandingOptions

  func validate() throws {
    guard profileOptions.profile != nil else { throw ValidationError("name the profile whose candidates to log: --profile NAME") }
  }

  func run() throws {
    let opened = try Locations.openIndex(index, modelPath: model, withEncoder: true)
    let (resolved, engine) = try profileOptions.resolve(engine: opened, index: index, modelPath: model, quiet: false,
                                                              needsQueryLog: true)
    guard let profile = resolved else { throw CommandFailure("no profile") }
    let (chosen, judgments) = try judgmentOptions.load()
    let user = try userOptions.context(engine: engine, index: index, quiet: false)
    let understanding = try understandingOptions.install(on: engine, index: index)
    let lines = try FeatureLog.lines(engine: engine, profile: profile, queries: chosen, judgments: judgments, user: user,
                                     understanding: understanding)
    try SafeFile.write(lines.joined(separator: "\n") + "\n", to: out)
    print("\(lines.count - 1) candidates of \(Set(chosen.map(\.id)).intersection(judgments.judgedQueryIds).count) judged queries (\(judgmentOptions.split.rawValue)) written to \(out)")
  }
}
