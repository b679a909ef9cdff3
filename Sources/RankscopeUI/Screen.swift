/// Draws the whole explorer for `state` into a new buffer of `width` × `height` cells.
///
/// Pure and total: any size works, including 0×0; below 20×5 the screen says the terminal is too small.
public func renderScreen(_ state: AppState, width: Int, height: Int) -> CellBuffer {
  var buffer = CellBuffer(width: width, height: height)
  let layout = ScreenLayout.compute(width: width, height: height)
  if layout.mode == .tooSmall {
    drawTooSmall(into: &buffer)
    return buffer
  }
  let tuning = state.isTuningVisible ? TuningPanel.areas(layout) : nil
  let report = tuning == nil && state.isReportVisible ? ReportPanel.areas(layout) : nil
  QueryBarView(query: state.query, isFocused: state.focus == .query && !state.isHelpVisible && !state.isProfilesVisible
                 && !state.isTuningVisible && state.whyNotPrompt == nil)
    .draw(into: &buffer, rect: layout.queryBar)
  if let infoLine = layout.infoLine {
    QueryInfoView(parsedQuery: state.outcome?.response.parsedQuery, schema: state.schema)
      .draw(into: &buffer, rect: infoLine)
  }
  if let header = layout.resultsHeader {
    var trailing = state.outcome.map {
      "\($0.response.hits.count) of \(Formatting.grouped($0.response.totalMatches))"
    } ?? ""
    if let dropped = state.droppedHits, !dropped.isEmpty { trailing = "\(dropped.count) dropped · " + trailing }
    PanelHeader(title: "Results", trailing: trailing, isFocused: state.focus == .results)
      .draw(into: &buffer, rect: header)
  }
  ResultsView(state: state).draw(into: &buffer, rect: tuning?.results ?? report?.results ?? layout.results)
  if let tuning {
    TuningPanel.draw(state, areas: tuning, into: &buffer)
  } else if let report {
    ReportPanel.draw(state, areas: report, into: &buffer)
  } else if let header = layout.explanationHeader {
    let trailing = state.selectedHit.map { "score \(Formatting.fixed($0.score))" } ?? ""
    PanelHeader(title: ExplanationView.headerTitle(state), trailing: trailing,
                isFocused: state.focus == .explanation).draw(into: &buffer, rect: header)
  }
  if tuning == nil, report == nil, let explanation = layout.explanation {
    ExplanationView(state: state).draw(into: &buffer, rect: explanation)
  }
  if let divider = layout.divider {
    for y in divider.y..<divider.maxY {
      buffer.put(y == divider.y ? "┬" : "│", x: divider.x, y: y, role: .border)
    }
  }
  if let status = layout.status {
    StatusLineView(state: state).draw(into: &buffer, rect: status)
  }
  if state.isHelpVisible {
    HelpOverlay.draw(into: &buffer, scroll: state.helpScroll)
  } else if state.isProfilesVisible {
    ProfilesOverlay.draw(state, into: &buffer)
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
