import Foundation

/// Builds `UserProfile`s from engagement histories over one index: the profiles of every user at index time,
/// or one profile again from an edited history (fast: about a hundred events).
///
/// - Events on documents the index lacks are skipped and counted.
/// - Pooling weight `w_e = actionWeight(action) · 2^(−age_days / halfLife)` (`UserModelSettings`: click 2,
///   close-up 1, save 3, hide 0; half-life 30 days), ages from the reference time; only the most recent
///   `maximumHistory` non-hide events weigh more than 0.
/// - User embedding: `u = Σ_e w_e · x_e / ‖Σ_e w_e · x_e‖` over the events' documents' text embeddings.
/// - Interests: the engaged documents (weights summed per document) clustered by Ward's method
///   (`WardClustering`, as PinnerSage, Pal et al. KDD 2020), each represented by its medoid, importance = Σ of
///   its members' weights; the `maximumInterests` most important are kept.
/// - Affinities: per field value, the share of the pooled weight on documents holding it.
public struct UserModelBuilder: Sendable {
  /// The index the profiles refer to.
  public let reader: IndexReader
  /// The parameters.
  public let settings: UserModelSettings
  private let embeddingField: Int?
  private let attributeFields: [(kind: UserAffinity.Kind, field: String)]
  /// The analyzer of each attribute field that is a keyword field (values are kept as the index stores them).
  private let keywordAnalyzers: [UserAffinity.Kind: Analyzer]
  /// Documents' attribute values read so far (they never change for an index), shared by every profile built.
  private let attributeCache = AttributeCache()

  /// A builder over `reader`; affinities exist for the settings' fields the schema has.
  public init(reader: IndexReader, settings: UserModelSettings = .standard) {
    self.reader = reader
    self.settings = settings
    let schema = reader.schema
    embeddingField = schema.textEmbeddingField.flatMap { field in schema.vectorFields.firstIndex { $0.name == field.name } }
    let wanted: [(UserAffinity.Kind, String)] = [
      (.category, settings.categoryField), (.contentType, settings.contentTypeField),
      (.board, settings.boardField), (.domain, settings.domainField),
    ]
    attributeFields = wanted.filter { schema.field(named: $0.1) != nil }.map { (kind: $0.0, field: $0.1) }
    var analyzers: [UserAffinity.Kind: Analyzer] = [:]
    for (kind, field) in attributeFields {
      if let keyword = schema.keywordFields.first(where: { $0.name == field }) {
        analyzers[kind] = Analyzer(configuration: keyword.analyzer)
      }
    }
    keywordAnalyzers = analyzers
  }

  /// What building every user's profile did.
  public struct Report: Sendable, Hashable {
    /// Profiles built (one per user of the users file).
    public var userCount: Int
    /// Events read.
    public var eventCount: Int
    /// Events whose document the index lacks (skipped).
    public var unknownDocumentEvents: Int
    /// Events of users the users file lacks (skipped).
    public var unknownUserEvents: Int
    /// The reference time (the log's latest timestamp).
    public var referenceTime: Double
  }

  /// The profile of every user in `users` (in that order) from `log`, ages measured from the log's latest timestamp.
  public func profiles(users: [UserRecord], log: EngagementLog) throws -> (profiles: [UserProfile], report: Report) {
    let referenceTime = log.latestTimestamp ?? 0
    let byUser = log.eventsByUser()
    let known = Set(users.map(\.id))
    var profiles: [UserProfile] = []
    profiles.reserveCapacity(users.count)
    var unknownDocuments = 0
    for user in users {
      let profile = try profile(for: user, events: byUser[user.id] ?? [], referenceTime: referenceTime)
      unknownDocuments += profile.skippedEventCount
      profiles.append(profile)
    }
    let unknownUsers = byUser.filter { !known.contains($0.key) }.reduce(0) { $0 + $1.value.count }
    return (
      profiles,
      Report(
        userCount: users.count, eventCount: log.events.count, unknownDocumentEvents: unknownDocuments,
        unknownUserEvents: unknownUsers, referenceTime: referenceTime)
    )
  }

  /// The directory of every user of the users file at `usersPath`, from the engagement log at `eventsPath`.
  public func directory(usersPath: String, eventsPath: String) throws -> (directory: UserDirectory, report: Report) {
    let log = try EngagementLog.read(path: eventsPath)
    let (profiles, report) = try profiles(users: try UserRecord.read(path: usersPath), log: log)
    return (UserDirectory(profiles: profiles, referenceTime: report.referenceTime), report)
  }

  /// The profile of `user` from `events` (theirs, any order), ages measured from `referenceTime`.
  public func profile(for user: UserRecord, events: [EngagementEvent], referenceTime: Double) throws -> UserProfile {
    let ordered = events.enumerated().sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }.map(
      \.element)
    var resolved: [UserEvent] = []
    resolved.reserveCapacity(ordered.count)
    var skipped = 0
    for event in ordered {
      guard let document = try reader.documentNumber(forId: event.document) else {
        skipped += 1
        continue
      }
      resolved.append(
        UserEvent(
          document: document, documentId: event.document, action: event.action,
          timestamp: event.timestamp, query: event.query, weight: 0))
    }
    // Weights: the most recent `maximumHistory` non-hide events.
    var pooledCount = 0
    for index in resolved.indices.reversed() where resolved[index].action != .hide {
      guard pooledCount < settings.maximumHistory else { break }
      pooledCount += 1
      resolved[index].weight =
        settings.actionWeight(resolved[index].action)
        * settings.decay(timestamp: resolved[index].timestamp, referenceTime: referenceTime)
    }
    let engaged = engagedDocuments(resolved)
    let vectors = try engaged.map { try self.embedding(of: $0.document) }
    let (pooled, norm) = pooledEmbedding(engaged, vectors: vectors)
    let attributes = try resolved.map { event in try attributeValues(of: event.document) }
    return UserProfile(
      userId: user.id, name: user.name, referenceTime: referenceTime, events: resolved, skippedEventCount: skipped,
      engagedDocuments: engaged, embedding: pooled, embeddingNorm: norm,
      interests: interests(engaged, vectors: vectors, attributes: attributes),
      affinities: affinities(resolved, attributes: attributes), activity: activity(resolved, referenceTime: referenceTime),
      seenDocuments: Set(resolved.filter { $0.action != .hide }.map(\.documentId)),
      hiddenDocuments: Set(resolved.filter { $0.action == .hide }.map(\.documentId)))
  }

  // MARK: Parts

  /// The documents of weighted events, weights summed in event order, heaviest first (ties: first engaged first).
  func engagedDocuments(_ events: [UserEvent]) -> [EngagedDocument] {
    var result: [EngagedDocument] = []
    var position: [Int: Int] = [:]
    for (index, event) in events.enumerated() where event.weight > 0 {
      if let at = position[event.document] {
        result[at].weight += event.weight
        result[at].events.append(index)
      } else {
        position[event.document] = result.count
        result.append(
          EngagedDocument(document: event.document, documentId: event.documentId, weight: event.weight, events: [index]))
      }
    }
    return result.enumerated().sorted {
      $0.element.weight != $1.element.weight
        ? $0.element.weight > $1.element.weight
        : $0.offset < $1.offset
    }.map(\.element)
  }

  /// `Σ w_d · x_d` normalised, and its norm before normalisation; documents without a vector are left out.
  func pooledEmbedding(_ engaged: [EngagedDocument], vectors: [[Float]?]) -> (vector: [Float]?, norm: Double) {
    var sum: [Double]?
    for (document, vector) in zip(engaged, vectors) {
      guard let vector else { continue }
      if sum == nil { sum = [Double](repeating: 0, count: vector.count) }
      for index in vector.indices { sum![index] += document.weight * Double(vector[index]) }
    }
    guard let sum else { return (nil, 0) }
    let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
    guard norm > 0, norm.isFinite else { return (nil, 0) }
    return (sum.map { Float($0 / norm) }, norm)
  }

  /// Ward clusters of the engaged documents with a vector, as interests, most important first (ties: the
  /// cluster holding the heavier document), at most `maximumInterests`.
  func interests(_ engaged: [EngagedDocument], vectors: [[Float]?], attributes: [[UserAffinity.Kind: [String]]]) -> [UserInterest]
  {
    let withVector = engaged.indices.filter { vectors[$0] != nil }
    let points = withVector.map { vectors[$0]! }
    let clusters = WardClustering.cluster(points, threshold: settings.wardThreshold).clusters
    var result: [(interest: UserInterest, first: Int)] = []
    for cluster in clusters {
      let members = cluster.map { withVector[$0] }
      var importance = 0.0
      for member in members { importance += engaged[member].weight }
      let medoid = withVector[WardClustering.medoid(of: cluster, points: points)]
      var categories: [String: Double] = [:]
      for member in members {
        let event = engaged[member].events[0]
        for value in attributes[event][.category] ?? [] { categories[value, default: 0] += engaged[member].weight }
      }
      let label = categories.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? ""
      result.append(
        (
          UserInterest(
            medoid: engaged[medoid].document, medoidId: engaged[medoid].documentId,
            vector: vectors[medoid]!, importance: importance, members: members, label: label),
          members.min() ?? 0
        ))
    }
    result.sort {
      $0.interest.importance != $1.interest.importance ? $0.interest.importance > $1.interest.importance : $0.first < $1.first
    }
    return Array(result.prefix(max(0, settings.maximumInterests)).map(\.interest))
  }

  /// Each attribute's weight share per value, with the events that built it.
  func affinities(_ events: [UserEvent], attributes: [[UserAffinity.Kind: [String]]]) -> [UserAffinity] {
    var total = 0.0
    for event in events { total += event.weight }
    return attributeFields.map { kind, field in
      var entries: [String: [Int]] = [:]
      for (index, event) in events.enumerated() where event.weight > 0 {
        for value in attributes[index][kind] ?? [] { entries[value, default: []].append(index) }
      }
      let sorted = entries.mapValues { indices in
        indices.sorted { events[$0].weight != events[$1].weight ? events[$0].weight > events[$1].weight : $0 < $1 }
      }
      return UserAffinity(
        kind: kind, field: field, totalWeight: total,
        entries: sorted.reduce(into: [:]) { $0[$1.key] = UserAffinity.Entry(value: $1.key, events: $1.value) })
    }
  }

  /// Event counts in the last 1, 7 and 30 days, per action, and the last event's age.
  func activity(_ events: [UserEvent], referenceTime: Double) -> UserActivity {
    func within(_ days: Double) -> Int { events.filter { referenceTime - $0.timestamp <= days * 86_400 }.count }
    let byAction = EngagementAction.allCases.map { action in events.filter { $0.action == action }.count }
    let last = events.map(\.timestamp).max()
    return UserActivity(
      lastDay: within(1), lastWeek: within(7), lastMonth: within(30), total: events.count, byAction: byAction,
      lastActiveDays: last.map { max(0, referenceTime - $0) / 86_400 })
  }

  // MARK: Documents

  /// The document's text embedding, when the index has one for it.
  func embedding(of document: Int) throws -> [Float]? {
    guard let embeddingField else { return nil }
    guard let vector = try reader.vector(field: embeddingField, document: document), vector.allSatisfy(\.isFinite) else {
      return nil
    }
    return vector
  }

  /// The document's normalised values of each affinity field.
  func attributeValues(of document: Int) throws -> [UserAffinity.Kind: [String]] {
    if let known = attributeCache.values(document) { return known }
    let members = try reader.storedMembers(document, keys: Set(attributeFields.map(\.field)))
    var result: [UserAffinity.Kind: [String]] = [:]
    for (kind, field) in attributeFields {
      result[kind] = Self.values(members[field], keywordAnalyzer: keywordAnalyzers[kind])
    }
    attributeCache.store(document, result)
    return result
  }

  /// The normalised distinct values of a stored member (a string, a number, or an array of them): as the index
  /// stores a keyword field's values when `keywordAnalyzer` is given, else by `UserAffinity.normalize`.
  static func values(_ value: JSONValue?, keywordAnalyzer: Analyzer? = nil) -> [String] {
    var result: [String] = []
    func normalize(_ text: String) -> String {
      keywordAnalyzer.map { KeywordNormalizer.normalize(text, analyzer: $0) } ?? UserAffinity.normalize(text)
    }
    func add(_ item: JSONValue) {
      switch item {
      case .string(let text): result.append(normalize(text))
      case .number: result.append(normalize(item.displayText))
      default: break
      }
    }
    switch value {
    case .array(let items)?: items.forEach(add)
    case let item?: add(item)
    case nil: break
    }
    var seen = Set<String>()
    return result.filter { !$0.isEmpty && seen.insert($0).inserted }
  }
}

/// Documents' attribute values by document number, read once per builder (reads and writes hold a lock; at most
/// one entry per document of the index).
final class AttributeCache: @unchecked Sendable {
  // Safety: `entries` is read and written only while `lock` is held; entries are values.
  private let lock = NSLock()
  private var entries: [Int: [UserAffinity.Kind: [String]]] = [:]

  /// The values held for `document`, if read before.
  func values(_ document: Int) -> [UserAffinity.Kind: [String]]? { lock.withLock { entries[document] } }

  /// Holds `values` for `document`.
  func store(_ document: Int, _ values: [UserAffinity.Kind: [String]]) { lock.withLock { entries[document] = values } }
}
