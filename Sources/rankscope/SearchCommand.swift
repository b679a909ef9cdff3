import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope search`: one query, printed as a table or JSON.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Run one query and print the ranked hits.",
    discussion: """
      Filters can be written in the query (type:video price<50 -type:image category:"home decor") or
      given with --filter. Scores are BM25F (lexical), cosine similarity (semantic), or a fusion of
      candidate generators (hybrid: BM25F and the text embedding, fused by reciprocal rank fusion unless
      the schema or --fusion says otherwise); --explain prints each hit's exact score breakdown, and hybrid
      hits list every generator that found them.

      Examples:
        rankscope search "farmhouse kitchen"
        rankscope search "wedding cake" --filter "type:video" -k 5 --explain
        rankscope search "linen dress price<80" --format json --index my-index
        rankscope search "cozy reading nook" --retrieval hybrid --explain
        rankscope search "cozy reading nook" --retrieval hybrid --fusion weighted --weights bm25f=1,ann:text_embedding=0.5
        rankscope search "boho wedding" --retrieval hybrid --weights bm25f=1,ann:text_embedding=1,popular:category=0.5 --depth 50
        rankscope search "rustic kitchen" --profile hybrid-diverse --explain
        rankscope search "linen dress" --profile my-profile --profiles ./profiles --index my-index
        rankscope search "rustic kitchen" --profile hybrid-l1 --why-not p000123
        rankscope search "rustic kitchen" --profile hybrid-l1 --compare p016425,p008962
        rankscope search "rustic kitchen" --profile hybrid-personal --user u0001 --explain
        rankscope search "rustic kitchen" --profile hybrid-personal --user u0001 --signals category_affinity,hidden_before

      With --profile, the named rank profile runs instead of --retrieval: its generators, fusion, L1 and
      blend stages, each shown in the explanation and the stage line. Profiles are read from --profiles
      folders and, for the sample index, SampleData/profiles.

      With --user, the profile's personalization features (user_similarity, interest_similarity, the
      affinities, seen_before, hidden_before) read that user's profile; --signals turns some off.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

  @Argument(help: "The query text, filters allowed.")
  var query: String

  @Option(help: "Index directory (default: the sample world's index).")
  var index: String?

  @Flag(help: "Include each hit's score explanation.")
  var explain = false

  @Option(help: "Output format: table or json.")
  var format: Format = .table

  @Option(help: "A filter such as type:video or price<50 (repeatable).")
  var filter: [String] = []

  @Option(name: [.customShort("k"), .long], help: "Number of hits.")
  var limit = 10

  @Option(help: "Retrieval: lexical (BM25F), semantic (exact cosine over text embeddings) or hybrid (both, fused); the last two need the model.")
  var retrieval: RetrievalMode = .lexical

  @OptionGroup var fusionOptions: FusionOptions

  @Option(name: [.customLong("depth"), .customLong("fusion-depth")],
          help: "Hybrid: candidates each generator hands to fusion (default: the schema's, else 100; at least -k).")
  var depth: Int?

  @Option(help: "Sentence-encoder model directory (default: RANKSCOPE_MODEL_DIR or models/all-MiniLM-L6-v2).")
  var model: String?

  @OptionGroup var profileOptions: ProfileOptions

  @OptionGroup var userOptions: UserOptions

  @OptionGroup var understandingOptions: UnderstandingOptions

  @Option(help: "Why not this document (an id)? Follow it through every stage: where it fell out and by how much.")
  var whyNot: String?

  @Option(help: "Why A above B? Two ids, comma-separated: their ranks, scores and feature differences, largest first.")
  var compare: String?

  func validate() throws {
    guard limit >= 0 else { throw ValidationError("-k must be zero or more") }
    if let depth, depth < 1 { throw ValidationError("--depth must be at least 1") }
    if profileOptions.profile != nil, retrieval != .lexical || fusionOptions.isGiven || depth != nil {
      throw ValidationError("--profile replaces --retrieval and the fusion options (the profile declares them)")
    }
  }

  func run() throws {
    let opened = try Locations.openIndex(index, quiet: format == .json, modelPath: model,
                                         withEncoder: profileOptions.profile == nil && retrieval.needsEmbedding)
    let (profile, engine) = try profileOptions.resolve(engine: opened, index: index, modelPath: model, quiet: format == .json)
    let fusion = try fusionOptions.settings(schema: engine.schema, depth: depth, retrieval: retrieval)
    var filters: [Filter] = []
    for text in filter {
      let parsed = try engine.parse(text)
      guard parsed.terms.isEmpty, !parsed.filters.isEmpty else {
        throw CommandFailure("--filter '\(text)' is not a filter on a keyword or numeric field (keyword: \(engine.schema.keywordFields.map(\.name).joined(separator: ", ")); numeric: \(engine.schema.numericFields.map(\.name).joined(separator: ", ")))")
      }
      filters += parsed.filters
    }
    var request = SearchRequest(query: query, filters: filters, limit: limit, explain: explain,
                                retrieval: retrieval, fusion: fusion, profile: profile)
    request.user = try userOptions.context(engine: engine, index: index, quiet: format == .json)
    request.understanding = try understandingOptions.install(on: engine, index: index)
    if request.user != nil, format == .table, !UserOptions.personalizes(profile) {
      let what = profile.map { "rank profile \($0.name) weights no personalization feature" } ?? "no --profile is given"
      FileHandle.standardError.write(Data("rankscope: note: --user changes nothing here: \(what) (try --profile hybrid-personal)\n".utf8))
    }
    if let compare {
      let ids = compare.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
      guard ids.count == 2, !ids[0].isEmpty, !ids[1].isEmpty else { throw CommandFailure("--compare takes two ids: A,B") }
      let comparison = try engine.compare(request, ids[0], ids[1])
      print(format == .json ? JSONWriter.string(comparison.json) : comparison.text)
      return
    }
    request.whyNot = whyNot
    let response = try engine.search(request)
    switch format {
    case .json:
      let value = try response.json(query: query) { try engine.storedDocument($0.documentNumber) }
      print(JSONWriter.string(value))
    case .table:
      for line in response.interpretation?.summaryLines ?? [] { print(line) }
      print(try HitTable.render(response, engine: engine, width: TerminalWidth.current))
      if let report = response.whyNot {
        print("\nwhy not \(report.documentId)? \(report.verdict)")
        for step in report.steps { print("  \(step.passed ? "✓" : "✗") \(step.stage): \(step.detail)") }
      }
    }
  }
}

extension RetrievalMode: ExpressibleByArgument {}

/// The width of standard output's terminal, or 100 when it is not one.
enum TerminalWidth {
  static var current: Int {
    var size = winsize()
    if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
    return 100
  }
}

/// Renders hits as an aligned text table, with explanations indented under their hits.
enum HitTable {
  static func render(_ response: SearchResponse, engine: SearchEngine, width: Int) throws -> String {
    let display = engine.schema.display
    var lines: [String] = []
    let filters = response.parsedQuery.filters.map(\.description).joined(separator: " ")
    let counted = response.fusion.map { "candidates fused (\($0.summary))" } ?? "matches"
    lines.append((response.totalMatchesIsExact ? "" : "at least ") + "\(response.totalMatches) \(counted)" + (filters.isEmpty ? "" : " · filters: \(filters)")
                 + " · \(String(format: "%.2f", response.totalSeconds * 1000)) ms")
    if let profile = response.profile {
      let stages = response.trace.filter { $0.name != "understand" && $0.name != "page" }
        .map { "\($0.name) \($0.inputCount)→\($0.outputCount)" }.joined(separator: " · ")
      lines.append("profile \(profile): \(stages)")
    }
    if response.fusion != nil || response.profile != nil {
      for generator in response.generators {
        lines.append("  \(generator.name): \(generator.candidateCount) of \(generator.matchCount) matches"
                     + (generator.note.map { " · \($0)" } ?? ""))
      }
    }
    if response.hits.isEmpty {
      lines.append(response.parsedQuery.terms.isEmpty && response.parsedQuery.filters.isEmpty
                   ? "(the query has no searchable terms)" : "(no hits)")
      return lines.joined(separator: "\n")
    }
    for hit in response.hits {
      let stored = try engine.storedDocument(hit.documentNumber)
      let title = display.title.flatMap { stored[$0]?.displayText } ?? hit.id
      let details = display.details.compactMap { key -> String? in
        guard let text = stored[key]?.displayText, !text.isEmpty else { return nil }
        return "\(key): \(text)"
      }.joined(separator: "  ")
      let head = "\(pad(String(hit.rank), 3)). \(pad(Explanation.format(hit.score), 8)) \(hit.id)  "
      let room = max(10, width - head.count)
      lines.append(head + truncate(title, room))
      if !details.isEmpty { lines.append(String(repeating: " ", count: 15) + truncate(details, max(10, width - 15))) }
      if response.fusion != nil || response.profile != nil {
        let sources = hit.sources.map { "\($0.generator) #\($0.rank) (\(Explanation.format($0.score)))" }.joined(separator: ", ")
        lines.append(String(repeating: " ", count: 15) + truncate("found by " + sources, max(10, width - 15)))
      }
      if let explanation = hit.explanation { lines.append(explanation.renderText(indent: "     ")) }
    }
    return lines.joined(separator: "\n")
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }

  private static func truncate(_ text: String, _ width: Int) -> String {
    text.count <= width ? text : String(text.prefix(width - 1)) + "…"
  }
}

extension HitComparison {
  /// The comparison as aligned text: ranks and scores, then one line per feature.
  var text: String {
    func rank(_ value: Int?) -> String { value.map { "rank \($0)" } ?? "not returned" }
    func score(_ value: Double?) -> String { value.map { Explanation.format($0) } ?? "–" }
    var lines = ["\(firstId): \(rank(firstRank)), score \(score(firstScore))",
                 "\(secondId): \(rank(secondRank)), score \(score(secondScore))",
                 "feature differences, largest first (weighted by L1 where it weights them):"]
    let width = max(8, rows.map(\.feature.count).max() ?? 8)
    for row in rows {
      let name = row.feature.padding(toLength: width, withPad: " ", startingAt: 0)
      var line = "  \(name)  \(Explanation.format(row.first)) vs \(Explanation.format(row.second))  Δ \(Explanation.format(row.difference))"
      if let weight = row.weight, let contribution = row.contribution {
        line += "  × \(Explanation.format(weight)) = \(Explanation.format(contribution))"
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  /// The comparison as JSON.
  var json: JSONValue {
    func optional(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
    return .object([
      JSONMember("first", .object([JSONMember("id", .string(firstId)), JSONMember("rank", optional(firstRank.map(Double.init))),
                                   JSONMember("score", optional(firstScore))])),
      JSONMember("second", .object([JSONMember("id", .string(secondId)), JSONMember("rank", optional(secondRank.map(Double.init))),
                                    JSONMember("score", optional(secondScore))])),
      JSONMember("features", .array(rows.map { row in
        var members = [JSONMember("feature", .string(row.feature)), JSONMember("first", .number(row.first)),
                       JSONMember("second", .number(row.second)), JSONMember("difference", .number(row.difference))]
        if let weight = row.weight, let contribution = row.contribution {
          members += [JSONMember("weight", .number(weight)), JSONMember("contribution", .number(contribution))]
        }
        return .object(members)
      })),
    ])
  }
}
