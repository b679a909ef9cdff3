import CNcursesw
import Glibc
import RankscopeUI

/// Flushes `CellBuffer`s to ncursesw, writing only the cells that differ from the previous frame.
///
/// Colour pairs are set up once per theme: pair `n + 1` holds the colours of `StyleRole.allCases[n]`.
final class ScreenPainter {
  private var previous: CellBuffer?
  private var attributes: [StyleRole: (attrs: attr_t, pair: Int16)] = [:]

  /// Sets up colour pairs for `theme` (attributes only when the terminal has no colours).
  init(theme: Theme) {
    var useColor = false
    if has_colors() {
      start_color()
      useColor = true
    }
    let defaultColors = useColor && use_default_colors() == OK
    let colorCount = Int(rs_colors())
    let pairCount = Int(rs_color_pairs())
    for (index, role) in StyleRole.allCases.enumerated() {
      let style = theme.style(for: role)
      var attrs = rs_attr_normal()
      if style.bold { attrs |= rs_attr_bold() }
      if style.underline { attrs |= rs_attr_underline() }
      if style.reverse { attrs |= rs_attr_reverse() }
      var pair: Int16 = 0
      if useColor, index + 1 < pairCount, style.foreground != .default || style.background != .default {
        func resolve(_ color: TerminalColor, fallback: Int16) -> Int16 {
          switch color {
          case .default: return defaultColors ? -1 : fallback
          case .index(let value):
            if Int(value) < colorCount { return Int16(value) }
            if value >= 8 && value < 16 && colorCount >= 8 { return Int16(value - 8) }  // bright → basic
            return defaultColors ? -1 : fallback
          }
        }
        let foreground = resolve(style.foreground, fallback: Int16(COLOR_WHITE))
        let background = resolve(style.background, fallback: Int16(COLOR_BLACK))
        if init_pair(Int16(index + 1), foreground, background) == OK { pair = Int16(index + 1) }
      }
      attributes[role] = (attrs, pair)
    }
  }

  /// Forgets the previous frame so the next `paint` redraws every cell (after a resize).
  func invalidate() {
    previous = nil
    clearok(rs_stdscr(), true)
  }

  /// Writes the cells of `buffer` that changed since the last frame and updates the terminal.
  func paint(_ buffer: CellBuffer) {
    let old = previous.flatMap { $0.width == buffer.width && $0.height == buffer.height ? $0 : nil }
    if old == nil { werase(rs_stdscr()) }
    let screenWidth = Int(rs_cols())
    let screenHeight = Int(rs_lines())
    for y in 0..<min(buffer.height, screenHeight) {
      var x = 0
      while x < min(buffer.width, screenWidth) {
        let cell = buffer[x, y]
        if cell.isContinuation {
          x += 1
          continue
        }
        var changed = old.map { $0[x, y] != cell } ?? true
        if !changed, cell.width == 2, let old, old[x + 1, y] != buffer[x + 1, y] { changed = true }
        if changed { write(cell, x: x, y: y, screenWidth: screenWidth) }
        x += max(1, Int(cell.width))
      }
    }
    previous = buffer
    wnoutrefresh(rs_stdscr())
    doupdate()
  }

  /// Writes one cell, padding with spaces where the C library measures the cluster narrower than we do.
  private func write(_ cell: Cell, x: Int, y: Int, screenWidth: Int) {
    let style = attributes[cell.role] ?? (rs_attr_normal(), 0)
    var scalars = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
    let libraryWidth = scalars.reduce(0) { $0 + max(0, Int(rs_wcwidth($1))) }
    let width = Int(cell.width)
    if libraryWidth == 0 || libraryWidth > width {
      // ncurses would lay this cluster out differently from the buffer: show a replacement instead.
      scalars = [wchar_t(0xFFFD)]
    }
    scalars.append(0)
    let result = scalars.withUnsafeBufferPointer { pointer in
      rs_mvadd_cluster(Int32(y), Int32(x), pointer.baseAddress, style.attrs, style.pair)
    }
    if result == ERR, !(y == Int(rs_lines()) - 1 && x + width >= screenWidth) {
      // Too many scalars for one cchar_t: write the string instead.
      _ = scalars.withUnsafeBufferPointer { pointer in
        rs_mvadd_string(Int32(y), Int32(x), pointer.baseAddress, -1, style.attrs, style.pair)
      }
    }
    let written = scalars.count == 2 && scalars[0] == 0xFFFD ? 1 : max(1, libraryWidth)
    if written < width {
      var space: [wchar_t] = [0x20, 0]
      for column in (x + written)..<min(x + width, screenWidth) {
        _ = space.withUnsafeMutableBufferPointer { pointer in
          rs_mvadd_cluster(Int32(y), Int32(column), pointer.baseAddress, style.attrs, style.pair)
        }
      }
    }
  }
}
