import Foundation

/// Builds an index directory from a JSON Lines documents file: import, analyze and invert, write safely.
public enum IndexBuild {
  /// What a build did.
  public struct Report: Sendable {
    /// Documents indexed.
    public var documentCount: Int
    /// Non-blank lines read.
    public var linesRead: Int
    /// Lines skipped, with reasons (lenient mode).
    public var skipped: [ImportIssue]
    /// Distinct text terms.
    public var termCount: Int
    /// Documents that got their text embedding from a precomputed file, and from the encoder.
    public var embeddingsFromFile = 0, embeddingsComputed = 0
    /// Documents left without a text embedding (no precomputed vector and no model), with the reason.
    public var embeddingsMissing = 0
    /// Why embeddings are missing, when they are.
    public var embeddingNote: String?
  }

  /// Reads `documentsPath`, indexes it with `schema` and writes the index directory `output`.
  /// `progress` receives a stage name and a fraction from 0 to 1.
  /// A text-embedding field's vectors come from the documents themselves, then from the field's precomputed
  /// file (resolved against `schemaDirectory`), then from `embedder`; any still missing are counted.
  public static func run(documentsPath: String, schema: Schema, mode: ImportMode, output: String,
                         schemaDirectory: String? = nil, embedder: (any TextEmbedder)? = nil,
                         embedderUnavailableReason: String? = nil,
                         progress: (String, Double) -> Void = { _, _ in }) throws -> Report {
    progress("reading", 0)
    let bytes = try FileBytes.read(path: documentsPath)
    let importer = DocumentImporter(schema: schema, mode: mode)
    var report = try importer.importLines(bytes, file: documentsPath)
    progress("reading", 1)
    let embeddings = try attachEmbeddings(to: &report.documents, schema: schema, schemaDirectory: schemaDirectory,
                                          embedder: embedder, embedderUnavailableReason: embedderUnavailableReason,
                                          progress: progress)
    var builder = IndexBuilder(schema: schema)
    let total = max(report.documents.count, 1)
    for (index, document) in report.documents.enumerated() {
      builder.add(document)
      if index % 500 == 0 { progress("indexing", Double(index) / Double(total)) }
    }
    progress("indexing", 1)
    let files = builder.serialize(progress: progress)
    progress("writing", 0.5)
    try IndexWriter.write(files, schema: schema,
                          build: .init(source: documentsPath, linesRead: report.linesRead,
                                       linesSkipped: report.skipped.count, createdBy: "rankscope"),
                          to: output)
    progress("writing", 1)
    var result = Report(documentCount: files.documentCount, linesRead: report.linesRead, skipped: report.skipped,
                        termCount: files.termCount)
    result.embeddingsFromFile = embeddings.fromFile
    result.embeddingsComputed = embeddings.computed
    result.embeddingsMissing = embeddings.missing
    result.embeddingNote = embeddings.note
    return result
  }

  /// Fills the text-embedding field of documents that lack it.
  static func attachEmbeddings(to documents: inout [ImportedDocument], schema: Schema, schemaDirectory: String?,
                               embedder: (any TextEmbedder)?, embedderUnavailableReason: String?,
                               progress: (String, Double) -> Void) throws -> (fromFile: Int, computed: Int, missing: Int, note: String?) {
    guard let field = schema.textEmbeddingField, let source = field.embedding,
          let position = schema.vectorFields.firstIndex(where: { $0.name == field.name }) else { return (0, 0, 0, nil) }
    let dimension = field.dimension ?? 0
    var lacking = documents.indices.filter { documents[$0].vectors[position] == nil }
    var fromFile = 0
    var notes: [String] = []
    if !lacking.isEmpty, let file = source.file {
      let path = file.hasPrefix("/") ? file : ((schemaDirectory ?? FileManager.default.currentDirectoryPath) as NSString).appendingPathComponent(file)
      if FileManager.default.fileExists(atPath: path) {
        progress("loading embeddings", 0)
        let contents = try EmbeddingFile.read(path: path)
        guard contents.dimension == dimension else {
          throw IndexError.invalidInput("\(path) holds \(contents.dimension)-dimensional vectors, field \(field.name) declares \(dimension)")
        }
        let positions = contents.positions()
        lacking.removeAll { index in
          guard let at = positions[documents[index].id] else { return false }
          documents[index].vectors[position] = Array(contents.vector(at: at))
          fromFile += 1
          return true
        }
        progress("loading embeddings", 1)
      } else {
        notes.append("\(path) does not exist")
      }
    }
    var computed = 0
    if !lacking.isEmpty, let embedder {
      guard embedder.dimension == dimension else {
        throw IndexError.invalidInput("the model makes \(embedder.dimension)-dimensional vectors, field \(field.name) declares \(dimension)")
      }
      let batchSize = 64
      var start = 0
      while start < lacking.count {
        let chunk = Array(lacking[start..<min(start + batchSize, lacking.count)])
        let vectors = try embedder.embed(batch: chunk.map { source.passage(of: documents[$0].stored) })
        for (index, vector) in zip(chunk, vectors) { documents[index].vectors[position] = vector }
        computed += chunk.count
        start += chunk.count
        progress("embedding", Double(start) / Double(lacking.count))
      }
      lacking.removeAll()
    } else if !lacking.isEmpty {
      notes.append(embedderUnavailableReason ?? "no sentence-encoder model is loaded")
    }
    let note = lacking.isEmpty ? nil
      : "\(lacking.count) documents have no \(field.name) vector (\(notes.joined(separator: "; "))); semantic retrieval will skip them"
    return (fromFile, computed, lacking.count, note)
  }

  /// Reads a schema file (JSON), with an error naming the file and the problem.
  public static func readSchema(path: String) throws -> Schema {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw IndexError.unreadable(path: path, reason: "no such file")
    }
    do {
      let schema = try JSONDecoder().decode(Schema.self, from: data)
      try validate(schema, path: path)
      return schema
    } catch let error as IndexError {
      throw error
    } catch let DecodingError.keyNotFound(key, context) {
      throw IndexError.invalidInput("\(path): missing \"\(key.stringValue)\" at \(describe(context.codingPath))")
    } catch let DecodingError.typeMismatch(_, context) {
      throw IndexError.invalidInput("\(path): wrong type at \(describe(context.codingPath)): \(context.debugDescription)")
    } catch let DecodingError.dataCorrupted(context) {
      throw IndexError.invalidInput("\(path): \(context.debugDescription) at \(describe(context.codingPath))")
    } catch {
      throw IndexError.invalidInput("\(path): not a valid schema (\(error))")
    }
  }

  /// Checks a schema's consistency: unique names, positive weights, b in 0...1, vector dimensions.
  public static func validate(_ schema: Schema, path: String = "schema") throws {
    var names = Set<String>()
    for field in schema.fields {
      guard names.insert(field.name).inserted else { throw IndexError.invalidInput("\(path): field \"\(field.name)\" is declared twice") }
      if field.type == .text {
        guard field.weight > 0, field.weight.isFinite else { throw IndexError.invalidInput("\(path): field \"\(field.name)\" needs a positive weight") }
        guard (0...1).contains(field.b) else { throw IndexError.invalidInput("\(path): field \"\(field.name)\" needs b between 0 and 1") }
      }
      if field.type == .vector, (field.dimension ?? 0) <= 0 {
        throw IndexError.invalidInput("\(path): vector field \"\(field.name)\" needs a positive \"dimension\"")
      }
    }
    guard schema.k1 >= 0, schema.k1.isFinite else { throw IndexError.invalidInput("\(path): k1 must be zero or more") }
    try schema.validateRetrieval(path: path)
  }

  private static func describe(_ path: [CodingKey]) -> String {
    path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
  }
}
