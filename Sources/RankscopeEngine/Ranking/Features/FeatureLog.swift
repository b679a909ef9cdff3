/// Feature vectors of a profile's candidates for judged queries, as SVMlight/LETOR lines, so a ranking model
/// can be trained (by `rankscope train` or elsewhere) on exactly what the profile's L2 stage will see.
///
/// For each query the profile runs up to its L2 stage (retrieval, fusion, L1; no L2, no blend) and every
/// candidate L1 hands on (else every retrieved one) becomes a row: `grade qid:Q 1:v 2:v … # docid`, features
/// numbered from 1 in registry order, unjudged documents graded 0. The first line is a comment naming the
/// features: `# rankscope features: bm25f bm25_title …`.
public enum FeatureLog {
  /// The comment line's prefix before the feature names.
  public static let header = "# rankscope features:"

  /// The lines for `queries` (those without a judged relevant document are skipped).
  public static func lines(engine: SearchEngine, profile: RankProfile, queries: [EvaluationQuery],
                           judgments: Judgments) throws -> [String] {
    let extractor = try engine.featureExtractor()
    var upstream = profile
    upstream.l2 = nil
    upstream.blend = nil
    let depth = upstream.l1?.keep ?? upstream.retrieval.generators.map(\.depth).max() ?? 100
    let judged = Set(judgments.judgedQueryIds)
    var lines = [header + " " + extractor.registry.names.joined(separator: " ")]
    for query in queries where judged.contains(query.id) {
      let response = try engine.search(SearchRequest(query: query.text, limit: depth, profile: upstream))
      var embedding: [Float]?
      if let embedder = engine.embedder, engine.semanticStatus.isAvailable, !response.parsedQuery.text.isEmpty {
        embedding = try embedder.embed(response.parsedQuery.text)
      }
      let context = try extractor.context(query: query.text, queryEmbedding: embedding, queryLog: engine.queryLog)
      let candidates = response.hits.map { FeatureCandidate(hit: $0) }
      let matrix = try extractor.values(candidates: candidates, context: context)
      for (row, hit) in response.hits.enumerated() {
        var line = "\(judgments.grade(query: query.id, document: hit.id)) qid:\(query.id)"
        for column in 0..<matrix.names.count { line += " \(column + 1):\(format(matrix[row, column]))" }
        lines.append(line + " # \(hit.id)")
      }
    }
    return lines
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
