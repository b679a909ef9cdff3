import ArgumentParser
import Foundation
import RankscopeEngine

/// What `recommend` and `related` share: the index, the users and events behind profiles and the engagement
/// graph, the profile whose stages rank, the walks and the output.
struct RecommendationOptions: ParsableArguments {
  @Option(help: "Index directory (default: the sample world's index).")
  var index: String?

  @Option(help: "Users file, JSON Lines {\"id\", \"name\"} (default for the sample index: SampleData/users.jsonl).")
  var users: String?

  @Option(help: """
    Engagement events, JSON Lines {"user", "doc", "action", "ts"} (default for the sample index: SampleData/events.jsonl).
    """)
  var events: String?

  @Option(help: """
    Rank profile whose L1, L2 and blend stages rank the candidates (default: a built-in query-free L1 and diverse blend).
    """)
  var profile: String?

  @Option(name: .customLong("profiles"), help: "A folder of rank profiles or one profile file (repeatable).")
  var profileFolders: [String] = []

  @Option(name: [.customShort("k"), .long], help: "Number of hits.")
  var limit = 10

  @Flag(help: "Include each hit's score explanation.")
  var explain = false

  @Option(help: "Output format: table or json.")
  var format: SearchCommand.Format = .table

  @Option(help: "Pixie walk steps N.")
  var steps = PixieSettings.standard.totalSteps

  @Option(help: "Pixie walk seed.")
  var seed: UInt64 = PixieSettings.standard.seed

  /// The engine, the events, the users and the walker over the index's engagement graph.
  func resources() throws -> (engine: SearchEngine, log: EngagementLog, users: [UserRecord], walker: PixieWalker) {
    let engine = try Locations.openIndex(index, quiet: format == .json, withEncoder: false)
    let sample = index == nil ? try Locations.sampleData() : nil
    guard let eventsPath = events ?? sample?.appendingPathComponent("events.jsonl").path else {
      throw CommandFailure("--events is required with --index (the engagement log behind profiles and walks)")
    }
    guard let usersPath = users ?? sample?.appendingPathComponent("users.jsonl").path else {
      throw CommandFailure("--users is required with --index")
    }
    let log = try EngagementLog.read(path: eventsPath)
    let records = try UserRecord.read(path: usersPath)
    let graph = try Locations.engagementGraph(engine: engine, indexDirectory: index, log: log, eventsPath: eventsPath,
                                              writable: index == nil)
    var settings = PixieSettings.standard
    settings.totalSteps = steps
    settings.seed = seed
    if let problem = settings.problem { throw CommandFailure(problem) }
    return (engine, log, records, PixieWalker(graph: graph, settings: settings))
  }

  /// The profile named by --profile, or nil.
  func stages(engine: SearchEngine) throws -> RankProfile? {
    guard let profile else { return nil }
    var folders = profileFolders
    if index == nil, let sample = try? Locations.sampleData() { folders.append(sample.appendingPathComponent("profiles").path) }
    return try RankProfileLibrary.load(folders: folders,
        context: RankProfileContext(schema: engine.schema)).profile(named: profile)
  }

  /// The profile of user `id`: from the sample index's stored profiles (`user-profiles.bin`) when no users or
  /// events file is given, else built from their events.
  func userContext(_ id: String, log: EngagementLog, users: [UserRecord], engine: SearchEngine) throws -> UserContext {
    if index == nil, self.users == nil, events == nil {
      let directory = try Locations.userDirectory(reader: engine.reader, index: nil, quiet: format == .json)
      return UserContext(profile: try directory.require(id: id))
    }
    guard let record = users.first(where: { $0.id == id }) else {
      throw PersonalizationError.unknownUser(id: id, suggestions: [])
    }
    let events = log.events.filter { $0.user == id }
    let profile = try UserModelBuilder(reader: engine.reader).profile(for: record, events: events,
                                                                       referenceTime: log.latestTimestamp ?? 0)
    return UserContext(profile: profile)
  }

  /// Prints `response` as a table or JSON.
  func print(_ response: SearchResponse, engine: SearchEngine) throws {
    switch format {
    case .json:
      let value = try response.json(query: "") { try engine.storedDocument($0.documentNumber) }
      Swift.print(JSONWriter.string(value))
    case .table:
      Swift.print(try HitTable.render(response, engine: engine, width: TerminalWidth.current))
    }
  }
}

/// `rankscope recommend`: a homefeed for a user.
struct RecommendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recommend",
    abstract: "A homefeed for a user: interest neighbours and Pixie walks, ranked by a profile's stages.",
    discussion: """
      Candidates come from the nearest neighbours of the user's interests (quotas by importance) and from
      random walks on the engagement graph from their latest engagements; hidden and already engaged pins are
      left out. They are fused and ranked by the profile's L1, L2 and blend (default: a query-free L1 and a
      diverse blend); --explain shows where each hit came from.

      Examples:
        rankscope recommend --user u0001 --explain
        rankscope recommend --user u0001 --profile hybrid-diverse -k 20 --format json
      """)

  @Option(help: "The user's id.")
  var user: String

  @OptionGroup var options: RecommendationOptions

  func run() throws {
    let (engine, log, users, walker) = try options.resources()
    let context = try options.userContext(user, log: log, users: users, engine: engine)
    let response = try engine.recommend(RecommendationRequest(surface: .homefeed(context), limit: options.limit,
                                                              explain: options.explain,
                                                              profile: options.stages(engine: engine), walker: walker))
    try options.print(response, engine: engine)
  }
}

/// `rankscope related`: the pins related to a pin.
struct RelatedCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "related",
    abstract: "Pins related to a pin: text and visual neighbours and co-engagement walks, ranked by a profile's stages.",
    discussion: """
      Examples:
        rankscope related --pin p000123 --explain
        rankscope related --pin p000123 --user u0001 -k 5
      """)

  @Option(help: "The pin's id.")
  var pin: String

  @Option(help: "Personalize for this user (their hidden pins are left out, personalization features read them).")
  var user: String?

  @OptionGroup var options: RecommendationOptions

  func run() throws {
    let (engine, log, users, walker) = try options.resources()
    let context = try user.map { try options.userContext($0, log: log, users: users, engine: engine) }
    let response = try engine.recommend(RecommendationRequest(surface: .related(documentId: pin, user: context),
        limit: options.limit,
                                                              explain: options.explain,
                                                              profile: options.stages(engine: engine), walker: walker))
    try options.print(response, engine: engine)
  }
}
