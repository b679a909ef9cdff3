import Foundation

/// A user-editable synonym file: one rule a line, `#` to the end of a line is a comment, blank lines are ignored.
///
/// - Equivalence: `sofa, couch, settee` — every phrase expands to every other.
/// - One-way: `mcm => mid century modern` — each phrase on the left expands to each phrase on the right.
/// - Either may end with a weight, `| 0.8`, in (0, 1]; a rule without one weighs 1.
///
/// Phrases may have several words. They are read as queries are (`QueryLogStatistics.normalize`: Unicode word
/// runs, lower-cased, accents folded), so `Mid-Century  Modern` is `mid century modern`. A bad line throws an
/// `ImportIssue` naming the file, the line and the reason; nothing in the text makes the parser crash.
public struct SynonymFile: Sendable, Hashable {
  /// One rule, as written on one line.
  public struct Rule: Sendable, Hashable {
    /// The 1-based line it was read from.
    public var line: Int
    /// Whether every phrase expands to every other (`a, b`) rather than left to right (`a => b`).
    public var isEquivalence: Bool
    /// The phrases of the left side (of the only side for an equivalence), each as normalized words.
    public var left: [[String]]
    /// The phrases of the right side (empty for an equivalence).
    public var right: [[String]]
    /// The weight, in (0, 1].
    public var weight: Double

    /// The directed rewrites the rule stands for: (phrase, replacement), in the rule's order, without repeats.
    public var rewrites: [(phrase: [String], replacement: [String])] {
      var result: [(phrase: [String], replacement: [String])] = []
      if isEquivalence {
        for from in left { for to in left where to != from { result.append((from, to)) } }
      } else {
        for from in left { for to in right where to != from { result.append((from, to)) } }
      }
      return result
    }
  }

  /// The file the rules came from (named in errors and in each rule's source).
  public var path: String
  /// The rules in file order.
  public var rules: [Rule]

  /// The weight of a rule that gives none.
  public static let defaultWeight = 1.0

  /// Creates a file from rules.
  public init(path: String, rules: [Rule]) {
    self.path = path
    self.rules = rules
  }

  /// The synonym file at `path`.
  public static func read(path: String) throws -> SynonymFile {
    let bytes = try FileBytes.read(path: path)
    return try parse(String(decoding: bytes, as: UTF8.self), path: path)
  }

  /// The rules of `text`; `path` names the file in errors.
  public static func parse(_ text: String, path: String) throws(ImportIssue) -> SynonymFile {
    var rules: [Rule] = []
    var number = 0
    // "\r\n" is one Character in Swift: split at it, at "\n" and at a lone "\r".
    for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
      number += 1
      if let rule = try parseLine(Substring(rawLine), line: number, path: path) { rules.append(rule) }
    }
    return SynonymFile(path: path, rules: rules)
  }

  /// The rule on one line, or nil for a blank or comment line.
  static func parseLine(_ rawLine: Substring, line: Int, path: String) throws(ImportIssue) -> Rule? {
    func fail(_ reason: String) -> ImportIssue { ImportIssue(file: path, line: line, reason: reason) }
    var text = rawLine
    if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
    guard text.contains(where: { !$0.isWhitespace }) else { return nil }

    var weight = defaultWeight
    let weightParts = text.split(separator: "|", omittingEmptySubsequences: false)
    guard weightParts.count <= 2 else { throw fail("more than one '|' (a rule has at most one weight)") }
    if weightParts.count == 2 {
      let written = weightParts[1].trimmingCharacters(in: .whitespaces)
      guard !written.isEmpty else { throw fail("'|' without a weight") }
      guard let value = Double(written), value.isFinite else { throw fail("bad weight \"\(written)\" (a number in (0, 1])") }
      guard value > 0, value <= 1 else { throw fail("weight \(written) is out of range (0, 1]") }
      weight = value
      text = weightParts[0]
    }

    let sides = text.components(separatedBy: "=>")
    guard sides.count <= 2 else { throw fail("more than one '=>' (a one-way rule is `phrases => phrases`)") }
    func phrases(_ side: String, _ name: String) throws(ImportIssue) -> [[String]] {
      var result: [[String]] = []
      for part in side.split(separator: ",", omittingEmptySubsequences: false) {
        let words = QueryLogStatistics.normalize(String(part)).split(separator: " ").map(String.init)
        guard !words.isEmpty else { throw fail("empty phrase on the \(name) (no letters or digits between commas)") }
        if !result.contains(words) { result.append(words) }
      }
      return result
    }
    if sides.count == 1 {
      let all = try phrases(sides[0], "line")
      guard all.count >= 2 else {
        throw fail("an equivalence needs at least two different phrases (\"\(all[0].joined(separator: " "))\" alone)")
      }
      return Rule(line: line, isEquivalence: true, left: all, right: [], weight: weight)
    }
    let left = try phrases(sides[0], "left side"), right = try phrases(sides[1], "right side")
    if let same = left.first(where: { right.contains($0) }) {
      throw fail("\"\(same.joined(separator: " "))\" is mapped to itself")
    }
    return Rule(line: line, isEquivalence: false, left: left, right: right, weight: weight)
  }
}
