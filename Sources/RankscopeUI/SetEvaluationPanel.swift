import RankscopeEngine

/// The whole-set panel (F9): A and B compared over every judged query, as `rankscope compare` prints it —
/// nDCG@10 of each, the difference with its 95% bootstrap interval and the paired randomization p-value,
/// wins/losses/ties, mean overlap — then one row per query, most regressed first; Enter searches the marked
/// query with both sides, F10 goes through the regressed ones from anywhere. Drawn in a framed box over the
/// screen.
public enum SetEvaluationPanel {
  /// Lines above the query rows.
  static let summaryLineCount = 5

  /// Where the box goes on a screen of `width` × `height`, or nil when there is no room for one.
  static func box(width: Int, height: Int) -> Rect? {
    guard width >= 24, height >= 8 else { return nil }
    let boxWidth = min(width - 2, 120)
    return Rect(x: (width - boxWidth) / 2, y: 1, width: boxWidth, height: height - 2)
  }

  /// How many query rows the panel shows at once.
  static func pageSize(_ state: AppState) -> Int {
    guard let box = box(width: state.width, height: state.height) else { return 1 }
    return max(1, box.height - 2 - summaryLineCount)
  }

  /// The summary lines of an evaluation.
  static func summaryLines(_ state: AppState, _ evaluation: SetEvaluation) -> [(text: String, role: StyleRole)] {
    let paired = evaluation.comparison.paired
    let interval = paired.confidenceInterval
    let bLabel = state.compare?.choice.label ?? "B"
    return [
      ("A \(state.currentChoice.label)\(state.isProfileModified ? "*" : "") · B \(bLabel) · \(paired.queries.count) judged queries",
       .helpText),
      ("nDCG@10  A \(Formatting.fixed(paired.meanA))  B \(Formatting.fixed(paired.meanB))  B − A \(Formatting.signed(paired.meanDifference))"
        + "  95% CI [\(Formatting.signed(interval.lowerBound)), \(Formatting.signed(interval.upperBound))]  \(paired.pValueLabel)",
       paired.meanDifference >= 0 ? .rankUp : .rankDown),
      ("wins \(paired.wins) · losses \(paired.losses) · ties \(paired.ties) · Jaccard@10 "
        + "\(Formatting.fixed(evaluation.comparison.meanJaccardAt10, digits: 3)) · RBO \(Formatting.fixed(evaluation.comparison.meanRankBiasedOverlap, digits: 3))",
       .helpText),
      ("", .normal),
      ("  B − A      A       B   query", .hint),
    ]
  }

  /// Draws the panel for `state` over `buffer`.
  public static func draw(_ state: AppState, into buffer: inout CellBuffer) {
    guard let panel = state.setEvaluation, let box = box(width: buffer.width, height: buffer.height) else { return }
    OverlayFrame.draw(into: &buffer, box: box,
                      title: " A vs B over the judged queries\(panel.isRefreshing ? " (re-scoring…)" : "") ",
                      footer: " ↑↓ Enter search it · F10 next regressed · Esc close ")
    let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
    guard !inner.isEmpty else { return }
    func put(_ text: String, row: Int, role: StyleRole) {
      guard row < inner.height else { return }
      buffer.put(text.truncated(toWidth: inner.width), x: inner.x, y: inner.y + row, role: role, clip: inner.row(row))
    }
    switch panel.result {
    case nil:
      put("Searching every judged query with A and with B…", row: 0, role: .hint)
    case .failure(let failure)?:
      put("The evaluation failed: \(failure.message)", row: 0, role: .statusError)
    case .success(let evaluation)?:
      for (row, line) in summaryLines(state, evaluation).enumerated() { put(line.text, row: row, role: line.role) }
      let rows = evaluation.comparison.paired.queriesByDifference
      let visible = pageSize(state)
      for line in 0..<visible {
        let index = panel.scroll + line
        guard index < rows.count else { break }
        let query = rows[index]
        let row = summaryLineCount + line
        let y = inner.y + row
        guard row < inner.height else { break }
        let marked = index == panel.cursor
        let role: StyleRole = marked ? .selection
          : (query.difference < -PairedComparison.tieTolerance ? .rankDown
             : query.difference > PairedComparison.tieTolerance ? .rankUp : .helpText)
        if marked { buffer.fill(Rect(x: inner.x - 1, y: y, width: inner.width + 2, height: 1), role: .selection) }
        let text = Formatting.signed(query.difference).padded(toWidth: 8, alignRight: true) + "  "
          + Formatting.fixed(query.a) + "  " + Formatting.fixed(query.b) + "   "
          + "\(query.queryId)  \(evaluation.texts[query.queryId] ?? "")"
        put(text, row: row, role: role)
      }
    }
  }
}
