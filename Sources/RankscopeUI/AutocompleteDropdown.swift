import RankscopeEngine

/// The autocomplete dropdown: a framed box under the query bar, over the panels below, one suggestion a row (at
/// most `AutocompleteState.limit`): the typed prefix in the `hint` role, the completion in `resultTitle`, and at
/// the right why it is proposed (`AutocompleteState.marker`); the highlighted row in `selection`, marked `›`.
public enum AutocompleteDropdown {
  /// The narrowest box drawn; below it (or without room for one row) the dropdown is absent.
  static let minimumWidth = 14
  /// The fewest suggestion rows worth a dropdown; with less room it is absent.
  static let minimumRows = 2
  /// The widest box drawn.
  static let maximumWidth = 60

  /// Where the box goes for `state` on a `width` × `height` screen, or nil when it does not fit.
  static func box(for state: AppState, width: Int, height: Int) -> Rect? {
    let layout = ScreenLayout.compute(width: width, height: height, stacked: state.compare != nil, queryRows: state.queryRows)
    guard layout.mode != .tooSmall, let status = layout.status else { return nil }
    let top = layout.queryBar.maxY
    let rows = min(state.autocomplete.suggestions.count, AutocompleteState.limit, status.y - top - 2)
    guard rows >= minimumRows else { return nil }
    let x = min(QueryBarView.prompt.displayWidth, max(0, width - minimumWidth))
    let natural = state.autocomplete.suggestions.prefix(rows).map { suggestion in
      suggestion.text.displayWidth + 2 + AutocompleteState.marker(suggestion).displayWidth
    }.max() ?? 0
    let boxWidth = min(width - x, max(minimumWidth + 6, min(maximumWidth, natural + 4)))
    guard boxWidth >= minimumWidth else { return nil }
    return Rect(x: x, y: top, width: boxWidth, height: rows + 2)
  }

  /// Draws the dropdown over `buffer` when `state` shows it.
  public static func draw(_ state: AppState, into buffer: inout CellBuffer) {
    guard state.isAutocompleteVisible, let box = box(for: state, width: buffer.width, height: buffer.height) else { return }
    let footer = state.autocomplete.highlighted == nil ? " Tab " : " ⏎ Esc "
    OverlayFrame.draw(into: &buffer, box: box, title: " suggestions ", footer: footer)
    let inner = Rect(x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2)
    let typed = QueryCompleter.normalizePrefix(state.query.text)
    for (index, suggestion) in state.autocomplete.suggestions.prefix(inner.height).enumerated() {
      let row = inner.row(index)
      let isHighlighted = index == state.autocomplete.highlighted
      buffer.fill(row, role: isHighlighted ? .selection : .normal)
      let marker = AutocompleteState.marker(suggestion)
      let markerX = row.maxX - 1 - marker.displayWidth
      let textClip = Rect(x: row.x, y: row.y, width: max(0, markerX - 1 - row.x), height: 1)
      var x = buffer.put(isHighlighted ? "›" : " ", x: row.x, y: row.y, role: isHighlighted ? .selection : .hint, clip: textClip)
      let text = suggestion.text.truncated(toWidth: max(0, textClip.maxX - x))
      let (prefix, rest) = text.hasPrefix(typed) ? (typed, String(text.dropFirst(typed.count))) : ("", text)
      x = buffer.put(prefix, x: x, y: row.y, role: isHighlighted ? .selection : .hint, clip: textClip)
      buffer.put(rest, x: x, y: row.y, role: isHighlighted ? .selection : .resultTitle, clip: textClip)
      if markerX > row.x + 3 {
        buffer.put(marker, x: markerX, y: row.y, role: isHighlighted ? .selection : .resultDetail, clip: row)
      }
    }
  }
}
