/// One category's vocabulary made ready to draw from: the vertical's shared words merged in, Zipf-like
/// samplers over every list, and every pattern parsed once.
struct CategoryGrammar: Sendable {
  /// Index of the category in `SampleCatalog.categories`.
  let categoryIndex: Int
  /// Index of the vertical in `SampleCatalog.verticals`.
  let verticalIndex: Int
  /// The category's own words.
  let category: CategoryVocabulary
  /// The vertical's shared words.
  let vertical: VerticalVocabulary
  /// Subjects of image and video pins.
  let subjects: WeightedTerms
  /// Subjects of product pins (falls back to `subjects` when the category sells nothing).
  let products: WeightedTerms
  /// The category's styles interleaved with the vertical's.
  let styles: WeightedTerms
  /// The category's materials interleaved with the vertical's.
  let materials: WeightedTerms
  /// Features.
  let details: WeightedTerms
  /// Occasions of the vertical.
  let occasions: WeightedTerms
  /// Parsed title patterns of image pins.
  let titles: [TextPattern]
  /// Parsed title patterns of video pins.
  let videoTitles: [TextPattern]
  /// Parsed title patterns of product pins.
  let productTitles: [TextPattern]
  /// Parsed first sentences.
  let openings: [TextPattern]
  /// Parsed middle sentences.
  let middles: [TextPattern]
  /// Parsed last sentences.
  let closings: [TextPattern]
  /// Parsed product sentences.
  let productSentences: [TextPattern]
  /// Parsed board-name patterns.
  let boardPatterns: [TextPattern]
  /// How often a pin's colour is named in its text.
  let colourInText: Double

  /// Prepares the category at `categoryIndex` of the catalog.
  init(categoryIndex: Int) {
    let entry = SampleCatalog.categories[categoryIndex]
    let vertical = SampleCatalog.verticals[entry.verticalIndex]
    let category = entry.category
    self.categoryIndex = categoryIndex
    verticalIndex = entry.verticalIndex
    self.category = category
    self.vertical = vertical
    subjects = WeightedTerms(category.subjects, exponent: 0.7)
    products = WeightedTerms(category.products.isEmpty ? category.subjects : category.products, exponent: 0.5)
    styles = WeightedTerms(Self.interleave(category.styles, vertical.styles), exponent: 0.6)
    materials = WeightedTerms(Self.interleave(category.materials, vertical.materials), exponent: 0.6)
    details = WeightedTerms(category.details, exponent: 0.5)
    occasions = WeightedTerms(vertical.occasions, exponent: 0.6)
    titles = (category.titlePatterns ?? vertical.titlePatterns).map(TextPattern.init)
    videoTitles = (category.videoTitlePatterns ?? vertical.videoTitlePatterns).map(TextPattern.init)
    productTitles = vertical.productTitlePatterns.map(TextPattern.init)
    openings = (category.openingSentences ?? vertical.openingSentences).map(TextPattern.init)
    middles = ((category.middleSentences ?? vertical.middleSentences) + Self.crossReferences).map(TextPattern.init)
    closings = vertical.closingSentences.map(TextPattern.init)
    productSentences = vertical.productSentences.map(TextPattern.init)
    boardPatterns = vertical.boardPatterns.map(TextPattern.init)
    colourInText = category.colourInText ?? vertical.colourInText
  }

  /// Middle sentences of every category that point at other pins of the board, as real descriptions do; they
  /// put other subjects and styles into a pin's text, so word matching alone is misled now and then.
  static let crossReferences = [
    "Next up on the blog: {otherStyle} {subject2} ideas.",
    "Also saved to this board: {subject2} <inspiration|ideas|favorites>.",
  ]

  /// Vague titles that name no subject, as many real pins have; they leave a pin findable only through its
  /// description, board and tags.
  static let vagueTitles = [
    "Obsessed with this {adjective} {style} look",
    "{adjective} and {adjective2} {occasion} inspo",
    "Saving this {style} idea for later",
    "The {adjective} {occasion} inspo you need",
    "Can't stop thinking about this {adjective} {style} find",
    "Need this {style} energy in my life",
    "{occasion} mood: {adjective}, {adjective2}, {style}",
  ].map(TextPattern.init)

  /// Every category of the catalog, prepared.
  static func all() -> [CategoryGrammar] {
    SampleCatalog.categories.indices.map { CategoryGrammar(categoryIndex: $0) }
  }

  /// `first[0], second[0], first[1], second[1], …`, then the rest of the longer list, without repeats.
  static func interleave(_ first: [VocabularyTerm], _ second: [VocabularyTerm]) -> [VocabularyTerm] {
    var result: [VocabularyTerm] = []
    var seen: Set<String> = []
    for index in 0..<max(first.count, second.count) {
      for list in [first, second] where index < list.count && seen.insert(list[index].canonical).inserted {
        result.append(list[index])
      }
    }
    return result
  }

  /// A uniformly chosen pattern, leaving out those that name a colour unless `allowColour`.
  static func choose(_ patterns: [TextPattern], allowColour: Bool,
                     using generator: inout SplitMix64) -> (index: Int, pattern: TextPattern) {
    let eligible = patterns.indices.filter { allowColour || !patterns[$0].slots.contains(.colour) }
    let pool = eligible.isEmpty ? Array(patterns.indices) : eligible
    let index = pool[generator.below(pool.count)]
    return (index, patterns[index])
  }
}

/// Vocabulary terms with a Zipf-like sampler: earlier terms are drawn more often.
struct WeightedTerms: Sendable {
  /// The terms, most common first.
  let terms: [VocabularyTerm]
  /// Draws term indices.
  let sampler: WeightedSampler

  /// Creates the list with weights `1 / (rank + 1)^exponent`.
  init(_ terms: [VocabularyTerm], exponent: Double) {
    precondition(!terms.isEmpty, "an empty vocabulary list")
    self.terms = terms
    sampler = WeightedSampler(weights: WeightedSampler.zipfWeights(count: terms.count, exponent: exponent))
  }

  /// A term drawn by weight.
  func draw(using generator: inout SplitMix64) -> VocabularyTerm {
    terms[sampler.sample(using: &generator)]
  }

  /// A term drawn by weight, different from `other` when the list has two or more terms.
  func draw(differentFrom other: VocabularyTerm, using generator: inout SplitMix64) -> VocabularyTerm {
    guard terms.count > 1 else { return terms[0] }
    while true {
      let term = draw(using: &generator)
      if term.canonical != other.canonical { return term }
    }
  }
}
