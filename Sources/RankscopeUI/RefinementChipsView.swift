/// The refinement chips row under the query bar: `refine:` then one chip per refinement of the current query,
/// numbered (`1[+ modern]`: the words it adds, or its full text when it is not an extension), as many as fit; in
/// chip mode (Alt-g) the chip with the focus in `selection`. Otherwise a short note: building, computing, none,
/// or why they are absent. In chip mode the row scrolls to keep the focused chip in view.
public struct RefinementChipsView {
  /// The explorer's state.
  public var state: AppState

  /// Creates the view.
  public init(state: AppState) { self.state = state }

  /// The chips' labels for the current query, in order: `[+ modern]`.
  public static func labels(_ state: AppState) -> [String] {
    state.refinements.shown.map { "[" + RefinementState.chipLabel($0, parent: state.query.text) + "]" }
  }

  /// The note shown instead of chips, or nil when there are chips to show.
  public static func note(_ state: AppState) -> String? {
    if case .unavailable(let reason) = state.guideStatus { return "off: \(reason)" }
    if state.mode != .search { return "for searches only" }
    if state.query.text.allSatisfy(\.isWhitespace) { return "type a query" }
    if let failure = state.refinements.failure { return failure }
    if state.refinements.isLoading || state.refinements.query == nil {
      return state.guideStatus == .building ? QueryGuideStatus.building.description : "…"
    }
    if state.refinements.shown.isEmpty { return "none for this query" }
    return nil
  }

  /// Draws the row in the first row of `rect`.
  public func draw(into buffer: inout CellBuffer, rect: Rect) {
    guard !rect.isEmpty else { return }
    let row = rect.row(0)
    buffer.fill(row, role: .normal)
    let isFocused = state.refinements.chipCursor != nil
    let label = isFocused ? "  refine ←→⏎ " : "  refine Alt-g "
    var x = buffer.put(label.displayWidth + 8 <= row.width ? label : " ", x: row.x, y: row.y,
                       role: isFocused ? .borderFocused : .queryInfo, clip: row)
    if let note = Self.note(state) {
      buffer.put(note.truncated(toWidth: max(0, row.maxX - x)), x: x, y: row.y, role: .hint, clip: row)
      return
    }
    let labels = Self.labels(state)
    // In chip mode the row scrolls so the focused chip is shown (`‹` marks chips left out before it).
    var first = 0
    if let cursor = state.refinements.chipCursor, labels.indices.contains(cursor) {
      func width(_ index: Int) -> Int { (index < 9 ? 1 : 0) + labels[index].displayWidth + 1 }
      while first < cursor, (first > 0 ? 2 : 0) + (first...cursor).map(width).reduce(0, +) > row.maxX - x { first += 1 }
      if first > 0 { x = buffer.put("‹ ", x: x, y: row.y, role: .hint, clip: row) }
    }
    for (index, chip) in labels.enumerated() where index >= first {
      let number = index < 9 ? "\(index + 1)" : ""
      let width = number.displayWidth + chip.displayWidth
      let remaining = labels.count - index
      let moreWidth = remaining > 1 ? " +\(remaining - 1)".displayWidth : 0
      let fits = x + width + moreWidth <= row.maxX || (remaining == 1 && x + width <= row.maxX)
      guard fits else {
        if index == first {
          // Not even one whole chip: the first one cut.
          let cut = (number + chip).truncated(toWidth: max(0, row.maxX - x))
          buffer.put(cut, x: x, y: row.y, role: state.refinements.chipCursor == index ? .selection : .resultTitle, clip: row)
        } else {
          buffer.put("+\(remaining)", x: x, y: row.y, role: .hint, clip: row)
        }
        return
      }
      let isSelected = state.refinements.chipCursor == index
      x = buffer.put(number, x: x, y: row.y, role: isSelected ? .selection : .hint, clip: row)
      x = buffer.put(chip, x: x, y: row.y, role: isSelected ? .selection : .resultTitle, clip: row)
      x += 1
    }
  }
}
