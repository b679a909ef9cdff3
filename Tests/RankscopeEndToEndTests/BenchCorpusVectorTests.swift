import Foundation
import Testing

/// `rankscope bench corpus --kind ann|exact` on a tiny corpus written here in the peer harness's format.
@Suite("bench corpus, vector kinds", .serialized)
struct BenchCorpusVectorTests {
  private func writeCorpus(vectors: Int = 300, dimension: Int = 8, queries: Int = 5, truncate: Bool = false) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-vector-corpus-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let meta = #"{"n_vecs": \#(vectors), "dim": \#(dimension), "n_vq": \#(queries), "gt_k": 100}"#
    try meta.write(to: directory.appendingPathComponent("meta.json"), atomically: true, encoding: .utf8)
    var state: UInt64 = 12345
    func values(_ count: Int) -> Data {
      var floats: [Float] = []
      for _ in 0..<count {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        floats.append(Float(Int(state >> 40) % 2001 - 1000) / 1000)
      }
      return floats.withUnsafeBytes { Data($0) }
    }
    try values(vectors * dimension - (truncate ? 1 : 0)).write(to: directory.appendingPathComponent("vectors.f32"))
    try values(queries * dimension).write(to: directory.appendingPathComponent("vec_queries.f32"))
    return directory
  }

  @Test("--kind ann builds, times each efSearch and writes one run file per value; --kind exact prints the floor")
  func runs() throws {
    let corpus = try writeCorpus()
    let run = corpus.appendingPathComponent("run.jsonl")
    let ann = try CommandLineTests().run(["bench", "corpus", "--corpus", corpus.path, "--kind", "ann", "--ef", "8,16",
                                          "--M", "4", "--ef-construction", "16", "--repeats", "1", "--run-out", run.path])
    #expect(ann.status == 0, "\(ann.standardError)")
    #expect(ann.standardOutput.contains("efSearch 8:") && ann.standardOutput.contains("efSearch 16:"))
    #expect(ann.standardOutput.contains("resident memory"))
    for ef in [8, 16] {
      let lines = try String(contentsOf: corpus.appendingPathComponent("run-ef\(ef).jsonl"), encoding: .utf8).split(separator: "\n")
      #expect(lines.count == 5)
      #expect(lines.first?.hasPrefix("{\"qid\": 0, \"ids\": [") == true)
    }
    let exact = try CommandLineTests().run(["bench", "corpus", "--corpus", corpus.path, "--kind", "exact", "--repeats", "1",
                                            "--run-out", run.path])
    #expect(exact.status == 0, "\(exact.standardError)")
    #expect(exact.standardOutput.contains("floor per query"))
    #expect(FileManager.default.fileExists(atPath: run.path))
  }

  @Test("--index-cache writes the built index once, reloads it with the same results, refuses other parameters and damage")
  func indexCache() throws {
    let corpus = try writeCorpus()
    let cache = corpus.appendingPathComponent("index.bin")
    func bench(_ extra: [String], run: String) throws -> CommandLineTests.Outcome {
      try CommandLineTests().run(["bench", "corpus", "--corpus", corpus.path, "--kind", "ann", "--ef", "8", "--M", "4",
                                  "--ef-construction", "16", "--repeats", "1", "--index-cache", cache.path,
                                  "--run-out", corpus.appendingPathComponent(run).path] + extra)
    }
    let built = try bench([], run: "built.jsonl")
    #expect(built.status == 0, "\(built.standardError)")
    #expect(built.standardOutput.contains("build:") && built.standardOutput.contains("index written to"))
    #expect(FileManager.default.fileExists(atPath: cache.path))
    let reloaded = try bench([], run: "reloaded.jsonl")
    #expect(reloaded.status == 0, "\(reloaded.standardError)")
    #expect(reloaded.standardOutput.contains("index loaded from") && !reloaded.standardOutput.contains("build:"))
    let first = try String(contentsOf: corpus.appendingPathComponent("built.jsonl"), encoding: .utf8)
    let second = try String(contentsOf: corpus.appendingPathComponent("reloaded.jsonl"), encoding: .utf8)
    #expect(!first.isEmpty && first == second)

    let otherSeed = try bench(["--seed", "2"], run: "other.jsonl")
    #expect(otherSeed.status != 0)
    #expect(otherSeed.standardError.contains("not with the parameters asked for"))
    let quantized = try bench(["--int8"], run: "other.jsonl")
    #expect(quantized.status != 0)

    var bytes = try Data(contentsOf: cache)
    bytes.removeLast(5)
    try bytes.write(to: cache)
    let damaged = try bench([], run: "other.jsonl")
    #expect(damaged.status != 0)
    #expect(damaged.standardError.contains("cannot reuse the index cache") && damaged.standardError.contains("index.bin"))
  }

  @Test("a short or missing corpus file is a clear error")
  func shortFile() throws {
    let corpus = try writeCorpus(truncate: true)
    let outcome = try CommandLineTests().run(["bench", "corpus", "--corpus", corpus.path, "--kind", "ann"])
    #expect(outcome.status != 0)
    #expect(outcome.standardError.contains("vectors.f32") && outcome.standardError.contains("truncated"))
    try FileManager.default.removeItem(at: corpus.appendingPathComponent("meta.json"))
    let missing = try CommandLineTests().run(["bench", "corpus", "--corpus", corpus.path, "--kind", "exact"])
    #expect(missing.standardError.contains("meta.json is missing"))
  }
}
