/// The status line: the retrieval mode (with the fusion method in hybrid mode), hits shown and total matches
/// (fused candidates in hybrid mode), each stage's time in milliseconds and the total, or the last error;
/// `? help` at the right. For example `BM25F │ 10 of 42 matches in 0.38 ms │ understand 0.05 retrieve 0.31 rank 0.02`.
public struct StatusLineView {
  /// The state shown.
  public var state: AppState

  /// Creates the view.
  public init(state: AppState) { self.state = state }

  /// The left part of the line and its role.
  public var message: (text: String, role: StyleRole) {
    if let error = state.errorMessage {
      return ("error: \(error.split(whereSeparator: \.isNewline).joined(separator: " "))", .statusError)
    }
    let semanticOff = !state.semanticStatus.isAvailable && state.schema.textEmbeddingField != nil
    var parts: [String] = [state.retrieval == .lexical && semanticOff ? "BM25F (semantic off)" : state.retrievalLabel]
    if let notice = state.notice { parts.append(notice) }
    if state.isSearching { parts.append("searching…") }
    if let outcome = state.outcome {
      let response = outcome.response
      // A pruned search counts only the matches it looked at: "≥ N" says at least N matched.
      let total = (response.totalMatchesIsExact ? "" : "≥ ") + Formatting.grouped(response.totalMatches)
      let counted = response.fusion == nil ? "matches" : "candidates"
      var summary = "\(response.hits.count) of \(total) \(counted)"
      if !response.trace.isEmpty { summary += " in \(Formatting.milliseconds(response.totalSeconds))" }
      parts.append(summary)
      let stages = response.trace.map { "\($0.name) \(Formatting.fixed($0.seconds * 1000, digits: 2))" }
      if !stages.isEmpty { parts.append(stages.joined(separator: " ")) }
    } else if !state.isSearching {
      parts.append("\(Formatting.grouped(state.documentCount)) documents")
    }
    return (parts.joined(separator: " │ "), .statusLine)
  }

  /// Draws the line in the first row of `rect`; the `? help` hint only when the message leaves room for it.
  public func draw(into buffer: inout CellBuffer, rect: Rect) {
    guard !rect.isEmpty else { return }
    let row = rect.row(0)
    buffer.fill(row, role: .statusLine)
    let (text, role) = message
    let help = " ? help "
    let showHelp = 1 + text.displayWidth + 1 + help.displayWidth <= row.width
    let room = row.width - (showHelp ? help.displayWidth : 0)
    if room > 1 {
      buffer.put(" " + text.truncated(toWidth: room - 1), x: row.x, y: row.y, role: role, clip: row)
    }
    if showHelp {
      buffer.put(help, x: row.maxX - help.displayWidth, y: row.y, role: .helpKey, clip: row)
    }
  }
}
