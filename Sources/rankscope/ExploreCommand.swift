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
        rankscope explore --record demo.session      (then: rankscope replay demo.session)
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

  @Option(help: ArgumentHelp("Record what you do to this session file (JSON Lines) for `rankscope replay`.",
                              valueName: "file"))
  var record: String?

  func run() throws {
    try Explorer.checkTerminal()
    let setup = try ExplorerSetup.open(index: index, profileOptions: profileOptions)
    let loadedTheme = try ExplorerSetup.theme(named: theme, directory: themeDirectory)
    let recorder = try record.map { path in
      let folders = profileOptions.profileFolders.map(Self.absolutePath)
      let header = SessionHeader(width: 0, height: 0, profile: profileOptions.profile, query: query,
                                 index: index.map(Self.absolutePath), profileFolders: folders)
      return try SessionRecorder(path: path, header: header)
    }
    try Explorer.run(service: setup.engine, theme: loadedTheme, initialQuery: query, profiles: setup.profiles,
                     profileProblems: setup.problems, initialProfile: profileOptions.profile, recorder: recorder)
    if let failure = recorder?.failure { FileHandle.standardError.write(Data("rankscope: \(failure)\n".utf8)) }
  }

  /// `path` made absolute against the current directory, so a session replays from anywhere.
  static func absolutePath(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }
}
