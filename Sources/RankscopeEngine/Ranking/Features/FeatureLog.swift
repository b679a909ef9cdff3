/// Feature vectors of a profile's candidates for judged queries, as SVMlight/LETOR lines, so a ranking model
/// can be trained (by `rankscope train` or elsewhere) on exactly what the profile's L2 stage will see.
///
/// For each query the profile runs up to its L2 stage (retrieval, fusion, L1; no L2, no blend: `ProfileFeatures`)
/// and every candidate L1 hands on (else every retrieved one) becomes a row: `grade qid:Q 1:v 2:v … # docid`, features
/// numbered from 1 in registry order, unjudged documents graded 0. The first line is a comment naming the
/// features: `# rankscope features: bm25f bm25_title …`.
public enum FeatureLog {
  /// The comment line's prefix before the feature names.
  public static let header = "# rankscope features:"

  /// The lines for `queries` (those without a judged relevant document are skipped).
  public static func lines(engine: SearchEngine, profile: RankProfile, queries: [EvaluationQuery],
                           judgments: Judgments, user: UserContext? = nil,
                           understanding: QueryUnderstandingOptions? = nil) throws -> [String] {
    var profileFeatures = try ProfileFeatures(engine: engine, profile: profile, user: user)
    profileFeatures.understanding = understanding
    let judged = Set(judgments.judgedQueryIds)
    var lines = [header + " " + profileFeatures.featureNames.joined(separator: " ")]
    for query in queries where judged.contains(query.id) {
      let (ids, matrix) = try profileFeatures.candidates(query: query.text)
      for (row, id) in ids.enumerated() {
        var line = "\(judgments.grade(query: query.id, document: id)) qid:\(query.id)"
        for column in 0..<matrix.names.count { line += " \(column + 1):\(format(matrix[row, column]))" }
        lines.append(line + " # \(id)")
      }
    }
    return lines
  }

  /// The rows of `lines(engine:profile:queries:judgments:)` as data (values exactly as written), e.g. to evaluate a
  /// model on judged queries.
  public static func dataset(engine: SearchEngine, profile: RankProfile, queries: [EvaluationQuery],
                             judgments: Judgments) throws -> SVMLightFile {
    let text = try lines(engine: engine, profile: profile, queries: queries, judgments: judgments).joined(separator: "\n")
    return try SVMLightFile.parse(text, file: "feature log")
  }

  /// The feature names of a log's header line, or nil when `line` is not one.
  public static func featureNames(header line: String) -> [String]? {
    guard line.hasPrefix(header) else { return nil }
    return line.dropFirst(header.count).split(separator: " ").map(String.init)
  }

  /// A value as SVMlight text: shortest round-tripping decimal, never `nan` or `inf` (those become 0).
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }
}
