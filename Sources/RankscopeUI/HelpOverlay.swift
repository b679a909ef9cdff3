/// The help overlay: every key binding, generated from `KeyBindings.table`, in a framed box over the screen.
public enum HelpOverlay {
  /// One line of the help text.
  public enum Line: Sendable, Hashable {
    /// A section heading (a binding scope).
    case heading(String)
    /// A binding: its keys and what they do.
    case entry(keys: String, summary: String)
    /// A blank line between sections.
    case blank
  }

  /// Order in which scopes are listed.
  public static let scopeOrder: [BindingScope] = [.global, .query, .autocomplete, .results, .compareResults,
                                                  .explanation, .help, .profiles, .tuning, .whyNotPrompt, .report,
                                                  .setPanel, .userPicker, .personalization, .rewrites, .chips,
                                                  .refinementInspector]

  /// The help text: one heading per scope and one entry per binding of the table.
  public static func lines() -> [Line] { allLines }

  /// The help text, built once from the table.
  private static let allLines: [Line] = buildLines()

  private static func buildLines() -> [Line] {
    var lines: [Line] = []
    for scope in scopeOrder {
      let bindings = KeyBindings.bindings(in: scope)
      guard !bindings.isEmpty else { continue }
      if !lines.isEmpty { lines.append(.blank) }
      lines.append(.heading(scope.title))
      for binding in bindings { lines.append(.entry(keys: binding.keyLabel, summary: binding.summary)) }
    }
    return lines
  }

  /// Width of the key column.
  static let keyColumnWidth: Int = {
    min(18, lines().compactMap { line -> Int? in
      if case .entry(let keys, _) = line { return keys.displayWidth }
      return nil
    }.max() ?? 10)
  }()

  /// Natural width of one column of entries.
  static let columnWidth: Int = {
    keyColumnWidth + 2 + (lines().compactMap { line -> Int? in
      if case .entry(_, let summary) = line { return summary.displayWidth }
      return nil
    }.max() ?? 20)
  }()

  /// Where the box goes and how its text flows, for a screen size.
  struct Geometry {
    var box: Rect
    var inner: Rect
    var columns: [[Line]]
    var columnWidth: Int
  }

  static func geometry(width: Int, height: Int) -> Geometry? {
    guard width >= 12, height >= 4 else { return nil }
    let all = lines()
    let natural = columnWidth
    let boxWidth2 = 2 * natural + 3 + 2 + 2
    let twoColumnRows = split(all).map { max($0.0.count, $0.1.count) } ?? all.count
    // Two columns whenever they fit side by side (scrolling together when they are taller than the screen).
    if width - 2 >= boxWidth2, height >= 12, let halves = split(all) {
      let boxHeight = min(height - 2, twoColumnRows + 2)
      let box = Rect(x: (width - boxWidth2) / 2, y: (height - boxHeight) / 2, width: boxWidth2, height: boxHeight)
      return Geometry(box: box, inner: Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2),
                      columns: [halves.0, halves.1], columnWidth: natural)
    }
    let boxWidth = min(width - 2, natural + 4)
    let boxHeight = min(height - 2, all.count + 2)
    let box = Rect(x: (width - boxWidth) / 2, y: (height - boxHeight) / 2, width: boxWidth, height: boxHeight)
    return Geometry(box: box, inner: Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2),
                    columns: [all], columnWidth: box.width - 4)
  }

  /// Splits the lines into two columns at the section boundary nearest the middle.
  static func split(_ lines: [Line]) -> ([Line], [Line])? {
    var best: Int?
    for (index, line) in lines.enumerated() where line == .blank {
      if best == nil || abs(index - lines.count / 2) < abs(best! - lines.count / 2) { best = index }
    }
    guard let best else { return nil }
    return (Array(lines[..<best]), Array(lines[(best + 1)...]))
  }

  /// The largest useful scroll offset for a screen size.
  public static func maximumScroll(width: Int, height: Int) -> Int {
    guard let geometry = geometry(width: width, height: height) else { return 0 }
    let longest = geometry.columns.map(\.count).max() ?? 0
    return max(0, longest - geometry.inner.height)
  }

  /// Draws the overlay over `buffer`, scrolled by `scroll` lines.
  public static func draw(into buffer: inout CellBuffer, scroll: Int) {
    guard let geometry = geometry(width: buffer.width, height: buffer.height) else { return }
    let box = geometry.box
    let maxScroll = maximumScroll(width: buffer.width, height: buffer.height)
    let offset = max(0, min(scroll, maxScroll))
    OverlayFrame.draw(into: &buffer, box: box, title: " Keys ",
                      footer: maxScroll == 0 ? " Esc close " : " ↑↓ scroll · Esc close ")
    if offset < maxScroll, box.width > 10 { buffer.put(" more ↓ ", x: box.x + 2, y: box.maxY - 1, role: .helpTitle) }
    if offset > 0, box.width > 20 { buffer.put(" more ↑ ", x: box.x + 10, y: box.y, role: .helpTitle) }

    let keyWidth = min(keyColumnWidth, max(4, geometry.columnWidth / 3))
    for (columnIndex, column) in geometry.columns.enumerated() {
      let x = geometry.inner.x + columnIndex * (geometry.columnWidth + 3)
      let clip = Rect(x: x, y: geometry.inner.y, width: min(geometry.columnWidth, geometry.inner.maxX - x),
                      height: geometry.inner.height)
      for line in 0..<geometry.inner.height {
        let index = offset + line
        guard index < column.count else { break }
        let y = geometry.inner.y + line
        switch column[index] {
        case .blank:
          break
        case .heading(let text):
          buffer.put(text.truncated(toWidth: clip.width), x: x, y: y, role: .helpTitle, clip: clip)
        case .entry(let keys, let summary):
          buffer.put(keys.truncated(toWidth: keyWidth), x: x, y: y, role: .helpKey, clip: clip)
          let summaryWidth = clip.width - keyWidth - 2
          if summaryWidth > 0 {
            buffer.put(summary.truncated(toWidth: summaryWidth), x: x + keyWidth + 2, y: y, role: .helpText, clip: clip)
          }
        }
      }
    }
  }
}
