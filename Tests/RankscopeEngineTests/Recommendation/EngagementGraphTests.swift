import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Engagement graph")
struct EngagementGraphTests {
  static func engagement(_ user: String, _ document: Int, _ weight: Double = 1) -> EngagementGraph.Engagement {
    .init(user: user, document: document, weight: weight)
  }

  @Test("edges sum a pair's engagements, leave hides out, and both sides hold them")
  func construction() throws {
    let graph = try EngagementGraph(engagements: [
      Self.engagement("b", 2, 2), Self.engagement("a", 0, 3), Self.engagement("b", 2, 1), Self.engagement("a", 1, 0),
      Self.engagement("c", 3, 1), Self.engagement("b", 0, 1),
    ], documentCount: 4)
    try graph.validate()
    #expect(graph.userIds == ["a", "b", "c"])
    #expect(graph.edgeCount == 4)
    #expect(graph.documents(ofUser: 0).map(\.document) == [0])
    #expect(graph.documents(ofUser: 1).map(\.document) == [0, 2])
    #expect(graph.documents(ofUser: 1).map(\.weight) == [1, 3])
    #expect(graph.users(ofDocument: 0).map(\.user) == [0, 1])
    #expect(graph.degree(document: 1) == 0, "a hide (weight 0) is not an edge")
    #expect(graph.degree(document: 2) == 1)
    #expect(graph.maximumDocumentDegree == 2)
    #expect(graph.userNumber("c") == 2)
  }

  @Test("a document outside the index is refused")
  func outOfRange() {
    #expect((try? EngagementGraph(engagements: [Self.engagement("a", 5)], documentCount: 3)) == nil)
  }

  @Test("the file round-trips, and damage, a foreign file or another index are clear errors")
  func file() throws {
    let graph = try EngagementGraph(engagements: [Self.engagement("u1", 0, 2), Self.engagement("u2", 0, 3),
                                                  Self.engagement("u2", 1, 1), Self.engagement("ü3", 2, 1)], documentCount: 3)
    let bytes = graph.serialized()
    #expect(try EngagementGraph.decode(bytes, name: "g", documentCount: 3) == graph)
    let directory = TestCorpus.temporaryDirectory()
    let path = directory.appendingPathComponent(EngagementGraph.fileName).path
    try graph.write(to: path)
    #expect(try EngagementGraph.read(path: path, documentCount: 3) == graph)

    var damaged = bytes
    damaged[damaged.count - 3] ^= 0x40
    #expect(Self.failure(damaged, documentCount: 3) == IndexError.corrupt(file: "g", reason: "checksum mismatch"))
    #expect(Self.failure(Array(bytes.prefix(50)), documentCount: 3) != nil)
    #expect(Self.failure(Array("not a graph at all, really not a graph".utf8), documentCount: 3)
            == IndexError.foreign(path: "g", reason: "not an engagement graph file (no RSEG header)"))
    #expect(Self.failure(bytes, documentCount: 4).map { "\($0)" }?.contains("built for 3 documents, the index has 4") == true)
  }

  /// The error decoding `bytes` gives, or nil when it decodes.
  static func failure(_ bytes: [UInt8], documentCount: Int) -> IndexError? {
    switch Result(catching: { () throws(IndexError) -> EngagementGraph in
      try EngagementGraph.decode(bytes, name: "g", documentCount: documentCount)
    }) {
    case .success: return nil
    case .failure(let error): return error
    }
  }

  @Test("every truncation and single-byte change of the file is an IndexError, never a crash")
  func mutations() throws {
    let graph = try EngagementGraph(engagements: (0..<30).map { Self.engagement("u\($0 % 7)", $0 % 11, Double($0 % 3 + 1)) },
                                    documentCount: 11)
    let bytes = graph.serialized()
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<200 {
      var mutated = bytes
      let position = Int.random(in: 0..<mutated.count, using: &generator)
      mutated[position] ^= UInt8.random(in: 1...255, using: &generator)
      #expect(Self.failure(mutated, documentCount: 11) != nil)
    }
    for length in stride(from: 0, to: bytes.count, by: 7) {
      #expect(Self.failure(Array(bytes.prefix(length)), documentCount: 11) != nil)
    }
  }
}
