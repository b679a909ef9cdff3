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
