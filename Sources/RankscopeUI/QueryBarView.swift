import RankscopeEngine

/// The query bar: a prompt, the query text scrolled to keep the cursor visible, and the cursor cell.
public struct QueryBarView {
  /// The prompt drawn before the text.
  public static let prompt = "› "

  /// The query being edited.
  public var query: QueryEditor
  /// Whether the bar has the keyboard focus (the cursor is drawn only then).
  public var isFocused: Bool

  /// Creates the view.
  public init(query: QueryEditor, isFocused: Bool) {
    self.query = query
    self.isFocused = isFocused
  }

  /// Draws the bar in the first row of `rect`.
  public func draw(into buffer: inout CellBuffer, rect: Rect) {
    guard !rect.isEmpty else { return }
    let row = rect.row(0)
    buffer.fill(row, role: .normal)
    let textX = buffer.put(Self.prompt, x: row.x, y: row.y, role: .queryPrompt, clip: row)
    let available = row.maxX - textX
    guard available > 0 else { return }
    let characters = query.characters
    let widths = characters.map { max(1, DisplayWidth.of($0)) }
    // Keep the cursor (one cell after the text at the end) inside the visible part.
    var start = 0
    var widthBeforeCursor = widths[0..<query.cursor].reduce(0, +)
    while widthBeforeCursor + 1 > available, start < query.cursor {
      widthBeforeCursor -= widths[start]
      start += 1
    }
    var x = textX
    for index in start..<characters.count {
      if x + widths[index] > row.maxX { break }
      let role: StyleRole = isFocused && index == query.cursor ? .cursor : .queryText
      x = buffer.put(String(characters[index]), x: x, y: row.y, role: role, clip: row)
    }
    if isFocused {
      if query.cursor == characters.count, x < row.maxX {
        buffer.put(" ", x: x, y: row.y, role: .cursor, clip: row)
      }
    }
  }
}

/// The line under the query bar: the parsed terms and filters, or a hint for writing filters.
public struct QueryInfoView {
  /// The parsed query of the results shown, if any.
  public var parsedQuery: ParsedQuery?
  /// The schema, for filter examples.
  public var schema: Schema

  /// Creates the view.
  public init(parsedQuery: ParsedQuery?, schema: Schema) {
    self.parsedQuery = parsedQuery
    self.schema = schema
  }

  /// What query understanding made of the query shown, and whether it is on.
  public var interpretation: QueryInterpretation?
  /// Whether searches ask for query understanding.
  public var isUnderstandingOn = true
  /// Whether the understander is still being built.
  public var isUnderstandingLoading = false

  /// The query-understanding part of the line: each rewrite (`(off)` when switched off), a "did you mean",
  /// or that understanding is off; empty when there is nothing to say.
  public var understandingText: String {
    guard isUnderstandingOn else { return "as typed (Alt-q: understanding on)" }
    guard let interpretation else { return isUnderstandingLoading ? "understanding: loading…" : "" }
    var parts: [String] = []
    for (index, rewrite) in interpretation.rewrites.enumerated() {
      parts.append(rewrite.shortLabel + (rewrite.isApplied ? "" : " (off)"))
      // The undo key right after the last applied correction, where a narrow line still shows it.
      let isLastCorrection = rewrite.kind == .spelling && !interpretation.rewrites[(index + 1)...].contains { $0.kind == .spelling }
      if isLastCorrection, interpretation.rewrites.contains(where: { $0.kind == .spelling && $0.isApplied }) {
        parts.append("Alt-z undo")
      }
    }
    if let suggestion = interpretation.suggestion { parts.append("did you mean: \(suggestion)? Alt-y") }
    return parts.isEmpty ? "" : "understood: " + parts.joined(separator: "  ")
  }

  /// Draws the line in the first row of `rect`.
  public func draw(into buffer: inout CellBuffer, rect: Rect) {
    guard !rect.isEmpty else { return }
    let row = rect.row(0)
    buffer.fill(row, role: .normal)
    var text: String
    if let parsedQuery {
      let terms = parsedQuery.terms.map(\.text)
      let termText = terms.isEmpty ? "(none)" : terms.joined(separator: " ")
      let filterText = parsedQuery.filters.isEmpty ? "(none)" : parsedQuery.filters.map(\.description).joined(separator: "  ")
      text = "  terms: \(termText)  ·  filters: \(filterText)"
      let understood = understandingText
      if !understood.isEmpty { text = "  \(understood)  ·" + text.dropFirst(1) }
    } else {
      let examples = Self.filterExamples(schema)
      text = examples.isEmpty ? "" : "  filters: \(examples.joined(separator: "  "))"
    }
    buffer.put(text.truncated(toWidth: row.width), x: row.x, y: row.y, role: .queryInfo, clip: row)
  }

  /// Example filters for the schema's keyword and numeric fields, e.g. `type:video`, `price<50`.
  public static func filterExamples(_ schema: Schema) -> [String] {
    var examples: [String] = []
    if let keyword = schema.keywordFields.first { examples.append("\(keyword.name):value") }
    if let numeric = schema.numericFields.first { examples.append("\(numeric.name)<50") }
    if let second = schema.keywordFields.dropFirst().first { examples.append("-\(second.name):value") }
    return examples
  }
}
