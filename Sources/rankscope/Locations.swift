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
    return try SearchEngine.open(directory: index, embedder: embedder, embedderUnavailableReason: reason)
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
