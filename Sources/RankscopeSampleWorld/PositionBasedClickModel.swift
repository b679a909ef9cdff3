/// Simulates clicks on a ranked list with the position-based model: a result is clicked when it is examined
/// and found attractive, `P(click at rank r) = P(examined at r) · attractiveness(relevance)`, with
/// examination decaying as `1 / r^0.8`.
///
/// The examination hypothesis is Richardson, Dominowska & Ragno, "Predicting clicks" (WWW 2007); Craswell,
/// Zoeter, Taylor & Ramsey, "An experimental comparison of click position-bias models" (WSDM 2008) compare it
/// with the cascade model. Clicks drawn this way carry the position bias that makes raw click-through rates
/// misleading as relevance labels, which is what the query log is for.
struct PositionBasedClickModel: Sendable {
  /// Examination probability of ranks 1 to 10: `1 / r^0.8`, computed once.
  let examination: [Double] = (1...10).map { 1 / DeterministicMath.pow(Double($0), 0.8) }
  /// Attractiveness of grades 0 to 3 for a pin of average quality.
  let attractiveness: [Double] = [0.02, 0.07, 0.22, 0.45]

  /// Probability that the result at 0-based `position` is clicked.
  func clickProbability(position: Int, grade: Int, quality: Double) -> Double {
    let examined = position < examination.count ? examination[position] : examination[examination.count - 1]
    return min(0.97, examined * attractiveness[grade] * (0.75 + 0.5 * quality))
  }

  /// The positions clicked in a list of (grade, quality), drawn independently per position.
  func clickedPositions(_ results: [(grade: Int, quality: Double)], using generator: inout SplitMix64) -> [Int] {
    results.indices.filter { position in
      generator.chance(clickProbability(position: position, grade: results[position].grade,
                                        quality: results[position].quality))
    }
  }
}
