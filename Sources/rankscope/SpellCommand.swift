import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope spell`: the spelling correction of one query, its confidence and each word's alternatives.
struct SpellCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "spell",
    abstract: "Correct the spelling of a query: the correction, its confidence and each word's alternatives.",
    discussion: """
      Candidates are vocabulary words (the index's text fields, not stemmed) within two edits, scored by
      ln(1 + document frequency + query-log uses) − 5 per edit + how often they share documents with the
      other query words; a changed query at least 0.8 probable is auto-corrected, else "did you mean".
      Filters, numbers and quoted phrases are left alone. The sample index is weighted by the sample query log.

      Examples:
        rankscope spell "rustic kicthen"
        rankscope spell "farmhouse kitchne type:video price<50" --format json
        rankscope spell "infromation retrieval" --index cacm-index
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Argument(help: "The query to correct.")
  var query: String

  @Option(help: "Index directory (default: the sample world's index).")
  var index: String?

  @Option(help: "Query log (JSON Lines) whose queries weight the words (default: the sample log with the sample index).")
  var queryLog: String?

  @Flag(help: "Do not weight words by a query log.")
  var noQueryLog = false

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  func run() throws {
    let engine = try Locations.openIndex(index, quiet: true, withEncoder: false)
    let queries = try SpellingSetup.logQueries(path: queryLog, index: index, skip: noQueryLog)
    let (corrector, _) = try SpellingSetup.corrector(engine: engine, queries: queries)
    let correction = corrector.correct(query)
    switch format {
    case .text: print(Self.text(correction), terminator: "")
    case .json: print(JSONWriter.string(Self.json(correction)))
    }
  }

  /// The correction as lines: the verdict, then each checked word's alternatives.
  static func text(_ correction: SpellingCorrection) -> String {
    var lines: [String] = []
    let confidence = String(format: "%.3f", correction.confidence)
    if !correction.isChanged {
      lines.append("no correction: \(correction.original)")
    } else if correction.isAutomatic {
      lines.append("auto-correct: \(correction.corrected)  (confidence \(confidence))")
    } else {
      lines.append("did you mean: \(correction.corrected)  (confidence \(confidence))")
    }
    for word in correction.words where word.status != .known {
      lines.append("  \(word.original) [\(word.status.rawValue)]" + (word.isChanged ? " → \(word.corrected)" : ""))
      for alternative in word.alternatives {
        lines.append(String(format: "    %@  p %.3f  score %.3f  edits %d  df %d  log %d  context %.3f", alternative.word,
                            alternative.probability, alternative.score, alternative.distance,
                            alternative.documentFrequency, alternative.queryFrequency, alternative.context))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The correction as a JSON object.
  static func json(_ correction: SpellingCorrection) -> JSONValue {
    .object([
      JSONMember("original", .string(correction.original)),
      JSONMember("corrected", .string(correction.corrected)),
      JSONMember("confidence", .number(correction.confidence)),
      JSONMember("action", .string(correction.isAutomatic ? "auto-correct" : correction.isChanged ? "did-you-mean" : "none")),
      JSONMember("words", .array(correction.words.map { word in
        .object([
          JSONMember("original", .string(word.original)),
          JSONMember("corrected", .string(word.corrected)),
          JSONMember("status", .string(word.status.rawValue)),
          JSONMember("probability", .number(word.probability)),
          JSONMember("alternatives", .array(word.alternatives.map { alternative in
            .object([
              JSONMember("word", .string(alternative.word)),
              JSONMember("probability", .number(alternative.probability)),
              JSONMember("score", .number(alternative.score)),
              JSONMember("distance", .number(Double(alternative.distance))),
              JSONMember("documentFrequency", .number(Double(alternative.documentFrequency))),
              JSONMember("queryFrequency", .number(Double(alternative.queryFrequency))),
              JSONMember("context", .number(alternative.context)),
            ])
          })),
        ])
      })),
    ])
  }
}
