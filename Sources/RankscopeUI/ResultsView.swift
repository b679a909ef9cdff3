import RankscopeEngine

/// The results list: rank, title, detail fields and score of each hit, with the selection highlighted; in
/// hybrid mode each hit also shows its provenance (`L3 S1`: rank 3 in BM25F, rank 1 in the text embedding);
/// after a re-rank of the same query (a tuning change, a profile switch) a narrow column beside the rank shows
/// how each hit moved: `↑3`, `↓2`, `new`, `=`. The hit marked as A for "why A above B" has an `A` before its
/// rank.
public struct ResultsView {
  /// The state shown.
  public var state: AppState

  /// Creates the view.
  public init(state: AppState) { self.state = state }

  /// The title of a hit: its document's title field, else its id.
  public static func title(of hit: SearchHit, document: JSONValue?, field: String?) -> String {
    if let field, let value = document?[field], !value.displayText.isEmpty { return value.displayText }
    return hit.id
  }

  /// The detail text of a hit: its document's detail fields joined with ` · `.
  public static func details(document: JSONValue?, fields: [String]) -> String {
    fields.compactMap { field -> String? in
      guard let value = document?[field], value != .null else { return nil }
      let text = value.displayText
      return text.isEmpty ? nil : text
    }.joined(separator: " · ")
  }

  /// Draws the rows (not the header) into `rect`.
  public func draw(into buffer: inout CellBuffer, rect: Rect) {
    guard !rect.isEmpty else { return }
    buffer.fill(rect, role: .normal)
    let hits = state.hits
    if hits.isEmpty {
      drawMessage(into: &buffer, rect: rect)
      return
    }
    let documents = state.outcome?.documents ?? []
    let scores = hits.map { Formatting.fixed($0.score) }
    let rankWidth = String(hits.map(\.rank).max() ?? 1).count
    let scoreWidth = scores.map(\.displayWidth).max() ?? 6
    let markers = state.outcome?.response.fusion == nil ? hits.map { _ in "" } : hits.map(\.sourceMarkers)
    let movements = hits.map(state.movement(of:))
    let grades = state.currentGrades
    let gradeSpace = grades == nil ? 0 : 2
    let naturalMoves = movements.map { $0?.label.displayWidth ?? 0 }.max() ?? 0
    let lifts = hits.map(state.lift(of:))
    let naturalLifts = lifts.map { $0.map { "p" + $0.label }?.displayWidth ?? 0 }.max() ?? 0
    let moveWidth0 = naturalMoves > 0 && rect.width - 2 - rankWidth - 2 - naturalMoves - 1 >= 6 ? naturalMoves : 0
    let liftWidth = naturalLifts > 0 && rect.width - 2 - rankWidth - 2 - moveWidth0 - naturalLifts - 2 >= 6 ? naturalLifts : 0
    let moveWidth = moveWidth0
    let moveSpace = (moveWidth > 0 ? moveWidth + 1 : 0) + (liftWidth > 0 ? liftWidth + 1 : 0)
    let naturalMarkers = markers.map(\.displayWidth).max() ?? 0
    let markerWidth = naturalMarkers > 0
      && rect.width - 2 - rankWidth - 2 - moveSpace - 2 - scoreWidth - 1 - naturalMarkers - 2 >= 20 ? naturalMarkers : 0
    let middle = rect.width - 2 - rankWidth - 2 - moveSpace - gradeSpace - 2 - scoreWidth - 1 - (markerWidth > 0 ? markerWidth + 2 : 0)
    let detailTexts = hits.indices.map { index in
      Self.details(document: documents.indices.contains(index) ? documents[index] : nil, fields: state.detailFields)
    }
    let naturalDetails = detailTexts.map(\.displayWidth).max() ?? 0
    let detailWidth = middle >= 30 ? min(naturalDetails, middle * 45 / 100) : 0
    let titleWidth = middle - (detailWidth > 0 ? detailWidth + 2 : 0)
    let showScore = middle >= 6
    let scroll = scrollOffset(state.resultsScroll, cursor: state.selection, count: hits.count, visible: rect.height)

    for line in 0..<rect.height {
      let index = scroll + line
      guard index < hits.count else { break }
      let hit = hits[index]
      let y = rect.y + line
      let row = rect.row(line)
      let isSelected = index == state.selection
      let selectionRole: StyleRole = state.focus == .explanation ? .selectionInactive : .selection
      func role(_ normal: StyleRole) -> StyleRole { isSelected ? selectionRole : normal }
      if isSelected { buffer.fill(row, role: selectionRole) }
      var x = rect.x
      buffer.put(isSelected ? ">" : " ", x: x, y: y, role: role(.resultRank), clip: row)
      if hit.id == state.markedHitId { buffer.put("A", x: x + 1, y: y, role: role(.rankNew), clip: row) }
      x += 2
      buffer.put(String(hit.rank).padded(toWidth: rankWidth, alignRight: true), x: x, y: y, role: role(.resultRank),
                 clip: row)
      x += rankWidth + 1
      if moveWidth > 0, let movement = movements[index] {
        buffer.put(movement.label.padded(toWidth: moveWidth), x: x, y: y, role: role(movement.role), clip: row)
      }
      if liftWidth > 0, let lift = lifts[index] {
        // `p↑3`: personalization moved it up three places (its rank without the user minus its rank with).
        buffer.put(("p" + lift.label).padded(toWidth: liftWidth), x: x + (moveWidth > 0 ? moveWidth + 1 : 0), y: y,
                   role: role(lift.role), clip: row)
      }
      x += moveSpace + 1
      if let grades {
        let grade = CompareResultsView.gradeCell(grades[hit.id])
        buffer.put(grade.text, x: x, y: y, role: role(grade.role), clip: row)
        x += gradeSpace
      }
      let document = documents.indices.contains(index) ? documents[index] : nil
      let title = Self.title(of: hit, document: document, field: state.titleField)
      if titleWidth > 0 {
        buffer.put(title.truncated(toWidth: titleWidth), x: x, y: y, role: role(.resultTitle), clip: row)
        x += titleWidth + 2
      }
      if detailWidth > 0 {
        buffer.put(detailTexts[index].truncated(toWidth: detailWidth), x: x, y: y, role: role(.resultDetail),
                   clip: row)
      }
      if markerWidth > 0 {
        buffer.put(markers[index].padded(toWidth: markerWidth, alignRight: false),
                   x: rect.maxX - 1 - scoreWidth - 2 - markerWidth, y: y, role: role(.resultDetail), clip: row)
      }
      if showScore {
        let score = scores[index]
        buffer.put(score, x: rect.maxX - 1 - score.displayWidth, y: y, role: role(.score), clip: row)
      }
    }
  }

  /// The empty-list message: a hint for an empty query, "searching", or "no results".
  private func drawMessage(into buffer: inout CellBuffer, rect: Rect) {
    var lines: [String]
    if state.query.text.allSatisfy(\.isWhitespace) {
      lines = ["Type to search \(Formatting.grouped(state.documentCount)) documents; results update as you type."]
      let examples = QueryInfoView.filterExamples(state.schema)
      if !examples.isEmpty { lines.append("Filter with \(examples.joined(separator: "  ")).") }
      lines.append("Tab moves between panels; ? lists every key.")
    } else if state.isSearching {
      lines = ["Searching…"]
    } else if state.errorMessage != nil {
      lines = ["The query could not run; see the status line."]
    } else {
      lines = ["No results for “\(state.query.text)”."]
    }
    for (offset, line) in lines.enumerated() where offset < rect.height {
      buffer.put(("  " + line).truncated(toWidth: rect.width), x: rect.x, y: rect.y + offset, role: .hint,
                 clip: rect.row(offset))
    }
  }
}
