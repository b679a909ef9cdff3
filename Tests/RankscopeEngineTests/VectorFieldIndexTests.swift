import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Vector index files")
struct VectorFieldIndexTests {
  private func bytes(count: Int = 300, int8: Bool = true) -> [UInt8] {
    let store = VectorStore(copying: VectorTestData.clustered(count: count, dimension: 16, seed: 4), dimension: 16)
    let builder = HNSWBuilder(parameters: HNSWParameters(M: 4, efConstruction: 20), similarity: .cosine, vectors: store)
    builder.add()
    return builder.serialize(int8: int8)
  }

  private func load(_ bytes: [UInt8], count: Int = 300) throws -> VectorFieldIndex {
    try VectorFieldIndex(region: ByteRegion(copying: bytes, name: "vector-index-0.bin"), documentCount: count,
                         dimension: 16, similarity: .cosine)
  }

  private func setUInt32(_ bytes: inout [UInt8], at offset: Int, _ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { for (index, byte) in $0.enumerated() { bytes[offset + index] = byte } }
  }

  @Test("targeted damage is reported as a corrupt file: links out of range, bad counts, sizes, header fields")
  func targetedDamage() throws {
    let original = bytes()
    #expect(try load(original).graph != nil)
    func expectCorrupt(_ damage: (inout [UInt8]) -> Void, _ message: String) {
      var damaged = original
      damage(&damaged)
      #expect(throws: IndexError.self, "\(message)") { _ = try load(damaged) }
    }
    let level0 = 80 + 4 * 300 + ((300 + 3) & ~3) + 4 * 301
    expectCorrupt({ setUInt32(&$0, at: level0 + 4, 300) }, "neighbour id out of range")
    expectCorrupt({ setUInt32(&$0, at: level0 + 4, 0xFFFF_FFFF) }, "neighbour id far out of range")
    expectCorrupt({ setUInt32(&$0, at: level0, 9) }, "more links than 2M")
    expectCorrupt({ setUInt32(&$0, at: 44, 299) }, "node count")
    expectCorrupt({ setUInt32(&$0, at: 40, 299_999) }, "entry point")
    expectCorrupt({ setUInt32(&$0, at: 24, 1) }, "M")
    expectCorrupt({ setUInt32(&$0, at: 8, 301) }, "document count")
    expectCorrupt({ setUInt32(&$0, at: 0, 0) }, "magic")
    expectCorrupt({ $0.removeLast(4) }, "truncated")
    expectCorrupt({ $0.append(contentsOf: [0, 0, 0, 0]) }, "extended")
    expectCorrupt({ $0[80 + 4 * 300] = 200 }, "level")
    expectCorrupt({ setUInt32(&$0, at: 64, 0xFFFF) }, "upper slot count")
  }

  @Test("random damage never crashes: loading throws IndexError or searches return")
  func randomDamage() throws {
    let original = bytes()
    let store = VectorStore(copying: VectorTestData.clustered(count: 300, dimension: 16, seed: 4), dimension: 16)
    var generator = SeededGenerator(seed: 17)
    let query = VectorTestData.row(VectorTestData.clustered(count: 1, dimension: 16, seed: 5), 0, dimension: 16)
    for _ in 0..<300 {
      var damaged = original
      for _ in 0..<Int.random(in: 1...6, using: &generator) {
        damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
      }
      guard let index = try? load(damaged) else { continue }
      let searcher = VectorSearcher(exact: ExactVectorScorer(store: store, similarity: .cosine, fieldName: "v"), index: index, fieldName: "v")
      _ = try? searcher.nearest(query: query, count: 10, efSearch: 50)
    }
  }

  @Test("a damaged vector index in an index directory, with a forged checksum, gives an IndexError on open")
  func forgedChecksum() throws {
    let directory = TestCorpus.temporaryDirectory()
    let documents = directory.appendingPathComponent("docs.jsonl")
    try VectorSearcherTests.lines(count: 200, seed: 6).write(to: documents, atomically: true, encoding: .utf8)
    let output = directory.appendingPathComponent("index")
    _ = try IndexBuild.run(documentsPath: documents.path, schema: VectorSearcherTests.schema(), mode: .strict, output: output.path)
    let file = output.appendingPathComponent("vector-index-0.bin")
    var damaged = try [UInt8](Data(contentsOf: file))
    let level0 = 80 + 4 * 200 + 200 + 4 * 201
    setUInt32(&damaged, at: level0 + 4, 5_000)
    try Data(damaged).write(to: file)
    let manifestURL = output.appendingPathComponent("manifest.json")
    var manifest = try JSONDecoder().decode(IndexManifest.self, from: Data(contentsOf: manifestURL))
    manifest.files = manifest.files.map { entry in
      var entry = entry
      if entry.name == "vector-index-0.bin" { entry.xxhash64 = XXHash64.hexadecimal(XXHash64.hash(damaged)) }
      return entry
    }
    try JSONEncoder().encode(manifest).write(to: manifestURL)
    #expect { _ = try IndexReader.open(directory: output.path) } throws: { error in
      guard case IndexError.corrupt(let name, _) = error else { return false }
      return name.hasSuffix("vector-index-0.bin")
    }
    // A missing vector index file is refused too.
    try FileManager.default.removeItem(at: file)
    manifest.files.removeAll { $0.name == "vector-index-0.bin" }
    try JSONEncoder().encode(manifest).write(to: manifestURL)
    #expect(throws: IndexError.self) { _ = try IndexReader.open(directory: output.path) }
  }
}
