/// Aligned plain-text table rows for the `complete` and `refine` tables.
enum TextColumns {
  /// `cells` padded to `widths` (negative: left-aligned), one space apart; a cell longer than its width is kept whole.
  static func row(_ cells: [String], widths: [Int]) -> String {
    zip(cells, widths).map { cell, width in
      let padding = String(repeating: " ", count: max(abs(width) - cell.count, 0))
      return width < 0 ? cell + padding : padding + cell
    }.joined(separator: " ")
  }
}
