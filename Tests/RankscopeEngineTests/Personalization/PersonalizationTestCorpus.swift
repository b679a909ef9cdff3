import Foundation

@testable import RankscopeEngine

/// Five documents and a small engagement log whose profile values are computed by hand in the tests.
enum PersonalizationTestCorpus {
  static let plain = AnalyzerConfiguration(stopWords: .none, stemmer: .none)

  static let schema = Schema(
    fields: [
      Schema.Field(name: "title", type: .text, weight: 2, b: 0.75, analyzer: plain),
      Schema.Field(name: "board", type: .text, weight: 1, b: 0.75, analyzer: plain),
      Schema.Field(name: "category", type: .keyword, analyzer: .keyword),
      Schema.Field(name: "type", type: .keyword, analyzer: .keyword),
      Schema.Field(name: "domain", type: .keyword, analyzer: .keyword),
      Schema.Field(name: "text_embedding", type: .vector, dimension: 3, embedding: .init(sources: ["title"])),
    ], k1: 1.2, display: .init(title: "title"))

  static let lines = """
    {"id":"a","title":"apple pie","board":"Sweet Tooth","category":"baking","type":"image","domain":"bake.com","text_embedding":[1,0,0]}
    {"id":"b","title":"pear cider","board":"Drinks","category":"drinks","type":"video","domain":"sip.com","text_embedding":[0,1,0]}
    {"id":"c","title":"apple tree","board":"Garden","category":"garden","type":"product","domain":"grow.com","text_embedding":[1,1,0]}
    {"id":"d","title":"pie crust","board":"Sweet  tooth","category":"baking","type":"product","domain":"bake.com","text_embedding":[0,0,1]}
    {"id":"e","title":"apple juice","board":"Drinks","category":"drinks","type":"image","domain":"sip.com"}
    """

  static let day = 86_400.0
  /// The log's latest timestamp: the reference time.
  static let now = 1_700_000_000.0

  /// u1: a close-up of a 60 days ago (weight 1 · 2^-2 = 0.25), a save of b 30 days ago (3 · 2^-1 = 1.5), a hide of c
  /// a day ago (0), a click on a now (2 · 1 = 2), and a click on an unknown document (skipped).
  static var eventLines: String {
    """
    {"user":"u1","doc":"a","action":"click","ts":\(Int(now)),"query":"apple"}
    {"user":"u1","doc":"b","action":"save","ts":\(Int(now - 30 * day))}
    {"user":"u1","doc":"zzz","action":"click","ts":\(Int(now - 2 * day))}
    {"user":"u1","doc":"a","action":"closeup","ts":\(Int(now - 60 * day))}
    {"user":"u1","doc":"c","action":"hide","ts":\(Int(now - day))}
    {"user":"u2","doc":"b","action":"click","ts":\(Int(now - 10 * day))}
    {"user":"ghost","doc":"b","action":"click","ts":\(Int(now - 10 * day))}
    """
  }

  static let userLines = """
    {"id":"u1","name":"Ada Baker","interests":{"baking":1}}
    {"id":"u2","name":"Ben Drinker"}
    {"id":"u3","name":"Cleo Quiet"}
    """

  static func engine() throws -> SearchEngine { try SearchEngine.inMemory(schema: schema, jsonLines: lines) }

  static func log() throws -> EngagementLog { try EngagementLog.parse(Array(eventLines.utf8), file: "events.jsonl") }

  static func users() throws -> [UserRecord] { try UserRecord.parse(Array(userLines.utf8), file: "users.jsonl") }

  /// Settings that keep the two engaged documents in separate interests (their squared distance is 2).
  static let settings = UserModelSettings(wardThreshold: 1)

  static func directory(engine: SearchEngine, settings: UserModelSettings = settings) throws -> UserDirectory {
    let (profiles, report) = try UserModelBuilder(reader: engine.reader, settings: settings).profiles(
      users: try users(), log: try log())
    return UserDirectory(profiles: profiles, referenceTime: report.referenceTime)
  }
}
