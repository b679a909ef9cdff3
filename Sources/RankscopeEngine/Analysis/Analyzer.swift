/// Turns text into index terms: tokenize, lower-case, fold accents, drop stop words, stem.
public struct Analyzer: Sendable {
  /// The configuration this analyzer applies.
  public let configuration: AnalyzerConfiguration

  /// Creates an analyzer for a configuration.
  public init(configuration: AnalyzerConfiguration = .english) {
    self.configuration = configuration
  }

  /// The terms of `text`, in order, duplicates kept.
  public func terms(_ text: String) -> [String] {
    Tokenizer.tokens(text).compactMap { term(for: $0) }
  }

  /// The term a single token becomes, or `nil` when it is dropped.
  public func term(for token: Substring) -> String? {
    var word = String(token)
    if configuration.lowercase { word = word.lowercased() }
    if configuration.foldAccents { word = AccentFolding.fold(word) }
    // A minimum of 1 only rejects the empty word: no need to count graphemes.
    if configuration.minimumTokenLength == 1 ? word.isEmpty : word.count < configuration.minimumTokenLength { return nil }
    if configuration.stopWords == .english, StopWords.english.contains(word) { return nil }
    switch configuration.stemmer {
    case .none: return word
    case .porter: return PorterStemmer.stem(word)
    case .snowball: return SnowballEnglishStemmer.stem(word)
    }
  }
}
