import Foundation
import Testing

/// `rankscope bench intent` on the fixture index and a written log.
@Suite("Bench intent, end to end", .serialized)
struct BenchIntentCommandTests {
  @Test("bench intent prints held-out figures per head, training time, phrases and mined synonyms")
  func benchIntent() throws {
    let commands = CommandLineTests()
    let index = try commands.buildIndex()
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-intent-\(UUID().uuidString).jsonl")
    var lines: [String] = []
    for index in 0..<20 {
      let (query, clicked) = index % 2 == 0 ? ("kitchen idea \(index)", "p1") : ("lemon cake \(index)", "p3")
      lines.append(#"{"user":"u\#(index)","query":"\#(query)","ts":\#(1000 + index),"#
                   + #""shown":["\#(clicked)"],"clicked":["\#(clicked)"]}"#)
    }
    try (lines.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
    let outcome = try commands.run(["bench", "intent", "--index", index.path, "--query-log", log.path, "--held-out", "0.5",
                                    "--examples", "2"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let text = outcome.standardOutput
    #expect(text.contains("query log: 20 searches"), "\(text)")
    #expect(text.contains("held-out examples, 4 epochs, 2^15 buckets; trained in"), "\(text)")
    #expect(text.contains("  category (") && text.contains("  type ("), "\(text)")
    #expect(text.contains("intent on every example: trained in"), "\(text)")
    #expect(text.contains("predict (both heads"), "\(text)")
    #expect(text.contains("phrases: ") && text.contains("synonyms mined: 0 rules"), "\(text)")
  }
}
