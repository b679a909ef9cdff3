/// The holes list (`u`): the unjudged results in the top 10 of A (and of B in the compare view), each with its
/// rank on each side, its title and details; rating one (0–3) takes it off the list and marks the next.
public struct HolesView {
  /// The state shown.
  public var state: AppState

  /// Creates the view.
  public init(state: AppState) { self.state = state }

  /// The header's title and trailing text.
  public static func header(_ state: AppState) -> (title: String, trailing: String) {
    ("Holes · unjudged in the top 10", "\(state.holes.count) · 0–3 rates · u closes")
  }

  /// Draws the rows into `rect`.
  public func draw(into buffer: inout CellBuffer, rect: Rect) {
    guard !rect.isEmpty else { return }
    buffer.fill(rect, role: .normal)
    let holes = state.holes
    guard !holes.isEmpty else {
      let message = state.query.text.allSatisfy(\.isWhitespace) ? "Type a query: its unjudged top results are listed here."
        : "Every result of the top 10 is judged."
      buffer.put(("  " + message).truncated(toWidth: rect.width), x: rect.x, y: rect.y, role: .hint, clip: rect.row(0))
      return
    }
    let scroll = scrollOffset(0, cursor: state.holesCursor, count: holes.count, visible: rect.height)
    let showB = state.compare != nil
    for line in 0..<rect.height {
      let index = scroll + line
      guard index < holes.count else { break }
      let hole = holes[index]
      let y = rect.y + line
      let row = rect.row(line)
      let isSelected = index == state.holesCursor
      func role(_ normal: StyleRole) -> StyleRole { isSelected ? .selection : normal }
      if isSelected { buffer.fill(row, role: .selection) }
      var ranks = "A " + (hole.rankA.map { "#\($0)" } ?? "–").padded(toWidth: 3)
      if showB { ranks += "  B " + (hole.rankB.map { "#\($0)" } ?? "–").padded(toWidth: 3) }
      var x = buffer.put((isSelected ? "> " : "  ") + ranks + "  ", x: rect.x, y: y, role: role(.resultRank), clip: row)
      let room = rect.maxX - x
      guard room > 0 else { continue }
      let detailWidth = room >= 40 ? min(hole.details.displayWidth, room * 40 / 100) : 0
      let titleWidth = room - (detailWidth > 0 ? detailWidth + 2 : 0)
      buffer.put(hole.title.truncated(toWidth: titleWidth), x: x, y: y, role: role(.resultTitle), clip: row)
      x += titleWidth + 2
      if detailWidth > 0 {
        buffer.put(hole.details.truncated(toWidth: detailWidth), x: x, y: y, role: role(.resultDetail), clip: row)
      }
    }
  }
}
