import Foundation

/// Spelling correction of queries against a `SpellingVocabulary`: candidates within two edits by symmetric
/// deletes (Garbe's SymSpell), verified by Damerau–Levenshtein distance, scored noisy-channel style (Kernighan,
/// Church & Gale 1990; Brill & Moore 2000) as ln prior − editPenalty · distance, plus how often each candidate
/// shares documents with the other query words (a co-occurrence context, in the spirit of Cucerzan & Brill 2004).
/// A word no document holds may also stay as typed (`SpellingSettings.unknownWordScore`).
/// The candidates' scores are turned into probabilities by a softmax; a changed query is auto-corrected when
/// its probability reaches `SpellingSettings.automaticThreshold`, else offered as "did you mean".
public struct SpellingCorrector: Sendable {
  /// The words the corrector may propose.
  public let vocabulary: SpellingVocabulary
  /// The scoring parameters.
  public let settings: SpellingSettings
  /// The symmetric-delete index over the vocabulary.
  public let deleteIndex: SymmetricDeleteIndex

  /// Builds the corrector (and its delete index) over `vocabulary`.
  public init(vocabulary: SpellingVocabulary, settings: SpellingSettings = SpellingSettings()) {
    self.vocabulary = vocabulary
    self.settings = settings
    deleteIndex = SymmetricDeleteIndex(words: vocabulary.words, maximumDistance: settings.maximumDistance)
  }

  /// The correction of `query`: per token, the best candidate and its alternatives, then the query's confidence.
  public func correct(_ query: String) -> SpellingCorrection {
    let tokens = QueryTokens.split(query)
    let firstPass = tokens.map { word(for: $0, context: []) }
    let contextWords = firstPass.map { chosenNumber(of: $0) }
    var words: [WordCorrection] = []
    for (position, token) in tokens.enumerated() {
      guard firstPass[position].status == .checked else { words.append(firstPass[position]); continue }
      var others = contextWords
      others.remove(at: position)
      words.append(word(for: token, context: others.compactMap { $0 }))
    }
    let changed = words.filter(\.isChanged)
    let confidence = changed.reduce(1.0) { $0 * $1.probability }
    let corrected = changed.isEmpty ? query : words.map(\.corrected).joined(separator: " ")
    return SpellingCorrection(original: query, corrected: corrected, words: words, confidence: confidence,
                              isAutomatic: !changed.isEmpty && confidence >= settings.automaticThreshold)
  }

  /// The correction of one token given the vocabulary numbers of the other query words.
  func word(for token: String, context: [Int]) -> WordCorrection {
    guard QueryTokens.isCorrectable(token), let typed = SpellingVocabulary.analyzer.term(for: token[...]) else {
      return WordCorrection(original: token, corrected: token, status: .protected, alternatives: [], probability: 1)
    }
    let typedNumber = vocabulary.number(of: typed)
    if let typedNumber, frequency(typedNumber) >= Double(settings.knownWordFrequency) {
      return WordCorrection(original: token, corrected: token, status: .known, alternatives: [], probability: 1)
    }
    let reach = settings.distance(forLength: typed.unicodeScalars.count)
    var found = reach == 0 ? [] : deleteIndex.candidates(of: typed, maximumDistance: reach)
    if let typedNumber, !found.contains(where: { $0.word == typedNumber }) { found.append((typedNumber, 0)) }
    guard !found.isEmpty else {
      return WordCorrection(original: token, corrected: token, status: .unknown, alternatives: [], probability: 1)
    }
    var scored = found.map { alternative(number: $0.word, distance: $0.distance, context: context) }
    if typedNumber == nil { scored.append(keeping(typed)) }
    let ranked = Self.normalized(scored)
    let best = ranked[0]
    let corrected = best.distance == 0 ? token : best.word
    return WordCorrection(original: token, corrected: corrected, status: .checked,
                          alternatives: Array(ranked.prefix(settings.alternativeCount)), probability: best.probability)
  }

  /// A candidate's score: prior, edit penalty and context (its probability is set by `normalized`).
  func alternative(number: Int, distance: Int, context: [Int]) -> SpellingAlternative {
    let documentFrequency = vocabulary.documentFrequencies[number]
    let prior = log(1 + frequency(number))
    let others = context.filter { $0 != number }
    let contextScore = others.isEmpty ? 0 : others.reduce(0.0) { total, other in
      total + log(Double(1 + vocabulary.coOccurrence(number, other)) / Double(1 + documentFrequency))
    } / Double(others.count)
    let score = prior - settings.editPenalty * Double(distance) + settings.contextWeight * contextScore
    return SpellingAlternative(word: vocabulary.words[number], distance: distance, documentFrequency: documentFrequency,
                               queryFrequency: vocabulary.queryFrequencies[number], prior: prior, context: contextScore,
                               score: score, probability: 0)
  }

  /// The option of keeping a word no document holds, scored `SpellingSettings.unknownWordScore`.
  func keeping(_ typed: String) -> SpellingAlternative {
    SpellingAlternative(word: typed, distance: 0, documentFrequency: 0, queryFrequency: 0, prior: 0, context: 0,
                        score: settings.unknownWordScore, probability: 0)
  }

  /// The candidates best first (score, then fewer edits, then the word), with softmax probabilities.
  static func normalized(_ alternatives: [SpellingAlternative]) -> [SpellingAlternative] {
    let top = alternatives.map(\.score).max() ?? 0
    let total = alternatives.reduce(0.0) { $0 + exp($1.score - top) }
    return alternatives.map { alternative in
      var result = alternative
      result.probability = exp(alternative.score - top) / total
      return result
    }.sorted { ($0.score, -$0.distance, $1.word) > ($1.score, -$1.distance, $0.word) }
  }

  /// The vocabulary number of a word's chosen form, for the other words' context.
  private func chosenNumber(of word: WordCorrection) -> Int? {
    guard word.status == .known || word.status == .checked else { return nil }
    return SpellingVocabulary.analyzer.term(for: word.corrected[...]).flatMap(vocabulary.number(of:))
  }

  /// Documents plus weighted query-log uses of a word.
  private func frequency(_ number: Int) -> Double {
    Double(vocabulary.documentFrequencies[number]) + settings.queryLogWeight * Double(vocabulary.queryFrequencies[number])
  }
}
