/// The status line: the retrieval mode (with the fusion method in hybrid mode), or the active rank profile
/// with its stages' output counts when room allows (`profile hybrid: retrieve 1,200 › fuse 1,000`), hits
/// shown and total matches (fused candidates in hybrid mode), each stage's time in milliseconds and the total,
/// or the last error; `? help` at the right. For example
/// `BM25F │ 10 of 42 matches in 0.38 ms │ understand 0.05 retrieve 0.31 rank 0.02`.
public struct StatusLineView {
  /// The state shown.
  public var state: AppState

  /// Creates the view.
  public init(state: AppState) { self.state = state }

  /// The left part of the line and its role.
  public var message: (text: String, role: StyleRole) { message(withProfileStages: true) }

  /// The active profile's stages as the shown response traced them, with the candidates each handed on:
  /// `retrieve 1,200 › fuse 1,000 › L1 200 › blend 50`; nil without a profile or before its results arrive.
  public var profileStages: String? {
    guard let profile = state.activeProfile, let response = state.outcome?.response, response.profile == profile.name
    else { return nil }
    let stages = response.trace.filter { $0.name != "understand" && $0.name != "page" }
    guard !stages.isEmpty else { return nil }
    return stages.map { "\($0.name) \(Formatting.grouped($0.outputCount))" }.joined(separator: " › ")
  }

  /// The left part of the line, with or without the active profile's stages (and the stage times).
  public func message(withProfileStages: Bool, withTimes: Bool = true) -> (text: String, role: StyleRole) {
    if let error = state.errorMessage {
      return ("error: \(error.split(whereSeparator: \.isNewline).joined(separator: " "))", .statusError)
    }
    let semanticOff = !state.semanticStatus.isAvailable && state.schema.textEmbeddingField != nil
    var label = state.activeProfile == nil && state.retrieval == .lexical && semanticOff
      ? "BM25F (semantic off)" : state.rankingLabel
    if withProfileStages, let stages = profileStages { label += ": \(stages)" }
    var parts: [String] = [label]
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
      if withTimes, !stages.isEmpty { parts.append(stages.joined(separator: " ")) }
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
    // The profile's stages stay when they fit with the hit count (the stage times may be cut instead).
    let withStages = message(withProfileStages: true, withTimes: false).text
    let (text, role) = message(withProfileStages: profileStages != nil && 1 + withStages.displayWidth <= row.width)
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
