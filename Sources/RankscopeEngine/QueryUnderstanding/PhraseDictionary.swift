import Foundation

/// Multi-word concepts ("mid century modern", "moscow mule") with how often the corpus and the query log use them;
/// `SegmentDetector` segments queries with it.
///
/// Built (`build(reader:log:settings:)`) from
/// - the corpus's curated phrases: multi-word values of keyword fields (counted in documents) and multi-word
///   elements of string arrays in stored text fields (tags; counted in documents, not counted as text), all
///   taken as they are;
/// - the corpus's text: adjacent word pairs and triples of the stored text fields' strings, kept when seen at
///   least `minimumCount` times and associated — Dunning's log-likelihood ratio G² (Dunning 1993, "Accurate
///   Methods for the Statistics of Surprise and Coincidence"; Manning & Schütze 1999, ch. 5) of the first part
///   (a word, or a kept pair for a triple) against the next word, at least `minimumAssociation`, positive
///   association only; no phrase starts or ends with a stop word;
/// - the query log: the same test over the distinct normalized queries (counts are distinct queries).
///
/// Words are normalized as queries are (`QueryLogStatistics.normalize`).
public struct PhraseDictionary: Sendable {
  /// Where a phrase was seen.
  public enum Source: String, Sendable, Hashable {
    /// The corpus only.
    case corpus
    /// The query log only.
    case log
    /// Both.
    case both
  }

  /// One phrase.
  public struct Entry: Sendable, Hashable {
    /// Its words (two or more).
    public var words: [String]
    /// Corpus count: documents holding it as a keyword or tag value, plus occurrences in text when associated.
    public var corpusCount: Int
    /// Distinct log queries holding it (when associated in the log).
    public var logCount: Int

    /// Where it was seen.
    public var source: Source { corpusCount > 0 ? (logCount > 0 ? .both : .corpus) : .log }

    /// Creates an entry.
    public init(words: [String], corpusCount: Int, logCount: Int) {
      self.words = words
      self.corpusCount = corpusCount
      self.logCount = logCount
    }
  }

  /// What the build keeps.
  public struct Settings: Sendable, Hashable {
    /// The fewest occurrences of a text n-gram (in the corpus; distinct queries in the log).
    public var minimumCount: Int
    /// The fewest distinct log queries holding a log n-gram.
    public var minimumQueryCount: Int
    /// The least G² of a kept n-gram (10.83 is p < 0.001 for one degree of freedom).
    public var minimumAssociation: Double
    /// The longest phrase taken from text, in words (2 or 3).
    public var maximumLength: Int

    /// Creates settings; the defaults are the standard ones.
    public init(minimumCount: Int = 5, minimumQueryCount: Int = 3, minimumAssociation: Double = 10.83, maximumLength: Int = 3) {
      self.minimumCount = minimumCount
      self.minimumQueryCount = minimumQueryCount
      self.minimumAssociation = minimumAssociation
      self.maximumLength = maximumLength
    }

    /// The defaults.
    public static let standard = Settings()
  }

  /// The phrases by their words joined with one space.
  public let entries: [String: Entry]
  /// The longest phrase, in words.
  public let maximumLength: Int

  /// A dictionary of `entries` (counts of repeated phrases add up).
  public init(entries: [Entry]) {
    var table: [String: Entry] = [:]
    for entry in entries where entry.words.count >= 2 {
      let key = entry.words.joined(separator: " ")
      if var known = table[key] {
        known.corpusCount += entry.corpusCount
        known.logCount += entry.logCount
        table[key] = known
      } else {
        table[key] = entry
      }
    }
    self.entries = table
    maximumLength = table.values.map(\.words.count).max() ?? 0
  }

  /// The entry of `words`, if a phrase.
  public func entry<Words: Collection<String>>(_ words: Words) -> Entry? {
    words.count >= 2 ? entries[words.joined(separator: " ")] : nil
  }

  /// The dictionary of `reader`'s stored documents and, when given, `log`'s distinct queries.
  public static func build(reader: IndexReader, log: QueryLog? = nil, settings: Settings = .standard) throws -> PhraseDictionary {
    let schema = reader.schema
    var curated: [String: Int] = [:]
    for (field, _) in schema.keywordFields.enumerated() {
      for (value, count) in try reader.keywordValues(field: field) {
        let words = QueryLogStatistics.normalize(value)
        if words.contains(" ") { curated[words, default: 0] += count }
      }
    }
    let textKeys = Set(schema.textFields.flatMap(\.sourceKeys))
    var text = NGramCounter()
    for document in 0..<reader.documentCount {
      let members = try reader.storedMembers(document, keys: textKeys)
      var tags = Set<String>()
      for key in members.keys.sorted() {
        switch members[key]! {
        case .string(let value): text.add(QueryLogStatistics.normalize(value))
        case .array(let items):
          for case .string(let value) in items {
            let words = QueryLogStatistics.normalize(value)
            if words.contains(" ") { tags.insert(words) } else { text.add(words) }
          }
        default: break
        }
      }
      for tag in tags { curated[tag, default: 0] += 1 }
    }
    var corpus: [String: Int] = curated
    for (phrase, count) in text.associated(minimumCount: settings.minimumCount, minimumAssociation: settings.minimumAssociation,
                                           maximumLength: settings.maximumLength) {
      corpus[phrase, default: 0] += count
    }
    var logged: [String: Int] = [:]
    if let log {
      var queries = NGramCounter()
      for query in Set(log.searches.map(\.normalizedQuery)).sorted() { queries.add(query, distinct: true) }
      logged = queries.associated(minimumCount: settings.minimumQueryCount, minimumAssociation: settings.minimumAssociation,
                                  maximumLength: settings.maximumLength)
    }
    var entries: [Entry] = []
    for phrase in Set(corpus.keys).union(logged.keys).sorted() {
      entries.append(Entry(words: phrase.split(separator: " ").map(String.init), corpusCount: corpus[phrase] ?? 0,
                           logCount: logged[phrase] ?? 0))
    }
    return PhraseDictionary(entries: entries)
  }
}

/// Counts of words, adjacent pairs and triples (words interned as numbers, n-grams packed into 64 bits).
struct NGramCounter {
  private var numbers: [String: Int] = [:]
  private var words: [String] = []
  private var unigrams: [Int] = []
  private var bigrams: [UInt64: Int] = [:]
  private var trigrams: [UInt64: Int] = [:]
  private var total = 0

  private static let bits: UInt64 = 21
  private static let mask: UInt64 = (1 << 21) - 1

  /// Adds the words of `text` (normalized, one space between words); `distinct` counts each n-gram once.
  mutating func add(_ text: String, distinct: Bool = false) {
    var ids: [Int] = []
    for word in text.split(separator: " ") {
      let key = String(word)
      if let id = numbers[key] {
        ids.append(id)
      } else if words.count < Int(Self.mask) {
        numbers[key] = words.count
        ids.append(words.count)
        words.append(key)
        unigrams.append(0)
      } else {
        ids.append(-1)  // beyond 2²¹ distinct words: not counted
      }
    }
    var seenPairs = Set<UInt64>(), seenTriples = Set<UInt64>()
    for (index, id) in ids.enumerated() where id >= 0 {
      unigrams[id] += 1
      total += 1
      if index + 1 < ids.count, ids[index + 1] >= 0 {
        let pair = UInt64(id) << Self.bits | UInt64(ids[index + 1])
        if !distinct || seenPairs.insert(pair).inserted { bigrams[pair, default: 0] += 1 }
        if index + 2 < ids.count, ids[index + 2] >= 0 {
          let triple = pair << Self.bits | UInt64(ids[index + 2])
          if !distinct || seenTriples.insert(triple).inserted { trigrams[triple, default: 0] += 1 }
        }
      }
    }
  }

  /// G² of `joint` occurrences of a first part seen `first` times followed by a word seen `second` times.
  private func association(joint: Int, first: Int, second: Int) -> Double {
    let n = max(total, 1)
    guard Double(joint) * Double(n) > Double(first) * Double(second) else { return 0 }  // positive association only
    return SignificantTerms.logLikelihoodRatio(foregroundFrequency: joint, foregroundSize: first,
                                               backgroundFrequency: second, corpusSize: n)
  }

  /// The associated pairs and triples (joined with one space) with their counts.
  func associated(minimumCount: Int, minimumAssociation: Double, maximumLength: Int) -> [String: Int] {
    var result: [String: Int] = [:]
    var keptPairs: [UInt64: Int] = [:]
    var firstCounts = [Int](repeating: 0, count: words.count)  // occurrences of a word followed by a word
    for (pair, count) in bigrams { firstCounts[Int(pair >> Self.bits)] += count }
    func stop(_ id: Int) -> Bool { StopWords.english.contains(words[id]) }
    for (pair, count) in bigrams where count >= minimumCount {
      let first = Int(pair >> Self.bits), second = Int(pair & Self.mask)
      guard first != second,
            association(joint: count, first: firstCounts[first], second: unigrams[second]) >= minimumAssociation else { continue }
      keptPairs[pair] = count
      if !stop(first), !stop(second) { result[words[first] + " " + words[second]] = count }
    }
    guard maximumLength >= 3 else { return result }
    var pairFollowed: [UInt64: Int] = [:]
    for (triple, count) in trigrams { pairFollowed[triple >> Self.bits, default: 0] += count }
    for (triple, count) in trigrams where count >= minimumCount {
      let head = triple >> Self.bits, last = Int(triple & Self.mask), first = Int(head >> Self.bits)
      let middle = Int(head & Self.mask)
      guard !stop(first), !stop(last), keptPairs[head] != nil || keptPairs[UInt64(middle) << Self.bits | UInt64(last)] != nil,
            association(joint: count, first: pairFollowed[head] ?? count, second: unigrams[last]) >= minimumAssociation
      else { continue }
      result[words[first] + " " + words[middle] + " " + words[last]] = count
    }
    return result
  }
}
