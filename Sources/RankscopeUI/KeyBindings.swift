/// A panel that can hold the keyboard focus, in Tab order.
public enum Focus: String, Sendable, Hashable, CaseIterable {
  case query, results, explanation
}

/// Something the user can ask for with a key; `KeyBindings.table` maps keys to commands.
public enum Command: String, Hashable, Sendable {
  // Everywhere
  case quit, toggleHelp, closeHelp, toggleRetrieval, focusNext, focusPrevious, focusQuery, focusResults, focusExplanation
  case cycleProfile, toggleProfiles
  // Query bar
  case insertTypedCharacter, deleteBackward, deleteForward, cursorLeft, cursorRight, cursorHome, cursorEnd
  case clearQuery, deleteWordBackward
  // Results
  case selectPrevious, selectNext, selectPageUp, selectPageDown, selectFirst, selectLast
  // Explanation
  case nodePrevious, nodeNext, nodePageUp, nodePageDown, nodeFirst, nodeLast
  case unfold, fold, toggleFold, expandAll, collapseAll
  // Help overlay
  case helpScrollUp, helpScrollDown, helpPageUp, helpPageDown
  // Profiles overlay
  case profilePrevious, profileNext, pickProfile, closeProfiles
  // Tuning panel
  case toggleTuning, tuningPrevious, tuningNext, tuningDecrease, tuningIncrease, tuningDecreaseFine, tuningIncreaseFine
  case tuningReset, tuningResetAll, closeTuning
  // Why not X, why A above B
  case openWhyNot, whyNotInsertCharacter, whyNotDeleteBackward, whyNotClear, whyNotSubmit, whyNotCancel
  case closeReport, markHit, compareWithMarked
  // Compare view, whole-set panel, ratings and holes
  case toggleCompare, cycleCompareSide, compareColumnA, compareColumnB
  case toggleSetPanel, closeSetPanel, setPrevious, setNext, setPageUp, setPageDown, setOpenQuery, jumpToRegressed
  /// Rate the selected result for the current query 0, 1, 2 or 3.
  case rate0, rate1, rate2, rate3
  case clearRating, toggleHoles
  // Users and personalization
  case toggleUserPicker, userPickerInsertCharacter, userPickerDeleteBackward, userPickerPrevious, userPickerNext
  case userPickerPick, userPickerCancel
  case togglePersonalization, closePersonalization, personalizationPrevious, personalizationNext
  case personalizationToggle, personalizationCohort, cycleCompareUser
  // Recommendations
  case showHomefeed, showRelated
  // Autocomplete dropdown
  case completionNext, completionPrevious, acceptCompletion, closeCompletions
  // Refinement chips and the inspector
  case focusChips, chipPrevious, chipNext, applyChip, pickChipByNumber, leaveChips
  case toggleRefinementInspector, inspectorPrevious, inspectorNext, inspectorApply, closeInspector
  // Query understanding
  case toggleUnderstanding, undoCorrection, acceptSuggestion, toggleRewritesPanel, closeRewritesPanel
  case rewritesPrevious, rewritesNext, rewritesToggle
}

/// Where a binding applies.
public enum BindingScope: String, Sendable, Hashable, CaseIterable {
  /// While the help overlay is shown (checked first).
  case help
  /// While the rank-profiles overlay is shown (checked first).
  case profiles
  /// While the tuning panel is shown (checked first).
  case tuning
  /// While the "why not X" prompt is open (checked first).
  case whyNotPrompt
  /// While the whole-set panel is shown (checked first).
  case setPanel
  /// While the user picker is open (checked first).
  case userPicker
  /// While the personalization panel is shown (checked first).
  case personalization
  /// While the refinement inspector is shown (checked first).
  case refinementInspector
  /// While the refinement chips have the focus (checked first).
  case chips
  /// While the query-rewrites panel is shown (checked first).
  case rewrites
  /// While a why-not report or a comparison is shown (checked before the focused panel's bindings).
  case report
  /// While the autocomplete dropdown is shown under the query bar (checked before the query bar's bindings).
  case autocomplete
  /// In the results while the compare view is open (checked before the results' bindings).
  case compareResults
  /// In the query bar.
  case query
  /// In the results list.
  case results
  /// In the explanation tree.
  case explanation
  /// In every panel (checked after the focused panel's bindings).
  case global

  /// The heading shown in the help overlay.
  public var title: String {
    switch self {
    case .help: return "Help overlay"
    case .profiles: return "Rank profiles overlay"
    case .tuning: return "Tuning panel (edits stay in memory)"
    case .whyNotPrompt: return "Why-not prompt (a document id)"
    case .setPanel: return "Whole-set panel (A vs B over every judged query)"
    case .userPicker: return "User picker (type a name or id)"
    case .personalization: return "Personalization panel (signals and history)"
    case .refinementInspector: return "Refinement inspector (Alt-i)"
    case .chips: return "Refinement chips (Alt-g)"
    case .autocomplete: return "Autocomplete dropdown (while typing)"
    case .rewrites: return "Query understanding panel (rewrites)"
    case .report: return "Why-not report or comparison"
    case .compareResults: return "Results in the compare view"
    case .query: return "Query bar"
    case .results: return "Results"
    case .explanation: return "Explanation"
    case .global: return "Everywhere"
    }
  }

  /// The scope of a focused panel.
  public init(_ focus: Focus) {
    switch focus {
    case .query: self = .query
    case .results: self = .results
    case .explanation: self = .explanation
    }
  }
}

/// Which keys a binding reacts to.
public enum KeyPattern: Hashable, Sendable {
  /// Exactly this key.
  case key(Key)
  /// Any printable character not bound otherwise (typing).
  case anyPrintable

  /// How the pattern is written in the help overlay.
  public var label: String {
    switch self {
    case .key(let key): return key.label
    case .anyPrintable: return "text"
    }
  }
}

/// One row of the key-binding table: keys, where they apply, what they do and how help describes it.
public struct KeyBinding: Hashable, Sendable {
  /// The keys, in the order help lists them.
  public var patterns: [KeyPattern]
  /// Where the binding applies.
  public var scope: BindingScope
  /// What the keys do.
  public var command: Command
  /// A short description for the help overlay.
  public var summary: String
  /// How help writes the keys when listing each would be too long (`1…9`); nil: each key's label.
  public var shortLabel: String?

  /// Creates a binding.
  public init(_ keys: [Key], _ scope: BindingScope, _ command: Command, _ summary: String, label: String? = nil) {
    self.patterns = keys.map(KeyPattern.key)
    self.scope = scope
    self.command = command
    self.summary = summary
    self.shortLabel = label
  }

  /// Creates a binding with explicit patterns.
  public init(patterns: [KeyPattern], scope: BindingScope, command: Command, summary: String) {
    self.patterns = patterns
    self.scope = scope
    self.command = command
    self.summary = summary
    shortLabel = nil
  }

  /// The keys as written in the help overlay, e.g. `↑ k`.
  public var keyLabel: String { shortLabel ?? patterns.map(\.label).joined(separator: " ") }
}

/// The one key-binding table: the reducer resolves keys with it and the help overlay lists it.
public enum KeyBindings {
  /// Every binding, in the order the help overlay shows them.
  public static let table: [KeyBinding] = [
    // Everywhere
    KeyBinding([.tab], .global, .focusNext, "next panel"),
    KeyBinding([.backTab], .global, .focusPrevious, "previous panel"),
    KeyBinding([.character("?"), .function(1)], .global, .toggleHelp, "show or hide this help"),
    KeyBinding([.control("c"), .control("q")], .global, .quit, "quit"),
    KeyBinding([.function(2), .control("t")], .global, .toggleRetrieval, "retrieval: lexical → semantic → hybrid"),
    KeyBinding([.function(3), .control("p")], .global, .cycleProfile, "rank profile: none → each in turn"),
    KeyBinding([.function(4), .control("o")], .global, .toggleProfiles, "list the rank profiles, pick one"),
    KeyBinding([.function(5), .control("k")], .global, .toggleTuning, "tune the profile's L1 weights and blend"),
    KeyBinding([.function(6), .control("x")], .global, .openWhyNot, "why not X: follow a document's stages"),
    KeyBinding([.function(7), .control("g")], .global, .toggleCompare, "compare view: A and B side by side"),
    KeyBinding([.function(8), .control("n")], .global, .cycleCompareSide, "compare: B runs the next mode or profile"),
    KeyBinding([.function(9), .control("v")], .global, .toggleSetPanel, "compare A and B over every judged query"),
    KeyBinding([.function(10), .control("r")], .global, .jumpToRegressed, "go to the next query where B regressed"),
    KeyBinding([.alt("0")], .global, .rate0, "rate the selected result 0 (irrelevant)"),
    KeyBinding([.alt("1")], .global, .rate1, "rate it 1 (somewhat relevant)"),
    KeyBinding([.alt("2")], .global, .rate2, "rate it 2 (relevant)"),
    KeyBinding([.alt("3")], .global, .rate3, "rate it 3 (highly relevant)"),
    KeyBinding([.alt("x")], .global, .clearRating, "remove its rating"),
    KeyBinding([.alt("u")], .global, .toggleHoles, "holes: the unjudged top-10 results"),
    KeyBinding([.function(11), .alt("p")], .global, .toggleUserPicker, "pick the user searches are for"),
    KeyBinding([.function(12), .alt("s")], .global, .togglePersonalization, "the user's signals and history"),
    KeyBinding([.alt("b")], .global, .cycleCompareUser, "compare: B's user: A's → none → another"),
    KeyBinding([.alt("h")], .global, .showHomefeed, "the user's homefeed (again: search)"),
    KeyBinding([.alt("r")], .global, .showRelated, "pins related to the selected one"),
    KeyBinding([.alt("g")], .global, .focusChips, "refinement chips: pick one (again: off)"),
    KeyBinding([.alt("i")], .global, .toggleRefinementInspector, "inspect the query's refinements"),
    KeyBinding([.alt("q")], .global, .toggleUnderstanding, "query understanding on or off"),
    KeyBinding([.alt("z")], .global, .undoCorrection, "undo the auto-correction (again: redo)"),
    KeyBinding([.alt("y")], .global, .acceptSuggestion, "take the \"did you mean\" query"),
    KeyBinding([.alt("w")], .global, .toggleRewritesPanel, "the rewrites: see and switch each"),
    KeyBinding([.escape], .global, .focusQuery, "back to the query bar"),
    // Query bar
    KeyBinding(patterns: [.anyPrintable], scope: .query, command: .insertTypedCharacter,
               summary: "type the query; results follow each key"),
    KeyBinding([.backspace], .query, .deleteBackward, "delete the character before the cursor"),
    KeyBinding([.delete, .control("d")], .query, .deleteForward, "delete the character under the cursor"),
    KeyBinding([.left, .control("b")], .query, .cursorLeft, "move the cursor left"),
    KeyBinding([.right, .control("f")], .query, .cursorRight, "move the cursor right"),
    KeyBinding([.home, .control("a")], .query, .cursorHome, "cursor to the start"),
    KeyBinding([.end, .control("e")], .query, .cursorEnd, "cursor to the end"),
    KeyBinding([.control("u")], .query, .clearQuery, "clear the query"),
    KeyBinding([.control("w")], .query, .deleteWordBackward, "delete the word before the cursor"),
    KeyBinding([.up], .query, .selectPrevious, "previous result"),
    KeyBinding([.down], .query, .selectNext, "next result"),
    KeyBinding([.pageUp], .query, .selectPageUp, "results page up"),
    KeyBinding([.pageDown], .query, .selectPageDown, "results page down"),
    KeyBinding([.enter], .query, .focusResults, "go to the results"),
    // Autocomplete dropdown
    KeyBinding([.tab], .autocomplete, .completionNext, "next suggestion"),
    KeyBinding([.backTab], .autocomplete, .completionPrevious, "previous suggestion"),
    KeyBinding([.enter], .autocomplete, .acceptCompletion, "search the highlighted suggestion"),
    KeyBinding([.escape], .autocomplete, .closeCompletions, "close the suggestions"),
    // Results
    KeyBinding([.up, .character("k")], .results, .selectPrevious, "previous result"),
    KeyBinding([.down, .character("j")], .results, .selectNext, "next result"),
    KeyBinding([.pageUp], .results, .selectPageUp, "page up"),
    KeyBinding([.pageDown], .results, .selectPageDown, "page down"),
    KeyBinding([.home, .character("g")], .results, .selectFirst, "first result"),
    KeyBinding([.end, .character("G")], .results, .selectLast, "last result"),
    KeyBinding([.enter, .right, .character("l")], .results, .focusExplanation, "explain the selected result"),
    KeyBinding([.character("/")], .results, .focusQuery, "edit the query"),
    KeyBinding([.character("m")], .results, .markHit, "mark it as A (again: unmark)"),
    KeyBinding([.character("c")], .results, .compareWithMarked, "why A above B: compare A with it"),
    KeyBinding([.character("0")], .results, .rate0, "rate the selected result 0 (irrelevant)"),
    KeyBinding([.character("1")], .results, .rate1, "rate it 1 (somewhat relevant)"),
    KeyBinding([.character("2")], .results, .rate2, "rate it 2 (relevant)"),
    KeyBinding([.character("3")], .results, .rate3, "rate it 3 (highly relevant)"),
    KeyBinding([.character("x")], .results, .clearRating, "remove its rating"),
    KeyBinding([.character("u")], .results, .toggleHoles, "holes: only the unjudged top-10 results"),
    KeyBinding([.character("r")], .results, .showRelated, "pins related to the selected one"),
    KeyBinding([.character("q")], .results, .quit, "quit"),
    // Results in the compare view
    KeyBinding([.left, .character("a")], .compareResults, .compareColumnA, "select in column A"),
    KeyBinding([.right, .character("b")], .compareResults, .compareColumnB, "select in column B"),
    // Explanation
    KeyBinding([.up, .character("k")], .explanation, .nodePrevious, "previous node"),
    KeyBinding([.down, .character("j")], .explanation, .nodeNext, "next node"),
    KeyBinding([.pageUp], .explanation, .nodePageUp, "page up"),
    KeyBinding([.pageDown], .explanation, .nodePageDown, "page down"),
    KeyBinding([.home, .character("g")], .explanation, .nodeFirst, "first node"),
    KeyBinding([.end, .character("G")], .explanation, .nodeLast, "last node"),
    KeyBinding([.right, .character("l")], .explanation, .unfold, "unfold (or go to the first child)"),
    KeyBinding([.left, .character("h")], .explanation, .fold, "fold (or go to the parent)"),
    KeyBinding([.enter, .character(" ")], .explanation, .toggleFold, "fold or unfold"),
    KeyBinding([.character("e"), .character("+")], .explanation, .expandAll, "expand all"),
    KeyBinding([.character("c"), .character("-")], .explanation, .collapseAll, "collapse all"),
    KeyBinding([.character("["), .character("p")], .explanation, .selectPrevious, "explain the previous result"),
    KeyBinding([.character("]"), .character("n")], .explanation, .selectNext, "explain the next result"),
    KeyBinding([.character("/")], .explanation, .focusQuery, "edit the query"),
    KeyBinding([.character("q")], .explanation, .quit, "quit"),
    // Help overlay
    KeyBinding([.up, .character("k")], .help, .helpScrollUp, "scroll up"),
    KeyBinding([.down, .character("j")], .help, .helpScrollDown, "scroll down"),
    KeyBinding([.pageUp], .help, .helpPageUp, "page up"),
    KeyBinding([.pageDown], .help, .helpPageDown, "page down"),
    KeyBinding([.escape, .character("q"), .enter], .help, .closeHelp, "close the help"),
    // Rank-profiles overlay
    KeyBinding([.up, .character("k")], .profiles, .profilePrevious, "previous profile"),
    KeyBinding([.down, .character("j")], .profiles, .profileNext, "next profile"),
    KeyBinding([.enter, .character(" ")], .profiles, .pickProfile, "make the marked profile active"),
    KeyBinding([.escape, .character("q")], .profiles, .closeProfiles, "close the list"),
    // Tuning panel
    KeyBinding([.up, .character("k")], .tuning, .tuningPrevious, "previous parameter"),
    KeyBinding([.down, .character("j")], .tuning, .tuningNext, "next parameter"),
    KeyBinding([.left, .character("-"), .character("h")], .tuning, .tuningDecrease,
               "decrease: 0.1, λ/shares .05, counts 1"),
    KeyBinding([.right, .character("+"), .character("="), .character("l")], .tuning, .tuningIncrease,
               "increase by the same step"),
    KeyBinding([.character("<")], .tuning, .tuningDecreaseFine, "decrease by a fine step (0.01)"),
    KeyBinding([.character(">")], .tuning, .tuningIncreaseFine, "increase by a fine step (0.01)"),
    KeyBinding([.character("0")], .tuning, .tuningReset, "reset it to the profile file's value"),
    KeyBinding([.character("r")], .tuning, .tuningResetAll, "reset every parameter"),
    KeyBinding([.escape, .character("q"), .enter], .tuning, .closeTuning, "close the panel (edits stay)"),
    // Whole-set panel
    KeyBinding([.up, .character("k")], .setPanel, .setPrevious, "previous query"),
    KeyBinding([.down, .character("j")], .setPanel, .setNext, "next query"),
    KeyBinding([.pageUp], .setPanel, .setPageUp, "page up"),
    KeyBinding([.pageDown], .setPanel, .setPageDown, "page down"),
    KeyBinding([.enter], .setPanel, .setOpenQuery, "search the query, A and B side by side"),
    KeyBinding([.escape, .character("q")], .setPanel, .closeSetPanel, "close the panel"),
    // User picker
    KeyBinding(patterns: [.anyPrintable], scope: .userPicker, command: .userPickerInsertCharacter,
               summary: "type a name or id"),
    KeyBinding([.backspace], .userPicker, .userPickerDeleteBackward, "delete the character before the cursor"),
    KeyBinding([.up], .userPicker, .userPickerPrevious, "previous user"),
    KeyBinding([.down], .userPicker, .userPickerNext, "next user"),
    KeyBinding([.enter], .userPicker, .userPickerPick, "pick the marked user (first: no user)"),
    KeyBinding([.escape], .userPicker, .userPickerCancel, "cancel"),
    // Personalization panel
    KeyBinding([.up, .character("k")], .personalization, .personalizationPrevious, "previous row"),
    KeyBinding([.down, .character("j")], .personalization, .personalizationNext, "next row"),
    KeyBinding([.character(" "), .enter], .personalization, .personalizationToggle,
               "switch it (anonymous, signal, event)"),
    KeyBinding([.character("c")], .personalization, .personalizationCohort, "cohort: the signal off for 12 users"),
    KeyBinding([.escape, .character("q")], .personalization, .closePersonalization, "close the panel"),
    // Query-rewrites panel
    KeyBinding([.up, .character("k")], .rewrites, .rewritesPrevious, "previous row"),
    KeyBinding([.down, .character("j")], .rewrites, .rewritesNext, "next row"),
    KeyBinding([.character(" "), .enter], .rewrites, .rewritesToggle, "switch it on or off"),
    KeyBinding([.escape, .character("q")], .rewrites, .closeRewritesPanel, "close the panel"),
    // Why-not prompt
    KeyBinding(patterns: [.anyPrintable], scope: .whyNotPrompt, command: .whyNotInsertCharacter,
               summary: "type the document id"),
    KeyBinding([.backspace], .whyNotPrompt, .whyNotDeleteBackward, "delete the character before the cursor"),
    KeyBinding([.control("u")], .whyNotPrompt, .whyNotClear, "clear the id"),
    KeyBinding([.enter], .whyNotPrompt, .whyNotSubmit, "follow the id through this search"),
    KeyBinding([.escape], .whyNotPrompt, .whyNotCancel, "cancel"),
    // Why-not report or comparison
    KeyBinding([.escape], .report, .closeReport, "close it, back to the explanation"),
    // Refinement chips
    KeyBinding([.left, .character("h")], .chips, .chipPrevious, "previous chip"),
    KeyBinding([.right, .character("l")], .chips, .chipNext, "next chip"),
    KeyBinding([.enter, .character(" ")], .chips, .applyChip, "refine the query with the chip"),
    KeyBinding((1...9).map { Key.character(Character("\($0)")) }, .chips, .pickChipByNumber,
               "refine with chip n", label: "1…9"),
    KeyBinding([.escape, .character("q")], .chips, .leaveChips, "leave the chips"),
    // Refinement inspector
    KeyBinding([.up, .character("k")], .refinementInspector, .inspectorPrevious, "previous refinement"),
    KeyBinding([.down, .character("j")], .refinementInspector, .inspectorNext, "next refinement"),
    KeyBinding([.enter], .refinementInspector, .inspectorApply, "refine the query with it"),
    KeyBinding([.escape, .character("q")], .refinementInspector, .closeInspector, "close the inspector"),
  ]

  /// The binding `key` triggers with `focus` in the keyboard focus, or `nil` when the key does nothing.
  ///
  /// Order: the shown overlay's bindings (help, the user picker, the refinement inspector, the focused chips, the
  /// rank-profiles list, the tuning panel, or the why-not prompt), else the report's Esc (when a why-not report or
  /// comparison is shown), the autocomplete dropdown's (while it is shown over the focused query bar) and the focused
  /// panel's, then the global ones; typed characters fall through to `insertTypedCharacter` in the query bar.
  /// While an overlay is shown nothing else but global bindings applies.
  public static func binding(for key: Key, focus: Focus, helpVisible: Bool, profilesVisible: Bool = false,
                             tuningVisible: Bool = false, promptVisible: Bool = false,
                             reportVisible: Bool = false, setPanelVisible: Bool = false,
                             compareVisible: Bool = false, userPickerVisible: Bool = false,
                             personalizationVisible: Bool = false, autocompleteVisible: Bool = false,
                             chipsFocused: Bool = false, inspectorVisible: Bool = false,
                             rewritesVisible: Bool = false) -> KeyBinding? {
    var focused: [BindingScope] = compareVisible && focus == .results ? [.compareResults, .results] : [BindingScope(focus)]
    if autocompleteVisible, focus == .query { focused.insert(.autocomplete, at: 0) }
    let scopes: [BindingScope] = helpVisible ? [.help, .global]
      : userPickerVisible ? [.userPicker, .global]
      : inspectorVisible ? [.refinementInspector, .global]
      : chipsFocused ? [.chips, .global]
      : setPanelVisible ? [.setPanel, .global]
      : personalizationVisible ? [.personalization, .global]
      : rewritesVisible ? [.rewrites, .global]
      : profilesVisible ? [.profiles, .global] : tuningVisible ? [.tuning, .global]
      : promptVisible ? [.whyNotPrompt, .global]
      : reportVisible ? [.report] + focused + [.global] : focused + [.global]
    for scope in scopes {
      if let found = table.first(where: { $0.scope == scope && $0.patterns.contains(.key(key)) }) {
        return found
      }
    }
    if !helpVisible, !profilesVisible, !tuningVisible, !setPanelVisible, !personalizationVisible, !inspectorVisible,
       !chipsFocused, !rewritesVisible, case .character = key {
      let scope = userPickerVisible ? BindingScope.userPicker : promptVisible ? BindingScope.whyNotPrompt : BindingScope(focus)
      return table.first { $0.scope == scope && $0.patterns.contains(.anyPrintable) }
    }
    return nil
  }

  /// Bindings of one scope, in table order.
  public static func bindings(in scope: BindingScope) -> [KeyBinding] {
    table.filter { $0.scope == scope }
  }
}

extension Command {
  /// The grade a rating command gives (nil for every other command).
  public var grade: Int? {
    switch self {
    case .rate0: return 0
    case .rate1: return 1
    case .rate2: return 2
    case .rate3: return 3
    default: return nil
    }
  }
}
