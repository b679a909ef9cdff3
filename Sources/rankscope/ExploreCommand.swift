import ArgumentParser
import Foundation
import RankscopeEngine
import RankscopeTerminal
import RankscopeUI

/// `rankscope` (or `rankscope explore`): the live explorer.
struct ExploreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explore",
    abstract: "Open the explorer: results and their score breakdown, live as you type.",
    discussion: """
      With no --index, opens the bundled sample world, building its index on the first run. Press ? in the
      explorer for every key.

      Rank profiles are read from --profiles folders and, for the sample index, SampleData/profiles: F3 cycles
      through them, F4 lists them. Files that cannot be used are listed there with their errors.

      Examples:
        rankscope
        rankscope explore --query "linen dress" --theme light
        rankscope explore --index my-index --profiles my-profiles --profile my-profile
      """)

  @Option(help: "Index directory (default: the sample world's index).")
  var index: String?

  @Option(help: "Colour theme: a name from Themes/ (dark, light) or a path to a theme file.")
  var theme = "dark"

  @Option(help: "Folder holding theme files (default: ./Themes or the one beside the executable).")
  var themeDirectory: String?

  @Option(help: "Start with this query.")
  var query: String?

  @OptionGroup var profileOptions: ProfileOptions

  func run() throws {
    try Explorer.checkTerminal()
    var engine = try Locations.openIndex(index)
    let loadedTheme = try Theme.load(named: theme, searchPaths: themeSearchPaths())
    let library = profileOptions.library(schema: engine.schema, index: index)
    var problems = library.problems.map(\.description)
    // Click features read the query log: load it when a profile's L1 stage weights one.
    if library.profiles.contains(where: { ProfileOptions.readsQueryLog($0, schema: engine.schema) }),
       let path = profileOptions.queryLogPath(index: index) {
      do {
        let log = try QueryLogStatistics.read(path: path)
        var reason: String?
        if case .off(let why) = engine.semanticStatus { reason = why }
        engine = SearchEngine(reader: engine.reader, embedder: engine.embedder, embedderUnavailableReason: reason, queryLog: log)
      } catch {
        problems.append("\(error) (the query log: click features read 0)")
      }
    }
    try Explorer.run(service: engine, theme: loadedTheme, initialQuery: query, profiles: library.profiles,
                     profileProblems: problems, initialProfile: profileOptions.profile)
  }

  private func themeSearchPaths() -> [URL] {
    var paths: [URL] = []
    if let themeDirectory { paths.append(URL(fileURLWithPath: themeDirectory)) }
    if let fromEnvironment = ProcessInfo.processInfo.environment["RANKSCOPE_THEMES"] {
      paths.append(URL(fileURLWithPath: fromEnvironment))
    }
    return paths + Locations.candidates(named: "Themes")
  }
}
