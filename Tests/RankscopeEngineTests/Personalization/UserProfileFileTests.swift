import Foundation
import Testing

@testable import RankscopeEngine

@Suite("User profiles file")
struct UserProfileFileTests {
  typealias Corpus = PersonalizationTestCorpus

  @Test("profiles round-trip through the file exactly")
  func roundTrip() throws {
    let engine = try Corpus.engine()
    let directory = try Corpus.directory(engine: engine)
    let bytes = try UserProfileFile.serialize(directory, reader: engine.reader)
    let read = try UserProfileFile.decode(ByteRegion(copying: bytes, name: "user-profiles.bin"), reader: engine.reader)
    #expect(read.profiles == directory.profiles)
    #expect(read.referenceTime == directory.referenceTime)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-profiles-\(UUID().uuidString).bin").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try UserProfileFile.write(directory, reader: engine.reader, to: path)
    #expect(try UserProfileFile.read(path: path, reader: engine.reader).profiles == directory.profiles)
  }

  @Test("damaged, truncated, forged and foreign files are clear errors, never crashes")
  func corruption() throws {
    let engine = try Corpus.engine()
    let bytes = try UserProfileFile.serialize(try Corpus.directory(engine: engine), reader: engine.reader)
    func decode(_ bytes: [UInt8]) throws {
      _ = try UserProfileFile.decode(ByteRegion(copying: bytes, name: "p.bin"), reader: engine.reader)
    }
    var flipped = bytes
    flipped[bytes.count / 2] ^= 0x40
    #expect { try decode(flipped) } throws: { "\($0)".contains("checksum mismatch") }
    #expect { try decode(Array(bytes.prefix(20))) } throws: { "\($0)".contains("shorter than the 48-byte header") }
    #expect { try decode(Array(bytes.dropLast(3))) } throws: { "\($0)".contains("payload bytes") }
    var badMagic = bytes
    badMagic[0] = 0
    #expect { try decode(badMagic) } throws: { "\($0)".contains("bad magic") }
    // Another index (one document fewer) is refused.
    let other = try SearchEngine.inMemory(
      schema: Corpus.schema, jsonLines: Corpus.lines.split(separator: "\n").dropLast().joined(separator: "\n"))
    #expect { _ = try UserProfileFile.decode(ByteRegion(copying: bytes, name: "p.bin"), reader: other.reader) } throws: {
      "\($0)".contains("built for another index")
    }
    // Every single-byte change of the payload with a forged checksum: an error or a valid directory, never a crash.
    var seed: UInt64 = 42
    for _ in 0..<400 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      var forged = bytes
      let position = 48 + Int(seed >> 33) % (bytes.count - 48)
      forged[position] = UInt8(truncatingIfNeeded: seed >> 13)
      let payloadHash = XXHash64.hash(Array(forged[48...]))
      withUnsafeBytes(of: payloadHash.littleEndian) { for (offset, byte) in $0.enumerated() { forged[40 + offset] = byte } }
      do { try decode(forged) } catch let error as IndexError {
        if case .corrupt = error {} else { Issue.record("unexpected error \(error)") }
      }
    }
  }
}
