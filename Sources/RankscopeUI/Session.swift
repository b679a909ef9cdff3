import RankscopeEngine

/// A recorded explorer session: a header line, then one event per line (JSON Lines).
///
/// Written by `rankscope explore --record FILE` and read by `rankscope replay FILE`; the format is meant to be
/// written by hand too (see `SessionHeader` and `SessionEvent`).
public struct Session: Sendable, Hashable {
  /// What the explorer started with.
  public var header: SessionHeader
  /// What the user did, in order.
  public var events: [SessionEvent]
  /// The line number of an unfinished last line that was left out (a recording stopped mid-write), or nil.
  public var tornLine: Int?

  /// Creates a session.
  public init(header: SessionHeader, events: [SessionEvent] = [], tornLine: Int? = nil) {
    self.header = header
    self.events = events
    self.tornLine = tornLine
  }

  /// The session as JSON Lines, each line ending in a line break.
  public var text: String {
    ([header.jsonLine] + events.map(\.jsonLine)).map { $0 + "\n" }.joined()
  }

  /// Reads a session from `text`, naming `file` in errors (`file:line: reason`).
  ///
  /// Blank lines are skipped. A last line without a line break that cannot be read is left out (a recording
  /// killed mid-write) and its number kept in `tornLine`; any other bad line is an error.
  public static func parse(_ text: String, file: String) throws(ImportIssue) -> Session {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let endsWithBreak = text.hasSuffix("\n")
    var header: SessionHeader?
    var events: [SessionEvent] = []
    var tornLine: Int?
    for (offset, rawLine) in lines.enumerated() {
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      guard !line.allSatisfy(\.isWhitespace) else { continue }
      let number = offset + 1
      do throws(SessionFormatError) {
        let json = try parseJSON(line)
        if header == nil {
          header = try SessionHeader(json: json)
        } else {
          events.append(try SessionEvent(json: json, defaultMilliseconds: events.last?.milliseconds ?? 0))
        }
      } catch {
        if offset == lines.count - 1, !endsWithBreak, header != nil {
          tornLine = number
          break
        }
        throw ImportIssue(file: file, line: number, reason: error.reason)
      }
    }
    guard let header else { throw ImportIssue(file: file, line: 0, reason: "empty: a session starts with a header line") }
    return Session(header: header, events: events, tornLine: tornLine)
  }

  /// One line as JSON.
  private static func parseJSON(_ line: Substring) throws(SessionFormatError) -> JSONValue {
    do {
      return try JSONParser.parse(bytes: Array(line.utf8))
    } catch {
      throw SessionFormatError("not JSON: \(error)")
    }
  }
}
