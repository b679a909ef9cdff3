/// A small inverted index over pins' text, used only to pool candidates for judging ("which pins does this
/// query's text plausibly match?"), the way TREC pools the runs of several systems.
///
/// Deliberately crude (lower case, letters and digits, a trailing "s" stripped) and unrelated to the engine.
struct PinTextIndex: Sendable {
  /// Pin indices containing each normalised word, ascending.
  let postings: [String: [Int]]
  /// Number of pins indexed.
  let pinCount: Int

  /// Indexes title, description, board and tags of every pin.
  init(pins: [SamplePin]) {
    var postings: [String: [Int]] = [:]
    for (index, pin) in pins.enumerated() {
      let text = ([pin.title, pin.description, pin.board] + pin.tags).joined(separator: " ")
      for word in Set(Self.words(text)) { postings[word, default: []].append(index) }
    }
    self.postings = postings
    pinCount = pins.count
  }

  /// The normalised words of a text.
  static func words(_ text: String) -> [String] {
    text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).compactMap { token in
      var word = String(token)
      if word.count < 2 || stopWords.contains(word) { return nil }
      if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") { word.removeLast() }
      return word
    }
  }

  /// Words too common to match on.
  static let stopWords: Set<String> = [
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
    "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
    "will", "with", "your", "my", "our",
  ]

  /// The `limit` pins sharing the most informative words with `query` (sum of `ln(N / df)` over shared
  /// words), best first, ties by index.
  func topMatches(_ query: String, limit: Int) -> [Int] {
    var scores: [Int: Double] = [:]
    for word in Set(Self.words(query)).sorted() {  // sorted: summation order fixes the last bit
      guard let list = postings[word] else { continue }
      let weight = DeterministicMath.log(Double(pinCount) / Double(list.count))
      for index in list { scores[index, default: 0] += weight }
    }
    var best: [(score: Double, index: Int)] = []
    for (index, score) in scores {
      ProductionRankerSimulator.insert((score, index), into: &best, keeping: limit)
    }
    return best.map(\.index)
  }
}
