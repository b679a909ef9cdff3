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
    let store = try openJudgments()
    defer { try? store?.compact() }
    try Explorer.run(service: engine, theme: loadedTheme, initialQuery: query, profiles: library.profiles,
                     profileProblems: problems, initialProfile: profileOptions.profile,
                     judgments: store?.set ?? JudgmentSet(), judgmentStorage: store?.qrelsPath,
                     saveJudgment: store.map { store in { try store.record($0) } })
  }

  /// The judgment store ratings go to: --qrels (with --queries, default beside it), else for the sample world
  /// `.rankscope/judgments/` (seeded from SampleData/judgments on first use), else none.
  private func openJudgments() throws -> JudgmentStore? {
    if let qrels {
      let queriesPath = queries ?? URL(fileURLWithPath: qrels).deletingLastPathComponent().appendingPathComponent("queries.jsonl").path
      return try JudgmentStore(qrelsPath: qrels, queriesPath: queriesPath)
    }
    guard index == nil else { return nil }
    let sampleData = try Locations.sampleData()
    let folder = Locations.sampleIndex(for: sampleData).deletingLastPathComponent().appendingPathComponent("judgments")
    let qrelsPath = folder.appendingPathComponent("qrels.txt").path
    let queriesPath = queries ?? folder.appendingPathComponent("queries.jsonl").path
    let fileManager = FileManager.default
    if !fileManager.fileExists(atPath: qrelsPath) {
      // First use: start from the bundled judgments (copied, then renamed into place: never half a file).
      try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
      let bundled = sampleData.appendingPathComponent("judgments")
      for (source, target) in [("queries.jsonl", queriesPath), ("qrels.txt", qrelsPath)] where !fileManager.fileExists(atPath: target) {
        let text = try String(contentsOf: bundled.appendingPathComponent(source), encoding: .utf8)
        try SafeFile.write(text, to: target)
      }
    }
    return try JudgmentStore(qrelsPath: qrelsPath, queriesPath: queriesPath)
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
