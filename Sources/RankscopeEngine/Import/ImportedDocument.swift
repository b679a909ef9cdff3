/// One document read from JSON Lines and checked against the schema, ready to index.
public struct ImportedDocument: Sendable, Hashable {
  /// The document's unique id.
  public var id: String
  /// Text of each text field, in `Schema.textFields` order (empty when absent).
  public var texts: [String]
  /// Values of each keyword field, in `Schema.keywordFields` order.
  public var keywords: [[String]]
  /// Value of each numeric field, in `Schema.numericFields` order (`nil` when absent).
  public var numbers: [Double?]
  /// Value of each vector field, in `Schema.vectorFields` order (`nil` when absent).
  public var vectors: [[Float]?]
  /// The whole JSON object, kept as the document's stored fields.
  public var stored: JSONValue

  /// Creates a document.
  public init(id: String, texts: [String], keywords: [[String]], numbers: [Double?], vectors: [[Float]?],
              stored: JSONValue) {
    self.id = id
    self.texts = texts
    self.keywords = keywords
    self.numbers = numbers
    self.vectors = vectors
    self.stored = stored
  }
}
