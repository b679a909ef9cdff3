import RankscopeEngine

/// The query-understanding panel (Alt-w): understanding on or off, then every rewrite of the query shown with
/// its kind, what it reads and searches, its weight and where it came from, each switchable with Space; then the
/// "did you mean" and the text searched. Drawn in a framed box over the screen, like the rank-profiles overlay.
public enum RewritesPanel {
  /// Widest box drawn, in cells.
  static let maximumWidth = 110

  /// The panel's lines: (text, row it switches: 0 for understanding as a whole, i + 1 for rewrite i, nil for none).
  static func lines(_ state: AppState) -> [(text: String, row: Int?)] {
    var lines: [(String, Int?)] = []
    let understanding = state.understanding
    lines.append(("[\(understanding.isEnabled ? "x" : " ")] query understanding (Alt-q)", 0))
    guard let interpretation = state.interpretation else {
      lines.append((understanding.isEnabled ? "    nothing understood for this query (no rewrite, or no understander loaded yet)"
                      : "    off: the query runs as typed", nil))
      return lines
    }
    if interpretation.rewrites.isEmpty { lines.append(("    no rewrite for this query", nil)) }
    for (index, rewrite) in interpretation.rewrites.enumerated() {
      let mark = rewrite.isApplied ? "x" : " "
      let kind = rewrite.kind.rawValue.padded(toWidth: 9)
      let arrow: String
      switch rewrite.kind {
      case .phrase: arrow = "\"\(rewrite.original)\""
      case .intent: arrow = rewrite.replacement
      case .spelling, .synonym: arrow = "\(rewrite.original) → \(rewrite.replacement)"
      }
      let weight = rewrite.kind == .spelling || rewrite.kind == .intent ? "" : "  weight \(Formatting.fixed(rewrite.weight, digits: 2))"
      lines.append(("  [\(mark)] \(kind) \(arrow)\(weight)", index + 1))
      lines.append(("        \(rewrite.source)", index + 1))
    }
    if let suggestion = interpretation.suggestion {
      let confidence = interpretation.spellingConfidence.map { " (confidence \(Formatting.fixed($0, digits: 2)))" } ?? ""
      lines.append(("did you mean: \(suggestion)\(confidence) · Alt-y takes it", nil))
    }
    if interpretation.searchedText != interpretation.typedText {
      lines.append(("searched: \(interpretation.searchedText)", nil))
    }
    return lines
  }

  /// Draws the panel for `state` over `buffer` (nothing when the screen has no room for a box).
  public static func draw(_ state: AppState, into buffer: inout CellBuffer) {
    guard buffer.width >= 12, buffer.height >= 4 else { return }
    let all = lines(state)
    let natural = all.map(\.text.displayWidth).max() ?? 0
    let width = min(buffer.width - 2, max(40, min(maximumWidth, natural + 4)))
    let height = min(buffer.height - 2, all.count + 2)
    let box = Rect(x: (buffer.width - width) / 2, y: (buffer.height - height) / 2, width: width, height: height)
    OverlayFrame.draw(into: &buffer, box: box, title: " Query understanding ", footer: " ↑↓ Space switch · Esc close ")
    let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
    guard !inner.isEmpty else { return }
    let cursor = min(state.understanding.cursor, all.compactMap(\.row).max() ?? 0)
    // Scroll so the marked row's first line is visible.
    let first = all.firstIndex { $0.row == cursor } ?? 0
    let offset = max(0, min(first - inner.height + 2, all.count - inner.height))
    for row in 0..<inner.height {
      let index = offset + row
      guard index < all.count else { break }
      let y = inner.y + row
      let marked = all[index].row == cursor
      OverlayFrame.drawRow([(all[index].text, .helpText)], y: y, inner: inner, marked: marked, into: &buffer)
    }
  }
}
