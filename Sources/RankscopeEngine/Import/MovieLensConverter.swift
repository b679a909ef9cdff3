import Foundation

/// Converts MovieLens (in RecBole's atomic-file layout: `ml-100k.item`, `.user`, `.inter`, tab-separated with a
/// `name:type` header) into the JSON Lines the normal importers read.
///
/// Mapping: a movie is a document `{"id": "m<item>", "title", "year"?, "genres": [...]}` (genres are keywords;
/// a year that is not a number is left out); a user is `{"id": "u<user>", "name": "user <user>", "age",
/// "gender", "occupation"}`; a rating is an engagement event `{"user", "doc", "action", "ts", "rating"}` whose
/// action is `save` for a rating of 4 or more and `click` otherwise, in time order (ties in file order).
public enum MovieLensConverter {
  /// The converted files' contents.
  public struct Output: Sendable {
    /// Documents, JSON Lines.
    public var movies: String
    /// Users, JSON Lines.
    public var users: String
    /// Engagement events, JSON Lines, in time order.
    public var events: String
    /// The engine schema of the movies.
    public var schema: String
    /// Counts of movies, users and events.
    public var counts: (movies: Int, users: Int, events: Int)
  }

  /// The engine schema for the movie documents.
  public static let schema = """
    {
      "idField": "id",
      "k1": 1.2,
      "fields": [
        {"name": "title", "type": "text", "weight": 1.0, "b": 0.75},
        {"name": "genres", "type": "keyword"},
        {"name": "year", "type": "numeric"}
      ],
      "display": {"title": "title", "details": ["year", "genres"]}
    }

    """

  /// The smallest rating mapped to a save.
  public static let saveRating = 4.0

  /// Reads the three files of `directory` whose names start with `prefix` (e.g. `ml-100k`).
  public static func convert(directory: String, prefix: String = "ml-100k") throws -> Output {
    let base = URL(fileURLWithPath: directory)
    func table(_ suffix: String) throws -> (file: String, rows: [(line: Int, values: [String: String])]) {
      let path = base.appendingPathComponent("\(prefix).\(suffix)").path
      guard let data = FileManager.default.contents(atPath: path) else {
        throw IndexError.unreadable(path: path,
            reason: "no such file (expected RecBole atomic files \(prefix).item/.user/.inter)")
      }
      return (path, try atomicRows(String(decoding: data, as: UTF8.self), file: path))
    }
    let items = try table("item"), people = try table("user"), ratings = try table("inter")
    var movies = ""
    for row in items.rows {
      let id = try field(row, "item_id", file: items.file)
      let title = try field(row, "movie_title", file: items.file)
      var members = [JSONMember("id", .string("m\(id)")), JSONMember("title", .string(title))]
      if let year = Double(row.values["release_year"] ?? ""), year.isFinite { members.append(JSONMember("year", .number(year))) }
      let genres = (row.values["class"] ?? "").split(separator: " ").map { JSONValue.string(String($0)) }
      members.append(JSONMember("genres", .array(genres)))
      movies += JSONWriter.string(.object(members)) + "\n"
    }
    var users = ""
    for row in people.rows {
      let id = try field(row, "user_id", file: people.file)
      var members = [JSONMember("id", .string("u\(id)")), JSONMember("name", .string("user \(id)"))]
      if let age = Double(row.values["age"] ?? "") { members.append(JSONMember("age", .number(age))) }
      for key in ["gender", "occupation"] { if let value = row.values[key] { members.append(JSONMember(key, .string(value))) } }
      users += JSONWriter.string(.object(members)) + "\n"
    }
    var events: [(timestamp: Double, order: Int, text: String)] = []
    for (order, row) in ratings.rows.enumerated() {
      let user = try field(row, "user_id", file: ratings.file), item = try field(row, "item_id", file: ratings.file)
      guard let rating = Double(try field(row, "rating", file: ratings.file)), rating.isFinite else {
        throw ImportIssue(file: ratings.file, line: row.line, reason: "rating is not a number")
      }
      guard let timestamp = Double(try field(row, "timestamp", file: ratings.file)), timestamp.isFinite else {
        throw ImportIssue(file: ratings.file, line: row.line, reason: "timestamp is not a number")
      }
      let action = rating >= saveRating ? "save" : "click"
      let text = JSONWriter.string(.object([JSONMember("user", .string("u\(user)")), JSONMember("doc", .string("m\(item)")),
                                            JSONMember("action", .string(action)), JSONMember("ts", .number(timestamp)),
                                            JSONMember("rating", .number(rating))]))
      events.append((timestamp, order, text))
    }
    events.sort { $0.timestamp != $1.timestamp ? $0.timestamp < $1.timestamp : $0.order < $1.order }
    return Output(movies: movies, users: users, events: events.map { $0.text + "\n" }.joined(), schema: schema,
                  counts: (items.rows.count, people.rows.count, events.count))
  }

  /// Writes `movies.jsonl`, `users.jsonl`, `events.jsonl` and `schema.json` into `output` (created if needed).
  public static func write(_ converted: Output, to output: String) throws {
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    for (name, text) in [("movies.jsonl", converted.movies), ("users.jsonl", converted.users),
                         ("events.jsonl", converted.events), ("schema.json", converted.schema)] {
      try AtomicFile.write(Array(text.utf8), to: URL(fileURLWithPath: output).appendingPathComponent(name).path)
    }
  }

  /// The rows of an atomic file: the header names the columns (`name:type`), every row has as many tab-separated
  /// values; a row with another count is an `ImportIssue`.
  static func atomicRows(_ text: String, file: String) throws(ImportIssue) -> [(line: Int, values: [String: String])] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    while lines.last?.isEmpty == true { lines.removeLast() }
    guard let header = lines.first else { throw ImportIssue(file: file, line: 1, reason: "empty file: expected a header") }
    let columns = header.split(separator: "\t", omittingEmptySubsequences: false)
    let names = columns.map { String($0.split(separator: ":").first ?? "") }
    var rows: [(line: Int, values: [String: String])] = []
    for (offset, line) in lines.enumerated().dropFirst() {
      let values = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard values.count == names.count else {
        throw ImportIssue(file: file, line: offset + 1,
            reason: "expected \(names.count) tab-separated values, found \(values.count)")
      }
      var row: [String: String] = [:]
      for (name, value) in zip(names, values) { row[name] = String(value) }
      rows.append((offset + 1, row))
    }
    return rows
  }

  private static func field(_ row: (line: Int, values: [String: String]), _ name: String,
      file: String) throws(ImportIssue) -> String {
    guard let value = row.values[name], !value.isEmpty else {
      throw ImportIssue(file: file, line: row.line, reason: "missing \(name)")
    }
    return value
  }
}
