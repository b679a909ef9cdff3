import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope index`: build and inspect index directories.
struct IndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index",
    abstract: "Build or inspect an index.",
    discussion: """
      Examples:
        rankscope index build --documents docs.jsonl --schema schema.json --out my-index
        rankscope index info --index my-index
      """,
    subcommands: [Build.self, Info.self])

  /// `rankscope index build`.
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build an index directory from a JSON Lines documents file.",
      discussion: """
        Without --schema the schema is inferred from the first 1,000 documents and printed. Bad lines are
        reported with file, line and reason; by default they are skipped and counted, --strict stops at the
        first. The index is written to a temporary directory and renamed into place, so a failed build
        leaves any previous index whole.

        Examples:
          rankscope index build                       # (re)build the sample world's index
          rankscope index build --documents pins.jsonl --schema schema.json --out pins-index
          rankscope index build --documents docs.jsonl --out docs-index --strict
          rankscope index build --documents pins.jsonl --schema schema.json --out pins-index \\
            --users users.jsonl --events events.jsonl

        With --users and --events (the sample world's by default, when present), every user's profile is
        built from the engagement log and stored in the index directory (user-profiles.bin), for --user, with the
        engagement graph homefeeds and related pins walk (engagement-graph.bin).
        """)

    @Option(help: "Documents, one JSON object a line (default: the sample world's pins).")
    var documents: String?

    @Option(help: "Schema file (JSON); inferred from the documents when omitted.")
    var schema: String?

    @Option(help: "Index directory to write (default: the sample world's index).")
    var out: String?

    @Flag(help: "Stop at the first bad line instead of skipping it.")
    var strict = false

    @Option(help: "Sentence-encoder model directory, for text-embedding fields without precomputed vectors.")
    var model: String?

    @Option(help: "Precomputed text embeddings (rankscope embed output), overriding the schema's \"file\".")
    var embeddings: String?

    @Option(name: .customLong("users"), help: "Users (JSON Lines: id, name, …) to model; with --events.")
    var usersFile: String?

    @Option(help: "Engagement log (JSON Lines: user, doc, action, ts, query?) the users are modelled from; with --users.")
    var events: String?

    func validate() throws {
      if (usersFile == nil) != (events == nil) { throw ValidationError("--users and --events go together") }
    }

    func run() throws {
      let documentsPath: String
      let outputPath: String
      var schemaPath = schema
      if let documents {
        documentsPath = documents
        guard let out else { throw CommandFailure("--out is required with --documents") }
        outputPath = out
      } else {
        let sampleData = try Locations.sampleData()
        documentsPath = sampleData.appendingPathComponent("pins.jsonl").path
        schemaPath = schemaPath ?? sampleData.appendingPathComponent("schema.json").path
        outputPath = out ?? Locations.sampleIndex(for: sampleData).path
      }
      var userSources = usersFile.flatMap { users in events.map { (users, $0) } }
      if documents == nil, userSources == nil, let sampleData = try? Locations.sampleData() {
        let users = sampleData.appendingPathComponent("users.jsonl").path
        let log = sampleData.appendingPathComponent("events.jsonl").path
        if FileManager.default.fileExists(atPath: users), FileManager.default.fileExists(atPath: log) {
          userSources = (users, log)
        }
      }
      var resolvedSchema: Schema
      if let schemaPath {
        resolvedSchema = try IndexBuild.readSchema(path: schemaPath)
      } else {
        guard let data = FileManager.default.contents(atPath: documentsPath) else {
          throw IndexError.unreadable(path: documentsPath, reason: "no such file")
        }
        resolvedSchema = SchemaInference.infer(fromJSONLines: Array(data))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        FileHandle.standardError.write(Data("Inferred schema (save it, edit it, pass it with --schema):\n".utf8))
        FileHandle.standardError.write(try encoder.encode(resolvedSchema) + Data("\n".utf8))
      }

      if let embeddings {
        guard let position = resolvedSchema.fields.firstIndex(where: { $0.type == .vector && $0.embedding != nil }) else {
          throw CommandFailure("--embeddings needs a vector field with \"embedding\" in the schema")
        }
        resolvedSchema.fields[position].embedding?.file = URL(fileURLWithPath: embeddings).standardizedFileURL.path
      }
      var embedder: MiniLMEmbedder?
      var reason: String?
      if resolvedSchema.textEmbeddingField != nil { (embedder, reason) = Locations.embedder(modelPath: model) }
      var bar = ProgressBar()
      let report = try IndexBuild.run(documentsPath: documentsPath, schema: resolvedSchema,
                                      mode: strict ? .strict : .lenient, output: outputPath,
                                      schemaDirectory: schemaPath.map { ($0 as NSString).deletingLastPathComponent },
                                      embedder: embedder, embedderUnavailableReason: reason) {
        bar.update(stage: $0, fraction: $1)
      }
      bar.finish(message: "Indexed \(report.documentCount) documents, \(report.termCount) terms → \(outputPath)")
      if report.embeddingsFromFile + report.embeddingsComputed > 0 {
        print("Text embeddings: \(report.embeddingsFromFile) precomputed, \(report.embeddingsComputed) computed")
      }
      if let note = report.embeddingNote { print("Note: \(note)") }
      print("Candidate generators: \(resolvedSchema.generatorNames.joined(separator: ", "))"
            + (resolvedSchema.retrieval.map { " (retrieval: \($0.summary))" } ?? ""))
      if !report.skipped.isEmpty {
        print("Skipped \(report.skipped.count) of \(report.linesRead) lines:")
        for issue in report.skipped.prefix(10) { print("  \(issue)") }
        if report.skipped.count > 10 { print("  … and \(report.skipped.count - 10) more") }
      }
      if let (users, log) = userSources {
        let reader = try IndexReader.open(directory: outputPath)
        let profilesPath = URL(fileURLWithPath: outputPath).appendingPathComponent(UserProfileFile.fileName).path
        _ = try Locations.buildUserProfiles(reader: reader, users: users, events: log, output: profilesPath, quiet: false)
        // And the engagement graph homefeeds and related pins walk (the explorer and `recommend` read it).
        let (graph, _) = try EngagementGraph.build(log: EngagementLog.read(path: log), reader: reader)
        try graph.write(to: URL(fileURLWithPath: outputPath).appendingPathComponent(EngagementGraph.fileName).path)
      }
    }
  }

  /// `rankscope index info`.
  struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print an index's manifest: counts, fields, files and checksums.",
      discussion: "Example:\n  rankscope index info --index pins-index")

    @Option(help: "Index directory (default: the sample world's index).")
    var index: String?

    func run() throws {
      let engine = try Locations.openIndex(index, withEncoder: false)
      let manifest = engine.reader.manifest
      print("documents: \(manifest.documentCount)  terms: \(manifest.termCount)  format version: \(manifest.formatVersion)")
      print("built from: \(manifest.build.source) (\(manifest.build.linesRead) lines, \(manifest.build.linesSkipped) skipped)")
      print("k1: \(manifest.schema.k1)")
      for field in manifest.schema.fields {
        var line = "  \(field.name): \(field.type.rawValue)"
        if field.type == .text {
          let position = manifest.schema.textFields.firstIndex { $0.name == field.name } ?? 0
          line += String(format: "  weight %.2f  b %.2f  avg length %.2f  stemmer %@", field.weight, field.b,
                         engine.reader.averageFieldLength(field: position), field.analyzer.stemmer.rawValue)
        }
        if let dimension = field.dimension { line += "  dimension \(dimension)" }
        print(line)
      }
      print("candidate generators: \(manifest.schema.generatorNames.joined(separator: ", "))"
            + (manifest.schema.retrieval.map { " (retrieval: \($0.summary))" } ?? ""))
      for file in manifest.files { print("  \(file.name)  \(file.bytes) bytes  xxh64 \(file.xxhash64)") }
    }
  }
}
