import Foundation
import RankscopeEngine

/// HNSW and exact vector search on a peer-harness corpus, with the harness's timing rules: the index is
/// built in memory on one thread (timed), then every efSearch value gets 20 warm-up queries and `--repeats`
/// timed passes of one query per call through `VectorSearcher`. Similarity: inner product (`dot`), as the
/// peers use on the corpus's L2-normalised vectors.
enum CorpusVectorBenchmark {
  static func run(_ command: BenchCorpusCommand, corpus: URL) throws {
    let meta = try readMeta(corpus)
    let dimension = try meta.integer("dim")
    let vectorCount = try meta.integer("n_vecs")
    let queryCount = try meta.integer("n_vq")
    let vectorRegion = try mapFile(corpus, "vectors.f32", expectedBytes: 4 * vectorCount * dimension)
    let queryRegion = try mapFile(corpus, "vec_queries.f32", expectedBytes: 4 * queryCount * dimension)
    let store = try VectorStore(region: vectorRegion, offset: 0, count: vectorCount, dimension: dimension)
    let queries = try VectorStore(region: queryRegion, offset: 0, count: queryCount, dimension: dimension)
    let queryVectors = try (0..<queryCount).map { row in
      let bytes = try queries.region.bytes(at: 4 * row * dimension, count: 4 * dimension)
      return (0..<dimension).map { Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self))) }
    }
    let truth = readTruth(corpus, queries: queryCount, k: (try? meta.integer("gt_k")) ?? 100)
    print("corpus \(corpus.path): \(vectorCount) vectors × \(dimension), \(queryCount) queries; similarity dot; one thread")

    let index: VectorIndexOptions
    if command.kind == .ann {
      let parameters = HNSWParameters(M: command.m, efConstruction: command.efConstruction, efSearch: command.ef.first ?? 64,
                                      seed: command.seed)
      if let problem = parameters.problem { throw CommandFailure(problem) }
      index = .hnsw(parameters)
    } else {
      index = .exact
    }
    let searcher: VectorSearcher
    if let cache = command.indexCache, FileManager.default.fileExists(atPath: cache) {
      searcher = try loadCached(cache, vectors: store, index: index, int8: command.int8)
    } else {
      let start = monotonicNanoseconds()
      let (built, file) = try VectorSearcher.build(vectors: store, similarity: .dot, index: index,
                                                   quantization: command.int8 ? .int8 : nil)
      let buildSeconds = Double(monotonicNanoseconds() - start) / 1e9
      print(String(format: "build: %.2f s (%@); serialised index file %.1f MiB (vectors %.1f MiB)", buildSeconds,
                   built.method, Double(file.count) / 1_048_576, Double(4 * vectorCount * dimension) / 1_048_576))
      if let cache = command.indexCache, !file.isEmpty {
        try writeAtomically(file, to: cache)
        print("index written to \(cache)")
      }
      searcher = built
    }
    if command.kind == .exact {
      let bandwidth = readBandwidth(vectorRegion)
      // int8 scans the codes and the norms (one byte per component, four per row).
      let bytes = Double(command.int8 ? vectorCount * (dimension + 4) : 4 * vectorCount * dimension)
      print(String(format: "memory read bandwidth (one thread, streaming): %.2f GB/s; floor per query: %.0f µs (%.1f MB read)",
                   bandwidth / 1e9, bytes / bandwidth * 1e6, bytes / 1e6))
    }
    let efValues: [Int?] = command.kind == .ann ? command.ef.map { $0 } : [nil]
    for ef in efValues {
      for query in queryVectors.prefix(20) { _ = try searcher.nearest(query: query, count: 10, efSearch: ef) }
      var statistics = PassStatistics()
      var results: [(query: Int, ids: [Int])] = []
      for pass in 0..<max(command.repeats, 1) {
        var latencies: [UInt64] = []
        latencies.reserveCapacity(queryCount)
        var passResults: [(query: Int, ids: [Int])] = []
        for (number, query) in queryVectors.enumerated() {
          let before = monotonicNanoseconds()
          let hits = try searcher.nearest(query: query, count: 10, efSearch: ef)
          latencies.append(monotonicNanoseconds() - before)
          if pass == 0 { passResults.append((number, hits.map(\.document))) }
        }
        statistics.passes.append(latencies)
        if pass == 0 { results = passResults }
      }
      let label = ef.map { "efSearch \($0)" } ?? "exact"
      var line = "\(label): \(statistics.summary)"
      if let truth {
        var found = 0
        for result in results { found += Set(result.ids).intersection(truth[result.query].prefix(10)).count }
        line += String(format: "  recall@10 %.4f (vec_gt.i32)", Double(found) / Double(10 * results.count))
      }
      print(line)
      if let runOut = command.runOut {
        let path = BenchCorpusCommand.runPath(runOut, suffix: efValues.count > 1 ? ef.map { "ef\($0)" } : nil)
        try writeRunFile(results, to: path)
        print("  run file: \(path)")
      }
    }
    print(residentMemory())
  }

  /// The searcher over `vectors` with the index file at `path`, refused unless it was built with the
  /// parameters this run asks for.
  private static func loadCached(_ path: String, vectors: VectorStore, index: VectorIndexOptions, int8: Bool) throws -> VectorSearcher {
    let searcher: VectorSearcher
    do {
      searcher = try VectorSearcher.load(vectors: vectors, similarity: .dot, region: try ByteRegion.map(path: path))
    } catch {
      throw CommandFailure("cannot reuse the index cache \(path): \(error) (delete it to rebuild)")
    }
    var wanted: HNSWParameters?
    if case .hnsw(let parameters) = index { wanted = parameters }
    let built = searcher.graphParameters
    let sameGraph = built.map { b in wanted.map { b.M == $0.M && b.efConstruction == $0.efConstruction && b.seed == $0.seed } ?? false }
      ?? (wanted == nil)
    guard sameGraph, searcher.isQuantized == int8 else {
      throw CommandFailure("the index cache \(path) was built as \(searcher.method), not with the parameters asked for (delete it to rebuild)")
    }
    print("index loaded from \(path): \(searcher.method)")
    return searcher
  }

  /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
  private static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
    let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
    do {
      try Data(bytes).write(to: URL(fileURLWithPath: temporary))
      guard rename(temporary, path) == 0 else { throw CommandFailure("cannot rename \(temporary) to \(path): \(String(cString: strerror(errno)))") }
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      throw CommandFailure("cannot write the index cache \(path): \(error)")
    }
  }

  private static func readMeta(_ corpus: URL) throws -> [String: Any] {
    let url = corpus.appendingPathComponent("meta.json")
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw CommandFailure("\(url.path) is missing: is \(corpus.path) a corpus written by `peers.py gen`?")
    }
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw CommandFailure("\(url.path) is not a JSON object")
    }
    return object
  }

  private static func mapFile(_ corpus: URL, _ name: String, expectedBytes: Int) throws -> ByteRegion {
    let path = corpus.appendingPathComponent(name).path
    guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure("\(path) is missing") }
    let region = try ByteRegion.map(path: path)
    guard region.count >= expectedBytes else {
      throw CommandFailure("\(path) holds \(region.count) bytes; meta.json implies \(expectedBytes) (truncated?)")
    }
    return region
  }

  /// Exact top-k ids per query from `vec_gt.i32`, when the corpus has it.
  private static func readTruth(_ corpus: URL, queries: Int, k: Int) -> [[Int]]? {
    guard let region = try? ByteRegion.map(path: corpus.appendingPathComponent("vec_gt.i32").path),
          region.count >= 4 * queries * k, k >= 10 else { return nil }
    return (0..<queries).map { query in
      (0..<10).map { Int(Int32(bitPattern: (try? region.uint32(at: 4 * (query * k + $0))) ?? 0)) }
    }
  }

  /// Single-thread streaming read bandwidth in bytes per second: the best of 5 passes summing `region`.
  private static func readBandwidth(_ region: ByteRegion) -> Double {
    var best = 0.0
    var sink = SIMD8<Float>()
    for _ in 0..<5 {
      let start = monotonicNanoseconds()
      var a = SIMD8<Float>(), b = SIMD8<Float>(), c = SIMD8<Float>(), d = SIMD8<Float>()
      guard let base = region.buffer.baseAddress else { return 1 }
      var offset = 0
      while offset + 128 <= region.count {
        a += base.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
        b += base.loadUnaligned(fromByteOffset: offset + 32, as: SIMD8<Float>.self)
        c += base.loadUnaligned(fromByteOffset: offset + 64, as: SIMD8<Float>.self)
        d += base.loadUnaligned(fromByteOffset: offset + 96, as: SIMD8<Float>.self)
        offset += 128
      }
      sink += a + b + c + d
      let seconds = Double(monotonicNanoseconds() - start) / 1e9
      best = max(best, Double(offset) / seconds)
    }
    if sink.sum() == .infinity { print("") }
    return best
  }

  private static func residentMemory() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "resident memory: unknown" }
    let lines = status.split(separator: "\n").filter { $0.hasPrefix("VmHWM") || $0.hasPrefix("VmRSS") }
    return "resident memory: " + lines.map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
      .joined(separator: ", ")
  }
}

extension Dictionary where Key == String, Value == Any {
  fileprivate func integer(_ key: String) throws -> Int {
    guard let value = self[key] as? Int, value > 0 else { throw CommandFailure("meta.json has no positive \"\(key)\"") }
    return value
  }
}
