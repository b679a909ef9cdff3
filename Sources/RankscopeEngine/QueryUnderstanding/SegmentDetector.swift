import Foundation

/// Segments a query into the dictionary's multi-word concepts and single words.
///
/// Hagen, Potthast, Stein & Bräutigam 2011 ("Query segmentation revisited", WWW), naive segmentation: a
/// segment `s` of two or more words scores `|s|^|s| · count(s)` (the exponent lets a long phrase beat the
/// shorter phrases it contains, whose counts are always at least as high), a single word scores 0, and only
/// phrases of the dictionary may be segments. The count here is the phrase's corpus count plus its log count
/// (`PhraseDictionary`). The segmentation maximizing the sum of its segments' scores is found by dynamic
/// programming over the word positions, O(n · maximum phrase length) lookups; ties go to the segmentation whose
/// first differing segment is longer, so the result is deterministic.
public struct SegmentDetector: Sendable {
  /// The phrases.
  public let dictionary: PhraseDictionary

  /// A detector over `dictionary`.
  public init(dictionary: PhraseDictionary) {
    self.dictionary = dictionary
  }

  /// The score of a phrase with `length` words seen `count` times.
  public static func score(length: Int, count: Int) -> Double {
    length < 2 ? 0 : Double(count) * pow(Double(length), Double(length))
  }

  /// The best segmentation of `words` (normalized, one word an element), in order, covering every word.
  public func segments(of words: [String]) -> [QuerySegment] {
    let n = words.count
    guard n > 0 else { return [] }
    // best[i]: the best score of words[i...]; next[i]: the length of its first segment.
    var best = [Double](repeating: 0, count: n + 1)
    var next = [Int](repeating: 1, count: n + 1)
    for start in stride(from: n - 1, through: 0, by: -1) {
      best[start] = best[start + 1]
      next[start] = 1
      let longest = min(dictionary.maximumLength, n - start)
      if longest >= 2 {
        for length in 2...longest {
          guard let entry = dictionary.entry(words[start..<(start + length)]) else { continue }
          let value = Self.score(length: length, count: entry.corpusCount + entry.logCount) + best[start + length]
          if value >= best[start] {
            best[start] = value
            next[start] = length
          }
        }
      }
    }
    var result: [QuerySegment] = []
    var start = 0
    while start < n {
      let range = start..<(start + next[start])
      let segmentWords = Array(words[range])
      if let entry = range.count > 1 ? dictionary.entry(segmentWords) : nil {
        result.append(QuerySegment(range: range, words: segmentWords,
                                   score: Self.score(length: range.count, count: entry.corpusCount + entry.logCount),
                                   corpusCount: entry.corpusCount, logCount: entry.logCount, source: entry.source))
      } else {
        result.append(QuerySegment(range: range, words: segmentWords, score: 0, corpusCount: 0, logCount: 0, source: nil))
      }
      start = range.upperBound
    }
    return result
  }

  /// The segments of `query` after `QueryLogStatistics.normalize`.
  public func segments(ofQuery query: String) -> [QuerySegment] {
    segments(of: QueryLogStatistics.normalize(query).split(separator: " ").map(String.init))
  }
}
