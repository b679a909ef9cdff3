import RankscopeEngine

/// The selected hit's explanation as a foldable tree: indentation, `▸`/`▾` markers, labels cut with an
/// ellipsis, values to 4 decimals, and a bar for each node's share of its parent.
public struct ExplanationView {
  /// The state shown.
  public var state: AppState

  /// Creates the view.
  public init(state: AppState) { self.state = state }

  /// Eighth blocks for bars, from one eighth to a full cell.
  static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

  /// A bar of `fraction` (0–1) of `width` cells, in eighths of a cell, padded with spaces.
  public static func bar(fraction: Double, width: Int) -> String {
    guard width > 0 else { return "" }
    let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
    let total = Int((clamped * Double(width * 8)).rounded())
    var text = String(repeating: "█", count: total / 8)
    if total % 8 > 0 { text.append(eighths[total % 8 - 1]) }
    return text.padded(toWidth: width)
  }

  /// The suffix naming how a node's children combine, e.g. ` (sum)`, ` (×0.5 sum)`; empty for a leaf.
  public static func combinationSuffix(_ node: Explanation) -> String {
    guard !node.children.isEmpty else { return "" }
    switch node.combination {
    case .leaf: return ""
    case .weighted(let weight): return " (×\(Formatting.fixed(weight)) sum)"
    default: return " (\(node.combination.name))"
    }
  }

  /// The header title for the selected hit.
  public static func headerTitle(_ state: AppState) -> String {
    guard let hit = state.selectedHit else { return "Explanation" }
    let title = ResultsView.title(of: hit, document: state.selectedDocument, field: state.titleField)
    return "Explanation · #\(hit.rank) \(title)"
  }

  /// Draws the tree (not the header) into `rect`.
  public func draw(into buffer: inout CellBuffer, rect: Rect) {
    guard !rect.isEmpty else { return }
    buffer.fill(rect, role: .normal)
    guard let hit = state.selectedHit else {
      let message = state.query.text.allSatisfy(\.isWhitespace)
        ? "The score breakdown of the selected result appears here."
        : "No result selected."
      buffer.put(("  " + message).truncated(toWidth: rect.width), x: rect.x, y: rect.y, role: .hint, clip: rect.row(0))
      return
    }
    guard hit.explanation != nil else {
      buffer.put("  Explaining this hit…".truncated(toWidth: rect.width), x: rect.x, y: rect.y, role: .hint,
                 clip: rect.row(0))
      return
    }
    let rows = state.explanationRows
    Self.drawTree(rows, cursor: state.explanation.cursor, scroll: state.explanation.scroll,
                  isFocused: state.focus == .explanation, into: &buffer, rect: rect)
  }

  /// Draws explanation rows into `rect`: the cursor row highlighted when `isFocused`, scrolled to keep it shown.
  public static func drawTree(_ rows: [ExplanationRow], cursor: Int, scroll: Int, isFocused: Bool,
                              into buffer: inout CellBuffer, rect: Rect) {
    guard !rect.isEmpty else { return }
    let values = rows.map { Formatting.fixed($0.node.value) }
    let valueWidth = max(6, values.map(\.displayWidth).max() ?? 6)
    var barWidth = rect.width >= 60 ? min(20, rect.width / 5) : (rect.width >= 40 ? 8 : 0)
    let maxIndent = rows.map { $0.depth * 2 }.max() ?? 0
    if rect.width - maxIndent - 2 - valueWidth - barWidth - 4 < 8 { barWidth = 0 }
    let rightWidth = valueWidth + (barWidth > 0 ? barWidth + 1 : 0) + 1
    let cursor = min(max(0, cursor), max(0, rows.count - 1))
    let scroll = scrollOffset(scroll, cursor: cursor, count: rows.count, visible: rect.height)

    for line in 0..<rect.height {
      let index = scroll + line
      guard index < rows.count else { break }
      let entry = rows[index]
      let y = rect.y + line
      let row = rect.row(line)
      let isCursor = index == cursor && isFocused
      func role(_ normal: StyleRole) -> StyleRole { isCursor ? .selection : normal }
      if isCursor {
        buffer.fill(row, role: .selection)
        buffer.put(">", x: rect.x, y: y, role: .selection, clip: row)
      }
      let indent = min(entry.depth * 2, max(0, rect.width - rightWidth - 4))
      var x = rect.x + 1 + indent
      let marker = entry.hasChildren ? (entry.isExpanded ? "▾" : "▸") : " "
      x = buffer.put(marker + " ", x: x, y: y, role: role(.explanationMarker), clip: row)
      let labelWidth = rect.maxX - rightWidth - 1 - x
      if labelWidth > 0 {
        let label = entry.node.label + combinationSuffix(entry.node)
        buffer.put(label.truncated(toWidth: labelWidth), x: x, y: y, role: role(.explanationLabel), clip: row)
      }
      let valueX = rect.maxX - rightWidth
      buffer.put(values[index].padded(toWidth: valueWidth, alignRight: true), x: valueX, y: y,
                 role: role(.explanationValue), clip: row)
      if barWidth > 0, let share = entry.share {
        let barRole: StyleRole = entry.node.value < 0 ? .barNegative : .barPositive
        buffer.put(bar(fraction: share, width: barWidth), x: valueX + valueWidth + 1, y: y,
                   role: isCursor ? .selection : barRole, clip: row)
      }
    }
  }
}
