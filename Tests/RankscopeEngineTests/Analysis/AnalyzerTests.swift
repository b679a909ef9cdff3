import Testing
@testable import RankscopeEngine

@Suite struct AnalyzerTests {
  private let text = "The QUICK brown foxes aren't jumping over a lazy dog's back; I saw 2 of them in 1960s."

  @Test func englishAnalyzer() {
    #expect(Analyzer().terms(text) == ["quick", "brown", "fox", "aren", "t", "jump", "over", "lazi", "dog", "s",
                                       "back", "i", "saw", "2", "them", "1960"])
  }

  @Test func minimumTokenLengthTwoDropsOneLetterTokens() {
    var configuration = AnalyzerConfiguration.english
    configuration.minimumTokenLength = 2
    #expect(Analyzer(configuration: configuration).terms(text) == ["quick", "brown", "fox", "aren", "jump", "over",
                                                                    "lazi", "dog", "back", "saw", "them", "1960"])
  }

  /// Lower-case, `\b\w\w+\b`, Lucene stop words, PyStemmer `porter`: the `bm25s` pipeline of the baselines.
  @Test func bm25sPipeline() {
    let configuration = AnalyzerConfiguration(stopWords: .english, stemmer: .porter, minimumTokenLength: 2)
    #expect(Analyzer(configuration: configuration).terms("Extraction of Roots by Repeated Subtractions for "
      + "Digital Computers; x86_64 CPUs") == ["extract", "root", "repeat", "subtract", "digit", "comput", "x86_64",
                                             "cpu"])
  }

  @Test func noStopWordsKeepsThe() {
    var configuration = AnalyzerConfiguration.english
    configuration.stopWords = .none
    #expect(Analyzer(configuration: configuration).terms(text) == ["the", "quick", "brown", "fox", "aren", "t",
      "jump", "over", "a", "lazi", "dog", "s", "back", "i", "saw", "2", "of", "them", "in", "1960"])
  }

  @Test func noStemmer() {
    var configuration = AnalyzerConfiguration.english
    configuration.stemmer = .none
    #expect(Analyzer(configuration: configuration).terms(text) == ["quick", "brown", "foxes", "aren", "t",
      "jumping", "over", "lazy", "dog", "s", "back", "i", "saw", "2", "them", "1960s"])
  }

  @Test func snowballStemmer() {
    var configuration = AnalyzerConfiguration.english
    configuration.stemmer = .snowball
    #expect(Analyzer(configuration: configuration).terms(text) == ["quick", "brown", "fox", "aren", "t", "jump",
      "over", "lazi", "dog", "s", "back", "i", "saw", "2", "them", "1960s"])
    #expect(Analyzer(configuration: configuration).terms("Generously communicating") == ["generous", "communic"])
  }

  @Test func keywordAnalyzer() {
    #expect(Analyzer(configuration: .keyword).terms(text) == ["the", "quick", "brown", "foxes", "aren", "t",
      "jumping", "over", "a", "lazy", "dog", "s", "back", "i", "saw", "2", "of", "them", "in", "1960s"])
    #expect(Analyzer(configuration: .keyword).terms("Café") == ["café"])
  }

  @Test func lowercaseAndAccentFoldingBeforeStopWordsAndStemming() {
    #expect(Analyzer().terms("THE Cafés, Naïve Résumés") == ["cafe", "naiv", "resum"])
    var configuration = AnalyzerConfiguration.english
    configuration.lowercase = false
    configuration.foldAccents = false
    configuration.stemmer = .none
    #expect(Analyzer(configuration: configuration).terms("The Café the") == ["The", "Café"])
  }

  @Test func cjkAndMixedScripts() {
    #expect(Analyzer().terms("北京 Universität ПРИВЕТ") == ["北", "京", "universitat", "привет"])
  }

  @Test func termForToken() {
    let analyzer = Analyzer()
    #expect(analyzer.term(for: "Running") == "run")
    #expect(analyzer.term(for: "the") == nil)
    #expect(analyzer.term(for: "") == nil)
  }
}
