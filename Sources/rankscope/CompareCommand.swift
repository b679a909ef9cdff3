import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope compare`: two rankers on the same judged queries, per query and overall, with the statistics
/// that say whether the difference is real.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare two rankers (rank profiles or retrieval modes) on judged queries: metrics, significance, overlap.",
    discussion: """
      A and B are rank profile names (SampleData/profiles for the sample index, or --profiles DIR) or retrieval
      modes (lexical, semantic, hybrid). Both run every query to --depth; the metrics are rankscope eval's
      (trec_eval definitions, over queries with a relevant judgment). For the chosen --metric: the mean of each
      side, the difference B − A with a 95% percentile-bootstrap confidence interval, a two-sided paired
      randomization test p-value (Smucker, Allan & Carterette 2007; exact when 2^queries ≤ the draws), wins,
      losses and ties, and the queries B regressed most. Overlap per query: Jaccard@10 of the top 10s and
      rank-biased overlap (Webber, Moffat & Zobel 2010, p = 0.9, extrapolated) of the runs. Then a simulated
      live test: team-draft interleaving (Radlinski et al. 2008) of the two top 10s, shown to users clicking as a
      cascade model over the judgments: the preference Δ with its 95% margin, and about how many sessions a
      live test would need to see it.

      Examples:
        rankscope compare --a bm25 --b hybrid-l2 --split test
        rankscope compare --a bm25 --b hybrid-l2 --metric map --format json
        rankscope compare --a lexical --b hybrid --index cacm-index --queries q.jsonl --qrels qrels.txt --report report.md
        rankscope compare --a hybrid-personal --b hybrid-personal --user u0001 --user-b none   # with vs without personalization
        rankscope compare --a hybrid-personal --b hybrid-personal --user-a u0001 --user-b u0002  # two users

      --user personalizes both sides for one user; --user-a and --user-b set one side each (none: anonymous);
      --signals chooses the personalization signals that are on.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, markdown }

  typealias Metric = QueryMetric

  @Option(help: "Ranker A: a rank profile name, or a retrieval mode (lexical, semantic, hybrid).")
  var a: String

  @Option(help: "Ranker B: a rank profile name, or a retrieval mode (lexical, semantic, hybrid).")
  var b: String

  @Option(help: "Index directory (default: the sample world's index).")
  var index: String?

  @Option(name: .customLong("profiles"), help: "A folder of rank profiles (*.json), or one profile file (repeatable).")
  var profileFolders: [String] = []

  @Option(help: "Query log for the click features (default for the sample index: SampleData/query-log.jsonl).")
  var queryLog: String?

  @OptionGroup var judgmentOptions: JudgmentOptions

  @Option(help: "Personalize both sides for this user id (none: anonymous).")
  var user: String?

  @Option(help: "Personalize side A for this user id, overriding --user (none: anonymous).")
  var userA: String?

  @Option(help: "Personalize side B for this user id, overriding --user (none: anonymous).")
  var userB: String?

  @Option(help: "With a user: the personalization signals that are on, comma-separated (default: all).")
  var signals: String?

  @Option(help: "Documents retrieved per query.")
  var depth = 1000

  @Option(help: "The metric compared: ndcg@10, map, p@10, recall@100, mrr@10 or err@10.")
  var metric: Metric = .ndcg10

  @Option(help: "Queries listed among the most regressed.")
  var regressions = 10

  @Option(help: "Seed of the bootstrap, randomization and interleaving draws.")
  var seed: UInt64 = 1

  @Option(help: "Simulated team-draft interleaving sessions with cascade clicks from the judgments (0: none).")
  var interleavingSessions = 10_000

  @Option(help: "Output format: table, json or markdown.")
  var format: Format = .table

  @Option(help: "Also write the Markdown report to this file (written to a temporary file, then renamed).")
  var report: String?

  @Option(help: "Sentence-encoder model directory (default: RANKSCOPE_MODEL_DIR or models/all-MiniLM-L6-v2).")
  var model: String?

  func validate() throws {
    guard depth > 0 else { throw ValidationError("--depth must be at least 1") }
    guard regressions >= 0 else { throw ValidationError("--regressions must not be negative") }
    guard interleavingSessions >= 0 else { throw ValidationError("--interleaving-sessions must not be negative") }
  }

  /// One side of the comparison, resolved: what it runs and its evaluation.
  struct Side {
    var name: String
    var description: String
    var summary: Evaluator.Summary
  }

  func run() throws {
    let quiet = format != .table
    let (queries, judgments) = try judgmentOptions.load()
    let opened = try Locations.openIndex(index, quiet: true, modelPath: model, withEncoder: false)
    let users = [userA ?? user, userB ?? user]
    if signals != nil, users.allSatisfy({ $0 == nil || $0 == "none" }) {
      throw CommandFailure("--signals applies with a user only")
    }
    let sides = try zip([a, b], users).map { name, user in
      let context = try user.flatMap { id in
        id == "none" ? nil : try UserOptions.context(user: id, signals: signals, engine: opened, index: index, quiet: quiet)
      }
      return try evaluate(name, on: opened, queries: queries, judgments: judgments, quiet: quiet, user: context)
    }
    let (sideA, sideB) = (sides[0], sides[1])
    let compared: RankerComparison
    do {
      compared = try RankerComparison(rankingsA: sideA.summary.rankings, rankingsB: sideB.summary.rankings,
                                      judgments: judgments, metric: metric, options: .init(seed: seed))
    } catch .noQueries {
      throw CommandFailure("no judged query has a relevant document: nothing to compare")
    } catch {
      throw CommandFailure("\(error)")
    }
    let comparison = compared.paired
    let queryIds = compared.queryIds
    let (jaccard, overlap) = (compared.jaccardAt10, compared.rankBiasedOverlap)
    let texts = Dictionary(queries.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
    let interleaving = interleavingSessions == 0 ? nil
      : InterleavingSimulation(sessions: interleavingSessions, seed: seed)
        .run(queries: queryIds, rankingsA: sideA.summary.rankings, rankingsB: sideB.summary.rankings, judgments: judgments)
    let result = Report(a: sideA, b: sideB, metric: metric, comparison: comparison, jaccard: jaccard, overlap: overlap,
                        texts: texts, regressions: regressions, split: judgmentOptions.split, interleaving: interleaving)
    switch format {
    case .table: print(result.table, terminator: "")
    case .json: print(JSONWriter.string(result.json))
    case .markdown: print(result.markdown, terminator: "")
    }
    if let report { try SafeFile.write(result.markdown, to: report) }
  }

  /// Runs side `name` (a profile, else a retrieval mode) over the queries on `opened` (the index, opened once
  /// without the encoder; it is attached where the side needs it).
  private func evaluate(_ name: String, on opened: SearchEngine, queries: [EvaluationQuery], judgments: Judgments,
                        quiet: Bool, user: UserContext?) throws -> Side {
    let personal = user.map { "@\($0.profile.userId)" } ?? ""
    let personalized = user.map { ", personalized for \($0.profile.userId)" } ?? ""
    var options = try ProfileOptions.parse([])
    options.profileFolders = profileFolders
    options.queryLog = queryLog
    let library = options.library(schema: opened.schema, index: index)
    if library.profiles.contains(where: { $0.name == name }) {
      options.profile = name
      let (profile, engine) = try options.resolve(engine: opened, index: index, modelPath: model, quiet: quiet)
      var evaluator = Evaluator(engine: engine, depth: depth, profile: profile)
      evaluator.user = user
      let summary = try evaluator.evaluate(queries: queries, judgments: judgments)
      let stages = profile.map { ": \($0.stageSummary)" } ?? ""
      return Side(name: name + personal, description: "profile \(name)" + stages + personalized,
                  summary: summary)
    }
    guard let mode = RetrievalMode(rawValue: name) else {
      let known = library.profiles.map(\.name) + RetrievalMode.allCases.map(\.rawValue)
      throw CommandFailure("\(name) is neither a rank profile nor a retrieval mode (there are: \(known.joined(separator: ", ")))")
    }
    var engine = opened
    if mode.needsEmbedding {
      let (embedder, reason) = Locations.embedder(modelPath: model)
      engine = SearchEngine(reader: opened.reader, embedder: embedder, embedderUnavailableReason: reason)
    }
    var evaluator = Evaluator(engine: engine, depth: depth, retrieval: mode)
    evaluator.user = user
    let summary = try evaluator.evaluate(queries: queries, judgments: judgments)
    return Side(name: name + personal, description: "retrieval \(mode.rawValue)" + personalized, summary: summary)
  }
}

/// A finished comparison in the three output forms.
struct Report {
  let a: CompareCommand.Side
  let b: CompareCommand.Side
  let metric: CompareCommand.Metric
  let comparison: PairedComparison
  let jaccard: [Double]
  let overlap: [Double]
  let texts: [String: String]
  let regressions: Int
  let split: QuerySplit
  let interleaving: InterleavingSimulation.Outcome?

  /// The simulated interleaving test in one line, if it ran.
  var interleavingLine: String? {
    guard let outcome = interleaving, outcome.sessions > 0 else { return nil }
    func share(_ count: Int) -> String { String(format: "%.1f %%", 100 * Double(count) / Double(outcome.sessions)) }
    let side = outcome.preference > outcome.marginOfError ? "B preferred" : outcome.preference < -outcome.marginOfError ? "A preferred" : "no clear preference"
    let needed = outcome.sessionsNeeded.map { "; a live test would need ≈ \($0) sessions to see it (5 % level, 80 % power)" } ?? ""
    return "interleaving (team draft, cascade clicks, \(outcome.sessions) simulated sessions): \(side), "
      + "Δ \(Self.signed(outcome.preference)) ± \(Self.number(outcome.marginOfError)) (95 %), "
      + "B wins \(share(outcome.winsB)) · A wins \(share(outcome.winsA)) · ties \(share(outcome.ties))" + needed
  }

  /// Every metric's mean for A and B, in the eval command's order.
  var means: [(name: String, a: Double, b: Double)] {
    [("nDCG@10", a.summary.ndcgAt10, b.summary.ndcgAt10), ("MAP", a.summary.meanAveragePrecision, b.summary.meanAveragePrecision),
     ("P@10", a.summary.precisionAt10, b.summary.precisionAt10), ("Recall@100", a.summary.recallAt100, b.summary.recallAt100),
     ("MRR@10", a.summary.meanReciprocalRankAt10, b.summary.meanReciprocalRankAt10),
     ("ERR@10", a.summary.expectedReciprocalRankAt10, b.summary.expectedReciprocalRankAt10),
     ("judged@10", a.summary.judgedAt10, b.summary.judgedAt10)]
  }

  var meanJaccard: Double { jaccard.isEmpty ? 0 : jaccard.reduce(0, +) / Double(jaccard.count) }
  var meanOverlap: Double { overlap.isEmpty ? 0 : overlap.reduce(0, +) / Double(overlap.count) }
  var regressed: [PairedComparison.QueryDifference] { comparison.mostRegressed(regressions).filter { $0.difference < 0 } }

  static func number(_ value: Double) -> String { String(format: "%.4f", value) }
  static func signed(_ value: Double) -> String { String(format: "%+.4f", value) }
  /// The p-value with four decimals, or in scientific notation below 0.0001 (never printed as 0).
  var pText: String {
    if comparison.isPValueBound {
      return "\(comparison.pValueLabel) (paired randomization; no draw of \(comparison.options.permutationResamples) reached the observed difference)"
    }
    return "\(comparison.pValueLabel) (paired randomization\(comparison.isExact ? ", exact" : ""))"
  }
  var interval: String { "[\(Self.signed(comparison.confidenceInterval.lowerBound)), \(Self.signed(comparison.confidenceInterval.upperBound))]" }
  var headline: String {
    "\(metric.label) B − A \(Self.signed(comparison.meanDifference)), 95% CI \(interval) (bootstrap, "
      + "\(comparison.options.bootstrapResamples) resamples), \(pText), "
      + "wins \(comparison.wins) · losses \(comparison.losses) · ties \(comparison.ties)"
  }

  var table: String {
    var lines = ["A: \(a.description)", "B: \(b.description)",
                 "\(comparison.queries.count) judged queries (split \(split.rawValue))", "",
                 "metric        A        B        B − A"]
    for row in means {
      lines.append(row.name.padding(toLength: 12, withPad: " ", startingAt: 0) + "  \(Self.number(row.a))   \(Self.number(row.b))   \(Self.signed(row.b - row.a))")
    }
    lines += ["", headline,
              "overlap: Jaccard@10 \(Self.number(meanJaccard)) · RBO (p = 0.9) \(Self.number(meanOverlap)) (means over the queries)"]
    if let interleavingLine { lines.append(interleavingLine) }
    if !regressed.isEmpty {
      lines.append("most regressed (\(metric.label), A → B):")
      for query in regressed {
        lines.append("  \(query.queryId)  \(Self.number(query.a)) → \(Self.number(query.b))  (\(Self.signed(query.difference)))  \(texts[query.queryId] ?? "")")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  var json: JSONValue {
    .object([
      JSONMember("a", .string(a.description)), JSONMember("b", .string(b.description)),
      JSONMember("queries", .number(Double(comparison.queries.count))), JSONMember("metric", .string(metric.label)),
      JSONMember("means", .object(means.map { JSONMember($0.name, .object([JSONMember("a", .number($0.a)), JSONMember("b", .number($0.b)),
                                                                           JSONMember("difference", .number($0.b - $0.a))])) })),
      JSONMember("difference", .number(comparison.meanDifference)),
      JSONMember("confidenceInterval", .array([.number(comparison.confidenceInterval.lowerBound),
                                               .number(comparison.confidenceInterval.upperBound)])),
      JSONMember("pValue", .number(comparison.pValue)), JSONMember("pValueExact", .bool(comparison.isExact)),
      JSONMember("wins", .number(Double(comparison.wins))), JSONMember("losses", .number(Double(comparison.losses))),
      JSONMember("ties", .number(Double(comparison.ties))),
      JSONMember("jaccard@10", .number(meanJaccard)), JSONMember("rbo", .number(meanOverlap)),
      JSONMember("perQuery", .array(comparison.queries.enumerated().map { offset, query in
        .object([JSONMember("id", .string(query.queryId)), JSONMember("a", .number(query.a)), JSONMember("b", .number(query.b)),
                 JSONMember("jaccard@10", .number(jaccard[offset])), JSONMember("rbo", .number(overlap[offset]))])
      })),
      JSONMember("mostRegressed", .array(regressed.map { .string($0.queryId) })),
      JSONMember("interleaving", interleaving.map { outcome in
        .object([JSONMember("sessions", .number(Double(outcome.sessions))), JSONMember("winsA", .number(Double(outcome.winsA))),
                 JSONMember("winsB", .number(Double(outcome.winsB))), JSONMember("ties", .number(Double(outcome.ties))),
                 JSONMember("preference", .number(outcome.preference)), JSONMember("marginOfError", .number(outcome.marginOfError)),
                 JSONMember("sessionsNeeded", outcome.sessionsNeeded.map { .number(Double($0)) } ?? .null)])
      } ?? .null),
    ])
  }

  var markdown: String {
    var lines = ["# Comparison: \(a.name) vs \(b.name)", "", "- **A**: \(a.description)", "- **B**: \(b.description)",
                 "- \(comparison.queries.count) judged queries (split \(split.rawValue))", "",
                 "| metric | A | B | B − A |", "|---|---|---|---|"]
    for row in means { lines.append("| \(row.name) | \(Self.number(row.a)) | \(Self.number(row.b)) | \(Self.signed(row.b - row.a)) |") }
    lines += ["", headline + ".", "",
              "Overlap: Jaccard@10 \(Self.number(meanJaccard)), rank-biased overlap (p = 0.9) \(Self.number(meanOverlap)), means over the queries."]
    if let interleavingLine { lines += ["", interleavingLine.prefix(1).uppercased() + interleavingLine.dropFirst() + "."] }
    if !regressed.isEmpty {
      lines += ["", "## Most regressed (\(metric.label))", "", "| query | text | A | B | B − A |", "|---|---|---|---|---|"]
      for query in regressed {
        let text = (texts[query.queryId] ?? "").replacingOccurrences(of: "|", with: "\\|")
        lines.append("| \(query.queryId) | \(text) | \(Self.number(query.a)) | \(Self.number(query.b)) | \(Self.signed(query.difference)) |")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
extension QueryMetric: ExpressibleByArgument {}
