import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope users`: list or search the users of an index with a summary of each, show one user's profile,
/// or build the profiles of an index from a users file and an engagement log.
struct UsersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "users",
    abstract: "List or search users (by name or id) with their top interests and activity.",
    discussion: """
      Profiles are built from the engagement log when the index is built (the sample world's from
      SampleData/users.jsonl and events.jsonl) and stored in the index directory (user-profiles.bin).
      A query that is exactly a user id shows that user's profile: interests, affinities, activity.

      Examples:
        rankscope users                       # every user of the sample world
        rankscope users ross                  # users whose name or id contains "ross"
        rankscope users u0001                 # one user's profile
        rankscope users --index my-index --build --users users.jsonl --events events.jsonl
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

  @Argument(help: "Part of a name or id (case-insensitive); empty lists everyone.")
  var query: String = ""

  @Option(help: "Index directory (default: the sample world's index).")
  var index: String?

  @Flag(help: "Build the index's user profiles from --users and --events (and write them into the index directory).")
  var build = false

  @Option(name: .customLong("users"), help: "With --build: the users file (JSON Lines: id, name, …).")
  var usersFile: String?

  @Option(help: "With --build: the engagement log (JSON Lines: user, doc, action, ts, query?).")
  var events: String?

  @Option(name: [.customShort("k"), .long], help: "Users listed at most.")
  var limit = 50

  @Option(help: "Output format: table or json.")
  var format: Format = .table

  func validate() throws {
    if build, usersFile == nil || events == nil { throw ValidationError("--build needs --users and --events") }
    if !build, usersFile != nil || events != nil { throw ValidationError("--users and --events apply with --build only") }
    if build, index == nil { throw ValidationError("--build needs --index (the sample world's profiles are built on their own)") }
    guard limit >= 0 else { throw ValidationError("-k must be zero or more") }
  }

  func run() throws {
    let engine = try Locations.openIndex(index, quiet: format == .json, withEncoder: false)
    let directory: UserDirectory
    if build, let index, let usersFile, let events {
      directory = try Locations.buildUserProfiles(
        reader: engine.reader, users: usersFile, events: events,
        output: URL(fileURLWithPath: index).appendingPathComponent(UserProfileFile.fileName).path,
        quiet: format == .json)
    } else {
      directory = try Locations.userDirectory(reader: engine.reader, index: index, quiet: format == .json)
    }
    if let profile = directory.profile(id: query) {
      print(format == .json ? JSONWriter.string(Self.json(profile, detailed: true)) : Self.detail(profile))
      return
    }
    let found = directory.search(query)
    if found.isEmpty {
      let near = directory.suggestions(for: query)
      throw CommandFailure(
        "no user's name or id contains \"\(query)\"" + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"))
    }
    switch format {
    case .json:
      print(JSONWriter.string(.array(found.prefix(limit).map { Self.json($0, detailed: false) })))
    case .table:
      for profile in found.prefix(limit) { print(UserDirectory.summary(of: profile).line) }
      if found.count > limit { print("… \(found.count - limit) more (raise -k)") }
    }
  }

  /// One user's profile as text.
  static func detail(_ profile: UserProfile) -> String {
    let summary = UserDirectory.summary(of: profile)
    var lines = [summary.line]
    let activity = profile.activity
    lines.append(
      "activity: \(activity.lastDay) events in the last day, \(activity.lastWeek) in 7 days, \(activity.lastMonth) in 30 days; "
        + EngagementAction.allCases.map { "\(activity.count($0)) \($0.rawValue)" }.joined(separator: ", ")
        + (profile.skippedEventCount > 0 ? "; \(profile.skippedEventCount) events on unknown documents skipped" : ""))
    lines.append("history: \(profile.engagedDocuments.count) engaged documents pooled, \(profile.hiddenDocuments.count) hidden")
    lines.append("interests (Ward clusters, medoid, importance):")
    for (index, interest) in profile.interests.enumerated() {
      lines.append(
        "  \(index + 1). \(interest.label.isEmpty ? "(no category)" : interest.label) · medoid \(interest.medoidId) · "
          + "\(interest.members.count) documents · importance \(format(interest.importance))")
    }
    for affinity in profile.affinities {
      let top = affinity.entries.keys.map { ($0, profile.affinityShare(affinity.kind, value: $0)) }
        .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(5)
      lines.append("\(affinity.kind.rawValue) affinity: " + top.map { "\($0.0) \(format($0.1))" }.joined(separator: ", "))
    }
    return lines.joined(separator: "\n")
  }

  /// A user as JSON: id, name, summary, and with `detailed` the interests and affinities.
  static func json(_ profile: UserProfile, detailed: Bool) -> JSONValue {
    let summary = UserDirectory.summary(of: profile)
    var members: [JSONMember] = [
      JSONMember("id", .string(profile.userId)), JSONMember("name", .string(profile.name)),
      JSONMember(
        "topCategories",
        .array(
          summary.topCategories.map {
            .object([JSONMember("category", .string($0.value)), JSONMember("share", .number($0.share))])
          })),
      JSONMember(
        "interests",
        .array(
          profile.interests.map { interest in
            .object([
              JSONMember("label", .string(interest.label)), JSONMember("medoid", .string(interest.medoidId)),
              JSONMember("documents", .number(Double(interest.members.count))),
              JSONMember("importance", .number(interest.importance)),
            ])
          })),
      JSONMember(
        "activity",
        .object([
          JSONMember("lastDay", .number(Double(profile.activity.lastDay))),
          JSONMember("lastWeek", .number(Double(profile.activity.lastWeek))),
          JSONMember("lastMonth", .number(Double(profile.activity.lastMonth))),
          JSONMember("total", .number(Double(profile.activity.total))),
          JSONMember("lastActiveDays", profile.activity.lastActiveDays.map { .number($0) } ?? .null),
        ])),
    ]
    if detailed {
      members.append(
        JSONMember(
          "affinities",
          .object(
            profile.affinities.map { affinity in
              JSONMember(
                affinity.kind.rawValue,
                .object(
                  affinity.entries.keys.sorted().map {
                    JSONMember($0, .number(profile.affinityShare(affinity.kind, value: $0)))
                  }))
            })))
      members.append(JSONMember("hidden", .array(profile.hiddenDocuments.sorted().map { .string($0) })))
    }
    return .object(members)
  }

  private static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
