import Foundation
import RankscopeEngine

/// BM25 on a peer-harness corpus: index build, then top-10 per query with the harness's timing rules.
///
/// The index has one text field, `text`, analyzed like the peers (lower-case, split on non-alphanumerics,
/// no stemming, stop words or length filter; BM25 k1 = 1.2, b = 0.75). Build time runs from the loaded
/// texts to a searchable index: analysis, inversion, serialisation, writing the files to a temporary
/// directory and opening them memory-mapped (like tantivy's commit). Each query goes through
/// `SearchEngine.search` with query parsing, as any caller's would.
enum CorpusLexicalBenchmark {
  /// One line of `docs.jsonl` or `queries.jsonl`.
  private struct Line: Decodable {
    var id: Int
    var text: String
  }

  static func run(_ command: BenchCorpusCommand, corpus: URL) throws {
    let documents = try readLines(corpus.appendingPathComponent("docs.jsonl"))
    let queries = try readLines(corpus.appendingPathComponent("queries.jsonl"))
    guard !documents.isEmpty, !queries.isEmpty else {
      throw CommandFailure("\(corpus.path): docs.jsonl and queries.jsonl must not be empty")
    }
    print("corpus \(corpus.path): \(documents.count) documents, \(queries.count) queries")

    let analyzer = AnalyzerConfiguration(lowercase: true, foldAccents: false, stopWords: .none, stemmer: .none,
                                         minimumTokenLength: 1)
    let schema = Schema(fields: [Schema.Field(name: "text", type: .text, weight: 1, b: 0.75, analyzer: analyzer)], k1: 1.2)
    let temporary = FileManager.default.temporaryDirectory
      .appendingPathComponent("rankscope-bench-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: temporary) }
    let indexDirectory = temporary.appendingPathComponent("index")

    let buildStart = monotonicNanoseconds()
    var builder = IndexBuilder(schema: schema)
    for document in documents {
      let id = String(document.id)
      builder.add(ImportedDocument(id: id, texts: [document.text], keywords: [], numbers: [], vectors: [],
                                   stored: .object([JSONMember("id", .string(id))])))
    }
    let files = builder.serialize()
    try IndexWriter.write(files, schema: schema,
                          build: .init(source: corpus.path, linesRead: documents.count, linesSkipped: 0,
                                       createdBy: "rankscope bench corpus"),
                          to: indexDirectory.path)
    let engine = try SearchEngine.open(directory: indexDirectory)
    let buildSeconds = Double(monotonicNanoseconds() - buildStart) / 1e9
    print(String(format: "build: %.3f s (%.0f documents/s, one thread, analysis to memory-mapped index)",
                 buildSeconds, Double(documents.count) / buildSeconds))
    let sizes = try fileSizes(indexDirectory)
    let total = sizes.values.reduce(0, +)
    let core = ["terms.bin", "postings.bin", "norms.bin"].reduce(0) { $0 + (sizes[$1] ?? 0) }
    print(String(format: "index size: %.1f MiB on disk; postings + dictionary + norms %.1f MiB (postings %.1f MiB)",
                 mebibytes(total), mebibytes(core), mebibytes(sizes["postings.bin"] ?? 0)))

    for query in queries.prefix(20) { _ = try engine.search(SearchRequest(query: query.text, limit: 10)) }
    var statistics = PassStatistics()
    var results: [(query: Int, ids: [Int])] = []
    let cpuStart = threadCPUNanoseconds()
    for pass in 0..<max(1, command.repeats) {
      var latencies: [UInt64] = []
      latencies.reserveCapacity(queries.count)
      var passResults: [(query: Int, ids: [Int])] = []
      passResults.reserveCapacity(queries.count)
      for query in queries {
        let start = monotonicNanoseconds()
        let response = try engine.search(SearchRequest(query: query.text, limit: 10))
        latencies.append(monotonicNanoseconds() - start)
        passResults.append((query.id, response.hits.compactMap { Int($0.id) }))
      }
      statistics.passes.append(latencies)
      if pass == 0 { results = passResults }
    }
    let cpuPerQuery = Double(threadCPUNanoseconds() - cpuStart) / Double(max(1, command.repeats) * queries.count) / 1000
    print("BM25 top-10: " + statistics.summary)
    // On a shared machine wall-clock latencies include time other processes held the core; the thread's own
    // CPU time does not (it still includes the bookkeeping of the timing loop).
    print(String(format: "CPU time per query (this thread's clock): %.1f µs mean (%.0f queries/s if the core were ours)",
                 cpuPerQuery, 1e6 / cpuPerQuery))
    print("resident memory (VmHWM): \(peakResidentMemory())")
    if let runOut = command.runOut {
      try writeRunFile(results, to: runOut)
      print("run file: \(runOut)")
    }
  }

  /// Reads a JSON Lines file of `{"id": int, "text": str}`, naming the file and line of any error.
  private static func readLines(_ url: URL) throws -> [Line] {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw CommandFailure("cannot read \(url.path) (is --corpus a folder written by `peers.py gen`?)")
    }
    let decoder = JSONDecoder()
    var lines: [Line] = []
    var number = 0
    for slice in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      number += 1
      if slice.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { continue }
      do {
        lines.append(try decoder.decode(Line.self, from: Data(slice)))
      } catch {
        throw CommandFailure("\(url.path):\(number): expected {\"id\": integer, \"text\": string} (\(error))")
      }
    }
    return lines
  }

  private static func fileSizes(_ directory: URL) throws -> [String: Int] {
    var sizes: [String: Int] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
      let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)
      sizes[name] = (attributes[.size] as? NSNumber)?.intValue ?? 0
    }
    return sizes
  }

  private static func mebibytes(_ bytes: Int) -> Double { Double(bytes) / 1_048_576 }

  /// Nanoseconds of CPU time this thread has used.
  private static func threadCPUNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }

  /// The process's peak resident set size, as /proc/self/status reports it.
  private static func peakResidentMemory() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "unknown" }
    return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
  }
}
