/// Leave-last-out for next-item recommendation: each user's latest interaction is held out and everything
/// before it is training (the protocol of e.g. He et al., "Neural Collaborative Filtering", WWW 2017, ranked
/// over the full catalogue rather than sampled negatives).
///
/// "Latest" is the largest timestamp, ties going to the interaction given last. The held-out document's other
/// interactions (a repeat of the same document) are dropped from training, so it is never a training item.
/// Users with fewer than two distinct documents are not evaluated (their interactions stay in training).
public struct LeaveLastOutSplit: Sendable {
  /// One interaction: a user number, a document number, when, and its weight (e.g. an action weight).
  public struct Interaction: Sendable, Hashable {
    /// The user's number.
    public var user: Int
    /// The document's number.
    public var document: Int
    /// When (seconds).
    public var timestamp: Double
    /// The interaction's weight.
    public var weight: Double

    /// Creates an interaction.
    public init(user: Int, document: Int, timestamp: Double, weight: Double = 1) {
      self.user = user
      self.document = document
      self.timestamp = timestamp
      self.weight = weight
    }
  }

  /// Training interactions, in the order given.
  public var training: [Interaction]
  /// The held-out interaction of each evaluated user, by user number ascending.
  public var heldOut: [Interaction]

  /// Splits `interactions` (in the order they were logged).
  public init(_ interactions: [Interaction]) {
    var latest: [Int: Int] = [:]
    var documents: [Int: Set<Int>] = [:]
    for (index, interaction) in interactions.enumerated() {
      documents[interaction.user, default: []].insert(interaction.document)
      if let current = latest[interaction.user], interactions[current].timestamp > interaction.timestamp { continue }
      latest[interaction.user] = index
    }
    var held: [Int: Interaction] = [:]
    for (user, index) in latest where (documents[user]?.count ?? 0) >= 2 { held[user] = interactions[index] }
    training = interactions.filter { interaction in
      guard let out = held[interaction.user] else { return true }
      return interaction.document != out.document
    }
    heldOut = held.keys.sorted().map { held[$0]! }
  }
}
