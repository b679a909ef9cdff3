/// A whole generated world, in memory: the contents of every file `SampleWorldGenerator` writes.
public struct SampleWorld: Sendable {
  /// The configuration it was generated with.
  public var configuration: SampleWorldConfiguration
  /// The pins, by id.
  public var pins: [SamplePin]
  /// The users, by id.
  public var users: [SampleUser]
  /// Engagement events, in time order.
  public var events: [SampleEvent]
  /// Searches of the query log, in time order.
  public var searches: [SampleSearch]
  /// The judged queries, by id.
  public var judgedQueries: [SampleJudgedQuery]
  /// Judgments, by query id then pin id.
  public var judgments: [SampleJudgment]
}
