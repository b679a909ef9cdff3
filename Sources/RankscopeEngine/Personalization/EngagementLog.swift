import Foundation

/// The engagement log: one event a line, `{"user", "doc", "action": click|closeup|save|hide, "ts", "query"?}`.
///
/// A malformed line stops the reading with an `ImportIssue` naming the file, the line and the reason.
public struct EngagementLog: Sendable, Hashable {
  /// The file it was read from (named in errors).
  public var file: String
  /// The events in file order.
  public var events: [EngagementEvent]

  /// Creates a log from events.
  public init(file: String, events: [EngagementEvent]) {
    self.file = file
    self.events = events
  }

  /// The latest timestamp in the log (the reference time of decay and activity), or nil when empty.
  public var latestTimestamp: Double? { events.map(\.timestamp).max() }

  /// The events of each user, in file order.
  public func eventsByUser() -> [String: [EngagementEvent]] {
    var result: [String: [EngagementEvent]] = [:]
    for event in events { result[event.user, default: []].append(event) }
    return result
  }

  /// The log at `path`.
  public static func read(path: String) throws -> EngagementLog {
    return try parse(try FileBytes.read(path: path), file: path)
  }

  /// The log given as UTF-8 bytes; `file` names it in errors.
  public static func parse(_ bytes: [UInt8], file: String) throws(ImportIssue) -> EngagementLog {
    var events: [EngagementEvent] = []
    for (line, text) in JSONLines.lines(of: bytes) {
      events.append(try event(line: text, number: line, file: file))
    }
    return EngagementLog(file: file, events: events)
  }

  /// One line's event.
  static func event(line text: ArraySlice<UInt8>, number line: Int, file: String) throws(ImportIssue) -> EngagementEvent {
    func fail(_ reason: String) -> ImportIssue { ImportIssue(file: file, line: line, reason: reason) }
    let value: JSONValue
    do { value = try JSONParser.parse(bytes: Array(text)) } catch { throw fail("malformed JSON at \(error)") }
    guard value.objectMembers != nil else { throw fail("expected a JSON object") }
    guard case .string(let user)? = value["user"], !user.isEmpty else { throw fail("\"user\" must be a non-empty string") }
    guard case .string(let document)? = value["doc"], !document.isEmpty else { throw fail("\"doc\" must be a non-empty string") }
    guard case .string(let actionName)? = value["action"] else { throw fail("\"action\" must be a string") }
    guard let action = EngagementAction(rawValue: actionName) else {
      let known = EngagementAction.allCases.map(\.rawValue).joined(separator: ", ")
      throw fail("unknown action \"\(actionName)\" (expected one of \(known))")
    }
    guard case .number(let timestamp)? = value["ts"], timestamp.isFinite else { throw fail("\"ts\" must be a finite number") }
    var query: String?
    switch value["query"] {
    case nil, .null?: break
    case .string(let text)?: query = text
    default: throw fail("\"query\" must be a string")
    }
    return EngagementEvent(user: user, document: document, action: action, timestamp: timestamp, query: query, line: line)
  }
}
