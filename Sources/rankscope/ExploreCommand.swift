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

      Examples:
        rankscope
        rankscope explore --query "linen dress" --theme light
        rankscope explore --index my-index
      """)

  @Option(help: "Index directory (default: the sample world's index).")
  var index: String?

  @Option(help: "Colour theme: a name from Themes/ (dark, light) or a path to a theme file.")
  var theme = "dark"

  @Option(help: "Folder holding theme files (default: ./Themes or the one beside the executable).")
  var themeDirectory: String?

  @Option(help: "Start with this query.")
  var query: String?

  func run() throws {
    try Explorer.checkTerminal()
    let engine = try Locations.openIndex(index)
    let loadedTheme = try Theme.load(named: theme, searchPaths: themeSearchPaths())
    try Explorer.run(service: engine, theme: loadedTheme, initialQuery: query)
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
