import RankscopeEngine

/// The "why not X" and "why A above B" panels, drawn in the explanation panel's place (in a compact layout,
/// the lower half of the results, like the tuning panel): the why-not prompt (F6), the why-not report (the
/// verdict, then one line per stage: `✓`/`✗`, the stage, what happened), or the comparison of the marked hit
/// A with the selected hit B (ranks and scores, then one row per feature, largest difference first:
/// A's value, B's value, `Δ`, and `× w = contribution` for features the profile's L1 weights).
public enum ReportPanel {
  /// Where the panel and the (possibly shortened) results go; nil when the screen has no room for it.
  static func areas(_ layout: ScreenLayout) -> TuningPanel.Areas? { TuningPanel.areas(layout) }

  /// One line of the panel: pieces drawn left to right.
  struct Line {
    var pieces: [(text: String, role: StyleRole)]
  }

  /// The panel's title and the text at the right of its header.
  static func header(_ state: AppState) -> (title: String, trailing: String) {
    if state.whyNotPrompt != nil { return ("Why not X", "Enter follows · Esc cancels") }
    if let comparison = state.comparison { return ("Why A above B · A \(comparison.firstId) · B \(comparison.secondId)", "Esc closes") }
    return ("Why not \(state.whyNotId ?? "")", "F6 another · Esc closes")
  }

  /// The panel's lines for a body `width` cells wide (the prompt's text line is drawn apart, with its cursor).
  static func lines(_ state: AppState, width: Int) -> [Line] {
    if state.whyNotPrompt != nil {
      return [Line(pieces: [])] + wrapped("Type a document id: the current search follows it through every stage "
        + "(filters, each generator, fusion, L1, blend, page) and says where it fell out.", width: width, role: .hint)
    }
    if let comparison = state.comparison { return comparisonLines(comparison, width: width) }
    guard let id = state.whyNotId else { return [] }
    if state.query.text.allSatisfy(\.isWhitespace) {
      return wrapped("Type a query: the report follows \(id) through its search.", width: width, role: .hint)
    }
    guard let report = state.whyNotReport else { return wrapped("Following \(id)…", width: width, role: .hint) }
    return whyNotLines(report, width: width)
  }

  /// Lines of `text` wrapped to `width` after a two-cell indent.
  private static func wrapped(_ text: String, width: Int, role: StyleRole) -> [Line] {
    ProfilesOverlay.wrap(text, width: max(1, width - 2)).map { Line(pieces: [("  " + $0, role)]) }
  }

  /// The verdict, then one line per step (a long detail continues on indented lines).
  static func whyNotLines(_ report: WhyNotReport, width: Int) -> [Line] {
    var lines = ProfilesOverlay.wrap(report.verdict, width: max(1, width - 2)).map { Line(pieces: [("  " + $0, .explanationLabel)]) }
    let stageWidth = min(report.steps.map(\.stage.displayWidth).max() ?? 0, max(4, width / 4))
    let indent = 2 + 2 + stageWidth + 2
    for step in report.steps {
      let mark = step.passed ? ("✓", StyleRole.rankUp) : ("✗", StyleRole.rankDown)
      let stage = step.stage.truncated(toWidth: stageWidth).padded(toWidth: stageWidth)
      let detailWidth = width - indent
      guard detailWidth >= 8 else {
        lines.append(Line(pieces: [("  ", .normal), (mark.0 + " ", mark.1), (stage + "  " + step.detail, .explanationValue)]))
        continue
      }
      for (index, piece) in ProfilesOverlay.wrap(step.detail, width: detailWidth).enumerated() {
        if index == 0 {
          lines.append(Line(pieces: [("  ", .normal), (mark.0 + " ", mark.1), (stage + "  ", .explanationMarker),
                                     (piece, .explanationValue)]))
        } else {
          lines.append(Line(pieces: [(String(repeating: " ", count: indent) + piece, .explanationValue)]))
        }
      }
    }
    return lines
  }

  /// "Comparing…", the failure, or the ranks and scores followed by the feature table.
  static func comparisonLines(_ comparison: ComparisonState, width: Int) -> [Line] {
    guard let result = comparison.result else { return wrapped("Comparing…", width: width, role: .hint) }
    let value: HitComparison
    switch result {
    case .failure(let failure): return wrapped("The comparison failed: \(failure.message)", width: width, role: .statusError)
    case .success(let comparison): value = comparison
    }
    func standing(_ label: String, _ id: String, _ rank: Int?, _ score: Double?) -> Line {
      let where_ = rank.map { "#\($0)" } ?? "not returned"
      let scoreText = score.map { "score \(Formatting.fixed($0))" } ?? ""
      return Line(pieces: [("  \(label) ", .resultRank), ("\(id)  \(where_)  \(scoreText)", .explanationLabel)])
    }
    var lines = [standing("A", value.firstId, value.firstRank, value.firstScore),
                 standing("B", value.secondId, value.secondRank, value.secondScore)]
    if let first = value.firstScore, let second = value.secondScore {
      lines.append(Line(pieces: [("  Δ score ", .resultRank), (Formatting.fixed(first - second), .explanationValue)]))
    }
    guard !value.rows.isEmpty else { return lines + wrapped("No features to compare.", width: width, role: .hint) }
    let numbers = value.rows.map { row in
      [Formatting.fixed(row.first), Formatting.fixed(row.second), signed(row.difference)]
    }
    let columnWidths = (0..<3).map { column in max(6, numbers.map { $0[column].displayWidth }.max() ?? 6) }
    let tableWidth = columnWidths.reduce(0) { $0 + $1 + 2 }
    let featureWidth = min(value.rows.map(\.feature.displayWidth).max() ?? 7, max(7, width - 2 - tableWidth - 1))
    let heading = "  " + "feature".padded(toWidth: featureWidth) + "  " + zip(["A", "B", "Δ"], columnWidths)
      .map { $0.padded(toWidth: $1, alignRight: true) }.joined(separator: "  ")
      + (value.rows.contains { $0.weight != nil } ? "  × w = contribution" : "")
    lines.append(Line(pieces: [(heading, .hint)]))
    for (row, texts) in zip(value.rows, numbers) {
      var pieces: [(String, StyleRole)] = [
        ("  " + row.feature.truncated(toWidth: featureWidth).padded(toWidth: featureWidth), .explanationLabel),
        ("  " + zip(texts, columnWidths).map { $0.padded(toWidth: $1, alignRight: true) }.joined(separator: "  "),
         .explanationValue),
      ]
      if let weight = row.weight, let contribution = row.contribution {
        pieces.append(("  × \(Formatting.fixed(weight)) = ", .hint))
        pieces.append((signed(contribution), contribution < 0 ? .rankDown : .rankUp))
      }
      lines.append(Line(pieces: pieces))
    }
    return lines
  }

  /// A number with its sign (`+0.2500`, `-1.0000`, `0.0000`).
  static func signed(_ value: Double) -> String {
    let text = Formatting.fixed(value)
    return value > 0 && text != Formatting.fixed(0) ? "+" + text : text
  }

  /// Draws the panel for `state` into `areas`.
  static func draw(_ state: AppState, areas: TuningPanel.Areas, into buffer: inout CellBuffer) {
    buffer.fill(areas.header, role: .normal)
    buffer.fill(areas.body, role: .normal)
    let (title, trailing) = header(state)
    PanelHeader(title: title, trailing: trailing, isFocused: true).draw(into: &buffer, rect: areas.header)
    let body = areas.body
    guard !body.isEmpty else { return }
    let all = lines(state, width: body.width)
    let offset = state.whyNotPrompt != nil ? 0 : min(max(0, state.reportScroll), max(0, all.count - body.height))
    for row in 0..<body.height {
      let index = offset + row
      guard index < all.count else { break }
      let y = body.y + row
      let clip = body.row(row)
      var x = body.x
      for piece in all[index].pieces {
        let room = body.maxX - x
        guard room > 0 else { break }
        let text = piece.text.truncated(toWidth: room)
        buffer.put(text, x: x, y: y, role: piece.role, clip: clip)
        x += text.displayWidth
      }
    }
    if let prompt = state.whyNotPrompt {
      // The id being typed, its end kept in view, with the cursor cell after it.
      let label = "  id: "
      var x = buffer.put(label.truncated(toWidth: body.width), x: body.x, y: body.y, role: .queryPrompt, clip: body.row(0))
      let room = body.maxX - x - 1
      guard room > 0 else { return }
      var text = prompt.text
      while text.displayWidth > room { text.removeFirst() }
      x = buffer.put(text, x: x, y: body.y, role: .queryText, clip: body.row(0))
      buffer.put(" ", x: x, y: body.y, role: .cursor, clip: body.row(0))
    }
  }
}
