/// Why a query could not be parsed.
public struct QueryError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, naming the offending part.
  public var reason: String

  /// Creates an error.
  public init(_ reason: String) { self.reason = reason }

  public var description: String { reason }
}

/// Splits a query into free text and filters, and analyzes the free text with each text field's analyzer.
///
/// Syntax: words are searched; `field:value` (or `field:"two words"`, `field:a,b` for either) filters a
/// keyword field; `field<10`, `field<=10`, `field>10`, `field>=10`, `field=10`, `field:10..50` filter a
/// numeric field; a leading `-` negates a filter. A `name:` that is not a keyword or numeric field is
/// searched as text.
public struct QueryParser: Sendable {
  /// The schema whose fields filters may name.
  public let schema: Schema
  private let analyzers: [Analyzer]

  /// Creates a parser for a schema.
  public init(schema: Schema) {
    self.schema = schema
    analyzers = schema.textFields.map { Analyzer(configuration: $0.analyzer) }
  }

  /// Parses `text`.
  public func parse(_ text: String) throws(QueryError) -> ParsedQuery {
    if let plain = Self.plainWords(text) {
      return ParsedQuery(text: plain, terms: terms(plain), filters: [])
    }
    var freeText: [String] = []
    var filters: [Filter] = []
    for chunk in Self.chunks(text) {
      if let filter = try filter(from: chunk) {
        filters.append(filter)
      } else {
        freeText.append(chunk)
      }
    }
    let remaining = freeText.joined(separator: " ")
    return ParsedQuery(text: remaining, terms: terms(remaining), filters: filters)
  }

  /// The distinct terms of free text, in order of first appearance, with their query frequencies.
  public func terms(_ text: String) -> [ParsedQuery.Term] {
    var result: [ParsedQuery.Term] = []
    var positions: [[String?]: Int] = [:]
    for token in Tokenizer.tokens(text) {
      let fieldTerms = analyzers.map { $0.term(for: token) }
      guard let shown = fieldTerms.compactMap({ $0 }).first else { continue }
      // Short queries: a linear search beats hashing arrays of strings.
      let known = result.count < 16 ? result.firstIndex { $0.fieldTerms == fieldTerms } : positions[fieldTerms]
      if let position = known {
        result[position].queryFrequency += 1
      } else {
        if result.count >= 15 {
          if result.count == 15 { for (index, term) in result.enumerated() { positions[term.fieldTerms] = index } }
          positions[fieldTerms] = result.count
        }
        result.append(ParsedQuery.Term(text: shown, fieldTerms: fieldTerms, queryFrequency: 1))
      }
    }
    return result
  }

  /// The free text of a query of plain ASCII words (no quotes, no filter operators `:` `<` `>` `=`): its
  /// white-space-separated chunks joined by single spaces, as `parse` would make it; `nil` for any other text.
  static func plainWords(_ text: String) -> String? {
    let result: String?? = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      var output: [UInt8] = []
      output.reserveCapacity(bytes.count)
      var pendingSpace = false
      for byte in bytes {
        switch byte {
        case 0x80..., UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "="):
          return nil
        case 0x09...0x0D, UInt8(ascii: " "):
          pendingSpace = !output.isEmpty
        default:
          if pendingSpace { output.append(UInt8(ascii: " ")) }
          pendingSpace = false
          output.append(byte)
        }
      }
      return String(decoding: output, as: UTF8.self)
    }
    return result ?? nil
  }

  /// Splits on white space, keeping double-quoted runs together.
  static func chunks(_ text: String) -> [String] {
    var result: [String] = []
    var current = ""
    var quoted = false
    for character in text {
      if character == "\"" {
        quoted.toggle()
        current.append(character)
      } else if character.isWhitespace && !quoted {
        if !current.isEmpty { result.append(current) }
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { result.append(current) }
    return result
  }

  private static let operators = ["<=", ">=", ":", "<", ">", "="]

  private func filter(from chunk: String) throws(QueryError) -> Filter? {
    var body = Substring(chunk)
    let negated = body.hasPrefix("-")
    if negated { body = body.dropFirst() }
    guard let (name, symbol, rawValue) = Self.split(body) else { return nil }
    guard let field = schema.field(named: name), field.type == .keyword || field.type == .numeric else { return nil }
    let value = Self.unquote(rawValue)
    guard !value.isEmpty else { throw QueryError("filter \(chunk) has no value") }
    let filter: Filter
    if field.type == .keyword {
      guard symbol == ":" || symbol == "=" else {
        throw QueryError("keyword field \(name) takes ':' (as in \(name):value), not '\(symbol)'")
      }
      let values = value.split(separator: ",").map { String($0) }.filter { !$0.isEmpty }
      filter = .keyword(field: name, values: values)
    } else {
      filter = try numericFilter(name: name, symbol: symbol, value: value, chunk: chunk)
    }
    return negated ? .not(filter) : filter
  }

  private func numericFilter(name: String, symbol: String, value: String, chunk: String) throws(QueryError) -> Filter {
    func number(_ text: Substring) throws(QueryError) -> Double {
      guard let parsed = Double(text), parsed.isFinite else {
        throw QueryError("'\(text)' in \(chunk) is not a number (field \(name) is numeric)")
      }
      return parsed
    }
    switch symbol {
    case "<": return .range(field: name, lower: nil, lowerInclusive: false, upper: try number(value[...]), upperInclusive: false)
    case "<=": return .range(field: name, lower: nil, lowerInclusive: false, upper: try number(value[...]), upperInclusive: true)
    case ">": return .range(field: name, lower: try number(value[...]), lowerInclusive: false, upper: nil, upperInclusive: false)
    case ">=": return .range(field: name, lower: try number(value[...]), lowerInclusive: true, upper: nil, upperInclusive: false)
    default:
      if let dots = value.range(of: "..") {
        let lowerText = value[..<dots.lowerBound]
        let upperText = value[dots.upperBound...]
        return .range(field: name, lower: lowerText.isEmpty ? nil : try number(lowerText), lowerInclusive: true,
                      upper: upperText.isEmpty ? nil : try number(upperText), upperInclusive: true)
      }
      let exact = try number(value[...])
      return .range(field: name, lower: exact, lowerInclusive: true, upper: exact, upperInclusive: true)
    }
  }

  private static func split(_ body: Substring) -> (String, String, String)? {
    guard let first = body.firstIndex(where: { $0 == ":" || $0 == "<" || $0 == ">" || $0 == "=" }),
          first > body.startIndex else { return nil }
    let name = body[..<first]
    guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }) else { return nil }
    let rest = body[first...]
    for symbol in operators where rest.hasPrefix(symbol) {
      return (String(name), symbol, String(rest.dropFirst(symbol.count)))
    }
    return nil
  }

  private static func unquote(_ value: String) -> String {
    var text = Substring(value)
    if text.hasPrefix("\"") { text = text.dropFirst() }
    if text.hasSuffix("\"") { text = text.dropLast() }
    return String(text)
  }
}
