/// What a search returns: ranked hits, how many documents matched, and a trace of every stage.
public struct SearchResponse: Sendable {
  /// The query as parsed: its terms per field and its filters.
  public var parsedQuery: ParsedQuery
  /// The hits, best first.
  public var hits: [SearchHit]
  /// How many documents matched the query and filters (before the cut to `limit`); a lower bound when
  /// `totalMatchesIsExact` is false.
  public var totalMatches: Int
  /// Whether `totalMatches` counts every match; false when dynamic pruning skipped documents uncounted
  /// (then at least `totalMatches` documents matched).
  public var totalMatchesIsExact: Bool
  /// One entry per pipeline stage, in order.
  public var trace: [StageTrace]
  /// What each candidate generator found (one entry in lexical and semantic mode, several in hybrid mode).
  public var generators: [GeneratorReport]
  /// The fusion settings a hybrid search used (`nil` in the other modes).
  public var fusion: FusionSettings?
  /// The rank profile that ran, if any.
  public var profile: String?
  /// What the pipeline did with the document the request asked about (`SearchRequest.whyNot`).
  public var whyNot: WhyNotReport?
  /// What query understanding made of the query, when the request asked for it and an understander is installed.
  public var interpretation: QueryInterpretation?

  /// Creates a response.
  public init(parsedQuery: ParsedQuery, hits: [SearchHit], totalMatches: Int, totalMatchesIsExact: Bool = true,
              trace: [StageTrace], generators: [GeneratorReport] = [], fusion: FusionSettings? = nil) {
    self.parsedQuery = parsedQuery
    self.hits = hits
    self.totalMatches = totalMatches
    self.totalMatchesIsExact = totalMatchesIsExact
    self.trace = trace
    self.generators = generators
    self.fusion = fusion
  }

  /// Total time of all stages, in seconds.
  public var totalSeconds: Double { trace.reduce(0) { $0 + $1.seconds } }
}

/// One ranked result.
public struct SearchHit: Sendable, Hashable {
  /// The internal document number in the index.
  public var documentNumber: Int
  /// The document's id.
  public var id: String
  /// Rank, starting at 1.
  public var rank: Int
  /// The final score; equal to `explanation.value` exactly when an explanation was asked for.
  public var score: Double
  /// The score breakdown, when the request asked for one.
  public var explanation: Explanation?
  /// Every generator that found the hit, in generator order, with its rank and raw score.
  public var sources: [CandidateSource]
  /// The retrieval stage's score (fused when several generators ran) when a later stage re-scored the hit
  /// (a rank profile's L1 or L2); nil when `score` is retrieval's own.
  public var retrievalScore: Double?
  /// The applied query rewrites (`QueryRewrite.id`) through which the hit was found: a corrected word or a
  /// synonym it holds, a phrase it contains, or the embedding of the corrected text that retrieved it.
  public var rewrites: [String] = []

  /// Creates a hit.
  public init(documentNumber: Int, id: String, rank: Int, score: Double, explanation: Explanation? = nil,
              sources: [CandidateSource] = []) {
    self.documentNumber = documentNumber
    self.id = id
    self.rank = rank
    self.score = score
    self.explanation = explanation
    self.sources = sources
  }

  /// The compact provenance of the hit, e.g. `L3 S1`.
  public var sourceMarkers: String { sources.map(\.marker).joined(separator: " ") }
}

/// What one candidate generator found for a search.
public struct GeneratorReport: Sendable, Hashable {
  /// The generator's name.
  public var name: String
  /// Candidates it handed on (at most its depth).
  public var candidateCount: Int
  /// Documents it matched before the cut.
  public var matchCount: Int
  /// Why it found what it found, when that needs saying (e.g. the chosen category).
  public var note: String?

  /// Creates a report.
  public init(name: String, candidateCount: Int, matchCount: Int, note: String? = nil) {
    self.name = name
    self.candidateCount = candidateCount
    self.matchCount = matchCount
    self.note = note
  }
}

/// What one pipeline stage did for a query.
public struct StageTrace: Sendable, Hashable {
  /// The stage's name, e.g. `understand`, `retrieve`, `page`.
  public var name: String
  /// Candidates handed in.
  public var inputCount: Int
  /// Candidates handed out.
  public var outputCount: Int
  /// Score of the last candidate kept, when the stage cut the list.
  public var cutoffScore: Double?
  /// Time the stage took, in seconds.
  public var seconds: Double

  /// Creates a trace entry.
  public init(name: String, inputCount: Int, outputCount: Int, cutoffScore: Double? = nil, seconds: Double) {
    self.name = name
    self.inputCount = inputCount
    self.outputCount = outputCount
    self.cutoffScore = cutoffScore
    self.seconds = seconds
  }
}

/// A query after parsing: the free text, its analyzed terms, and the filters it carried.
public struct ParsedQuery: Sendable, Hashable {
  /// One distinct query term: the term each text field's analyzer makes of it, and how often it occurs.
  public struct Term: Sendable, Hashable {
    /// The term as shown: the first field term it analyzes to.
    public var text: String
    /// The analyzed term for each text field in schema order (`nil` where that field's analyzer drops it).
    public var fieldTerms: [String?]
    /// How many times the query contains it.
    public var queryFrequency: Int
    /// The weight of a term a query rewrite added (a synonym's weight); 1 for the typed terms.
    public var weight: Double
    /// The rewrite that added the term (`QueryRewrite.id`), nil for the typed terms.
    public var rewrite: String?
    /// Why the term is in the query when a rewrite added it, e.g. `synonym of "sofa" (synonyms.txt:12)`.
    public var origin: String?

    /// Creates a term.
    public init(text: String, fieldTerms: [String?], queryFrequency: Int, weight: Double = 1, rewrite: String? = nil,
                origin: String? = nil) {
      self.text = text
      self.fieldTerms = fieldTerms
      self.queryFrequency = queryFrequency
      self.weight = weight
      self.rewrite = rewrite
      self.origin = origin
    }

    /// What the term's BM25F score is multiplied by: its query frequency times its weight.
    public var scoreFactor: Double { weight == 1 ? Double(queryFrequency) : Double(queryFrequency) * weight }

    /// How the factor reads in an explanation, e.g. `× 2 (repeated in the query)` or
    /// `× 0.8 (synonym of "sofa" (synonyms.txt:12))`; nil when the factor is 1 from a typed term.
    public var factorNote: String? {
      let repeated = queryFrequency > 1 ? (origin == nil ? "repeated in the query" : "repeated \(queryFrequency) times") : nil
      let why = [repeated, origin].compactMap { $0 }.joined(separator: "; ")
      guard scoreFactor != 1 || origin != nil else { return nil }
      return "× \(JSONWriter.format(scoreFactor))" + (why.isEmpty ? "" : " (\(why))")
    }
  }

  /// The free text left after filters were taken out.
  public var text: String
  /// Distinct analyzed terms in order of first appearance.
  public var terms: [Term]
  /// Filters written in the query.
  public var filters: [Filter]

  /// Creates a parsed query.
  public init(text: String, terms: [Term], filters: [Filter]) {
    self.text = text
    self.terms = terms
    self.filters = filters
  }
}
