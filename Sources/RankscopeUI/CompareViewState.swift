import RankscopeEngine

/// What one side of the compare view runs: a plain retrieval mode, or a rank profile (by name).
public enum RankingChoice: Sendable, Hashable {
  /// A retrieval mode without a profile.
  case retrieval(RetrievalMode)
  /// The rank profile of this name, as its file has it.
  case profile(String)

  /// How headers name the choice: `profile hybrid-l2`, `retrieval lexical`.
  public var label: String {
    switch self {
    case .retrieval(let mode): return "retrieval \(mode.rawValue)"
    case .profile(let name): return "profile \(name)"
    }
  }
}

/// Which column of the compare view holds the selection.
public enum CompareColumn: String, Sendable, Hashable {
  case a, b

  /// The column's letter, `A` or `B`.
  public var letter: String { rawValue.uppercased() }
}

/// The compare view (F7): side B's choice and its results beside the explorer's own search (side A), and which
/// column holds the selection.
///
/// B searches the same query text as A, one search per A search, sharing its generation; its results are
/// dropped unless they belong to the A generation now shown or on its way.
public struct CompareViewState: Sendable {
  /// What side B runs.
  public var choice: RankingChoice
  /// The profile B runs (resolved from `choice` when the view opened or B changed; nil for a retrieval mode).
  public var profile: RankProfile?
  /// The A generation of B's latest search.
  public var generation: Int
  /// The A generation of the B results shown.
  public var completedGeneration: Int
  /// B's results, if any.
  public var outcome: SearchOutcome?
  /// The last error of B's search.
  public var errorMessage: String?
  /// The column holding the selection.
  public var column: CompareColumn
  /// The selected row of column B (column A's is `AppState.selection`).
  public var selection: Int
  /// The first visible row of both columns.
  public var scroll: Int
  /// The user B searches for (Alt-b): A's, none, or another.
  public var user: CompareUser

  /// Creates the view for `choice` (with `profile` when it names one), before any B search.
  public init(choice: RankingChoice, profile: RankProfile?) {
    self.choice = choice
    self.profile = profile
    generation = -1
    completedGeneration = -1
    outcome = nil
    errorMessage = nil
    column = .a
    selection = 0
    scroll = 0
    user = .sameAsA
  }

  /// B's hits (empty before they arrive).
  public var hits: [SearchHit] { outcome?.response.hits ?? [] }
}

/// The figures of the compare view's header for the shown query: overlap of the two top tens, and, when the
/// query is judged, nDCG@10 and judged@10 of each side.
public struct CompareHeaderFigures: Sendable, Hashable {
  /// Jaccard@10 of the two rankings.
  public var jaccardAt10: Double
  /// Extrapolated rank-biased overlap, p = 0.9 (Webber et al. 2010).
  public var rankBiasedOverlap: Double
  /// nDCG@10 of A and B (nil when the query has no judgments).
  public var ndcgA: Double?
  public var ndcgB: Double?
  /// How many of each side's top 10 are judged.
  public var judgedA: Int
  public var judgedB: Int
  /// How many results each side has in its top 10.
  public var topA: Int
  public var topB: Int

  /// The figures for rankings `a` and `b` (document ids in trec_eval's run order) of a query with `grades`
  /// (document id → grade; nil when the query is not judged).
  public static func make(a: [String], b: [String], grades: [String: Int]?) -> CompareHeaderFigures {
    let overlap = (try? RankOverlap.rankBiasedOverlap(a, b).extrapolated) ?? 0
    func ndcg(_ ranking: [String]) -> Double? {
      guard let grades, grades.values.contains(where: { $0 > 0 }) else { return nil }
      return RankingMetrics.normalizedDiscountedCumulativeGain(ranked: ranking.map { grades[$0] ?? 0 },
                                                              judged: Array(grades.values), cutoff: 10)
    }
    func judged(_ ranking: [String]) -> Int { ranking.prefix(10).filter { grades?[$0] != nil }.count }
    return CompareHeaderFigures(jaccardAt10: RankOverlap.jaccard(a, b, cutoff: 10), rankBiasedOverlap: overlap,
                                ndcgA: ndcg(a), ndcgB: ndcg(b), judgedA: judged(a), judgedB: judged(b),
                                topA: min(10, a.count), topB: min(10, b.count))
  }
}
