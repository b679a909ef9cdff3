import RankscopeEngine

/// Applies a query-understanding command: on/off (Alt-q), undo an auto-correction (Alt-z), take the "did you
/// mean" (Alt-y), and the rewrites panel (Alt-w; ↑↓ move, Space switches the marked rewrite, Esc closes).
func applyUnderstandingCommand(_ command: Command, to state: inout AppState) -> [Effect] {
  let rewrites = state.interpretation?.rewrites ?? []
  guard state.understanding.isAvailable else {
    state.notice = "query understanding is not available with this search service"
    return []
  }
  switch command {
  case .toggleUnderstanding:
    state.understanding.isEnabled.toggle()
    let effects = rerank(&state)
    state.notice = "query understanding " + (state.understanding.isEnabled ? "on" : "off: queries run as typed")
    return effects
  case .undoCorrection:
    let corrections = rewrites.filter { $0.kind == .spelling }
    guard state.understanding.isEnabled, !corrections.isEmpty else {
      state.notice = "no spelling correction to undo"
      return []
    }
    // Undo when any correction is applied; redo when all are off.
    let undo = corrections.contains(where: \.isApplied)
    for correction in corrections {
      if undo { state.understanding.disabled.insert(correction.id) } else { state.understanding.disabled.remove(correction.id) }
    }
    let effects = rerank(&state)
    state.notice = undo ? "searching as typed: \(corrections.map(\.original).joined(separator: " ")) (Alt-z: correct again)"
      : "corrected again: \(corrections.map(\.shortLabel).joined(separator: ", "))"
    return effects
  case .acceptSuggestion:
    guard let interpretation = state.interpretation, let suggestion = interpretation.suggestion else {
      state.notice = "no \"did you mean\" to take"
      return []
    }
    state.query = QueryEditor(acceptedQuery(state.query.text, typedFreeText: interpretation.typedText, suggestion: suggestion))
    return queryChanged(&state)
  case .toggleRewritesPanel:
    state.understanding.isPanelVisible.toggle()
    state.understanding.cursor = 0
  case .closeRewritesPanel:
    state.understanding.isPanelVisible = false
  case .rewritesPrevious:
    state.understanding.cursor = max(0, state.understanding.cursor - 1)
  case .rewritesNext:
    state.understanding.cursor = max(0, min(rewrites.count, state.understanding.cursor + 1))
  case .rewritesToggle:
    // Row 0 is understanding as a whole; row i + 1 is rewrite i.
    let cursor = min(state.understanding.cursor, rewrites.count)
    guard cursor > 0 else {
      state.understanding.isEnabled.toggle()
      return rerank(&state)
    }
    let id = rewrites[cursor - 1].id
    if state.understanding.disabled.contains(id) { state.understanding.disabled.remove(id) } else {
      state.understanding.disabled.insert(id)
    }
    return rerank(&state)
  default:
    break
  }
  return []
}

/// The query with its free text replaced by `suggestion`: each typed word the suggestion changed is replaced in
/// place, so filters and spacing stay; when the words cannot be matched one to one, the suggestion followed by
/// the query's other chunks.
func acceptedQuery(_ query: String, typedFreeText: String, suggestion: String) -> String {
  let typed = typedFreeText.split(separator: " ").map(String.init)
  let suggested = suggestion.split(separator: " ").map(String.init)
  var chunks = query.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
  guard typed.count == suggested.count else { return suggestion }
  var searchFrom = 0
  for (word, replacement) in zip(typed, suggested) {
    guard let position = chunks[searchFrom...].firstIndex(of: word) else { return suggestion }
    chunks[position] = replacement
    searchFrom = position + 1
  }
  return chunks.joined(separator: " ")
}
