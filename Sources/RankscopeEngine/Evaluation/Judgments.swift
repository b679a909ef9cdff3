import Foundation

/// Graded relevance judgments (TREC qrels: `qid iteration docid grade` per line).
public struct Judgments: Sendable, Hashable {
  /// Grades per query id, then per document id.
  public var grades: [String: [String: Int]]

  /// Creates judgments.
  public init(grades: [String: [String: Int]]) { self.grades = grades }

  /// Reads a TREC qrels file; a malformed line is an error naming the file and line.
  public static func read(path: String) throws -> Judgments {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw IndexError.unreadable(path: path, reason: "no such file")
    }
    return try parse(String(decoding: data, as: UTF8.self), file: path)
  }

  /// Parses TREC qrels text.
  public static func parse(_ text: String, file: String) throws -> Judgments {
    var grades: [String: [String: Int]] = [:]
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
      if fields.isEmpty { continue }
      guard fields.count == 4 else {
        throw ImportIssue(file: file, line: index + 1, reason: "expected 4 columns 'qid 0 docid grade', found \(fields.count)")
      }
      guard let grade = Int(fields[3]) else {
        throw ImportIssue(file: file, line: index + 1, reason: "grade '\(fields[3])' is not an integer")
      }
      grades[String(fields[0]), default: [:]][String(fields[2])] = grade
    }
    return Judgments(grades: grades)
  }

  /// Query ids with at least one relevant (grade > 0) document, sorted.
  public var judgedQueryIds: [String] {
    grades.filter { $0.value.values.contains { $0 > 0 } }.keys.sorted { $0.compare($1, options: .numeric) == .orderedAscending }
  }

  /// The grade of `document` for `query` (0 when unjudged).
  public func grade(query: String, document: String) -> Int { grades[query]?[document] ?? 0 }

  /// The grade of `document` for `query`, `nil` when unjudged.
  public func judgedGrade(query: String, document: String) -> Int? { grades[query]?[document] }

  /// The largest grade over every query (0 when there are no judgments): ERR's top of the scale.
  public var maximumGrade: Int { grades.values.lazy.flatMap(\.values).max() ?? 0 }
}

/// Evaluation queries: JSON Lines `{"id": …, "text": …}`.
public struct EvaluationQuery: Sendable, Hashable {
  /// The query id, as in the qrels.
  public var id: String
  /// The query text.
  public var text: String

  /// Creates a query.
  public init(id: String, text: String) {
    self.id = id
    self.text = text
  }

  /// Reads a query file; a bad line is an error naming the file and line.
  public static func read(path: String) throws -> [EvaluationQuery] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw IndexError.unreadable(path: path, reason: "no such file")
    }
    var queries: [EvaluationQuery] = []
    for (lineNumber, line) in JSONLines.lines(of: Array(data)) {
      let value: JSONValue
      do { value = try JSONParser.parse(bytes: Array(line)) } catch {
        throw ImportIssue(file: path, line: lineNumber, reason: "malformed JSON at \(error)")
      }
      let id: String
      switch value["id"] {
      case .string(let text)?: id = text
      case .number(let number)? where number == number.rounded(): id = String(Int64(number))
      default: throw ImportIssue(file: path, line: lineNumber, reason: "missing \"id\" (a string or an integer)")
      }
      guard let text = value["text"]?.stringValue else {
        throw ImportIssue(file: path, line: lineNumber, reason: "missing \"text\" (a string)")
      }
      queries.append(EvaluationQuery(id: id, text: text))
    }
    return queries
  }
}
