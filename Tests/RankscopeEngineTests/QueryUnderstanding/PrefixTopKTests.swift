import Testing
@testable import RankscopeEngine

/// The sorted-array prefix structure: ranges and top k against brute force.
@Suite("PrefixTopK")
struct PrefixTopKTests {
  @Test("range and top k match a brute-force filter and sort on seeded random keys")
  func bruteForce() {
    var generator = SeededGenerator(seed: 7)
    let letters = ["a", "b", "c", "é", " "]
    let entries = (0..<500).map { _ in
      ((0..<Int.random(in: 1...5, using: &generator)).map { _ in letters.randomElement(using: &generator)! }.joined(),
       Double(Int.random(in: 0...20, using: &generator)))
    }
    let structure = PrefixTopK(entries.map { (key: $0.0, score: $0.1) })
    var best: [String: Double] = [:]
    for (key, score) in entries { best[key] = max(best[key] ?? -1, score) }
    for prefix in ["", "a", "ab", "é", "a ", "cc", "zz", "b é"] {
      let expected = best.filter { $0.key.utf8.starts(with: prefix.utf8) }
        .sorted { $0.value != $1.value ? $0.value > $1.value : Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
      #expect(structure.range(prefix: prefix).count == expected.count, "prefix \"\(prefix)\"")
      for k in [1, 3, 10, 1000] {
        #expect(structure.top(prefix: prefix, k: k).map { structure.keys[$0] } == expected.prefix(k).map(\.key), "\(prefix) \(k)")
      }
    }
    #expect(PrefixTopK([]).top(prefix: "a", k: 3).isEmpty)
  }
}
