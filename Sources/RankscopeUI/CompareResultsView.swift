import RankscopeEngine

/// The compare view's two result columns: A (the explorer's own search) on the left, B on the right, row by
/// row in rank order, scrolled together.
///
/// Each row shows the rank, the grade of a judged result (`0`–`3`) or `·` for an unjudged one, the title, and
/// how the document fares on the other side: in column B an arrow with the places it moved from A (`↑3`, `↓2`,
/// `=`) or `new` when A's list does not hold it (entered); in column A, `→7` with B's rank or `out` when B's
/// list dropped it. The selected document is highlighted in both columns, so a document is easy to follow
/// across them.
public struct CompareResultsView {
  /// The state shown.
  public var state: AppState

  /// Creates the view.
  public init(state: AppState) { self.state = state }

  /// The two column rectangles of `rect` and the divider column between them.
  public static func columns(_ rect: Rect) -> (a: Rect, divider: Int, b: Rect) {
    let leftWidth = (rect.width - 1) / 2
    return (Rect(x: rect.x, y: rect.y, width: leftWidth, height: rect.height), rect.x + leftWidth,
            Rect(x: rect.x + leftWidth + 1, y: rect.y, width: rect.width - leftWidth - 1, height: rect.height))
  }

  /// The column headers: side, what it runs, and nDCG@10 when the query is judged.
  public func drawHeaders(into buffer: inout CellBuffer, rect: Rect) {
    guard let compare = state.compare, !rect.isEmpty else { return }
    let (a, divider, b) = Self.columns(rect)
    let figures = state.compareFigures
    let focused = state.focus == .results
    /// The longest trailing text that leaves the whole title shown: nDCG@10 (and B − A) and the hit count,
    /// then without the count, then the bare number.
    func trailing(_ ndcg: Double?, count: Int, other: Double?, title: String, width: Int) -> String {
      var candidates: [String] = []
      if let ndcg {
        let difference = other.map { " (\(Formatting.signed(ndcg - $0, digits: 3)))" } ?? ""
        candidates += ["nDCG@10 \(Formatting.fixed(ndcg, digits: 3))\(difference) · \(count)",
                       "nDCG@10 \(Formatting.fixed(ndcg, digits: 3))\(difference)",
                       "\(Formatting.fixed(ndcg, digits: 3))\(difference)"]
      } else {
        candidates.append("\(count)")
      }
      // The header needs 2 cells before the title, 2 around it, and 3 around the trailing text.
      return candidates.first { 2 + title.displayWidth + 4 + 3 + $0.displayWidth <= width } ?? candidates.last ?? ""
    }
    let titleA = "A · \(state.currentChoice.label)\(state.isProfileModified ? "*" : "")"
    let titleB = "B · \(compare.choice.label)"
    PanelHeader(title: titleA, trailing: trailing(figures?.ndcgA, count: state.hits.count, other: nil, title: titleA, width: a.width),
                isFocused: focused && compare.column == .a).draw(into: &buffer, rect: a)
    buffer.put("┬", x: divider, y: rect.y, role: .border)
    PanelHeader(title: titleB,
                trailing: trailing(figures?.ndcgB, count: state.compareHits.count, other: figures?.ndcgA, title: titleB, width: b.width),
                isFocused: focused && compare.column == .b).draw(into: &buffer, rect: b)
  }

  /// Draws both columns (not the headers) into `rect`.
  public func draw(into buffer: inout CellBuffer, rect: Rect) {
    guard let compare = state.compare, !rect.isEmpty else { return }
    buffer.fill(rect, role: .normal)
    let (a, divider, b) = Self.columns(rect)
    for y in rect.y..<rect.maxY { buffer.put("│", x: divider, y: y, role: .border) }
    let grades = state.currentGrades
    let hitsB = state.compareHits
    let ranksA = Dictionary(state.hits.map { ($0.id, $0.rank) }, uniquingKeysWith: min)
    let ranksB = Dictionary(hitsB.map { ($0.id, $0.rank) }, uniquingKeysWith: min)
    let selectedId = state.compareSelectedId
    let scroll = compare.scroll
    if state.hits.isEmpty {
      ResultsView(state: state).draw(into: &buffer, rect: a)
    } else {
      drawColumn(state.hits, documents: state.outcome?.documents ?? [], other: ranksB, isB: false, grades: grades,
                 selectedId: selectedId, isActive: compare.column == .a, scroll: scroll, into: &buffer, rect: a)
    }
    if hitsB.isEmpty {
      let message: String
      if let error = compare.errorMessage {
        message = "B failed: \(error)"
      } else if state.query.text.allSatisfy(\.isWhitespace) {
        message = "B runs \(compare.choice.label) on the same query."
      } else if compare.completedGeneration != state.completedGeneration || state.isSearching {
        message = "Searching…"
      } else {
        message = "No results for B."
      }
      buffer.put(("  " + message).truncated(toWidth: b.width), x: b.x, y: b.y, role: .hint, clip: b.row(0))
    } else {
      drawColumn(hitsB, documents: compare.outcome?.documents ?? [], other: ranksA, isB: true, grades: grades,
                 selectedId: selectedId, isActive: compare.column == .b, scroll: scroll, into: &buffer, rect: b)
    }
  }

  /// The cross-column marker of a hit at `rank` whose rank on the other side is `other` (nil: absent there).
  public static func marker(rank: Int, other: Int?, isB: Bool) -> (text: String, role: StyleRole) {
    guard let other else { return isB ? ("new", .rankNew) : ("out", .rankDown) }
    if !isB { return ("→\(other)", .resultDetail) }
    if other == rank { return ("=", .resultRank) }
    return other > rank ? ("↑\(other - rank)", .rankUp) : ("↓\(rank - other)", .rankDown)
  }

  /// The grade cell of a document: its grade, or `·` when unjudged.
  public static func gradeCell(_ grade: Int?) -> (text: String, role: StyleRole) {
    guard let grade else { return ("·", .hint) }
    return (String(grade), grade > 0 ? .rankUp : .rankDown)
  }

  private func drawColumn(_ hits: [SearchHit], documents: [JSONValue], other: [String: Int], isB: Bool,
                          grades: [String: Int]?, selectedId: String?, isActive: Bool, scroll: Int,
                          into buffer: inout CellBuffer, rect: Rect) {
    let rankWidth = String(hits.map(\.rank).max() ?? 1).count
    let markers = hits.map { Self.marker(rank: $0.rank, other: other[$0.id], isB: isB) }
    let markerWidth = max(3, markers.map(\.text.displayWidth).max() ?? 3)
    for line in 0..<rect.height {
      let index = scroll + line
      guard index < hits.count else { break }
      let hit = hits[index]
      let y = rect.y + line
      let row = rect.row(line)
      let isSelected = hit.id == selectedId
      let selectionRole: StyleRole = isActive && state.focus != .explanation ? .selection : .selectionInactive
      func role(_ normal: StyleRole) -> StyleRole { isSelected ? selectionRole : normal }
      if isSelected { buffer.fill(row, role: selectionRole) }
      var x = rect.x
      buffer.put(isSelected && isActive ? ">" : " ", x: x, y: y, role: role(.resultRank), clip: row)
      x += 1
      buffer.put(String(hit.rank).padded(toWidth: rankWidth, alignRight: true), x: x, y: y, role: role(.resultRank), clip: row)
      x += rankWidth + 1
      let grade = Self.gradeCell(grades?[hit.id])
      buffer.put(grade.text, x: x, y: y, role: role(grade.role), clip: row)
      x += 2
      let marker = markers[index]
      let markerX = rect.maxX - markerWidth
      let titleWidth = markerX - 1 - x
      if titleWidth > 0 {
        let document = documents.indices.contains(index) ? documents[index] : nil
        let title = ResultsView.title(of: hit, document: document, field: state.titleField)
        buffer.put(title.truncated(toWidth: titleWidth), x: x, y: y, role: role(.resultTitle), clip: row)
      }
      if markerX > x {
        buffer.put(marker.text.padded(toWidth: markerWidth, alignRight: true), x: markerX, y: y, role: role(marker.role),
                   clip: row)
      }
    }
  }
}
