/// Where each panel goes for a terminal size.
///
/// - Below 20×5: only a "terminal too small" message.
/// - Narrow or short (below 60 columns or 16 rows): query bar, results and status line.
/// - From 60×16 (so at 80×24): query bar, parsed-query line, results above the explanation, status line.
/// - From 140 columns: results and explanation side by side.
/// - Optional rows under the query bar (`QueryRow`: the refinement chips) go after the parsed-query line (right under
///   the bar in the compact layout), in the order asked for, while the panels below keep a minimum height.
public struct ScreenLayout: Sendable, Hashable {
  /// An optional row under the query bar. A new kind of row (query rewrites, say) is one more case.
  public enum QueryRow: Sendable, Hashable, CaseIterable {
    /// The refinement chips of the current query.
    case refinements
  }

  /// The arrangement chosen for the size.
  public enum Mode: Sendable, Hashable {
    case tooSmall, compact, stacked, sideBySide
  }

  /// Minimum size for anything but the "too small" message.
  public static let minimumWidth = 20
  public static let minimumHeight = 5
  /// Minimum size for showing the explanation panel.
  public static let explanationMinimumWidth = 60
  public static let explanationMinimumHeight = 16
  /// Width from which results and explanation sit side by side.
  public static let sideBySideWidth = 140

  /// The arrangement.
  public var mode: Mode
  /// The whole screen.
  public var screen: Rect
  /// The query bar (one row).
  public var queryBar: Rect
  /// The parsed-query line under the query bar, when there is room.
  public var infoLine: Rect?
  /// The optional rows asked for that fit, each one row high.
  public var queryRows: [QueryRow: Rect] = [:]
  /// The title rule above the results.
  public var resultsHeader: Rect?
  /// The result rows.
  public var results: Rect
  /// The title rule above the explanation.
  public var explanationHeader: Rect?
  /// The explanation rows, when shown.
  public var explanation: Rect?
  /// The vertical divider between side-by-side panels.
  public var divider: Rect?
  /// The status line.
  public var status: Rect?

  /// Minimum rows of results (compact layout), or of results and explanation together (stacked), that optional
  /// query rows leave.
  static let compactMinimumResults = 5
  static let stackedMinimumPanels = 8

  /// The layout for a terminal of `width` × `height` cells (any size, including 0×0); `stacked` keeps the
  /// results above the explanation at any width; `queryRows` are the optional rows wanted under the query bar.
  public static func compute(width: Int, height: Int, stacked: Bool = false, queryRows wanted: [QueryRow] = []) -> ScreenLayout {
    var layout = baseLayout(width: width, height: height, stacked: stacked)
    guard layout.mode != .tooSmall, !wanted.isEmpty else { return layout }
    // Rows that fit: each pushes the panels below down by one.
    let spare: Int
    switch layout.mode {
    case .tooSmall: spare = 0
    case .compact: spare = layout.results.height - compactMinimumResults
    case .stacked: spare = layout.results.height + (layout.explanation?.height ?? 0) - stackedMinimumPanels
    case .sideBySide: spare = layout.results.height - compactMinimumResults
    }
    let rows = Array(wanted.prefix(max(0, spare)))
    guard !rows.isEmpty else { return layout }
    let top = layout.infoLine?.maxY ?? layout.queryBar.maxY
    for (index, row) in rows.enumerated() {
      layout.queryRows[row] = Rect(x: 0, y: top + index, width: width, height: 1)
    }
    layout.shiftPanels(by: rows.count)
    return layout
  }

  /// Moves every panel under the query rows down by `count` rows, taking them from the results (and, stacked,
  /// alternately from the explanation).
  private mutating func shiftPanels(by count: Int) {
    func down(_ rect: Rect?, by rows: Int) -> Rect? {
      rect.map { Rect(x: $0.x, y: $0.y + rows, width: $0.width, height: $0.height) }
    }
    func shorter(_ rect: Rect?, by rows: Int) -> Rect? {
      rect.map { Rect(x: $0.x, y: $0.y, width: $0.width, height: max(0, $0.height - rows)) }
    }
    switch mode {
    case .tooSmall:
      return
    case .compact, .sideBySide:
      resultsHeader = down(resultsHeader, by: count)
      results = shorter(down(results, by: count), by: count)!
      explanationHeader = down(explanationHeader, by: count)
      explanation = shorter(down(explanation, by: count), by: count)
      divider = shorter(down(divider, by: count), by: count)
    case .stacked:
      let fromExplanation = count / 2
      let fromResults = count - fromExplanation
      resultsHeader = down(resultsHeader, by: count)
      results = shorter(down(results, by: count), by: fromResults)!
      explanationHeader = down(explanationHeader, by: fromExplanation)
      explanation = shorter(down(explanation, by: fromExplanation), by: fromExplanation)
    }
  }

  /// The layout without optional query rows.
  private static func baseLayout(width: Int, height: Int, stacked: Bool) -> ScreenLayout {
    let width = max(0, width)
    let height = max(0, height)
    let screen = Rect(x: 0, y: 0, width: width, height: height)
    let empty = Rect(x: 0, y: 0, width: 0, height: 0)
    guard width >= minimumWidth, height >= minimumHeight else {
      return ScreenLayout(mode: .tooSmall, screen: screen, queryBar: empty, infoLine: nil, resultsHeader: nil,
                          results: empty, explanationHeader: nil, explanation: nil, divider: nil, status: nil)
    }
    let queryBar = Rect(x: 0, y: 0, width: width, height: 1)
    let status = Rect(x: 0, y: height - 1, width: width, height: 1)
    if width < explanationMinimumWidth || height < explanationMinimumHeight {
      let hasHeader = height >= 8
      let top = hasHeader ? 2 : 1
      return ScreenLayout(
        mode: .compact, screen: screen, queryBar: queryBar, infoLine: nil,
        resultsHeader: hasHeader ? Rect(x: 0, y: 1, width: width, height: 1) : nil,
        results: Rect(x: 0, y: top, width: width, height: height - 1 - top),
        explanationHeader: nil, explanation: nil, divider: nil, status: status)
    }
    let infoLine = Rect(x: 0, y: 1, width: width, height: 1)
    if width >= sideBySideWidth, !stacked {
      let leftWidth = width * 45 / 100
      let rightX = leftWidth + 1
      let panelHeight = height - 4
      return ScreenLayout(
        mode: .sideBySide, screen: screen, queryBar: queryBar, infoLine: infoLine,
        resultsHeader: Rect(x: 0, y: 2, width: leftWidth, height: 1),
        results: Rect(x: 0, y: 3, width: leftWidth, height: panelHeight),
        explanationHeader: Rect(x: rightX, y: 2, width: width - rightX, height: 1),
        explanation: Rect(x: rightX, y: 3, width: width - rightX, height: panelHeight),
        divider: Rect(x: leftWidth, y: 2, width: 1, height: panelHeight + 1), status: status)
    }
    let available = height - 5
    let resultRows = available / 2
    let explanationRows = available - resultRows
    return ScreenLayout(
      mode: .stacked, screen: screen, queryBar: queryBar, infoLine: infoLine,
      resultsHeader: Rect(x: 0, y: 2, width: width, height: 1),
      results: Rect(x: 0, y: 3, width: width, height: resultRows),
      explanationHeader: Rect(x: 0, y: 3 + resultRows, width: width, height: 1),
      explanation: Rect(x: 0, y: 4 + resultRows, width: width, height: explanationRows),
      divider: nil, status: status)
  }

  /// The panels that can take the focus, in Tab order.
  public var focusablePanels: [Focus] {
    switch mode {
    case .tooSmall: return [.query]
    case .compact: return [.query, .results]
    case .stacked, .sideBySide: return [.query, .results, .explanation]
    }
  }
}
