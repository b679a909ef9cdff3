/// "Did you mean" for names typed by hand (features, generators, fields, profile keys): the known names
/// closest to a misspelt one by edit distance.
enum NameSuggestions {
  /// Up to `count` names of `known` closest to `name`: edit distance (case-insensitive) at most
  /// max(2, length / 3), or containing it when it has 3 or more characters; nearest first, then by name.
  static func closest(to name: String, among known: [String], count: Int = 3) -> [String] {
    let wanted = Array(name.lowercased())
    let limit = max(2, wanted.count / 3)
    var scored: [(distance: Int, name: String)] = []
    for candidate in known {
      let distance = editDistance(wanted, Array(candidate.lowercased()))
      if distance <= limit || (wanted.count >= 3 && candidate.lowercased().contains(String(wanted))) {
        scored.append((distance, candidate))
      }
    }
    scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
    return Array(scored.prefix(count).map(\.name))
  }

  /// Levenshtein distance over characters (Levenshtein 1966), two rows.
  static func editDistance(_ left: [Character], _ right: [Character]) -> Int {
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var previous = Array(0...right.count)
    var current = [Int](repeating: 0, count: right.count + 1)
    for i in 1...left.count {
      current[0] = i
      for j in 1...right.count {
        let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
        current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
      }
      swap(&previous, &current)
    }
    return previous[right.count]
  }
}
