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
  }

  /// Reads `documentsPath`, indexes it with `schema` and writes the index directory `output`.
  /// `progress` receives a stage name and a fraction from 0 to 1.
  public static func run(documentsPath: String, schema: Schema, mode: ImportMode, output: String,
                         progress: (String, Double) -> Void = { _, _ in }) throws -> Report {
    progress("reading", 0)
    guard let data = FileManager.default.contents(atPath: documentsPath) else {
      throw IndexError.unreadable(path: documentsPath, reason: FileManager.default.fileExists(atPath: documentsPath)
                                    ? "permission denied or not a regular file" : "no such file")
    }
    let importer = DocumentImporter(schema: schema, mode: mode)
    let report = try importer.importLines(Array(data), file: documentsPath)
    progress("reading", 1)
    var builder = IndexBuilder(schema: schema)
    let total = max(report.documents.count, 1)
    for (index, document) in report.documents.enumerated() {
      builder.add(document)
      if index % 500 == 0 { progress("indexing", Double(index) / Double(total)) }
    }
    progress("indexing", 1)
    let files = builder.serialize()
    progress("writing", 0.5)
    try IndexWriter.write(files, schema: schema,
                          build: .init(source: documentsPath, linesRead: report.linesRead,
                                       linesSkipped: report.skipped.count, createdBy: "rankscope"),
                          to: output)
    progress("writing", 1)
    return Report(documentCount: files.documentCount, linesRead: report.linesRead, skipped: report.skipped,
                  termCount: files.termCount)
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
  }

  private static func describe(_ path: [CodingKey]) -> String {
    path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
  }
}
