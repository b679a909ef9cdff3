import RankscopeEngine

// Autocomplete, refinement chips and the refinement inspector: what their keys and answers do to the state.

/// Asks for completions of the query text just edited (none for an empty query, outside plain search, in the
/// compare view or without a query log); a new edit clears the highlight and reopens a dropdown closed with Esc.
func requestCompletions(_ state: inout AppState) -> [Effect] {
  state.autocomplete.highlighted = nil
  state.autocomplete.isDismissed = false
  guard state.guideStatus.isAvailable, state.mode == .search, state.compare == nil,
        !state.query.text.allSatisfy(\.isWhitespace) else {
    state.autocomplete = AutocompleteState()
    return []
  }
  return [.complete(prefix: state.query.text, user: state.guideUser, k: AutocompleteState.limit)]
}

/// Asks for the refinements of the query whose results just arrived, unless those of the same (normalized) text
/// for the same user are shown or on their way; an older request's answer will be dropped.
func requestRefinements(_ state: inout AppState) -> [Effect] {
  guard state.guideStatus.isAvailable, state.mode == .search, !state.query.text.allSatisfy(\.isWhitespace) else { return [] }
  // Refine what was searched: a query auto-corrected is refined as corrected ("boho livng room" is not offered
  // "+ living"), and a chip then carries the correction with it.
  var text = state.query.text
  if let interpretation = state.interpretation, interpretation.searchedText != interpretation.typedText {
    text = acceptedQuery(text, typedFreeText: interpretation.typedText, suggestion: interpretation.searchedText)
  }
  let user = state.guideUser
  if let shown = state.refinements.query, state.refinements.user == user,
     QueryLogStatistics.normalize(shown) == QueryLogStatistics.normalize(text) { return [] }
  state.refinements.generation += 1
  state.refinements.query = text
  state.refinements.user = user
  state.refinements.items = nil
  state.refinements.failure = nil
  state.refinements.chipCursor = nil
  state.refinements.inspectorCursor = 0
  return [.refine(query: text, user: user, k: RefinementState.limit, generation: state.refinements.generation)]
}

/// Forgets the refinements (the query was emptied): an answer on its way is dropped.
func clearRefinements(_ state: inout AppState) {
  let generation = state.refinements.generation + 1
  let inspector = state.refinements.isInspectorVisible
  state.refinements = RefinementState()
  state.refinements.generation = generation
  state.refinements.isInspectorVisible = inspector
}

/// Takes the completions for `prefix` when the query bar still holds it.
func completionsArrived(_ state: inout AppState, prefix: String, result: Result<[CompletionSuggestion], SearchFailure>) {
  guard prefix == state.query.text else { return }  // stale: the text changed since
  let dismissed = state.autocomplete.prefix == prefix && state.autocomplete.isDismissed
  switch result {
  case .success(let suggestions):
    state.autocomplete = AutocompleteState(prefix: prefix, suggestions: Array(suggestions.prefix(AutocompleteState.limit)),
                                           isDismissed: dismissed)
    if state.guideStatus == .building { state.guideStatus = .ready }
  case .failure:
    // Still building (or no log): no dropdown, and no message while typing.
    state.autocomplete = AutocompleteState(prefix: prefix, isDismissed: dismissed)
  }
}

/// The guides are ready (or failed to build): completes the text typed while they were building and asks for the
/// shown query's refinements, or notes why they are off.
func guideStatusChanged(_ state: inout AppState, to status: QueryGuideStatus) -> [Effect] {
  let before = state.guideStatus
  state.guideStatus = status
  guard status == .ready, before != .ready else { return [] }
  var effects: [Effect] = []
  // Only text typed while they built (its completion came back empty), not an initial query, a suggestion or a chip.
  if !state.autocomplete.isDismissed, state.autocomplete.suggestions.isEmpty, state.autocomplete.prefix == state.query.text,
     !state.query.text.isEmpty {
    effects += requestCompletions(&state)
  }
  if state.completedGeneration == state.generation, state.outcome != nil, state.refinements.failure != nil {
    state.refinements.query = nil  // ask again
    effects += requestRefinements(&state)
  }
  return effects
}

/// Takes the refinements of the latest request; older ones are dropped. Refinements wait for the guides' build, so
/// their arrival also means the guides are ready: text typed meanwhile is completed now.
func refinementsCompleted(_ state: inout AppState, generation: Int, result: Result<[Refinement], SearchFailure>) -> [Effect] {
  guard generation == state.refinements.generation, state.refinements.query != nil else { return [] }  // stale
  switch result {
  case .success(let refinements):
    state.refinements.items = refinements
    state.refinements.failure = nil
    if state.guideStatus == .building { return guideStatusChanged(&state, to: .ready) }
  case .failure(let failure):
    state.refinements.items = nil
    state.refinements.failure = failure.message
  }
  return []
}

/// Replaces the query with `refinement` applied to it and searches (its own chips follow its results).
private func applyRefinement(_ refinement: Refinement, in state: inout AppState) -> [Effect] {
  let parent = state.query.text
  state.query = QueryEditor(RefinementState.appliedQuery(refinement, parent: parent))
  state.refinements.chipCursor = nil
  state.refinements.isInspectorVisible = false
  state.focus = .query
  let effects = queryChanged(&state)
  state.notice = "refined \"\(parent)\" → \"\(state.query.text)\""
  return effects
}

/// Why there is nothing to pick among the chips, or nil when there are chips.
private func chipsUnavailableNotice(_ state: AppState) -> String? {
  if case .unavailable = state.guideStatus { return state.guideStatus.description }
  guard state.refinements.shown.isEmpty else { return nil }
  return "no refinements to pick: " + (RefinementChipsView.note(state) ?? "none")
}

/// Carries out an autocomplete, chips or inspector command; `key` is the key pressed, for chip numbers.
func applyGuideCommand(_ command: Command, key: Key?, to state: inout AppState) -> [Effect] {
  let count = state.autocomplete.suggestions.count
  switch command {
  case .completionNext:
    guard count > 0 else { return [] }
    state.autocomplete.highlighted = state.autocomplete.highlighted.map { ($0 + 1) % count } ?? 0
  case .completionPrevious:
    guard count > 0 else { return [] }
    state.autocomplete.highlighted = state.autocomplete.highlighted.map { ($0 + count - 1) % count } ?? count - 1
  case .acceptCompletion:
    guard let suggestion = state.autocomplete.highlightedSuggestion else {
      // Nothing highlighted: Enter does what it does in the query bar.
      if state.layout.focusablePanels.contains(.results) { state.focus = .results }
      return []
    }
    state.query = QueryEditor(suggestion.text)
    state.autocomplete = AutocompleteState(prefix: suggestion.text, isDismissed: true)
    return queryChanged(&state)
  case .closeCompletions:
    state.autocomplete.isDismissed = true
    state.autocomplete.highlighted = nil
  case .focusChips:
    if state.refinements.chipCursor != nil {
      state.refinements.chipCursor = nil
      return []
    }
    if let notice = chipsUnavailableNotice(state) {
      state.notice = notice
      return []
    }
    state.refinements.chipCursor = 0
    state.isHelpVisible = false
    state.refinements.isInspectorVisible = false
  case .chipPrevious:
    state.refinements.chipCursor = max(0, (state.refinements.chipCursor ?? 0) - 1)
  case .chipNext:
    state.refinements.chipCursor = (state.refinements.chipCursor ?? 0) + 1  // clamped in `normalize`
  case .applyChip:
    guard let cursor = state.refinements.chipCursor, state.refinements.shown.indices.contains(cursor) else { return [] }
    return applyRefinement(state.refinements.shown[cursor], in: &state)
  case .pickChipByNumber:
    guard case .character(let character)? = key, let number = character.wholeNumberValue else { return [] }
    guard state.refinements.shown.indices.contains(number - 1) else {
      state.notice = "there is no chip \(number) (\(state.refinements.shown.count) shown)"
      return []
    }
    return applyRefinement(state.refinements.shown[number - 1], in: &state)
  case .leaveChips:
    state.refinements.chipCursor = nil
  case .toggleRefinementInspector:
    state.refinements.isInspectorVisible.toggle()
    if state.refinements.isInspectorVisible {
      state.refinements.inspectorCursor = state.refinements.chipCursor ?? 0
      state.refinements.chipCursor = nil
      state.isHelpVisible = false
      state.isProfilesVisible = false
      state.understanding.isPanelVisible = false
    }
  case .inspectorPrevious:
    state.refinements.inspectorCursor -= 1
  case .inspectorNext:
    state.refinements.inspectorCursor += 1
  case .inspectorApply:
    let cursor = state.refinements.inspectorCursor
    guard state.refinements.shown.indices.contains(cursor) else {
      state.refinements.isInspectorVisible = false
      return []
    }
    return applyRefinement(state.refinements.shown[cursor], in: &state)
  case .closeInspector:
    state.refinements.isInspectorVisible = false
  default:
    break
  }
  return []
}

/// Keeps the guide cursors within what is shown.
func normalizeGuides(_ state: inout AppState) {
  let count = state.refinements.shown.count
  state.refinements.inspectorCursor = min(max(0, state.refinements.inspectorCursor), max(0, count - 1))
  if let cursor = state.refinements.chipCursor {
    state.refinements.chipCursor = count == 0 ? nil : min(max(0, cursor), count - 1)
  }
  if let highlighted = state.autocomplete.highlighted, !state.autocomplete.suggestions.indices.contains(highlighted) {
    state.autocomplete.highlighted = nil
  }
}
