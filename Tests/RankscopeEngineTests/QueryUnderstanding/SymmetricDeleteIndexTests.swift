import Testing
@testable import RankscopeEngine

@Suite("Symmetric-delete candidates and Damerau–Levenshtein distance")
struct SymmetricDeleteIndexTests {
  @Test("hand cases of the optimal-string-alignment distance")
  func handDistances() {
    #expect(DamerauLevenshtein.distance("kitchen", "kitchen") == 0)
    #expect(DamerauLevenshtein.distance("kitchen", "kitcehn") == 1)   // transposition
    #expect(DamerauLevenshtein.distance("kitchen", "kichen") == 1)    // deletion
    #expect(DamerauLevenshtein.distance("kitchen", "kittchen") == 1)  // insertion
    #expect(DamerauLevenshtein.distance("kitchen", "kotchen") == 1)   // substitution
    #expect(DamerauLevenshtein.distance("ca", "abc") == 3)            // OSA: no substring edited twice
    #expect(DamerauLevenshtein.distance("kitten", "sitting") == 3)
    #expect(DamerauLevenshtein.distance("", "abc") == 3)
    #expect(DamerauLevenshtein.distance("kitten", "sitting", limit: 2) == nil)
    #expect(DamerauLevenshtein.distance("abcdef", "a", limit: 2) == nil)
  }

  @Test("every vocabulary word within two edits is found, and none beyond (checked against brute force)")
  func candidatesMatchBruteForce() {
    var generator = SamplingGenerator(seed: 42)
    let letters = Array("abcde")
    func randomWord() -> String {
      String((0..<(2 + generator.below(6))).map { _ in letters[generator.below(letters.count)] })
    }
    let vocabulary = Array(Set((0..<400).map { _ in randomWord() })).sorted()
    let index = SymmetricDeleteIndex(words: vocabulary, maximumDistance: 2)
    for _ in 0..<200 {
      let query = randomWord()
      for limit in 1...2 {
        let found = index.candidates(of: query, maximumDistance: limit)
        let expected = vocabulary.enumerated().compactMap { number, word in
          DamerauLevenshtein.distance(query, word, limit: limit).map { (number, $0) }
        }
        #expect(found.map(\.word) == expected.map(\.0), "\(query) within \(limit)")
        #expect(found.map(\.distance) == expected.map(\.1), "\(query) within \(limit)")
      }
    }
  }

  @Test("a word three edits away is not a candidate")
  func nothingBeyondTwo() {
    let index = SymmetricDeleteIndex(words: ["kitchen", "sitting"], maximumDistance: 2)
    let found = index.candidates(of: "kitten")   // kitchen: 2 edits; sitting: 3
    #expect(found.map(\.word) == [0])
    #expect(found.map(\.distance) == [2])
    #expect(index.candidates(of: "kitten", maximumDistance: 1).isEmpty)
  }
}
