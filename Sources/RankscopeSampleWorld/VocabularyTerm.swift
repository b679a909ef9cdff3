/// A word or phrase of the sample world's vocabulary, with the spellings it appears under in text.
///
/// Written in the tables as `"sofa/couch/settee"`: the first spelling is the canonical one (used for tags,
/// keyword fields and judgments), the others are synonyms that texts and queries use some of the time, so
/// that exact word matching misses part of what is relevant, as it does on real data.
public struct VocabularyTerm: Sendable, Hashable {
  /// The canonical spelling.
  public let canonical: String
  /// Every spelling, the canonical one first.
  public let spellings: [String]

  /// Creates a term from its slash-separated spellings.
  public init(_ slashSeparated: String) {
    let parts = slashSeparated.split(separator: "/").map { String($0).trimmedOfSpaces }
    spellings = parts.filter { !$0.isEmpty }
    canonical = spellings.first ?? ""
  }

  /// A spelling for text: the canonical one with probability `canonicalShare`, otherwise a synonym.
  func spelling(using generator: inout SplitMix64, canonicalShare: Double = 0.7) -> String {
    if spellings.count == 1 || generator.chance(canonicalShare) { return canonical }
    return spellings[1 + generator.below(spellings.count - 1)]
  }

  /// Terms from a comma-separated list such as `"kitchen, kitchen island, sofa/couch"`.
  static func list(_ commaSeparated: String) -> [VocabularyTerm] {
    commaSeparated.split(whereSeparator: { $0 == "," || $0 == "\n" })
      .map { String($0).trimmedOfSpaces }
      .filter { !$0.isEmpty }
      .map(VocabularyTerm.init)
  }
}

extension String {
  /// The string without leading and trailing spaces.
  var trimmedOfSpaces: String {
    var characters = Substring(self)
    while characters.first == " " { characters.removeFirst() }
    while characters.last == " " { characters.removeLast() }
    return String(characters)
  }

  /// The phrase without its leading "a" or "an" ("a farmhouse sink" → "farmhouse sink").
  var withoutLeadingArticle: String {
    for article in ["a ", "an "] where hasPrefix(article) { return String(dropFirst(article.count)) }
    return self
  }

  /// Comma- or newline-separated items, trimmed, empty ones dropped.
  var commaSeparatedItems: [String] {
    split(whereSeparator: { $0 == "," || $0 == "\n" }).map { String($0).trimmedOfSpaces }.filter { !$0.isEmpty }
  }
}
