import Foundation

/// Search guides: refinements that narrow a query, from the query log's session transitions and from terms
/// significant in the query's top results, ranked by expected engagement.
///
/// Candidates: (a) every narrowing transition from the normalized query (`QueryTransitions`); (b) the parent
/// query plus the most frequent surface word of each of the `termCandidates` terms with the highest G² in the
/// parent's top `foregroundSize` lexical results against the corpus (`SignificantTerms`, Dunning 1993).
///
/// Expected engagement, the ranking key (clicked searches expected per search of the parent), with the
/// click-through smoothed towards the log's fraction of searches with a click p0, ctr(c, n) = (c + m·p0) / (n + m):
/// - a transition seen n times (u of them by the user), c of them clicked, from a parent searched N times:
///   (n + personalWeight · u) / (N + 1) · ctr(c, n);
/// - a term t: over the log's searches whose words hold the parent's (N) and those that also hold t (n, c clicked):
///   n / (N + 1) · ctr(c, n), and 0 when no logged search holds them, which leaves such terms ordered by G²;
/// - both sources: the larger. Ties: first the refinements whose added words some logged search holds (words
///   people search with, not document boilerplate such as "proves"), then G², then the text.
/// Each refinement is then searched (lexical, like the parent) for its total matches, a preview and its Jaccard@10
/// with the parent's top 10.
public struct RefinementGenerator: Sendable {
  /// The engine searched.
  public let engine: SearchEngine
  /// The settings.
  public let settings: RefinementSettings
  /// The log's narrowing transitions.
  public let transitions: QueryTransitions
  /// The words of each logged search, with whether it got a click.
  private let loggedSearches: [(words: Set<String>, clicked: Bool)]
  /// Searches per normalized query.
  private let queryCounts: [String: Int]
  /// The fraction of logged searches with a click (the click-through prior).
  public let clickPrior: Double
  /// Every word of the logged searches: among refinements the log cannot score, those adding words people search
  /// with come before those adding document boilerplate no one searched ("proves", "can").
  private let loggedWords: Set<String>

  /// Creates a generator over `engine`'s index and the searches of `log`.
  public init(engine: SearchEngine, log: QueryLog, settings: RefinementSettings = .standard) {
    self.engine = engine
    self.settings = settings
    transitions = QueryTransitions(log: log, sessionGap: settings.sessionGap)
    loggedSearches = log.searches.map { (Set($0.normalizedQuery.split(separator: " ").map(String.init)), !$0.clicked.isEmpty) }
    queryCounts = log.searches.reduce(into: [:]) { $0[$1.normalizedQuery, default: 0] += 1 }
    loggedWords = loggedSearches.reduce(into: Set<String>()) { $0.formUnion($1.words) }
    let clicked = loggedSearches.filter(\.clicked).count
    clickPrior = loggedSearches.isEmpty ? 0 : Double(clicked) / Double(loggedSearches.count)
  }

  /// The smoothed click-through of `clicked` of `searches`.
  func clickThrough(clicked: Int, searches: Int) -> Double {
    (Double(clicked) + settings.smoothing * clickPrior) / (Double(searches) + settings.smoothing)
  }

  /// The `k` best refinements of `query`, for `user` when given (their own transitions count more).
  public func refinements(of query: String, user: String? = nil, k: Int = 8) throws -> [Refinement] {
    let parent = QueryLogStatistics.normalize(query)
    guard k > 0, !parent.isEmpty else { return [] }
    let parentWords = Set(parent.split(separator: " ").map(String.init))
    let parentLimit = max(settings.foregroundSize, settings.overlapDepth)
    let parentResponse = try engine.search(SearchRequest(query: query, limit: parentLimit))
    var candidates: [String: Refinement] = [:]
    let parentSearches = queryCounts[parent] ?? 0
    for transition in transitions.from(parent) {
      let own = user.map { transition.userCounts[$0] ?? 0 } ?? 0
      let engagement = (Double(transition.count) + settings.personalWeight * Double(own)) / Double(parentSearches + 1)
        * clickThrough(clicked: transition.clickedCount, searches: transition.count)
      let added = transition.query.split(separator: " ").map(String.init).filter { !parentWords.contains($0) }
      let source = Refinement.Source.transition(count: transition.count, clickedCount: transition.clickedCount, userCount: own)
      candidates[transition.query] = refinement(text: transition.query, added: added, engagement: engagement, source: source)
    }
    let withParent = loggedSearches.filter { parentWords.isSubset(of: $0.words) }
    for term in try significantTerms(parentResponse.hits.prefix(settings.foregroundSize).map(\.documentNumber), query: query) {
      guard let word = term.word, !parentWords.contains(word) else { continue }
      let text = parent + " " + word
      let holding = withParent.filter { $0.words.contains(word) }
      let clicked = holding.filter(\.clicked).count
      let engagement = holding.isEmpty ? 0
        : Double(holding.count) / Double(withParent.count + 1) * clickThrough(clicked: clicked, searches: holding.count)
      let source = Refinement.Source.significantTerm(term: term.scored.term, score: term.scored.score,
                                                     foregroundFrequency: term.scored.foregroundFrequency,
                                                     foregroundSize: min(parentResponse.hits.count, settings.foregroundSize),
                                                     backgroundFrequency: term.scored.backgroundFrequency)
      if var existing = candidates[text] {
        existing.sources.append(source)
        existing.engagement = max(existing.engagement, engagement)
        candidates[text] = existing
      } else {
        candidates[text] = refinement(text: text, added: [word], engagement: engagement, source: source)
      }
    }
    func addsSearchedWords(_ refinement: Refinement) -> Int {
      loggedWords.isEmpty || refinement.addedWords.allSatisfy(loggedWords.contains) ? 1 : 0
    }
    let ranked = candidates.values.sorted {
      ($1.engagement, addsSearchedWords($1), $1.termScore, $0.text)
        < ($0.engagement, addsSearchedWords($0), $0.termScore, $1.text)
    }.prefix(k)
    let parentTop = parentResponse.hits.prefix(settings.overlapDepth).map(\.id)
    return try ranked.map { try searched($0, parentTop: parentTop, withParent: withParent) }
  }

  /// A refinement before its search.
  private func refinement(text: String, added: [String], engagement: Double, source: Refinement.Source) -> Refinement {
    Refinement(text: text, addedWords: added, sources: [source], engagement: engagement, loggedSearches: 0,
               loggedClickedSearches: 0, totalMatches: 0, totalMatchesIsExact: true, preview: [], overlapWithParent: 0)
  }

  /// `refinement` with its log support, total matches, preview and overlap filled in by running it.
  func searched(_ refinement: Refinement, parentTop: [String],
                withParent: [(words: Set<String>, clicked: Bool)]) throws -> Refinement {
    var result = refinement
    let words = Set(refinement.text.split(separator: " ").map(String.init))
    let holding = withParent.filter { words.isSubset(of: $0.words) }
    result.loggedSearches = holding.count
    result.loggedClickedSearches = holding.filter(\.clicked).count
    let limit = max(settings.overlapDepth, settings.previewSize)
    let response = try engine.search(SearchRequest(query: refinement.text, limit: limit))
    result.totalMatches = response.totalMatches
    result.totalMatchesIsExact = response.totalMatchesIsExact
    let titleField = engine.schema.display.title
    result.preview = try response.hits.prefix(settings.previewSize).map { hit in
      let title = try titleField.flatMap { try engine.storedDocument(hit.documentNumber)[$0]?.stringValue }
      return Refinement.PreviewHit(id: hit.id, title: title)
    }
    result.overlapWithParent = RankOverlap.jaccard(parentTop, response.hits.map(\.id), cutoff: settings.overlapDepth)
    return result
  }

  /// The significant terms of `documents` (their text fields, analyzed per field) with each term's most frequent
  /// surface word (normalized like the log), the query's own terms excluded.
  func significantTerms(_ documents: [Int], query: String) throws -> [(scored: SignificantTerms.Term, word: String?)] {
    let fields = engine.schema.textFields.map { (name: $0.name, analyzer: Analyzer(configuration: $0.analyzer)) }
    var excluded = Set<String>()
    for field in fields { excluded.formUnion(field.analyzer.terms(query)) }
    var surfaces: [String: [String: Int]] = [:]
    var foreground: [Set<String>] = []
    for document in documents {
      let stored = try engine.storedDocument(document)
      var terms = Set<String>()
      for field in fields {
        for text in Self.strings(stored[field.name]) {
          for token in Tokenizer.tokens(text) {
            guard let term = field.analyzer.term(for: token) else { continue }
            terms.insert(term)
            surfaces[term, default: [:]][AccentFolding.fold(token.lowercased()), default: 0] += 1
          }
        }
      }
      foreground.append(terms)
    }
    let reader = engine.reader
    let ranked = SignificantTerms.rank(foreground: foreground, corpusSize: reader.documentCount, excluded: excluded,
                                       limit: settings.termCandidates) { term in
      (try? reader.textTerm(term))??.anyFieldDocumentFrequency ?? 0
    }
    return ranked.map { term in
      let word = surfaces[term.term]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
      return (term, word)
    }
  }

  /// The strings of a stored value: a string, or the strings of an array.
  static func strings(_ value: JSONValue?) -> [String] {
    if let text = value?.stringValue { return [text] }
    return value?.arrayValue?.compactMap(\.stringValue) ?? []
  }
}
