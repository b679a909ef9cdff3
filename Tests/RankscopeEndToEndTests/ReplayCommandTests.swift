import Foundation
import Testing

/// `rankscope replay --headless` on a session checked in beside the fixture pins, as a user (or CI) would run it.
@Suite("rankscope replay, end to end", .serialized)
struct ReplayCommandTests {
  static let replayFixtures = CommandLineTests.fixtures.appendingPathComponent("replay")
  static let session = replayFixtures.appendingPathComponent("farmhouse.session").path
  static let profiles = replayFixtures.appendingPathComponent("profiles").path

  let commandLine = CommandLineTests()

  @Test("the final screen shows the session's query, the profile F3 made active and the results, the second selected")
  func finalScreen() throws {
    let index = try commandLine.buildIndex()
    let outcome = try commandLine.run(["replay", Self.session, "--index", index.path, "--profiles", Self.profiles, "--headless"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let lines = outcome.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.count == 25, "24 rows and the final line break: \(outcome.standardOutput)")
    #expect(lines.first == "› farmhouse kitchen", "\(outcome.standardOutput)")
    #expect(lines.contains { $0.contains("Results") && $0.hasSuffix("3 of 3 ─") }, "\(outcome.standardOutput)")
    #expect(lines.contains { $0.hasPrefix("  1 ") && $0.contains("Rustic farmhouse kitchen with open shelving") })
    #expect(lines.contains { $0.hasPrefix("> 2 ") && $0.contains("Minimal white kitchen") }, "\(outcome.standardOutput)")
    #expect(lines.contains { $0.contains("Explanation · #2 Minimal white kitchen") })
    #expect(lines.contains { $0.hasPrefix(" profile saves: retrieve 3 › L1 3") }, "\(outcome.standardOutput)")
    #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
  }

  @Test("--every-step prints the start and each event's screen under a line naming it; --profile overrides the start")
  func everyStep() throws {
    let index = try commandLine.buildIndex()
    let outcome = try commandLine.run(["replay", Self.session, "--index", index.path, "--profiles", Self.profiles,
                                       "--headless", "--every-step", "--profile", "saves"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let separators = outcome.standardOutput.split(separator: "\n").filter { $0.hasPrefix("── ") }
    #expect(separators == ["── start", "── 1/6 · 0 ms · text \"farmhouse\"", "── 2/6 · 400 ms · key Space",
                           "── 3/6 · 650 ms · text \"kitchen\"", "── 4/6 · 1500 ms · key F3", "── 5/6 · 2200 ms · key Tab",
                           "── 6/6 · 2500 ms · key Down"])
    // Started with saves active, F3 moved on to no profile: the final status line names the plain retrieval.
    let last = outcome.standardOutput.components(separatedBy: "── 6/6").last ?? ""
    #expect(last.contains("\n BM25F │"), "\(last)")
    #expect(!last.contains("profile saves"))
  }

  @Test("a malformed session names file and line; without a terminal and --headless, replay says what to do")
  func failures() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-replay-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let bad = directory.appendingPathComponent("bad.session")
    try "{\"rankscope_session\":1}\n{\"t\":5,\"key\":\"Hyper-Q\"}\n".write(to: bad, atomically: true, encoding: .utf8)
    let malformed = try commandLine.run(["replay", bad.path, "--headless"])
    #expect(malformed.status != 0)
    #expect(malformed.standardError.contains("\(bad.path):2: unknown key \"Hyper-Q\""), "\(malformed.standardError)")
    let index = try commandLine.buildIndex()
    let noTerminal = try commandLine.run(["replay", Self.session, "--index", index.path])
    #expect(noTerminal.status != 0)
    #expect(noTerminal.standardError.contains("needs a terminal") && noTerminal.standardError.contains("--headless"),
            "\(noTerminal.standardError)")
    let missing = try commandLine.run(["replay", directory.appendingPathComponent("none.session").path, "--headless"])
    #expect(missing.status != 0)
    #expect(missing.standardError.contains("cannot read the session"), "\(missing.standardError)")
  }
}
