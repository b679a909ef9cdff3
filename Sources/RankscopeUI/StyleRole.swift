/// What a cell shows, named by its role rather than its colour; a `Theme` maps roles to styles.
public enum StyleRole: String, Sendable, Hashable, CaseIterable, Codable {
  /// Ordinary text and empty space.
  case normal
  /// The prompt before the query text.
  case queryPrompt
  /// The query text being edited.
  case queryText
  /// The cell under the text cursor.
  case cursor
  /// Parsed filters and terms shown under the query.
  case queryInfo
  /// A hit's rank number.
  case resultRank
  /// A hit's title.
  case resultTitle
  /// A hit's detail fields.
  case resultDetail
  /// A score.
  case score
  /// The selected row in the focused panel.
  case selection
  /// The selected row in a panel without focus.
  case selectionInactive
  /// An explanation node's label.
  case explanationLabel
  /// An explanation node's value.
  case explanationValue
  /// The fold markers `▸` and `▾`.
  case explanationMarker
  /// A bar for a positive contribution.
  case barPositive
  /// A bar for a negative contribution.
  case barNegative
  /// The status line.
  case statusLine
  /// An error in the status line.
  case statusError
  /// A key name in the help overlay.
  case helpKey
  /// A description in the help overlay.
  case helpText
  /// The help overlay's frame and headings.
  case helpTitle
  /// Panel borders and rules.
  case border
  /// The title of the focused panel.
  case borderFocused
  /// Friendly hints, such as the empty-query message.
  case hint
  /// A hit that moved up in a re-rank (`↑3`).
  case rankUp
  /// A hit that moved down in a re-rank (`↓2`).
  case rankDown
  /// A hit that entered the results in a re-rank (`new`).
  case rankNew
}

/// A terminal colour: the terminal's default, or an index into its palette (0–15 basic, 16–255 extended).
public enum TerminalColor: Sendable, Hashable {
  /// The terminal's own foreground or background.
  case `default`
  /// A palette index from 0 to 255.
  case index(UInt8)

  /// Names of the 16 basic colours, by index.
  public static let basicNames = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    "brightBlack", "brightRed", "brightGreen", "brightYellow", "brightBlue", "brightMagenta", "brightCyan",
    "brightWhite",
  ]

  /// Parses a colour name (`default`, a basic name, `gray`/`grey` for bright black) or an index 0–255.
  public init?(name: String) {
    let lowered = name.lowercased()
    if lowered == "default" || lowered == "none" {
      self = .default
      return
    }
    if let index = Self.basicNames.firstIndex(where: { $0.lowercased() == lowered }) {
      self = .index(UInt8(index))
      return
    }
    if lowered == "gray" || lowered == "grey" {
      self = .index(8)
      return
    }
    if let number = Int(name), (0...255).contains(number) {
      self = .index(UInt8(number))
      return
    }
    return nil
  }
}

/// How a role is drawn: colours and attributes.
public struct CellStyle: Sendable, Hashable {
  /// Foreground colour.
  public var foreground: TerminalColor
  /// Background colour.
  public var background: TerminalColor
  /// Bold text.
  public var bold: Bool
  /// Underlined text.
  public var underline: Bool
  /// Reversed foreground and background.
  public var reverse: Bool

  /// Creates a style.
  public init(foreground: TerminalColor = .default, background: TerminalColor = .default, bold: Bool = false,
              underline: Bool = false, reverse: Bool = false) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.underline = underline
    self.reverse = reverse
  }

  /// The plain style: default colours, no attributes.
  public static let plain = CellStyle()

  /// The same attributes without colours, for terminals without colour.
  public var monochrome: CellStyle {
    CellStyle(bold: bold, underline: underline, reverse: reverse)
  }
}
