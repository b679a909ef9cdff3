/// A map from style roles to styles, loaded from a theme file in `Themes/` or built in.
public struct Theme: Sendable, Hashable {
  /// The theme's name (its file name without `.json`, or `monochrome`).
  public var name: String
  /// Styles by role; a role without an entry is drawn in the `normal` style.
  public var styles: [StyleRole: CellStyle]
  /// Whether the theme uses colours (monochrome themes only set attributes).
  public var usesColor: Bool { styles.values.contains { $0.foreground != .default || $0.background != .default } }

  /// Creates a theme.
  public init(name: String, styles: [StyleRole: CellStyle]) {
    self.name = name
    self.styles = styles
  }

  /// The style for `role`, falling back to `normal`, then to the plain style.
  public func style(for role: StyleRole) -> CellStyle {
    styles[role] ?? styles[.normal] ?? .plain
  }

  /// The same theme with colours removed, for terminals without colour.
  public var monochromeVariant: Theme {
    Theme(name: name, styles: styles.mapValues(\.monochrome))
  }

  /// A built-in theme using only bold, underline and reverse; works on any terminal.
  public static let monochrome = Theme(
    name: "monochrome",
    styles: [
      .normal: .plain,
      .queryPrompt: CellStyle(bold: true),
      .queryText: .plain,
      .cursor: CellStyle(reverse: true),
      .queryInfo: .plain,
      .resultRank: .plain,
      .resultTitle: CellStyle(bold: true),
      .resultDetail: .plain,
      .score: .plain,
      .selection: CellStyle(reverse: true),
      .selectionInactive: CellStyle(underline: true),
      .explanationLabel: .plain,
      .explanationValue: CellStyle(bold: true),
      .explanationMarker: CellStyle(bold: true),
      .barPositive: .plain,
      .barNegative: CellStyle(underline: true),
      .statusLine: CellStyle(reverse: true),
      .statusError: CellStyle(bold: true, reverse: true),
      .helpKey: CellStyle(bold: true),
      .helpText: .plain,
      .helpTitle: CellStyle(bold: true),
      .border: .plain,
      .borderFocused: CellStyle(bold: true),
      .hint: .plain,
      .rankUp: CellStyle(bold: true),
      .rankDown: CellStyle(underline: true),
      .rankNew: CellStyle(bold: true, underline: true),
    ])
}
