/// Introduces the typing mistakes real query logs are full of: two adjacent letters swapped, a letter
/// dropped, or a letter doubled, in one word of four letters or more.
enum Misspeller {
  /// What kind of mistake to make.
  enum Mistake: CaseIterable {
    case swap, drop, double
  }

  /// `query` with one mistake, or `query` unchanged when no word is long enough.
  static func misspell(_ query: String, using generator: inout SplitMix64) -> String {
    var words = query.split(separator: " ").map(String.init)
    let candidates = words.indices.filter { words[$0].count >= 4 && words[$0].allSatisfy(\.isLetter) }
    guard !candidates.isEmpty else { return query }
    let index = generator.element(of: candidates)
    let mistake = generator.element(of: Mistake.allCases)
    words[index] = apply(mistake, to: words[index], using: &generator)
    return words.joined(separator: " ")
  }

  /// `word` with the mistake made at a random position (never the first letter, which people rarely miss).
  static func apply(_ mistake: Mistake, to word: String, using generator: inout SplitMix64) -> String {
    var letters = Array(word)
    switch mistake {
    case .swap:
      let positions = (1..<(letters.count - 1)).filter { letters[$0] != letters[$0 + 1] }
      guard !positions.isEmpty else { return apply(.drop, to: word, using: &generator) }
      let position = generator.element(of: positions)
      letters.swapAt(position, position + 1)
    case .drop:
      letters.remove(at: 1 + generator.below(letters.count - 1))
    case .double:
      let position = 1 + generator.below(letters.count - 1)
      letters.insert(letters[position], at: position)
    }
    return String(letters)
  }
}
