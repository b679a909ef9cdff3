import Testing
@testable import RankscopeUI

@Suite("Query editor")
struct QueryEditorTests {
  @Test("insert at the cursor, move, delete")
  func basics() {
    var editor = QueryEditor("cke")
    editor.moveHome()
    editor.moveRight()
    editor.insert("a")
    #expect(editor.text == "cake" && editor.cursor == 2)
    editor.moveEnd()
    let deletedBackward = editor.deleteBackward()
    #expect(deletedBackward && editor.text == "cak")
    let deletedAtEnd = editor.deleteForward()
    #expect(!deletedAtEnd)
    editor.moveHome()
    let deletedAtStart = editor.deleteBackward()
    #expect(!deletedAtStart)
    let deletedForward = editor.deleteForward()
    #expect(deletedForward && editor.text == "ak")
  }

  @Test("a combining mark typed after its base merges into one character")
  func combiningInsert() {
    var editor = QueryEditor("cafe")
    editor.insert("\u{301}")
    #expect(editor.characters.count == 4)
    #expect(editor.cursor == 4)
    #expect(editor.text == "caf\u{E9}")
  }

  @Test("Ctrl-W deletes the word before the cursor and the blanks after it")
  func deleteWord() {
    var editor = QueryEditor("type:video  red cake  ")
    editor.deleteWordBackward()
    #expect(editor.text == "type:video  red ")
    editor.moveLeft()
    editor.moveLeft()
    editor.deleteWordBackward()  // cursor inside "red": deletes "r" … up to the cursor
    #expect(editor.text == "type:video  d ")
    editor.moveHome()
    let deleted = editor.deleteWordBackward()
    #expect(!deleted)
  }

  @Test("wide characters and emoji are single editing units")
  func wide() {
    var editor = QueryEditor("抹茶👨‍👩‍👧")
    #expect(editor.characters.count == 3)
    editor.deleteBackward()
    #expect(editor.text == "抹茶")
  }
}
