/// The user–document bipartite engagement graph: an edge joins a user and a document they engaged with,
/// weighted by the sum of the engagements' action weights (hides are not edges), stored twice in compressed
/// sparse row form (users → documents and documents → users) for random walks (`PixieWalker`).
///
/// Invariants (checked by `validate()`, and on load): offsets start at 0, never decrease and end at the edge
/// count; every neighbour is in range; within a row neighbours are strictly increasing; every weight is finite
/// and positive; the two sides hold the same edges.
public struct EngagementGraph: Sendable, Hashable {
  /// One engagement to add: a user id, a document number and the action's weight.
  public struct Engagement: Sendable, Hashable {
    /// The user's id.
    public var user: String
    /// The document number in the index.
    public var document: Int
    /// The action's weight (0 or less: not an edge, as for a hide).
    public var weight: Double

    /// Creates an engagement.
    public init(user: String, document: Int, weight: Double) {
      self.user = user
      self.document = document
      self.weight = weight
    }
  }

  /// User ids, sorted by their UTF-8 bytes; a user's number is its position.
  public let userIds: [String]
  /// Number of documents of the index the graph was built for.
  public let documentCount: Int
  /// `userOffsets[u]..<userOffsets[u + 1]` are user `u`'s edges in `userDocuments` and `userWeights`.
  let userOffsets: [UInt32]
  /// The documents of each user's edges, ascending within a user.
  let userDocuments: [UInt32]
  /// The weights of each user's edges.
  let userWeights: [Float]
  /// `documentOffsets[d]..<documentOffsets[d + 1]` are document `d`'s edges in `documentUsers` and `documentWeights`.
  let documentOffsets: [UInt32]
  /// The users of each document's edges, ascending within a document.
  let documentUsers: [UInt32]
  /// The weights of each document's edges.
  let documentWeights: [Float]
  /// Running sums of `userWeights` within each user's row (for weighted sampling).
  let userCumulative: [Float]
  /// Running sums of `documentWeights` within each document's row.
  let documentCumulative: [Float]
  private let userNumbers: [String: Int]

  /// Builds the graph of `engagements` over an index of `documentCount` documents; the engagements of one
  /// (user, document) pair are summed into one edge, and pairs whose sum is not positive are left out.
  /// Users with no edge are still listed. Documents out of range are an error.
  /// - Complexity: O(E log E) for E engagements.
  public init(engagements: [Engagement], documentCount: Int) throws(IndexError) {
    let ids = Array(Set(engagements.map(\.user))).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    var numbers: [String: Int] = [:]
    for (number, id) in ids.enumerated() { numbers[id] = number }
    var summed: [UInt64: Double] = [:]
    for engagement in engagements {
      guard engagement.document >= 0, engagement.document < documentCount else {
        throw IndexError.invalidInput(
          "engagement of \(engagement.user) names document \(engagement.document), outside 0..<\(documentCount)")
      }
      guard engagement.weight.isFinite else {
        throw IndexError.invalidInput("engagement of \(engagement.user) has a non-finite weight")
      }
      let key = UInt64(numbers[engagement.user]!) << 32 | UInt64(engagement.document)
      summed[key, default: 0] += engagement.weight
    }
    let edges = summed.filter { $0.value > 0 }.map { (user: Int($0.key >> 32), document: Int($0.key & 0xFFFF_FFFF),
        weight: Float($0.value)) }
      .sorted { $0.user != $1.user ? $0.user < $1.user : $0.document < $1.document }
    try self.init(userIds: ids, documentCount: documentCount, edges: edges)
  }

  /// Builds the graph from edges sorted by user then document (no duplicates).
  init(userIds: [String], documentCount: Int, edges: [(user: Int, document: Int, weight: Float)]) throws(IndexError) {
    guard edges.count < Int(UInt32.max), documentCount < Int(UInt32.max), userIds.count < Int(UInt32.max) else {
      throw IndexError.invalidInput("the engagement graph is too large (more than 2^32 edges, users or documents)")
    }
    self.userIds = userIds
    self.documentCount = documentCount
    var userOffsets = [UInt32](repeating: 0, count: userIds.count + 1)
    var documentOffsets = [UInt32](repeating: 0, count: documentCount + 1)
    for edge in edges {
      userOffsets[edge.user + 1] += 1
      documentOffsets[edge.document + 1] += 1
    }
    for index in 0..<userIds.count { userOffsets[index + 1] += userOffsets[index] }
    for index in 0..<documentCount { documentOffsets[index + 1] += documentOffsets[index] }
    var documentUsers = [UInt32](repeating: 0, count: edges.count)
    var documentWeights = [Float](repeating: 0, count: edges.count)
    var next = Array(documentOffsets.dropLast())
    // Edges come sorted by user, so each document's users are filled in ascending order.
    for edge in edges {
      let slot = Int(next[edge.document])
      documentUsers[slot] = UInt32(edge.user)
      documentWeights[slot] = edge.weight
      next[edge.document] += 1
    }
    self.userOffsets = userOffsets
    userDocuments = edges.map { UInt32($0.document) }
    userWeights = edges.map(\.weight)
    self.documentOffsets = documentOffsets
    self.documentUsers = documentUsers
    self.documentWeights = documentWeights
    userCumulative = Self.cumulative(weights: userWeights, offsets: userOffsets)
    documentCumulative = Self.cumulative(weights: documentWeights, offsets: documentOffsets)
    var numbers: [String: Int] = [:]
    for (number, id) in userIds.enumerated() { numbers[id] = number }
    userNumbers = numbers
  }

  /// Running sums of `weights` restarting at each row.
  static func cumulative(weights: [Float], offsets: [UInt32]) -> [Float] {
    var result = [Float](repeating: 0, count: weights.count)
    for row in 0..<(offsets.count - 1) {
      var total: Float = 0
      for index in Int(offsets[row])..<Int(offsets[row + 1]) {
        total += weights[index]
        result[index] = total
      }
    }
    return result
  }

  /// Number of users.
  public var userCount: Int { userIds.count }
  /// Number of edges (distinct engaged user–document pairs).
  public var edgeCount: Int { userDocuments.count }

  /// The number of user `id`, if the graph has them.
  public func userNumber(_ id: String) -> Int? { userNumbers[id] }

  /// How many users engaged with `document`.
  public func degree(document: Int) -> Int { Int(documentOffsets[document + 1] - documentOffsets[document]) }

  /// How many documents user `user` engaged with.
  public func degree(user: Int) -> Int { Int(userOffsets[user + 1] - userOffsets[user]) }

  /// The largest document degree (Pixie's `C`).
  public var maximumDocumentDegree: Int {
    (0..<documentCount).reduce(0) { max($0, degree(document: $1)) }
  }

  /// The documents user `user` engaged with and the edges' weights, ascending by document.
  public func documents(ofUser user: Int) -> [(document: Int, weight: Double)] {
    (Int(userOffsets[user])..<Int(userOffsets[user + 1])).map { (Int(userDocuments[$0]), Double(userWeights[$0])) }
  }

  /// The users who engaged with `document` and the edges' weights, ascending by user.
  public func users(ofDocument document: Int) -> [(user: Int, weight: Double)] {
    (Int(documentOffsets[document])..<Int(documentOffsets[document + 1])).map { (Int(documentUsers[$0]),
        Double(documentWeights[$0])) }
  }

  /// Checks every invariant; the error names the first one broken.
  public func validate() throws(IndexError) {
    func fail(_ reason: String) -> IndexError { IndexError.corrupt(file: Self.fileName, reason: reason) }
    try Self.checkRows(offsets: userOffsets, neighbours: userDocuments, weights: userWeights, bound: documentCount, side: "user")
    try Self.checkRows(offsets: documentOffsets, neighbours: documentUsers, weights: documentWeights, bound: userIds.count,
                       side: "document")
    guard userDocuments.count == documentUsers.count else { throw fail("the two sides hold different edge counts") }
    var seen = [UInt32](repeating: 0, count: documentCount)
    for user in 0..<userIds.count {
      for index in Int(userOffsets[user])..<Int(userOffsets[user + 1]) {
        let document = Int(userDocuments[index])
        let slot = Int(documentOffsets[document] + seen[document])
        guard slot < Int(documentOffsets[document + 1]), documentUsers[slot] == UInt32(user),
              documentWeights[slot] == userWeights[index] else {
          throw fail("edge user \(user) – document \(document) is missing from the document side")
        }
        seen[document] += 1
      }
    }
    for index in 1..<max(1,
        userIds.count) where !Array(userIds[index - 1].utf8).lexicographicallyPrecedes(Array(userIds[index].utf8)) {
      throw fail("user ids are not sorted and distinct at \(index)")
    }
  }

  private static func checkRows(offsets: [UInt32], neighbours: [UInt32], weights: [Float], bound: Int,
                                side: String) throws(IndexError) {
    func fail(_ reason: String) -> IndexError { IndexError.corrupt(file: fileName, reason: reason) }
    guard offsets.first == 0, Int(offsets.last ?? 0) == neighbours.count, neighbours.count == weights.count else {
      throw fail("\(side) offsets do not span the edges")
    }
    for row in 0..<(offsets.count - 1) {
      guard offsets[row] <= offsets[row + 1] else { throw fail("\(side) offsets decrease at row \(row)") }
      var previous: Int64 = -1
      for index in Int(offsets[row])..<Int(offsets[row + 1]) {
        let neighbour = Int64(neighbours[index])
        guard neighbour < bound else { throw fail("\(side) \(row) has neighbour \(neighbour), outside 0..<\(bound)") }
        guard neighbour > previous else { throw fail("\(side) \(row)'s neighbours are not strictly increasing") }
        guard weights[index].isFinite,
            weights[index] > 0 else { throw fail("\(side) \(row) has a weight that is not positive and finite") }
        previous = neighbour
      }
    }
  }

  public static func == (left: EngagementGraph, right: EngagementGraph) -> Bool {
    left.userIds == right.userIds && left.documentCount == right.documentCount && left.userOffsets == right.userOffsets
      && left.userDocuments == right.userDocuments && left.userWeights == right.userWeights
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(userIds)
    hasher.combine(documentCount)
    hasher.combine(userDocuments)
  }
}

extension EngagementGraph {
  /// The graph of `log` over `reader`'s index: each event an engagement of its action's weight in `settings`
  /// (hides weigh 0, so they are not edges); events on documents the index lacks are counted and skipped.
  public static func build(log: EngagementLog, reader: IndexReader,
                           settings: UserModelSettings = .standard) throws -> (graph: EngagementGraph, unknownDocuments: Int) {
    var engagements: [Engagement] = []
    engagements.reserveCapacity(log.events.count)
    var unknown = 0
    for event in log.events {
      guard let document = try reader.documentNumber(forId: event.document) else {
        unknown += 1
        continue
      }
      engagements.append(Engagement(user: event.user, document: document, weight: settings.actionWeight(event.action)))
    }
    return (try EngagementGraph(engagements: engagements, documentCount: reader.documentCount), unknown)
  }
}
