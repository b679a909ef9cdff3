import Testing
@testable import RankscopeEngine

@Suite("Typo injection")
struct TypoInjectorTests {
  static let queries = ["rustic farmhouse kitchen", "boho wedding dress", "cat", "information retrieval systems",
                        "red mug", "linen summer dress price<50"]

  @Test("the same seed gives the same typos; another seed other ones")
  func deterministic() {
    let first = TypoInjector(seed: 8)
    let again = TypoInjector(seed: 8)
    let other = TypoInjector(seed: 9)
    let a = Self.queries.enumerated().map { first.inject($1, position: $0) }
    #expect(a == Self.queries.enumerated().map { again.inject($1, position: $0) })
    #expect(a != Self.queries.enumerated().map { other.inject($1, position: $0) })
  }

  @Test("exactly one edit in one word of four letters or more, never the first letter; short queries unchanged")
  func oneEdit() {
    let injector = TypoInjector(seed: 3)
    for position in 0..<300 {
      for query in Self.queries {
        let typo = injector.inject(query, position: position)
        if query == "cat" || query == "red mug" { #expect(typo == query); continue }
        let before = query.split(separator: " ", omittingEmptySubsequences: false)
        let after = typo.split(separator: " ", omittingEmptySubsequences: false)
        #expect(before.count == after.count)
        let changed = zip(before, after).filter { $0 != $1 }
        #expect(changed.count == 1, "\(query) → \(typo)")
        guard let (word, typed) = changed.first else { continue }
        #expect(word.count >= 4 && word.allSatisfy(\.isLetter))
        #expect(DamerauLevenshtein.distance(String(word), String(typed)) == 1, "\(word) → \(typed)")
        #expect(word.first == typed.first)
      }
    }
  }

  @Test("each of the four edits occurs")
  func allEdits() {
    let injector = TypoInjector(seed: 1)
    let typos = (0..<200).map { injector.inject("kitchen", position: $0) }
    #expect(typos.contains { $0.count == 8 })   // insertion
    #expect(typos.contains { $0.count == 6 })   // deletion
    #expect(typos.contains { $0.count == 7 && Set($0) == Set("kitchen") })   // transposition
    #expect(typos.contains { $0.count == 7 && Set($0) != Set("kitchen") })   // substitution
  }
}
