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

  /// Opens `index` (nil: the sample world's) and the profiles `profileOptions` names.
  static func open(index: String?, profileOptions: ProfileOptions) throws -> ExplorerSetup {
    var engine = try Locations.openIndex(index)
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
    return ExplorerSetup(engine: engine, profiles: library.profiles, problems: problems)
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
}
