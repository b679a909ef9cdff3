import Foundation

/// Autocomplete from a query log: the logged queries starting with a prefix, by popularity, recency and the
/// user's own history, then (when those run short) the prefix with its last partial word completed.
///
/// Score of a logged query q with n searches at ages a_i (seconds before the log's latest search, so the result
/// depends on the log alone): `popularityWeight · ln(1 + n) + recencyWeight · ln(1 + Σ 2^(−a_i / halfLife))`,
/// plus, for a user, `personalWeight · ln(1 + Σ 2^(−a_j / halfLife))` over that user's searches of q. The global
/// part is precomputed into a `PrefixTopK`; a user's queries matching the prefix are added to the global top k,
/// which is exact because only they get a personal part. Prefixes are normalized like the log
/// (`QueryLogStatistics.normalize`: case, accents, punctuation, runs of spaces); a trailing space is kept, so
/// "kitchen " completes whole words after "kitchen" only.
public struct QueryCompleter: Sendable {
  /// The settings the scores were computed with.
  public let settings: CompletionSettings
  /// The log's latest timestamp: ages are measured against it.
  public let referenceTime: Double
  private let queries: PrefixTopK
  private let queryCounts: [Int]
  private let queryRecency: [Double]
  private let queryIndex: [String: Int]
  private let words: PrefixTopK
  private let wordCounts: [Int]
  private let wordRecency: [Double]
  /// Per user: their queries, scored by the user's decayed searches.
  private let userQueries: [String: PrefixTopK]

  /// Builds the completer from the searches of `log`.
  public init(log: QueryLog, settings: CompletionSettings = .standard) {
    self.settings = settings
    let reference = log.searches.map(\.timestamp).max() ?? 0
    referenceTime = reference
    var counts: [String: (count: Int, decayed: Double)] = [:]
    var wordTotals: [String: (count: Int, decayed: Double)] = [:]
    var perUser: [String: [String: Double]] = [:]
    for search in log.searches where !search.normalizedQuery.isEmpty {
      let weight = settings.decay(age: reference - search.timestamp)
      counts[search.normalizedQuery, default: (0, 0)].count += 1
      counts[search.normalizedQuery, default: (0, 0)].decayed += weight
      for word in Set(search.normalizedQuery.split(separator: " ")) {
        wordTotals[String(word), default: (0, 0)].count += 1
        wordTotals[String(word), default: (0, 0)].decayed += weight
      }
      if let user = search.user { perUser[user, default: [:]][search.normalizedQuery, default: 0] += weight }
    }
    queries = PrefixTopK(counts.map { ($0.key, Self.globalScore(count: $0.value.count, decayed: $0.value.decayed, settings)) })
    queryCounts = queries.keys.map { counts[$0]!.count }
    queryRecency = queries.keys.map { counts[$0]!.decayed }
    queryIndex = Dictionary(uniqueKeysWithValues: queries.keys.enumerated().map { ($1, $0) })
    words = PrefixTopK(wordTotals.map { ($0.key, Self.globalScore(count: $0.value.count, decayed: $0.value.decayed, settings)) })
    wordCounts = words.keys.map { wordTotals[$0]!.count }
    wordRecency = words.keys.map { wordTotals[$0]!.decayed }
    userQueries = perUser.mapValues { PrefixTopK($0.map { ($0.key, $0.value) }) }
  }

  /// `popularityWeight · ln(1 + count) + recencyWeight · ln(1 + decayed)`.
  static func globalScore(count: Int, decayed: Double, _ settings: CompletionSettings) -> Double {
    settings.popularityWeight * Foundation.log(1 + Double(count)) + settings.recencyWeight * Foundation.log(1 + decayed)
  }

  /// The prefix as completions see it: normalized like the log, with one trailing space when it ended in one.
  public static func normalizePrefix(_ prefix: String) -> String {
    let normalized = QueryLogStatistics.normalize(prefix)
    guard !normalized.isEmpty, let last = prefix.unicodeScalars.last else { return normalized }
    return CharacterSet.whitespacesAndNewlines.contains(last) ? normalized + " " : normalized
  }

  /// Distinct logged queries.
  public var queryCount: Int { queries.keys.count }

  /// The `k` best suggestions for `prefix`, for `user` when given, best first: logged queries, then word completions.
  public func complete(_ prefix: String, user: String? = nil, k: Int = 8) -> [CompletionSuggestion] {
    let normalized = Self.normalizePrefix(prefix)
    guard k > 0, !normalized.isEmpty else { return [] }
    var suggestions = queries.top(prefix: normalized, k: k).map { suggestion(query: $0, user: user) }
    if let user, let own = userQueries[user] {
      let listed = Set(suggestions.map(\.text))
      for index in own.range(prefix: normalized) where !listed.contains(own.keys[index]) {
        if let global = queryIndex[own.keys[index]] { suggestions.append(suggestion(query: global, user: user)) }
      }
      suggestions.sort { $0.score != $1.score ? $0.score > $1.score : $0.text < $1.text }
      if suggestions.count > k { suggestions.removeLast(suggestions.count - k) }
    }
    if suggestions.count < k {
      suggestions += wordCompletions(normalized, excluding: Set(suggestions.map(\.text)), k: k - suggestions.count)
    }
    return suggestions
  }

  /// The suggestion for the logged query at `index`, with `user`'s personal part.
  private func suggestion(query index: Int, user: String?) -> CompletionSuggestion {
    let text = queries.keys[index]
    let own = user.flatMap { userQueries[$0] }.flatMap { history in
      history.range(prefix: text).first { history.keys[$0] == text }.map { history.scores[$0] }
    } ?? 0
    return CompletionSuggestion(text: text, kind: .query,
                                popularity: settings.popularityWeight * Foundation.log(1 + Double(queryCounts[index])),
                                recency: settings.recencyWeight * Foundation.log(1 + queryRecency[index]),
                                personal: settings.personalWeight * Foundation.log(1 + own), searchCount: queryCounts[index])
  }

  /// Up to `k` completions of the prefix's last partial word by the log's words, the words before it kept.
  func wordCompletions(_ normalized: String, excluding listed: Set<String>, k: Int) -> [CompletionSuggestion] {
    guard k > 0, normalized.last != " " else { return [] }
    let parts = normalized.split(separator: " ").map(String.init)
    let head = parts.dropLast().joined(separator: " ")
    var result: [CompletionSuggestion] = []
    for index in words.top(prefix: parts[parts.count - 1], k: k + listed.count + 1) where result.count < k {
      let text = head.isEmpty ? words.keys[index] : head + " " + words.keys[index]
      guard text != normalized, !listed.contains(text) else { continue }
      result.append(CompletionSuggestion(text: text, kind: .word,
                                         popularity: settings.popularityWeight * Foundation.log(1 + Double(wordCounts[index])),
                                         recency: settings.recencyWeight * Foundation.log(1 + wordRecency[index]),
                                         personal: 0, searchCount: wordCounts[index]))
    }
    return result
  }
}
