import Testing
@testable import RankscopeEngine

@Suite struct StopWordsTests {
  @Test func englishIsLuceneSet() {
    let lucene = "a an and are as at be but by for if in into is it no not of on or such that the their then there "
      + "these they this to was will with"
    #expect(StopWords.english == Set(lucene.split(separator: " ").map(String.init)))
    #expect(StopWords.english.count == 33)
  }

  @Test func commonContentWordsAreNotStopWords() {
    for word in ["them", "I", "The", "computer", "from", "have", "what"] {
      #expect(!StopWords.english.contains(word))
    }
  }
}
