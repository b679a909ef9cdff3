/// The hashed features of a query for `IntentModel` (the hashing trick: Weinberger, Dasgupta, Langford, Smola &
/// Attenberg 2009, "Feature hashing for large scale multitask learning", ICML): each feature name is hashed
/// (FNV-1a, 64 bits) to one of 2^`bucketBits` buckets, and one more bit of the hash gives its sign (±1), so
/// collisions cancel in expectation rather than add up.
///
/// Features of the normalized query (`QueryLogStatistics.normalize`): its words (`w:sofa`), its adjacent word
/// pairs (`b:boho sofa`), and the character 3- to 5-grams of each word with boundary markers (`c:<so`, `c:sof`,
/// `c:ofa>`, …; a word shorter than the n-gram gives none of that length). Each occurrence has the value
/// ±1 / √(occurrences), so every query's feature vector has about unit length.
public struct IntentFeatureHasher: Sendable, Hashable {
  /// One feature occurrence.
  public struct Feature: Sendable, Hashable {
    /// Its name (`w:`, `b:` or `c:` and the text).
    public var name: String
    /// Its bucket.
    public var bucket: Int
    /// Its value: the hash's sign (±1) over the square root of the query's feature count (unit length).
    public var value: Double
  }

  /// log2 of the bucket count.
  public var bucketBits: Int

  /// A hasher into 2^`bucketBits` buckets.
  public init(bucketBits: Int = 15) {
    self.bucketBits = max(1, min(bucketBits, 30))
  }

  /// The bucket count.
  public var bucketCount: Int { 1 << bucketBits }

  /// The features of `normalizedQuery`, in order: words, word pairs, character n-grams by word.
  public func features(of normalizedQuery: String) -> [Feature] {
    let words = normalizedQuery.split(separator: " ").map(String.init)
    var names: [String] = words.map { "w:" + $0 }
    for (first, second) in zip(words, words.dropFirst()) { names.append("b:" + first + " " + second) }
    for word in words {
      let characters = Array("<" + word + ">")
      for length in 3...5 where characters.count >= length {
        for start in 0...(characters.count - length) { names.append("c:" + String(characters[start..<(start + length)])) }
      }
    }
    let scale = names.isEmpty ? 1 : 1 / Double(names.count).squareRoot()
    return names.map { name in
      var feature = feature(named: name)
      feature.value *= scale
      return feature
    }
  }

  /// The bucket and sign (value ±1) of one feature name.
  public func feature(named name: String) -> Feature {
    let hash = Self.hash(name)
    let bucket = Int(hash & UInt64(bucketCount - 1))
    return Feature(name: name, bucket: bucket, value: hash >> 63 == 0 ? 1 : -1)
  }

  /// FNV-1a (64 bits) of `text`'s UTF-8 bytes.
  public static func hash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }
}
