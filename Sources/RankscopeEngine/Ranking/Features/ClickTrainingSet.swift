/// Learning-to-rank rows from a query log's clicks: one group per logged search with a click, its rows the
/// candidates the profile's L2 stage would see for the search's query (`ProfileFeatures`), clicked candidates
/// labelled 1 and every other candidate 0.
///
/// As in Joachims, Swaminathan & Schnabel, "Unbiased Learning-to-Rank with Biased Feedback" (WSDM 2017), every
/// non-clicked candidate is a negative and only clicked documents carry loss weight: a click at rank k weighs
/// `1 / max(p_k, clip)` with `p` the examination propensities (`PropensityEstimator`), so clicks at rarely
/// examined ranks count for the many unexamined relevant documents that were not clicked. Non-clicked rows
/// weigh 1 (`LambdaRankObjective` weighs a pair by its higher-labelled row, so their weight is unused).
/// Candidates and features are computed once per normalised query and shared by its searches.
///
/// The click features (`click_prior`, `query_click_rate`) must not read the clicks used as labels: with the
/// whole log behind them every clicked row has a click rate above zero and the trees learn that instead of
/// relevance (label leakage). `rankscope train --clicks` therefore labels only the later part of the log and
/// gives `features` an engine whose query log is the earlier part (`QueryLog.split(historyFraction:)`).
public struct ClickTrainingSet: Sendable {
  /// How searches are chosen and weighted.
  public struct Options: Sendable, Hashable {
    /// Lower bound of the propensities clicks are divided by.
    public var propensityClip = PositionPropensities.defaultClip
    /// At most this many searches (an evenly spread subset in log order), or nil for all.
    public var maximumSearches: Int?
    /// Normalised query texts whose searches are left out (the held-out judged queries').
    public var excludedQueries: Set<String> = []

    /// The defaults: clip 0.05, every search, none excluded.
    public init() {}
  }

  /// Rows (labels 0 and 1), one query group per search, named by its log line.
  public var data: SVMLightFile
  /// One weight per row: the clicked rows' inverse propensities (1 without propensities), 1 for the others.
  public var rowWeights: [Double]
  /// The columns' feature names.
  public var featureNames: [String]
  /// Searches read from the log.
  public var searchesRead = 0
  /// Searches without a click.
  public var searchesWithoutClicks = 0
  /// Searches left out because their query is excluded (held out).
  public var searchesExcluded = 0
  /// Searches left out by `maximumSearches`.
  public var searchesBeyondLimit = 0
  /// Searches skipped because none of their clicked documents is among the candidates.
  public var searchesWithoutClickedCandidates = 0
  /// Searches that became groups.
  public var searchesUsed: Int { data.queryCount }
  /// Distinct normalised queries whose candidates were computed.
  public var distinctQueries = 0
  /// Clicks that became rows labelled 1.
  public var clicksUsed = 0
  /// Clicks of used searches on documents that are not among the candidates.
  public var clicksMissed = 0

  /// The rows of `log`'s searches with `features`' profile; clicks weighted by `propensities` (nil: all 1).
  /// `progress` is called with the searches done and to do.
  public static func build(log: QueryLog, features: ProfileFeatures, propensities: PositionPropensities?,
                           options: Options = Options(),
                           progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> ClickTrainingSet {
    var set = ClickTrainingSet(data: SVMLightFile(labels: [], features: [], featureCount: features.featureNames.count,
                                                  queryIds: [], queryBoundaries: [0]),
                               rowWeights: [], featureNames: features.featureNames)
    set.searchesRead = log.searches.count
    var eligible: [QueryLog.Search] = []
    for search in log.searches {
      if search.clicked.isEmpty {
        set.searchesWithoutClicks += 1
      } else if options.excludedQueries.contains(search.normalizedQuery) {
        set.searchesExcluded += 1
      } else {
        eligible.append(search)
      }
    }
    let chosen = spreadSubset(eligible, count: options.maximumSearches)
    set.searchesBeyondLimit = eligible.count - chosen.count

    let columns = features.featureNames.count
    var labels: [Double] = []
    var values: [Double] = []
    var queryIds: [String] = []
    var boundaries = [0]
    var cache: [String: (ids: [String], features: FeatureMatrix)] = [:]
    for (done, search) in chosen.enumerated() {
      if done % 64 == 0 { progress?(done, chosen.count) }
      let candidates: (ids: [String], features: FeatureMatrix)
      if let cached = cache[search.normalizedQuery] {
        candidates = cached
      } else {
        candidates = try features.candidates(query: search.query)
        cache[search.normalizedQuery] = candidates
      }
      let rows = clickRows(search: search, candidates: candidates.ids, propensities: propensities,
                           clip: options.propensityClip)
      guard rows.clicked > 0 else {
        set.searchesWithoutClickedCandidates += 1
        continue
      }
      set.clicksUsed += rows.clicked
      set.clicksMissed += search.clicked.count - rows.clicked
      labels.append(contentsOf: rows.labels)
      set.rowWeights.append(contentsOf: rows.weights)
      for row in 0..<candidates.ids.count {
        values.append(contentsOf: candidates.features.row(row).map { $0.isFinite ? $0 : 0 })
      }
      queryIds.append("line\(search.line)")
      boundaries.append(labels.count)
    }
    progress?(chosen.count, chosen.count)
    set.distinctQueries = cache.count
    set.data = SVMLightFile(labels: labels, features: values, featureCount: columns, queryIds: queryIds,
                            queryBoundaries: boundaries)
    return set
  }

  /// Labels and weights of one search's candidates: 1 and the inverse propensity of the rank it was shown at for
  /// clicked candidates, 0 and 1 for the others; `clicked` counts the clicked candidates.
  static func clickRows(search: QueryLog.Search, candidates: [String], propensities: PositionPropensities?,
                        clip: Double) -> (labels: [Double], weights: [Double], clicked: Int) {
    let clicked = Set(search.clicked)
    var labels: [Double] = []
    var weights: [Double] = []
    var count = 0
    for id in candidates {
      if clicked.contains(id), let position = search.position(of: id) {
        labels.append(1)
        weights.append(propensities?.weight(rank: position + 1, clip: clip) ?? 1)
        count += 1
      } else {
        labels.append(0)
        weights.append(1)
      }
    }
    return (labels, weights, count)
  }

  /// `count` items spread evenly over `items` (item ⌊i·n/count⌋ for i in 0..<count), or all of them.
  static func spreadSubset<T>(_ items: [T], count: Int?) -> [T] {
    guard let count, count < items.count else { return items }
    return (0..<max(0, count)).map { items[$0 * items.count / count] }
  }
}
