import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope bench personalization`: the live profile recompute time, the personalized search latency, and
/// whether personalization pulls results towards each user's interests (the sample world's latent truth).
struct BenchPersonalizationCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "personalization",
    abstract: "Time the live user-profile recompute and personalized search; measure the pull towards users' interests.",
    discussion: """
      On the sample world: (1) every user's profile is recomputed from their events as the explorer does after
      an edit (UserModelBuilder.profile(for:events:referenceTime:)), timed one by one, and compared with the
      index's stored profile; (2) for the first --users users, every judged query runs through --profile
      anonymously and personalized, timed (query embeddings are computed once and cached, so the times are
      the pipeline's), and each top 10 is scored by the share of its pins in the user's top latent interest
      category (users.jsonl "interests": the simulated truth, never read by the model), with nDCG@10 on the
      judgments and Jaccard@10 between the two lists. Build with -c release before measuring.

      Example:
        swift build -c release && .build/release/rankscope bench personalization --users 30
      """)

  @Option(help: "Users whose searches are measured (the first ones by id).")
  var users = 20

  @Option(help: "The personalized rank profile.")
  var profile = "hybrid-personal"

  @Option(help: "Sentence-encoder model directory (default: RANKSCOPE_MODEL_DIR or models/all-MiniLM-L6-v2).")
  var model: String?

  func run() throws {
    let opened = try Locations.openSampleIndex(quiet: true, modelPath: model, withEncoder: false)
    var options = try ProfileOptions.parse([])
    options.profile = profile
    let (chosen, resolved) = try options.resolve(engine: opened, index: nil, modelPath: model, quiet: true)
    guard let rankProfile = chosen else { throw CommandFailure("no profile \(profile)") }
    let engine = SearchEngine(
      reader: resolved.reader, embedder: resolved.embedder.map { CachingEmbedder($0, capacity: 100_000) },
      embedderUnavailableReason: resolved.semanticStatus.isAvailable ? nil : resolved.semanticStatus.description,
      queryLog: resolved.queryLog)
    let directory = try Locations.userDirectory(reader: engine.reader, index: nil, quiet: true)
    let sampleData = try Locations.sampleData()
    let records = try UserRecord.read(path: sampleData.appendingPathComponent("users.jsonl").path)
    let log = try EngagementLog.read(path: sampleData.appendingPathComponent("events.jsonl").path)

    // (1) Live recompute.
    let builder = UserModelBuilder(reader: engine.reader)
    let byUser = log.eventsByUser()
    // The first pass reads each document's attributes once (as the index build does); the second is the
    // explorer's recompute after an edit, the builder already holding what it read.
    var passes: [[Double]] = [[], []]
    var mismatches = 0
    for pass in 0..<2 {
      for record in records {
        let start = DispatchTime.now().uptimeNanoseconds
        let profile = try builder.profile(for: record, events: byUser[record.id] ?? [], referenceTime: directory.referenceTime)
        passes[pass].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        if pass == 0, profile != directory.profile(id: record.id) { mismatches += 1 }
      }
    }
    let eventsPerUser = Double(log.events.count) / Double(max(records.count, 1))
    for (name, times) in zip(["first build", "recompute"], passes) {
      print(
        "\(name) of \(records.count) profiles (\(String(format: "%.0f", eventsPerUser)) events per user on average): "
          + "median \(milliseconds(times, 0.5)), p90 \(milliseconds(times, 0.9)), p99 \(milliseconds(times, 0.99)), "
          + "max \(milliseconds(times, 1))")
    }
    print("\(mismatches) of \(records.count) recomputed profiles differ from the stored ones")

    // (2) Searches, anonymous and personalized.
    let (queries, judgments) = try JudgmentOptions.load(queries: nil, qrels: nil, split: .all)
    let category = "category"
    guard engine.schema.field(named: category) != nil else { throw CommandFailure("the index has no category field") }
    var categoryOf: [String: String] = [:]
    func categories(_ ids: [String]) throws -> [String] {
      try ids.map { id in
        if let known = categoryOf[id] { return known }
        guard let document = try engine.reader.documentNumber(forId: id) else { return "" }
        let value = UserAffinity.normalize(
          try engine.reader.storedMembers(document, keys: [category])[category]?.stringValue ?? "")
        categoryOf[id] = value
        return value
      }
    }
    // A first pass computes (and caches) every query embedding, so the timed passes measure the pipeline alone.
    for query in queries { _ = try timedSearch(engine, query.text, rankProfile, user: nil) }
    var anonymousTimes: [Double] = []
    var anonymous: [String: [String]] = [:]
    for query in queries {
      let (ids, seconds) = try timedSearch(engine, query.text, rankProfile, user: nil)
      anonymous[query.id] = ids
      anonymousTimes.append(seconds)
    }
    var personalTimes: [Double] = []
    var rows:
      [(
        user: String, top: String, anonymousShare: Double, personalShare: Double, anonymousNDCG: Double,
        personalNDCG: Double, jaccard: Double
      )] = []
    for record in records.sorted(by: { $0.id < $1.id }).prefix(users) {
      guard let profile = directory.profile(id: record.id), let top = Self.topInterest(record) else { continue }
      let context = UserContext(profile: profile)
      var shares = (anonymous: 0.0, personal: 0.0)
      var jaccard = 0.0
      var personalRankings: [String: [String]] = [:]
      for query in queries {
        let (ids, seconds) = try timedSearch(engine, query.text, rankProfile, user: context)
        personalTimes.append(seconds)
        personalRankings[query.id] = ids
        shares.anonymous += Self.share(try categories(anonymous[query.id] ?? []), top)
        shares.personal += Self.share(try categories(ids), top)
        jaccard += RankOverlap.jaccard(anonymous[query.id] ?? [], ids, cutoff: 10)
      }
      let count = Double(max(queries.count, 1))
      rows.append(
        (
          record.id, top, shares.anonymous / count, shares.personal / count,
          Self.meanNDCG(anonymous, judgments), Self.meanNDCG(personalRankings, judgments), jaccard / count
        ))
    }
    print(
      "search latency over \(queries.count) judged queries, profile \(profile) (query embeddings cached): "
        + "anonymous median \(milliseconds(anonymousTimes, 0.5)), p99 \(milliseconds(anonymousTimes, 0.99)); "
        + "personalized median \(milliseconds(personalTimes, 0.5)), p99 \(milliseconds(personalTimes, 0.99)) "
        + "(\(personalTimes.count) searches)"
    )
    // (3) The explorer's re-rank after a toggle: the same query searched again with one signal switched off, 50 hits,
    // the first explained (the query's vector is cached, as the explorer's `CachingEmbedder` keeps it).
    var toggleTimes: [Double] = []
    for record in records.sorted(by: { $0.id < $1.id }).prefix(users) {
      guard let profile = directory.profile(id: record.id) else { continue }
      for (offset, query) in queries.prefix(50).enumerated() {
        let signal = PersonalizationSignal.allCases[offset % PersonalizationSignal.allCases.count]
        _ = try explorerSearch(engine, query.text, rankProfile, user: UserContext(profile: profile))
        let toggled = UserContext(profile: profile, enabledSignals: Set(PersonalizationSignal.allCases).subtracting([signal]))
        toggleTimes.append(try explorerSearch(engine, query.text, rankProfile, user: toggled))
      }
    }
    print("re-rank after a toggle (the explorer's search: 50 hits, the first explained), \(toggleTimes.count) toggles: "
          + "median \(milliseconds(toggleTimes, 0.5)), p90 \(milliseconds(toggleTimes, 0.9)), "
          + "p99 \(milliseconds(toggleTimes, 0.99))")
    // The same share over ambiguous one-word queries.
    var ambiguousAnonymous: [String: [String]] = [:]
    for query in Self.ambiguousQueries { ambiguousAnonymous[query] = try timedSearch(engine, query, rankProfile, user: nil).0 }
    var ambiguousRows: [(user: String, top: String, anonymousShare: Double, personalShare: Double)] = []
    for record in records.sorted(by: { $0.id < $1.id }).prefix(users) {
      guard let profile = directory.profile(id: record.id), let top = Self.topInterest(record) else { continue }
      var shares = (anonymous: 0.0, personal: 0.0)
      for query in Self.ambiguousQueries {
        let ids = try timedSearch(engine, query, rankProfile, user: UserContext(profile: profile)).0
        shares.anonymous += Self.share(try categories(ambiguousAnonymous[query] ?? []), top)
        shares.personal += Self.share(try categories(ids), top)
      }
      let count = Double(Self.ambiguousQueries.count)
      ambiguousRows.append((record.id, top, shares.anonymous / count, shares.personal / count))
    }
    print("\nshare of the top 10 in the user's top latent interest category, over the \(queries.count) judged queries")
    print("user    top interest              anonymous  personalized  nDCG@10 anon → pers  Jaccard@10")
    for row in rows {
      print(Self.line(row.user, row.top, row.anonymousShare, row.personalShare)
            + String(format: "  %.4f → %.4f  %10.3f", row.anonymousNDCG, row.personalNDCG, row.jaccard))
    }
    print(Self.line("mean", "", Self.mean(rows.map(\.anonymousShare)), Self.mean(rows.map(\.personalShare)))
          + "  \(String(format: "%.4f → %.4f", Self.mean(rows.map(\.anonymousNDCG)), Self.mean(rows.map(\.personalNDCG))))"
          + "  \(String(format: "%10.3f", Self.mean(rows.map(\.jaccard))))")
    let examples = Self.ambiguousQueries.prefix(6).joined(separator: ", ")
    print("\nthe same share over \(Self.ambiguousQueries.count) ambiguous one-word queries (\(examples), …)")
    print("user    top interest              anonymous  personalized")
    for row in ambiguousRows { print(Self.line(row.user, row.top, row.anonymousShare, row.personalShare)) }
    print(Self.line("mean", "", Self.mean(ambiguousRows.map(\.anonymousShare)), Self.mean(ambiguousRows.map(\.personalShare))))
  }

  /// `user  top  anonymous  personalized`, aligned.
  static func line(_ user: String, _ top: String, _ anonymous: Double, _ personal: Double) -> String {
    user.padding(toLength: 7, withPad: " ", startingAt: 0) + " " + top.padding(toLength: 25, withPad: " ", startingAt: 0) + " "
      + String(format: "%9.3f  %12.3f", anonymous, personal)
  }

  /// The mean of `values` (0 when empty).
  static func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }

  /// Words of style, colour, season and budget that occur across the sample world's verticals: queries whose
  /// intent a user's interests can settle.
  static let ambiguousQueries = [
    "boho", "modern", "rustic", "vintage", "minimalist", "farmhouse", "summer", "winter", "easy",
    "cozy", "gold", "pink", "green", "black", "white", "blue", "ideas", "inspiration", "small",
    "budget",
  ]

  /// The top 10 ids of `query` and the search's wall time in milliseconds.
  /// The time of the explorer's search for `query`: 50 hits, the first explained.
  private func explorerSearch(_ engine: SearchEngine, _ query: String, _ profile: RankProfile, user: UserContext?) throws -> Double {
    var request = SearchRequest(query: query, limit: 50, explain: true, profile: profile)
    request.explained = .first(1)
    request.user = user
    let start = DispatchTime.now().uptimeNanoseconds
    _ = try engine.search(request)
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
  }

  private func timedSearch(
    _ engine: SearchEngine, _ query: String, _ profile: RankProfile, user: UserContext?
  ) throws -> ([String], Double) {
    var request = SearchRequest(query: query, limit: 10, profile: profile)
    request.user = user
    let start = DispatchTime.now().uptimeNanoseconds
    let response = try engine.search(request)
    return (response.hits.map(\.id), Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
  }

  /// The user's largest latent interest (users.jsonl "interests"), normalised.
  static func topInterest(_ record: UserRecord) -> String? {
    guard let interests = record.attributes.first(where: { $0.key == "interests" })?.value.objectMembers else { return nil }
    return interests.max { ($0.value.numberValue ?? 0) < ($1.value.numberValue ?? 0) }.map { UserAffinity.normalize($0.key) }
  }

  /// The share of `categories` equal to `category` (0 for an empty list).
  static func share(_ categories: [String], _ category: String) -> Double {
    categories.isEmpty ? 0 : Double(categories.filter { $0 == category }.count) / Double(categories.count)
  }

  /// Mean nDCG@10 over the judged queries with a relevant document.
  static func meanNDCG(_ rankings: [String: [String]], _ judgments: Judgments) -> Double {
    let results = Evaluator.queryResults(rankings: rankings, judgments: judgments)
    return results.isEmpty ? 0 : results.reduce(0) { $0 + $1.ndcgAt10 } / Double(results.count)
  }

  private func milliseconds(_ values: [Double], _ quantile: Double) -> String {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return "-" }
    let index = min(sorted.count - 1, max(0, Int((quantile * Double(sorted.count)).rounded(.up)) - 1))
    return String(format: "%.2f ms", sorted[index])
  }
}

