/// How a text field's analyzer turns text into terms.
public struct AnalyzerConfiguration: Sendable, Hashable, Codable {
  /// Which stemmer reduces words to their stems.
  public enum Stemmer: String, Sendable, Hashable, Codable, CaseIterable {
    /// No stemming.
    case none
    /// Porter's original algorithm (Porter 1980, "An algorithm for suffix stripping").
    case porter
    /// The Snowball English stemmer, "Porter2" (Porter 2001).
    case snowball
  }

  /// Which stop words are removed.
  public enum StopWords: String, Sendable, Hashable, Codable, CaseIterable {
    /// Keep every word.
    case none
    /// Lucene's English stop set (33 words, as in `EnglishAnalyzer`).
    case english
  }

  /// Lower-case every token.
  public var lowercase: Bool
  /// Fold accented letters to their base letters (é → e, ß → ss).
  public var foldAccents: Bool
  /// Stop words to drop.
  public var stopWords: StopWords
  /// Stemmer to apply after stop-word removal.
  public var stemmer: Stemmer
  /// Tokens shorter than this many characters are dropped.
  public var minimumTokenLength: Int

  /// Creates a configuration; the defaults are the English analyzer.
  public init(lowercase: Bool = true, foldAccents: Bool = true, stopWords: StopWords = .english,
              stemmer: Stemmer = .porter, minimumTokenLength: Int = 1) {
    self.lowercase = lowercase
    self.foldAccents = foldAccents
    self.stopWords = stopWords
    self.stemmer = stemmer
    self.minimumTokenLength = minimumTokenLength
  }

  /// The English analyzer: lower-case, fold accents, Lucene stop words, Porter stemmer.
  public static let english = AnalyzerConfiguration()
  /// Exact terms: lower-case only, no stop words, no stemming.
  public static let keyword = AnalyzerConfiguration(lowercase: true, foldAccents: false, stopWords: .none,
                                                    stemmer: .none, minimumTokenLength: 1)

  private enum CodingKeys: String, CodingKey { case lowercase, foldAccents, stopWords, stemmer, minimumTokenLength }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let defaults = AnalyzerConfiguration.english
    lowercase = try container.decodeIfPresent(Bool.self, forKey: .lowercase) ?? defaults.lowercase
    foldAccents = try container.decodeIfPresent(Bool.self, forKey: .foldAccents) ?? defaults.foldAccents
    stopWords = try container.decodeIfPresent(StopWords.self, forKey: .stopWords) ?? defaults.stopWords
    stemmer = try container.decodeIfPresent(Stemmer.self, forKey: .stemmer) ?? defaults.stemmer
    minimumTokenLength = try container.decodeIfPresent(Int.self, forKey: .minimumTokenLength)
      ?? defaults.minimumTokenLength
  }
}
