import RankscopeEngine

// The compare view (F7, F8), the whole-set panel (F9, F10), ratings (0–3, x) and the holes list (u): the parts
// of `reduce` that act on them.

/// Carries out a compare, whole-set, rating or holes command.
func applyCompareCommand(_ command: Command, to state: inout AppState) -> [Effect] {
  switch command {
  case .toggleCompare:
    return toggleCompare(&state)
  case .cycleCompareSide:
    return cycleCompareSide(&state)
  case .compareColumnA, .compareColumnB:
    guard state.compare != nil else {
      state.notice = "open the compare view first (F7)"
      return []
    }
    let column: CompareColumn = command == .compareColumnA ? .a : .b
    return selectCompareColumn(column, in: &state)
  case .toggleSetPanel:
    return toggleSetPanel(&state)
  case .closeSetPanel:
    state.setEvaluation?.isVisible = false
  case .setPrevious: state.setEvaluation?.cursor -= 1
  case .setNext: state.setEvaluation?.cursor += 1
  case .setPageUp, .setPageDown:
    let page = SetEvaluationPanel.pageSize(state)
    state.setEvaluation?.cursor += command == .setPageUp ? -page : page
  case .setOpenQuery:
    guard let evaluation = state.setEvaluation?.evaluation, let cursor = state.setEvaluation?.cursor else { return [] }
    let rows = evaluation.comparison.paired.queriesByDifference
    guard rows.indices.contains(cursor) else { return [] }
    state.setEvaluation?.isVisible = false
    return open(rows[cursor].queryId, of: evaluation, in: &state)
  case .jumpToRegressed:
    return jumpToRegressed(&state)
  case .rate0, .rate1, .rate2, .rate3:
    return rate(command.grade, in: &state)
  case .clearRating:
    return rate(nil, in: &state)
  case .toggleHoles:
    state.isHolesVisible.toggle()
    state.holesCursor = 0
    if state.isHolesVisible {
      state.focus = .results
      let count = state.holes.count
      state.notice = count == 0 ? "no unjudged result in the top 10" : "\(count) unjudged in the top 10: rate each with 0–3"
    }
  default:
    break
  }
  return []
}

/// F7: opens the compare view with B the first choice that differs from A (or the last B chosen), or closes it.
private func toggleCompare(_ state: inout AppState) -> [Effect] {
  if state.compare != nil {
    state.compare = nil
    state.setEvaluation = nil
    state.notice = "compare view closed"
    resetExplanation(&state)
    return []
  }
  guard state.mode == .search else {
    state.notice = "the compare view compares searches: type a query first"
    return []
  }
  let choices = state.compareChoices
  let current = state.currentChoice
  // Prefer a profile against a plain mode and vice versa: the comparison people usually want first.
  let preferred = choices.first { choice in
    switch (choice, current) {
    case (.profile, .retrieval), (.retrieval, .profile): return true
    default: return false
    }
  } ?? choices.first { $0 != current }
  guard let choice = preferred ?? choices.first else { return [] }
  return showCompare(choice, in: &state)
}

/// F8: B runs the next choice (skipping A's own, unless it is tuned).
private func cycleCompareSide(_ state: inout AppState) -> [Effect] {
  guard let compare = state.compare else { return toggleCompare(&state) }
  let choices = state.compareChoices
  guard !choices.isEmpty else { return [] }
  var index = choices.firstIndex(of: compare.choice) ?? -1
  for _ in 0..<choices.count {
    index = (index + 1) % choices.count
    if choices[index] != state.currentChoice || state.isProfileModified { break }
  }
  return showCompare(choices[index], in: &state)
}

/// Shows the compare view with B running `choice`, and searches both sides again.
private func showCompare(_ choice: RankingChoice, in state: inout AppState) -> [Effect] {
  var profile: RankProfile?
  if case .profile(let name) = choice { profile = state.profiles.first { $0.name == name } }
  state.compare = CompareViewState(choice: choice, profile: profile)
  state.isTuningVisible = false
  state.whyNotPrompt = nil
  state.whyNotId = nil
  state.comparison = nil
  if state.setEvaluation != nil { state.setEvaluation = nil }
  let effects = queryChanged(&state, textChanged: false)
  state.rankBaseline = nil
  let sameAsA = choice == state.currentChoice ? (state.isProfileModified ? " (A tuned, B from its file)" : " (the same as A)") : ""
  state.notice = "A: \(state.currentChoice.label) · B: \(choice.label)\(sameAsA) · F8 changes B"
  return effects
}

/// Moves the compare selection to `column`, onto the same document when that side has it.
private func selectCompareColumn(_ column: CompareColumn, in state: inout AppState) -> [Effect] {
  guard var compare = state.compare, compare.column != column else { return [] }
  let id = state.compareSelectedId
  switch column {
  case .a:
    if let id, let index = state.hits.firstIndex(where: { $0.id == id }) { state.selection = index }
  case .b:
    if let id, let index = state.compareHits.firstIndex(where: { $0.id == id }) {
      compare.selection = index
    } else {
      compare.selection = min(compare.selection, max(0, state.compareHits.count - 1))
    }
  }
  compare.column = column
  state.compare = compare
  resetExplanation(&state)
  return explainSelection(state) + explainCompareSelection(state)
}

/// Up, down, page and ends: in the holes list, column B of the compare view, or the results.
func moveSelection(_ command: Command, page: Int, in state: inout AppState) -> [Effect] {
  func target(_ current: Int, count: Int) -> Int {
    switch command {
    case .selectPrevious: return current - 1
    case .selectNext: return current + 1
    case .selectPageUp: return current - page
    case .selectPageDown: return current + page
    case .selectFirst: return 0
    default: return count - 1
    }
  }
  if state.isHolesVisible {
    state.holesCursor = min(max(0, target(state.holesCursor, count: state.holes.count)), max(0, state.holes.count - 1))
    return []
  }
  if let compare = state.compare, compare.column == .b {
    let count = state.compareHits.count
    guard count > 0 else { return [] }
    let index = min(max(0, target(compare.selection, count: count)), count - 1)
    guard index != compare.selection else { return [] }
    state.compare?.selection = index
    // Column A follows to the same document when it has it.
    if let aIndex = state.hits.firstIndex(where: { $0.id == state.compareHits[index].id }) { state.selection = aIndex }
    resetExplanation(&state)
    return explainCompareSelection(state)
  }
  return select(&state, target(state.selection, count: state.hits.count))
}

/// The explanations the compare view's selected document still lacks: B's (when B's results of this generation
/// have it), and A's when the selection is in column B.
func explainCompareSelection(_ state: AppState) -> [Effect] {
  guard let compare = state.compare, let id = state.compareSelectedId,
        state.completedGeneration == state.generation else { return [] }
  var effects: [Effect] = []
  let pair = state.compareHitPair(id)
  if compare.column == .b, let hit = pair.a, hit.explanation == nil {
    var request = state.currentRequest
    request.explained = .documents([hit.id])
    effects.append(.explain(request, id: hit.id, generation: state.generation))
  }
  if let hit = pair.b, hit.explanation == nil, compare.completedGeneration == state.generation,
     var request = state.compareRequest {
    request.explained = .documents([hit.id])
    effects.append(.compareExplain(request, id: hit.id, generation: state.generation))
  }
  return effects
}

/// B's results arrived: kept when they answer the latest A generation.
func compareSearchCompleted(_ state: inout AppState, generation: Int,
                                    result: Result<SearchOutcome, SearchFailure>) -> [Effect] {
  guard var compare = state.compare, generation == compare.generation else { return [] }
  compare.completedGeneration = generation
  switch result {
  case .success(let outcome):
    compare.outcome = outcome
    compare.errorMessage = nil
  case .failure(let failure):
    compare.outcome = nil
    compare.errorMessage = failure.message
  }
  compare.selection = 0
  if compare.column == .b { compare.column = .a }
  state.compare = compare
  return explainCompareSelection(state)
}

/// B's explanation of `id` arrived.
func compareExplanationCompleted(_ state: inout AppState, generation: Int, id: String,
                                         result: Result<Explanation, SearchFailure>) {
  guard let compare = state.compare, compare.completedGeneration == generation, generation == state.generation,
        let index = compare.hits.firstIndex(where: { $0.id == id }) else { return }
  switch result {
  case .success(let explanation):
    state.compare?.outcome?.response.hits[index].explanation = explanation
    if state.compareSelectedId == id, state.compareHitPair(id).a == nil { resetExplanation(&state) }
  case .failure(let failure):
    state.compare?.errorMessage = "explaining \(id): \(failure.message)"
  }
}

/// F9: shows the whole-set panel (evaluating both sides over the judged queries when the pair changed), or hides it.
private func toggleSetPanel(_ state: inout AppState) -> [Effect] {
  if state.setEvaluation?.isVisible == true {
    state.setEvaluation?.isVisible = false
    return []
  }
  guard state.compare != nil else {
    state.notice = "open the compare view first (F7): the panel compares A and B over every judged query"
    return []
  }
  if let current = state.setEvaluation, !isStale(current, in: state) {
    state.setEvaluation?.isVisible = true
    return []
  }
  return evaluateSet(&state, visible: true)
}

/// Whether `evaluation` was of another A or B than the compare view's now.
private func isStale(_ evaluation: SetEvaluationState, in state: AppState) -> Bool {
  guard let b = state.compareRequest?.rankerOnly else { return true }
  return evaluation.a != state.currentRequest.rankerOnly || evaluation.b != b
}

/// Asks for a whole-set evaluation of A and B; `reuse` passes rankings already fetched for the same pair.
private func evaluateSet(_ state: inout AppState, visible: Bool, reuse: SetEvaluation? = nil) -> [Effect] {
  guard let b = state.compareRequest?.rankerOnly else { return [] }
  let judged = Set(state.judgmentSet.judgments.judgedQueryIds)
  let queries = state.judgmentSet.queries.filter { judged.contains($0.id) }
  guard !queries.isEmpty else {
    state.notice = "no judged query to evaluate: rate results (0–3) or give --queries and --qrels"
    return []
  }
  state.setEvaluationGeneration += 1
  let a = state.currentRequest.rankerOnly
  let previous = state.setEvaluation
  var evaluation = SetEvaluationState(a: a, b: b, generation: state.setEvaluationGeneration)
  evaluation.isVisible = visible
  if let previous, reuse != nil {
    evaluation.result = previous.result
    evaluation.isRefreshing = true
    evaluation.cursor = previous.cursor
    evaluation.scroll = previous.scroll
    evaluation.jumpIndex = previous.jumpIndex
  }
  state.setEvaluation = evaluation
  let job = SetEvaluationJob(queries: queries, judgments: state.judgmentSet.judgments, a: a, b: b,
                             knownRankingsA: reuse?.rankingsA ?? [:], knownRankingsB: reuse?.rankingsB ?? [:])
  return [.evaluateSet(job, generation: state.setEvaluationGeneration)]
}

/// The whole-set evaluation arrived; a pending F10 jumps now.
func setEvaluationCompleted(_ state: inout AppState, generation: Int,
                                    result: Result<SetEvaluation, SearchFailure>) -> [Effect] {
  guard state.setEvaluation?.generation == generation else { return [] }
  state.setEvaluation?.result = result
  state.setEvaluation?.isRefreshing = false
  if case .failure(let failure) = result { state.notice = "whole-set evaluation failed: \(failure.message)" }
  if state.setEvaluation?.jumpWhenReady == true {
    state.setEvaluation?.jumpWhenReady = false
    return jumpToRegressed(&state)
  }
  return []
}

/// F10: shows the next most regressed query (B below A on nDCG@10), cycling; evaluates first when needed.
private func jumpToRegressed(_ state: inout AppState) -> [Effect] {
  guard state.compare != nil else {
    state.notice = "open the compare view first (F7), then F10 jumps to the queries where B regressed most"
    return []
  }
  guard let current = state.setEvaluation, !isStale(current, in: state), let evaluation = current.evaluation else {
    if let current = state.setEvaluation, !isStale(current, in: state), current.result == nil {
      state.setEvaluation?.jumpWhenReady = true
      return []
    }
    let effects = evaluateSet(&state, visible: false)
    state.setEvaluation?.jumpWhenReady = true
    if !effects.isEmpty { state.notice = "evaluating A and B over every judged query…" }
    return effects
  }
  let regressed = evaluation.regressed
  guard !regressed.isEmpty else {
    state.notice = "no judged query regressed: B is at least as good as A on every one"
    return []
  }
  let next = ((current.jumpIndex ?? -1) + 1) % regressed.count
  state.setEvaluation?.jumpIndex = next
  let effects = open(regressed[next].queryId, of: evaluation, in: &state)
  let row = regressed[next]
  state.notice = "regressed \(next + 1) of \(regressed.count): \(row.queryId) nDCG@10 \(Formatting.fixed(row.a)) → "
    + "\(Formatting.fixed(row.b)) (F10 next)"
  return effects
}

/// Replaces the query with judged query `queryId`'s text and searches both sides.
private func open(_ queryId: String, of evaluation: SetEvaluation, in state: inout AppState) -> [Effect] {
  guard let text = evaluation.texts[queryId] else { return [] }
  state.query = QueryEditor(text)
  state.focus = .results
  return queryChanged(&state)
}

/// Rates the rating target for the current query (nil removes its grade): shown at once, stored by the
/// `saveJudgment` effect, and the whole-set figures re-scored (re-using the rankings) when they are shown.
private func rate(_ grade: Int?, in state: inout AppState) -> [Effect] {
  guard !state.query.text.allSatisfy(\.isWhitespace) else {
    state.notice = "type a query first: ratings are for a query and a result"
    return []
  }
  guard let id = state.ratingTargetId else {
    state.notice = "no result selected to rate"
    return []
  }
  let previous = state.grade(of: id)
  let edit = state.judgmentSet.edit(queryText: state.query.text, documentId: id, grade: grade)
  state.judgmentSet.apply(edit)
  var effects: [Effect] = [.saveJudgment(edit)]
  let where_ = state.judgmentStorage == nil ? " (in memory only)" : ""
  if let grade {
    state.notice = "rated \(id) \(grade) for \(edit.queryId)" + (previous.map { " (was \($0))" } ?? "") + where_
  } else {
    state.notice = previous == nil ? "\(id) was not rated" : "removed the rating of \(id) (was \(previous!))" + where_
  }
  if let current = state.setEvaluation, !isStale(current, in: state) {
    effects += evaluateSet(&state, visible: current.isVisible, reuse: current.evaluation)
  }
  return effects
}

/// Clamps the compare, holes and whole-set cursors.
func normalizeCompare(_ state: inout AppState) {
  let holeCount = state.isHolesVisible ? state.holes.count : 0
  state.holesCursor = holeCount == 0 ? 0 : min(max(0, state.holesCursor), holeCount - 1)
  if let compare = state.compare {
    let count = state.compareHits.count
    let selection = count == 0 ? 0 : min(max(0, compare.selection), count - 1)
    let visible = state.layout.results.height
    let cursor = compare.column == .a ? state.selection : selection
    let scroll = scrollOffset(compare.scroll, cursor: cursor, count: max(state.hits.count, count), visible: visible)
    state.compare?.selection = selection
    state.compare?.scroll = scroll
  }
  if let evaluation = state.setEvaluation {
    let count = evaluation.evaluation?.comparison.queryIds.count ?? 0
    let cursor = count == 0 ? 0 : min(max(0, evaluation.cursor), count - 1)
    let scroll = scrollOffset(evaluation.scroll, cursor: cursor, count: count, visible: SetEvaluationPanel.pageSize(state))
    state.setEvaluation?.cursor = cursor
    state.setEvaluation?.scroll = scroll
  }
}
