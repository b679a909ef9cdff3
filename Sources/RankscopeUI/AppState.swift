import RankscopeEngine

/// Everything the explorer shows; changed only by `reduce(_:_:)`.
public struct AppState: Sendable {
  /// The collection's schema (fields to show, filter examples for the hint).
  public var schema: Schema
  /// Number of documents searched.
  public var documentCount: Int
  /// The query being edited.
  public var query: QueryEditor
  /// Generation of the latest query edit; results of older generations are dropped.
  public var generation: Int
  /// Generation of the results (or error) now shown.
  public var completedGeneration: Int
  /// The results shown, if any.
  public var outcome: SearchOutcome?
  /// The last search error, shown in the status line until the next successful search.
  public var errorMessage: String?
  /// Index of the selected hit.
  public var selection: Int
  /// Index of the first visible hit.
  public var resultsScroll: Int
  /// Fold state of the selected hit's explanation.
  public var explanation: ExplanationViewState
  /// The panel with the keyboard focus.
  public var focus: Focus
  /// Whether the help overlay is shown.
  public var isHelpVisible: Bool
  /// First visible line of the help overlay.
  public var helpScroll: Int
  /// Terminal size in cells.
  public var width: Int
  public var height: Int
  /// How many hits each search asks for.
  public var resultLimit: Int
  /// False once the user asked to quit.
  public var isRunning: Bool
  /// Which retrieval path searches use (F2 cycles lexical → semantic → hybrid).
  public var retrieval: RetrievalMode
  /// How hybrid retrieval fuses (the schema's defaults, else the standard RRF), shown in the status line.
  public var fusion: FusionSettings
  /// Whether semantic retrieval can run, and if not, why.
  public var semanticStatus: SemanticStatus
  /// A passing message for the status line (e.g. why semantic retrieval is off); cleared by the next edit.
  public var notice: String?
  /// The rank profiles that can run, sorted by name (F3 cycles through them, F4 lists them).
  public var profiles: [RankProfile]
  /// Profile files (and other profile inputs, such as the query log) that could not be used, each as
  /// `file:line: reason`; listed in the profiles overlay.
  public var profileProblems: [String]
  /// The rank profile searches run, or nil for the plain retrieval mode of `retrieval` (F2).
  public var activeProfile: RankProfile?
  /// Whether the rank-profiles overlay is shown.
  public var isProfilesVisible: Bool
  /// The overlay's marked entry: 0 is "none" (plain retrieval), `i + 1` is `profiles[i]`.
  public var profileCursor: Int
  /// Profiles edited in the tuning panel, by name (in memory only; switching away and back keeps the edits).
  public var tunedProfiles: [String: RankProfile]
  /// Whether the tuning panel (F5) is shown.
  public var isTuningVisible: Bool
  /// The panel's selected parameter, an index into `tuningParameters`.
  public var tuningCursor: Int
  /// Generation of the latest edit of the query text; shown results are of the current text once
  /// `completedGeneration` reaches it.
  public var queryGeneration: Int
  /// The ranking before the latest re-rank of the same query (a tuning change, a profile or retrieval
  /// switch), for the movement arrows; nil after the query text changes.
  public var rankBaseline: RankBaseline?
  /// The "why not X" prompt (F6) while it is open: the document id being typed; typing goes here, not to the
  /// query bar.
  public var whyNotPrompt: QueryEditor?
  /// The document id searches follow ("why not X"); while set, the report replaces the explanation panel.
  public var whyNotId: String?
  /// Whether a report for `whyNotId` has arrived (until then an error means the id is unknown).
  public var isWhyNotConfirmed: Bool
  /// The id of the hit marked as A for "why A above B" (`m` in the results).
  public var markedHitId: String?
  /// The "why A above B" comparison shown in the explanation panel's place, if any.
  public var comparison: ComparisonState?
  /// Generation of the latest comparison asked for; older ones are dropped.
  public var comparisonGeneration: Int
  /// First visible line of the why-not or comparison panel.
  public var reportScroll: Int
  /// The compare view (F7): side B beside the explorer's own results; nil when closed.
  public var compare: CompareViewState?
  /// The judged queries and grades shown beside results and rated with 0–3.
  public var judgmentSet: JudgmentSet
  /// Where ratings are stored (a qrels file), or nil when they stay in memory.
  public var judgmentStorage: String?
  /// The whole-set comparison (F9 panel, F10 jumps), if one was asked for.
  public var setEvaluation: SetEvaluationState?
  /// Generation of the latest whole-set evaluation asked for.
  public var setEvaluationGeneration: Int
  /// Whether the results list shows only the unjudged results of the top 10 ("holes", `u`).
  public var isHolesVisible: Bool
  /// The selected row of the holes list.
  public var holesCursor: Int
  /// The users of the index (nil: it has none), for the user picker.
  public var userDirectory: UserDirectory?
  /// The user searches are personalized for, if any.
  public var personalization: PersonalizationState?
  /// The user picker (F11) while it is open.
  public var userPicker: UserPickerState?
  /// Whether the personalization panel (F12: signals, the anonymous switch, the history) is shown.
  public var isPersonalizationVisible: Bool
  /// The panel's marked row: 0 is the anonymous switch, then one per signal, then the history, newest first.
  public var personalizationCursor: Int
  /// The ranks of the current results without personalization (document id → rank) and the search generation
  /// they belong to: the lift column (`+3`: personalization moved it up three places).
  public var liftBaseline: (generation: Int, ranks: [String: Int])?
  /// The cohort view, when asked for.
  public var cohort: CohortState?
  /// Generation of the latest recompute or cohort job asked for.
  public var personalizationGeneration: Int
  /// What the results list shows: the query's results, the user's homefeed, or a document's related ones.
  public var mode: ExplorerMode
  /// Whether autocomplete and refinements can run (a query log), and if not, why.
  public var guideStatus: QueryGuideStatus
  /// The autocomplete dropdown under the query bar.
  public var autocomplete: AutocompleteState
  /// The current query's refinements: the chips under the query bar and the inspector (Alt-i).
  public var refinements: RefinementState
  /// Query understanding: on or off, the rewrites switched off, the rewrites panel.
  public var understanding = UnderstandingState()

  /// Creates the state for a collection.
  public init(schema: Schema, documentCount: Int, width: Int = 80, height: Int = 24, resultLimit: Int = 50) {
    self.schema = schema
    self.documentCount = documentCount
    query = QueryEditor()
    generation = 0
    completedGeneration = 0
    outcome = nil
    errorMessage = nil
    selection = 0
    resultsScroll = 0
    explanation = ExplanationViewState()
    focus = .query
    isHelpVisible = false
    helpScroll = 0
    self.width = width
    self.height = height
    self.resultLimit = resultLimit
    isRunning = true
    retrieval = .lexical
    fusion = schema.retrieval?.fusion ?? .standard
    semanticStatus = .off(reason: "no sentence encoder is attached")
    notice = nil
    profiles = []
    profileProblems = []
    activeProfile = nil
    isProfilesVisible = false
    profileCursor = 0
    tunedProfiles = [:]
    isTuningVisible = false
    tuningCursor = 0
    queryGeneration = 0
    rankBaseline = nil
    whyNotPrompt = nil
    whyNotId = nil
    isWhyNotConfirmed = false
    markedHitId = nil
    comparison = nil
    comparisonGeneration = 0
    reportScroll = 0
    compare = nil
    judgmentSet = JudgmentSet()
    judgmentStorage = nil
    setEvaluation = nil
    setEvaluationGeneration = 0
    isHolesVisible = false
    holesCursor = 0
    userDirectory = nil
    personalization = nil
    userPicker = nil
    isPersonalizationVisible = false
    personalizationCursor = 0
    liftBaseline = nil
    cohort = nil
    personalizationGeneration = 0
    mode = .search
    guideStatus = .unavailable("no query log")
    autocomplete = AutocompleteState()
    refinements = RefinementState()
  }

  /// Creates the state for a search service (its schema and document count), with the rank profiles that
  /// can run on it and the profile files that could not be used (shown as a notice at start).
  public init(service: any SearchService, width: Int = 80, height: Int = 24, resultLimit: Int = 50,
              profiles: [RankProfile] = [], profileProblems: [String] = []) {
    self.init(schema: service.schema, documentCount: service.documentCount, width: width, height: height,
              resultLimit: resultLimit)
    semanticStatus = service.semanticStatus
    guideStatus = service.guideStatus
    understanding.isAvailable = service.understandsQueries
    understanding.isReady = service.isUnderstandingReady
    self.profiles = profiles
    self.profileProblems = profileProblems
    var notices: [String] = []
    if case .off(let reason) = semanticStatus, service.schema.textEmbeddingField != nil {
      notices.append("semantic retrieval is off: \(reason)")
    }
    if let first = profileProblems.first {
      let more = profileProblems.count > 1 ? " and \(profileProblems.count - 1) more" : ""
      notices.append("skipped rank profile \(first)\(more) (F4 lists them)")
    }
    notice = notices.isEmpty ? nil : notices.joined(separator: " · ")
  }

  /// The layout for the current size (always stacked while the compare view is open: its two columns need the
  /// width).
  public var layout: ScreenLayout {
    ScreenLayout.compute(width: width, height: height, stacked: compare != nil, queryRows: queryRows)
  }

  /// The optional rows under the query bar this state lays out: the refinement chips when there is a query log
  /// (fixed for a session, so results never jump when chips arrive).
  public var queryRows: [ScreenLayout.QueryRow] { guideStatus.isAvailable ? [.refinements] : [] }

  /// The user autocomplete and refinements are for: the picked user unless anonymous.
  public var guideUser: String? { personalization?.context?.profile.userId }

  /// Whether the autocomplete dropdown is shown: suggestions for exactly the text in the focused query bar, not
  /// closed with Esc, while searching (not in the compare view, a homefeed or related pins), with no overlay or
  /// panel taking the keys, and when the screen has room for it.
  public var isAutocompleteVisible: Bool {
    guard !autocomplete.suggestions.isEmpty, !autocomplete.isDismissed, autocomplete.prefix == query.text,
          !query.text.allSatisfy(\.isWhitespace), mode == .search, compare == nil, focus == .query,
          !isHelpVisible, !isProfilesVisible, !isTuningVisible, whyNotPrompt == nil,
          setEvaluation?.isVisible != true, userPicker == nil, !isPersonalizationVisible,
          !refinements.isInspectorVisible, refinements.chipCursor == nil, !understanding.isPanelVisible else { return false }
    return AutocompleteDropdown.box(for: self, width: width, height: height) != nil
  }

  /// The hits shown (empty without results).
  public var hits: [SearchHit] { outcome?.response.hits ?? [] }

  /// The selected hit, if any.
  public var selectedHit: SearchHit? { hits.indices.contains(selection) ? hits[selection] : nil }

  /// The stored document of the selected hit, if any.
  public var selectedDocument: JSONValue? {
    guard let outcome, outcome.documents.indices.contains(selection) else { return nil }
    return outcome.documents[selection]
  }

  /// Whether a search for the current query has not come back yet.
  public var isSearching: Bool { completedGeneration != generation && !query.characters.isEmpty }

  /// The visible rows of the selected hit's explanation (in the compare view, A's explanation of the selected
  /// document, else B's).
  public var explanationRows: [ExplanationRow] {
    guard let tree = primaryExplanation else { return [] }
    return ExplanationTree.rows(tree, expanded: explanation.expanded)
  }

  /// The field shown as a hit's title: the schema's display title, else the first text field.
  public var titleField: String? { schema.display.title ?? schema.textFields.first?.name }

  /// Fields shown beside a hit's title: the schema's display details, else up to three keyword and numeric
  /// fields.
  public var detailFields: [String] {
    if !schema.display.details.isEmpty { return schema.display.details }
    return Array((schema.keywordFields + schema.numericFields).map(\.name).prefix(3))
  }

  /// The retrieval mode as the status line names it: `BM25F`, `semantic`, or `hybrid · RRF k=60`.
  public var retrievalLabel: String {
    switch retrieval {
    case .lexical: return "BM25F"
    case .semantic: return "semantic"
    case .hybrid: return "hybrid · \((outcome?.response.fusion ?? fusion).summary)"
    }
  }

  /// What searches run, as the status line names it: `profile hybrid` with a profile active, else
  /// `retrievalLabel`.
  public var rankingLabel: String {
    activeProfile.map { "profile \($0.name)\(isProfileModified ? "*" : "")" } ?? retrievalLabel
  }

  /// The active profile as its file has it (nil without an active profile).
  public var originalProfile: RankProfile? {
    activeProfile.flatMap { active in profiles.first { $0.name == active.name } ?? active }
  }

  /// Whether the active profile was edited in the tuning panel (the status line shows `name*`).
  public var isProfileModified: Bool { activeProfile != nil && activeProfile != originalProfile }

  /// The active profile's tunable parameters, in panel order (empty without a profile).
  public var tuningParameters: [TuningParameter] { activeProfile.map(TuningParameter.all(in:)) ?? [] }

  /// How `hit` moved against `rankBaseline`, or nil when no arrows are shown (no re-rank of this query yet,
  /// or its results have not arrived).
  public func movement(of hit: SearchHit) -> RankMovement? {
    guard let rankBaseline, completedGeneration >= rankBaseline.generation else { return nil }
    guard let previous = rankBaseline.ranks[hit.id] else { return .new }
    if previous == hit.rank { return .same }
    return previous > hit.rank ? .up(previous - hit.rank) : .down(hit.rank - previous)
  }

  /// The ids of hits of the previous ranking that the shown results no longer hold (sorted by their previous
  /// rank), or nil when no arrows are shown.
  public var droppedHits: [String]? {
    guard let rankBaseline, completedGeneration >= rankBaseline.generation else { return nil }
    let shown = Set(hits.map(\.id))
    return rankBaseline.ranks.filter { !shown.contains($0.key) }.sorted { $0.value < $1.value }.map(\.key)
  }

  /// The active profile's position in `profiles`, if one is active.
  public var activeProfileIndex: Int? { activeProfile.flatMap { active in profiles.firstIndex { $0.name == active.name } } }

  /// Why `profile` cannot run now (it needs the query's text embedding and semantic retrieval is off), or nil.
  public func unavailableReason(_ profile: RankProfile) -> String? {
    guard profile.needsEmbedding, !semanticStatus.isAvailable else { return nil }
    return "semantic retrieval is off: \(semanticStatus)"
  }

  /// The search request for the current query (running the active profile, if any, and following
  /// `whyNotId`). It explains only the first hit, the one selected when results arrive: each keystroke pays for
  /// one explanation, and moving the selection asks for the next (`Effect.explain`).
  public var currentRequest: SearchRequest {
    var request = SearchRequest(query: query.text, limit: resultLimit, explain: true, retrieval: retrieval, profile: activeProfile)
    request.explained = .first(1)
    request.whyNot = whyNotId
    request.user = personalization?.context
    request.understanding = understanding.options
    return request
  }

  /// What query understanding made of the query of the results shown, if it ran.
  public var interpretation: QueryInterpretation? { outcome?.response.interpretation }

  /// Whether the why-not report or its prompt is shown in the explanation panel's place.
  public var isWhyNotVisible: Bool { whyNotPrompt != nil || whyNotId != nil }

  /// Whether a why-not or comparison panel is shown (Esc closes it).
  public var isReportVisible: Bool { isWhyNotVisible || comparison != nil }

  /// The why-not report for `whyNotId` in the shown results, if it has arrived.
  public var whyNotReport: WhyNotReport? {
    guard let whyNotId, let report = outcome?.response.whyNot, report.documentId == whyNotId else { return nil }
    return report
  }
}

/// A "why A above B" comparison: the two ids, and the engine's answer once it arrives.
public struct ComparisonState: Sendable {
  /// The marked hit (A) and the hit compared with it (B).
  public var firstId: String
  public var secondId: String
  /// The generation of the comparison asked for last.
  public var generation: Int
  /// The comparison, or why it failed; nil while it runs.
  public var result: Result<HitComparison, SearchFailure>?

  /// Creates a comparison that has not arrived yet.
  public init(firstId: String, secondId: String, generation: Int, result: Result<HitComparison, SearchFailure>? = nil) {
    self.firstId = firstId
    self.secondId = secondId
    self.generation = generation
    self.result = result
  }
}

/// The ranking shown before a re-rank of the same query: document id → rank, and the generation of the
/// search whose results are compared with it.
public struct RankBaseline: Sendable, Hashable {
  /// Rank (1-based) of each document id shown before.
  public var ranks: [String: Int]
  /// The re-rank's search generation; arrows appear once its results arrive.
  public var generation: Int

  /// Creates a baseline.
  public init(ranks: [String: Int], generation: Int) {
    self.ranks = ranks
    self.generation = generation
  }
}

/// How a hit moved in a re-rank: the arrow column of the results list.
public enum RankMovement: Sendable, Hashable {
  /// Up by this many places.
  case up(Int)
  /// Down by this many places.
  case down(Int)
  /// Not in the previous results.
  case new
  /// At the same rank.
  case same

  /// The column's text: `↑3`, `↓2`, `new`, `=`.
  public var label: String {
    switch self {
    case .up(let places): return "↑\(places)"
    case .down(let places): return "↓\(places)"
    case .new: return "new"
    case .same: return "="
    }
  }

  /// The column's style role.
  public var role: StyleRole {
    switch self {
    case .up: return .rankUp
    case .down: return .rankDown
    case .new: return .rankNew
    case .same: return .resultRank
    }
  }
}
