import Foundation
import RankscopeEngine

/// Where the program finds its bundled folders (SampleData, Themes) and keeps the sample index.
enum Locations {
  /// The directory holding the running executable.
  static var executableDirectory: URL {
    let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
  }

  /// Candidate folders named `name`: the current directory's, then those of the executable's ancestors.
  static func candidates(named name: String) -> [URL] {
    var result = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(name)]
    var directory = executableDirectory
    for _ in 0..<6 {
      result.append(directory.appendingPathComponent(name))
      let parent = directory.deletingLastPathComponent()
      if parent.path == directory.path { break }
      directory = parent
    }
    return result
  }

  /// The bundled sample world folder (`RANKSCOPE_SAMPLE_DATA`, ./SampleData, or beside the executable).
  static func sampleData() throws -> URL {
    if let explicit = ProcessInfo.processInfo.environment["RANKSCOPE_SAMPLE_DATA"] {
      return URL(fileURLWithPath: explicit)
    }
    for candidate in candidates(named: "SampleData")
    where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("pins.jsonl").path) {
      return candidate
    }
    throw CommandFailure("cannot find the sample world (a SampleData folder with pins.jsonl); run from the repository, set RANKSCOPE_SAMPLE_DATA, or pass --index")
  }

  /// Where the sample world's index lives: `.rankscope/sample-index` beside SampleData.
  static func sampleIndex(for sampleData: URL) -> URL {
    sampleData.deletingLastPathComponent().appendingPathComponent(".rankscope/sample-index")
  }

  /// The sentence encoder, or why it is unavailable; loaded once.
  static func embedder(modelPath: String? = nil) -> (embedder: MiniLMEmbedder?, reason: String?) {
    switch MiniLMEmbedder.load(explicitPath: modelPath) {
    case .success(let embedder): return (embedder, nil)
    case .failure(let error): return (nil, "\(error)")
    }
  }

  /// Opens the sample index, building it first (with a progress bar) when it is missing, stale or unreadable.
  static func openSampleIndex(quiet: Bool = false, modelPath: String? = nil, withEncoder: Bool = true) throws -> SearchEngine {
    let (embedder, reason) = withEncoder ? embedder(modelPath: modelPath) : (nil, nil)
    let sampleData = try sampleData()
    let index = sampleIndex(for: sampleData)
    let documents = sampleData.appendingPathComponent("pins.jsonl")
    let manifest = index.appendingPathComponent(IndexManifest.fileName)
    if isFresh(manifest: manifest, sources: [documents, sampleData.appendingPathComponent("schema.json"),
                                             sampleData.appendingPathComponent("pin-embeddings.rsev")]) {
      do {
        return try SearchEngine.open(directory: index, embedder: embedder, embedderUnavailableReason: reason)
      } catch {
        if !quiet { FileHandle.standardError.write(Data("rankscope: the sample index is unusable (\(error)); rebuilding it\n".utf8)) }
      }
    }
    let schema = try IndexBuild.readSchema(path: sampleData.appendingPathComponent("schema.json").path)
    if !quiet { FileHandle.standardError.write(Data("Building the sample index (first run) in \(index.path)\n".utf8)) }
    var bar = ProgressBar(enabled: !quiet)
    let report = try IndexBuild.run(documentsPath: documents.path, schema: schema, mode: .lenient, output: index.path,
                                    schemaDirectory: sampleData.path, embedder: embedder,
                                    embedderUnavailableReason: reason) {
      bar.update(stage: $0, fraction: $1)
    }
    bar.finish(message: "Indexed \(report.documentCount) pins (\(report.termCount) terms)"
               + (report.skipped.isEmpty ? "" : ", skipped \(report.skipped.count) bad lines"))
    if let note = report.embeddingNote, !quiet { FileHandle.standardError.write(Data("  note: \(note)\n".utf8)) }
    let engine = try SearchEngine.open(directory: index, embedder: embedder, embedderUnavailableReason: reason)
    // The index build also models the sample world's users when their files are there.
    let users = sampleData.appendingPathComponent("users.jsonl"), events = sampleData.appendingPathComponent("events.jsonl")
    if FileManager.default.fileExists(atPath: users.path), FileManager.default.fileExists(atPath: events.path) {
      _ = try buildUserProfiles(reader: engine.reader, users: users.path, events: events.path,
                                output: index.appendingPathComponent(UserProfileFile.fileName).path, quiet: quiet)
      // And the engagement graph the recommendations walk, beside the profiles.
      let (graph, _) = try EngagementGraph.build(log: EngagementLog.read(path: events.path), reader: engine.reader)
      try graph.write(to: index.appendingPathComponent(EngagementGraph.fileName).path)
    }
    return engine
  }

  /// The user profiles of `--index` (its `user-profiles.bin`), else the sample index's, built from
  /// SampleData/users.jsonl and events.jsonl when missing, older than those files, or unreadable.
  static func userDirectory(reader: IndexReader, index: String?, quiet: Bool) throws -> UserDirectory {
    if let index {
      let path = URL(fileURLWithPath: index).appendingPathComponent(UserProfileFile.fileName).path
      guard FileManager.default.fileExists(atPath: path) else {
        throw CommandFailure("\(index) has no user profiles (\(UserProfileFile.fileName)); build them with "
                             + "'rankscope users --index \(index) --build --users USERS.jsonl --events EVENTS.jsonl'")
      }
      return try UserProfileFile.read(path: path, reader: reader)
    }
    let sampleData = try sampleData()
    let path = sampleIndex(for: sampleData).appendingPathComponent(UserProfileFile.fileName)
    let sources = ["users.jsonl", "events.jsonl"].map { sampleData.appendingPathComponent($0) }
    if isFresh(manifest: path, sources: sources + [sampleIndex(for: sampleData).appendingPathComponent(IndexManifest.fileName)]) {
      do {
        return try UserProfileFile.read(path: path.path, reader: reader)
      } catch {
        if !quiet {
          let message = "rankscope: the sample user profiles are unusable (\(error)); rebuilding them\n"
          FileHandle.standardError.write(Data(message.utf8))
        }
      }
    }
    return try buildUserProfiles(reader: reader, users: sources[0].path, events: sources[1].path, output: path.path, quiet: quiet)
  }

  /// Builds every user's profile over `reader` and writes them to `output`, reporting what was skipped.
  static func buildUserProfiles(reader: IndexReader, users: String, events: String, output: String,
                                quiet: Bool) throws -> UserDirectory {
    let start = Date()
    let (directory, report) = try UserModelBuilder(reader: reader).directory(usersPath: users, eventsPath: events)
    try UserProfileFile.write(directory, reader: reader, to: output)
    if !quiet {
      var skipped: [String] = []
      if report.unknownDocumentEvents > 0 {
        skipped.append("\(report.unknownDocumentEvents) events on unknown documents skipped")
      }
      if report.unknownUserEvents > 0 { skipped.append("\(report.unknownUserEvents) events of unknown users skipped") }
      FileHandle.standardError.write(Data(("Built \(report.userCount) user profiles from \(report.eventCount) events in "
                                           + String(format: "%.2f s", Date().timeIntervalSince(start))
                                           + (skipped.isEmpty ? "" : " (\(skipped.joined(separator: "; ")))") + "\n").utf8))
    }
    return directory
  }

  private static func isFresh(manifest: URL, sources: [URL]) -> Bool {
    let fileManager = FileManager.default
    guard let built = (try? fileManager.attributesOfItem(atPath: manifest.path))?[.modificationDate] as? Date else { return false }
    for source in sources {
      if let changed = (try? fileManager.attributesOfItem(atPath: source.path))?[.modificationDate] as? Date, changed > built {
        return false
      }
    }
    return true
  }

  /// Opens `--index` when given, else the sample index; with `withEncoder`, the sentence encoder is loaded
  /// (about 0.3 s) and attached when found.
  static func openIndex(_ path: String?, quiet: Bool = false, modelPath: String? = nil, withEncoder: Bool = true) throws -> SearchEngine {
    if let path {
      let (embedder, reason) = withEncoder ? embedder(modelPath: modelPath) : (nil, nil)
      return try SearchEngine.open(directory: URL(fileURLWithPath: path), embedder: embedder, embedderUnavailableReason: reason)
    }
    return try openSampleIndex(quiet: quiet, modelPath: modelPath, withEncoder: withEncoder)
  }
}

/// A failure reported to the user as one line.
struct CommandFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
