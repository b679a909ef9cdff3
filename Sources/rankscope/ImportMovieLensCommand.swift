import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope import-movielens`: MovieLens (RecBole atomic files) → JSON Lines the normal importers read.
struct ImportMovieLensCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import-movielens",
    abstract: "Convert MovieLens (RecBole atomic files) into movies, users and events JSON Lines and a schema.",
    discussion: """
      Movies become documents (title; year, numeric; genres, keywords), ratings engagement events (a rating of
      4 or more is a save, others a click; time order), users users. Then index the movies as any documents.

      Examples:
        rankscope import-movielens --movielens ../shared/data/ml-100k --out ml
        rankscope index build --documents ml/movies.jsonl --schema ml/schema.json --out ml/index
      """)

  @Option(help: "Folder holding ml-100k.item, ml-100k.user and ml-100k.inter.")
  var movielens: String

  @Option(help: "File-name prefix of the atomic files.")
  var prefix = "ml-100k"

  @Option(help: "Folder to write movies.jsonl, users.jsonl, events.jsonl and schema.json into.")
  var out: String

  func run() throws {
    let output = try MovieLensConverter.convert(directory: movielens, prefix: prefix)
    try MovieLensConverter.write(output, to: out)
    print("wrote \(output.counts.movies) movies, \(output.counts.users) users and \(output.counts.events) events to \(out)")
  }
}
