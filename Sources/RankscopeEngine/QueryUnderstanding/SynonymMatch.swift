/// Where a synonym rule came from.
public enum SynonymSource: Sendable, Hashable {
  /// A rule of a synonym file, at a 1-based line.
  case file(path: String, line: Int)
  /// A rule mined from the query log (`SynonymMiner`), with its counts.
  case mined(support: Int, clickedSupport: Int)

  /// Whether it is a file rule.
  public var isFile: Bool { if case .file = self { return true } else { return false } }
}

/// One rewrite a `SynonymTable` offers for a span of a query.
public struct SynonymMatch: Sendable, Hashable {
  /// The span, as word indices into the query's words.
  public var range: Range<Int>
  /// The words matched (the query's words in `range`).
  public var phrase: [String]
  /// The words to add as an alternative.
  public var replacement: [String]
  /// The rule's weight, in (0, 1].
  public var weight: Double
  /// The rule used (a file rule wins over a mined rule for the same phrase and replacement).
  public var source: SynonymSource
  /// The other sources of the same rewrite that lost to `source` (a mined rule under a file rule).
  public var shadowed: [SynonymSource]

  /// Creates a match.
  public init(range: Range<Int>, phrase: [String], replacement: [String], weight: Double, source: SynonymSource,
              shadowed: [SynonymSource] = []) {
    self.range = range
    self.phrase = phrase
    self.replacement = replacement
    self.weight = weight
    self.source = source
    self.shadowed = shadowed
  }
}
