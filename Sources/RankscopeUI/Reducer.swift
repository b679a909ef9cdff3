import Foundation
import RankscopeEngine

/// Applies `action` to `state` and returns the work the run loop must do. Pure: no I/O, no clock.
///
/// Every edit of the query increments `state.generation` and asks for a search of that generation; a
/// finished search whose generation is not the latest is dropped, so stale results never replace fresh ones.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
  var effects: [Effect] = []
  switch action {
  case .key(let key):
    guard let binding = KeyBindings.binding(for: key, focus: state.focus, helpVisible: state.isHelpVisible,
                                            profilesVisible: state.isProfilesVisible, tuningVisible: state.isTuningVisible,
                                            promptVisible: state.whyNotPrompt != nil, reportVisible: state.isReportVisible,
                                            setPanelVisible: state.setEvaluation?.isVisible == true,
                                            compareVisible: state.compare != nil,
                                            userPickerVisible: state.userPicker != nil,
                                            personalizationVisible: state.isPersonalizationVisible,
                                            autocompleteVisible: state.isAutocompleteVisible,
                                            chipsFocused: state.refinements.chipCursor != nil,
                                            inspectorVisible: state.refinements.isInspectorVisible,
                                            rewritesVisible: state.understanding.isPanelVisible)
    else { return [] }
    if binding.command == .insertTypedCharacter {
      guard case .character(let character) = key else { return [] }
      effects = insertText(&state, String(character))
    } else if binding.command == .userPickerInsertCharacter {
      guard case .character(let character) = key, let first = character.unicodeScalars.first,
            !DisplayWidth.isControl(first) else { return [] }
      insertIntoUserPicker(String(character), in: &state)
    } else if binding.command == .whyNotInsertCharacter {
      guard case .character(let character) = key, let first = character.unicodeScalars.first,
            !DisplayWidth.isControl(first) else { return [] }
      state.whyNotPrompt?.insert(String(character))
    } else if binding.command == .pickChipByNumber {
      effects = applyGuideCommand(binding.command, key: key, to: &state)
    } else {
      effects = apply(binding.command, to: &state)
    }
  case .command(let command):
    effects = apply(command, to: &state)
  case .insert(let text):
    effects = insertText(&state, text)
  case .setQuery(let text):
    // The initial query is not an edit: a notice from start-up (skipped profiles, semantic off) stays.
    let notice = state.notice
    state.query = QueryEditor(text)
    effects = queryChanged(&state)
    state.notice = notice
  case .selectProfile(let name):
    let earlier = state.notice
    if let name {
      if let profile = state.profiles.first(where: { $0.name == name }) {
        effects = activate(profile, in: &state)
      } else {
        let names = state.profiles.map(\.name)
        state.notice = "no rank profile named \"\(name)\" (" + (names.isEmpty ? "none loaded" : "there are \(names.joined(separator: ", "))") + ")"
      }
    } else {
      effects = activate(nil, in: &state)
    }
    if let earlier, state.notice != earlier {
      state.notice = [state.notice, earlier].compactMap { $0 }.joined(separator: " · ")
    }
  case .searchCompleted(let generation, let result):
    guard generation == state.generation else { return [] }  // stale: a newer query is on its way
    state.completedGeneration = generation
    switch result {
    case .success(let outcome):
      if let id = state.whyNotId, outcome.response.whyNot?.documentId == id { state.isWhyNotConfirmed = true }
      state.outcome = outcome
      state.errorMessage = nil
      state.selection = 0
      state.resultsScroll = 0
      state.holesCursor = 0
      if state.compare != nil {
        state.compare?.column = .a
        state.compare?.selection = 0
      }
      resetExplanation(&state)
      effects = explainCompareSelection(state) + requestRefinements(&state)
    case .failure(let failure) where state.whyNotId != nil && !state.isWhyNotConfirmed:
      // The id asked about is not in the collection (or the query failed before any report arrived): say so
      // as a notice, stop following it, and search again without it.
      state.whyNotId = nil
      effects = queryChanged(&state, textChanged: false)
      state.notice = "why not: \(failure.message)"
    case .failure(let failure):
      // Keep the previous results on screen; the status line shows what went wrong (and no arrows, since
      // the results they would compare did not come).
      state.errorMessage = failure.message
      if state.rankBaseline?.generation == generation { state.rankBaseline = nil }
    }
  case .explanationCompleted(let generation, let id, let result):
    guard generation == state.completedGeneration, generation == state.generation,
          let index = state.hits.firstIndex(where: { $0.id == id }) else { return [] }  // results changed since
    switch result {
    case .success(let explanation):
      state.outcome?.response.hits[index].explanation = explanation
      if index == state.selection || state.compareSelectedId == id { resetExplanation(&state) }
    case .failure(let failure):
      state.errorMessage = "explaining \(id): \(failure.message)"
    }
  case .comparisonCompleted(let generation, let result):
    guard state.comparison?.generation == generation else { return [] }  // stale: a newer comparison was asked
    state.comparison?.result = result
  case .tune(let parameter, let value):
    effects = tune(parameter, to: value, in: &state)
  case .compareSearchCompleted(let generation, let result):
    effects = compareSearchCompleted(&state, generation: generation, result: result)
  case .compareExplanationCompleted(let generation, let id, let result):
    compareExplanationCompleted(&state, generation: generation, id: id, result: result)
  case .setEvaluationCompleted(let generation, let result):
    effects = setEvaluationCompleted(&state, generation: generation, result: result)
  case .loadJudgments(let set, let storage):
    state.judgmentSet = set
    state.judgmentStorage = storage
  case .loadUsers(let directory):
    state.userDirectory = directory
  case .selectUser(let id):
    effects = selectUser(id, in: &state)
  case .liftSearchCompleted(let generation, let result):
    liftSearchCompleted(&state, generation: generation, result: result)
  case .profileRebuilt(let generation, let result):
    effects = profileRebuilt(&state, generation: generation, result: result)
  case .cohortCompleted(let generation, let result):
    cohortCompleted(&state, generation: generation, result: result)
  case .judgmentSaveFailed(let edit, let message):
    state.errorMessage = "rating of \(edit.documentId) not saved: \(message)"
  case .completionsArrived(let prefix, let result):
    completionsArrived(&state, prefix: prefix, result: result)
  case .guideStatusChanged(let status):
    effects = guideStatusChanged(&state, to: status)
  case .understandingReady:
    state.understanding.isReady = true
    // The query shown was searched as typed while the understander was building: search it again.
    if state.understanding.isEnabled, !state.query.text.allSatisfy(\.isWhitespace) {
      let notice = state.notice
      effects = queryChanged(&state, textChanged: false)
      state.notice = notice
    }
  case .refinementsCompleted(let generation, let result):
    effects = refinementsCompleted(&state, generation: generation, result: result)
  case .resize(let width, let height):
    state.width = max(0, width)
    state.height = max(0, height)
  }
  normalize(&state)
  return effects
}

/// Inserts typed or pasted text (control characters and line breaks become spaces).
private func insertText(_ state: inout AppState, _ text: String) -> [Effect] {
  let cleaned = String(text.map { character -> Character in
    guard let first = character.unicodeScalars.first else { return character }
    return DisplayWidth.isControl(first) ? " " : character
  })
  guard !cleaned.isEmpty else { return [] }
  if state.focus != .query { state.focus = .query }
  state.query.insert(cleaned)
  return queryChanged(&state) + requestCompletions(&state)
}

/// Starts a new query generation after an edit: a search effect, or cleared results for an empty query.
/// An edit of the query text (`textChanged`) forgets the ranking the movement arrows compare with.
func queryChanged(_ state: inout AppState, textChanged: Bool = true) -> [Effect] {
  state.generation += 1
  state.notice = nil
  if textChanged {
    state.queryGeneration = state.generation
    state.rankBaseline = nil
    // Editing the query goes back to searching.
    if state.mode != .search { state.mode = .search }
  }
  if let recommendation = state.currentRecommendation {
    return [.recommend(recommendation, generation: state.generation)]
  }
  if state.query.text.allSatisfy(\.isWhitespace) {
    state.completedGeneration = state.generation
    state.outcome = nil
    state.errorMessage = nil
    state.selection = 0
    state.resultsScroll = 0
    state.explanation = ExplanationViewState()
    clearRefinements(&state)
    return []
  }
  var effects: [Effect] = [.search(state.currentRequest, generation: state.generation)]
  if let request = state.compareRequest {
    state.compare?.generation = state.generation
    effects.append(.compareSearch(request, generation: state.generation))
  }
  // The lift column: the same search without the user, ranks only.
  if state.currentRequest.user != nil {
    var unpersonalized = state.currentRequest
    unpersonalized.user = nil
    unpersonalized.explain = false
    unpersonalized.whyNot = nil
    effects.append(.liftSearch(unpersonalized, generation: state.generation))
  }
  // A comparison on screen follows the query, the profile and its tuning.
  if let comparison = state.comparison {
    effects.append(compare(comparison.firstId, comparison.secondId, in: &state))
  }
  return effects
}

/// Asks for a comparison of `first` and `second` for the current request, dropping any older one.
private func compare(_ first: String, _ second: String, in state: inout AppState) -> Effect {
  state.comparisonGeneration += 1
  let previous = state.comparison.flatMap { $0.firstId == first && $0.secondId == second ? $0.result : nil }
  state.comparison = ComparisonState(firstId: first, secondId: second, generation: state.comparisonGeneration,
                                     result: previous)
  return .compare(state.currentRequest, first: first, second: second, generation: state.comparisonGeneration)
}

/// Searches the same query again after a change of ranking (a tuning change, a profile or retrieval switch),
/// keeping the ranking shown now (when it is of the current query text) for the movement arrows.
func rerank(_ state: inout AppState) -> [Effect] {
  let shownRanks = state.outcome != nil && state.completedGeneration >= state.queryGeneration
    ? Dictionary(state.hits.map { ($0.id, $0.rank) }, uniquingKeysWith: min) : nil
  let effects = queryChanged(&state, textChanged: false)
  if effects.isEmpty {
    state.rankBaseline = nil
  } else if let shownRanks {
    state.rankBaseline = RankBaseline(ranks: shownRanks, generation: state.generation)
  }
  return effects
}

/// Carries out one command.
private func apply(_ command: Command, to state: inout AppState) -> [Effect] {
  let layout = state.layout
  let resultPage = max(1, layout.results.height)
  let explanationPage = max(1, layout.explanation?.height ?? 1)
  // While a why-not report or a comparison takes the explanation's place, its keys scroll it.
  if state.isReportVisible, state.whyNotPrompt == nil {
    switch command {
    case .nodePrevious: state.reportScroll -= 1; return []
    case .nodeNext: state.reportScroll += 1; return []
    case .nodePageUp: state.reportScroll -= explanationPage; return []
    case .nodePageDown: state.reportScroll += explanationPage; return []
    case .nodeFirst: state.reportScroll = 0; return []
    case .nodeLast: state.reportScroll = Int.max / 2; return []
    default: break
    }
  }
  switch command {
  case .toggleRetrieval:
    // With a rank profile active, F2 only turns the profile off: searches go back to the retrieval mode the
    // status line showed before the profile (one key press, one visible change); the next F2 cycles as usual.
    if let profile = state.activeProfile {
      let effects = activate(nil, in: &state)
      state.notice = "profile \(profile.name) off"
      return effects
    }
    // Lexical → semantic → hybrid → lexical; both others need the sentence encoder.
    guard state.semanticStatus.isAvailable else {
      state.notice = "semantic and hybrid retrieval are off: \(state.semanticStatus)"
      return []
    }
    switch state.retrieval {
    case .lexical: state.retrieval = .semantic
    case .semantic: state.retrieval = .hybrid
    case .hybrid: state.retrieval = .lexical
    }
    // A new retrieval mode is another list, not a re-rank of this one: no movement arrows.
    let effects = queryChanged(&state, textChanged: false)
    state.rankBaseline = nil
    return effects
  case .cycleProfile:
    return cycleProfile(&state)
  case .toggleProfiles:
    state.isProfilesVisible.toggle()
    state.isHelpVisible = false
    state.isTuningVisible = false
    state.profileCursor = state.activeProfileIndex.map { $0 + 1 } ?? 0
  case .closeProfiles:
    state.isProfilesVisible = false
  case .profilePrevious:
    state.profileCursor = max(0, state.profileCursor - 1)
  case .profileNext:
    state.profileCursor = min(state.profiles.count, state.profileCursor + 1)
  case .pickProfile:
    let profile = state.profileCursor == 0 ? nil : state.profiles[state.profileCursor - 1]
    if let profile, let reason = state.unavailableReason(profile) {
      state.notice = "profile \(profile.name) needs the query's text embedding; \(reason)"  // the list stays open
      return []
    }
    state.isProfilesVisible = false
    guard profile?.name != state.activeProfile?.name else { return [] }
    return activate(profile, in: &state)
  case .quit:
    state.isRunning = false
    return [.quit]
  case .toggleHelp:
    state.isHelpVisible.toggle()
    state.isProfilesVisible = false
    state.isTuningVisible = false
    state.helpScroll = 0
  case .closeHelp:
    state.isHelpVisible = false
  case .focusNext, .focusPrevious:
    let panels = layout.focusablePanels
    let index = panels.firstIndex(of: state.focus) ?? 0
    let step = command == .focusNext ? 1 : panels.count - 1
    state.focus = panels[(index + step) % panels.count]
  case .focusQuery:
    state.focus = .query
    // Esc also means "no dropdown": one that would appear later (the guides finishing their build) stays away until
    // the next edit.
    state.autocomplete.isDismissed = true
  case .focusResults:
    if layout.focusablePanels.contains(.results) { state.focus = .results }
  case .focusExplanation:
    if layout.focusablePanels.contains(.explanation) { state.focus = .explanation }
  case .insertTypedCharacter, .whyNotInsertCharacter:
    break  // resolved with its key in `reduce`
  case .openWhyNot:
    state.whyNotPrompt = QueryEditor(state.whyNotId ?? "")
    state.isHelpVisible = false
    state.isProfilesVisible = false
    state.isTuningVisible = false
    state.comparison = nil
  case .whyNotDeleteBackward:
    _ = state.whyNotPrompt?.deleteBackward()
  case .whyNotClear:
    _ = state.whyNotPrompt?.clear()
  case .whyNotCancel:
    state.whyNotPrompt = nil
  case .whyNotSubmit:
    guard let prompt = state.whyNotPrompt else { return [] }
    state.whyNotPrompt = nil
    let id = prompt.text.trimmingCharacters(in: .whitespaces)
    guard !id.isEmpty else {
      state.whyNotId = nil
      return []
    }
    state.whyNotId = id
    state.isWhyNotConfirmed = false
    state.reportScroll = 0
    let effects = queryChanged(&state, textChanged: false)
    if effects.isEmpty { state.notice = "type a query: the report follows \(id) through its search" }
    return effects
  case .closeReport:
    if state.comparison != nil {
      state.comparison = nil
    } else {
      state.whyNotId = nil  // the results stay; the next search no longer follows the id
    }
    state.reportScroll = 0
  case .markHit:
    guard let hit = state.selectedHit else {
      state.notice = "no result to mark"
      return []
    }
    if state.markedHitId == hit.id {
      state.markedHitId = nil
      state.notice = "unmarked \(hit.id)"
    } else {
      state.markedHitId = hit.id
      state.notice = "marked #\(hit.rank) \(hit.id) as A: select another result and press c"
    }
  case .compareWithMarked:
    guard let first = state.markedHitId else {
      state.notice = "mark a result as A first (m), then select B and press c"
      return []
    }
    guard let second = state.selectedHit?.id, second != first else {
      state.notice = "select another result than A (\(first)) to compare with it"
      return []
    }
    guard !state.query.text.allSatisfy(\.isWhitespace) else { return [] }
    state.whyNotId = nil
    state.whyNotPrompt = nil
    state.isTuningVisible = false
    state.reportScroll = 0
    state.comparison = nil
    state.notice = nil
    return [compare(first, second, in: &state)]
  case .deleteBackward:
    if state.query.deleteBackward() { return queryChanged(&state) + requestCompletions(&state) }
  case .deleteForward:
    if state.query.deleteForward() { return queryChanged(&state) + requestCompletions(&state) }
  case .deleteWordBackward:
    if state.query.deleteWordBackward() { return queryChanged(&state) + requestCompletions(&state) }
  case .clearQuery:
    if state.query.clear() { return queryChanged(&state) + requestCompletions(&state) }
  case .cursorLeft: state.query.moveLeft()
  case .cursorRight: state.query.moveRight()
  case .cursorHome: state.query.moveHome()
  case .cursorEnd: state.query.moveEnd()
  case .selectPrevious, .selectNext, .selectPageUp, .selectPageDown, .selectFirst, .selectLast:
    return moveSelection(command, page: resultPage, in: &state)
  case .nodePrevious: state.explanation.cursor -= 1
  case .nodeNext: state.explanation.cursor += 1
  case .nodePageUp: state.explanation.cursor -= explanationPage
  case .nodePageDown: state.explanation.cursor += explanationPage
  case .nodeFirst: state.explanation.cursor = 0
  case .nodeLast: state.explanation.cursor = state.explanationRows.count - 1
  case .unfold: unfold(&state)
  case .fold: fold(&state)
  case .toggleFold:
    let rows = state.explanationRows
    guard rows.indices.contains(state.explanation.cursor) else { break }
    let row = rows[state.explanation.cursor]
    guard row.hasChildren else { break }
    if row.isExpanded { state.explanation.expanded.remove(row.path) } else { state.explanation.expanded.insert(row.path) }
  case .expandAll:
    if let tree = state.primaryExplanation { state.explanation.expanded = ExplanationTree.paths(in: tree) }
  case .collapseAll:
    state.explanation.expanded = []
    state.explanation.cursor = 0
  case .toggleTuning:
    guard state.activeProfile != nil || state.isTuningVisible else {
      state.notice = "no rank profile is active to tune (F3 cycles them, F4 lists them)"
      return []
    }
    state.isTuningVisible.toggle()
    state.isHelpVisible = false
    state.isProfilesVisible = false
    if state.isTuningVisible {
      state.whyNotId = nil
      state.whyNotPrompt = nil
      state.comparison = nil
    }
  case .closeTuning:
    state.isTuningVisible = false
  case .tuningPrevious: state.tuningCursor -= 1
  case .tuningNext: state.tuningCursor += 1
  case .tuningDecrease, .tuningIncrease, .tuningDecreaseFine, .tuningIncreaseFine:
    guard let profile = state.activeProfile, state.tuningParameters.indices.contains(state.tuningCursor) else { return [] }
    let parameter = state.tuningParameters[state.tuningCursor]
    let direction = command == .tuningDecrease || command == .tuningDecreaseFine ? -1 : 1
    let fine = command == .tuningDecreaseFine || command == .tuningIncreaseFine
    let value = parameter.stepped(parameter.value(in: profile), direction: direction, fine: fine,
                                  keep: profile.blend?.settings.keep ?? 1)
    return tune(parameter, to: value, in: &state)
  case .tuningReset:
    guard let original = state.originalProfile, state.tuningParameters.indices.contains(state.tuningCursor) else { return [] }
    let parameter = state.tuningParameters[state.tuningCursor]
    return tune(parameter, to: parameter.value(in: original), in: &state)
  case .tuningResetAll:
    guard let original = state.originalProfile, state.isProfileModified else { return [] }
    state.tunedProfiles[original.name] = nil
    state.activeProfile = original
    let effects = rerank(&state)
    state.notice = "profile \(original.name) reset to its file"
    return effects
  case .toggleCompare, .cycleCompareSide, .compareColumnA, .compareColumnB, .toggleSetPanel, .closeSetPanel,
       .setPrevious, .setNext, .setPageUp, .setPageDown, .setOpenQuery, .jumpToRegressed, .rate0, .rate1, .rate2, .rate3, .clearRating,
       .toggleHoles:
    return applyCompareCommand(command, to: &state)
  case .toggleUserPicker, .userPickerInsertCharacter, .userPickerDeleteBackward, .userPickerPrevious, .userPickerNext,
       .userPickerPick, .userPickerCancel, .togglePersonalization, .closePersonalization, .personalizationPrevious,
       .personalizationNext, .personalizationToggle, .personalizationCohort, .cycleCompareUser:
    return applyPersonalizationCommand(command, to: &state)
  case .toggleUnderstanding, .undoCorrection, .acceptSuggestion, .toggleRewritesPanel, .closeRewritesPanel,
       .rewritesPrevious, .rewritesNext, .rewritesToggle:
    return applyUnderstandingCommand(command, to: &state)
  case .showHomefeed, .showRelated:
    return showRecommendations(command == .showHomefeed ? .homefeed : nil, in: &state)
  case .completionNext, .completionPrevious, .acceptCompletion, .closeCompletions, .focusChips, .chipPrevious,
       .chipNext, .applyChip, .pickChipByNumber, .leaveChips, .toggleRefinementInspector, .inspectorPrevious,
       .inspectorNext, .inspectorApply, .closeInspector:
    return applyGuideCommand(command, key: nil, to: &state)
  case .helpScrollUp: state.helpScroll -= 1
  case .helpScrollDown: state.helpScroll += 1
  case .helpPageUp: state.helpScroll -= max(1, state.height - 4)
  case .helpPageDown: state.helpScroll += max(1, state.height - 4)
  }
  return []
}

/// Makes `profile` active (nil: none), with its tuning edits if it has some, and searches again at once; the
/// notice shows the profile's stages.
private func activate(_ profile: RankProfile?, in state: inout AppState) -> [Effect] {
  state.activeProfile = profile.map { state.tunedProfiles[$0.name] ?? $0 }
  if state.activeProfile == nil { state.isTuningVisible = false }
  let effects = rerank(&state)
  state.notice = state.activeProfile.map { "runs \($0.stageSummary)\(state.isProfileModified ? " (tuned)" : "")" } ?? "profile off"
  return effects
}

/// Sets one parameter of the active profile (the in-memory copy; nothing is written) and searches again at
/// once; a value the profile's checks (`RankProfile.problem`, `BlendSettings.problem`) refuse is never sent.
private func tune(_ parameter: TuningParameter, to value: Double?, in state: inout AppState) -> [Effect] {
  guard let profile = state.activeProfile else {
    state.notice = "no rank profile is active to tune (F3 cycles them, F4 lists them)"
    return []
  }
  guard TuningParameter.all(in: profile).contains(parameter) else {
    state.notice = "profile \(profile.name) has no parameter \(parameter.label)"
    return []
  }
  let edited = parameter.setting(value, in: profile)
  if let problem = edited.problem {
    state.notice = "refused: \(problem)"
    return []
  }
  let before = parameter.format(parameter.value(in: profile))
  let after = parameter.format(parameter.value(in: edited))
  guard edited != profile else {
    state.notice = "\(parameter.label) stays \(after)"
    return []
  }
  state.activeProfile = edited
  state.tunedProfiles[edited.name] = edited == state.originalProfile ? nil : edited
  let effects = rerank(&state)
  state.notice = "\(parameter.label) \(before) → \(after)"
  return effects
}

/// F3: none → each profile (in name order) → none, skipping profiles that need the text embedding while
/// semantic retrieval is off (the notice names them).
private func cycleProfile(_ state: inout AppState) -> [Effect] {
  guard !state.profiles.isEmpty else {
    state.notice = "no rank profiles are loaded (give --profiles DIR)"
    return []
  }
  // Positions: 0 is none, i + 1 is profiles[i].
  let count = state.profiles.count + 1
  var position = state.activeProfileIndex.map { $0 + 1 } ?? 0
  var skipped: [String] = []
  var reason: String?
  repeat {
    position = (position + 1) % count
    guard position > 0 else { break }
    let profile = state.profiles[position - 1]
    guard let why = state.unavailableReason(profile) else { break }
    skipped.append(profile.name)
    reason = why
  } while true
  let next = position == 0 ? nil : state.profiles[position - 1]
  var effects: [Effect] = []
  if next?.name != state.activeProfile?.name {
    effects = activate(next, in: &state)
  } else {
    state.notice = nil
  }
  if !skipped.isEmpty, let reason {
    let skippedNotice = "skipped \(skipped.joined(separator: ", ")) (\(reason))"
    state.notice = [state.notice, skippedNotice].compactMap { $0 }.joined(separator: " · ")
  }
  return effects
}

/// Selects hit `index` (clamped); a different hit gets a fresh explanation fold state, and its explanation is
/// asked for when the results came without it.
func select(_ state: inout AppState, _ index: Int) -> [Effect] {
  let count = state.hits.count
  guard count > 0 else {
    state.selection = 0
    return []
  }
  let clamped = min(max(0, index), count - 1)
  guard clamped != state.selection else { return [] }
  state.selection = clamped
  resetExplanation(&state)
  return explainSelection(state) + explainCompareSelection(state)
}

/// The explanation the selected hit still lacks, asked of the shown results' own request (none while a newer
/// search is on its way: its results arrive with their first hit explained).
func explainSelection(_ state: AppState) -> [Effect] {
  guard let hit = state.selectedHit, hit.explanation == nil, state.completedGeneration == state.generation else { return [] }
  if var recommendation = state.currentRecommendation {
    recommendation.explained = .documents([hit.id])
    return [.explainRecommendation(recommendation, id: hit.id, generation: state.generation)]
  }
  var request = state.currentRequest
  request.explained = .documents([hit.id])
  return [.explain(request, id: hit.id, generation: state.generation)]
}

/// Fold state for a newly selected hit: unfolded as deep as fits in the explanation panel.
func resetExplanation(_ state: inout AppState) {
  state.explanation = .initial(for: state.primaryExplanation, fitting: max(1, state.layout.explanation?.height ?? 1))
}

/// Right arrow on a node: unfold it, or move to its first child when already unfolded.
private func unfold(_ state: inout AppState) {
  let rows = state.explanationRows
  guard rows.indices.contains(state.explanation.cursor) else { return }
  let row = rows[state.explanation.cursor]
  guard row.hasChildren else { return }
  if row.isExpanded {
    state.explanation.cursor += 1
  } else {
    state.explanation.expanded.insert(row.path)
  }
}

/// Left arrow on a node: fold it, or move to its parent when it is folded or a leaf.
private func fold(_ state: inout AppState) {
  let rows = state.explanationRows
  guard rows.indices.contains(state.explanation.cursor) else { return }
  let row = rows[state.explanation.cursor]
  if row.hasChildren && row.isExpanded {
    state.explanation.expanded.remove(row.path)
  } else if !row.path.isEmpty {
    let parent = Array(row.path.dropLast())
    if let index = rows.firstIndex(where: { $0.path == parent }) { state.explanation.cursor = index }
  }
}

/// Clamps cursors and scroll offsets so the selection and the explanation cursor stay visible.
private func normalize(_ state: inout AppState) {
  let layout = state.layout
  // A panel hidden by a small terminal gives up the focus (but a momentarily tiny terminal changes nothing).
  if layout.mode != .tooSmall, !layout.focusablePanels.contains(state.focus) {
    state.focus = layout.focusablePanels.last ?? .query
  }

  let count = state.hits.count
  state.selection = count == 0 ? 0 : min(max(0, state.selection), count - 1)
  state.resultsScroll = scrollOffset(state.resultsScroll, cursor: state.selection, count: count,
                                     visible: layout.results.height)

  let rowCount = state.explanationRows.count
  state.explanation.cursor = rowCount == 0 ? 0 : min(max(0, state.explanation.cursor), rowCount - 1)
  state.explanation.scroll = scrollOffset(state.explanation.scroll, cursor: state.explanation.cursor,
                                          count: rowCount, visible: layout.explanation?.height ?? 0)
  state.helpScroll = max(0, min(state.helpScroll, HelpOverlay.maximumScroll(width: state.width, height: state.height)))
  state.profileCursor = min(max(0, state.profileCursor), state.profiles.count)
  normalizeCompare(&state)
  normalizePersonalization(&state)
  normalizeGuides(&state)
  state.tuningCursor = min(max(0, state.tuningCursor), max(0, state.tuningParameters.count - 1))
  if state.isReportVisible {
    let visible = max(1, ReportPanel.areas(state.layout)?.body.height ?? 1)
    let count = ReportPanel.lines(state, width: ReportPanel.areas(state.layout)?.body.width ?? state.width).count
    state.reportScroll = min(max(0, state.reportScroll), max(0, count - visible))
  } else {
    state.reportScroll = 0
  }
}

/// The smallest change to `offset` that keeps `cursor` among `visible` rows of `count`.
func scrollOffset(_ offset: Int, cursor: Int, count: Int, visible: Int) -> Int {
  guard visible > 0, count > visible else { return 0 }
  var result = offset
  if cursor < result { result = cursor }
  if cursor >= result + visible { result = cursor - visible + 1 }
  return min(max(0, result), count - visible)
}
