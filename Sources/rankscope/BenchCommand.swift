import ArgumentParser
import Foundation
import RankscopeEncoder
import RankscopeEngine
import RankscopeUI

/// `rankscope bench`: benchmarks (not tests); `index` (the default) or `corpus`.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Benchmarks: latency on an index and keystroke-to-screen time, or a peer-harness corpus.",
    discussion: """
      Examples:
        rankscope bench                                  # the sample index (bench index)
        rankscope bench corpus --corpus /data/c100k --kind bm25 --run-out swift_bm25.jsonl
      """,
    subcommands: [BenchIndexCommand.self, BenchCorpusCommand.self, BenchPersonalizationCommand.self, BenchRecommendCommand.self,
                  BenchHomefeedCommand.self, BenchSpellingCommand.self, BenchAutocompleteCommand.self,
                  BenchIntentCommand.self, BenchUnderstandingCommand.self],
    defaultSubcommand: BenchIndexCommand.self)
}

/// `rankscope bench index`: query latency and keystroke-to-screen time on an index.
struct BenchIndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index",
    abstract: "Measure BM25F top-10 latency and the explorer's keystroke-to-screen time.",
    discussion: """
      Query latency: every query of the query log (after a warm-up pass) runs to its top 10, timed one by
      one; p50, p90, p99 and queries per second are printed. Keystroke-to-screen: the queries are typed
      character by character through the explorer's own reducer; each keystroke's time covers the reduce
      step, the search with explanations and stored fields, and drawing the whole screen into a cell buffer
      (everything but the terminal write). Build with -c release before measuring.

      Examples:
        swift build -c release && .build/release/rankscope bench
        .build/release/rankscope bench --queries 2000 --width 120 --height 40
        .build/release/rankscope bench --encoder
      """)

  @Option(help: "Index directory (default: the sample world's index).")
  var index: String?

  @Option(help: "Query log, JSON Lines with a \"query\" field (default: the sample world's).")
  var log: String?

  @Option(help: "Use at most this many queries from the log (0 = all).")
  var queries = 0

  @Option(help: "Screen width for the keystroke benchmark.")
  var width = 120

  @Option(help: "Screen height for the keystroke benchmark.")
  var height = 40

  @Option(help: "Queries typed in the keystroke benchmark.")
  var typedQueries = 1000

  @Flag(help: "Benchmark the sentence encoder instead: 16-piece query latency (one thread) and 64-piece batch throughput (2 threads).")
  var encoder = false

  @Option(help: "Sentence-encoder model directory (default: RANKSCOPE_MODEL_DIR or models/all-MiniLM-L6-v2).")
  var model: String?

  @OptionGroup var profileOptions: ProfileOptions

  func run() throws {
    if encoder {
      switch MiniLMEmbedder.load(explicitPath: model) {
      case .success(let embedder): print(EncoderBenchmark.run(encoder: embedder.encoder))
      case .failure(let error): throw CommandFailure("\(error)")
      }
      return
    }
    let opened = try Locations.openIndex(index, withEncoder: false)
    let (profile, engine) = try profileOptions.resolve(engine: opened, index: index, modelPath: model, quiet: false)
    let logPath = try log ?? Locations.sampleData().appendingPathComponent("query-log.jsonl").path
    var texts = try Self.readQueries(path: logPath)
    if queries > 0 { texts = Array(texts.prefix(queries)) }
    guard !texts.isEmpty else { throw CommandFailure("\(logPath) has no queries") }
    print("index: \(engine.documentCount) documents; \(texts.count) queries from \(logPath)"
          + (profile.map { "; rank profile \($0.name): \($0.stageSummary)" } ?? ""))

    for text in texts.prefix(500) { _ = try engine.search(SearchRequest(query: text, limit: 10, profile: profile)) }
    var latencies: [Double] = []
    latencies.reserveCapacity(texts.count)
    let overallStart = DispatchTime.now().uptimeNanoseconds
    var stageMilliseconds: [(name: String, values: [Double])] = []
    for text in texts {
      let start = DispatchTime.now().uptimeNanoseconds
      let response = try engine.search(SearchRequest(query: text, limit: 10, profile: profile))
      latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
      for stage in response.trace {
        if let index = stageMilliseconds.firstIndex(where: { $0.name == stage.name }) {
          stageMilliseconds[index].values.append(stage.seconds * 1000)
        } else {
          stageMilliseconds.append((stage.name, [stage.seconds * 1000]))
        }
      }
    }
    let overall = Double(DispatchTime.now().uptimeNanoseconds - overallStart) / 1e9
    print("\(profile.map { "profile \($0.name)" } ?? "BM25F") top-10 latency (ms): " + Self.summary(latencies)
          + String(format: "  | %.0f queries/s", Double(texts.count) / overall))
    print("stages (ms): " + stageMilliseconds.map { stage in
      let sorted = stage.values.sorted()
      return "\(stage.name) p50 " + String(format: "%.3f", sorted[sorted.count / 2])
        + " p99 " + String(format: "%.3f", sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * 0.99).rounded()))])
    }.joined(separator: " · "))

    var keystrokes: [Double] = []
    var slowest: [(milliseconds: Double, text: String)] = []
    for text in texts.prefix(typedQueries) {
      var state = AppState(service: engine, width: width, height: height, profiles: profile.map { [$0] } ?? [])
      if let profile { _ = reduce(&state, .selectProfile(profile.name)) }
      for character in text {
        let start = DispatchTime.now().uptimeNanoseconds
        var pending = reduce(&state, .insert(String(character)))
        while let effect = pending.first {
          pending.removeFirst()
          if case .search(let request, let generation) = effect {
            pending += reduce(&state, .searchCompleted(generation: generation, result: performSearch(request, using: engine)))
          }
        }
        let buffer = renderScreen(state, width: width, height: height)
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        keystrokes.append(milliseconds)
        slowest.append((milliseconds, state.query.text))
        if slowest.count > 40 { slowest = Array(slowest.sorted { $0.milliseconds > $1.milliseconds }.prefix(5)) }
        precondition(buffer.width == width)
      }
    }
    print("keystroke-to-screen at \(width)×\(height) over \(keystrokes.count) keystrokes (ms): " + Self.summary(keystrokes))
    if !slowest.isEmpty {
      print("slowest keystrokes: " + slowest.sorted { $0.milliseconds > $1.milliseconds }.prefix(5)
        .map { String(format: "%.1f ms ", $0.milliseconds) + "\"\($0.text)\"" }.joined(separator: " · "))
    }
  }

  static func readQueries(path: String) throws -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw IndexError.unreadable(path: path, reason: "no such file")
    }
    var texts: [String] = []
    for (lineNumber, line) in JSONLines.lines(of: Array(data)) {
      guard let value = try? JSONParser.parse(bytes: Array(line)) else {
        throw ImportIssue(file: path, line: lineNumber, reason: "malformed JSON")
      }
      if let text = value["query"]?.stringValue ?? value["text"]?.stringValue { texts.append(text) }
    }
    return texts
  }

  static func summary(_ values: [Double]) -> String {
    let sorted = values.sorted()
    func percentile(_ fraction: Double) -> Double {
      sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }
    let mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
    return String(format: "p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  mean %.3f", percentile(0.5), percentile(0.9),
                  percentile(0.99), sorted.last ?? 0, mean)
  }
}
