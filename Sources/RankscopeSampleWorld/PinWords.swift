/// The words one pin is written with: its latent attributes plus a few companions (a second subject, another
/// style to contrast with), and the values they give to pattern slots.
struct PinWords: Sendable {
  let subject: VocabularyTerm
  let subject2: VocabularyTerm
  let style: VocabularyTerm
  let otherStyle: VocabularyTerm
  let material: VocabularyTerm
  let material2: VocabularyTerm
  let detail: VocabularyTerm
  let detail2: VocabularyTerm
  let occasion: VocabularyTerm
  let colour: VocabularyTerm
  let adjective: String
  let adjective2: String
  let number: Int
  let minutes: Int
  let categoryName: String
  /// Whether the subject is a plural noun phrase ("tacos", "gold hoops"), for agreement.
  let subjectIsPlural: Bool

  /// Draws the words of a pin of `kind` in the grammar's category.
  init(grammar: CategoryGrammar, kind: SamplePin.Kind, colours: WeightedTerms, using generator: inout SplitMix64) {
    let subjects = kind == .product ? grammar.products : grammar.subjects
    subject = subjects.draw(using: &generator)
    subject2 = grammar.subjects.draw(differentFrom: subject, using: &generator)
    style = grammar.styles.draw(using: &generator)
    otherStyle = grammar.styles.draw(differentFrom: style, using: &generator)
    material = grammar.materials.draw(using: &generator)
    material2 = grammar.materials.draw(differentFrom: material, using: &generator)
    detail = grammar.details.draw(using: &generator)
    detail2 = grammar.details.draw(differentFrom: detail, using: &generator)
    occasion = grammar.occasions.draw(using: &generator)
    colour = colours.draw(using: &generator)
    let adjectives = grammar.vertical.adjectives
    let first = generator.below(adjectives.count)
    let second = (first + 1 + generator.below(adjectives.count - 1)) % adjectives.count
    adjective = adjectives[first]
    adjective2 = adjectives[second]
    number = generator.element(of: SampleCatalog.listCounts)
    minutes = generator.element(of: SampleCatalog.durations)
    categoryName = grammar.category.name
    subjectIsPlural = Self.isPlural(subject.canonical)
  }

  /// Whether a noun phrase reads as plural: its last word ends in "s" but not in "ss", "us", "is" or "as".
  static func isPlural(_ phrase: String) -> Bool {
    guard let last = phrase.split(separator: " ").last?.lowercased() else { return false }
    for singularEnding in ["ss", "us", "is", "as", "'s"] where last.hasSuffix(singularEnding) { return false }
    return last.hasSuffix("s")
  }

  /// The text a slot inserts; synonyms are chosen per occurrence, so a title and its description may
  /// name the same thing differently.
  func value(_ slot: TextPattern.Slot, _ generator: inout SplitMix64) -> String {
    switch slot {
    case .subject: return subject.spelling(using: &generator, canonicalShare: 0.6)
    case .subject2: return subject2.spelling(using: &generator)
    case .style: return style.spelling(using: &generator, canonicalShare: 0.65)
    case .otherStyle: return otherStyle.spelling(using: &generator)
    case .material: return material.spelling(using: &generator, canonicalShare: 0.8)
    case .material2: return material2.spelling(using: &generator)
    case .detail: return detail.spelling(using: &generator, canonicalShare: 0.8)
    case .detail2: return detail2.spelling(using: &generator)
    case .occasion: return occasion.spelling(using: &generator)
    case .colour: return colour.spelling(using: &generator)
    case .adjective: return adjective
    case .adjective2: return adjective2
    case .number: return String(number)
    case .minutes: return String(minutes)
    case .category: return categoryName
    case .article: return TextPattern.articleMarker
    case .subjectArticle: return subjectIsPlural ? "" : TextPattern.articleMarker
    case .this: return subjectIsPlural ? "these" : "this"
    case .verbIs: return subjectIsPlural ? "are" : "is"
    case .verbEnding: return subjectIsPlural ? "" : "s"
    }
  }
}
