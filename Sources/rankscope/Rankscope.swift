import ArgumentParser

/// The `rankscope` command: the explorer by default, and subcommands for scripts.
@main
struct Rankscope: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rankscope",
    abstract: "A terminal search explorer: ranked results and an exact score breakdown, live as you type.",
    discussion: """
      With no subcommand, opens the explorer on the bundled sample world (building its index on first run).

      Examples:
        rankscope                                   # explore the sample world
        rankscope search "rustic kitchen" --explain
        rankscope index build --documents docs.jsonl --schema schema.json --out my-index
        rankscope eval --index my-index --queries queries.jsonl --qrels qrels.txt
        rankscope train --svmlight train.txt --test test.txt --trees 100 --leaves 31 --learning-rate 0.1 --out ranker.json
      """,
    version: "0.1.0",
    subcommands: [ExploreCommand.self, SearchCommand.self, IndexCommand.self, EvalCommand.self, CompareCommand.self, SampleCommand.self,
                  ReplayCommand.self, BenchCommand.self, EmbedCommand.self, FeaturesCommand.self, TrainCommand.self,
                  UsersCommand.self, JudgmentsStressCommand.self, ImportMovieLensCommand.self, RecommendCommand.self,
                  RelatedCommand.self, SpellCommand.self, CompleteCommand.self, RefineCommand.self],
    defaultSubcommand: ExploreCommand.self)
}
