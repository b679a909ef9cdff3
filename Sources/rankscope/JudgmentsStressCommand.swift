import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope judgments-stress` (hidden): a test aid that records ratings in a loop and acknowledges each on
/// stdout, so a test can kill it at any moment and check that no acknowledged rating was lost.
struct JudgmentsStressCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "judgments-stress",
    abstract: "Test aid: record ratings in a loop through a JudgmentStore, printing 'ack QID DOCID GRADE' after each.",
    shouldDisplay: false)

  @Option(help: "The qrels file (its journal is this path + \".journal\").")
  var qrels: String

  @Option(help: "The queries file.")
  var queries: String

  @Option(help: "How many ratings to record.")
  var count = 1000

  @Option(help: "The number of the first rating (so several runs rate different documents).")
  var start = 0

  @Option(help: "Compact after every this many ratings (0: never).")
  var compactEvery = 0

  func run() throws {
    let store = try JudgmentStore(qrelsPath: qrels, queriesPath: queries)
    for number in start..<(start + count) {
      let edit = Self.edit(number: number)
      try store.record(edit)
      FileHandle.standardOutput.write(Data("ack \(edit.queryId) \(edit.documentId) \(edit.grade ?? -1)\n".utf8))
      if compactEvery > 0, (number + 1) % compactEvery == 0 { try store.compact() }
    }
  }

  /// The `number`th rating: one of seven queries (with odd Unicode text), a document of its own, grade number mod 4.
  static func edit(number: Int) -> JudgmentEdit {
    let query = number % 7
    return JudgmentEdit(queryId: "q\(query)", queryText: "stress \"query\" \(query) — café ✓", documentId: "d\(number)",
                        grade: number % 4)
  }
}
