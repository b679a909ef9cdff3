import Foundation
import RankscopeEngine
import RankscopeUI

/// What the explorer runs on, for `explore` and `replay`: the engine (with the query log when a profile's L1
/// stage reads one), the rank profiles that can run and the problems with the others.
struct ExplorerSetup {
  /// The engine to search.
  var engine: SearchEngine
  /// The rank profiles F3 and F4 offer.
  var profiles: [RankProfile]
  /// The profile files that could not be used, and a query log that could not be read.
  var problems: [String]
  /// The users of the index (nil: it has none), for the user picker.
  var users: UserDirectory?
  /// The walker over the engagement graph for homefeeds and related pins (the sample world's; nil elsewhere).
  var walker: PixieWalker?

  /// Opens `index` (nil: the sample world's) and the profiles `profileOptions` names.
  static func open(index: String?, profileOptions: ProfileOptions) throws -> ExplorerSetup {
    var engine = try Locations.openIndex(index)
    // Re-ranks of the same query (tuning, profile switches, personalization toggles) skip the query encoder.
    if let embedder = engine.embedder {
      engine = SearchEngine(reader: engine.reader, embedder: CachingEmbedder(embedder), queryLog: engine.queryLog)
    }
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
    var users: UserDirectory?
    let hasProfiles = index.map { FileManager.default.fileExists(atPath: URL(fileURLWithPath: $0)
      .appendingPathComponent(UserProfileFile.fileName).path) } ?? true
    if hasProfiles {
      do {
        users = try Locations.userDirectory(reader: engine.reader, index: index, quiet: false)
      } catch {
        problems.append("\(error) (the user profiles: no user can be picked)")
      }
    }
    // Recommendations walk the index's engagement graph: the sample world's is built beside its index on first
    // use; another index's is read when its directory holds one (`index build --users --events`).
    var walker: PixieWalker?
    if let index {
      let path = URL(fileURLWithPath: index).appendingPathComponent(EngagementGraph.fileName).path
      if FileManager.default.fileExists(atPath: path) {
        do {
          walker = PixieWalker(graph: try EngagementGraph.read(path: path, documentCount: engine.documentCount))
        } catch {
          problems.append("\(error) (the engagement graph: homefeeds and related pins have no walk candidates)")
        }
      }
    } else if users != nil {
      do {
        let eventsPath = try Locations.sampleData().appendingPathComponent("events.jsonl").path
        let graph = try Locations.engagementGraph(engine: engine, indexDirectory: nil,
                                                  log: EngagementLog.read(path: eventsPath), eventsPath: eventsPath,
                                                  writable: true)
        walker = PixieWalker(graph: graph)
      } catch {
        problems.append("\(error) (the engagement graph: homefeeds and related pins have no walk candidates)")
      }
    }
    return ExplorerSetup(engine: engine, profiles: library.profiles, problems: problems, users: users, walker: walker)
  }

  /// The engine with the query log's guides (autocomplete and refinements) built from `log` (`queryLog(index:…)`,
  /// shared with query understanding); without one they are off and the explorer says why. `background`
  /// builds them on a background thread (the explorer starts at once; the dropdown and chips appear when ready),
  /// otherwise now (a replay must see the same suggestions as the live run).
  func guidedService(log: BackgroundValue<QueryLog>?, background: Bool) -> GuidedSearchService {
    guard let log else {
      return GuidedSearchService(engine: engine, guides: nil,
                                 unavailableReason: "no query log (give --query-log FILE)")
    }
    if background {
      return GuidedSearchService(engine: engine, guides: .building(engine: engine) { try log.value().value })
    }
    do {
      return GuidedSearchService(engine: engine, guides: QueryGuides(engine: engine, log: try log.value().value))
    } catch {
      return GuidedSearchService(engine: engine, guides: nil, unavailableReason: "the query log could not be read: \(error)")
    }
  }

  /// The query log the explorer reads (`--query-log`, else the sample world's for the sample index), started on a
  /// background thread: query understanding and the guides share one read.
  static func queryLog(index: String?, profileOptions: ProfileOptions) -> BackgroundValue<QueryLog>? {
    profileOptions.queryLogPath(index: index).map { path in BackgroundValue { try QueryLog.read(path: path) } }
  }

  /// Builds the query understander (spelling over the index's words, weighted by `log` when it reads; synonyms from
  /// the file and the log; phrases; intent) and installs it on `engine`: on a background thread for the explorer, so
  /// the first screen does not wait (searches run as typed until it is in; a log that cannot be read is reported by
  /// the guides, which read the same one), or before returning for a replay, so replays are repeatable. Returns the
  /// problems to show (a synonyms file that cannot be used; in a replay, also a log that cannot be read).
  static func installUnderstanding(on engine: SearchEngine, index: String?, log: BackgroundValue<QueryLog>?,
                                   synonyms: String? = nil, inBackground: Bool) -> [String] {
    var problems: [String] = []
    var file: SynonymFile?
    do {
      file = try UnderstandingOptions.synonymsFile(synonyms, index: index).map { try SynonymFile.read(path: $0) }
    } catch {
      problems.append("\(error) (query understanding runs without the synonyms file)")
    }
    let build: @Sendable () -> Void = { [file] in
      let read = log.flatMap { try? $0.value().value }
      // A corrupt index fails its searches with the same error; understanding then stays off.
      if let understander = try? QueryUnderstander.build(reader: engine.reader, log: read, synonyms: file) {
        engine.install(understander)
      }
    }
    if inBackground {
      engine.expectUnderstander()
      Thread.detachNewThread(build)
    } else {
      if let log {
        do { _ = try log.value() } catch { problems.append("\(error) (query understanding runs without the log)") }
      }
      build()
    }
    return problems
  }

  /// The theme `name` (a name from Themes/ or a path), looked for in `directory`, `RANKSCOPE_THEMES`, then the
  /// Themes folders `Locations` knows.
  static func theme(named name: String, directory: String?) throws -> Theme {
    var paths: [URL] = []
    if let directory { paths.append(URL(fileURLWithPath: directory)) }
    if let fromEnvironment = ProcessInfo.processInfo.environment["RANKSCOPE_THEMES"] {
      paths.append(URL(fileURLWithPath: fromEnvironment))
    }
    return try Theme.load(named: name, searchPaths: paths + Locations.candidates(named: "Themes"))
  }

  /// The judgment store ratings go to: `qrels` (with `queries`, by default `queries.jsonl` beside it), else for the
  /// sample world `.rankscope/judgments/` (copied from SampleData/judgments on first use), else none (ratings
  /// stay in memory).
  static func judgmentStore(queries: String?, qrels: String?, index: String?) throws -> JudgmentStore? {
    if let qrels {
      let queriesPath = queries
        ?? URL(fileURLWithPath: qrels).deletingLastPathComponent().appendingPathComponent("queries.jsonl").path
      return try JudgmentStore(qrelsPath: qrels, queriesPath: queriesPath)
    }
    guard index == nil else { return nil }
    let sampleData = try Locations.sampleData()
    let folder = Locations.sampleIndex(for: sampleData).deletingLastPathComponent().appendingPathComponent("judgments")
    let qrelsPath = folder.appendingPathComponent("qrels.txt").path
    let queriesPath = queries ?? folder.appendingPathComponent("queries.jsonl").path
    let fileManager = FileManager.default
    if !fileManager.fileExists(atPath: qrelsPath) {
      // First use: start from the bundled judgments (each written to a temporary file and renamed into place).
      try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
      let bundled = sampleData.appendingPathComponent("judgments")
      for (source, target) in [("queries.jsonl", queriesPath), ("qrels.txt", qrelsPath)]
      where !fileManager.fileExists(atPath: target) {
        let text = try String(contentsOf: bundled.appendingPathComponent(source), encoding: .utf8)
        try SafeFile.write(text, to: target)
      }
    }
    return try JudgmentStore(qrelsPath: qrelsPath, queriesPath: queriesPath)
  }

  /// The judgments a replay shows, read without writing anything: `qrels` and `queries` when given, else the
  /// sample world's bundled ones (for the sample index), else none. Ratings in a replay stay in memory.
  static func judgments(queries: String?, qrels: String?, index: String?) throws -> JudgmentSet {
    if let qrels {
      let queriesPath = queries
        ?? URL(fileURLWithPath: qrels).deletingLastPathComponent().appendingPathComponent("queries.jsonl").path
      let queryList = FileManager.default.fileExists(atPath: queriesPath) ? try EvaluationQuery.read(path: queriesPath) : []
      return JudgmentSet(queries: queryList, judgments: try Judgments.read(path: qrels))
    }
    guard index == nil else { return JudgmentSet() }
    let bundled = try Locations.sampleData().appendingPathComponent("judgments")
    return JudgmentSet(queries: try EvaluationQuery.read(path: bundled.appendingPathComponent("queries.jsonl").path),
                       judgments: try Judgments.read(path: bundled.appendingPathComponent("qrels.txt").path))
  }
}
