import Foundation
import RankscopeEngine

/// Builds the spelling corrector the `spell` and `bench spelling` commands use: the index's vocabulary,
/// weighted by a query log (the sample world's with the sample index, `--query-log` otherwise).
enum SpellingSetup {
  /// The queries of the log to weight by: `path`, else the sample world's log when the index is the sample's,
  /// else none (`skip` forces none).
  static func logQueries(path: String?, index: String?, skip: Bool) throws -> [String] {
    if skip { return [] }
    if let path { return try QueryLog.read(path: path).searches.map(\.query) }
    guard index == nil else { return [] }
    let sample = try Locations.sampleData().appendingPathComponent("query-log.jsonl").path
    return try QueryLog.read(path: sample).searches.map(\.query)
  }

  /// The corrector over `engine`'s index and `queries`, with its build time in seconds.
  static func corrector(engine: SearchEngine, queries: [String],
                        settings: SpellingSettings = SpellingSettings()) throws -> (SpellingCorrector, Double) {
    let start = ContinuousClock.now
    let vocabulary = try SpellingVocabulary.build(reader: engine.reader, queries: queries)
    let corrector = SpellingCorrector(vocabulary: vocabulary, settings: settings)
    return (corrector, (ContinuousClock.now - start).seconds)
  }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
