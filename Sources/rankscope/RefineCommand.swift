import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope refine`: search guides for a query (narrower queries, why, and what they find).
struct RefineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "refine",
    abstract: "Propose refinements that narrow a query: from query-log sessions and significant terms.",
    discussion: """
      Candidates come from the query log (a search followed, in the same user session — gaps of at most 30
      minutes — by a search holding all its words and more) and from terms significant in the query's top 50
      results against the whole corpus (Dunning's log-likelihood ratio). They are ranked by expected
      engagement (clicked searches expected per search of the query, estimated from the log; see
      docs/ARCHITECTURE.md, "Autocomplete and refinements"); each is searched for its matches, a preview of
      its top 3 and its Jaccard overlap with the query's top 10.

      Examples:
        rankscope refine "kitchen"
        rankscope refine "wedding" --user u0186 -k 5 --format json
        rankscope refine "linen" --index my-index --query-log my-log.jsonl
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

  @Argument(help: "The query to refine.")
  var query: String

  @Option(help: "Index directory (default: the sample world's index).")
  var index: String?

  @Option(help: "Query log (JSON Lines: user, query, ts, shown, clicked; default for the sample index: the sample world's).")
  var queryLog: String?

  @Option(help: "Count this user's own session transitions more.")
  var user: String?

  @Option(name: [.customShort("k"), .long], help: "Number of refinements.")
  var limit = 8

  @Option(help: "Output format: table or json.")
  var format: Format = .table

  func validate() throws {
    guard limit >= 1 else { throw ValidationError("-k must be at least 1") }
  }

  func run() throws {
    let logPath = try QueryLogLocation.path(queryLog, index: index)
    let engine = try Locations.openIndex(index, quiet: format == .json, withEncoder: false)
    let generator = RefinementGenerator(engine: engine, log: try QueryLogLocation.read(logPath))
    let refinements = try generator.refinements(of: query, user: user, k: limit)
    switch format {
    case .json:
      print(JSONWriter.string(.object([
        JSONMember("query", .string(query)), JSONMember("user", user.map(JSONValue.string) ?? .null),
        JSONMember("refinements", .array(refinements.map(Self.json))),
      ])))
    case .table:
      guard !refinements.isEmpty else { print("no refinements for \"\(query)\""); return }
      let widths = [-3, -40, 10, 9, 10, -1]
      print(TextColumns.row(["#", "refinement", "engagement", "matches", "overlap@10", "sources"], widths: widths))
      for (rank, refinement) in refinements.enumerated() {
        let matches = (refinement.totalMatchesIsExact ? "" : "≥") + "\(refinement.totalMatches)"
        print(TextColumns.row(["\(rank + 1)", refinement.text, String(format: "%.4f", refinement.engagement), matches,
                               String(format: "%.2f", refinement.overlapWithParent),
                               refinement.sources.map(Self.describe).joined(separator: " · ")], widths: widths))
        print("      " + refinement.preview.map { "\($0.id) \($0.title ?? "")" }.joined(separator: " · "))
      }
    }
  }

  /// One source in a table cell.
  static func describe(_ source: Refinement.Source) -> String {
    switch source {
    case .transition(let count, let clicked, let own):
      return "session \(count)× (\(clicked) clicked\(own > 0 ? ", \(own) by the user" : ""))"
    case .significantTerm(let term, let score, let foreground, let size, let background):
      return "term \(term) G²=" + String(format: "%.1f", score) + " (\(foreground)/\(size) top vs \(background) docs)"
    }
  }

  /// A refinement as JSON: text, scores, sources, matches, preview and overlap.
  static func json(_ refinement: Refinement) -> JSONValue {
    let sources = refinement.sources.map { source -> JSONValue in
      switch source {
      case .transition(let count, let clicked, let own):
        return .object([JSONMember("source", .string(source.name)), JSONMember("count", .number(Double(count))),
                        JSONMember("clicked", .number(Double(clicked))), JSONMember("userCount", .number(Double(own)))])
      case .significantTerm(let term, let score, let foreground, let size, let background):
        return .object([JSONMember("source", .string(source.name)), JSONMember("term", .string(term)),
                        JSONMember("logLikelihoodRatio", .number(score)),
                        JSONMember("foregroundFrequency", .number(Double(foreground))),
                        JSONMember("foregroundSize", .number(Double(size))),
                        JSONMember("backgroundFrequency", .number(Double(background)))])
      }
    }
    return .object([
      JSONMember("text", .string(refinement.text)), JSONMember("addedWords", .array(refinement.addedWords.map(JSONValue.string))),
      JSONMember("engagement", .number(refinement.engagement)), JSONMember("sources", .array(sources)),
      JSONMember("loggedSearches", .number(Double(refinement.loggedSearches))),
      JSONMember("loggedClickedSearches", .number(Double(refinement.loggedClickedSearches))),
      JSONMember("totalMatches", .number(Double(refinement.totalMatches))),
      JSONMember("totalMatchesIsExact", .bool(refinement.totalMatchesIsExact)),
      JSONMember("overlapWithParent", .number(refinement.overlapWithParent)),
      JSONMember("preview", .array(refinement.preview.map { hit in
        .object([JSONMember("id", .string(hit.id)), JSONMember("title", hit.title.map(JSONValue.string) ?? .null)])
      })),
    ])
  }
}
