import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope bench understanding`: retrieval quality with and without query understanding, on misspelled and
/// clean judged queries, on judged queries with injected typos, and correction accuracy on the query log's
/// misspelled searches.
struct BenchUnderstandingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "understanding",
    abstract: "nDCG@10 with and without query understanding (misspelled, clean and typo'd queries); log correction accuracy.",
    discussion: """
      Every query runs through the search pipeline twice: as typed (no understanding) and with query understanding
      (spelling auto-correction, synonyms, phrases as the understander has them); "+ did you mean" also takes the
      corrector's suggestion when it was unsure (what a user clicking "did you mean" gets). Judged queries are split
      into those generated with a typo (the sample world's queries.jsonl marks them with "intended", the query
      meant; "meant" is that query searched as typed) and the clean ones. Typo'd: the TypoInjector
      (seeded) puts one typo into every judged query. Log accuracy: each distinct misspelled search of the log
      (marked with "intended") is understood; exact means the searched text equals the query meant.

      Examples:
        rankscope bench understanding                                   # the sample world, lexical
        rankscope bench understanding --retrieval hybrid                # needs the model
        rankscope bench understanding --index cacm-index --queries q.jsonl --qrels qrels.tsv --query-log none
      """)

  @Option(help: "Index directory (default: the sample world's index).")
  var index: String?

  @Option(help: "Queries, JSON Lines {\"id\", \"text\", \"intended\"?} (default: the sample world's).")
  var queries: String?

  @Option(help: "Judgments in TREC qrels form (default: the sample world's).")
  var qrels: String?

  @Option(help: "Query log understanding learns from, and whose misspelled searches are scored (default: the sample log with the sample index; none: no log).")
  var queryLog: String?

  @Option(help: "Synonyms file (default for the sample index: SampleData/synonyms.txt; none: no file).")
  var synonyms: String?

  @Option(help: "Retrieval: lexical, semantic or hybrid (the last two need the model).")
  var retrieval: RetrievalMode = .lexical

  @Option(help: "Run this rank profile instead of --retrieval.")
  var profile: String?

  @Option(help: "Which judged queries: all, train (three quarters) or test (the held-out quarter).")
  var split: QuerySplit = .all

  @Option(help: "Phrase boost (a document holding a detected phrase scores × (1 + this)).")
  var phraseBoost = UnderstandingSettings.standard.phraseBoost

  @Option(help: "What synonym rules' weights are multiplied by.")
  var synonymScale = UnderstandingSettings.standard.synonymScale

  @Option(help: "Seed of the typo injector.")
  var seed: UInt64 = 8

  @Option(help: "Sentence-encoder model directory (default: RANKSCOPE_MODEL_DIR or models/all-MiniLM-L6-v2).")
  var model: String?

  func run() throws {
    let needsEncoder = profile != nil || retrieval.needsEmbedding
    var engine = try Locations.openIndex(index, quiet: true, modelPath: model, withEncoder: needsEncoder)
    var rankProfile: RankProfile?
    if let profile {
      var options = try ProfileOptions.parse(["--profile", profile])
      options.queryLog = queryLog == "none" ? nil : queryLog
      (rankProfile, engine) = try options.resolve(engine: engine, index: index, modelPath: model, quiet: true)
    }
    let logPath: String? = queryLog == "none" ? nil
      : try queryLog ?? (index == nil ? Locations.sampleData().appendingPathComponent("query-log.jsonl").path : nil)
    let log = try logPath.map { path in try QueryLog.read(path: path) }
    let start = ContinuousClock.now
    let synonymsPath = synonyms == "none" ? nil : try UnderstandingOptions.synonymsFile(synonyms, index: index)
    let settings = UnderstandingSettings(phraseBoost: phraseBoost, synonymScale: synonymScale)
    engine.install(try QueryUnderstander.build(reader: engine.reader, log: log, synonymsFile: synonymsPath, settings: settings))
    let understander = engine.understander
    print(String(format: "understander built in %.2f s (%@; %@; %d synonym rules, %d phrases, intent model: %@)",
                 (ContinuousClock.now - start).seconds, log.map { "log of \($0.searches.count) searches" } ?? "no log",
                 synonymsPath.map { ($0 as NSString).lastPathComponent } ?? "no synonyms file",
                 understander?.synonyms?.entries.count ?? 0, understander?.segmenter?.dictionary.entries.count ?? 0,
                 understander?.intentModel == nil ? "none" : "trained"))

    let queriesPath = try queries ?? Locations.sampleData().appendingPathComponent("judgments/queries.jsonl").path
    let (judged, judgments) = try JudgmentOptions.load(queries: queriesPath, qrels: qrels, split: split)
    let intended = try Self.intendedTexts(path: queriesPath)
    let runner = Runner(engine: engine, retrieval: retrieval, profile: rankProfile, judgments: judgments)
    let misspelled = Set(judged.filter { intended[$0.id] != nil }.map(\.id))
    let clean = Set(judged.map(\.id)).subtracting(misspelled)
    let what = rankProfile.map { "profile \($0.name)" } ?? retrieval.rawValue
    print("nDCG@10 (\(what)) on \(judged.count) judged queries: \(misspelled.count) generated with a typo, \(clean.count) clean")

    let typed = Dictionary(uniqueKeysWithValues: judged.map { ($0.id, $0.text) })
    if let understander = engine.understander {
      var counts: [QueryRewrite.Kind: Int] = [:]
      for query in judged {
        for kind in Set(understander.interpret(query.text).rewrites.map(\.kind)) { counts[kind, default: 0] += 1 }
      }
      print("queries with a rewrite: " + [QueryRewrite.Kind.spelling, .synonym, .phrase]
        .map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", "))
    }
    // A warm-up pass (the encoder's and the index's first touches), then the timed runs.
    _ = try runner.results(typed, understanding: .standard)
    let (asTyped, typedTime) = try runner.timedResults(typed, understanding: nil)
    let (understood, understoodTime) = try runner.timedResults(typed, understanding: .standard)
    let withSuggestions = try runner.timedResults(typed, understanding: .standard, takingSuggestions: true)
    var rows: [(String, [String: Double], Double)] = [("as typed", asTyped, typedTime), ("understood", understood, understoodTime),
                                                      ("understood + did you mean", withSuggestions.ndcg, withSuggestions.milliseconds)]
    if !misspelled.isEmpty {
      let meant = try runner.timedResults(typed.merging(intended) { $1 }, understanding: nil)
      rows.append(("meant (the query without its typo)", meant.ndcg, meant.milliseconds))
    }
    for kind in QueryRewrite.Kind.allCases {
      let run = try runner.timedResults(typed, understanding: QueryUnderstandingOptions(kinds: [kind]))
      rows.append(("understood, \(kind.rawValue) only", run.ndcg, run.milliseconds))
    }
    print("  " + "run".padding(toLength: 36, withPad: " ", startingAt: 0) + "misspelled   clean        all          ms/query")
    for (name, results, milliseconds) in rows {
      print("  " + name.padding(toLength: 36, withPad: " ", startingAt: 0)
            + [misspelled, clean, Set(typed.keys)].map { Self.format(Runner.mean(results, over: $0)) }.joined(separator: "       ")
            + String(format: "       %.3f", milliseconds))
    }

    let injector = TypoInjector(seed: seed)
    let typod = Dictionary(uniqueKeysWithValues: judged.enumerated().map { ($1.id, injector.inject($1.text, position: $0)) })
    let changed = Set(typod.filter { $0.value != typed[$0.key] }.map(\.key))
    print("with an injected typo (\(changed.count) of \(judged.count) queries got one; means over those):")
    for (name, texts, options, suggestions) in [
      ("clean, as typed", typed, nil, false), ("clean, understood", typed, QueryUnderstandingOptions.standard, false),
      ("typo, as typed", typod, nil, false), ("typo, understood", typod, .standard, false),
      ("typo, understood + did you mean", typod, .standard, true),
    ] as [(String, [String: String], QueryUnderstandingOptions?, Bool)] {
      let results = try runner.results(texts, understanding: options, takingSuggestions: suggestions)
      print("  " + name.padding(toLength: 36, withPad: " ", startingAt: 0) + Self.format(Runner.mean(results, over: changed)))
    }

    if let logPath { try logAccuracy(path: logPath, engine: engine) }
  }

  /// Correction accuracy on the log's distinct misspelled searches (those with "intended").
  private func logAccuracy(path: String, engine: SearchEngine) throws {
    let pairs = try Self.loggedMisspellings(path: path)
    guard !pairs.isEmpty, let understander = engine.understander else { return }
    var (automatic, automaticExact, suggested, suggestedExact, untouched) = (0, 0, 0, 0, 0)
    for (typed, meant) in pairs {
      let interpretation = understander.interpret(typed)
      let target = meant.lowercased()
      if interpretation.searchedText != typed {
        automatic += 1
        if interpretation.searchedText.lowercased() == target { automaticExact += 1 }
      } else if let suggestion = interpretation.suggestion {
        suggested += 1
        if suggestion.lowercased() == target { suggestedExact += 1 }
      } else {
        untouched += 1
      }
    }
    let count = Double(pairs.count)
    func share(_ value: Int) -> String { String(format: "%.1f%%", 100 * Double(value) / count) }
    print("query log: \(pairs.count) distinct misspelled searches")
    print("  auto-corrected \(share(automatic)) (exact \(share(automaticExact))) | did you mean \(share(suggested)) "
          + "(exact \(share(suggestedExact))) | left as typed \(share(untouched)) | recovered exactly \(share(automaticExact + suggestedExact))")
  }

  /// Query id → the query meant, for the queries of `path` that carry "intended".
  static func intendedTexts(path: String) throws -> [String: String] {
    var result: [String: String] = [:]
    for line in try lines(path) {
      let value = try JSONParser.parse(line)
      if let id = value["id"]?.stringValue, let meant = value["intended"]?.stringValue { result[id] = meant }
    }
    return result
  }

  /// The distinct (typed, meant) pairs of the log's searches that carry "intended".
  static func loggedMisspellings(path: String) throws -> [(typed: String, meant: String)] {
    var seen = Set<String>()
    var pairs: [(typed: String, meant: String)] = []
    for line in try lines(path) {
      let value = try JSONParser.parse(line)
      guard let typed = value["query"]?.stringValue, let meant = value["intended"]?.stringValue,
            seen.insert(typed).inserted else { continue }
      pairs.append((typed, meant))
    }
    return pairs
  }

  private static func lines(_ path: String) throws -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("\(path): no such file") }
    return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
      .filter { !$0.allSatisfy(\.isWhitespace) }
  }

  private static func format(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "     —" }

  /// Runs query texts through the engine and scores them.
  struct Runner {
    var engine: SearchEngine
    var retrieval: RetrievalMode
    var profile: RankProfile?
    var judgments: Judgments

    /// nDCG@10 per query id of `texts` searched with `understanding` (taking "did you mean" when asked).
    func results(_ texts: [String: String], understanding: QueryUnderstandingOptions?,
                 takingSuggestions: Bool = false) throws -> [String: Double] {
      try timedResults(texts, understanding: understanding, takingSuggestions: takingSuggestions).ndcg
    }

    /// `results` with the mean time of a query's search(es) in milliseconds (understanding included).
    func timedResults(_ texts: [String: String], understanding: QueryUnderstandingOptions?,
                      takingSuggestions: Bool = false) throws -> (ndcg: [String: Double], milliseconds: Double) {
      var rankings: [String: [String]] = [:]
      let start = ContinuousClock.now
      for (id, text) in texts.sorted(by: { $0.key < $1.key }) {
        var request = SearchRequest(query: text, limit: 100, retrieval: retrieval, profile: profile)
        request.understanding = understanding
        var response = try engine.search(request)
        if takingSuggestions, let suggestion = response.interpretation?.suggestion {
          request.query = suggestion
          response = try engine.search(request)
        }
        rankings[id] = Evaluator.runOrder(response.hits, blended: profile?.blend != nil).map(\.id)
      }
      let milliseconds = (ContinuousClock.now - start).seconds * 1000 / Double(max(1, texts.count))
      let ndcg = Dictionary(uniqueKeysWithValues: Evaluator.queryResults(rankings: rankings, judgments: judgments)
        .filter { texts[$0.queryId] != nil }.map { ($0.queryId, $0.ndcgAt10) })
      return (ndcg, milliseconds)
    }

    /// The mean over the ids of `subset` that have a result (nil when none has).
    static func mean(_ results: [String: Double], over subset: Set<String>) -> Double? {
      let values = subset.compactMap { results[$0] }
      return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
  }
}
