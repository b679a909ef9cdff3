import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Index storage")
struct IndexStorageTests {
  private func writeIndex(_ lines: String = TestCorpus.pinLines, schema: Schema = TestCorpus.pinSchema) throws -> URL {
    let directory = TestCorpus.temporaryDirectory()
    let documents = directory.appendingPathComponent("docs.jsonl")
    try lines.write(to: documents, atomically: true, encoding: .utf8)
    let index = directory.appendingPathComponent("index")
    _ = try IndexBuild.run(documentsPath: documents.path, schema: schema, mode: .strict, output: index.path)
    return index
  }

  @Test("an index written to disk and memory-mapped gives the same hits as the in-memory one")
  func roundTrip() throws {
    let (lines, vocabulary) = TestCorpus.randomLines(count: 300, seed: 3)
    let index = try writeIndex(lines)
    let onDisk = try SearchEngine.open(directory: index)
    let inMemory = try SearchEngine.inMemory(schema: TestCorpus.pinSchema, jsonLines: lines)
    #expect(onDisk.documentCount == 300)
    for word in vocabulary.prefix(12) {
      let disk = try onDisk.search(SearchRequest(query: "\(word) type:video", limit: 20))
      let memory = try inMemory.search(SearchRequest(query: "\(word) type:video", limit: 20))
      #expect(disk.hits.map(\.id) == memory.hits.map(\.id))
      #expect(disk.hits.map(\.score) == memory.hits.map(\.score))
    }
    let stored = try onDisk.storedDocument(0)
    #expect(stored["id"]?.stringValue == "d0")
    #expect(try onDisk.reader.documentNumber(forId: "d42") == 42)
    #expect(try onDisk.reader.vector(field: 0, document: 0) == nil)
  }

  @Test("stored fields, numbers and vectors survive the round trip")
  func columns() throws {
    let engine = try SearchEngine.open(directory: try writeIndex())
    #expect(try engine.reader.number(field: 0, document: 1) == 12.5)
    #expect(try engine.reader.number(field: 0, document: 0) == nil)
    #expect(try engine.reader.vector(field: 0, document: 0) == [0.5, 1])
    #expect(try engine.storedDocument(2)["title"]?.stringValue == "apple")
    #expect(try engine.reader.keywordValues(field: 0).map(\.value) == ["image", "product", "video"])
  }

  @Test("a flipped byte is caught by the checksum")
  func checksum() throws {
    let index = try writeIndex()
    let postings = index.appendingPathComponent("postings.bin")
    var bytes = try [UInt8](Data(contentsOf: postings))
    bytes[0] ^= 0xFF
    try Data(bytes).write(to: postings)
    #expect {
      _ = try SearchEngine.open(directory: index)
    } throws: { error in
      "\(error)".contains("postings.bin") && "\(error)".contains("checksum mismatch")
    }
  }

  @Test("a truncated file is reported with its size")
  func truncated() throws {
    let index = try writeIndex()
    let terms = index.appendingPathComponent("terms.bin")
    let bytes = try Data(contentsOf: terms)
    try bytes.prefix(bytes.count / 2).write(to: terms)
    #expect { _ = try SearchEngine.open(directory: index) } throws: { "\($0)".contains("terms.bin") && "\($0)".contains("truncated") }
  }

  @Test("a directory without a manifest, or with a foreign one, is not an index")
  func foreign() throws {
    let empty = TestCorpus.temporaryDirectory()
    #expect { _ = try SearchEngine.open(directory: empty) } throws: { "\($0)".contains("not a Rankscope index") }
    try Data("{\"hello\": 1}".utf8).write(to: empty.appendingPathComponent("manifest.json"))
    #expect { _ = try SearchEngine.open(directory: empty) } throws: { "\($0)".contains("not a Rankscope manifest") }
    try Data("not json".utf8).write(to: empty.appendingPathComponent("manifest.json"))
    #expect { _ = try SearchEngine.open(directory: empty) } throws: { "\($0)".contains("not a Rankscope") }
    #expect { _ = try SearchEngine.open(directory: empty.appendingPathComponent("missing")) } throws: { "\($0)".contains("no such index directory") }
  }

  @Test("another format version is refused with a clear message")
  func version() throws {
    let index = try writeIndex()
    let manifestURL = index.appendingPathComponent("manifest.json")
    let text = try String(contentsOf: manifestURL, encoding: .utf8).replacingOccurrences(of: "\"formatVersion\" : 2", with: "\"formatVersion\" : 99")
    try text.write(to: manifestURL, atomically: true, encoding: .utf8)
    #expect { _ = try SearchEngine.open(directory: index) } throws: { "\($0)".contains("format version 99") }
  }

  @Test("damaged files whose checksums were forged never crash: every search returns or throws")
  func forgedDamage() throws {
    let (lines, vocabulary) = TestCorpus.randomLines(count: 200, seed: 5)
    let original = try writeIndex(lines)
    var generator = SeededGenerator(seed: 99)
    for round in 0..<60 {
      let copy = original.deletingLastPathComponent().appendingPathComponent("damaged-\(round)")
      try? FileManager.default.removeItem(at: copy)
      try FileManager.default.copyItem(at: original, to: copy)
      let name = IndexFormat.fileNames.randomElement(using: &generator)!
      let file = copy.appendingPathComponent(name)
      var bytes = try [UInt8](Data(contentsOf: file))
      if bytes.isEmpty { continue }
      for _ in 0..<Int.random(in: 1...8, using: &generator) {
        bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
      }
      try Data(bytes).write(to: file)
      // Forge the checksum so the damage reaches the readers.
      let manifestURL = copy.appendingPathComponent("manifest.json")
      var manifest = try JSONDecoder().decode(IndexManifest.self, from: Data(contentsOf: manifestURL))
      manifest.files = manifest.files.map { entry in
        var entry = entry
        if entry.name == name { entry.xxhash64 = XXHash64.hexadecimal(XXHash64.hash(bytes)) }
        return entry
      }
      try JSONEncoder().encode(manifest).write(to: manifestURL)
      guard let engine = try? SearchEngine.open(directory: copy) else { continue }
      for word in vocabulary.prefix(8) {
        if let response = try? engine.search(SearchRequest(query: "\(word) type:video", limit: 5, explain: true)) {
          for hit in response.hits { _ = try? engine.storedDocument(hit.documentNumber) }
        }
      }
    }
  }

  @Test("damaged block postings, skip tables and dictionaries (checksums forged) throw or return, never crash")
  func forgedPostingsDamage() throws {
    let (lines, vocabulary) = TestCorpus.randomLines(count: 1500, seed: 8)
    let original = try writeIndex(lines)
    var generator = SeededGenerator(seed: 123)
    var failures = 0
    for round in 0..<80 {
      let copy = original.deletingLastPathComponent().appendingPathComponent("damaged-postings-\(round)")
      try? FileManager.default.removeItem(at: copy)
      try FileManager.default.copyItem(at: original, to: copy)
      let name = ["postings.bin", "postings.bin", "terms.bin", "keyword-postings.bin"].randomElement(using: &generator)!
      let file = copy.appendingPathComponent(name)
      var bytes = try [UInt8](Data(contentsOf: file))
      for _ in 0..<Int.random(in: 1...4, using: &generator) {
        bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
      }
      if round % 10 == 0 { bytes.removeLast(Int.random(in: 1...12, using: &generator)) }
      try Data(bytes).write(to: file)
      let manifestURL = copy.appendingPathComponent("manifest.json")
      var manifest = try JSONDecoder().decode(IndexManifest.self, from: Data(contentsOf: manifestURL))
      manifest.files = manifest.files.map { entry in
        var entry = entry
        if entry.name == name { entry.xxhash64 = XXHash64.hexadecimal(XXHash64.hash(bytes)); entry.bytes = bytes.count }
        return entry
      }
      try JSONEncoder().encode(manifest).write(to: manifestURL)
      guard let engine = try? SearchEngine.open(directory: copy) else { failures += 1; continue }
      for index in 0..<10 {
        let query = "\(vocabulary[index]) \(vocabulary[(index * 7 + 3) % vocabulary.count])" + (index % 3 == 0 ? " type:video" : "")
        do {
          _ = try engine.search(SearchRequest(query: query, limit: 10, explain: index % 2 == 0))
        } catch {
          if "\(error)".contains("corrupt") { failures += 1 }
        }
      }
    }
    // Most damage is detected as corruption somewhere.
    #expect(failures > 10)
  }

  @Test("rebuilding replaces the old index only when the new one is complete")
  func safeReplace() throws {
    let index = try writeIndex()
    let before = try SearchEngine.open(directory: index).documentCount
    let parent = index.deletingLastPathComponent()
    // A failing rebuild (a bad line in strict mode) leaves the old index whole.
    try "{\"id\":\"x\",\"title\":\"t\"}\nnot json\n".write(to: parent.appendingPathComponent("bad.jsonl"), atomically: true, encoding: .utf8)
    #expect(throws: ImportIssue.self) {
      _ = try IndexBuild.run(documentsPath: parent.appendingPathComponent("bad.jsonl").path, schema: TestCorpus.pinSchema,
                             mode: .strict, output: index.path)
    }
    #expect(try SearchEngine.open(directory: index).documentCount == before)
    // A good rebuild replaces it, leaving no temporary directories behind.
    try "{\"id\":\"x\",\"title\":\"t\"}\n".write(to: parent.appendingPathComponent("one.jsonl"), atomically: true, encoding: .utf8)
    _ = try IndexBuild.run(documentsPath: parent.appendingPathComponent("one.jsonl").path, schema: TestCorpus.pinSchema,
                           mode: .strict, output: index.path)
    #expect(try SearchEngine.open(directory: index).documentCount == 1)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)
  }

  @Test("refuses to replace a directory that is not an index")
  func refusesForeignTarget() throws {
    let directory = TestCorpus.temporaryDirectory()
    try "keep me".write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let documents = TestCorpus.temporaryDirectory().appendingPathComponent("d.jsonl")
    try TestCorpus.pinLines.write(to: documents, atomically: true, encoding: .utf8)
    #expect { _ = try IndexBuild.run(documentsPath: documents.path, schema: TestCorpus.pinSchema, mode: .strict, output: directory.path) } throws: {
      "\($0)".contains("refusing to replace")
    }
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("notes.txt").path))
  }

  @Test("xxHash64 matches the reference test vectors")
  func xxhash() {
    #expect(XXHash64.hash(Array("".utf8)) == 0xEF46_DB37_51D8_E999)
    #expect(XXHash64.hash(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
    #expect(XXHash64.hash(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
    #expect(XXHash64.hash(Array("Nobody inspects the spammish repetition".utf8)) == 0xFBCE_A83C_8A37_8BF1)
  }
}
