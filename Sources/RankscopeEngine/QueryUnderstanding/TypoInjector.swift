/// Seeded typing mistakes for evaluating spelling correction: one edit per query — an insertion, deletion,
/// substitution or transposition of adjacent letters (Damerau's four single-error classes) — in one word of at
/// least `minimumWordLength` letters, never at the first letter. Draws come from SplitMix64 (Steele, Lea &
/// Flood 2014) seeded with `seed` mixed with the query's position, so each query's typo is fixed by (seed, position).
public struct TypoInjector: Sendable {
  /// The kind of edit made.
  public enum Edit: String, Sendable, CaseIterable {
    /// A letter inserted.
    case insertion
    /// A letter dropped.
    case deletion
    /// A letter replaced by another.
    case substitution
    /// Two adjacent (different) letters swapped.
    case transposition
  }

  /// The seed of the draws.
  public let seed: UInt64
  /// Shortest word that receives a typo.
  public let minimumWordLength: Int

  /// Creates an injector.
  public init(seed: UInt64 = 8, minimumWordLength: Int = 4) {
    self.seed = seed
    self.minimumWordLength = minimumWordLength
  }

  /// `query` with one typo, the `position`-th query of a set; unchanged when no word qualifies.
  public func inject(_ query: String, position: Int) -> String {
    var generator = SamplingGenerator(seed: seed ^ (0x9E37_79B9_7F4A_7C15 &* UInt64(position + 1)))
    var words = query.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    let candidates = words.indices.filter { words[$0].count >= minimumWordLength && words[$0].allSatisfy(\.isLetter) }
    guard !candidates.isEmpty else { return query }
    let chosen = candidates[generator.below(candidates.count)]
    let edit = Edit.allCases[generator.below(Edit.allCases.count)]
    words[chosen] = Self.apply(edit, to: words[chosen], using: &generator)
    return words.joined(separator: " ")
  }

  /// `word` with `edit` made at a drawn position after the first letter (a transposition without two different
  /// adjacent letters becomes a substitution).
  static func apply(_ edit: Edit, to word: String, using generator: inout SamplingGenerator) -> String {
    var letters = Array(word)
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
    switch edit {
    case .insertion:
      letters.insert(alphabet[generator.below(alphabet.count)], at: 1 + generator.below(letters.count))
    case .deletion:
      letters.remove(at: 1 + generator.below(letters.count - 1))
    case .substitution:
      let position = 1 + generator.below(letters.count - 1)
      let others = alphabet.filter { $0 != Character(letters[position].lowercased()) }
      letters[position] = others[generator.below(others.count)]
    case .transposition:
      let positions = (1..<(letters.count - 1)).filter { letters[$0] != letters[$0 + 1] }
      guard !positions.isEmpty else { return apply(.substitution, to: word, using: &generator) }
      let position = positions[generator.below(positions.count)]
      letters.swapAt(position, position + 1)
    }
    return String(letters)
  }
}
