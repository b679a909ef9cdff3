import Foundation
import RankscopeEngine
import Testing

/// `CachingEmbedder`: the base encoder's vectors, each text embedded once while remembered, first in first out.
@Suite("Caching embedder")
struct CachingEmbedderTests {
  /// Counts its calls; a text's vector is its length and first scalar.
  final class CountingEmbedder: TextEmbedder, @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [String] = []
    var modelName: String { "counting" }
    var dimension: Int { 2 }
    func embed(_ text: String) throws -> [Float] {
      lock.withLock { calls.append(text) }
      return [Float(text.count), Float(text.unicodeScalars.first?.value ?? 0)]
    }
    func embed(batch texts: [String]) throws -> [[Float]] { try texts.map(embed) }
    var callLog: [String] { lock.withLock { calls } }
  }

  @Test("A remembered text skips the encoder and gets the same vector; the oldest is forgotten first")
  func remembersAndForgets() throws {
    let base = CountingEmbedder()
    let cache = CachingEmbedder(base, capacity: 2)
    #expect(try cache.embed("kitchen") == base.embed("kitchen"))
    _ = try cache.embed("kitchen")
    _ = try cache.embed("linen dress")
    #expect(base.callLog == ["kitchen", "kitchen", "linen dress"])  // the second "kitchen" came from the cache
    _ = try cache.embed("wedding")  // forgets "kitchen"
    #expect(cache.count == 2)
    _ = try cache.embed("linen dress")
    _ = try cache.embed("kitchen")
    #expect(base.callLog == ["kitchen", "kitchen", "linen dress", "wedding", "kitchen"])
    #expect(cache.modelName == "counting" && cache.dimension == 2)
    #expect(try cache.embed(batch: ["wedding", "ab"]) == [[7, 119], [2, 97]])
  }

  @Test("Concurrent use returns the base vectors")
  func concurrent() throws {
    let base = CountingEmbedder()
    let cache = CachingEmbedder(base, capacity: 8)
    let texts = (0..<40).map { "query \($0 % 12)" }
    DispatchQueue.concurrentPerform(iterations: texts.count) { index in
      let vector = try? cache.embed(texts[index])
      #expect(vector == [Float(texts[index].count), Float(texts[index].unicodeScalars.first!.value)])
    }
    #expect(cache.count <= 8)
  }
}
