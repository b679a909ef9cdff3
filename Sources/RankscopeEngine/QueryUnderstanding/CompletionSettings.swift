/// The weights and half-life of `QueryCompleter`'s score.
public struct CompletionSettings: Sendable, Hashable {
  /// The half-life of the recency decay, in seconds: a search this much older than the log's latest counts half.
  public var halfLife: Double
  /// The weight of popularity, ln(1 + searches).
  public var popularityWeight: Double
  /// The weight of recency, ln(1 + Σ 2^(−age / halfLife)) over the searches.
  public var recencyWeight: Double
  /// The weight of the user's own history, ln(1 + Σ 2^(−age / halfLife)) over the user's searches.
  public var personalWeight: Double

  /// Creates settings.
  public init(halfLife: Double = 14 * 86_400, popularityWeight: Double = 0.5, recencyWeight: Double = 1,
              personalWeight: Double = 2) {
    self.halfLife = halfLife
    self.popularityWeight = popularityWeight
    self.recencyWeight = recencyWeight
    self.personalWeight = personalWeight
  }

  /// The defaults: a 14-day half-life, weights 0.5 (popularity), 1 (recency), 2 (personal).
  public static let standard = CompletionSettings()

  /// The decayed weight of one search `age` seconds older than the log's latest: 2^(−age / halfLife).
  public func decay(age: Double) -> Double { halfLife > 0 ? Foundation.pow(2, -max(age, 0) / halfLife) : 1 }
}

import Foundation
