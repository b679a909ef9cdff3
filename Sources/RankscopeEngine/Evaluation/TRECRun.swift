import Foundation

/// A ranking run in TREC format (`qid Q0 docid rank score tag` per line), as trec_eval reads it.
public struct TRECRun: Sendable, Hashable {
  /// One retrieved document.
  public struct Entry: Sendable, Hashable {
    /// The document id.
    public var documentId: String
    /// The run's score; the rank column is ignored, as trec_eval does.
    public var score: Double
  }

  /// Retrieved documents per query id, in file order.
  public var entries: [String: [Entry]]

  /// Creates a run.
  public init(entries: [String: [Entry]]) { self.entries = entries }

  /// Reads a TREC run file; a malformed line is an error naming the file and line.
  public static func read(path: String) throws -> TRECRun {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw IndexError.unreadable(path: path, reason: "no such file")
    }
    return try parse(String(decoding: data, as: UTF8.self), file: path)
  }

  /// Parses TREC run text.
  public static func parse(_ text: String, file: String) throws -> TRECRun {
    var entries: [String: [Entry]] = [:]
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
      if fields.isEmpty { continue }
      guard fields.count == 6 else {
        throw ImportIssue(file: file, line: index + 1, reason: "expected 6 columns 'qid Q0 docid rank score tag', found \(fields.count)")
      }
      guard let score = Double(fields[4]), score.isFinite else {
        throw ImportIssue(file: file, line: index + 1, reason: "score '\(fields[4])' is not a finite number")
      }
      entries[String(fields[0]), default: []].append(Entry(documentId: String(fields[2]), score: score))
    }
    return TRECRun(entries: entries)
  }

  /// The query ids, sorted numerically.
  public var queryIds: [String] {
    entries.keys.sorted { $0.compare($1, options: .numeric) == .orderedAscending }
  }

  /// Document ids of `query` in trec_eval's order: score descending, equal scores by document id descending.
  public func ranking(query: String) -> [String] {
    Self.trecEvalOrder(entries[query] ?? []).map(\.documentId)
  }

  /// Orders entries as trec_eval does: score descending, equal scores by document id descending.
  public static func trecEvalOrder(_ entries: [Entry]) -> [Entry] {
    entries.sorted { $0.score != $1.score ? $0.score > $1.score : $0.documentId > $1.documentId }
  }
}
