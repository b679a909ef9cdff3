import Foundation

/// Reads documents from JSON Lines and checks each against a schema.
///
/// A bad line is never dropped silently: in `.strict` mode the first one stops the import with an
/// `ImportIssue` naming the file, line and reason; in `.lenient` mode it is skipped and reported.
public struct DocumentImporter: Sendable {
  /// The result of an import.
  public struct Report: Sendable {
    /// The documents that passed, in input order.
    public var documents: [ImportedDocument]
    /// The lines that were skipped and why (lenient mode).
    public var skipped: [ImportIssue]
    /// Non-blank lines read.
    public var linesRead: Int
  }

  /// The schema documents are checked against.
  public let schema: Schema
  /// What to do with a bad line.
  public let mode: ImportMode

  /// Creates an importer.
  public init(schema: Schema, mode: ImportMode = .lenient) {
    self.schema = schema
    self.mode = mode
  }

  /// Imports the JSON Lines file at `path`.
  public func importFile(atPath path: String) throws -> Report {
    return try importLines(try FileBytes.read(path: path), file: path)
  }

  /// Imports JSON Lines given as text; `file` names it in error messages.
  public func importLines(_ text: String, file: String) throws -> Report {
    try importLines(Array(text.utf8), file: file)
  }

  /// Imports JSON Lines given as UTF-8 bytes; `file` names it in error messages.
  public func importLines(_ bytes: [UInt8], file: String) throws -> Report {
    var documents: [ImportedDocument] = []
    var skipped: [ImportIssue] = []
    var seenIds: [String: Int] = [:]
    var linesRead = 0
    for (lineNumber, line) in JSONLines.lines(of: bytes) {
      linesRead += 1
      do {
        let document = try importDocument(line: line)
        if let firstLine = seenIds[document.id] {
          throw ImportReason("duplicate id \"\(document.id)\" (first seen on line \(firstLine))")
        }
        seenIds[document.id] = lineNumber
        documents.append(document)
      } catch let reason as ImportReason {
        let issue = ImportIssue(file: file, line: lineNumber, reason: reason.text)
        if mode == .strict { throw issue }
        skipped.append(issue)
      }
    }
    return Report(documents: documents, skipped: skipped, linesRead: linesRead)
  }

  /// Checks one line against the schema.
  func importDocument(line: ArraySlice<UInt8>) throws(ImportReason) -> ImportedDocument {
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes: Array(line))
    } catch {
      throw ImportReason("malformed JSON at \(error)")
    }
    guard value.objectMembers != nil else { throw ImportReason("expected a JSON object") }
    let id: String
    switch value[schema.idField] {
    case .string(let text) where !text.isEmpty: id = text
    case .number(let number) where number == number.rounded() && abs(number) < 1e15: id = String(Int64(number))
    case nil, .null?: throw ImportReason("missing id field \"\(schema.idField)\"")
    default: throw ImportReason("id field \"\(schema.idField)\" must be a non-empty string or an integer")
    }
    var texts: [String] = []
    var keywords: [[String]] = []
    var numbers: [Double?] = []
    var vectors: [[Float]?] = []
    for field in schema.fields {
      switch field.type {
      case .text:
        var parts: [String] = []
        for key in field.sourceKeys {
          guard let member = value[key] else { continue }
          parts.append(contentsOf: try Self.strings(member, field: key, kind: "text"))
        }
        texts.append(parts.joined(separator: " "))
      case .keyword:
        if let member = value[field.name] {
          keywords.append(try Self.strings(member, field: field.name, kind: "keyword"))
        } else {
          keywords.append([])
        }
      case .numeric:
        switch value[field.name] {
        case nil, .null?: numbers.append(nil)
        case .number(let number)?: numbers.append(number)
        default: throw ImportReason("numeric field \"\(field.name)\" must be a number")
        }
      case .vector:
        switch value[field.name] {
        case nil, .null?: vectors.append(nil)
        case .array(let elements)?:
          var vector: [Float] = []
          vector.reserveCapacity(elements.count)
          for element in elements {
            guard case .number(let number) = element, number.isFinite, abs(number) <= Double(Float.greatestFiniteMagnitude) else {
              throw ImportReason("vector field \"\(field.name)\" must hold only finite numbers")
            }
            vector.append(Float(number))
          }
          if let dimension = field.dimension, vector.count != dimension {
            throw ImportReason("vector field \"\(field.name)\" has \(vector.count) numbers, the schema says \(dimension)")
          }
          vectors.append(vector)
        default: throw ImportReason("vector field \"\(field.name)\" must be an array of numbers")
        }
      }
    }
    return ImportedDocument(id: id, texts: texts, keywords: keywords, numbers: numbers, vectors: vectors,
                            stored: value)
  }

  private static func strings(_ value: JSONValue, field: String, kind: String) throws(ImportReason) -> [String] {
    switch value {
    case .null: return []
    case .string(let text): return [text]
    case .number(let number): return [JSONWriter.format(number)]
    case .bool(let flag): return [flag ? "true" : "false"]
    case .array(let elements):
      var result: [String] = []
      for element in elements {
        switch element {
        case .string(let text): result.append(text)
        case .number(let number): result.append(JSONWriter.format(number))
        default: throw ImportReason("\(kind) field \"\(field)\" must be a string or an array of strings")
        }
      }
      return result
    case .object: throw ImportReason("\(kind) field \"\(field)\" must be a string or an array of strings, not an object")
    }
  }
}

/// Why one line was rejected.
struct ImportReason: Error {
  var text: String
  init(_ text: String) { self.text = text }
}

/// Splits JSON Lines input into numbered, non-blank lines.
public enum JSONLines {
  /// The non-blank lines of `bytes` with their 1-based line numbers; `\r\n` endings and a UTF-8 byte
  /// order mark are accepted.
  public static func lines(of bytes: [UInt8]) -> [(Int, ArraySlice<UInt8>)] {
    var result: [(Int, ArraySlice<UInt8>)] = []
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    var lineNumber = 1
    var index = start
    while index <= bytes.count {
      if index == bytes.count || bytes[index] == 0x0A {
        var end = index
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        let line = bytes[start..<end]
        if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) { result.append((lineNumber, line)) }
        lineNumber += 1
        start = index + 1
      }
      index += 1
    }
    return result
  }
}
