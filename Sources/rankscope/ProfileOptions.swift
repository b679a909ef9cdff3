import ArgumentParser
import Foundation
import RankscopeEngine

/// The rank-profile options shared by `search`, `eval` and `explore`: which profile runs (the explorer starts
/// with it), where profiles are read from, and the query log that click features read.
struct ProfileOptions: ParsableArguments {
  @Option(help: "Run this rank profile (its generators, fusion, L1 and blend stages) instead of --retrieval; the explorer starts with it active.")
  var profile: String?

  @Option(name: .customLong("profiles"),
          help: "A folder of rank profiles (*.json), or one profile file (repeatable; the sample world's SampleData/profiles is always read for the sample index).")
  var profileFolders: [String] = []

  @Option(help: "Query log (JSON Lines: query, shown, clicked) for the click features (default for the sample index: SampleData/query-log.jsonl).")
  var queryLog: String?

  /// The folders to read: the given ones, then the sample world's profiles when the sample index is used.
  func folders(index: String?) -> [String] {
    var folders = profileFolders
    if index == nil, let sample = try? Locations.sampleData() {
      folders.append(sample.appendingPathComponent("profiles").path)
    }
    return folders
  }

  /// Every profile of `folders(index:)`, checked against `schema`; bad files are in `problems`.
  func library(schema: Schema, index: String?) -> RankProfileLibrary {
    RankProfileLibrary.load(folders: folders(index: index), context: RankProfileContext(schema: schema))
  }

  /// The query log to read: --query-log, else the sample world's for the sample index.
  func queryLogPath(index: String?) -> String? {
    if let queryLog { return queryLog }
    guard index == nil, let sample = try? Locations.sampleData() else { return nil }
    return sample.appendingPathComponent("query-log.jsonl").path
  }

  /// Whether `profile`'s L1 stage weights a feature read from the query log (clicks and impressions).
  static func readsQueryLog(_ profile: RankProfile, schema: Schema) -> Bool {
    guard let l1 = profile.l1 else { return false }
    let engagement = Set(FeatureRegistry(schema: schema).definitions.filter { $0.group == .engagement }.map(\.name))
    return l1.weights.contains { engagement.contains($0.feature) }
  }

  /// The profile asked for (nil without --profile) and an engine able to run it: the text encoder attached
  /// when the profile needs it, the query log loaded when one is found. `engine` was opened without an encoder.
  func resolve(engine: SearchEngine, index: String?, modelPath: String?, quiet: Bool,
               needsQueryLog: Bool = false) throws -> (profile: RankProfile?, engine: SearchEngine) {
    guard let name = profile else {
      if !profileFolders.isEmpty || queryLog != nil { throw CommandFailure("--profiles and --query-log apply with --profile only") }
      return (nil, engine)
    }
    let library = library(schema: engine.schema, index: index)
    if let problem = library.problems.first(where: { URL(fileURLWithPath: $0.file).deletingPathExtension().lastPathComponent == name }),
       !library.profiles.contains(where: { $0.name == name }) {
      throw CommandFailure("rank profile \(name) cannot be used: \(problem)")
    }
    if !quiet {
      for problem in library.problems { FileHandle.standardError.write(Data("rankscope: skipped rank profile \(problem)\n".utf8)) }
    }
    let chosen: RankProfile
    do {
      chosen = try library.profile(named: name)
    } catch {
      let searched = folders(index: index)
      throw CommandFailure("\(error) (read: \(searched.isEmpty ? "no folder; give --profiles DIR" : searched.joined(separator: ", ")))")
    }
    var log: QueryLogStatistics?
    // The feature log and L2 models may read every feature; an L1 stage reads only the features it weights.
    if let logPath = queryLogPath(index: index), needsQueryLog || chosen.l2 != nil || Self.readsQueryLog(chosen, schema: engine.schema) {
      do {
        log = try QueryLogStatistics.read(path: logPath)
      } catch {
        throw CommandFailure("cannot read the query log: \(error)")
      }
    }
    guard chosen.needsEmbedding || log != nil else { return (chosen, engine) }
    let (embedder, reason) = chosen.needsEmbedding ? Locations.embedder(modelPath: modelPath) : (nil, nil)
    return (chosen, SearchEngine(reader: engine.reader, embedder: embedder, embedderUnavailableReason: reason, queryLog: log))
  }
}
