import Foundation
import Testing
@testable import RankscopeEngine

/// Autocomplete: order by popularity, recency and personal history; normalization; word completion; exact top k.
@Suite("QueryCompleter")
struct QueryCompleterTests {
  static let day = 86_400.0

  /// A search at `daysAgo` days before t = 100 days.
  static func search(_ query: String, daysAgo: Double, user: String? = nil) -> QueryLog.Search {
    QueryLog.Search(user: user, query: query, timestamp: (100 - daysAgo) * day, shown: [], clicked: [])
  }

  /// "linen dress" popular but old, "linen duvet" rare but recent, "linen dish towel" u1's own (in between).
  static let handLog = QueryLog(file: "hand", searches:
    (0..<6).map { _ in search("linen dress", daysAgo: 150) } + (0..<2).map { _ in search("linen duvet", daysAgo: 0) }
    + (0..<3).map { _ in search("linen dish towel", daysAgo: 30, user: "u1") } + [search("kitchen cabinets", daysAgo: 1),
       search("lamp", daysAgo: 0)])

  @Test("popularity alone favours the frequent query, recency alone the recent one, a user their own query")
  func order() {
    let popularity = QueryCompleter(log: Self.handLog, settings: CompletionSettings(recencyWeight: 0))
    #expect(popularity.complete("linen d", k: 3).map(\.text) == ["linen dress", "linen dish towel", "linen duvet"])
    let recency = QueryCompleter(log: Self.handLog, settings: CompletionSettings(popularityWeight: 0))
    #expect(recency.complete("linen d", k: 3).map(\.text) == ["linen duvet", "linen dish towel", "linen dress"])
    let standard = QueryCompleter(log: Self.handLog)
    #expect(standard.complete("linen d", user: "u1").first?.text == "linen dish towel")
    #expect(standard.complete("linen d", user: "u2").first?.text == "linen duvet")
  }

  @Test("score parts are the documented formulas, ages measured from the log's latest search")
  func parts() throws {
    let completer = QueryCompleter(log: Self.handLog)
    #expect(completer.referenceTime == 100 * Self.day)
    let dress = try #require(completer.complete("linen dr").first)
    #expect(dress.searchCount == 6)
    #expect(abs(dress.popularity - 0.5 * Foundation.log(7.0)) < 1e-12)
    #expect(abs(dress.recency - Foundation.log(1 + 6 * pow(2, -150.0 / 14))) < 1e-12)
    #expect(dress.personal == 0)
    let towel = try #require(completer.complete("linen di", user: "u1").first)
    #expect(abs(towel.personal - 2 * Foundation.log(1 + 3 * pow(2, -30.0 / 14))) < 1e-12)
    #expect(abs(towel.score - (towel.popularity + towel.recency + towel.personal)) < 1e-12)
  }

  @Test("prefixes are normalized (case, accents, runs of spaces); a trailing space asks for a whole next word")
  func normalization() {
    let completer = QueryCompleter(log: Self.handLog)
    #expect(QueryCompleter.normalizePrefix("  Linen   DÚ") == "linen du")
    #expect(QueryCompleter.normalizePrefix("kitchen ") == "kitchen ")
    #expect(completer.complete("  Linen   DÚ").first?.text == "linen duvet")
    let log = QueryLog(file: "t", searches: [Self.search("lamp shade", daysAgo: 1), Self.search("lampshade diy", daysAgo: 1)])
    #expect(QueryCompleter(log: log).complete("lamp ").map(\.text) == ["lamp shade"])
    #expect(Set(QueryCompleter(log: log).complete("lamp").prefix(2).map(\.text)) == ["lamp shade", "lampshade diy"])
    #expect(completer.complete("   ").isEmpty)
  }

  @Test("when logged queries run short, the last partial word is completed from the log's words")
  func wordBoundary() {
    let log = QueryLog(file: "t", searches: [Self.search("cabinets", daysAgo: 1), Self.search("bathroom cabinets", daysAgo: 1),
                                              Self.search("kitchen island", daysAgo: 1)])
    let suggestions = QueryCompleter(log: log).complete("kitchen ca", k: 3)
    #expect(suggestions.map(\.text) == ["kitchen cabinets"])
    #expect(suggestions.first?.kind == .word)
    #expect(suggestions.first?.searchCount == 2)
    let mixed = QueryCompleter(log: log).complete("kitchen i", k: 3)
    #expect(mixed.map(\.text) == ["kitchen island"])
    #expect(mixed.first?.kind == .query, "a logged query is not repeated as a word completion")
  }

  @Test("top k equals a brute-force ranking of every logged query with the prefix, on seeded random logs")
  func bruteForce() {
    let words = ["a", "ab", "abc", "b", "ba", "bab", "c", "ca", "kitchen", "kit"]
    for seed in UInt64(1)...20 {
      var generator = SeededGenerator(seed: seed)
      let searches = (0..<300).map { _ in
        let query = (0..<Int.random(in: 1...3, using: &generator)).map { _ in words.randomElement(using: &generator)! }
          .joined(separator: " ")
        return Self.search(query, daysAgo: Double(Int.random(in: 0...60, using: &generator)),
                           user: ["u1", "u2", nil].randomElement(using: &generator)!)
      }
      let log = QueryLog(file: "random", searches: searches)
      let completer = QueryCompleter(log: log)
      let settings = CompletionSettings.standard
      for prefix in ["a", "ab", "b", "ba", "k", "kit", "a b", "ab c", "c", "kitchen "] {
        for user in ["u1", "u2", nil] as [String?] {
          var parts: [String: (count: Int, decayed: Double, own: Double)] = [:]
          for search in searches where search.normalizedQuery.hasPrefix(prefix) {
            let weight = settings.decay(age: completer.referenceTime - search.timestamp)
            parts[search.normalizedQuery, default: (0, 0, 0)].count += 1
            parts[search.normalizedQuery, default: (0, 0, 0)].decayed += weight
            if search.user == user, user != nil { parts[search.normalizedQuery, default: (0, 0, 0)].own += weight }
          }
          var scored: [(text: String, score: Double)] = []
          for (text, part) in parts {
            let popularity = 0.5 * Foundation.log(1 + Double(part.count))
            let recency = Foundation.log(1 + part.decayed)
            scored.append((text, popularity + recency + 2 * Foundation.log(1 + part.own)))
          }
          let expected = scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.text < $1.text }.prefix(5)
          let actual = completer.complete(prefix, user: user, k: 5).filter { $0.kind == .query }
          #expect(actual.map(\.text) == expected.map(\.text), "seed \(seed) prefix \"\(prefix)\" user \(user ?? "-")")
          for (suggestion, reference) in zip(actual, expected) { #expect(abs(suggestion.score - reference.score) < 1e-9) }
        }
      }
    }
  }
}
