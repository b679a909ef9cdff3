/// Judged queries and their grades as one value: what the explorer shows and rates (pure; no I/O).
public struct JudgmentSet: Sendable, Hashable {
  /// The queries, in file order (new ones appended).
  public var queries: [EvaluationQuery] {
    didSet { idsByText = Self.index(queries) }
  }
  /// The grades per query id and document id.
  public var judgments: Judgments
  /// The first query id of each normalized text (derived from `queries`; the explorer looks it up per screen).
  private var idsByText: [String: String]

  /// Creates a set.
  public init(queries: [EvaluationQuery] = [], judgments: Judgments = Judgments(grades: [:])) {
    self.queries = queries
    self.judgments = judgments
    idsByText = Self.index(queries)
  }

  /// The first query id of each normalized text, in file order.
  private static func index(_ queries: [EvaluationQuery]) -> [String: String] {
    var index: [String: String] = [:]
    for query in queries where index[normalizedText(query.text)] == nil { index[normalizedText(query.text)] = query.id }
    return index
  }

  /// Lower-cased, whitespace-collapsed, trimmed text: how query texts are matched.
  public static func normalizedText(_ text: String) -> String {
    text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The id of the query whose normalized text equals `text`'s, if any (first by file order).
  /// - Complexity: O(length of `text`).
  public func queryId(forText text: String) -> String? { idsByText[Self.normalizedText(text)] }

  /// The judged grade of a document for the query text, nil when the text is unknown or the doc unjudged.
  public func grade(queryText: String, documentId: String) -> Int? {
    guard let queryId = queryId(forText: queryText) else { return nil }
    return judgments.judgedGrade(query: queryId, document: documentId)
  }

  /// The edit that rates `documentId` for `queryText`: the known query's id, else a new deterministic id
  /// (`newQueryId(forText:)`).
  public func edit(queryText: String, documentId: String, grade: Int?) -> JudgmentEdit {
    let queryId = queryId(forText: queryText) ?? newQueryId(forText: queryText)
    return JudgmentEdit(queryId: queryId, queryText: queryText, documentId: documentId, grade: grade)
  }

  /// A fresh id for a query text: "rs-" and the high 48 bits of the FNV-1a hash of its normalized text as 12 hex
  /// digits, with "-2", "-3"… appended while that id is already used (by a query or by the qrels).
  public func newQueryId(forText text: String) -> String {
    let base = Self.hashedQueryId(forText: text)
    var candidate = base
    var suffix = 2
    while isQueryIdTaken(candidate) {
      candidate = "\(base)-\(suffix)"
      suffix += 1
    }
    return candidate
  }

  /// "rs-" and 12 hex digits (the high 48 bits) of the 64-bit FNV-1a hash of the normalized text's UTF-8 bytes.
  public static func hashedQueryId(forText text: String) -> String {
    let hex = String(fowlerNollVo1a(normalizedText(text)) >> 16, radix: 16)
    return "rs-" + String(repeating: "0", count: 12 - hex.count) + hex
  }

  /// The 64-bit FNV-1a hash of `text`'s UTF-8 bytes.
  public static func fowlerNollVo1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }

  /// Whether `queryId` names a query or has grades.
  public func isQueryIdTaken(_ queryId: String) -> Bool {
    judgments.grades[queryId] != nil || queries.contains { $0.id == queryId }
  }

  /// Applies an edit: sets or removes the grade; a set grade adds the query when its id is new (a removal never
  /// adds a query, and removing a query's last grade keeps the query).
  public mutating func apply(_ edit: JudgmentEdit) {
    guard let grade = edit.grade else {
      judgments.grades[edit.queryId]?[edit.documentId] = nil
      if judgments.grades[edit.queryId]?.isEmpty == true { judgments.grades[edit.queryId] = nil }
      return
    }
    if !queries.contains(where: { $0.id == edit.queryId }) {
      queries.append(EvaluationQuery(id: edit.queryId, text: edit.queryText))
    }
    judgments.grades[edit.queryId, default: [:]][edit.documentId] = grade
  }

  /// This set with `other` laid over it: other's grades win per (query id, document); queries are merged by id
  /// (other's text wins, self's order first, other's new queries after). Ids are never rewritten: a query of
  /// `other` whose normalized text matches a query of self under a different id stays under its own id, and
  /// text lookups find self's query first, so edits made against the merged set reuse self's ids.
  public func overlaying(_ other: JudgmentSet) -> JudgmentSet {
    var merged = self
    var positions: [String: Int] = [:]
    for (position, query) in merged.queries.enumerated() where positions[query.id] == nil { positions[query.id] = position }
    for query in other.queries {
      if let position = positions[query.id] {
        merged.queries[position].text = query.text
      } else {
        positions[query.id] = merged.queries.count
        merged.queries.append(query)
      }
    }
    for (queryId, grades) in other.judgments.grades {
      merged.judgments.grades[queryId, default: [:]].merge(grades) { _, overlaid in overlaid }
    }
    return merged
  }
}
