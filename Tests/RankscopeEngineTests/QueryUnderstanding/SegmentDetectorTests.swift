import Foundation
import Testing
@testable import RankscopeEngine

/// Query segmentation by dynamic programming over a phrase dictionary, and the dictionary's build.
@Suite("SegmentDetector")
struct SegmentDetectorTests {
  static func words(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }

  static let dictionary = PhraseDictionary(entries: [
    .init(words: words("mid century"), corpusCount: 50, logCount: 0),
    .init(words: words("mid century modern"), corpusCount: 10, logCount: 2),
    .init(words: words("modern sofa"), corpusCount: 40, logCount: 0),
    .init(words: words("moscow mule"), corpusCount: 0, logCount: 7),
    .init(words: words("a b"), corpusCount: 10, logCount: 0), .init(words: words("b c"), corpusCount: 10, logCount: 0),
    .init(words: words("c d"), corpusCount: 10, logCount: 0),
  ])

  @Test("the sum of |s|^|s| · count is maximized; sources and counts are reported")
  func segmentation() {
    let detector = SegmentDetector(dictionary: Self.dictionary)
    // "mid century" + "modern sofa" (4 · 50 + 4 · 40 = 360) beats "mid century modern" + "sofa" (27 · 12 = 324).
    let sofa = detector.segments(of: Self.words("mid century modern sofa"))
    #expect(sofa.map(\.words) == [["mid", "century"], ["modern", "sofa"]])
    #expect(sofa.map(\.score) == [200, 160] && sofa.map(\.range) == [0..<2, 2..<4])
    let chair = detector.segments(of: Self.words("mid century modern chair"))
    #expect(chair.map(\.words) == [["mid", "century", "modern"], ["chair"]])
    #expect(chair[0].score == 324 && chair[0].source == .both && chair[0].corpusCount == 10 && chair[0].logCount == 2)
    #expect(chair[1].score == 0 && chair[1].source == nil && !chair[1].isPhrase)
    let mule = detector.segments(ofQuery: "Moscow Mule recipe")
    #expect(mule.first?.words == ["moscow", "mule"] && mule.first?.source == .log)
    // a b c d: "a b" + "c d" (80) beats "b c" (40).
    #expect(detector.segments(of: Self.words("a b c d")).map(\.range) == [0..<2, 2..<4])
    #expect(detector.segments(of: []).isEmpty)
    #expect(detector.segments(of: ["x"]).map(\.range) == [0..<1])
  }

  @Test("the dictionary keeps keyword and tag phrases, associated text n-grams and log n-grams")
  func build() throws {
    var lines: [String] = []
    for index in 0..<30 {
      let tags = index % 3 == 0 ? #"["quick bread","easy"]"# : #"["easy"]"#
      lines.append(#"{"id":"d\#(index)","title":"moscow mule with lime number\#(index)","#
                   + #""body":"the word\#(index) and thing\#(index)","#
                   + #""tags":\#(tags),"category":"home decor"}"#)
    }
    var schema = TestCorpus.pinSchema
    schema.fields.append(Schema.Field(name: "tags", type: .text))
    schema.fields.append(Schema.Field(name: "category", type: .keyword, analyzer: .keyword))
    let report = try DocumentImporter(schema: schema, mode: .strict).importLines(lines.joined(separator: "\n"), file: "t")
    var builder = IndexBuilder(schema: schema)
    for document in report.documents { builder.add(document) }
    let reader = try IndexReader.inMemory(files: builder.serialize(), schema: schema)
    let log = QueryLog(file: "l", searches: (0..<4).map {
      QueryLog.Search(user: "u", query: "cozy reading nook idea\($0)", timestamp: Double($0), shown: [], clicked: [])
    })
    let dictionary = try PhraseDictionary.build(reader: reader, log: log)
    #expect(dictionary.entry(["home", "decor"])?.corpusCount == 30)
    #expect(dictionary.entry(["quick", "bread"])?.corpusCount == 10)
    #expect(dictionary.entry(["moscow", "mule"]).map { $0.corpusCount >= 30 } == true)
    #expect(dictionary.entry(["mule", "with", "lime"]) != nil, "a stop word may be inside a phrase")
    #expect(dictionary.entry(["with", "lime"]) == nil && dictionary.entry(["moscow", "mule", "with"]) == nil,
            "a stop word never starts or ends one")
    #expect(dictionary.entry(["cozy", "reading", "nook"])?.logCount == 4)
    #expect(dictionary.entry(["cozy", "reading", "nook"])?.source == .log)
    #expect(dictionary.entry(["the", "word0"]) == nil)
  }

  @Test("on the sample world: the catalog's multi-word concepts are segments, from both sources",
        .enabled(if: IntentModelTests.sampleAvailable, "SampleData (pins, schema, query log) is absent: skipped"))
  func sampleWorld() throws {
    let reader = try IntentModelTests.sampleWorldReader.get()
    let log = try QueryLog.read(path: IntentModelTests.folder.appendingPathComponent("query-log.jsonl").path)
    let dictionary = try PhraseDictionary.build(reader: reader, log: log)
    #expect(dictionary.entries.count > 5000)
    let detector = SegmentDetector(dictionary: dictionary)
    let room = detector.segments(ofQuery: "mid century modern living room")
    #expect(room.map(\.words) == [Self.words("mid century modern"), Self.words("living room")])
    #expect(room.allSatisfy { $0.source == .both })
    #expect(detector.segments(ofQuery: "moscow mule recipe").first?.words == ["moscow", "mule"])
    #expect(detector.segments(ofQuery: "quick bread with spelt").first?.words == ["quick", "bread"])
  }
}
