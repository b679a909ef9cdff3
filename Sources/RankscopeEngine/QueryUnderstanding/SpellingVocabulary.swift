/// The words a spelling corrector may propose: surface words of the documents' text fields (lower-cased,
/// accents folded, not stemmed, so a correction reads as a word), each with its document frequency, its
/// frequency in a query log, and the documents holding it (for co-occurrence with the other query words).
public struct SpellingVocabulary: Sendable {
  /// The words, by word number (sorted).
  public let words: [String]
  /// Documents holding each word in any text field.
  public let documentFrequencies: [Int]
  /// Times each word appears in the query log's queries (0 without a log).
  public let queryFrequencies: [Int]
  /// Each word's documents, ascending.
  let postings: [[UInt32]]
  private let numbers: [String: Int]

  /// The analyzer that turns text into vocabulary words: lower-case, fold accents, no stop words, no stemming.
  public static let analyzer = Analyzer(configuration: AnalyzerConfiguration(lowercase: true, foldAccents: true,
                                                                           stopWords: .none, stemmer: .none))

  /// Builds the vocabulary from each document's text (one string per document, fields joined) and the queries
  /// of a log; a log word counts only when some document holds it, so the log's own typos never become words.
  public init(documents: [String], queries: [String] = []) {
    var postingsByWord: [String: [UInt32]] = [:]
    for (number, text) in documents.enumerated() {
      for word in Set(Self.words(in: text)) { postingsByWord[word, default: []].append(UInt32(number)) }
    }
    let sorted = postingsByWord.keys.sorted()
    var numbers: [String: Int] = [:]
    for (number, word) in sorted.enumerated() { numbers[word] = number }
    var queryCounts = [Int](repeating: 0, count: sorted.count)
    for query in queries {
      for word in Self.words(in: query) { if let number = numbers[word] { queryCounts[number] += 1 } }
    }
    words = sorted
    postings = sorted.map { postingsByWord[$0]! }
    documentFrequencies = postings.map(\.count)
    queryFrequencies = queryCounts
    self.numbers = numbers
  }

  /// The vocabulary words of `text`, in order.
  public static func words(in text: String) -> [String] { analyzer.terms(text) }

  /// The number of `word`, or `nil` when no document holds it.
  public func number(of word: String) -> Int? { numbers[word] }

  /// Number of documents holding both words (a sorted-postings intersection count).
  /// - Complexity: O(df(a) + df(b)).
  public func coOccurrence(_ first: Int, _ second: Int) -> Int {
    let left = postings[first]
    let right = postings[second]
    var (i, j, count) = (0, 0, 0)
    while i < left.count, j < right.count {
      if left[i] == right[j] { count += 1; i += 1; j += 1 } else if left[i] < right[j] { i += 1 } else { j += 1 }
    }
    return count
  }

  /// Stored postings entries, for memory figures.
  public var postingsCount: Int { postings.reduce(0) { $0 + $1.count } }
}
