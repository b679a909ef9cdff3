import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Document import")
struct ImporterTests {
  let lines = """
    {"id":"a","title":"ok","body":"fine","type":"image","price":3,"style":[1,2]}
    {"id":"b","title":"broken"
    {"title":"no id"}
    {"id":"a","title":"duplicate"}
    {"id":"c","title":"bad vector","style":[1,2,3]}
    {"id":"d","title":"bad price","price":"cheap"}

    [1,2,3]
    {"id":"e","title":"bad keyword","type":{"nested":true}}
    {"id":"f","title":"nan vector","style":[1,"x"]}
    {"id":7,"title":"numeric id is fine","tags":["a","b"]}
    """

  @Test("lenient mode skips bad lines and names file, line and reason")
  func lenient() throws {
    let report = try DocumentImporter(schema: TestCorpus.pinSchema, mode: .lenient).importLines(lines, file: "docs.jsonl")
    #expect(report.documents.map(\.id) == ["a", "7"])
    #expect(report.linesRead == 10)
    let described = report.skipped.map(\.description)
    #expect(described == [
      "docs.jsonl:2: malformed JSON at column 27: unterminated object (missing '}')",
      "docs.jsonl:3: missing id field \"id\"",
      "docs.jsonl:4: duplicate id \"a\" (first seen on line 1)",
      "docs.jsonl:5: vector field \"style\" has 3 numbers, the schema says 2",
      "docs.jsonl:6: numeric field \"price\" must be a number",
      "docs.jsonl:8: expected a JSON object",
      "docs.jsonl:9: keyword field \"type\" must be a string or an array of strings, not an object",
      "docs.jsonl:10: vector field \"style\" must hold only finite numbers",
    ])
  }

  @Test("strict mode stops at the first bad line")
  func strict() {
    #expect {
      _ = try DocumentImporter(schema: TestCorpus.pinSchema, mode: .strict).importLines(lines, file: "docs.jsonl")
    } throws: { ($0 as? ImportIssue)?.line == 2 }
  }

  @Test("CRLF endings, a byte-order mark and odd Unicode are accepted")
  func encodings() throws {
    let text = "\u{FEFF}{\"id\":\"x\",\"title\":\"caf\\u00e9 \u{1F600} 漢字\"}\r\n{\"id\":\"y\",\"title\":\"e\u{301}\"}\r\n"
    let report = try DocumentImporter(schema: TestCorpus.pinSchema, mode: .strict).importLines(text, file: "f")
    #expect(report.documents.map(\.id) == ["x", "y"])
    #expect(report.documents[0].texts[0] == "café 😀 漢字")
  }

  @Test("invalid UTF-8 is a reported line, not a crash")
  func invalidUTF8() throws {
    var bytes = Array("{\"id\":\"x\",\"title\":\"".utf8)
    bytes += [0xFF, 0xFE]
    bytes += Array("\"}\n{\"id\":\"y\"}".utf8)
    let report = try DocumentImporter(schema: TestCorpus.pinSchema).importLines(bytes, file: "f")
    #expect(report.documents.map(\.id) == ["y"])
    #expect(report.skipped.first?.reason.contains("not valid UTF-8") == true)
  }

  @Test("text fields can join several JSON keys")
  func sources() throws {
    let schema = Schema(fields: [Schema.Field(name: "all", type: .text, sources: ["title", "text"])])
    let report = try DocumentImporter(schema: schema).importLines("{\"id\":1,\"title\":\"Hello\",\"text\":\"world\"}", file: "f")
    #expect(report.documents[0].texts == ["Hello world"])
  }

  @Test("a schema is inferred from the documents")
  func inference() throws {
    let schema = SchemaInference.infer(fromJSONLines: Array("""
      {"id":"1","title":"A long title with many words","type":"video","price":3,"v":[1,2,3],"tags":["a","b"]}
      {"id":"2","title":"Another long title for the test","type":"image","price":5.5,"v":[0,1,0],"tags":["c"]}
      """.utf8))
    #expect(schema.idField == "id")
    #expect(schema.fields.map(\.name) == ["title", "type", "price", "v", "tags"])
    #expect(schema.fields.map(\.type) == [.text, .keyword, .numeric, .vector, .keyword])
    #expect(schema.field(named: "v")?.dimension == 3)
    #expect(schema.display.title == "title")
  }

  @Test("a bad schema file is reported with its path and the problem")
  func badSchema() throws {
    let directory = TestCorpus.temporaryDirectory()
    let path = directory.appendingPathComponent("schema.json").path
    try "{\"fields\":[{\"name\":\"t\"}]}".write(toFile: path, atomically: true, encoding: .utf8)
    #expect { _ = try IndexBuild.readSchema(path: path) } throws: { "\($0)".contains(path) && "\($0)".contains("type") }
    try "{\"fields\":[{\"name\":\"t\",\"type\":\"text\",\"b\":3}]}".write(toFile: path, atomically: true, encoding: .utf8)
    #expect { _ = try IndexBuild.readSchema(path: path) } throws: { "\($0)".contains("b between 0 and 1") }
    try "{\"fields\":[{\"name\":\"v\",\"type\":\"vector\"}]}".write(toFile: path, atomically: true, encoding: .utf8)
    #expect { _ = try IndexBuild.readSchema(path: path) } throws: { "\($0)".contains("dimension") }
  }
}

@Suite("JSON")
struct JSONParserTests {
  @Test("parses values and keeps member order")
  func values() throws {
    let value = try JSONParser.parse(#"{"b":[1,-2.5e3,true,false,null],"a":"x\"\\\/\n\u00e9\ud83d\ude00"}"#)
    #expect(value.objectMembers?.map(\.key) == ["b", "a"])
    #expect(value["b"] == .array([.number(1), .number(-2500), .bool(true), .bool(false), .null]))
    #expect(value["a"]?.stringValue == "x\"\\/\né😀")
    #expect(JSONWriter.string(value) == #"{"b":[1,-2500,true,false,null],"a":"x\"\\/\né😀"}"#)
  }

  @Test("rejects malformed input with a column", arguments: [
    ("", "unexpected end of input"), ("{", "expected a member name"), ("[1,]", "unexpected character ']'"),
    ("01", "unexpected text after"), ("\"\\ud800\"", "unpaired surrogate"), ("tru", "invalid literal"),
    ("{\"a\" 1}", "expected ':'"), ("1.", "expected digits after '.'"), ("\"a\tb\"", "control character"),
  ])
  func malformed(input: String, reason: String) {
    #expect { _ = try JSONParser.parse(input) } throws: { "\($0)".contains(reason) }
  }

  @Test("deep nesting is an error, not a stack overflow")
  func depth() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect { _ = try JSONParser.parse(deep) } throws: { "\($0)".contains("nesting deeper") }
  }
}
