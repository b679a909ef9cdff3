import RankscopeEngine

/// The compare view's explanation panel for the selected document: first what moved it (the explanation nodes
/// whose values differ most between A and B, `ExplanationDifference`), then A's and B's explanations side by
/// side, folded alike (the explanation keys move through A's tree, or B's when A's list does not hold the
/// document).
public struct CompareExplanationView {
  /// The state shown.
  public var state: AppState

  /// Creates the view.
  public init(state: AppState) { self.state = state }

  /// The header: the document, and its rank and score on each side.
  public static func headerTitle(_ state: AppState) -> String {
    guard let id = state.compareSelectedId else { return "Explanations" }
    let pair = state.compareHitPair(id)
    func side(_ letter: String, _ hit: SearchHit?) -> String {
      hit.map { "\(letter) #\($0.rank) \(Formatting.fixed($0.score))" } ?? "\(letter) –"
    }
    return "Why it moved · \(id) · \(side("A", pair.a)) · \(side("B", pair.b))"
  }

  /// The "moved by" lines for a document explained on both sides (`B − A` first, then the label and both values).
  public static func movedLines(a: Explanation?, b: Explanation?, limit: Int) -> [(text: String, role: StyleRole)] {
    let rows = ExplanationDifference.rows(a: a, b: b, limit: limit)
    return rows.map { row in
      let values = "A \(row.a.map { Formatting.fixed($0) } ?? "–") → B \(row.b.map { Formatting.fixed($0) } ?? "–")"
      let role: StyleRole = row.change > 0 ? .rankUp : .rankDown
      return ("\(Formatting.signed(row.change).padded(toWidth: 9, alignRight: true))  \(row.label)  (\(values))", role)
    }
  }

  /// Draws the panel body into `rect`.
  public func draw(into buffer: inout CellBuffer, rect: Rect) {
    guard !rect.isEmpty else { return }
    buffer.fill(rect, role: .normal)
    guard let id = state.compareSelectedId else {
      let message = state.query.text.allSatisfy(\.isWhitespace)
        ? "Select a result: both explanations and what moved it appear here." : "No result selected."
      buffer.put(("  " + message).truncated(toWidth: rect.width), x: rect.x, y: rect.y, role: .hint, clip: rect.row(0))
      return
    }
    let pair = state.compareHitPair(id)
    let treeA = pair.a?.explanation
    let treeB = pair.b?.explanation
    var y = rect.y
    // What moved it: only when both explanations are here (or one side does not hold the document).
    let bothReady = (pair.a == nil || treeA != nil) && (pair.b == nil || treeB != nil)
    let movedRoom = max(0, min(5, rect.height / 3))
    if movedRoom >= 2 {
      let title: String
      var lines: [(text: String, role: StyleRole)] = []
      if !bothReady {
        title = "  Explaining…"
      } else if pair.a == nil || pair.b == nil {
        title = pair.a == nil ? "  Entered: A's list does not hold it (B's explanation below)"
          : "  Dropped: B's list does not hold it (A's explanation below)"
      } else {
        lines = Self.movedLines(a: treeA, b: treeB, limit: movedRoom - 1)
        title = lines.isEmpty ? "  Scored alike by A and B" : "  Moved by (B − A):"
      }
      buffer.put(title.truncated(toWidth: rect.width), x: rect.x, y: y, role: .hint, clip: rect.row(0))
      y += 1
      for line in lines {
        buffer.put(("  " + line.text).truncated(toWidth: rect.width), x: rect.x, y: y, role: line.role,
                   clip: Rect(x: rect.x, y: y, width: rect.width, height: 1))
        y += 1
      }
    }
    let trees = Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y)
    guard !trees.isEmpty else { return }
    let (left, divider, right) = CompareResultsView.columns(trees)
    for row in trees.y..<trees.maxY { buffer.put("│", x: divider, y: row, role: .border) }
    let primaryIsA = pair.a != nil
    drawTree(treeA, present: pair.a != nil, letter: "A", isPrimary: primaryIsA, into: &buffer, rect: left)
    drawTree(treeB, present: pair.b != nil, letter: "B", isPrimary: !primaryIsA, into: &buffer, rect: right)
  }

  private func drawTree(_ tree: Explanation?, present: Bool, letter: String, isPrimary: Bool,
                        into buffer: inout CellBuffer, rect: Rect) {
    guard let tree else {
      let message = present ? "Explaining in \(letter)…" : "Not in \(letter)'s results"
      buffer.put(("  " + message).truncated(toWidth: rect.width), x: rect.x, y: rect.y, role: .hint, clip: rect.row(0))
      return
    }
    let rows = ExplanationTree.rows(tree, expanded: state.explanation.expanded)
    ExplanationView.drawTree(rows, cursor: isPrimary ? state.explanation.cursor : -1,
                             scroll: state.explanation.scroll, isFocused: isPrimary && state.focus == .explanation,
                             into: &buffer, rect: rect)
  }
}
