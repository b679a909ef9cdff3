/// The query text being edited and its cursor, counted in grapheme clusters.
public struct QueryEditor: Sendable, Hashable {
  /// The text.
  public private(set) var characters: [Character]
  /// The cursor position: 0 is before the first character, `characters.count` after the last.
  public private(set) var cursor: Int

  /// Creates an editor holding `text` with the cursor at its end.
  public init(_ text: String = "") {
    characters = Array(text)
    cursor = characters.count
  }

  /// The text as a string.
  public var text: String { String(characters) }

  /// Inserts `text` at the cursor and moves the cursor after it.
  public mutating func insert(_ text: String) {
    let inserted = Array(text)
    characters.insert(contentsOf: inserted, at: cursor)
    cursor += inserted.count
    // Inserting a combining mark can merge clusters; re-normalise.
    let merged = Array(String(characters))
    if merged.count != characters.count {
      cursor = max(0, min(merged.count, cursor - (characters.count - merged.count)))
      characters = merged
    }
  }

  /// Deletes the character before the cursor; returns whether the text changed.
  @discardableResult
  public mutating func deleteBackward() -> Bool {
    guard cursor > 0 else { return false }
    characters.remove(at: cursor - 1)
    cursor -= 1
    return true
  }

  /// Deletes the character under the cursor; returns whether the text changed.
  @discardableResult
  public mutating func deleteForward() -> Bool {
    guard cursor < characters.count else { return false }
    characters.remove(at: cursor)
    return true
  }

  /// Deletes the word before the cursor (and the spaces after it), like Ctrl-W in a shell.
  @discardableResult
  public mutating func deleteWordBackward() -> Bool {
    guard cursor > 0 else { return false }
    var start = cursor
    while start > 0, characters[start - 1].isWhitespace { start -= 1 }
    while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
    characters.removeSubrange(start..<cursor)
    cursor = start
    return true
  }

  /// Removes all text; returns whether the text changed.
  @discardableResult
  public mutating func clear() -> Bool {
    let changed = !characters.isEmpty
    characters = []
    cursor = 0
    return changed
  }

  /// Moves the cursor one character left.
  public mutating func moveLeft() { cursor = max(0, cursor - 1) }
  /// Moves the cursor one character right.
  public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
  /// Moves the cursor to the start.
  public mutating func moveHome() { cursor = 0 }
  /// Moves the cursor to the end.
  public mutating func moveEnd() { cursor = characters.count }
}
