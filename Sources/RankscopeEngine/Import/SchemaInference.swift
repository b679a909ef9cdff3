/// Guesses a schema from sample documents when none is declared.
///
/// Rules, per key: arrays of numbers of one length → vector; numbers → numeric; strings averaging more
/// than three words, or arrays of strings with long items → text; other strings and arrays of strings
/// → keyword. The id key is `id` (or `_id`, `docid`, `doc_id` when present).
public enum SchemaInference {
  /// A schema for the objects in `documents`.
  public static func infer(from documents: [JSONValue]) -> Schema {
    var order: [String] = []
    var observations: [String: Observation] = [:]
    for document in documents {
      for member in document.objectMembers ?? [] {
        if observations[member.key] == nil { order.append(member.key) }
        observations[member.key, default: Observation()].observe(member.value)
      }
    }
    let idField = ["id", "_id", "docid", "doc_id"].first { observations[$0] != nil } ?? "id"
    var fields: [Schema.Field] = []
    for key in order where key != idField {
      guard let type = observations[key]?.type else { continue }
      var field = Schema.Field(name: key, type: type, analyzer: type == .keyword ? .keyword : .english)
      if type == .vector { field.dimension = observations[key]?.vectorDimension }
      fields.append(field)
    }
    let title = fields.first { $0.type == .text }?.name
    let details = fields.filter { $0.type == .keyword || $0.type == .numeric }.prefix(3).map(\.name)
    return Schema(idField: idField, fields: fields, display: .init(title: title, details: Array(details)))
  }

  /// A schema for the first `sampleSize` valid JSON objects among JSON Lines `bytes`.
  public static func infer(fromJSONLines bytes: [UInt8], sampleSize: Int = 1000) -> Schema {
    var sample: [JSONValue] = []
    for (_, line) in JSONLines.lines(of: bytes) {
      if let value = try? JSONParser.parse(bytes: Array(line)), value.objectMembers != nil { sample.append(value) }
      if sample.count >= sampleSize { break }
    }
    return infer(from: sample)
  }

  private struct Observation {
    var strings = 0
    var words = 0
    var numbers = 0
    var stringArrays = 0
    var vectorLengths: Set<Int> = []
    var other = 0

    mutating func observe(_ value: JSONValue) {
      switch value {
      case .null: break
      case .string(let text):
        strings += 1
        words += text.split(separator: " ").count
      case .number: numbers += 1
      case .array(let elements):
        if !elements.isEmpty, elements.allSatisfy({ $0.numberValue != nil }) {
          vectorLengths.insert(elements.count)
        } else if elements.allSatisfy({ $0.stringValue != nil }) {
          stringArrays += 1
          strings += elements.count
          words += elements.reduce(0) { $0 + ($1.stringValue?.split(separator: " ").count ?? 0) }
        } else {
          other += 1
        }
      case .bool: strings += 1; words += 1
      case .object: other += 1
      }
    }

    var vectorDimension: Int? { vectorLengths.count == 1 ? vectorLengths.first : nil }

    var type: Schema.FieldType? {
      if vectorDimension != nil, strings == 0, numbers == 0 { return .vector }
      if numbers > 0, strings == 0, stringArrays == 0, vectorLengths.isEmpty { return .numeric }
      if strings > 0 {
        let averageWords = Double(words) / Double(max(strings, 1))
        return averageWords > 3 ? .text : .keyword
      }
      return nil
    }
  }
}
