import Foundation
import RankscopeEngine

/// What moved a document between two rankers: its explanation nodes under A and under B, matched by their
/// place in the tree, largest change first.
///
/// Nodes are matched down to `depth` levels below the root (stages, their scorers, the features they weigh) by
/// the path of their labels with every number replaced by `#`, so `1.0000 × bm25f` under A meets
/// `2.0000 × bm25f` under B, and `φ bm25f = 6.6849` meets `φ bm25f = 3.1`. A node found on one side only
/// counts as 0 on the other, and stands for its subtree (its descendants are not listed apart).
public enum ExplanationDifference {
  /// One matched node.
  public struct Row: Sendable, Hashable {
    /// The node's label (B's when both sides have it; numbers as B has them).
    public var label: String
    /// Its depth below the root (1: a stage or top-level term).
    public var depth: Int
    /// Its value under A and under B (nil: not in that tree).
    public var a: Double?
    public var b: Double?

    /// B − A, with a missing side counted as 0.
    public var change: Double { (b ?? 0) - (a ?? 0) }
  }

  /// How deep below the root nodes are matched.
  public static let depth = 3

  /// The nodes whose values differ between `a` and `b`, largest |B − A| first (ties: tree order of B, then A).
  public static func rows(a: Explanation?, b: Explanation?, limit: Int = 8) -> [Row] {
    var rows: [String: Row] = [:]
    var order: [String] = []
    func visit(_ node: Explanation, path: String, depth: Int, side: CompareColumn) {
      guard depth <= Self.depth else { return }
      for child in node.children {
        let key = path + "\u{1F}" + normalizedLabel(child.label)
        if rows[key] == nil {
          rows[key] = Row(label: child.label, depth: depth, a: nil, b: nil)
          order.append(key)
        }
        var row = rows[key]!
        switch side {
        case .a: row.a = (row.a ?? 0) + child.value
        case .b:
          row.b = (row.b ?? 0) + child.value
          row.label = child.label
        }
        rows[key] = row
        visit(child, path: key, depth: depth + 1, side: side)
      }
    }
    if let b { visit(b, path: "", depth: 1, side: .b) }
    if let a { visit(a, path: "", depth: 1, side: .a) }
    // A node only one side has stands for its whole subtree: its descendants are not listed apart.
    let oneSided = Set(rows.filter { $0.value.a == nil || $0.value.b == nil }.keys)
    func isInsideOneSided(_ key: String) -> Bool {
      var prefix = key
      while let separator = prefix.lastIndex(of: "\u{1F}"), separator != prefix.startIndex {
        prefix = String(prefix[..<separator])
        if oneSided.contains(prefix) { return true }
      }
      return false
    }
    let changed = order.enumerated().compactMap { offset, key -> (Int, Row)? in
      guard let row = rows[key], abs(row.change) > 1e-9, !isInsideOneSided(key) else { return nil }
      return (offset, row)
    }
    return changed.sorted { left, right in
      abs(left.1.change) != abs(right.1.change) ? abs(left.1.change) > abs(right.1.change) : left.0 < right.0
    }.prefix(limit).map(\.1)
  }

  /// `label` with every number that is not part of a name (`L1`, `bm25f` stay) replaced by `#`.
  public static func normalizedLabel(_ label: String) -> String {
    var result = ""
    var previous: Character?
    var index = label.startIndex
    while index < label.endIndex {
      let character = label[index]
      let startsNumber = character.isASCII && character.isNumber
        && !(previous.map { $0.isLetter || $0 == "_" || $0 == "#" } ?? false)
      if startsNumber {
        var end = label.index(after: index)
        while end < label.endIndex, label[end].isASCII, label[end].isNumber || label[end] == "." { end = label.index(after: end) }
        if result.hasSuffix("-") { result.removeLast() }
        result.append("#")
        previous = "#"
        index = end
        continue
      }
      result.append(character)
      previous = character
      index = label.index(after: index)
    }
    return result
  }
}
