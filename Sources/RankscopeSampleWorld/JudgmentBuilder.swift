/// Builds the judged query set: distinct queries spread over every category, each with a pool of 30–80 pins
/// graded 0–3 from latent truth (`QueryIntent.grade`).
///
/// The pool mixes what a text search would find (the pins sharing the most informative words with the
/// query), pins the latent truth says are relevant, and random pins of the category, the vertical and the
/// whole collection, so that judged non-relevant pins exist at every depth.
struct JudgmentBuilder: Sendable {
  /// The world's seed.
  let seed: UInt64
  /// The pins.
  let pins: [SamplePin]
  /// Writes query text.
  let composer: QueryComposer
  /// Finds text matches for pooling.
  let textIndex: PinTextIndex
  /// Pin indices per category and per vertical.
  let ranker: ProductionRankerSimulator

  /// `count` judged queries ("q001" and up) and their judgments, sorted by query id then pin id.
  func build(count: Int) -> (queries: [SampleJudgedQuery], judgments: [SampleJudgment]) {
    var generator = SplitMix64(seed: seed, stream: "judgments")
    let categories = ranker.pinsByCategory.indices.filter { !ranker.pinsByCategory[$0].isEmpty }
    guard !categories.isEmpty else { return ([], []) }
    var queries: [SampleJudgedQuery] = []
    var judgments: [SampleJudgment] = []
    var usedTexts: Set<String> = []
    var order: [Int] = []
    var attempts = 0
    while queries.count < count, attempts < count * 50 {
      attempts += 1
      if order.isEmpty { order = generator.shuffled(categories) }
      let category = order.removeLast()
      guard let seedPin = qualitySeed(in: category, using: &generator) else { continue }
      let extra = [0, 1, 1, 2, 2, 2][generator.below(6)]
      let intent = composer.intent(from: pins[seedPin], extraCount: extra,
                                   includeDetail: generator.chance(0.12), using: &generator)
      let meant = composer.text(for: intent, using: &generator)
      var text = meant
      if generator.chance(0.05) { text = Misspeller.misspell(text, using: &generator) }
      guard usedTexts.insert(text).inserted else { continue }
      let id = "q" + zeroPadded(queries.count + 1, width: 3)
      queries.append(SampleJudgedQuery(id: id, text: text, intended: text == meant ? nil : meant))
      for index in pool(for: intent, text: text, seedPin: seedPin, using: &generator) {
        judgments.append(SampleJudgment(queryID: id, docID: pins[index].id, grade: intent.grade(pins[index].truth)))
      }
    }
    return (queries, judgments)
  }

  /// A random pin of the category good enough to have inspired a query.
  private func qualitySeed(in category: Int, using generator: inout SplitMix64) -> Int? {
    let members = ranker.pinsByCategory[category]
    for _ in 0..<50 {
      let candidate = generator.element(of: members)
      if pins[candidate].truth.quality >= QueryIntent.lowQuality + 0.1 { return candidate }
    }
    return nil
  }

  /// The pins to judge for one query, sorted by index.
  private func pool(for intent: QueryIntent, text: String, seedPin: Int,
                    using generator: inout SplitMix64) -> [Int] {
    var chosen: Set<Int> = [seedPin]
    for index in textIndex.topMatches(text, limit: 25) { chosen.insert(index) }
    let category = ranker.pinsByCategory[intent.categoryIndex]
    let shuffled = generator.shuffled(category)
    let perfect = shuffled.filter { intent.grade(pins[$0].truth) == 3 }
    let partial = shuffled.filter { intent.grade(pins[$0].truth) == 2 }
    for index in (perfect.prefix(12) + partial.prefix(6)) { chosen.insert(index) }
    for _ in 0..<10 { chosen.insert(generator.element(of: category)) }
    let vertical = ranker.pinsByVertical[intent.verticalIndex]
    for _ in 0..<5 { chosen.insert(generator.element(of: vertical)) }
    for _ in 0..<5 { chosen.insert(generator.below(pins.count)) }
    return chosen.sorted()
  }
}
