/// The set of documents that pass a list of filters (all must hold).
struct DocumentFilter {
  /// `true` for each document that passes.
  var allowed: [Bool]
  /// Number of documents that pass.
  var count: Int

  /// Evaluates `filters` against the index; `nil` when there are none.
  static func evaluate(_ filters: [Filter], reader: IndexReader) throws -> DocumentFilter? {
    guard !filters.isEmpty else { return nil }
    var allowed = [Bool](repeating: true, count: reader.documentCount)
    for filter in filters {
      let matches = try matching(filter, reader: reader)
      for document in 0..<allowed.count where allowed[document] && !matches[document] { allowed[document] = false }
    }
    return DocumentFilter(allowed: allowed, count: allowed.reduce(0) { $0 + ($1 ? 1 : 0) })
  }

  private static func matching(_ filter: Filter, reader: IndexReader) throws -> [Bool] {
    let schema = reader.schema
    switch filter {
    case .not(let inner):
      return try matching(inner, reader: reader).map { !$0 }
    case .keyword(let name, let values):
      guard let field = schema.keywordFields.firstIndex(where: { $0.name == name }) else {
        throw QueryError("\(name) is not a keyword field (keyword fields: \(schema.keywordFields.map(\.name).joined(separator: ", ")))")
      }
      let analyzer = Analyzer(configuration: schema.keywordFields[field].analyzer)
      var result = [Bool](repeating: false, count: reader.documentCount)
      for value in values {
        for document in try reader.documents(keywordField: field, value: KeywordNormalizer.normalize(value, analyzer: analyzer)) {
          result[document] = true
        }
      }
      return result
    case .range(let name, let lower, let lowerInclusive, let upper, let upperInclusive):
      guard let field = schema.numericFields.firstIndex(where: { $0.name == name }) else {
        throw QueryError("\(name) is not a numeric field (numeric fields: \(schema.numericFields.map(\.name).joined(separator: ", ")))")
      }
      var result = [Bool](repeating: false, count: reader.documentCount)
      for document in 0..<reader.documentCount {
        guard let value = try reader.number(field: field, document: document) else { continue }
        if let lower, lowerInclusive ? value < lower : value <= lower { continue }
        if let upper, upperInclusive ? value > upper : value >= upper { continue }
        result[document] = true
      }
      return result
    }
  }
}
