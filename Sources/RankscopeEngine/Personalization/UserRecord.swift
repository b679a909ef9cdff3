import Foundation

/// A user as `users.jsonl` describes them: `{"id", "name", …}`; other members are kept as given.
public struct UserRecord: Sendable, Hashable {
  /// The user's id, as the engagement log names them.
  public var id: String
  /// The display name (the id when the file gives none).
  public var name: String
  /// The line's other members (the sample world's latent `interests`, say), in file order.
  public var attributes: [JSONMember]

  /// Creates a record.
  public init(id: String, name: String, attributes: [JSONMember] = []) {
    self.id = id
    self.name = name
    self.attributes = attributes
  }

  /// The users file at `path`.
  public static func read(path: String) throws -> [UserRecord] {
    return try parse(try FileBytes.read(path: path), file: path)
  }

  /// The users given as JSON Lines bytes; a bad line or a repeated id throws an `ImportIssue` naming it.
  public static func parse(_ bytes: [UInt8], file: String) throws(ImportIssue) -> [UserRecord] {
    var users: [UserRecord] = []
    var lines: [String: Int] = [:]
    for (line, text) in JSONLines.lines(of: bytes) {
      func fail(_ reason: String) -> ImportIssue { ImportIssue(file: file, line: line, reason: reason) }
      let value: JSONValue
      do { value = try JSONParser.parse(bytes: Array(text)) } catch { throw fail("malformed JSON at \(error)") }
      guard let members = value.objectMembers else { throw fail("expected a JSON object") }
      guard case .string(let id)? = value["id"], !id.isEmpty else { throw fail("\"id\" must be a non-empty string") }
      if let first = lines[id] { throw fail("user \"\(id)\" is already defined on line \(first)") }
      lines[id] = line
      var name = id
      switch value["name"] {
      case nil, .null?: break
      case .string(let text)?: name = text
      default: throw fail("\"name\" must be a string")
      }
      users.append(UserRecord(id: id, name: name, attributes: members.filter { $0.key != "id" && $0.key != "name" }))
    }
    return users
  }
}
