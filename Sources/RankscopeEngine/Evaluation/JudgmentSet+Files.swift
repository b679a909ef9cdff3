import Foundation

extension JudgmentSet {
  /// The grades as TREC qrels text, `qid 0 docid grade` per line, sorted by query id then document id (both
  /// numeric-aware: "2" before "10"); throws when an id cannot be written (empty or containing whitespace).
  public func qrelsText() throws(IndexError) -> String {
    var text = ""
    for queryId in judgments.grades.keys.sorted(by: Self.identifierPrecedes) {
      try JudgmentEdit.validateIdentifier(queryId, kind: "query id")
      let grades = judgments.grades[queryId] ?? [:]
      for documentId in grades.keys.sorted(by: Self.identifierPrecedes) {
        try JudgmentEdit.validateIdentifier(documentId, kind: "document id")
        text += "\(queryId) 0 \(documentId) \(grades[documentId]!)\n"
      }
    }
    return text
  }

  /// The queries as JSON Lines `{"id","text"}` in order, as `EvaluationQuery.read` reads them.
  public func queriesText() -> String {
    var text = ""
    for query in queries {
      JSONWriter.write(.object([JSONMember("id", .string(query.id)), JSONMember("text", .string(query.text))]), into: &text)
      text += "\n"
    }
    return text
  }

  /// Numeric-aware order of ids ("q2" before "q10"), ties between different spellings broken by bytes.
  static func identifierPrecedes(_ left: String, _ right: String) -> Bool {
    switch left.compare(right, options: .numeric) {
    case .orderedAscending: return true
    case .orderedDescending: return false
    case .orderedSame: return Array(left.utf8).lexicographicallyPrecedes(right.utf8)
    }
  }
}
