import RankscopeEngine

/// Something that happens to the explorer: a key, a finished search, a resize.
public enum Action: Sendable {
  /// A key press; resolved through `KeyBindings.table` with the current focus.
  case key(Key)
  /// A command, as if its key had been pressed.
  case command(Command)
  /// Text typed or pasted into the query bar at the cursor.
  case insert(String)
  /// Replaces the whole query (e.g. the initial query from the command line) and searches.
  case setQuery(String)
  /// Makes the rank profile named so active (nil: none, the plain retrieval mode), e.g. `--profile` at start;
  /// the notice it sets keeps the one already shown.
  case selectProfile(String?)
  /// Sets a parameter of the active rank profile (nil: turns the rule off) and searches again, as the tuning
  /// panel's keys do; a value the profile's checks refuse is refused with a notice and never searched with.
  case tune(TuningParameter, to: Double?)
  /// The search issued with `generation` finished.
  case searchCompleted(generation: Int, result: Result<SearchOutcome, SearchFailure>)
  /// The comparison issued with `generation` (`Effect.compare`) finished.
  case comparisonCompleted(generation: Int, result: Result<HitComparison, SearchFailure>)
  /// The explanation of hit `id` asked for with `generation` (`Effect.explain`) arrived.
  case explanationCompleted(generation: Int, id: String, result: Result<Explanation, SearchFailure>)
  /// Side B's search of the compare view, issued with A's `generation` (`Effect.compareSearch`), finished.
  case compareSearchCompleted(generation: Int, result: Result<SearchOutcome, SearchFailure>)
  /// Side B's explanation of hit `id` (`Effect.compareExplain`) arrived.
  case compareExplanationCompleted(generation: Int, id: String, result: Result<Explanation, SearchFailure>)
  /// The whole-set evaluation issued with `generation` (`Effect.evaluateSet`) finished.
  case setEvaluationCompleted(generation: Int, result: Result<SetEvaluation, SearchFailure>)
  /// The judgments to show and rate (read at start); `storage` names where ratings go (nil: ratings stay in
  /// memory, and the status line says so).
  case loadJudgments(JudgmentSet, storage: String?)
  /// Saving a rating (`Effect.saveJudgment`) failed with this message.
  case judgmentSaveFailed(JudgmentEdit, message: String)
  /// The users of the index (nil: none), for the user picker.
  case loadUsers(UserDirectory?)
  /// Personalizes searches for the user of this id (nil: no user), e.g. `--user` at start.
  case selectUser(String?)
  /// The search without personalization (`Effect.liftSearch`) for the lift column finished.
  case liftSearchCompleted(generation: Int, result: Result<SearchOutcome, SearchFailure>)
  /// The live recompute of the user's profile (`Effect.rebuildProfile`) finished.
  case profileRebuilt(generation: Int, result: Result<UserProfile, SearchFailure>)
  /// The cohort evaluation (`Effect.evaluateCohort`) finished.
  case cohortCompleted(generation: Int, result: Result<CohortResult, SearchFailure>)
  /// The autocomplete suggestions for the query text `prefix` (`Effect.complete`) arrived; dropped unless the query
  /// bar still holds `prefix`.
  case completionsArrived(prefix: String, result: Result<[CompletionSuggestion], SearchFailure>)
  /// The query log's guides finished building (or failed): the run loop reports it once.
  case guideStatusChanged(QueryGuideStatus)
  /// The query understander finished building: the run loop reports it once, and the query shown is searched again.
  case understandingReady
  /// The refinements asked for with `generation` (`Effect.refine`) arrived; dropped unless it is the latest.
  case refinementsCompleted(generation: Int, result: Result<[Refinement], SearchFailure>)
  /// The terminal now has this size.
  case resize(width: Int, height: Int)
}

/// Work the reducer asks the run loop to do.
public enum Effect: Sendable, Hashable {
  /// Run this search in the background and deliver `Action.searchCompleted` with the same generation.
  case search(SearchRequest, generation: Int)
  /// Compare documents `first` and `second` (ids) for the request in the background ("why A above B") and
  /// deliver `Action.comparisonCompleted` with the same generation.
  case compare(SearchRequest, first: String, second: String, generation: Int)
  /// Explain hit `id` of the results `request` gave (searches explain only the hit selected first) in the
  /// background and deliver `Action.explanationCompleted` with the same generation.
  case explain(SearchRequest, id: String, generation: Int)
  /// Run side B's search of the compare view and deliver `Action.compareSearchCompleted` with the same generation.
  case compareSearch(SearchRequest, generation: Int)
  /// Explain hit `id` of side B's results for `request` and deliver `Action.compareExplanationCompleted`.
  case compareExplain(SearchRequest, id: String, generation: Int)
  /// Evaluate both sides over the judged queries and deliver `Action.setEvaluationCompleted`.
  case evaluateSet(SetEvaluationJob, generation: Int)
  /// Store this rating durably (journal, then TREC qrels); a failure comes back as `Action.judgmentSaveFailed`.
  case saveJudgment(JudgmentEdit)
  /// Run the current search without personalization (ranks only) and deliver `Action.liftSearchCompleted`.
  case liftSearch(SearchRequest, generation: Int)
  /// Recompute `profile` without the events at `hiding` and deliver `Action.profileRebuilt`.
  case rebuildProfile(UserProfile, hiding: Set<Int>, generation: Int)
  /// Evaluate a signal over a cohort of users and deliver `Action.cohortCompleted`.
  case evaluateCohort(CohortJob, generation: Int)
  /// Run a recommendation (homefeed, related) and deliver `Action.searchCompleted` with the same generation: its
  /// hits are shown like a search's.
  case recommend(RecommendationQuery, generation: Int)
  /// Explain hit `id` of a recommendation and deliver `Action.explanationCompleted`.
  case explainRecommendation(RecommendationQuery, id: String, generation: Int)
  /// Complete the query text `prefix` from the query log (for `user`) and deliver `Action.completionsArrived`; it
  /// takes microseconds, so the run loop carries it out itself, after submitting the search of the same text.
  case complete(prefix: String, user: String?, k: Int)
  /// Propose refinements of `query` (for `user`; several searches) in the background and deliver
  /// `Action.refinementsCompleted` with the same generation.
  case refine(query: String, user: String?, k: Int, generation: Int)
  /// Stop the explorer.
  case quit
}
