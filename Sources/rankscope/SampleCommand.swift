import ArgumentParser
import Foundation
import RankscopeSampleWorld

/// `rankscope sample`: the bundled sample world.
struct SampleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sample",
    abstract: "Generate the sample world (pins, users, engagement, query log, judgments).",
    discussion: """
      Examples:
        rankscope sample generate --seed 42 --out SampleData
      """,
    subcommands: [Generate.self])

  /// `rankscope sample generate`.
  struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a deterministic, seeded sample world into a directory.",
      discussion: """
        The same seed always gives byte-identical files. The bundled SampleData/ was made with seed 42.

        Examples:
          rankscope sample generate --seed 42 --out SampleData
          rankscope sample generate --seed 7 --out /tmp/world --pins 5000
        """)

    @Option(help: "Random seed.")
    var seed: UInt64 = 42

    @Option(help: "Directory to write.")
    var out: String

    @Option(help: "Number of pins.")
    var pins = SampleWorldConfiguration().pinCount

    @Option(help: "Number of users.")
    var users = SampleWorldConfiguration().userCount

    func validate() throws {
      guard pins > 0, users > 0 else { throw ValidationError("--pins and --users must be positive") }
    }

    func run() throws {
      var configuration = SampleWorldConfiguration(seed: seed)
      configuration.pinCount = pins
      configuration.userCount = users
      var bar = ProgressBar()
      try SampleWorldGenerator(configuration: configuration).write(to: URL(fileURLWithPath: out)) {
        bar.update(stage: $0, fraction: $1)
      }
      bar.finish(message: "Sample world (seed \(seed)) written to \(out)")
    }
  }
}
