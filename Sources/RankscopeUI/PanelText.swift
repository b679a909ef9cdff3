/// Lines of a panel body made of styled pieces, one of them possibly marked: how the tuning and personalization
/// panels draw their rows.
enum PanelText {
  /// One line: pieces drawn left to right.
  typealias Pieces = [(text: String, role: StyleRole)]

  /// Draws `lines` into `body`, scrolled so line `marked` is in view and highlighted (`selection`); pieces are
  /// cut at the body's right edge.
  static func draw(_ lines: [Pieces], marked: Int?, into buffer: inout CellBuffer, body: Rect) {
    guard !body.isEmpty else { return }
    let offset = scrollOffset(0, cursor: marked ?? 0, count: lines.count, visible: body.height)
    for row in 0..<body.height {
      let index = offset + row
      guard index < lines.count else { break }
      let y = body.y + row
      let clip = body.row(row)
      let isMarked = index == marked
      if isMarked { buffer.fill(clip, role: .selection) }
      var x = body.x
      for piece in lines[index] {
        let room = body.maxX - x
        guard room > 0 else { break }
        let text = piece.text.truncated(toWidth: room)
        buffer.put(text, x: x, y: y, role: isMarked ? .selection : piece.role, clip: clip)
        x += text.displayWidth
      }
    }
  }
}
