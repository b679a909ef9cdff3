/// One cell of a `CellBuffer`.
public struct Cell: Sendable, Hashable {
  /// The grapheme cluster drawn in the cell (with any combining marks); empty for the right half of a wide
  /// character.
  public var text: String
  /// Display width: 1, 2 for the left half of a wide character, 0 for its right half.
  public var width: UInt8
  /// How the cell is styled.
  public var role: StyleRole

  /// Creates a cell.
  public init(text: String, width: UInt8, role: StyleRole) {
    self.text = text
    self.width = width
    self.role = role
  }

  /// An empty cell.
  public static let blank = Cell(text: " ", width: 1, role: .normal)

  /// Whether this is the right half of a wide character.
  public var isContinuation: Bool { width == 0 }
}

/// A rectangle of cells.
public struct Rect: Sendable, Hashable {
  /// Column of the left edge.
  public var x: Int
  /// Row of the top edge.
  public var y: Int
  /// Width in cells (never negative).
  public var width: Int
  /// Height in cells (never negative).
  public var height: Int

  /// Creates a rectangle; negative sizes become 0.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  /// Whether the rectangle holds no cell.
  public var isEmpty: Bool { width == 0 || height == 0 }
  /// One past the right edge.
  public var maxX: Int { x + width }
  /// One past the bottom edge.
  public var maxY: Int { y + height }

  /// The row at offset `row` inside the rectangle, one cell high.
  public func row(_ row: Int) -> Rect { Rect(x: x, y: y + row, width: width, height: row < height ? 1 : 0) }

  /// The rectangle shrunk by `amount` on each side.
  public func inset(by amount: Int) -> Rect {
    Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
  }
}

/// A grid of cells that views draw into; the terminal layer flushes the difference between two buffers.
///
/// Invariants: every row has `width` cells; a cell of width 2 is always followed by a continuation cell of
/// width 0 on the same row, and a continuation cell always follows a cell of width 2. Wide characters are
/// never split at a clip edge: one that does not fit is replaced by spaces.
public struct CellBuffer: Sendable, Hashable {
  /// Width in cells.
  public let width: Int
  /// Height in cells.
  public let height: Int
  /// Cells in row-major order.
  public private(set) var cells: [Cell]

  /// Creates a buffer filled with blank cells; negative sizes become 0.
  public init(width: Int, height: Int, fill: Cell = .blank) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: fill, count: self.width * self.height)
  }

  /// The whole buffer as a rectangle.
  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  /// The cell at (`x`, `y`); a blank cell outside the buffer.
  public subscript(x: Int, y: Int) -> Cell {
    guard x >= 0, y >= 0, x < width, y < height else { return .blank }
    return cells[y * width + x]
  }

  /// The buffer as text: rows joined by `\n`, each wide character once.
  public var text: String {
    var lines: [String] = []
    lines.reserveCapacity(height)
    for y in 0..<height { lines.append(line(y)) }
    return lines.joined(separator: "\n")
  }

  /// Row `y` as text, each wide character once.
  public func line(_ y: Int) -> String {
    guard y >= 0, y < height else { return "" }
    var result = ""
    for x in 0..<width {
      let cell = cells[y * width + x]
      if !cell.isContinuation { result += cell.text }
    }
    return result
  }

  /// Fills `rect` (clipped to the buffer) with spaces in `role`.
  public mutating func fill(_ rect: Rect, role: StyleRole) {
    let clipped = clip(rect)
    guard !clipped.isEmpty else { return }
    for y in clipped.y..<clipped.maxY {
      repairEdges(y: y, from: clipped.x, to: clipped.maxX)
      for x in clipped.x..<clipped.maxX { cells[y * width + x] = Cell(text: " ", width: 1, role: role) }
    }
  }

  /// Sets the role of the cells in `rect` (clipped) without changing their text.
  public mutating func restyle(_ rect: Rect, role: StyleRole) {
    let clipped = clip(rect)
    guard !clipped.isEmpty else { return }
    for y in clipped.y..<clipped.maxY {
      for x in clipped.x..<clipped.maxX { cells[y * width + x].role = role }
    }
  }

  /// Writes `text` on row `y` starting at column `x`, in `role`, clipped to `clip` (default: the buffer)
  /// and never past `maxWidth` cells. Control characters become `�`; tabs become a space; a lone zero-width
  /// cluster joins the previous cell. A wide character that would cross the clip edge is replaced by a space.
  ///
  /// - Returns: the column after the last cell written.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole, clip clipRect: Rect? = nil,
                           maxWidth: Int? = nil) -> Int {
    var area = clip(clipRect ?? bounds)
    if let maxWidth { area = clip(Rect(x: area.x, y: area.y, width: min(area.maxX, x + max(0, maxWidth)) - area.x,
                                       height: area.height)) }
    guard y >= area.y, y < area.maxY else { return x }
    var column = x
    // Fast path: printable ASCII needs no grapheme breaking and has no wide characters.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
      for byte in text.utf8 {
        if column >= area.maxX { break }
        if column >= area.x {
          setCell(x: column, y: y, Cell(text: String(Unicode.Scalar(byte)), width: 1, role: role))
        }
        column += 1
      }
      return column
    }
    var lastWritten: Int? = nil
    for character in text {
      var shown = String(character)
      var cells = DisplayWidth.of(character)
      if character == "\t" {
        shown = " "
        cells = 1
      } else if let first = character.unicodeScalars.first, DisplayWidth.isControl(first) {
        shown = "\u{FFFD}"
        cells = 1
      }
      if cells == 0 {
        // A combining mark or zero-width character on its own: attach it to the cell before it.
        if let previous = lastWritten { self.cells[y * width + previous].text += shown }
        continue
      }
      if column >= area.maxX { break }
      if column < area.x {
        // Left of the clip area: skip, but a wide character straddling the edge leaves a space.
        if cells == 2 && column + 1 == area.x { setCell(x: area.x, y: y, Cell(text: " ", width: 1, role: role)) }
        column += cells
        continue
      }
      if cells == 2 && column + 1 >= area.maxX {
        // Never split a wide character at the right edge.
        setCell(x: column, y: y, Cell(text: " ", width: 1, role: role))
        column += 1
        break
      }
      if cells == 2 {
        setCell(x: column, y: y, Cell(text: shown, width: 2, role: role))
        setCell(x: column + 1, y: y, Cell(text: "", width: 0, role: role))
      } else {
        setCell(x: column, y: y, Cell(text: shown, width: 1, role: role))
      }
      lastWritten = column
      column += cells
    }
    return column
  }

  /// Copies `other` into this buffer with its top-left corner at (`x`, `y`), clipped.
  public mutating func blit(_ other: CellBuffer, x: Int, y: Int) {
    for row in 0..<other.height {
      var column = 0
      while column < other.width {
        let cell = other[column, row]
        let targetX = x + column
        let targetY = y + row
        if cell.width == 2 {
          if targetX >= 0, targetX + 1 < width {
            setCell(x: targetX, y: targetY, cell)
            setCell(x: targetX + 1, y: targetY, Cell(text: "", width: 0, role: cell.role))
          } else {
            setCell(x: targetX, y: targetY, Cell(text: " ", width: 1, role: cell.role))
          }
          column += 2
        } else {
          if !cell.isContinuation { setCell(x: targetX, y: targetY, cell) }
          column += 1
        }
      }
    }
  }

  /// Places one cell, keeping wide characters whole: a wide character it half-overwrites becomes a space.
  private mutating func setCell(x: Int, y: Int, _ cell: Cell) {
    guard x >= 0, y >= 0, x < width, y < height else { return }
    let index = y * width + x
    let old = cells[index]
    if old.width == 2, x + 1 < width, !(cell.width == 2) {
      // Overwriting the left half of a wide character: its right half goes blank.
      cells[index + 1] = Cell(text: " ", width: 1, role: cells[index + 1].role)
    }
    if old.isContinuation, x > 0, cell.width != 0 {
      // Overwriting the right half: its left half goes blank.
      cells[index - 1] = Cell(text: " ", width: 1, role: cells[index - 1].role)
    }
    if cell.width == 2, x + 1 < width {
      let next = cells[index + 1]
      if next.width == 2, x + 2 < width {
        cells[index + 2] = Cell(text: " ", width: 1, role: cells[index + 2].role)
      }
    }
    cells[index] = cell
  }

  /// Blanks wide characters cut by the columns `from` and `to` on row `y` before a fill.
  private mutating func repairEdges(y: Int, from: Int, to: Int) {
    if from > 0, from < width, cells[y * width + from].isContinuation {
      cells[y * width + from - 1] = Cell(text: " ", width: 1, role: cells[y * width + from - 1].role)
    }
    if to < width, to > 0, cells[y * width + to].isContinuation {
      cells[y * width + to] = Cell(text: " ", width: 1, role: cells[y * width + to].role)
    }
  }

  /// `rect` clipped to the buffer.
  public func clip(_ rect: Rect) -> Rect {
    let left = max(0, rect.x)
    let top = max(0, rect.y)
    let right = min(width, rect.maxX)
    let bottom = min(height, rect.maxY)
    return Rect(x: left, y: top, width: right - left, height: bottom - top)
  }

  /// Checks the wide-character invariant; returns a description of the first violation.
  public func invariantViolation() -> String? {
    for y in 0..<height {
      var x = 0
      while x < width {
        let cell = cells[y * width + x]
        if cell.isContinuation { return "orphan continuation at (\(x), \(y))" }
        if cell.width == 2 {
          guard x + 1 < width, cells[y * width + x + 1].isContinuation else {
            return "wide character without continuation at (\(x), \(y))"
          }
          x += 2
        } else {
          x += 1
        }
      }
    }
    return nil
  }
}
