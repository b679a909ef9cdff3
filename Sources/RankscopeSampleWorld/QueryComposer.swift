/// Turns intents into query text the way people type: lower case, short, attribute words before the subject
/// ("boho bedroom", "easy vegan lentil soup"), sometimes a trailing "ideas" or "recipe", sometimes a synonym.
struct QueryComposer: Sendable {
  /// Every category, prepared.
  let grammars: [CategoryGrammar]

  /// Which attribute an intent adds beside its subject.
  enum AttributeKind: CaseIterable {
    case style, material, colour, occasion, detail
  }

  /// An intent modelled on a pin: its category, its subject and `extraCount` of its other attributes.
  func intent(from pin: SamplePin, extraCount: Int, includeDetail: Bool,
              using generator: inout SplitMix64) -> QueryIntent {
    let truth = pin.truth
    var intent = QueryIntent(categoryIndex: truth.categoryIndex, verticalIndex: truth.verticalIndex,
                             subject: truth.subject)
    let kinds = weightedKinds(for: grammars[truth.categoryIndex], using: &generator)
    for kind in kinds.prefix(extraCount) { set(kind, from: truth, in: &intent) }
    if includeDetail { intent.detail = truth.details[0] }
    return intent
  }

  /// The attribute kinds worth searching for in this category, in a random order biased towards common ones.
  private func weightedKinds(for grammar: CategoryGrammar, using generator: inout SplitMix64) -> [AttributeKind] {
    var kinds: [AttributeKind] = [.style, .style, .style, .material, .material, .occasion]
    if grammar.colourInText >= 0.3 { kinds += [.colour, .colour] }
    var seen: [AttributeKind] = []
    for kind in generator.shuffled(kinds) where !seen.contains(kind) { seen.append(kind) }
    return seen
  }

  /// Copies one attribute of a pin's truth into an intent.
  func set(_ kind: AttributeKind, from truth: SamplePinTruth, in intent: inout QueryIntent) {
    switch kind {
    case .style: intent.style = truth.style
    case .material: intent.material = truth.material
    case .colour: intent.colour = truth.colour
    case .occasion: intent.occasion = truth.occasion
    case .detail: intent.detail = truth.details[0]
    }
  }

  /// The attribute kinds an intent does not ask for yet, that a refinement could add.
  func missingKinds(of intent: QueryIntent) -> [AttributeKind] {
    var kinds: [AttributeKind] = []
    if intent.detail == nil { kinds.append(.detail) }
    if intent.style == nil { kinds.append(.style) }
    if intent.material == nil { kinds.append(.material) }
    if intent.colour == nil, grammars[intent.categoryIndex].colourInText >= 0.3 { kinds.append(.colour) }
    if intent.occasion == nil { kinds.append(.occasion) }
    return kinds
  }

  /// Query text for an intent: occasion, colour, style, material, subject, detail, in that order,
  /// each spelled as users do, then sometimes a suffix such as "ideas".
  func text(for intent: QueryIntent, using generator: inout SplitMix64) -> String {
    let grammar = grammars[intent.categoryIndex]
    var words: [String] = []
    if let occasion = intent.occasion { words.append(spelling(occasion, in: grammar.occasions.terms, &generator)) }
    if let colour = intent.colour { words.append(colour) }
    if let style = intent.style { words.append(spelling(style, in: grammar.styles.terms, &generator)) }
    if let material = intent.material {
      words.append(spelling(material, in: grammar.materials.terms, &generator))
    }
    if let subject = intent.subject {
      words.append(spelling(subject, in: grammar.subjects.terms + grammar.products.terms, &generator))
    }
    if let detail = intent.detail { words.append(detail.withoutLeadingArticle) }
    if intent.detail == nil, generator.chance(0.22) {
      words.append(generator.element(of: grammar.vertical.querySuffixes))
    }
    return Self.tidy(words.joined(separator: " "))
  }

  /// The words of `extra` appended to a previous query, as a refinement.
  func refinement(of previousText: String, adding kind: AttributeKind, from truth: SamplePinTruth,
                  using generator: inout SplitMix64) -> String {
    let grammar = grammars[truth.categoryIndex]
    let addition: String
    switch kind {
    case .detail: addition = truth.details[0].withoutLeadingArticle
    case .style: addition = spelling(truth.style, in: grammar.styles.terms, &generator)
    case .material: addition = spelling(truth.material, in: grammar.materials.terms, &generator)
    case .colour: addition = truth.colour
    case .occasion: addition = spelling(truth.occasion, in: grammar.occasions.terms, &generator)
    }
    return Self.tidy(previousText + " " + addition)
  }

  /// A spelling users type for a canonical term: usually the canonical one, sometimes a synonym.
  private func spelling(_ canonical: String, in terms: [VocabularyTerm], _ generator: inout SplitMix64) -> String {
    guard let term = terms.first(where: { $0.canonical == canonical }) else { return canonical }
    return term.spelling(using: &generator, canonicalShare: 0.65)
  }

  /// Lower case, single spaces, no repeated word.
  static func tidy(_ text: String) -> String {
    var words: [String] = []
    for word in text.lowercased().split(separator: " ").map(String.init) where words.last != word {
      words.append(word)
    }
    return words.joined(separator: " ")
  }
}
