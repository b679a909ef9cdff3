import Foundation

/// A sentence encoder that remembers the vectors of the last `capacity` texts it embedded (first in, first out),
/// so searching the same query again — a re-rank after a tuning change, a profile switch or a personalization
/// toggle, a benchmark's second pass — skips the encoder. The vectors are the base encoder's, bit for bit.
///
/// `@unchecked Sendable`: `vectors` and `order` are only touched while holding `lock`; `base` is `Sendable`.
public final class CachingEmbedder: TextEmbedder, @unchecked Sendable {
  private let base: any TextEmbedder
  private let capacity: Int
  private var vectors: [String: [Float]] = [:]
  private var order: [String] = []
  private var oldest = 0
  private let lock = NSLock()

  /// Wraps `base`, remembering at most `capacity` texts (at least 1).
  public init(_ base: any TextEmbedder, capacity: Int = 1_024) {
    self.base = base
    self.capacity = max(1, capacity)
  }

  public var modelName: String { base.modelName }
  public var dimension: Int { base.dimension }

  /// The vector of `text`: remembered, else the base encoder's (then remembered).
  public func embed(_ text: String) throws -> [Float] {
    if let known = lock.withLock({ vectors[text] }) { return known }
    let vector = try base.embed(text)
    lock.withLock { remember(text, vector) }
    return vector
  }

  /// The vectors of `texts`, each through `embed(_:)`.
  public func embed(batch texts: [String]) throws -> [[Float]] { try texts.map(embed) }

  /// How many texts are remembered.
  public var count: Int { lock.withLock { vectors.count } }

  private func remember(_ text: String, _ vector: [Float]) {
    guard vectors[text] == nil else { return }
    if order.count < capacity {
      order.append(text)
    } else {
      vectors[order[oldest]] = nil
      order[oldest] = text
      oldest = (oldest + 1) % capacity
    }
    vectors[text] = vector
  }
}
