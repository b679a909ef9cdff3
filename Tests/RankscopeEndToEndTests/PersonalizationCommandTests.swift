import Foundation
import RankscopeEngine
import Testing

/// `rankscope users`, `search --user`, `compare --user-b none` on the fixture index, as a user would run them.
@Suite("Personalization on the command line, end to end", .serialized)
struct PersonalizationCommandTests {
  let commandLine = CommandLineTests()

  /// The fixture index with user profiles built from two users: u1 saved the chocolate cake (category "cakes"),
  /// u2 clicked the wedding cake and hid the chocolate one.
  func indexWithUsers() throws -> (index: URL, folder: URL) {
    let index = try commandLine.buildIndex()
    let folder = index.deletingLastPathComponent()
    try """
    {"id":"u1","name":"Cake Lover"}
    {"id":"u2","name":"Bride To Be"}
    """.write(to: folder.appendingPathComponent("users.jsonl"), atomically: true, encoding: .utf8)
    try """
    {"user":"u1","doc":"p6","action":"save","ts":1700000000}
    {"user":"u1","doc":"p1","action":"click","ts":1690000000,"query":"kitchen"}
    {"user":"u2","doc":"p3","action":"click","ts":1699000000,"query":"wedding cake"}
    {"user":"u2","doc":"p6","action":"hide","ts":1699500000}
    {"user":"u2","doc":"p99","action":"click","ts":1699600000}
    """.write(to: folder.appendingPathComponent("events.jsonl"), atomically: true, encoding: .utf8)
    let built = try commandLine.run([
      "users", "--index", index.path, "--build", "--users", folder.appendingPathComponent("users.jsonl").path,
      "--events", folder.appendingPathComponent("events.jsonl").path,
    ])
    #expect(built.status == 0, "\(built.standardError)")
    #expect(
      built.standardError.contains("Built 2 user profiles from 5 events")
        && built.standardError.contains("1 events on unknown documents skipped"),
      "\(built.standardError)")
    let profiles = folder.appendingPathComponent("profiles")
    try FileManager.default.createDirectory(at: profiles, withIntermediateDirectories: true)
    try
      #"{"name": "personal", "retrieve": {"generators": {"bm25f": 50}}, "l1": {"keep": 10, "weights": {"bm25f": 1, "category_affinity": 10, "hidden_before": -100}}}"#
      .write(to: profiles.appendingPathComponent("personal.json"), atomically: true, encoding: .utf8)
    return (index, profiles)
  }

  @Test("users lists, searches and shows users; unknown ones get suggestions")
  func users() throws {
    let (index, _) = try indexWithUsers()
    let all = try commandLine.run(["users", "--index", index.path])
    #expect(all.status == 0, "\(all.standardError)")
    #expect(
      all.standardOutput.hasPrefix("u1 Cake Lover · cakes 96%, kitchen design 4% · 0 interests · 2 events"),
      "\(all.standardOutput)")
    let found = try commandLine.run(["users", "--index", index.path, "bride"])
    #expect(found.standardOutput.split(separator: "\n").count == 1 && found.standardOutput.hasPrefix("u2 Bride To Be"))
    let detail = try commandLine.run(["users", "--index", index.path, "u2"])
    #expect(
      detail.standardOutput.contains("1 click, 0 closeup, 0 save, 1 hide; 1 events on unknown documents skipped"),
      "\(detail.standardOutput)")
    let json = try commandLine.run(["users", "--index", index.path, "--format", "json"])
    #expect(try JSONParser.parse(json.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)).arrayValue?.count == 2)
    let missing = try commandLine.run(["users", "--index", index.path, "zebra"])
    #expect(missing.status != 0 && missing.standardError.contains("no user's name or id contains \"zebra\""))
  }

  @Test("search --user re-ranks by the user's profile, explains it, and names unknown users")
  func searchWithUser() throws {
    let (index, profiles) = try indexWithUsers()
    let base = ["search", "cake", "--index", index.path, "--profiles", profiles.path, "--profile", "personal"]
    func ids(_ extra: [String]) throws -> [String] {
      let outcome = try commandLine.run(base + extra + ["--format", "json", "--explain"])
      #expect(outcome.status == 0, "\(outcome.standardError)")
      let value = try JSONParser.parse(outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
      return (value["hits"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
    }
    let anonymous = try ids([])
    #expect(Set(anonymous) == ["p3", "p6"])
    #expect(try ids(["--user", "u1"]) == ["p6", "p3"])
    #expect(try ids(["--user", "u2"]) == ["p3", "p6"])
    #expect(try ids(["--user", "u1", "--signals", "hidden_before"]) == anonymous)
    #expect(try ids(["--user", "none"]) == anonymous)
    let explained = try commandLine.run(base + ["--user", "u1", "--explain", "-k", "1"])
    #expect(
      explained.standardOutput.contains("category affinity for \"cakes\" = weight on it / all pooled weight"),
      "\(explained.standardOutput)")
    #expect(explained.standardOutput.contains("save of p6 \"Chocolate drip cake\""))
    let unprofiled = try commandLine.run(["search", "cake", "--index", index.path, "--user", "u1"])
    #expect(unprofiled.status == 0 && unprofiled.standardError.contains("--user changes nothing here: no --profile is given"))
    let unknown = try commandLine.run(base + ["--user", "u3"])
    #expect(
      unknown.status != 0 && unknown.standardError.contains("unknown user \"u3\"; did you mean u1, u2?"),
      "\(unknown.standardError)")
    let badSignal = try commandLine.run(base + ["--user", "u1", "--signals", "category_afinity"])
    #expect(badSignal.status != 0 && badSignal.standardError.contains("unknown signal \"category_afinity\""))
  }

  @Test("compare puts one user with and without personalization side by side")
  func compareWithAndWithout() throws {
    let (index, profiles) = try indexWithUsers()
    let judged = [
      "--index", index.path, "--queries", CommandLineTests.fixtures.appendingPathComponent("queries.jsonl").path,
      "--qrels", CommandLineTests.fixtures.appendingPathComponent("qrels.txt").path, "--profiles", profiles.path,
    ]
    let outcome = try commandLine.run(
      ["compare", "--a", "personal", "--b", "personal", "--user", "u1", "--user-b", "none"] + judged)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(
      outcome.standardOutput.contains("A: profile personal: bm25f 50 → L1 10, personalized for u1"), "\(outcome.standardOutput)")
    #expect(outcome.standardOutput.contains("B: profile personal: bm25f 50 → L1 10\n"), "\(outcome.standardOutput)")
    let twoUsers = try commandLine.run(
      ["compare", "--a", "personal", "--b", "personal", "--user-a", "u1", "--user-b", "u2"] + judged)
    #expect(twoUsers.status == 0 && twoUsers.standardOutput.contains("personalized for u2"), "\(twoUsers.standardError)")
  }

  @Test("index build --users --events models the users with the index")
  func indexBuildWithUsers() throws {
    let (index, _) = try indexWithUsers()
    let folder = index.deletingLastPathComponent()
    let rebuilt = folder.appendingPathComponent("rebuilt")
    let outcome = try commandLine.run([
      "index", "build", "--documents", CommandLineTests.fixtures.appendingPathComponent("pins.jsonl").path,
      "--schema", CommandLineTests.fixtures.appendingPathComponent("schema.json").path, "--out", rebuilt.path,
      "--users", folder.appendingPathComponent("users.jsonl").path,
      "--events", folder.appendingPathComponent("events.jsonl").path,
    ])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardError.contains("Built 2 user profiles from 5 events"), "\(outcome.standardError)")
    let listed = try commandLine.run(["users", "--index", rebuilt.path, "u1"])
    #expect(listed.status == 0 && listed.standardOutput.hasPrefix("u1 Cake Lover"), "\(listed.standardError)")
    // The engagement graph recommendations walk is written beside the profiles, and reads back.
    let documentCount = try IndexReader.open(directory: rebuilt.path).documentCount
    let graph = try EngagementGraph.read(path: rebuilt.appendingPathComponent(EngagementGraph.fileName).path,
                                         documentCount: documentCount)
    #expect(graph.documentCount == documentCount && graph.userIds.count == 2)
    let alone = try commandLine.run(["index", "build", "--documents", "x.jsonl", "--out", rebuilt.path, "--users", "u.jsonl"])
    #expect(alone.status != 0 && alone.standardError.contains("--users and --events go together"))
  }

  @Test("an index without user profiles says how to build them")
  func noProfiles() throws {
    let index = try commandLine.buildIndex()
    let outcome = try commandLine.run(["search", "cake", "--index", index.path, "--user", "u1"])
    #expect(
      outcome.status != 0 && outcome.standardError.contains("has no user profiles (user-profiles.bin)"),
      "\(outcome.standardError)")
  }
}
