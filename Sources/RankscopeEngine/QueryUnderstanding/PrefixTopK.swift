/// Strings sorted by their UTF-8 bytes with a score each: the `k` best strings starting with a prefix.
///
/// A prefix's strings are one contiguous range of the sorted array (two binary searches); a sparse table
/// (Bender and Farach-Colton 2000, "The LCA Problem Revisited") answers "best in a range" in O(1), and the
/// k best come out of a heap of ranges split around each answer, so a lookup costs O(log n + k log k).
/// Best means a higher score, then the smaller string, so results are deterministic.
public struct PrefixTopK: Sendable {
  /// The strings, sorted by UTF-8 bytes, without repeats.
  public let keys: [String]
  /// The score of each key.
  public let scores: [Double]
  private let keyBytes: [[UInt8]]
  /// `table[level][i]`: the best index in `i ..< i + 2^level`.
  private let table: [[Int32]]

  /// Builds the structure from (string, score) pairs; a repeated string keeps its highest score.
  public init(_ entries: [(key: String, score: Double)]) {
    var best: [String: Double] = [:]
    for entry in entries { best[entry.key] = max(best[entry.key] ?? -.infinity, entry.score) }
    let sorted = best.map { (key: $0.key, bytes: Array($0.key.utf8), score: $0.value) }
      .sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
    keys = sorted.map(\.key)
    keyBytes = sorted.map(\.bytes)
    scores = sorted.map(\.score)
    table = Self.sparseTable(scores)
  }

  /// Whether index `a` is better than index `b`: a higher score, then the smaller key (the smaller index).
  @inline(__always)
  static func better(_ a: Int, _ b: Int, _ scores: [Double]) -> Bool {
    scores[a] != scores[b] ? scores[a] > scores[b] : a < b
  }

  /// The range-best sparse table over `scores`.
  static func sparseTable(_ scores: [Double]) -> [[Int32]] {
    guard !scores.isEmpty else { return [] }
    var levels: [[Int32]] = [Array(0..<Int32(scores.count))]
    var width = 1
    while width * 2 <= scores.count {
      let previous = levels[levels.count - 1]
      levels.append((0...(scores.count - width * 2)).map { start in
        let left = Int(previous[start]), right = Int(previous[start + width])
        return Int32(better(left, right, scores) ? left : right)
      })
      width *= 2
    }
    return levels
  }

  /// The best index in `range` (not empty).
  func best(in range: Range<Int>) -> Int {
    let level = Int.bitWidth - 1 - range.count.leadingZeroBitCount
    let left = Int(table[level][range.lowerBound]), right = Int(table[level][range.upperBound - (1 << level)])
    return Self.better(left, right, scores) ? left : right
  }

  /// The range of keys starting with `prefix` (all keys for the empty prefix).
  /// - Complexity: O(log n · |prefix|).
  public func range(prefix: String) -> Range<Int> {
    let bytes = Array(prefix.utf8)
    let lower = partition { !$0.lexicographicallyPrecedes(bytes) }
    let upper = partition { !$0.starts(with: bytes) && !$0.lexicographicallyPrecedes(bytes) }
    return lower..<max(lower, upper)
  }

  /// The first index whose key satisfies `isAtOrAfter` (which must be monotone over the sorted keys).
  private func partition(_ isAtOrAfter: ([UInt8]) -> Bool) -> Int {
    var low = 0, high = keyBytes.count
    while low < high {
      let middle = (low + high) / 2
      if isAtOrAfter(keyBytes[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }

  /// The indexes of the `k` best keys starting with `prefix`, best first.
  /// - Complexity: O(log n · |prefix| + k log k).
  public func top(prefix: String, k: Int) -> [Int] {
    let whole = range(prefix: prefix)
    guard k > 0, !whole.isEmpty else { return [] }
    var result: [Int] = []
    // Ranges by their best index, worst first (k is small: a sorted insert is enough).
    var frontier: [(index: Int, range: Range<Int>)] = [(best(in: whole), whole)]
    while result.count < k, let next = frontier.popLast() {
      result.append(next.index)
      for part in [next.range.lowerBound..<next.index, (next.index + 1)..<next.range.upperBound] where !part.isEmpty {
        let candidate = (index: best(in: part), range: part)
        let position = frontier.firstIndex { Self.better($0.index, candidate.index, scores) } ?? frontier.count
        frontier.insert(candidate, at: position)
      }
    }
    return result
  }
}
