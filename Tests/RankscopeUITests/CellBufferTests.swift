import Testing
@testable import RankscopeUI

@Suite("Cell buffer")
struct CellBufferTests {
  @Test("text joins rows with newlines and shows a wide character once")
  func text() {
    var buffer = CellBuffer(width: 6, height: 2)
    buffer.put("a中b", x: 0, y: 0, role: .normal)
    buffer.put("xy", x: 1, y: 1, role: .normal)
    #expect(buffer.text == "a中b  \n xy   ")
    #expect(buffer[1, 0].width == 2)
    #expect(buffer[2, 0].isContinuation)
    #expect(buffer.invariantViolation() == nil)
  }

  @Test("a wide character at the right edge becomes a space instead of being split")
  func wideAtRightEdge() {
    var buffer = CellBuffer(width: 4, height: 1)
    let end = buffer.put("ab中", x: 1, y: 0, role: .normal)
    #expect(buffer.text == " ab ")
    #expect(end == 4)
    #expect(buffer.invariantViolation() == nil)
  }

  @Test("a wide character straddling a clip edge is not split")
  func wideAtClipEdge() {
    var buffer = CellBuffer(width: 8, height: 1)
    buffer.put("中中中", x: 0, y: 0, role: .normal, clip: Rect(x: 0, y: 0, width: 5, height: 1))
    #expect(buffer.text == "中中    ")
    buffer.put("文文", x: 5, y: 0, role: .normal, clip: Rect(x: 5, y: 0, width: 3, height: 1))
    #expect(buffer.text == "中中 文 ")
    #expect(buffer.invariantViolation() == nil)
    var left = CellBuffer(width: 8, height: 1)
    left.put("文a", x: 5, y: 0, role: .normal, clip: Rect(x: 6, y: 0, width: 2, height: 1))
    #expect(left.text == "       a")
    #expect(left.invariantViolation() == nil)
  }

  @Test("overwriting half of a wide character blanks the other half")
  func overwriteHalf() {
    var buffer = CellBuffer(width: 6, height: 1)
    buffer.put("中文", x: 0, y: 0, role: .normal)
    buffer.put("x", x: 1, y: 0, role: .normal)  // right half of 中
    #expect(buffer.text == " x文  ")
    buffer.put("y", x: 2, y: 0, role: .normal)  // left half of 文
    #expect(buffer.text == " xy   ")
    buffer.put("字", x: 3, y: 0, role: .normal)
    #expect(buffer.text == " xy字 ")
    buffer.put("字", x: 2, y: 0, role: .normal)  // covers the left half of the previous one
    #expect(buffer.text == " x字  ")
    #expect(buffer.invariantViolation() == nil)
  }

  @Test("combining marks stay with their base; a lone mark joins the previous cell")
  func combiningMarks() {
    var buffer = CellBuffer(width: 5, height: 1)
    buffer.put("cafe\u{301}", x: 0, y: 0, role: .normal)
    #expect(buffer[3, 0].text == "e\u{301}")
    #expect(buffer.text == "cafe\u{301} ")
    var second = CellBuffer(width: 3, height: 1)
    second.put("a", x: 0, y: 0, role: .normal)
    second.put("\u{301}b", x: 1, y: 0, role: .normal)  // a mark with nothing before it in this call is dropped
    #expect(second.text == "ab ")
  }

  @Test("emoji take two cells; ZWJ sequences stay one cluster")
  func emoji() {
    var buffer = CellBuffer(width: 7, height: 1)
    buffer.put("😀👨‍👩‍👧x", x: 0, y: 0, role: .normal)
    #expect(buffer[0, 0].width == 2)
    #expect(buffer[2, 0].text == "👨‍👩‍👧")
    #expect(buffer[4, 0].text == "x")
    #expect(buffer.invariantViolation() == nil)
  }

  @Test("control characters are replaced and tabs become spaces")
  func controls() {
    var buffer = CellBuffer(width: 5, height: 1)
    buffer.put("a\tb\u{7}c", x: 0, y: 0, role: .normal)
    #expect(buffer.text == "a b\u{FFFD}c")
  }

  @Test("clipping: outside rows, negative columns, empty buffers")
  func clipping() {
    var buffer = CellBuffer(width: 4, height: 2)
    buffer.put("hello", x: -2, y: 0, role: .normal)
    #expect(buffer.line(0) == "llo ")
    buffer.put("zzz", x: 0, y: 5, role: .normal)
    buffer.put("zzz", x: 0, y: -1, role: .normal)
    buffer.put("中", x: -1, y: 1, role: .normal)  // the right half is all that is visible: a space
    #expect(buffer.line(1) == "    ")
    #expect(buffer.invariantViolation() == nil)
    var empty = CellBuffer(width: 0, height: 0)
    empty.put("x", x: 0, y: 0, role: .normal)
    empty.fill(Rect(x: 0, y: 0, width: 3, height: 3), role: .selection)
    #expect(empty.text == "")
    let negative = CellBuffer(width: -3, height: -1)
    #expect(negative.width == 0 && negative.height == 0)
  }

  @Test("fill keeps wide characters whole at its edges")
  func fillEdges() {
    var buffer = CellBuffer(width: 6, height: 1)
    buffer.put("中文字", x: 0, y: 0, role: .normal)
    buffer.fill(Rect(x: 1, y: 0, width: 2, height: 1), role: .selection)
    #expect(buffer.text == "    字")
    #expect(buffer.invariantViolation() == nil)
  }

  @Test("maxWidth limits a write")
  func maxWidth() {
    var buffer = CellBuffer(width: 8, height: 1)
    buffer.put("abcdef", x: 1, y: 0, role: .normal, maxWidth: 3)
    #expect(buffer.text == " abc    ")
  }
}
