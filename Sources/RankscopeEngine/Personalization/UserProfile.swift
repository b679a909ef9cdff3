/// What the engine knows of one user, built from their engagement history by `UserModelBuilder`: a user
/// embedding, interests, affinities, recent activity, and the documents seen and hidden.
///
/// Every part refers back to `events` (by position), so explanations can list the history items that built it.
public struct UserProfile: Sendable, Hashable {
  /// The user's id.
  public var userId: String
  /// The display name.
  public var name: String
  /// The reference time (Unix seconds) ages are measured from: the engagement log's latest timestamp.
  public var referenceTime: Double
  /// The user's events on indexed documents, oldest first, each with its pooling weight.
  public var events: [UserEvent]
  /// Events whose document is not in the index (skipped).
  public var skippedEventCount: Int
  /// The engaged documents (hides excluded, within the history cap), each with its summed weight, heaviest first.
  public var engagedDocuments: [EngagedDocument]
  /// The unit-length weighted mean of the engaged documents' text embeddings (`nil`: none has one).
  public var embedding: [Float]?
  /// `‖Σ w_i · e_i‖` before normalisation, to split `user_similarity` into per-document contributions.
  public var embeddingNorm: Double
  /// Interests (Ward clusters of the engaged documents), most important first.
  public var interests: [UserInterest]
  /// Category, content type, board and domain affinities.
  public var affinities: [UserAffinity]
  /// Counts of recent events.
  public var activity: UserActivity
  /// Ids of documents engaged with other than by a hide.
  public var seenDocuments: Set<String>
  /// Ids of documents hidden.
  public var hiddenDocuments: Set<String>

  /// Creates a profile (`UserModelBuilder` makes them).
  public init(
    userId: String, name: String, referenceTime: Double, events: [UserEvent], skippedEventCount: Int,
    engagedDocuments: [EngagedDocument], embedding: [Float]?, embeddingNorm: Double, interests: [UserInterest],
    affinities: [UserAffinity], activity: UserActivity, seenDocuments: Set<String>, hiddenDocuments: Set<String>
  ) {
    self.userId = userId
    self.name = name
    self.referenceTime = referenceTime
    self.events = events
    self.skippedEventCount = skippedEventCount
    self.engagedDocuments = engagedDocuments
    self.embedding = embedding
    self.embeddingNorm = embeddingNorm
    self.interests = interests
    self.affinities = affinities
    self.activity = activity
    self.seenDocuments = seenDocuments
    self.hiddenDocuments = hiddenDocuments
  }

  /// The affinity of `kind`, when the index has its field.
  public func affinity(_ kind: UserAffinity.Kind) -> UserAffinity? { affinities.first { $0.kind == kind } }
}

/// One engagement in a profile: the document, the action, when, and its pooling weight.
public struct UserEvent: Sendable, Hashable {
  /// The document number in the index.
  public var document: Int
  /// The document id.
  public var documentId: String
  /// What the user did.
  public var action: EngagementAction
  /// Seconds since 1970.
  public var timestamp: Double
  /// The search it came from, if any.
  public var query: String?
  /// `actionWeight · decay` (0 for hides and for events beyond the history cap).
  public var weight: Double

  /// Creates an event.
  public init(document: Int, documentId: String, action: EngagementAction, timestamp: Double, query: String?, weight: Double) {
    self.document = document
    self.documentId = documentId
    self.action = action
    self.timestamp = timestamp
    self.query = query
    self.weight = weight
  }
}

/// A document the user engaged with, its events' weights summed.
public struct EngagedDocument: Sendable, Hashable {
  /// The document number.
  public var document: Int
  /// The document id.
  public var documentId: String
  /// The sum of its events' weights, in event order.
  public var weight: Double
  /// Positions in `UserProfile.events` of its weighted events.
  public var events: [Int]

  /// Creates an engaged document.
  public init(document: Int, documentId: String, weight: Double, events: [Int]) {
    self.document = document
    self.documentId = documentId
    self.weight = weight
    self.events = events
  }
}

/// One interest: a Ward cluster of engaged documents (PinnerSage, Pal et al. KDD 2020), represented by its medoid.
public struct UserInterest: Sendable, Hashable {
  /// The medoid's document number: the member closest, in summed squared distance, to the others.
  public var medoid: Int
  /// The medoid's id.
  public var medoidId: String
  /// The medoid's text embedding (the interest vector).
  public var vector: [Float]
  /// Σ of the members' weights (time-decayed action weights).
  public var importance: Double
  /// Positions in `UserProfile.engagedDocuments` of the members.
  public var members: [Int]
  /// The members' most weighted category (empty when none has one), naming the interest.
  public var label: String

  /// Creates an interest.
  public init(medoid: Int, medoidId: String, vector: [Float], importance: Double, members: [Int], label: String) {
    self.medoid = medoid
    self.medoidId = medoidId
    self.vector = vector
    self.importance = importance
    self.members = members
    self.label = label
  }
}

/// Recent activity: events (every action) in the last 1, 7 and 30 days and overall, and the age of the last one.
public struct UserActivity: Sendable, Hashable {
  /// Events within a day of the reference time.
  public var lastDay: Int
  /// Events within 7 days.
  public var lastWeek: Int
  /// Events within 30 days.
  public var lastMonth: Int
  /// All events on indexed documents.
  public var total: Int
  /// Events per action, in `EngagementAction.allCases` order.
  public var byAction: [Int]
  /// Days from the last event to the reference time (`nil`: no event).
  public var lastActiveDays: Double?

  /// Creates activity counts.
  public init(lastDay: Int, lastWeek: Int, lastMonth: Int, total: Int, byAction: [Int], lastActiveDays: Double?) {
    self.lastDay = lastDay
    self.lastWeek = lastWeek
    self.lastMonth = lastMonth
    self.total = total
    self.byAction = byAction
    self.lastActiveDays = lastActiveDays
  }

  /// Events of `action`.
  public func count(_ action: EngagementAction) -> Int {
    byAction[EngagementAction.allCases.firstIndex(of: action)!]
  }
}
