/// Mines phrase substitutions from a query log's reformulations, after Jones, Rey, Madani & Greiner 2006
/// ("Generating query substitutions", WWW): within one user's session (`QueryTransitions.sessions`), a search
/// directly followed by another whose words differ in exactly one contiguous span ("boho couch" → "boho sofa":
/// couch → sofa), the words before and after it identical and in order, and at least one of them there (with
/// `requiresContext`, the default: a whole query replaced by another is a change of topic far more often than a
/// synonym).
///
/// Left out: pure insertions and deletions (refinements, not substitutions), reorderings (the same words),
/// spans longer than `maximumSpan` words, and spelling fixes — spans (words joined by one space) within the
/// spelling corrector's distances, one Damerau–Levenshtein edit when the shorter is up to 4 characters long and
/// two when longer, so "couch" → "cuoch" or "couches" is a spelling or inflection fix, "couch" → "sofa" is not —
/// and refinements in disguise, where the shorter span's words each equal or spelling-fix a word of the longer,
/// in order ("aesthetci" → "aesthetic ranunculus": a typo fixed and a word added).
///
/// Counts per rule a → b: `support` (times seen), `clickedSupport` (times the second search got a click) and
/// `reformulationsFromPhrase` (substitutions of any b for a). Weight: `clickedSupport / (reformulationsFromPhrase +
/// smoothing)`, in [0, 1). A rule is kept with at least `minimumSupport` support and `minimumClickedSupport` clicks.
public enum SynonymMiner {
  /// What mining keeps.
  public struct Settings: Sendable, Hashable {
    /// The session gap in seconds (as `QueryTransitions`).
    public var sessionGap: Double
    /// The longest span substituted, in words.
    public var maximumSpan: Int
    /// Whether a substitution needs at least one unchanged word around the span.
    public var requiresContext: Bool
    /// The fewest times a rule must be seen.
    public var minimumSupport: Int
    /// The fewest times its second search must have got a click.
    public var minimumClickedSupport: Int
    /// Added to the weight's denominator.
    public var smoothing: Double

    /// Creates settings; the defaults are the standard ones.
    public init(sessionGap: Double = 30 * 60, maximumSpan: Int = 3, requiresContext: Bool = true, minimumSupport: Int = 2,
                minimumClickedSupport: Int = 1, smoothing: Double = 1) {
      self.sessionGap = sessionGap
      self.maximumSpan = maximumSpan
      self.requiresContext = requiresContext
      self.minimumSupport = minimumSupport
      self.minimumClickedSupport = minimumClickedSupport
      self.smoothing = smoothing
    }

    /// The defaults.
    public static let standard = Settings()
  }

  /// One mined rewrite with the counts behind it.
  public struct Rule: Sendable, Hashable {
    /// The phrase replaced (normalized words).
    public var phrase: [String]
    /// The phrase it was replaced by.
    public var replacement: [String]
    /// Times the substitution was seen.
    public var support: Int
    /// Of those, times the reformulated search got at least one click.
    public var clickedSupport: Int
    /// Substitutions of any phrase for `phrase` (this rule's support included).
    public var reformulationsFromPhrase: Int
    /// `clickedSupport / (reformulationsFromPhrase + smoothing)`.
    public var weight: Double
  }

  /// The substituted spans of `from` → `to` (word arrays), or nil when they are not one substitution of 1 to
  /// `maximumSpan` words on each side with the rest identical and in order (and, with `requiresContext`, not empty).
  public static func substitution(from: [String], to: [String], maximumSpan: Int = 3, requiresContext: Bool = true)
    -> (removed: [String], inserted: [String])? {
    var prefix = 0
    while prefix < from.count, prefix < to.count, from[prefix] == to[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < min(from.count, to.count) - prefix, from[from.count - 1 - suffix] == to[to.count - 1 - suffix] { suffix += 1 }
    let removed = Array(from[prefix..<(from.count - suffix)]), inserted = Array(to[prefix..<(to.count - suffix)])
    guard !removed.isEmpty, !inserted.isEmpty, removed.count <= maximumSpan, inserted.count <= maximumSpan else { return nil }
    guard removed.sorted() != inserted.sorted(), !requiresContext || prefix + suffix > 0 else { return nil }
    return (removed, inserted)
  }

  /// Whether `a` → `b` (spans, words) is a spelling or inflection fix: their texts are within 1 edit when the
  /// shorter has up to 4 characters, 2 when it is longer.
  public static func isSpellingFix(_ a: [String], _ b: [String]) -> Bool {
    let left = a.joined(separator: " "), right = b.joined(separator: " ")
    let limit = min(left.unicodeScalars.count, right.unicodeScalars.count) <= 4 ? 1 : 2
    return DamerauLevenshtein.distance(left, right, limit: limit) != nil
  }

  /// Whether the shorter span's words each equal or spelling-fix (`isSpellingFix`) a word of the longer, in order.
  public static func isRefinement(_ a: [String], _ b: [String]) -> Bool {
    let (shorter, longer) = a.count <= b.count ? (a, b) : (b, a)
    var position = 0
    for word in shorter {
      while position < longer.count, !(longer[position] == word || isSpellingFix([word], [longer[position]])) { position += 1 }
      if position == longer.count { return false }
      position += 1
    }
    return a.count != b.count
  }

  /// The rules mined from `log`, by phrase then weight (highest first) then replacement.
  public static func mine(log: QueryLog, settings: Settings = .standard) -> [Rule] {
    struct Key: Hashable { var phrase: [String], replacement: [String] }
    var support: [Key: (all: Int, clicked: Int)] = [:]
    var fromPhrase: [[String]: Int] = [:]
    for session in QueryTransitions.sessions(of: log, gap: settings.sessionGap) {
      for (first, second) in zip(session, session.dropFirst()) {
        let from = first.normalizedQuery.split(separator: " ").map(String.init)
        let to = second.normalizedQuery.split(separator: " ").map(String.init)
        guard let (removed, inserted) = substitution(from: from, to: to, maximumSpan: settings.maximumSpan,
                                                               requiresContext: settings.requiresContext),
              !isSpellingFix(removed, inserted), !isRefinement(removed, inserted) else { continue }
        let key = Key(phrase: removed, replacement: inserted)
        var counts = support[key] ?? (0, 0)
        counts.all += 1
        counts.clicked += second.clicked.isEmpty ? 0 : 1
        support[key] = counts
        fromPhrase[removed, default: 0] += 1
      }
    }
    var rules: [Rule] = []
    for (key, counts) in support where counts.all >= settings.minimumSupport && counts.clicked >= settings.minimumClickedSupport {
      let total = fromPhrase[key.phrase] ?? counts.all
      rules.append(Rule(phrase: key.phrase, replacement: key.replacement, support: counts.all, clickedSupport: counts.clicked,
                        reformulationsFromPhrase: total, weight: Double(counts.clicked) / (Double(total) + settings.smoothing)))
    }
    return rules.sorted {
      if $0.phrase != $1.phrase { return $0.phrase.lexicographicallyPrecedes($1.phrase) }
      if $0.weight != $1.weight { return $0.weight > $1.weight }
      return $0.replacement.lexicographicallyPrecedes($1.replacement)
    }
  }
}
