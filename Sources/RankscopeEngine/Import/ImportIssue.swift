/// A line of input that could not be used: which file, which line, and why.
public struct ImportIssue: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file the line came from.
  public var file: String
  /// 1-based line number (0 when the problem concerns the whole file).
  public var line: Int
  /// What is wrong with the line.
  public var reason: String

  /// Creates an issue.
  public init(file: String, line: Int, reason: String) {
    self.file = file
    self.line = line
    self.reason = reason
  }

  public var description: String { line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)" }
}

/// How the importer treats a bad line.
public enum ImportMode: Sendable, Hashable {
  /// Stop at the first bad line with an error naming it.
  case strict
  /// Skip bad lines, counting them and keeping their reasons.
  case lenient
}
