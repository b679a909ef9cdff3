/// The framed box the overlays (help, rank profiles, the whole-set panel) are drawn in: cleared, a single-line
/// border, the title at the top left and the footer (key hints) at the bottom right, each only when it fits.
enum OverlayFrame {
  /// Draws one row of an overlay's text area `inner` at `y`: the pieces left to right, cut at the area's right edge,
  /// the row (and the cell either side) highlighted when `marked`.
  static func drawRow(_ pieces: [(text: String, role: StyleRole)], y: Int, inner: Rect, marked: Bool,
                      into buffer: inout CellBuffer) {
    let clip = Rect(x: inner.x, y: y, width: inner.width, height: 1)
    if marked { buffer.fill(Rect(x: inner.x - 1, y: y, width: inner.width + 2, height: 1), role: .selection) }
    var x = inner.x
    for piece in pieces {
      let room = inner.maxX - x
      guard room > 0 else { break }
      let text = piece.text.truncated(toWidth: room)
      buffer.put(text, x: x, y: y, role: marked ? .selection : piece.role, clip: clip)
      x += text.displayWidth
    }
  }

  /// Clears `box` and draws its frame, `title` and `footer` (given with their surrounding spaces).
  static func draw(into buffer: inout CellBuffer, box: Rect, title: String, footer: String) {
    buffer.fill(box, role: .normal)
    let horizontal = String(repeating: "─", count: max(0, box.width - 2))
    buffer.put("┌" + horizontal + "┐", x: box.x, y: box.y, role: .border)
    buffer.put("└" + horizontal + "┘", x: box.x, y: box.maxY - 1, role: .border)
    for y in (box.y + 1)..<max(box.y + 1, box.maxY - 1) {
      buffer.put("│", x: box.x, y: y, role: .border)
      buffer.put("│", x: box.maxX - 1, y: y, role: .border)
    }
    if box.width > title.displayWidth + 4 { buffer.put(title, x: box.x + 2, y: box.y, role: .helpTitle) }
    if box.width > footer.displayWidth + 4 {
      buffer.put(footer, x: box.maxX - 2 - footer.displayWidth, y: box.maxY - 1, role: .helpTitle)
    }
  }
}
