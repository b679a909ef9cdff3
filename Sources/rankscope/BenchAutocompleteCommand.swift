import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope bench autocomplete`: the completer's time per keystroke over every prefix of logged queries.
struct BenchAutocompleteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "autocomplete",
    abstract: "Measure autocomplete latency per keystroke (every prefix of many logged queries).",
    discussion: """
      Builds a QueryCompleter from the log (timed), then completes every prefix of the first --queries
      logged searches, each for its own user, after a warm-up pass; prints p50/p90/p99 per keystroke.

      Example:
        rankscope bench autocomplete --queries 2000
      """)

  @Option(help: "Query log (default: the sample world's).")
  var queryLog: String?

  @Option(help: "Logged searches whose prefixes are typed.")
  var queries = 2000

  @Option(name: [.customShort("k"), .long], help: "Suggestions per keystroke.")
  var limit = 8

  func run() throws {
    let path = try QueryLogLocation.path(queryLog, index: nil)
    let log = try QueryLogLocation.read(path)
    let buildStart = DispatchTime.now().uptimeNanoseconds
    let completer = QueryCompleter(log: log)
    let buildMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - buildStart) / 1e6
    let typed = log.searches.prefix(queries).map { (user: $0.user, text: $0.query) }
    let prefixes = typed.flatMap { search in
      search.text.indices.map { (user: search.user, prefix: String(search.text[...$0])) }
    }
    var checksum = 0
    for item in prefixes { checksum &+= completer.complete(item.prefix, user: item.user, k: limit).count }
    var latencies: [Double] = []
    latencies.reserveCapacity(prefixes.count)
    for item in prefixes {
      let start = DispatchTime.now().uptimeNanoseconds
      checksum &+= completer.complete(item.prefix, user: item.user, k: limit).count
      latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    print("query log: \(log.searches.count) searches, \(completer.queryCount) distinct queries (\(path))")
    print(String(format: "build: %.1f ms", buildMilliseconds))
    print("autocomplete top-\(limit) over \(prefixes.count) keystrokes of \(typed.count) queries, each for its user (ms): "
          + BenchIndexCommand.summary(latencies) + "  [\(checksum)]")
  }
}
