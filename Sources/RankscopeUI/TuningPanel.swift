import RankscopeEngine

/// The tuning panel (F5): the active rank profile's tunable parameters (L1 weights and bias, the blend's keep,
/// MMR λ, board limit, near-duplicate threshold and type quotas) with their values, the selected one
/// highlighted and each edited one followed by the profile file's value. It takes the explanation panel's
/// place, or the lower half of the results in a compact layout, so the re-ranked results stay in view.
public enum TuningPanel {
  /// Where the panel and the (possibly shortened) results go.
  struct Areas: Equatable {
    /// The result rows left above the panel.
    var results: Rect
    /// The panel's title rule.
    var header: Rect
    /// The panel's rows.
    var body: Rect
  }

  /// The panel's place in `layout`, or nil when the screen is too small for one.
  static func areas(_ layout: ScreenLayout) -> Areas? {
    if let header = layout.explanationHeader, let body = layout.explanation {
      return Areas(results: layout.results, header: header, body: body)
    }
    let results = layout.results
    guard layout.mode == .compact, results.height >= 2 else { return nil }
    let panelHeight = max(2, (results.height + 1) / 2)
    let top = Rect(x: results.x, y: results.y, width: results.width, height: results.height - panelHeight)
    return Areas(results: top, header: Rect(x: results.x, y: top.maxY, width: results.width, height: 1),
                 body: Rect(x: results.x, y: top.maxY + 1, width: results.width, height: panelHeight - 1))
  }

  /// The hint under the parameters, wrapped to `width`.
  static let hint = "←→ or -+ change, <> fine step, 0 resets one, r resets all, Esc closes. "
    + "Edits stay in memory: nothing is saved to disk (saving comes later)."

  /// One line of the panel: pieces drawn left to right, and the parameter it shows (nil for hints).
  struct Line {
    var pieces: [(text: String, role: StyleRole)]
    var parameter: Int?
  }

  /// The panel's lines for a body `width` cells wide.
  static func lines(_ state: AppState, width: Int) -> [Line] {
    guard let profile = state.activeProfile else {
      return [Line(pieces: [("No rank profile is active: F3 cycles them, F4 lists them.", .hint)], parameter: nil)]
    }
    let original = state.originalProfile ?? profile
    let parameters = TuningParameter.all(in: profile)
    var lines: [Line] = []
    if parameters.isEmpty {
      lines.append(Line(pieces: [("Profile \(profile.name) has no L1 weights or blend to tune.", .hint)], parameter: nil))
    }
    let labelWidth = min(parameters.map(\.label.displayWidth).max() ?? 0, max(4, width / 2))
    for (index, parameter) in parameters.enumerated() {
      let value = parameter.value(in: profile)
      let fileValue = parameter.value(in: original)
      var pieces: [(String, StyleRole)] = [
        (index == state.tuningCursor ? "> " : "  ", .resultRank),
        (parameter.label.truncated(toWidth: labelWidth).padded(toWidth: labelWidth), .explanationLabel),
        ("  " + parameter.format(value), .explanationValue),
      ]
      if value != fileValue { pieces.append(("  (file \(parameter.format(fileValue)))", .hint)) }
      lines.append(Line(pieces: pieces, parameter: index))
    }
    lines.append(Line(pieces: [], parameter: nil))
    for piece in ProfilesOverlay.wrap(hint, width: max(1, width - 2)) {
      lines.append(Line(pieces: [("  " + piece, .hint)], parameter: nil))
    }
    return lines
  }

  /// Draws the panel for `state`, given the screen's `layout`.
  static func draw(_ state: AppState, areas: Areas, into buffer: inout CellBuffer) {
    buffer.fill(areas.header, role: .normal)
    buffer.fill(areas.body, role: .normal)
    let name = state.activeProfile.map { "\($0.name)\(state.isProfileModified ? "*" : "")" } ?? "no profile"
    PanelHeader(title: "Tune \(name)", trailing: "in memory, not saved", isFocused: true)
      .draw(into: &buffer, rect: areas.header)
    let all = lines(state, width: areas.body.width)
    PanelText.draw(all.map(\.pieces), marked: all.firstIndex { $0.parameter == state.tuningCursor }, into: &buffer,
                   body: areas.body)
  }
}
