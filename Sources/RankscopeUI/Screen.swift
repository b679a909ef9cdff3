/// Draws the whole explorer for `state` into a new buffer of `width` × `height` cells.
///
/// Pure and total: any size works, including 0×0; below 20×5 the screen says the terminal is too small.
public func renderScreen(_ state: AppState, width: Int, height: Int) -> CellBuffer {
  var buffer = CellBuffer(width: width, height: height)
  let layout = ScreenLayout.compute(width: width, height: height, stacked: state.compare != nil, queryRows: state.queryRows)
  if layout.mode == .tooSmall {
    drawTooSmall(into: &buffer)
    return buffer
  }
  let tuning = state.isTuningVisible || state.isPersonalizationVisible ? TuningPanel.areas(layout) : nil
  let report = tuning == nil && state.isReportVisible ? ReportPanel.areas(layout) : nil
  QueryBarView(query: state.query, isFocused: state.focus == .query && !state.isHelpVisible && !state.isProfilesVisible
                 && !state.isTuningVisible && state.whyNotPrompt == nil)
    .draw(into: &buffer, rect: layout.queryBar)
  if let infoLine = layout.infoLine {
    if state.compare != nil {
      drawCompareFigures(state, into: &buffer, rect: infoLine)
    } else {
      var info = QueryInfoView(parsedQuery: state.outcome?.response.parsedQuery, schema: state.schema)
      info.interpretation = state.interpretation
      info.isUnderstandingOn = state.understanding.isEnabled || !state.understanding.isAvailable
      info.isUnderstandingLoading = state.understanding.isAvailable && !state.understanding.isReady
      info.draw(into: &buffer, rect: infoLine)
    }
  }
  if let chips = layout.queryRows[.refinements] {
    RefinementChipsView(state: state).draw(into: &buffer, rect: chips)
  }
  if let header = layout.resultsHeader, state.isHolesVisible {
    let (title, trailing) = HolesView.header(state)
    PanelHeader(title: title, trailing: trailing, isFocused: state.focus == .results).draw(into: &buffer, rect: header)
  } else if let header = layout.resultsHeader, state.compare != nil {
    CompareResultsView(state: state).drawHeaders(into: &buffer, rect: header)
  } else if let header = layout.resultsHeader {
    var trailing = state.outcome.map {
      "\($0.response.hits.count) of \(Formatting.grouped($0.response.totalMatches))"
    } ?? ""
    if let dropped = state.droppedHits, !dropped.isEmpty { trailing = "\(dropped.count) dropped · " + trailing }
    if let ndcg = state.currentNDCG { trailing = "nDCG@10 \(Formatting.fixed(ndcg, digits: 3)) · " + trailing }
    PanelHeader(title: state.resultsTitle, trailing: trailing, isFocused: state.focus == .results)
      .draw(into: &buffer, rect: header)
  }
  let resultsRect = tuning?.results ?? report?.results ?? layout.results
  if state.isHolesVisible {
    HolesView(state: state).draw(into: &buffer, rect: resultsRect)
  } else if state.compare != nil {
    CompareResultsView(state: state).draw(into: &buffer, rect: resultsRect)
  } else {
    ResultsView(state: state).draw(into: &buffer, rect: resultsRect)
  }
  if let tuning, state.isPersonalizationVisible {
    PersonalizationPanel.draw(state, areas: tuning, into: &buffer)
  } else if let tuning {
    TuningPanel.draw(state, areas: tuning, into: &buffer)
  } else if let report {
    ReportPanel.draw(state, areas: report, into: &buffer)
  } else if let header = layout.explanationHeader, state.compare != nil {
    PanelHeader(title: CompareExplanationView.headerTitle(state), trailing: "",
                isFocused: state.focus == .explanation).draw(into: &buffer, rect: header)
  } else if let header = layout.explanationHeader {
    let trailing = state.selectedHit.map { "score \(Formatting.fixed($0.score))" } ?? ""
    PanelHeader(title: ExplanationView.headerTitle(state), trailing: trailing,
                isFocused: state.focus == .explanation).draw(into: &buffer, rect: header)
  }
  if tuning == nil, report == nil, let explanation = layout.explanation {
    if state.compare != nil {
      CompareExplanationView(state: state).draw(into: &buffer, rect: explanation)
    } else {
      ExplanationView(state: state).draw(into: &buffer, rect: explanation)
    }
  }
  if let divider = layout.divider {
    for y in divider.y..<divider.maxY {
      buffer.put(y == divider.y ? "┬" : "│", x: divider.x, y: y, role: .border)
    }
  }
  if let status = layout.status {
    StatusLineView(state: state).draw(into: &buffer, rect: status)
  }
  AutocompleteDropdown.draw(state, into: &buffer)
  if state.isHelpVisible {
    HelpOverlay.draw(into: &buffer, scroll: state.helpScroll)
  } else if state.userPicker != nil {
    UserPickerOverlay.draw(state, into: &buffer)
  } else if state.setEvaluation?.isVisible == true {
    SetEvaluationPanel.draw(state, into: &buffer)
  } else if state.isProfilesVisible {
    ProfilesOverlay.draw(state, into: &buffer)
  } else if state.refinements.isInspectorVisible {
    RefinementInspector.draw(state, into: &buffer)
  } else if state.understanding.isPanelVisible {
    RewritesPanel.draw(state, into: &buffer)
  }
  return buffer
}

/// The message shown when the terminal is below the minimum size, centred and clipped.
private func drawTooSmall(into buffer: inout CellBuffer) {
  guard buffer.width > 0, buffer.height > 0 else { return }
  let candidates = ["terminal too small", "too small", "small", "!"]
  let message = candidates.first { $0.displayWidth <= buffer.width } ?? ""
  let y = (buffer.height - 1) / 2
  buffer.put(message, x: (buffer.width - message.displayWidth) / 2, y: y, role: .hint)
  let needed = "need \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight)"
  if buffer.height >= 2, needed.displayWidth <= buffer.width {
    buffer.put(needed, x: (buffer.width - needed.displayWidth) / 2, y: y + 1, role: .hint)
  }
}

/// The compare view's line under the query bar: the overlap of the two top tens and, for a judged query, each
/// side's nDCG@10 and judged share.
private func drawCompareFigures(_ state: AppState, into buffer: inout CellBuffer, rect: Rect) {
  guard !rect.isEmpty else { return }
  let text: String
  if let figures = state.compareFigures {
    var parts = ["Jaccard@10 \(Formatting.fixed(figures.jaccardAt10, digits: 2))",
                 "RBO(p=0.9) \(Formatting.fixed(figures.rankBiasedOverlap, digits: 3))"]
    if let a = figures.ndcgA, let b = figures.ndcgB {
      parts.append("nDCG@10 A \(Formatting.fixed(a, digits: 3)) B \(Formatting.fixed(b, digits: 3)) Δ \(Formatting.signed(b - a, digits: 3))")
    } else {
      parts.append("no judgments for this query (rate with 0–3)")
    }
    parts.append("judged@10 A \(figures.judgedA)/\(figures.topA) B \(figures.judgedB)/\(figures.topB)")
    text = parts.joined(separator: " · ")
  } else {
    text = state.query.text.allSatisfy(\.isWhitespace) ? "A and B run the same query side by side"
      : "comparing…"
  }
  buffer.put(("  " + text).truncated(toWidth: rect.width), x: rect.x, y: rect.y, role: .queryInfo, clip: rect.row(0))
}
