import Foundation
import RankscopeEngine

/// The personalization panel (F12), in the explanation panel's place like the tuning panel: the user and a
/// summary (top interests, activity), then one row per switch — anonymous, and each signal on or off — then the
/// user's history, newest first, each event hideable (the profile is recomputed without it and the results
/// re-rank at once, with movement arrows); under them the cohort view of the marked signal once asked for (`c`).
public enum PersonalizationPanel {
  /// One line: pieces drawn left to right, and the row it shows (nil for headings and summaries).
  struct Line {
    var pieces: [(text: String, role: StyleRole)]
    var row: Int?
  }

  /// Rows: the anonymous switch, one per signal, then one per history event.
  static func rowCount(_ profile: UserProfile) -> Int { 1 + PersonalizationSignal.allCases.count + profile.events.count }

  /// The history event shown on `row` (newest first), as a position in `profile.events`.
  static func eventIndex(ofRow row: Int, in profile: UserProfile) -> Int? {
    let offset = row - 1 - PersonalizationSignal.allCases.count
    guard profile.events.indices.contains(offset) else { return nil }
    return profile.events.count - 1 - offset
  }

  /// The panel's title.
  static func header(_ state: AppState) -> (title: String, trailing: String) {
    guard let personalization = state.personalization else { return ("Personalization", "F11 picks a user") }
    let status = personalization.isAnonymous ? "anonymous" : "\(personalization.enabledSignals.count) of \(PersonalizationSignal.allCases.count) signals on"
    return ("User \(personalization.profile.userId) \(personalization.profile.name)",
            status + (personalization.isRebuilding ? " · recomputing…" : "") + " · Space switches · c cohort · Esc")
  }

  /// The panel's lines for a body `width` cells wide.
  static func lines(_ state: AppState, width: Int) -> [Line] {
    guard let personalization = state.personalization else {
      return [Line(pieces: [("No user: F11 picks one.", .hint)], row: nil)]
    }
    let profile = personalization.profile
    let summary = UserDirectory.summary(of: profile)
    var lines: [Line] = []
    let interests = summary.topCategories.prefix(4).map { "\($0.value) \(Int(($0.share * 100).rounded()))%" }
    lines.append(Line(pieces: [("  interests: " + interests.joined(separator: ", "), .explanationLabel)], row: nil))
    let activity = profile.activity
    lines.append(Line(pieces: [("  activity: \(activity.total) events, \(activity.lastWeek) this week, "
                                + "\(profile.interests.count) interest clusters", .hint)], row: nil))
    func mark(_ row: Int) -> String { row == state.personalizationCursor ? "> " : "  " }
    lines.append(Line(pieces: [(mark(0), .resultRank), (personalization.isAnonymous ? "[x] " : "[ ] ", .explanationMarker),
                               ("anonymous (every signal off, the user kept)", .explanationLabel)], row: 0))
    let weighted = weightedSignals(state)
    for (offset, signal) in PersonalizationSignal.allCases.enumerated() {
      let row = offset + 1
      let isOn = personalization.enabledSignals.contains(signal)
      var note = weighted.map { $0.contains(signal.featureName) ? "" : "  (the ranking does not weigh it)" } ?? ""
      if state.activeProfile == nil { note = "  (no rank profile: no feature is weighed)" }
      lines.append(Line(pieces: [(mark(row), .resultRank), (isOn ? "[on]  " : "[off] ", isOn ? .rankUp : .rankDown),
                                 (signal.featureName, .explanationLabel), (note, .hint)], row: row))
    }
    if let cohort = state.cohort { lines += cohortLines(cohort, width: width) }
    lines.append(Line(pieces: [("  history, newest first (Space hides an event; \(personalization.hiddenEvents.count) hidden)",
                                .hint)], row: nil))
    let base = personalization.baseProfile
    for offset in 0..<base.events.count {
      let row = 1 + PersonalizationSignal.allCases.count + offset
      let index = base.events.count - 1 - offset
      let event = base.events[index]
      let hidden = personalization.hiddenEvents.contains(index)
      let age = max(0, (base.referenceTime - event.timestamp) / 86_400)
      let when = age < 1 ? "today" : "\(Int(age))d ago"
      let query = event.query.map { " · “\($0)”" } ?? ""
      lines.append(Line(pieces: [(mark(row), .resultRank), (hidden ? "hidden " : "       ", .rankDown),
                                 ("\(event.action.rawValue.padded(toWidth: 7)) \(event.documentId)", hidden ? .hint : .explanationLabel),
                                 ("  \(when)\(query)", .hint)], row: row))
    }
    return lines
  }

  /// The features the active profile's L1 stage weighs, or nil when it cannot be told (an L2 model may read
  /// any feature).
  static func weightedSignals(_ state: AppState) -> Set<String>? {
    guard let profile = state.activeProfile else { return [] }
    if profile.l2 != nil { return nil }
    return Set(profile.l1?.weights.map(\.feature) ?? [])
  }

  /// The cohort view's lines: per user nDCG@10 on → off and churn, then the means.
  static func cohortLines(_ cohort: CohortState, width: Int) -> [Line] {
    var lines = [Line(pieces: [("  cohort: \(cohort.signal.featureName) on → off over \(cohort.userCount) users × "
                                + "\(cohort.queryCount) held-out judged queries", .helpTitle)], row: nil)]
    switch cohort.result {
    case nil:
      lines.append(Line(pieces: [("    evaluating…", .hint)], row: nil))
    case .failure(let failure)?:
      lines.append(Line(pieces: [("    failed: \(failure.message)", .statusError)], row: nil))
    case .success(let result)?:
      let on = result.mean(\.ndcgOn)
      let off = result.mean(\.ndcgOff)
      lines.append(Line(pieces: [("    mean nDCG@10 \(Formatting.fixed(on)) → \(Formatting.fixed(off)) (\(Formatting.signed(off - on))), "
                                  + "top-10 churn \(Formatting.fixed(result.mean(\.churn), digits: 3))",
                                  off >= on ? .rankUp : .rankDown)], row: nil))
      for row in result.rows {
        lines.append(Line(pieces: [("    \(row.userId) \(row.name.truncated(toWidth: 18).padded(toWidth: 18)) "
                                    + "\(Formatting.fixed(row.ndcgOn)) → \(Formatting.fixed(row.ndcgOff))  churn "
                                    + Formatting.fixed(row.churn, digits: 3), .hint)], row: nil))
      }
    }
    return lines
  }

  /// Draws the panel into `areas` (its header and body).
  static func draw(_ state: AppState, areas: TuningPanel.Areas, into buffer: inout CellBuffer) {
    let (title, trailing) = header(state)
    PanelHeader(title: title, trailing: trailing, isFocused: true).draw(into: &buffer, rect: areas.header)
    buffer.fill(areas.body, role: .normal)
    let all = lines(state, width: areas.body.width)
    PanelText.draw(all.map(\.pieces), marked: all.firstIndex { $0.row == state.personalizationCursor }, into: &buffer,
                   body: areas.body)
  }
}

/// The user picker (F11): what is typed, then "no user" and every matching user with a summary (top
/// categories, interests, activity), the marked one highlighted; drawn in a framed box over the screen.
public enum UserPickerOverlay {
  /// Draws the picker for `state` over `buffer`.
  public static func draw(_ state: AppState, into buffer: inout CellBuffer) {
    guard let picker = state.userPicker, buffer.width >= 24, buffer.height >= 8 else { return }
    let boxWidth = min(buffer.width - 2, 110)
    let box = Rect(x: (buffer.width - boxWidth) / 2, y: 1, width: boxWidth, height: buffer.height - 2)
    let side = picker.side == .a ? "" : " for side B"
    OverlayFrame.draw(into: &buffer, box: box, title: " Pick a user\(side) ", footer: " type · ↑↓ Enter pick · Esc cancel ")
    let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
    guard inner.height >= 3 else { return }
    buffer.put("› " + picker.query.text, x: inner.x, y: inner.y, role: .queryText, clip: inner.row(0))
    let matches = state.userPickerMatches
    let count = "\(matches.count) of \(state.userDirectory?.profiles.count ?? 0) users"
    buffer.put(count, x: inner.maxX - count.displayWidth, y: inner.y, role: .hint, clip: inner.row(0))
    let list = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
    let entries = ["no user (searches are not personalized)"] + matches.map { UserDirectory.summary(of: $0).line }
    let scroll = scrollOffset(0, cursor: picker.cursor, count: entries.count, visible: list.height)
    for offset in 0..<list.height {
      let index = scroll + offset
      guard index < entries.count else { break }
      let row = list.row(offset)
      let marked = index == picker.cursor
      if marked { buffer.fill(Rect(x: row.x - 1, y: row.y, width: row.width + 2, height: 1), role: .selection) }
      buffer.put(entries[index].truncated(toWidth: row.width), x: row.x, y: row.y,
                 role: marked ? .selection : (index == 0 ? .hint : .helpText), clip: row)
    }
  }
}
