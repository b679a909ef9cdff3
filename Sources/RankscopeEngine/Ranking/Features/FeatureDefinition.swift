/// What a ranking feature measures, grouped for display and for choosing feature sets.
public enum FeatureGroup: String, Sendable, Hashable, CaseIterable {
  /// Term matching: BM25F, per-field BM25, coverage.
  case lexical
  /// Where the query terms occur relative to each other: phrase and proximity.
  case proximity
  /// Dense-vector similarities.
  case semantic
  /// Saves, clicks and other counts stored with the document.
  case popularity
  /// The document's age.
  case freshness
  /// Engagement read from a query log.
  case engagement
  /// Agreement with the intent predicted from the query's top candidates.
  case intent
  /// Properties of the document alone: price, lengths, tags.
  case document
  /// Properties of the query alone.
  case query
  /// Scores and ranks handed over by the retrieval stage.
  case retrieval
  /// Agreement with the searching user's profile (0 for anonymous searches).
  case personalization
}

/// One ranking feature: its name (`bm25_title`), a one-line description, its group, formula and inputs.
public struct FeatureDefinition: Sendable, Hashable {
  /// The name models and rank profiles refer to, e.g. `bm25_title`.
  public let name: String
  /// One line saying what the feature measures.
  public let summary: String
  /// The group the feature belongs to.
  public let group: FeatureGroup
  /// The formula, as written in the documentation.
  public let formula: String
  /// What the formula reads (fields, query log, context).
  public let inputs: String
  /// How the extractor computes it.
  let kind: FeatureKind

  init(_ name: String, _ group: FeatureGroup, _ kind: FeatureKind, summary: String, formula: String, inputs: String) {
    self.name = name
    self.summary = summary
    self.group = group
    self.formula = formula
    self.inputs = inputs
    self.kind = kind
  }
}

/// The computation behind a feature, with the schema positions it needs resolved once.
enum FeatureKind: Sendable, Hashable {
  case bm25f
  case fieldBM25(textField: Int)
  case queryCoverage
  case fieldCoverage(textField: Int)
  case fieldPhrase(textField: Int)
  case proximity(textFields: [Int])
  case textSimilarity(vectorField: Int)
  case visualCentroidSimilarity(vectorField: Int)
  case logCount(numericField: Int)
  case freshness(numericField: Int)
  case clickPrior
  case queryClickRate
  case categoryMatch(keywordField: Int)
  case contentTypeMatch(keywordField: Int)
  case categoryIntent(keywordField: Int)
  case contentTypeIntent(keywordField: Int)
  case priceBand(numericField: Int)
  case logPrice(numericField: Int)
  case fieldLength(textField: Int)
  case valueCount(key: String)
  case queryTermCount
  case fusedScore
  case bestGeneratorReciprocalRank
  case userSimilarity(vectorField: Int)
  case interestSimilarity(vectorField: Int)
  case affinity(UserAffinity.Kind)
  case seenBefore
  case hiddenBefore

  /// Whether the feature reads only the query's text and the document (not the query embedding, nor the
  /// candidate's retrieval score or generator ranks): it can be computed before the embedding and fusion.
  var isLexical: Bool {
    switch self {
    case .textSimilarity, .fusedScore, .bestGeneratorReciprocalRank: return false
    case .bm25f, .fieldBM25, .queryCoverage, .fieldCoverage, .fieldPhrase, .proximity, .visualCentroidSimilarity,
         .logCount, .freshness, .clickPrior, .queryClickRate, .categoryMatch, .contentTypeMatch, .categoryIntent,
         .contentTypeIntent, .priceBand, .logPrice,
         .fieldLength, .valueCount, .queryTermCount, .userSimilarity, .interestSimilarity, .affinity, .seenBefore, .hiddenBefore:
      return true
    }
  }
}

/// A feature the schema cannot support, and why.
public struct OmittedFeature: Sendable, Hashable {
  /// The feature's name.
  public let name: String
  /// Why this index has no such feature, e.g. `needs a numeric field "saves"; the schema has none`.
  public let reason: String
}
