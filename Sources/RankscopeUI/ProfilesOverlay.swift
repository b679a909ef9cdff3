import RankscopeEngine

/// The rank-profiles overlay (F4): "none" (the plain retrieval mode of F2) and every loaded profile with its
/// summary and stages, the active one marked `●` and the marked one highlighted, then the profile files that
/// were skipped with their errors; drawn like `HelpOverlay`, in a framed box over the screen.
public enum ProfilesOverlay {
  /// One line of the overlay's text.
  struct Line: Equatable {
    /// The line's pieces, drawn left to right.
    var pieces: [(text: String, role: StyleRole)]
    /// The entry the line belongs to (0: none, `i + 1`: `profiles[i]`), nil for headings and problems.
    var entry: Int?

    static func == (left: Line, right: Line) -> Bool {
      left.entry == right.entry && left.pieces.map(\.text) == right.pieces.map(\.text)
        && left.pieces.map(\.role) == right.pieces.map(\.role)
    }
  }

  /// Widest box drawn, in cells.
  static let maximumWidth = 110

  /// The overlay's lines for a text area `width` cells wide: per entry a line with the marker, the name and
  /// the summary, and an indented line with its stages; then the skipped files, wrapped.
  static func lines(_ state: AppState, width: Int) -> [Line] {
    let names = ["none"] + state.profiles.map { $0.name + (state.tunedProfiles[$0.name] != nil ? "*" : "") }
    let nameWidth = min(max(4, names.map(\.displayWidth).max() ?? 4), max(4, width / 3))
    var lines: [Line] = []
    func entry(_ index: Int, name: String, summary: String, detail: String, isActive: Bool) {
      let marker = isActive ? "● " : "  "
      lines.append(Line(pieces: [(marker, .helpKey), (name.truncated(toWidth: nameWidth).padded(toWidth: nameWidth), .helpKey),
                                 ("  " + summary, .helpText)], entry: index))
      lines.append(Line(pieces: [(String(repeating: " ", count: 2 + nameWidth + 2) + detail, .hint)], entry: index))
    }
    entry(0, name: "none", summary: "no profile: the retrieval mode F2 cycles", detail: state.retrievalLabel,
          isActive: state.activeProfile == nil)
    for (index, profile) in state.profiles.enumerated() {
      var detail = profile.stageSummary
      if state.unavailableReason(profile) != nil { detail += " (needs semantic retrieval: off)" }
      entry(index + 1, name: profile.name + (state.tunedProfiles[profile.name] != nil ? "*" : ""), summary: profile.summary.isEmpty ? "—" : profile.summary, detail: detail,
            isActive: profile.name == state.activeProfile?.name)
    }
    if state.profiles.isEmpty {
      lines.append(Line(pieces: [("No rank profiles are loaded: give --profiles DIR.", .hint)], entry: nil))
    }
    if !state.profileProblems.isEmpty {
      lines.append(Line(pieces: [], entry: nil))
      lines.append(Line(pieces: [("Skipped profile files", .helpTitle)], entry: nil))
      for problem in state.profileProblems {
        for (index, piece) in wrap(problem, width: max(1, width - 2)).enumerated() {
          lines.append(Line(pieces: [((index == 0 ? "" : "  ") + piece, .helpText)], entry: nil))
        }
      }
    }
    return lines
  }

  /// `text` broken into lines of at most `width` cells, at spaces where possible.
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    var currentWidth = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
      var word = word
      let separator = current.isEmpty ? 0 : 1
      if currentWidth + separator + word.displayWidth <= width {
        current += (separator == 1 ? " " : "") + word
        currentWidth += separator + word.displayWidth
        continue
      }
      if !current.isEmpty { lines.append(current) }
      current = ""
      currentWidth = 0
      // A word wider than a line is cut into pieces.
      while word.displayWidth > width {
        var piece = ""
        var pieceWidth = 0
        var rest = Substring(word)
        while let character = rest.first, pieceWidth + DisplayWidth.of(character) <= width {
          piece.append(character)
          pieceWidth += DisplayWidth.of(character)
          rest = rest.dropFirst()
        }
        if piece.isEmpty { piece = String(rest.removeFirst()) }  // a character wider than the line
        lines.append(piece)
        word = String(rest)
      }
      current = word
      currentWidth = word.displayWidth
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }

  /// Where the box goes on a screen of `width` × `height`, or nil when there is no room for one.
  static func box(_ state: AppState, width: Int, height: Int) -> Rect? {
    guard width >= 12, height >= 4 else { return nil }
    let natural = lines(state, width: maximumWidth - 4).map { $0.pieces.map(\.text.displayWidth).reduce(0, +) }.max() ?? 0
    let boxWidth = min(width - 2, max(40, natural + 4))
    let lineCount = lines(state, width: boxWidth - 4).count
    let boxHeight = min(height - 2, lineCount + 2)
    return Rect(x: (width - boxWidth) / 2, y: (height - boxHeight) / 2, width: boxWidth, height: boxHeight)
  }

  /// The first line shown so the marked entry is visible; with the last entry marked, as far down as that
  /// allows, so the skipped files come into view.
  static func scrollOffset(_ lines: [Line], cursor: Int, visible: Int) -> Int {
    guard visible > 0, lines.count > visible else { return 0 }
    let first = lines.firstIndex { $0.entry == cursor } ?? 0
    let last = lines.lastIndex { $0.entry == cursor } ?? first
    let maximum = lines.count - visible
    var offset = max(0, last - visible + 1)
    if offset > first { offset = first }
    let lastEntry = lines.compactMap(\.entry).max() ?? 0
    if cursor == lastEntry { offset = max(offset, min(maximum, first)) }
    return min(offset, maximum)
  }

  /// Draws the overlay for `state` over `buffer`.
  public static func draw(_ state: AppState, into buffer: inout CellBuffer) {
    guard let box = box(state, width: buffer.width, height: buffer.height) else { return }
    OverlayFrame.draw(into: &buffer, box: box, title: " Rank profiles ", footer: " ↑↓ Enter pick · Esc close ")
    let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
    guard !inner.isEmpty else { return }
    let all = lines(state, width: inner.width)
    let offset = scrollOffset(all, cursor: state.profileCursor, visible: inner.height)
    if offset > 0, box.width > 28 { buffer.put(" more ↑ ", x: box.maxX - 10, y: box.y, role: .helpTitle) }
    if offset + inner.height < all.count, box.width > 10 {
      buffer.put(" more ↓ ", x: box.x + 2, y: box.maxY - 1, role: .helpTitle)
    }
    for row in 0..<inner.height {
      let index = offset + row
      guard index < all.count else { break }
      let line = all[index]
      let y = inner.y + row
      let marked = line.entry == state.profileCursor
      OverlayFrame.drawRow(line.pieces, y: y, inner: inner, marked: marked, into: &buffer)
    }
  }
}
