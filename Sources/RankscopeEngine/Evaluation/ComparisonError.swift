/// Why two rankings or two systems' per-query figures cannot be compared.
public enum ComparisonError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The query ids and the two systems' values are not the same length.
  case countMismatch(queries: Int, a: Int, b: Int)
  /// There is no query to compare on.
  case noQueries
  /// A value is NaN or infinite.
  case nonFiniteValue(queryId: String, system: String, value: Double)
  /// A query id appears more than once.
  case duplicateQuery(String)
  /// A parameter is outside its range.
  case invalidParameter(name: String, value: Double, expected: String)

  /// The message shown to the user.
  public var description: String {
    switch self {
    case .countMismatch(let queries, let a, let b):
      return "paired comparison needs one value per query for each system: \(queries) queries, \(a) values for A, \(b) for B"
    case .noQueries:
      return "paired comparison needs at least one query"
    case .nonFiniteValue(let queryId, let system, let value):
      return "query \(queryId): \(system)'s value \(value) is not a finite number"
    case .duplicateQuery(let queryId):
      return "query \(queryId) appears more than once"
    case .invalidParameter(let name, let value, let expected):
      return "\(name) is \(value), expected \(expected)"
    }
  }
}
