/// The Damerau–Levenshtein edit distance in its optimal-string-alignment form (Damerau 1964, "A technique for
/// computer detection and correction of spelling errors"; Levenshtein 1966): insertions, deletions,
/// substitutions and transpositions of two adjacent characters each cost 1, and no substring is edited twice.
public enum DamerauLevenshtein {
  /// The distance between `source` and `target` (Unicode scalars), or `nil` when it exceeds `limit`.
  /// - Complexity: O(|source| · |target|) time, O(|target|) memory over three rows.
  public static func distance(_ source: [Unicode.Scalar], _ target: [Unicode.Scalar], limit: Int = .max) -> Int? {
    if abs(source.count - target.count) > limit { return nil }
    if source.isEmpty { return target.count <= limit ? target.count : nil }
    if target.isEmpty { return source.count <= limit ? source.count : nil }
    let width = target.count + 1
    var beforePrevious = [Int](repeating: 0, count: width)
    var previous = Array(0...target.count)
    var current = [Int](repeating: 0, count: width)
    for row in 1...source.count {
      current[0] = row
      var rowMinimum = row
      for column in 1...target.count {
        let cost = source[row - 1] == target[column - 1] ? 0 : 1
        var value = min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost)
        if row > 1, column > 1, source[row - 1] == target[column - 2], source[row - 2] == target[column - 1] {
          value = min(value, beforePrevious[column - 2] + 1)
        }
        current[column] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return nil }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    let result = previous[target.count]
    return result <= limit ? result : nil
  }

  /// The distance between two strings compared by Unicode scalars, or `nil` when it exceeds `limit`.
  public static func distance(_ source: String, _ target: String, limit: Int = .max) -> Int? {
    distance(Array(source.unicodeScalars), Array(target.unicodeScalars), limit: limit)
  }
}
