/// How big a sample world to generate, and from which seed.
public struct SampleWorldConfiguration: Sendable, Hashable {
  /// The seed every random draw derives from; the same seed gives byte-identical files.
  public var seed: UInt64
  /// Number of pins (documents).
  public var pinCount: Int
  /// Number of users.
  public var userCount: Int
  /// Number of engagement events.
  public var eventCount: Int
  /// Number of searches in the query log.
  public var searchCount: Int
  /// Number of distinct queries with graded judgments.
  public var judgedQueryCount: Int

  /// Creates a configuration; the defaults are those of the bundled `SampleData/`.
  public init(seed: UInt64 = 42, pinCount: Int = 20_000, userCount: Int = 600, eventCount: Int = 60_000,
              searchCount: Int = 20_000, judgedQueryCount: Int = 220) {
    self.seed = seed
    self.pinCount = pinCount
    self.userCount = userCount
    self.eventCount = eventCount
    self.searchCount = searchCount
    self.judgedQueryCount = judgedQueryCount
  }
}
