import Foundation
@testable import RankscopeEngine

/// A four-document corpus whose feature values are computed by hand in the tests.
enum FeatureTestCorpus {
  static let plain = AnalyzerConfiguration(stopWords: .none, stemmer: .none)

  static let schema = Schema(fields: [
    Schema.Field(name: "title", type: .text, weight: 3, b: 0.75, analyzer: plain),
    Schema.Field(name: "description", type: .text, weight: 1, b: 0.75, analyzer: plain),
    Schema.Field(name: "tags", type: .text, weight: 2, b: 0.5, analyzer: plain),
    Schema.Field(name: "category", type: .keyword, analyzer: .keyword),
    Schema.Field(name: "type", type: .keyword, analyzer: .keyword),
    Schema.Field(name: "price", type: .numeric),
    Schema.Field(name: "created", type: .numeric),
    Schema.Field(name: "saves", type: .numeric),
    Schema.Field(name: "clicks", type: .numeric),
    Schema.Field(name: "visual", type: .vector, dimension: 2),
    Schema.Field(name: "text_embedding", type: .vector, dimension: 3, embedding: .init(sources: ["title", "description"])),
  ], k1: 1.2, display: .init(title: "title"))

  static let day = 86_400.0
  static let newest = 1_700_000_000.0

  // Lengths: title 3 2 1 2 (avgdl 2), description 6 4 5 0 (avgdl 3.75), tags 3 1 3 1 (avgdl 2).
  static let lines = """
    {"id":"a","title":"red apple pie","description":"apple pie recipe with red apples","tags":["baking","apple pie"],"category":"baking","type":"image","created":1700000000,"saves":9,"clicks":3,"visual":[1,0],"text_embedding":[1,0,0]}
    {"id":"b","title":"green pear","description":"pear cider and apple","tags":["drinks"],"category":"drinks","type":"video","price":12.5,"created":1684448000,"saves":0,"clicks":0,"visual":[0,1],"text_embedding":[0,1,0]}
    {"id":"c","title":"apple","description":"apple tree in the garden","tags":["garden","tree","apple"],"category":"Garden","type":"product","price":60,"created":1668896000,"saves":99,"visual":[1,1],"text_embedding":[1,1,0]}
    {"id":"d","title":"pie crust","tags":"baking","category":"baking","type":"product","price":5}
    """

  static let queryLog = """
    {"user":"u1","query":"Apple  Pie","ts":1,"shown":["a","b"],"clicked":["a"]}

    {"user":"u2","query":"apple pie","ts":2,"shown":["a","c"],"clicked":[]}
    {"query":"pear","ts":3,"shown":["b","a"],"clicked":["b","a"]}
    """

  static func engine() throws -> SearchEngine { try SearchEngine.inMemory(schema: schema, jsonLines: lines) }

  static func extractor() throws -> FeatureExtractor { try FeatureExtractor(reader: try engine().reader) }

  static func log() throws -> QueryLogStatistics { try QueryLogStatistics.parse(Array(queryLog.utf8), file: "log.jsonl") }
}
