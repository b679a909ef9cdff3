import RankscopeEngine

/// The refinement inspector (Alt-i): every proposed refinement (search guide) of the current query with why it
/// was proposed and what it finds — its text, its sources with their scores (session transitions: count, clicked,
/// by the user; significant terms: G² and the term's frequencies), its expected engagement, its number of results
/// (`≥` for a lower bound), its Jaccard@10 overlap with the query's results and its top results' titles. A framed
/// box over the screen like the profiles overlay; the marked one is applied with Enter.
public enum RefinementInspector {
  /// Widest box drawn, in cells.
  static let maximumWidth = 110

  /// One source as the inspector writes it.
  public static func describe(_ source: Refinement.Source) -> String {
    switch source {
    case .transition(let count, let clicked, let own):
      return "session \(count)× (\(clicked) clicked" + (own > 0 ? ", \(own) by the user)" : ")")
    case .significantTerm(let term, let score, let foreground, let size, let background):
      let frequencies = "(\(foreground)/\(size) top, \(Formatting.grouped(background)) docs)"
      return "term \(term) G² \(Formatting.fixed(score, digits: 1)) " + frequencies
    }
  }

  /// The inspector's lines for a text area `width` cells wide; each refinement's lines carry its index as entry.
  static func lines(_ state: AppState, width: Int) -> [ProfilesOverlay.Line] {
    typealias Line = ProfilesOverlay.Line
    var lines: [Line] = []
    func wrapped(_ text: String, role: StyleRole, indent: Int, entry: Int?) {
      let pad = String(repeating: " ", count: indent)
      for piece in ProfilesOverlay.wrap(text, width: max(1, width - indent)) {
        lines.append(Line(pieces: [(pad + piece, role)], entry: entry))
      }
    }
    let query = state.refinements.query ?? state.query.text
    let user = state.refinements.user.map { " for user \($0)" } ?? ""
    if case .unavailable = state.guideStatus {
      wrapped(state.guideStatus.description, role: .hint, indent: 0, entry: nil)
      return lines
    }
    if let note = RefinementChipsView.note(state) {
      wrapped("Refinements of \"\(query)\"\(user): \(note)", role: .hint, indent: 0, entry: nil)
      return lines
    }
    wrapped("Refinements of \"\(query)\"\(user), by expected engagement (clicked searches per search)",
            role: .helpTitle, indent: 0, entry: nil)
    for (index, refinement) in state.refinements.shown.enumerated() {
      lines.append(Line(pieces: [], entry: nil))
      let engagement = "engagement " + Formatting.fixed(refinement.engagement, digits: 4)
      let number = "\(index + 1) "
      let room = max(1, width - number.displayWidth - engagement.displayWidth - 2)
      let title = refinement.text.truncated(toWidth: room).padded(toWidth: room)
      lines.append(Line(pieces: [(number, .helpKey), (title, .helpKey), ("  " + engagement, .score)], entry: index))
      wrapped(refinement.sources.map(describe).joined(separator: " · "), role: .helpText, indent: 2, entry: index)
      let matches = (refinement.totalMatchesIsExact ? "" : "≥") + Formatting.grouped(refinement.totalMatches)
      let logged = refinement.loggedSearches > 0
        ? " · logged \(refinement.loggedSearches)× (\(refinement.loggedClickedSearches) clicked)" : ""
      wrapped("\(matches) results · Jaccard@10 \(Formatting.fixed(refinement.overlapWithParent, digits: 2)) with the query"
              + logged, role: .helpText, indent: 2, entry: index)
      let preview = refinement.preview.map { $0.title ?? $0.id }.joined(separator: " · ")
      wrapped("top: " + (preview.isEmpty ? "(no results)" : preview), role: .hint, indent: 2, entry: index)
    }
    return lines
  }

  /// Where the box goes on a screen of `width` × `height`, or nil when there is no room for one.
  static func box(_ state: AppState, width: Int, height: Int) -> Rect? {
    guard width >= 12, height >= 4 else { return nil }
    let boxWidth = min(width - 2, maximumWidth)
    let lineCount = lines(state, width: boxWidth - 4).count
    let boxHeight = min(height - 2, lineCount + 2)
    return Rect(x: (width - boxWidth) / 2, y: (height - boxHeight) / 2, width: boxWidth, height: boxHeight)
  }

  /// Draws the inspector for `state` over `buffer`.
  public static func draw(_ state: AppState, into buffer: inout CellBuffer) {
    guard let box = box(state, width: buffer.width, height: buffer.height) else { return }
    OverlayFrame.draw(into: &buffer, box: box, title: " Refinements ", footer: " ↑↓ Enter apply · Esc close ")
    let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
    guard !inner.isEmpty else { return }
    let all = lines(state, width: inner.width)
    let cursor = state.refinements.inspectorCursor
    let offset = ProfilesOverlay.scrollOffset(all, cursor: cursor, visible: inner.height)
    if offset > 0, box.width > 28 { buffer.put(" more ↑ ", x: box.maxX - 10, y: box.y, role: .helpTitle) }
    if offset + inner.height < all.count, box.width > 10 {
      buffer.put(" more ↓ ", x: box.x + 2, y: box.maxY - 1, role: .helpTitle)
    }
    let firstOfCursor = all.firstIndex { $0.entry == cursor }
    for row in 0..<inner.height {
      let index = offset + row
      guard index < all.count else { break }
      let line = all[index]
      let y = inner.y + row
      let marked = index == firstOfCursor
      OverlayFrame.drawRow(line.pieces, y: y, inner: inner, marked: marked, into: &buffer)
    }
  }
}
