import Testing

@Suite("Snapshot helper")
struct SnapshotHelperTests {
  @Test("timings are masked, prices and scores are not")
  func masking() {
    let line = " 5 of 5 │ understand 0.12 retrieve 10.31 rank 0.05 │ 0.48 ms      ? help   "
    #expect(Snapshot.mask(line) == " 5 of 5 │ understand # retrieve # rank # │ # ms  ? help")
    #expect(Snapshot.mask("  1  Shoes   sport · 129.99   0.3118  ") == "  1  Shoes   sport · 129.99   0.3118")
  }

  @Test("the diff lists differing lines with their numbers")
  func diff() {
    #expect(Snapshot.diff(expected: "a\nb\nc", actual: "a\nB\nc\nd") == "   2 - b\n   2 + B\n   4 + d")
  }
}
