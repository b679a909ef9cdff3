/// "Why A above B": two documents' ranks and scores for one search, and every feature's value for each, the
/// differences largest first: features the profile's L1 weights by their weighted contribution `w · (a − b)`,
/// then the others by the size of `a − b`.
public struct HitComparison: Sendable, Hashable {
  /// One feature of both documents.
  public struct Row: Sendable, Hashable {
    /// The feature's name.
    public var feature: String
    /// Its value for the first document.
    public var first: Double
    /// Its value for the second document.
    public var second: Double
    /// `first − second`.
    public var difference: Double { first - second }
    /// The L1 weight of the feature, when the profile weights it.
    public var weight: Double?
    /// `weight · difference`: how much the feature moves the L1 score of the first above the second.
    public var contribution: Double? { weight.map { $0 * difference } }
  }

  /// The documents' ids.
  public var firstId: String
  public var secondId: String
  /// Their ranks in the results (nil when not returned).
  public var firstRank: Int?
  public var secondRank: Int?
  /// Their final scores (nil when not returned).
  public var firstScore: Double?
  public var secondScore: Double?
  /// Every feature, largest difference first (see the type's summary).
  public var rows: [Row]
}

extension SearchEngine {
  /// Compares documents `first` and `second` (ids) for `request`: ranks, scores, and feature differences.
  public func compare(_ request: SearchRequest, _ first: String, _ second: String) throws -> HitComparison {
    var documents: [Int] = []
    for id in [first, second] {
      guard let document = try reader.documentNumber(forId: id) else { throw QueryError("there is no document with id \(id)") }
      documents.append(document)
    }
    var unexplained = request
    unexplained.explain = false
    let response = try search(unexplained)
    let hits = documents.map { document in response.hits.first { $0.documentNumber == document } }
    let extractor = try featureExtractor()
    var embedding: [Float]?
    if let embedder, semanticStatus.isAvailable, !response.parsedQuery.text.isEmpty {
      embedding = try embedder.embed(response.parsedQuery.text)
    }
    let context = try extractor.context(query: request.query, queryEmbedding: embedding, queryLog: queryLog, user: request.user)
    let candidates = zip(documents, hits).map { document, hit in hit.map { FeatureCandidate(hit: $0) } ?? FeatureCandidate(document: document) }
    let matrix = try extractor.values(candidates: candidates,
                                      features: extractor.registry.definitions(personalized: request.user != nil),
                                      context: context)
    let weights = Dictionary((request.profile?.l1?.weights ?? []).map { ($0.feature, $0.weight) }, uniquingKeysWith: { first, _ in first })
    var rows = matrix.names.enumerated().map { column, name in
      HitComparison.Row(feature: name, first: matrix[0, column], second: matrix[1, column], weight: weights[name])
    }
    rows.sort { left, right in
      switch (left.contribution, right.contribution) {
      case (let a?, let b?): return abs(a) != abs(b) ? abs(a) > abs(b) : left.feature < right.feature
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil):
        return abs(left.difference) != abs(right.difference) ? abs(left.difference) > abs(right.difference) : left.feature < right.feature
      }
    }
    return HitComparison(firstId: first, secondId: second, firstRank: hits[0]?.rank, secondRank: hits[1]?.rank,
                         firstScore: hits[0]?.score, secondScore: hits[1]?.score, rows: rows)
  }
}
