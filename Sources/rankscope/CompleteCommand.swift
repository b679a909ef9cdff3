import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope complete`: autocomplete suggestions for a prefix, from the query log.
struct CompleteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "complete",
    abstract: "Autocomplete a query prefix from the query log (popularity, recency, the user's history).",
    discussion: """
      Suggestions are logged queries starting with the prefix (normalized: case, accents, spaces), scored
      0.5·ln(1 + searches) + ln(1 + recency-decayed searches, half-life 14 days from the log's latest search)
      + 2·ln(1 + the user's own decayed searches); when they run short, the prefix's last word is completed
      from the log's words ("kitchen ca" → "kitchen cabinets").

      Examples:
        rankscope complete "kitchen ca"
        rankscope complete "boho" --user u0186 -k 5 --format json
        rankscope complete "lin" --query-log my-log.jsonl
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

  @Argument(help: "The prefix typed so far.")
  var prefix: String

  @Option(help: "Personalize with this user's own searches in the log.")
  var user: String?

  @Option(name: [.customShort("k"), .long], help: "Number of suggestions.")
  var limit = 8

  @Option(help: "Query log (JSON Lines: user, query, ts, shown, clicked; default: the sample world's).")
  var queryLog: String?

  @Option(help: "Recency half-life in days.")
  var halfLifeDays = 14.0

  @Option(help: "Output format: table or json.")
  var format: Format = .table

  func validate() throws {
    guard limit >= 1 else { throw ValidationError("-k must be at least 1") }
    guard halfLifeDays > 0 else { throw ValidationError("--half-life-days must be positive") }
  }

  func run() throws {
    let log = try QueryLogLocation.read(try QueryLogLocation.path(queryLog, index: nil))
    let completer = QueryCompleter(log: log, settings: CompletionSettings(halfLife: halfLifeDays * 86_400))
    let suggestions = completer.complete(prefix, user: user, k: limit)
    switch format {
    case .json:
      print(JSONWriter.string(.object([
        JSONMember("prefix", .string(prefix)),
        JSONMember("normalizedPrefix", .string(QueryCompleter.normalizePrefix(prefix))),
        JSONMember("user", user.map(JSONValue.string) ?? .null),
        JSONMember("suggestions", .array(suggestions.map(Self.json))),
      ])))
    case .table:
      guard !suggestions.isEmpty else { print("no suggestions for \"\(QueryCompleter.normalizePrefix(prefix))\""); return }
      print(TextColumns.row(["#", "suggestion", "score", "popul.", "recency", "personal", "searches", "kind"],
                            widths: [-3, -44, 7, 7, 7, 8, 8, -5]))
      for (rank, suggestion) in suggestions.enumerated() {
        let numbers = [suggestion.score, suggestion.popularity, suggestion.recency, suggestion.personal]
          .map { String(format: "%.3f", $0) }
        let cells = ["\(rank + 1)", suggestion.text] + numbers + ["\(suggestion.searchCount)", suggestion.kind.rawValue]
        print(TextColumns.row(cells, widths: [-3, -44, 7, 7, 7, 8, 8, -5]))
      }
    }
  }

  /// A suggestion as JSON, with its score parts.
  static func json(_ suggestion: CompletionSuggestion) -> JSONValue {
    .object([
      JSONMember("text", .string(suggestion.text)), JSONMember("kind", .string(suggestion.kind.rawValue)),
      JSONMember("score", .number(suggestion.score)), JSONMember("popularity", .number(suggestion.popularity)),
      JSONMember("recency", .number(suggestion.recency)), JSONMember("personal", .number(suggestion.personal)),
      JSONMember("searches", .number(Double(suggestion.searchCount))),
    ])
  }
}
