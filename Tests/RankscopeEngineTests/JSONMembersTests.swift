import Foundation
import Testing
@testable import RankscopeEngine

/// `JSONParser.members(_:ofObject:)`: the named members of an object, the others skipped, never a crash.
@Suite("JSON members without a full parse")
struct JSONMembersTests {
  private let document = #"""
    {"id": "p1", "title": "A \"quoted\" {brace} [bracket] \\ title", "tags": ["a]", "{b", "c\\"], "nested": {"x": [1, {"y": "}"}], "z": null},
     "price": -12.5e1, "flag": true, "none": null, "type": "video", "board": "Home ✨ décor", "empty": {}, "list": []}
    """#

  @Test("the members asked for equal a full parse's, whatever the other members hold")
  func equalsFullParse() throws {
    let full = try JSONParser.parse(document)
    let keys: Set<String> = ["title", "tags", "nested", "price", "flag", "none", "type", "board", "empty", "list", "id", "absent"]
    for key in keys {
      let members = try JSONParser.members([key], ofObject: Array(document.utf8))
      #expect(members[key] == full[key], "\(key)")
    }
    let two = try JSONParser.members(["type", "board"], ofObject: Array(document.utf8))
    #expect(two == ["type": .string("video"), "board": .string("Home ✨ décor")])
    #expect(try JSONParser.members(["x"], ofObject: Array("{}".utf8)).isEmpty)
  }

  @Test("malformed input throws and never crashes", arguments: [
    "", "[]", "{", "{\"a\"", "{\"a\": ", "{\"a\": \"unterminated", "{\"a\": [1, 2", "{\"a\": 1 \"b\": 2}", "{\"a\": {\"b\": [}}}",
    "{a: 1}", "{\"a\": }", String(repeating: "{\"a\": [", count: 300),
  ])
  func malformed(text: String) {
    #expect(throws: JSONParser.Failure.self) { _ = try JSONParser.members(["b"], ofObject: Array(text.utf8)) }
  }

  @Test("the stored members of indexed documents equal their full stored objects' members")
  func storedMembers() throws {
    let engine = try FeatureTestCorpus.engine()
    for document in 0..<engine.documentCount {
      let full = try engine.reader.storedDocument(document)
      let some = try engine.reader.storedMembers(document, keys: ["type", "tags", "price"])
      for key in ["type", "tags", "price"] { #expect(some[key] == full[key]) }
    }
  }
}
