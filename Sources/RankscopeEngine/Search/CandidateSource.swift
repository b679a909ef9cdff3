/// Where a hit came from: one generator that found it, at which rank, with which raw score.
public struct CandidateSource: Sendable, Hashable {
  /// The generator's name, e.g. `bm25f`.
  public var generator: String
  /// The hit's rank in that generator's list, from 1.
  public var rank: Int
  /// The generator's raw score.
  public var score: Double

  /// Creates a source.
  public init(generator: String, rank: Int, score: Double) {
    self.generator = generator
    self.rank = rank
    self.score = score
  }

  /// A compact marker: a letter for the generator and the rank, e.g. `L3` (lexical), `S1` (semantic), `P7`
  /// (popular).
  public var marker: String { "\(Self.letter(for: generator))\(rank)" }

  /// The letter of a generator: `L` for `bm25f`, `S` for `ann:` fields, `P` for `popular:`, else its initial.
  public static func letter(for generator: String) -> String {
    if generator == BM25FGenerator.generatorName { return "L" }
    if generator.hasPrefix("ann:") { return "S" }
    if generator.hasPrefix("popular:") { return "P" }
    return generator.first.map { String($0).uppercased() } ?? "?"
  }
}
