import RankscopeEngine

// The user picker (F11), the personalization panel (F12: the anonymous switch, one toggle per signal, the
// history), the lift column, B's user in the compare view (Alt-b) and the cohort view: the parts of `reduce`
// that act on them.

/// Carries out a personalization command.
func applyPersonalizationCommand(_ command: Command, to state: inout AppState) -> [Effect] {
  switch command {
  case .toggleUserPicker:
    if state.userPicker != nil {
      state.userPicker = nil
      return []
    }
    return openUserPicker(side: .a, in: &state)
  case .userPickerDeleteBackward:
    _ = state.userPicker?.query.deleteBackward()
    state.userPicker?.cursor = 0
  case .userPickerPrevious: state.userPicker?.cursor -= 1
  case .userPickerNext: state.userPicker?.cursor += 1
  case .userPickerCancel: state.userPicker = nil
  case .userPickerPick:
    guard let picker = state.userPicker else { return [] }
    let matches = state.userPickerMatches
    state.userPicker = nil
    let profile = picker.cursor > 0 && matches.indices.contains(picker.cursor - 1) ? matches[picker.cursor - 1] : nil
    return picker.side == .a ? personalize(for: profile, in: &state) : setCompareUser(profile, in: &state)
  case .togglePersonalization:
    guard state.personalization != nil || state.isPersonalizationVisible else {
      state.notice = state.userDirectory == nil ? noUsersNotice : "pick a user first (F11): the panel shows their signals and history"
      return []
    }
    state.isPersonalizationVisible.toggle()
    if state.isPersonalizationVisible {
      state.isTuningVisible = false
      state.whyNotPrompt = nil
      state.whyNotId = nil
      state.comparison = nil
    }
  case .closePersonalization:
    state.isPersonalizationVisible = false
  case .personalizationPrevious: state.personalizationCursor -= 1
  case .personalizationNext: state.personalizationCursor += 1
  case .personalizationToggle:
    return togglePersonalizationRow(&state)
  case .personalizationCohort:
    return evaluateCohort(&state)
  case .cycleCompareUser:
    return cycleCompareUser(&state)
  default:
    break
  }
  return []
}

/// The notice for an index without user profiles.
let noUsersNotice = "this index has no users (build them with rankscope users --build --users F --events F)"

/// Opens the user picker for `side` (A: the explorer's searches; B: the compare view's side B).
private func openUserPicker(side: CompareColumn, in state: inout AppState) -> [Effect] {
  guard state.userDirectory != nil else {
    state.notice = noUsersNotice
    return []
  }
  state.userPicker = UserPickerState(side: side)
  state.isHelpVisible = false
  state.isProfilesVisible = false
  return []
}

/// Types into the user picker.
func insertIntoUserPicker(_ text: String, in state: inout AppState) {
  state.userPicker?.query.insert(text)
  let cursor = state.userPickerMatches.isEmpty ? 0 : 1
  state.userPicker?.cursor = cursor
}

/// Personalizes searches for `profile` (nil: no user) with every signal on, and searches again.
func personalize(for profile: UserProfile?, in state: inout AppState) -> [Effect] {
  state.personalization = profile.map(PersonalizationState.init)
  state.personalizationCursor = 0
  state.cohort = nil
  if profile == nil {
    state.isPersonalizationVisible = false
    if state.mode == .homefeed { state.mode = .search }  // a homefeed is someone's
  }
  let effects = rerank(&state)
  if let profile {
    let summary = UserDirectory.summary(of: profile)
    state.notice = "personalized for \(profile.userId) \(profile.name): \(summary.topCategories.prefix(3).map(\.value).joined(separator: ", "))"
      + " · F12 signals and history"
  } else {
    state.notice = "no user: searches are not personalized"
  }
  return effects
}

/// `Action.selectUser`: the user of this id (nil: none), or a notice naming near ids.
func selectUser(_ id: String?, in state: inout AppState) -> [Effect] {
  guard let id else { return personalize(for: nil, in: &state) }
  guard let directory = state.userDirectory else {
    state.notice = noUsersNotice
    return []
  }
  guard let profile = directory.profile(id: id) else {
    let near = directory.suggestions(for: id)
    state.notice = "no user \(id)" + (near.isEmpty ? "" : " (did you mean \(near.prefix(3).joined(separator: ", "))?)")
    return []
  }
  return personalize(for: profile, in: &state)
}

/// B's user in the compare view: `profile`, or none.
private func setCompareUser(_ profile: UserProfile?, in state: inout AppState) -> [Effect] {
  guard state.compare != nil else { return [] }
  state.compare?.user = profile.map { .other(UserContext(profile: $0)) } ?? .anonymous
  let effects = queryChanged(&state, textChanged: false)
  state.setEvaluation = nil
  state.notice = "B searches " + (profile.map { "for \($0.userId) \($0.name)" } ?? "without a user")
  return effects
}

/// Alt-b: B's user goes the same as A's → no user → another (the picker opens) → the same as A's.
private func cycleCompareUser(_ state: inout AppState) -> [Effect] {
  guard let compare = state.compare else {
    state.notice = "open the compare view first (F7), then Alt-b changes B's user"
    return []
  }
  switch compare.user {
  case .sameAsA:
    guard state.personalization != nil else {
      // Without a user on A, B can only take one of its own.
      return openUserPicker(side: .b, in: &state)
    }
    return setCompareUser(nil, in: &state)
  case .anonymous:
    return openUserPicker(side: .b, in: &state)
  case .other:
    state.compare?.user = .sameAsA
    state.setEvaluation = nil
    let effects = queryChanged(&state, textChanged: false)
    state.notice = "B searches for A's user"
    return effects
  }
}

/// Space or Enter on a row of the personalization panel: the anonymous switch, a signal, or a history event
/// (hidden events are left out of a live recompute of the profile).
private func togglePersonalizationRow(_ state: inout AppState) -> [Effect] {
  guard var personalization = state.personalization else { return [] }
  let row = state.personalizationCursor
  let signals = PersonalizationSignal.allCases
  if row == 0 {
    personalization.isAnonymous.toggle()
    state.personalization = personalization
    let effects = rerank(&state)
    state.notice = personalization.isAnonymous ? "anonymous: no signal reads the user" : "personalized again"
    return effects
  }
  if signals.indices.contains(row - 1) {
    let signal = signals[row - 1]
    let isOn = personalization.enabledSignals.contains(signal)
    if isOn { personalization.enabledSignals.remove(signal) } else { personalization.enabledSignals.insert(signal) }
    state.personalization = personalization
    let effects = rerank(&state)
    state.notice = "\(signal.featureName) \(isOn ? "off" : "on")"
    return effects
  }
  let eventIndex = PersonalizationPanel.eventIndex(ofRow: row, in: personalization.baseProfile)
  guard let eventIndex else { return [] }
  if personalization.hiddenEvents.contains(eventIndex) {
    personalization.hiddenEvents.remove(eventIndex)
  } else {
    personalization.hiddenEvents.insert(eventIndex)
  }
  let event = personalization.baseProfile.events[eventIndex]
  state.notice = "\(personalization.hiddenEvents.contains(eventIndex) ? "hid" : "restored") \(event.action.rawValue) of \(event.documentId)"
    + " · \(personalization.hiddenEvents.count) hidden"
  if personalization.hiddenEvents.isEmpty {
    personalization.profile = personalization.baseProfile
    personalization.isRebuilding = false
    state.personalization = personalization
    let notice = state.notice
    let effects = rerank(&state)
    state.notice = notice
    return effects
  }
  state.personalizationGeneration += 1
  personalization.rebuildGeneration = state.personalizationGeneration
  personalization.isRebuilding = true
  state.personalization = personalization
  return [.rebuildProfile(personalization.baseProfile, hiding: personalization.hiddenEvents,
                          generation: state.personalizationGeneration)]
}

/// The live recompute arrived: searches use the new profile at once.
func profileRebuilt(_ state: inout AppState, generation: Int, result: Result<UserProfile, SearchFailure>) -> [Effect] {
  guard state.personalization?.rebuildGeneration == generation else { return [] }
  state.personalization?.isRebuilding = false
  switch result {
  case .success(let profile):
    state.personalization?.profile = profile
    let notice = state.notice
    let effects = rerank(&state)
    state.notice = notice
    return effects
  case .failure(let failure):
    state.errorMessage = "recomputing the profile: \(failure.message)"
    return []
  }
}

/// `c` in the personalization panel: the marked signal over a cohort of the most active users and the held-out
/// judged queries (nDCG@10 with and without it, top-10 churn).
private func evaluateCohort(_ state: inout AppState) -> [Effect] {
  let signals = PersonalizationSignal.allCases
  guard signals.indices.contains(state.personalizationCursor - 1) else {
    state.notice = "mark a signal (↑↓) first: the cohort view turns it off for several users"
    return []
  }
  guard let directory = state.userDirectory else {
    state.notice = noUsersNotice
    return []
  }
  let signal = signals[state.personalizationCursor - 1]
  let users = directory.profiles.sorted { ($0.activity.total, $1.userId) > ($1.activity.total, $0.userId) }
    .prefix(CohortJob.userCount)
  let judged = Set(state.judgmentSet.judgments.judgedQueryIds)
  let split = CohortJob.querySplit.apply(queries: state.judgmentSet.queries.filter { judged.contains($0.id) },
                                         judgments: state.judgmentSet.judgments)
  guard !split.queries.isEmpty else {
    state.notice = "no judged query to evaluate the cohort on (give --queries and --qrels, or rate results)"
    return []
  }
  var request = state.currentRequest.rankerOnly
  request.limit = 100
  state.personalizationGeneration += 1
  let enabled = state.personalization?.enabledSignals ?? Set(signals)
  state.cohort = CohortState(generation: state.personalizationGeneration, signal: signal, userCount: users.count,
                             queryCount: split.queries.count, result: nil)
  let job = CohortJob(users: Array(users), queries: split.queries, judgments: split.judgments, request: request,
                      enabledSignals: enabled, signal: signal)
  return [.evaluateCohort(job, generation: state.personalizationGeneration)]
}

/// The cohort evaluation arrived.
func cohortCompleted(_ state: inout AppState, generation: Int, result: Result<CohortResult, SearchFailure>) {
  guard state.cohort?.generation == generation else { return }
  state.cohort?.result = result
}

/// The unpersonalized ranks arrived for the lift column.
func liftSearchCompleted(_ state: inout AppState, generation: Int, result: Result<SearchOutcome, SearchFailure>) {
  guard generation == state.generation, case .success(let outcome) = result else { return }
  state.liftBaseline = (generation, Dictionary(outcome.response.hits.map { ($0.id, $0.rank) }, uniquingKeysWith: min))
}

/// Clamps the picker's and the panel's cursors.
func normalizePersonalization(_ state: inout AppState) {
  if let picker = state.userPicker {
    let cursor = min(max(0, picker.cursor), state.userPickerMatches.count)
    state.userPicker?.cursor = cursor
  }
  let rows = state.personalization.map { PersonalizationPanel.rowCount($0.baseProfile) } ?? 1
  state.personalizationCursor = min(max(0, state.personalizationCursor), rows - 1)
}

extension AppState {
  /// The users the picker lists for what is typed (every user when nothing is).
  public var userPickerMatches: [UserProfile] {
    guard let directory = userDirectory, let picker = userPicker else { return [] }
    let text = picker.query.text.trimmingCharacters(in: .whitespaces)
    return text.isEmpty ? directory.profiles : directory.search(text)
  }

  /// How personalization moved `hit`: its rank without personalization minus its rank with (`+3`: up three
  /// places), nil when no lift is shown (no user, anonymous, or the baseline of these results has not arrived).
  public func lift(of hit: SearchHit) -> RankMovement? {
    guard personalization?.context != nil, let baseline = liftBaseline, baseline.generation == completedGeneration
    else { return nil }
    guard let before = baseline.ranks[hit.id] else { return .new }
    if before == hit.rank { return .same }
    return before > hit.rank ? .up(before - hit.rank) : .down(hit.rank - before)
  }
}

/// Alt-h (`mode` `.homefeed`; again: back to search) and Alt-r or `r` (nil: related to the selected hit): shows
/// a recommendation surface in the results' place, ranked by the active profile's stages (or the recommender's
/// own), explained like a search. Typing goes back to searching.
func showRecommendations(_ mode: ExplorerMode?, in state: inout AppState) -> [Effect] {
  let target: ExplorerMode
  if mode == .homefeed {
    if state.mode == .homefeed {
      state.mode = .search
      let effects = queryChanged(&state, textChanged: false)
      state.notice = "back to search"
      return effects
    }
    guard let personalization = state.personalization else {
      state.notice = state.userDirectory == nil ? noUsersNotice : "pick a user first (F11): a homefeed is theirs"
      return []
    }
    target = .homefeed
    state.notice = "homefeed for \(personalization.profile.userId) \(personalization.profile.name)"
  } else {
    guard let hit = state.selectedHit else {
      state.notice = "select a result first: r shows the pins related to it"
      return []
    }
    target = .related(hit.id)
    state.notice = "related to \(hit.id)"
  }
  state.mode = target
  if state.compare != nil {
    state.compare = nil
    state.setEvaluation = nil
  }
  state.isHolesVisible = false
  state.rankBaseline = nil
  let notice = state.notice
  let effects = queryChanged(&state, textChanged: false)
  state.notice = notice.map { $0 + " · typing searches again" }
  return effects
}

extension AppState {
  /// The recommendation the results show, or nil while searching.
  public var currentRecommendation: RecommendationQuery? {
    guard mode != .search else { return nil }
    return RecommendationQuery(mode: mode, user: personalization?.context, limit: resultLimit, explained: .first(1),
                               profile: activeProfile)
  }

  /// The results panel's title: `Results`, `Homefeed · u0001 Ingrid Ross`, `Related to p000123`.
  public var resultsTitle: String {
    switch mode {
    case .search: return "Results"
    case .homefeed:
      return "Homefeed" + (personalization.map { " · \($0.profile.userId) \($0.profile.name)" } ?? "")
    case .related(let id): return "Related to \(id)"
    }
  }
}
