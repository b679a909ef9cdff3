import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope bench corpus`: runs Rankscope on a corpus written by the peer harness (`../shared/bench`,
/// `peers.py gen`) under the harness's timing rules, and writes a run file its `score` command checks.
struct BenchCorpusCommand: ParsableCommand {
  /// What to benchmark.
  enum Kind: String, ExpressibleByArgument, CaseIterable {
    /// BM25 top-10 over `docs.jsonl` with `queries.jsonl`.
    case bm25
    /// Approximate (HNSW) top-10 over `vectors.f32` with `vec_queries.f32`.
    case ann
    /// Exact (brute-force) top-10 over the same vectors.
    case exact
  }

  static let configuration = CommandConfiguration(
    commandName: "corpus",
    abstract: "Benchmark Rankscope on a peer-harness corpus (BM25, HNSW or exact vector search).",
    discussion: """
      The corpus is a folder written by the peer harness (`peers.py gen --out DIR`). Analysis matches the
      peers: lower-case whitespace tokens, no stemming or stop words, BM25 k1 = 1.2, b = 0.75, OR semantics.
      One query at a time on one thread, after 20 warm-up queries; every query is timed with the monotonic
      clock; p50, p99 and queries per second are the medians over --repeats passes. The run file (one
      {"qid": N, "ids": [...]} per line) is what `peers.py score --kind bm25|ann` checks. With several --ef
      values, one run file per value is written, named FILE with "-ef<N>" before its extension.

      Examples:
        rankscope bench corpus --corpus /data/c100k --kind bm25 --run-out swift_bm25.jsonl
        rankscope bench corpus --corpus /data/c100k --kind ann --ef 16,32,64,128,256 --run-out swift_hnsw.jsonl
        rankscope bench corpus --corpus /data/c100k --kind exact --run-out swift_exact.jsonl
      """)

  @Option(help: "Corpus folder written by `peers.py gen`.")
  var corpus: String

  @Option(help: "What to benchmark: bm25, ann or exact.")
  var kind: Kind

  @Option(help: "efSearch values for --kind ann, comma-separated.", transform: BenchCorpusCommand.integers)
  var ef: [Int] = [16, 32, 64, 128, 256]

  @Option(name: .customLong("M"), help: "HNSW links per node on upper levels (twice as many on level 0).")
  var m = 16

  @Option(help: "HNSW efConstruction.")
  var efConstruction = 100

  @Option(help: "Seed of the HNSW level draws.")
  var seed: UInt64 = 1

  @Flag(help: "Search int8-quantized vectors, re-scoring the best candidates in float32 (--kind ann, exact).")
  var int8 = false

  @Option(help: """
    Vector index file to reuse (--kind ann, exact with --int8): loaded when it exists and was built with the \
    same M, efConstruction, seed and quantization, otherwise built (timed) and written there.
    """)
  var indexCache: String?

  @Option(help: "Timed passes over all queries.")
  var repeats = 3

  @Option(help: "Write the run file here (JSON Lines: qid and the top-10 ids).")
  var runOut: String?

  func run() throws {
    let corpusURL = URL(fileURLWithPath: corpus)
    switch kind {
    case .bm25: try CorpusLexicalBenchmark.run(self, corpus: corpusURL)
    case .ann, .exact: try CorpusVectorBenchmark.run(self, corpus: corpusURL)
    }
  }

  static func integers(_ text: String) throws -> [Int] {
    try text.split(separator: ",").map { part in
      guard let value = Int(part.trimmingCharacters(in: .whitespaces)), value > 0 else {
        throw ValidationError("expected positive integers separated by commas, got \"\(text)\"")
      }
      return value
    }
  }

  /// The run-file path for one efSearch value when several are run.
  static func runPath(_ path: String, suffix: String?) -> String {
    guard let suffix else { return path }
    let url = URL(fileURLWithPath: path)
    let stem = url.deletingPathExtension().lastPathComponent
    let fileExtension = url.pathExtension
    let name = stem + "-" + suffix + (fileExtension.isEmpty ? "" : "." + fileExtension)
    return url.deletingLastPathComponent().appendingPathComponent(name).path
  }
}

/// Per-query latencies of several timed passes, summarised the peer harness's way.
struct PassStatistics {
  /// Nanoseconds per query, one array per pass.
  var passes: [[UInt64]] = []

  /// Median over passes of each pass's p50, in microseconds.
  var p50: Double { median(passes.map { Self.percentile($0, 0.50) }) }
  /// Median over passes of each pass's p99, in microseconds.
  var p99: Double { median(passes.map { Self.percentile($0, 0.99) }) }
  /// Median over passes of 1 / mean latency.
  var queriesPerSecond: Double {
    median(passes.map { pass in
      let total = pass.reduce(0) { $0 + Double($1) }
      return total > 0 ? Double(pass.count) * 1e9 / total : 0
    })
  }

  /// The one-line summary printed by the benchmarks.
  var summary: String {
    String(format: "p50 %.1f µs  p99 %.1f µs  %.0f queries/s (median of %d passes)", p50, p99, queriesPerSecond,
           passes.count)
  }

  /// Percentile by linear interpolation between closest ranks (numpy's default), in microseconds.
  static func percentile(_ values: [UInt64], _ fraction: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let position = Double(sorted.count - 1) * fraction
    let lower = Int(position.rounded(.down))
    let upper = min(sorted.count - 1, lower + 1)
    let weight = position - Double(lower)
    return (Double(sorted[lower]) * (1 - weight) + Double(sorted[upper]) * weight) / 1000
  }

  private func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
  }
}

/// Nanoseconds on the monotonic clock.
@inline(__always)
func monotonicNanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Writes a run file for the peer harness's `score`: one `{"qid": N, "ids": [...]}` per query.
func writeRunFile(_ results: [(query: Int, ids: [Int])], to path: String) throws {
  var text = ""
  for result in results {
    text += "{\"qid\": \(result.query), \"ids\": [" + result.ids.map(String.init).joined(separator: ", ") + "]}\n"
  }
  try SafeFile.write(text, to: path)
}
