import Foundation

/// Terms over-represented in a foreground set of documents (a query's top results) compared with the whole
/// corpus, scored by Dunning's log-likelihood ratio G² (Dunning 1993, "Accurate Methods for the Statistics of
/// Surprise and Coincidence") on the 2×2 table of document counts: with / without the term, in the foreground /
/// in the rest of the corpus.
public enum SignificantTerms {
  /// One scored term.
  public struct Term: Sendable, Hashable {
    /// The term (an index term: analyzed).
    public var term: String
    /// Foreground documents holding it.
    public var foregroundFrequency: Int
    /// Corpus documents holding it (the foreground's included).
    public var backgroundFrequency: Int
    /// G², 0 when the term is not over-represented in the foreground.
    public var score: Double
  }

  /// G² for a term in `foregroundFrequency` of `foregroundSize` documents and `backgroundFrequency` of
  /// `corpusSize` (the foreground is part of the corpus); 0 when the foreground's rate is not above the rest's.
  public static func logLikelihoodRatio(foregroundFrequency: Int, foregroundSize: Int, backgroundFrequency: Int,
                                        corpusSize: Int) -> Double {
    let k11 = Double(foregroundFrequency), k12 = Double(foregroundSize - foregroundFrequency)
    let k21 = Double(max(backgroundFrequency - foregroundFrequency, 0))
    let k22 = Double(max(corpusSize - foregroundSize, 0)) - k21
    guard k11 + k12 > 0, k21 + k22 > 0, k11 / (k11 + k12) > k21 / (k21 + k22) else { return 0 }
    let total = k11 + k12 + k21 + k22
    func part(_ k: Double, _ row: Double, _ column: Double) -> Double { k > 0 ? k * log(k * total / (row * column)) : 0 }
    let row1 = k11 + k12, row2 = k21 + k22, column1 = k11 + k21, column2 = k12 + k22
    return 2 * (part(k11, row1, column1) + part(k12, row1, column2) + part(k21, row2, column1) + part(k22, row2, column2))
  }

  /// The terms of `foreground` (one set of terms per document) by G², best first (ties: the term), at most `limit`;
  /// `backgroundFrequency` gives a term's corpus document frequency, `excluded` terms are skipped.
  /// Terms in fewer than `minimumForegroundFrequency` foreground documents are skipped (one document is noise).
  public static func rank(foreground: [Set<String>], corpusSize: Int, excluded: Set<String> = [], limit: Int,
                          minimumForegroundFrequency: Int = 2, backgroundFrequency: (String) -> Int) -> [Term] {
    var frequencies: [String: Int] = [:]
    for document in foreground { for term in document where !excluded.contains(term) { frequencies[term, default: 0] += 1 } }
    let scored = frequencies.filter { $0.value >= minimumForegroundFrequency }.map { term, count -> Term in
      let background = max(backgroundFrequency(term), count)
      return Term(term: term, foregroundFrequency: count, backgroundFrequency: background,
                  score: logLikelihoodRatio(foregroundFrequency: count, foregroundSize: foreground.count,
                                            backgroundFrequency: background, corpusSize: corpusSize))
    }
    return Array(scored.filter { $0.score > 0 }.sorted { ($1.score, $0.term) < ($0.score, $1.term) }.prefix(limit))
  }
}
