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

      F7 puts a second ranker (B) beside the results; F9 compares A and B over every judged query. Rate the
      selected result 0–3 (keys 0–3 in the results, Alt-0…Alt-3 anywhere): ratings go to --qrels (TREC qrels,
      with new query texts in --queries) through a journal, so none is lost even if the program is killed. For
      the sample world they go to .rankscope/judgments/, which starts as a copy of SampleData/judgments. For
      another index without --qrels, ratings stay in memory.

      Examples:
        rankscope
        rankscope explore --query "linen dress" --theme light
        rankscope explore --index my-index --profiles my-profiles --profile my-profile
        rankscope explore --index my-index --queries my-queries.jsonl --qrels my-qrels.txt
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

  @Option(help: "Judged queries, JSON Lines {\"id\", \"text\"}; ratings of new query texts are added here (default: the sample world's copy).")
  var queries: String?

  @Option(help: "Judgments in TREC qrels form, shown beside results and where ratings are stored (default: the sample world's copy).")
  var qrels: String?

  @Option(help: "Synonyms file for query understanding (default for the sample index: SampleData/synonyms.txt).")
  var synonyms: String?

  @Option(help: "Personalize searches for this user (an id; F11 picks another, F12 shows their signals and history).")
  var user: String?

  @Option(help: ArgumentHelp("Record what you do to this session file (JSON Lines) for `rankscope replay`.",
                              valueName: "file"))
  var record: String?

  func run() throws {
    try Explorer.checkTerminal()
    var setup = try ExplorerSetup.open(index: index, profileOptions: profileOptions)
    let log = ExplorerSetup.queryLog(index: index, profileOptions: profileOptions)
    setup.problems += ExplorerSetup.installUnderstanding(on: setup.engine, index: index, log: log, synonyms: synonyms,
                                                         inBackground: true)
    let loadedTheme = try ExplorerSetup.theme(named: theme, directory: themeDirectory)
    let recorder = try record.map { path in
      let folders = profileOptions.profileFolders.map(Self.absolutePath)
      let header = SessionHeader(width: 0, height: 0, profile: profileOptions.profile, query: query,
                                 index: index.map(Self.absolutePath), profileFolders: folders, user: user)
      return try SessionRecorder(path: path, header: header)
    }
    let store = try ExplorerSetup.judgmentStore(queries: queries, qrels: qrels, index: index)
    defer { try? store?.compact() }
    let service = setup.guidedService(log: log, background: true)
    try Explorer.run(service: service, theme: loadedTheme, initialQuery: query, profiles: setup.profiles,
                     profileProblems: setup.problems, initialProfile: profileOptions.profile,
                     judgments: store?.set ?? JudgmentSet(), judgmentStorage: store?.qrelsPath,
                     saveJudgment: store.map { store in { try store.record($0) } }, users: setup.users,
                     initialUser: user, walker: setup.walker, recorder: recorder)
    if let failure = recorder?.failure { FileHandle.standardError.write(Data("rankscope: \(failure)\n".utf8)) }
  }

  /// `path` made absolute against the current directory, so a session replays from anywhere.
  static func absolutePath(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }
}
