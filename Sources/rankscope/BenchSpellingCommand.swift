import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope bench spelling`: how well the spelling corrector repairs injected typos, what it costs, and how
/// much retrieval quality it recovers on judged queries.
struct BenchSpellingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "spelling",
    abstract: "Evaluate spelling correction: accuracy on injected typos, false corrections, nDCG@10 recovered, latency.",
    discussion: """
      Typos are injected by the engine's TypoInjector (seeded): one insertion, deletion, substitution or
      transposition per query, in a word of at least four letters, never at its first letter. Accuracy is the
      share of typo'd queries whose correction equals the clean query (lower-cased); false corrections are
      clean queries the corrector changes. nDCG@10 (BM25F, lexical retrieval) is measured on the judged queries
      clean, with typos, with typos after auto-correction only, and with typos after taking every top suggestion.
      Latency: every correct() call timed one by one after a warm-up pass.

      Examples:
        rankscope bench spelling                       # the sample world: judged queries and the query log
        rankscope bench spelling --index cacm-index --queries queries.jsonl --qrels qrels.tsv --log-queries 0
      """)

  @Option(help: "Index directory (default: the sample world's index).")
  var index: String?

  @Option(help: "Queries, JSON Lines {\"id\", \"text\"} (default: the sample world's).")
  var queries: String?

  @Option(help: "Judgments in TREC qrels form (default: the sample world's).")
  var qrels: String?

  @Option(help: """
    Query log whose queries weight the words and are typo'd for accuracy (default: the sample log with the sample index).
    """)
  var queryLog: String?

  @Option(help: "Distinct query-log queries to typo for the accuracy figures (0: judged queries only).")
  var logQueries = 2000

  @Option(help: "Clean queries changed at a known word to print, per query set.")
  var examples = 0

  @Option(help: "Seed of the typo injector.")
  var seed: UInt64 = 8

  func run() throws {
    let engine = try Locations.openIndex(index, quiet: true, withEncoder: false)
    let log = try SpellingSetup.logQueries(path: queryLog, index: index, skip: false)
    let residentBefore = Self.residentBytes()
    let (corrector, buildSeconds) = try SpellingSetup.corrector(engine: engine, queries: log)
    let residentAfter = Self.residentBytes()
    let vocabulary = corrector.vocabulary
    print(String(format: "vocabulary: %d words, %d postings, %d deletes; built in %.3f s; resident memory +%.1f MB",
                 vocabulary.words.count, vocabulary.postingsCount, corrector.deleteIndex.deleteCount, buildSeconds,
                 Double(residentAfter - residentBefore) / 1_048_576))
    let (judged, judgments) = try JudgmentOptions.load(queries: queries, qrels: qrels, split: .all)
    let injector = TypoInjector(seed: seed)
    let typoJudged = judged.enumerated().map { EvaluationQuery(id: $1.id, text: injector.inject($1.text, position: $0)) }
    var distinctLog: [String] = []
    var seen = Set<String>()
    for query in log where distinctLog.count < logQueries && seen.insert(query.lowercased()).inserted {
      distinctLog.append(query)
    }
    let typoLog = distinctLog.enumerated().map { injector.inject($1, position: 100_000 + $0) }

    report("judged queries", pairs: zip(judged.map(\.text), typoJudged.map(\.text)).map { (clean: $0, typo: $1) },
           corrector: corrector)
    if !distinctLog.isEmpty {
      report("query-log queries", pairs: zip(distinctLog, typoLog).map { (clean: $0, typo: $1) }, corrector: corrector)
    }

    let evaluator = Evaluator(engine: engine, depth: 100, retrieval: .lexical)
    func ndcg(_ texts: [String]) throws -> Double {
      let queries = zip(judged, texts).map { EvaluationQuery(id: $0.id, text: $1) }
      return try evaluator.evaluate(queries: queries, judgments: judgments).ndcgAt10
    }
    let corrections = typoJudged.map { corrector.correct($0.text) }
    let cleanCorrections = judged.map { corrector.correct($0.text) }
    print("nDCG@10 (BM25F) on \(judged.count) judged queries:")
    print(String(format: "  clean %.4f | typo %.4f | typo, auto-corrected %.4f | typo, top suggestion %.4f",
                 try ndcg(judged.map(\.text)), try ndcg(typoJudged.map(\.text)),
                 try ndcg(corrections.map { $0.isAutomatic ? $0.corrected : $0.original }),
                 try ndcg(corrections.map(\.corrected))))
    print(String(format: "  clean, auto-corrected %.4f | clean, top suggestion %.4f",
                 try ndcg(cleanCorrections.map { $0.isAutomatic ? $0.corrected : $0.original }),
                 try ndcg(cleanCorrections.map(\.corrected))))
    latency(corrector: corrector, queries: typoJudged.map(\.text) + typoLog + judged.map(\.text) + distinctLog)
  }

  /// Accuracy on typo'd queries and false corrections on clean ones.
  private func report(_ name: String, pairs: [(clean: String, typo: String)], corrector: SpellingCorrector) {
    let typod = pairs.filter { $0.clean != $0.typo }
    var (suggestedRight, autoRight, auto, suggested) = (0, 0, 0, 0)
    for pair in typod {
      let correction = corrector.correct(pair.typo)
      let right = correction.corrected.lowercased() == pair.clean.lowercased()
      if correction.isChanged { suggested += 1 }
      if correction.isAutomatic { auto += 1 }
      if right { suggestedRight += 1 }
      if right, correction.isAutomatic { autoRight += 1 }
    }
    var (cleanChanged, cleanAuto, cleanUnknown) = (0, 0, 0)
    var examples: [String] = []
    for pair in pairs {
      let correction = corrector.correct(pair.clean)
      if correction.isChanged { cleanChanged += 1 }
      if correction.isAutomatic { cleanAuto += 1 }
      if correction.words.contains(where: { $0.isChanged && Self.isUnknown($0.original, corrector.vocabulary) }) {
        cleanUnknown += 1
      } else if correction.isChanged, examples.count < self.examples {
        examples.append("\(pair.clean) → \(correction.corrected) (\(String(format: "%.2f", correction.confidence)))")
      }
    }
    let count = Double(max(typod.count, 1))
    print("\(name): \(typod.count) with a typo, \(pairs.count) clean")
    print(String(format: "  typo'd: top suggestion exact %.1f%% | changed %.1f%% | auto-corrected %.1f%% (%.1f%% of them exact)",
                 100 * Double(suggestedRight) / count, 100 * Double(suggested) / count, 100 * Double(auto) / count,
                 auto == 0 ? 0 : 100 * Double(autoRight) / Double(auto)))
    print(String(format: "  clean: changed (did you mean or auto) %.1f%% | auto-corrected %.1f%%",
                 100 * Double(cleanChanged) / Double(max(pairs.count, 1)), 100 * Double(cleanAuto) / Double(max(pairs.count, 1))))
    print(String(format: "  clean changed at a word no document holds: %.1f%%; at a word some document holds: %.1f%%",
                 100 * Double(cleanUnknown) / Double(max(pairs.count, 1)),
                 100 * Double(cleanChanged - cleanUnknown) / Double(max(pairs.count, 1))))
    for example in examples { print("    " + example) }
  }

  /// Whether no document holds `token` (as the vocabulary analyzes it).
  static func isUnknown(_ token: String, _ vocabulary: SpellingVocabulary) -> Bool {
    SpellingVocabulary.words(in: token).allSatisfy { vocabulary.number(of: $0) == nil }
  }

  /// Median and p99 of one correct() call, after a warm-up pass.
  private func latency(corrector: SpellingCorrector, queries: [String]) {
    for query in queries { _ = corrector.correct(query) }
    var times: [Double] = []
    times.reserveCapacity(queries.count)
    for query in queries {
      let start = ContinuousClock.now
      _ = corrector.correct(query)
      times.append((ContinuousClock.now - start).seconds * 1000)
    }
    times.sort()
    func percentile(_ fraction: Double) -> Double { times[min(times.count - 1, Int(fraction * Double(times.count)))] }
    print(String(format: "latency per query (%d queries): p50 %.3f ms | p99 %.3f ms | max %.3f ms", times.count,
                 percentile(0.5), percentile(0.99), times.last ?? 0))
  }

  /// The process's resident memory in bytes (Linux /proc/self/statm; 0 elsewhere).
  static func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }
}
