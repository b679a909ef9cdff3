/// Composes pins: draws each pin's latent truth, then writes its text, engagement and visual vector from it.
///
/// Each pin draws from its own stream (`"pin"`, index), so a pin does not depend on how many pins come
/// before or after it.
struct PinComposer: Sendable {
  /// The world's seed.
  let seed: UInt64
  /// Every category, prepared.
  let grammars: [CategoryGrammar]
  /// Draws categories by popularity.
  let categorySampler: WeightedSampler
  /// Draws dominant colours.
  let colours: WeightedTerms
  /// Simulates visual vectors.
  let visual: VisualEmbedder

  /// First second of 2023 (UTC): the earliest creation time.
  static let earliestCreation = 1_672_531_200
  /// First second of July 2025 (UTC): every pin exists before users' activity starts.
  static let activityStart = 1_751_328_000
  /// First second of 2026 (UTC): activity ends before it.
  static let activityEnd = 1_767_225_600

  /// Creates a composer for a seed.
  init(seed: UInt64, grammars: [CategoryGrammar]) {
    self.seed = seed
    self.grammars = grammars
    categorySampler = WeightedSampler(weights: grammars.map { $0.category.popularity })
    colours = WeightedTerms(SampleCatalog.colours, exponent: 0.4)
    visual = VisualEmbedder(seed: seed)
  }

  /// The pin at `index` (0-based).
  func pin(at index: Int) -> SamplePin {
    var generator = SplitMix64(seed: seed, stream: "pin", index: UInt64(index))
    let grammar = grammars[categorySampler.sample(using: &generator)]
    let kind = drawKind(grammar, using: &generator)
    let words = PinWords(grammar: grammar, kind: kind, colours: colours, using: &generator)
    let domain = drawDomain(grammar, kind: kind, using: &generator)
    let quality = Self.logistic(1.1 * generator.normal() + domain.qualityBoost)
    let allowColour = generator.chance(grammar.colourInText)

    let isVague = kind != .product && generator.chance(0.06 + 0.12 * (1 - quality))
    let titlePatterns = kind == .product ? grammar.productTitles
      : isVague ? CategoryGrammar.vagueTitles : kind == .video ? grammar.videoTitles : grammar.titles
    let titleChoice = CategoryGrammar.choose(titlePatterns, allowColour: allowColour, using: &generator)
    let renderedTitle = titleChoice.pattern.render(using: &generator, value: words.value)
    let title = kind == .product ? renderedTitle.titleCased : renderedTitle.capitalizedFirst

    let truth = SamplePinTruth(
      categoryIndex: grammar.categoryIndex, verticalIndex: grammar.verticalIndex,
      subject: words.subject.canonical, style: words.style.canonical, material: words.material.canonical,
      details: [words.detail.canonical, words.detail2.canonical], colour: words.colour.canonical,
      occasion: words.occasion.canonical, quality: quality, titlePattern: isVague ? -1 - titleChoice.index : titleChoice.index)
    let created = Self.earliestCreation
      + generator.below(Self.activityStart - Self.earliestCreation - 86_400)
    let engagement = Self.engagement(quality: quality, kind: kind, created: created, using: &generator)
    let visualVector = visual.vector(for: truth, category: grammar.category.name,
                                     vertical: grammar.vertical.name, using: &generator)

    return SamplePin(
      id: Self.pinID(index),
      title: title,
      description: description(grammar, kind: kind, words: words, quality: quality, allowColour: allowColour,
                               using: &generator),
      board: board(grammar, words: words, allowColour: allowColour, using: &generator),
      tags: tags(grammar, words: words, quality: quality, allowColour: allowColour, using: &generator),
      category: grammar.category.name,
      vertical: grammar.vertical.name,
      kind: kind,
      priceInCents: kind == .product ? Self.priceInCents(grammar.category.priceRange, using: &generator) : nil,
      domain: domain.name,
      created: created,
      saves: engagement.saves,
      clicks: engagement.clicks,
      color: words.colour.canonical,
      visualTenThousandths: visualVector,
      truth: truth)
  }

  /// "p000001" for index 0.
  static func pinID(_ index: Int) -> String {
    "p" + zeroPadded(index + 1, width: 6)
  }

  private func drawKind(_ grammar: CategoryGrammar, using generator: inout SplitMix64) -> SamplePin.Kind {
    if generator.chance(grammar.category.productShare) { return .product }
    return generator.chance(grammar.vertical.videoShare) ? .video : .image
  }

  /// The source domain and how much it lifts quality (the most common editorial domains are the best).
  private func drawDomain(_ grammar: CategoryGrammar, kind: SamplePin.Kind,
                          using generator: inout SplitMix64) -> (name: String, qualityBoost: Double) {
    if kind == .product { return (generator.element(of: grammar.vertical.shopDomains), 0.2) }
    let domains = grammar.vertical.domains
    let sampler = WeightedSampler(weights: WeightedSampler.zipfWeights(count: domains.count, exponent: 0.8))
    let rank = sampler.sample(using: &generator)
    return (domains[rank], 0.6 - 0.12 * Double(rank))
  }

  /// One to three sentences; better pins get longer descriptions.
  private func description(_ grammar: CategoryGrammar, kind: SamplePin.Kind, words: PinWords, quality: Double,
                           allowColour: Bool, using generator: inout SplitMix64) -> String {
    var count = 1
    if generator.chance(0.35 + 0.55 * quality) { count += 1 }
    if generator.chance(0.15 + 0.5 * quality) { count += 1 }
    var patterns: [TextPattern]
    if kind == .product {
      let eligible = grammar.productSentences.filter { allowColour || !$0.slots.contains(.colour) }
      patterns = Array(generator.shuffled(eligible).prefix(count))
    } else {
      patterns = [CategoryGrammar.choose(grammar.openings, allowColour: allowColour, using: &generator).pattern]
      if count >= 2 {
        let middle = CategoryGrammar.choose(grammar.middles, allowColour: allowColour, using: &generator)
        let closing = CategoryGrammar.choose(grammar.closings, allowColour: allowColour, using: &generator)
        if count == 3 { patterns += [middle.pattern, closing.pattern] } else {
          patterns.append(generator.chance(0.6) ? middle.pattern : closing.pattern)
        }
      }
    }
    return patterns.map { $0.render(using: &generator, value: words.value).capitalizedFirst }
      .joined(separator: " ")
  }

  private func board(_ grammar: CategoryGrammar, words: PinWords, allowColour: Bool,
                     using generator: inout SplitMix64) -> String {
    if generator.chance(0.55) { return generator.element(of: grammar.category.boards) }
    let pattern = CategoryGrammar.choose(grammar.boardPatterns, allowColour: allowColour, using: &generator)
    return pattern.pattern.render(using: &generator, value: words.value).titleCased
  }

  /// Two to six lower-case tags, the subject always among them; the others mix the pin's attributes with
  /// broader and neighbouring topics, as people's tags do.
  private func tags(_ grammar: CategoryGrammar, words: PinWords, quality: Double, allowColour: Bool,
                    using generator: inout SplitMix64) -> [String] {
    let count = 2 + generator.below(2) + (generator.chance(quality) ? 1 + generator.below(2) : 0)
    var candidates = [
      words.subject2.canonical, words.style.canonical, words.material.canonical,
      grammar.category.name, words.occasion.canonical, generator.element(of: grammar.category.tags),
      generator.element(of: grammar.vertical.tags), words.detail.canonical,
    ]
    if allowColour { candidates.append(words.colour.canonical) }
    var result = [words.subject.canonical.lowercased()]
    for candidate in generator.shuffled(candidates) where result.count < count {
      let tag = candidate.lowercased().withoutLeadingArticle
      if !result.contains(tag) { result.append(tag) }
    }
    return result
  }

  /// The logistic function, `1 / (1 + e^-x)`.
  static func logistic(_ x: Double) -> Double {
    1 / (1 + DeterministicMath.exp(-x))
  }

  /// A heavy-tailed (log-normal) click count that grows with quality and age, and saves in proportion.
  static func engagement(quality: Double, kind: SamplePin.Kind, created: Int,
                         using generator: inout SplitMix64) -> (clicks: Int, saves: Int) {
    let age = Double(activityStart - created) / Double(activityStart - earliestCreation)
    let exposure = 0.3 + 0.7 * age.squareRoot()
    let kindFactor = kind == .product ? 1.3 : kind == .video ? 0.8 : 1.0
    let logClicks = 1.0 + 1.3 * generator.normal() + 3.4 * quality
    let clicks = Int(DeterministicMath.exp(logClicks) * exposure * kindFactor)
    let saveRate = (0.12 + 0.6 * quality) * DeterministicMath.exp(0.4 * generator.normal())
    let saves = Int(Double(clicks) * saveRate + Double(generator.below(3)))
    return (clicks, saves)
  }

  /// A price between the range's ends, skewed to the low end, ending in .99, .00, .95 or .50.
  static func priceInCents(_ range: ClosedRange<Double>, using generator: inout SplitMix64) -> Int {
    let skew = generator.unit() * generator.unit()
    let dollars = range.lowerBound * DeterministicMath.pow(range.upperBound / range.lowerBound, skew)
    let whole = max(2, Int(dollars))
    let ending = generator.element(of: [99, 0, 95, 50, 99, 0])
    return ending == 0 ? whole * 100 : (whole - 1) * 100 + ending
  }
}

/// Zero-pads a non-negative number to `width` digits.
func zeroPadded(_ number: Int, width: Int) -> String {
  let digits = String(number)
  return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
