extension SpellingVocabulary {
  /// Builds the vocabulary from an index's stored documents (its text fields, or the members a text field is
  /// made from when it names `sources`; arrays of strings included) and optionally a query log's queries. The
  /// index's own terms are stems (the text fields' analyzers stem), so surface words are read from the stored text.
  public static func build(reader: IndexReader, queries: [String] = []) throws(IndexError) -> SpellingVocabulary {
    let textFields = Set(reader.schema.textFields.flatMap { $0.sources.isEmpty ? [$0.name] : $0.sources })
    var texts: [String] = []
    texts.reserveCapacity(reader.documentCount)
    for document in 0..<reader.documentCount {
      let members = try reader.storedMembers(document, keys: textFields)
      texts.append(textFields.sorted().compactMap { members[$0].map(Self.text(of:)) }.joined(separator: " "))
    }
    return SpellingVocabulary(documents: texts, queries: queries)
  }

  /// The strings of a stored value joined by spaces (strings, arrays of them; numbers are not words).
  static func text(of value: JSONValue) -> String {
    if let string = value.stringValue { return string }
    if let array = value.arrayValue { return array.map(text(of:)).joined(separator: " ") }
    return ""
  }
}
