/// One rating: set (grade 0...3, or any Int) or remove (nil) the judgment of a document for a query.
public struct JudgmentEdit: Sendable, Hashable, Codable {
  /// The query id the grade is filed under (in the qrels).
  public var queryId: String
  /// The query's text, written to the queries file when the id is new.
  public var queryText: String
  /// The judged document's id.
  public var documentId: String
  /// The grade; `nil` removes the judgment.
  public var grade: Int?

  /// Creates an edit.
  public init(queryId: String, queryText: String, documentId: String, grade: Int?) {
    self.queryId = queryId
    self.queryText = queryText
    self.documentId = documentId
    self.grade = grade
  }

  /// Throws when an id cannot be written to TREC qrels (empty, or containing whitespace).
  public func validate() throws(IndexError) {
    try Self.validateIdentifier(queryId, kind: "query id")
    try Self.validateIdentifier(documentId, kind: "document id")
  }

  /// Throws when `identifier` is empty or contains whitespace: qrels columns are separated by whitespace.
  public static func validateIdentifier(_ identifier: String, kind: String) throws(IndexError) {
    if identifier.isEmpty { throw IndexError.invalidInput("the \(kind) is empty; TREC qrels cannot hold it") }
    if identifier.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
      throw IndexError.invalidInput("the \(kind) '\(identifier)' contains whitespace; TREC qrels cannot hold it")
    }
  }
}
