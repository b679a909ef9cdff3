import Foundation
import Testing

/// Text snapshots under `__Snapshots__/` beside this file.
///
/// Set `RECORD_SNAPSHOTS=1` to write (or rewrite) them; otherwise a difference fails the test with a line diff.
/// Timings in the status line are masked so snapshots do not depend on the clock, and trailing spaces are
/// trimmed from every line.
enum Snapshot {
  /// The folder holding the snapshot files.
  static func directory(filePath: String) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
  }

  /// `text` with stage timings masked (`retrieve 0.31` → `retrieve #`, `0.38 ms` → `# ms`: numbers with
  /// exactly two decimals after a word or before `ms`) and trailing spaces removed. Lines with timings also have
  /// their runs of spaces squeezed, since timings of another width move the right-aligned parts.
  static func mask(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      var line = String(line)
      let masked = line
        .replacingOccurrences(of: #"(?<=[A-Za-z] )[0-9]+\.[0-9]{2}(?![0-9])"#, with: "#", options: .regularExpression)
        .replacingOccurrences(of: #"[0-9]+\.[0-9]{2} ms"#, with: "# ms", options: .regularExpression)
      if masked != line {
        line = masked.replacingOccurrences(of: #" {2,}"#, with: "  ", options: .regularExpression)
      }
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }.joined(separator: "\n")
  }

  /// Compares `text` with the snapshot `name` (or records it when `RECORD_SNAPSHOTS=1`).
  static func check(_ text: String, named name: String, filePath: String = #filePath,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = mask(text) + "\n"
    let file = directory(filePath: filePath).appendingPathComponent("\(name).txt")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      do {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        try actual.write(to: file, atomically: true, encoding: .utf8)
      } catch {
        Issue.record("could not record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      let message = "no snapshot \(file.lastPathComponent); run the tests with RECORD_SNAPSHOTS=1 to record it.\n"
        + actual
      Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
      return
    }
    guard expected != actual else { return }
    let message = "snapshot \(name) differs (- expected, + actual; RECORD_SNAPSHOTS=1 re-records):\n"
      + diff(expected: expected, actual: actual)
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }

  /// A line diff: differing lines with their numbers, `-` for expected and `+` for actual.
  static func diff(expected: String, actual: String) -> String {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var output: [String] = []
    for index in 0..<max(expectedLines.count, actualLines.count) {
      let left = index < expectedLines.count ? String(expectedLines[index]) : nil
      let right = index < actualLines.count ? String(actualLines[index]) : nil
      guard left != right else { continue }
      if let left { output.append(String(format: "%4d - ", index + 1) + left) }
      if let right { output.append(String(format: "%4d + ", index + 1) + right) }
    }
    return output.joined(separator: "\n")
  }
}
