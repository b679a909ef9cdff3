import Foundation
import Testing

@testable import RankscopeEngine

@Suite("User model")
struct UserModelBuilderTests {
  typealias Corpus = PersonalizationTestCorpus

  @Test("weights are action weight × 2^(−age/half-life), hides weigh 0, unknown documents are skipped and counted")
  func poolingWeights() throws {
    let engine = try Corpus.engine()
    let (profiles, report) = try UserModelBuilder(reader: engine.reader, settings: Corpus.settings)
      .profiles(users: try Corpus.users(), log: try Corpus.log())
    #expect(report.referenceTime == Corpus.now)
    #expect(report.unknownDocumentEvents == 1 && report.unknownUserEvents == 1 && report.eventCount == 7)
    let profile = profiles[0]
    #expect(profile.userId == "u1" && profile.name == "Ada Baker" && profile.skippedEventCount == 1)
    // Oldest first: close-up a (60 days), save b (30 days), hide c (1 day), click a (now).
    #expect(profile.events.map(\.documentId) == ["a", "b", "c", "a"])
    #expect(profile.events.map(\.weight) == [0.25, 1.5, 0, 2])
    #expect(profile.engagedDocuments.map(\.documentId) == ["a", "b"])
    #expect(profile.engagedDocuments.map(\.weight) == [2.25, 1.5])
    #expect(profile.engagedDocuments[0].events == [0, 3])
    // u = (2.25, 1.5, 0) / ‖(2.25, 1.5, 0)‖.
    let norm = (2.25 * 2.25 + 1.5 * 1.5).squareRoot()
    #expect(profile.embeddingNorm == norm)
    #expect(profile.embedding == [Float(2.25 / norm), Float(1.5 / norm), 0])
    #expect(
      abs(
        UserModelSettings.standard.decay(timestamp: Corpus.now - 45 * Corpus.day, referenceTime: Corpus.now) - 0.5.squareRoot()
          / 2) < 1e-15)
    #expect(UserModelSettings.standard.actionWeight(.hide) == 0)
  }

  @Test("the history cap keeps only the most recent non-hide events weighted")
  func historyCap() throws {
    let engine = try Corpus.engine()
    var settings = Corpus.settings
    settings.maximumHistory = 2
    let profile = try Corpus.directory(engine: engine, settings: settings).profiles[0]
    #expect(profile.events.map(\.weight) == [0, 1.5, 0, 2])
    #expect(profile.engagedDocuments.map(\.weight) == [2, 1.5])
  }

  @Test("affinities are each value's share of the pooled weight; activity counts and seen/hidden sets")
  func affinitiesAndActivity() throws {
    let engine = try Corpus.engine()
    let profile = try Corpus.directory(engine: engine).profiles[0]
    #expect(profile.affinityShare(.category, value: "baking") == 2.25 / 3.75)
    #expect(profile.affinityShare(.category, value: "drinks") == 1.5 / 3.75)
    #expect(profile.affinityShare(.category, value: "garden") == 0)
    #expect(profile.affinityShare(.contentType, value: "image") == 2.25 / 3.75)
    #expect(profile.affinityShare(.contentType, value: "product") == 0)
    #expect(profile.affinityShare(.board, value: "Sweet   TOOTH ") == 2.25 / 3.75)
    #expect(profile.affinityShare(.domain, value: "bake.com") == 2.25 / 3.75)
    #expect(profile.affinity(.category)?.entries["baking"]?.events == [3, 0])
    #expect(profile.seenDocuments == ["a", "b"] && profile.hiddenDocuments == ["c"])
    let activity = profile.activity
    #expect(activity.lastDay == 2 && activity.lastWeek == 2 && activity.lastMonth == 3 && activity.total == 4)
    #expect(activity.count(.click) == 1 && activity.count(.hide) == 1 && activity.lastActiveDays == 0)
    let quiet = try Corpus.directory(engine: engine).profiles[2]
    #expect(
      quiet.embedding == nil && quiet.interests.isEmpty && quiet.activity.total == 0 && quiet.activity.lastActiveDays == nil)
    #expect(quiet.affinityShare(.category, value: "baking") == 0)
  }

  @Test("interests: Ward clusters with medoids, importance = Σ weights, labelled by category, most important first")
  func interests() throws {
    let engine = try Corpus.engine()
    let profile = try Corpus.directory(engine: engine).profiles[0]
    #expect(profile.interests.map(\.medoidId) == ["a", "b"])
    #expect(profile.interests.map(\.importance) == [2.25, 1.5])
    #expect(profile.interests.map(\.label) == ["baking", "drinks"])
    #expect(profile.interests[0].vector == [1, 0, 0])
    // The default threshold (2) merges the two documents (squared distance 2) into one interest.
    let merged = try Corpus.directory(engine: engine, settings: .standard).profiles[0]
    #expect(merged.interests.count == 1 && merged.interests[0].importance == 3.75 && merged.interests[0].members == [0, 1])
    var capped = Corpus.settings
    capped.maximumInterests = 1
    #expect(try Corpus.directory(engine: engine, settings: capped).profiles[0].interests.map(\.medoidId) == ["a"])
  }

  @Test("a live recompute from the user's events equals the index-time profile")
  func liveRecompute() throws {
    let engine = try Corpus.engine()
    let directory = try Corpus.directory(engine: engine)
    let builder = UserModelBuilder(reader: engine.reader, settings: Corpus.settings)
    let byUser = try Corpus.log().eventsByUser()
    for (user, indexed) in zip(try Corpus.users(), directory.profiles) {
      let live = try builder.profile(
        for: user, events: (byUser[user.id] ?? []).reversed(), referenceTime: directory.referenceTime)
      #expect(live == indexed)
    }
    // Hiding an event (removing it from the history) changes the profile at once.
    let edited = try builder.profile(
      for: try Corpus.users()[0], events: byUser["u1"]!.filter { $0.action != .save },
      referenceTime: directory.referenceTime)
    #expect(edited.affinityShare(.category, value: "baking") == 1 && !edited.seenDocuments.contains("b"))
  }

  @Test("the directory finds users by id, by name or id substring, and suggests near ids")
  func directory() throws {
    let directory = try Corpus.directory(engine: try Corpus.engine())
    #expect(directory.profile(id: "u2")?.name == "Ben Drinker")
    #expect(directory.search("BAKER").map(\.userId) == ["u1"])
    #expect(directory.search("u").count == 3 && directory.search("").count == 3)
    #expect { _ = try directory.require(id: "u9") } throws: { "\($0)" == "unknown user \"u9\"; did you mean u1, u2, u3?" }
    #expect(directory.suggestions(for: "Ben Drinkr") == ["u2"])
    let summary = UserDirectory.summary(of: directory.profiles[0])
    #expect(summary.topCategories.map(\.value) == ["baking", "drinks"])
    #expect(
      summary.line.hasPrefix("u1 Ada Baker · baking 60%, drinks 40% · 2 interests · 4 events (2 in 7 days), last 0 days ago"))
  }

  @Test("malformed log and users lines name the file, the line and the reason")
  func malformedLines() throws {
    let cases: [(String, String)] = [
      (
        #"{"user":"u1","doc":"a","action":"like","ts":1}"#,
        "events.jsonl:1: unknown action \"like\" (expected one of click, closeup, save, hide)"
      ),
      (#"{"user":"u1","doc":"a","action":"click"}"#, "events.jsonl:1: \"ts\" must be a finite number"),
      (#"{"user":"u1","action":"click","ts":1}"#, "events.jsonl:1: \"doc\" must be a non-empty string"),
      ("[1]", "events.jsonl:1: expected a JSON object"),
    ]
    for (line, message) in cases {
      #expect { _ = try EngagementLog.parse(Array(line.utf8), file: "events.jsonl") } throws: { "\($0)" == message }
    }
    #expect {
      _ = try EngagementLog.parse(
        Array("{\"user\":\"u1\",\"doc\":\"a\",\"action\":\"click\",\"ts\":1}\n{oops".utf8), file: "e.jsonl")
    } throws: {
      "\($0)".hasPrefix("e.jsonl:2: malformed JSON")
    }
    #expect { _ = try UserRecord.parse(Array("{\"id\":\"u1\"}\n{\"id\":\"u1\"}".utf8), file: "users.jsonl") } throws: {
      "\($0)" == "users.jsonl:2: user \"u1\" is already defined on line 1"
    }
    #expect(try UserRecord.parse(Array("{\"id\":\"u7\"}".utf8), file: "users.jsonl")[0].name == "u7")
  }
}
