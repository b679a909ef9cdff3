/// Candidate lookup by symmetric deletes (Wolf Garbe's SymSpell, 2012: "1000x faster spelling correction"):
/// every vocabulary word is stored under each string obtained by deleting up to `maximumDistance` characters;
/// a query word's own deletes then meet every word within that many edits (insertions, deletions,
/// substitutions, adjacent transpositions), and a Damerau–Levenshtein check drops the false meetings.
///
/// Deletes are kept as 64-bit FNV-1a hashes beside word numbers in one sorted array (a hash collision only adds
/// a candidate the distance check removes), so the index costs 12 bytes per delete.
public struct SymmetricDeleteIndex: Sendable {
  /// The largest edit distance a lookup finds.
  public let maximumDistance: Int
  /// The indexed words, as Unicode scalars, by word number.
  let words: [[Unicode.Scalar]]
  /// Delete hashes, ascending, parallel to `wordNumbers`.
  private let hashes: [UInt64]
  /// The word each delete hash came from.
  private let wordNumbers: [UInt32]

  /// Indexes `words` (word number = position) for lookups within `maximumDistance` edits.
  /// - Complexity: O(W · L^d) deletes for W words of length L, sorted once.
  public init(words: [String], maximumDistance: Int = 2) {
    self.maximumDistance = maximumDistance
    let scalars = words.map { Array($0.unicodeScalars) }
    var pairs: [(hash: UInt64, word: UInt32)] = []
    pairs.reserveCapacity(words.count * 16)
    for (number, word) in scalars.enumerated() {
      for delete in Self.deletes(of: word, maximumDistance: maximumDistance) {
        pairs.append((Self.hash(delete), UInt32(number)))
      }
    }
    pairs.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.word < $1.word }
    self.words = scalars
    hashes = pairs.map(\.hash)
    wordNumbers = pairs.map(\.word)
  }

  /// Number of stored deletes (the index's size).
  public var deleteCount: Int { hashes.count }

  /// The words within `maximumDistance` edits of `word`, as (word number, distance), by word number.
  public func candidates(of word: String, maximumDistance limit: Int? = nil) -> [(word: Int, distance: Int)] {
    let query = Array(word.unicodeScalars)
    let bound = min(limit ?? maximumDistance, maximumDistance)
    var seen = Set<UInt32>()
    var found: [(word: Int, distance: Int)] = []
    for delete in Self.deletes(of: query, maximumDistance: bound) {
      let key = Self.hash(delete)
      var position = lowerBound(key)
      while position < hashes.count, hashes[position] == key {
        let number = wordNumbers[position]
        position += 1
        guard seen.insert(number).inserted else { continue }
        if let distance = DamerauLevenshtein.distance(query, words[Int(number)], limit: bound) {
          found.append((Int(number), distance))
        }
      }
    }
    return found.sorted { $0.word < $1.word }
  }

  private func lowerBound(_ key: UInt64) -> Int {
    var low = 0
    var high = hashes.count
    while low < high {
      let middle = (low + high) / 2
      if hashes[middle] < key { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// `word` and every distinct string made by deleting 1…`maximumDistance` of its characters.
  static func deletes(of word: [Unicode.Scalar], maximumDistance: Int) -> Set<[Unicode.Scalar]> {
    var result: Set<[Unicode.Scalar]> = [word]
    var frontier: Set<[Unicode.Scalar]> = [word]
    for _ in 0..<maximumDistance {
      var next = Set<[Unicode.Scalar]>()
      for item in frontier where !item.isEmpty {
        for position in item.indices {
          var shorter = item
          shorter.remove(at: position)
          if result.insert(shorter).inserted { next.insert(shorter) }
        }
      }
      frontier = next
    }
    return result
  }

  /// FNV-1a 64 over the scalars' values.
  static func hash(_ scalars: [Unicode.Scalar]) -> UInt64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for scalar in scalars {
      var bits = scalar.value
      for _ in 0..<3 {
        value = (value ^ UInt64(bits & 0xFF)) &* 0x0000_0100_0000_01B3
        bits >>= 8
      }
    }
    return value
  }
}
