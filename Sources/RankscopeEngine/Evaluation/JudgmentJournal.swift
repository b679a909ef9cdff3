/// The journal of a `JudgmentStore`: one JSON line per edit, `{"queryId", "queryText", "documentId", "grade"}`
/// (grade `null` removes), appended and synced before an edit counts as made.
public enum JudgmentJournal {
  /// The journal line of `edit`, newline included.
  public static func line(for edit: JudgmentEdit) -> String {
    let grade: JSONValue = edit.grade.map { .number(Double($0)) } ?? .null
    let value = JSONValue.object([
      JSONMember("queryId", .string(edit.queryId)), JSONMember("queryText", .string(edit.queryText)),
      JSONMember("documentId", .string(edit.documentId)), JSONMember("grade", grade),
    ])
    return JSONWriter.string(value) + "\n"
  }

  /// The edits of a journal's bytes, in order. A last line without its newline is a write cut short by a crash
  /// (never acknowledged) and is ignored; any other bad line is an error naming `file` and the line.
  public static func edits(in bytes: [UInt8], file: String) throws(ImportIssue) -> [JudgmentEdit] {
    var edits: [JudgmentEdit] = []
    var start = 0
    var lineNumber = 1
    while let end = bytes[start...].firstIndex(of: 0x0A) {
      let line = bytes[start..<end]
      if line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
        do throws(JournalLineError) { edits.append(try edit(fromLine: line)) } catch {
          throw ImportIssue(file: file, line: lineNumber, reason: error.reason)
        }
      }
      start = end + 1
      lineNumber += 1
    }
    return edits
  }

  /// The edit one journal line holds.
  static func edit(fromLine line: ArraySlice<UInt8>) throws(JournalLineError) -> JudgmentEdit {
    let value: JSONValue
    do { value = try JSONParser.parse(bytes: Array(line)) } catch {
      throw JournalLineError(reason: "malformed JSON at \(error)")
    }
    guard let queryId = value["queryId"]?.stringValue, let queryText = value["queryText"]?.stringValue,
          let documentId = value["documentId"]?.stringValue else {
      throw JournalLineError(reason: "expected string members \"queryId\", \"queryText\" and \"documentId\"")
    }
    let grade: Int?
    switch value["grade"] {
    case .null?: grade = nil
    case .number(let number)? where number == number.rounded() && abs(number) < 1e15: grade = Int(number)
    default: throw JournalLineError(reason: "\"grade\" must be an integer or null")
    }
    let edit = JudgmentEdit(queryId: queryId, queryText: queryText, documentId: documentId, grade: grade)
    do throws(IndexError) { try edit.validate() } catch { throw JournalLineError(reason: error.description) }
    return edit
  }

  /// Why one journal line could not be read.
  struct JournalLineError: Error {
    var reason: String
  }
}
