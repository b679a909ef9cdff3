/// A one-row rule with a panel title on the left and optional text on the right: `─ Results ──── 10 of 42 ─`.
public struct PanelHeader {
  /// The title.
  public var title: String
  /// Text at the right end.
  public var trailing: String
  /// Whether the panel has the focus (its title is drawn in `borderFocused`).
  public var isFocused: Bool

  /// Creates a header.
  public init(title: String, trailing: String = "", isFocused: Bool) {
    self.title = title
    self.trailing = trailing
    self.isFocused = isFocused
  }

  /// Draws the header in the first row of `rect`.
  public func draw(into buffer: inout CellBuffer, rect: Rect) {
    guard !rect.isEmpty else { return }
    let row = rect.row(0)
    buffer.put(String(repeating: "─", count: row.width), x: row.x, y: row.y, role: .border, clip: row)
    let trailingText = trailing.isEmpty ? "" : " \(trailing) "
    let trailingWidth = min(trailingText.displayWidth, max(0, row.width - 12))
    let titleRoom = row.width - 2 - (trailingWidth > 0 ? trailingWidth + 1 : 0)
    if titleRoom > 2 {
      let marker = isFocused ? "▶ " : ""
      let shown = " " + (marker + title).truncated(toWidth: titleRoom - 2) + " "
      buffer.put(shown, x: row.x + 1, y: row.y, role: isFocused ? .borderFocused : .border, clip: row)
    }
    if trailingWidth > 0 {
      let shown = trailingText.truncated(toWidth: trailingWidth)
      buffer.put(shown, x: row.maxX - 1 - shown.displayWidth, y: row.y, role: .border, clip: row)
    }
  }
}
