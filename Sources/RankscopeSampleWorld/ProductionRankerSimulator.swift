/// A stand-in for the production search engine whose results the query log records: it ranks the pins of
/// the wanted category (and a few of its vertical) by latent relevance, quality and popularity plus noise.
///
/// It reads latent truth, never text, and shares no code with the engine; its mistakes (the noise) are what
/// make logged clicks an imperfect signal.
struct ProductionRankerSimulator: Sendable {
  /// The pins' latent truth, by index.
  let truths: [SamplePinTruth]
  /// A popularity prior per pin, `0.08 · ln(1 + clicks)`.
  let popularityPrior: [Double]
  /// Pin indices per category.
  let pinsByCategory: [[Int]]
  /// Pin indices per vertical.
  let pinsByVertical: [[Int]]

  /// Prepares the ranker over `pins`.
  init(pins: [SamplePin], categoryCount: Int, verticalCount: Int) {
    truths = pins.map(\.truth)
    popularityPrior = pins.map { 0.08 * DeterministicMath.log(1 + Double($0.clicks)) }
    var byCategory = [[Int]](repeating: [], count: categoryCount)
    var byVertical = [[Int]](repeating: [], count: verticalCount)
    for (index, pin) in pins.enumerated() {
      byCategory[pin.truth.categoryIndex].append(index)
      byVertical[pin.truth.verticalIndex].append(index)
    }
    pinsByCategory = byCategory
    pinsByVertical = byVertical
  }

  /// The indices of the `count` pins shown for an intent, best first.
  func rank(_ intent: QueryIntent, count: Int = 10, noise: Double,
            using generator: inout SplitMix64) -> [Int] {
    var candidates = pinsByCategory[intent.categoryIndex]
    let vertical = pinsByVertical[intent.verticalIndex]
    if !vertical.isEmpty {
      for _ in 0..<40 { candidates.append(vertical[generator.below(vertical.count)]) }
    }
    var best: [(score: Double, index: Int)] = []
    var seen: Set<Int> = []
    for index in candidates where seen.insert(index).inserted {
      let truth = truths[index]
      let score = Double(intent.grade(truth)) + 0.9 * truth.quality + popularityPrior[index]
        + noise * generator.normal()
      Self.insert((score, index), into: &best, keeping: count)
    }
    return best.map(\.index)
  }

  /// Inserts into a list kept sorted by score (descending, then index ascending) and at most `limit` long.
  static func insert(_ entry: (score: Double, index: Int), into list: inout [(score: Double, index: Int)],
                     keeping limit: Int) {
    if list.count == limit, let last = list.last, !precedes(entry, last) { return }
    var position = list.count
    while position > 0, precedes(entry, list[position - 1]) { position -= 1 }
    list.insert(entry, at: position)
    if list.count > limit { list.removeLast() }
  }

  private static func precedes(_ first: (score: Double, index: Int), _ second: (score: Double, index: Int)) -> Bool {
    first.score != second.score ? first.score > second.score : first.index < second.index
  }
}
