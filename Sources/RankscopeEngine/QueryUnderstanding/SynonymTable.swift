/// The synonym rewrites a query may take: a synonym file's rules merged with rules mined from the query log.
///
/// For the same phrase and replacement a file rule wins (its weight and source are used) and the mined rule
/// stays visible as `shadowed`; mined rules with a weight of 0 are dropped. Matching (`expansions(of:)`) takes,
/// per source kind (file, mined), the longest phrases first and then the leftmost, never two overlapping spans;
/// spans of the two kinds may overlap.
public struct SynonymTable: Sendable {
  /// One directed rewrite.
  public struct Entry: Sendable, Hashable {
    /// The phrase replaced.
    public var phrase: [String]
    /// Its replacement.
    public var replacement: [String]
    /// The weight, in (0, 1].
    public var weight: Double
    /// Where it came from.
    public var source: SynonymSource
    /// Sources of the same rewrite that lost to `source`.
    public var shadowed: [SynonymSource]
  }

  /// Every rewrite, by phrase then source kind (file first), weight (highest first) and replacement.
  public let entries: [Entry]
  /// Per source kind (0: file, 1: mined), the entries of each phrase.
  private let byPhrase: [[[String]: [Entry]]]
  /// The longest phrase, in words.
  public let maximumPhraseLength: Int

  /// The table of `file`'s rules and `mined` rules.
  public init(file: SynonymFile? = nil, mined: [SynonymMiner.Rule] = []) {
    struct Key: Hashable { var phrase: [String], replacement: [String] }
    var entries: [Key: Entry] = [:]
    var order: [Key] = []
    for rule in file?.rules ?? [] {
      for (phrase, replacement) in rule.rewrites {
        let key = Key(phrase: phrase, replacement: replacement)
        if entries[key] != nil { continue }  // the first line with a rewrite keeps it
        entries[key] = Entry(phrase: phrase, replacement: replacement, weight: rule.weight,
                             source: .file(path: file!.path, line: rule.line), shadowed: [])
        order.append(key)
      }
    }
    for rule in mined where rule.weight > 0 {
      let key = Key(phrase: rule.phrase, replacement: rule.replacement)
      let source = SynonymSource.mined(support: rule.support, clickedSupport: rule.clickedSupport)
      if entries[key] != nil {
        entries[key]!.shadowed.append(source)
      } else {
        entries[key] = Entry(phrase: rule.phrase, replacement: rule.replacement, weight: min(rule.weight, 1), source: source,
                             shadowed: [])
        order.append(key)
      }
    }
    let all = order.map { entries[$0]! }.sorted(by: Self.precedes)
    self.entries = all
    var byPhrase: [[[String]: [Entry]]] = [[:], [:]]
    for entry in all { byPhrase[entry.source.isFile ? 0 : 1][entry.phrase, default: []].append(entry) }
    self.byPhrase = byPhrase
    maximumPhraseLength = all.map(\.phrase.count).max() ?? 0
  }

  private static func precedes(_ a: Entry, _ b: Entry) -> Bool {
    if a.phrase != b.phrase { return a.phrase.lexicographicallyPrecedes(b.phrase) }
    if a.source.isFile != b.source.isFile { return a.source.isFile }
    if a.weight != b.weight { return a.weight > b.weight }
    return a.replacement.lexicographicallyPrecedes(b.replacement)
  }

  /// The rewrites of `words` (normalized as `QueryLogStatistics.normalize` gives them, one word an element):
  /// by span start, longer spans first, file rules before mined ones, higher weight first, then replacement.
  public func expansions(of words: [String]) -> [SynonymMatch] {
    var matches: [SynonymMatch] = []
    for kind in 0..<2 where !byPhrase[kind].isEmpty {
      var taken = [Bool](repeating: false, count: words.count)
      for length in stride(from: min(maximumPhraseLength, words.count), through: 1, by: -1) {
        for start in 0...(words.count - length) {
          let range = start..<(start + length)
          guard !taken[range].contains(true), let found = byPhrase[kind][Array(words[range])] else { continue }
          for index in range { taken[index] = true }
          for entry in found {
            matches.append(SynonymMatch(range: range, phrase: entry.phrase, replacement: entry.replacement, weight: entry.weight,
                                        source: entry.source, shadowed: entry.shadowed))
          }
        }
      }
    }
    return matches.sorted { a, b in
      if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
      if a.range.count != b.range.count { return a.range.count > b.range.count }
      if a.source.isFile != b.source.isFile { return a.source.isFile }
      if a.weight != b.weight { return a.weight > b.weight }
      return a.replacement.lexicographicallyPrecedes(b.replacement)
    }
  }

  /// The rewrites of `query` after `QueryLogStatistics.normalize`; ranges index its normalized words.
  public func expansions(ofQuery query: String) -> [SynonymMatch] {
    expansions(of: QueryLogStatistics.normalize(query).split(separator: " ").map(String.init))
  }
}
