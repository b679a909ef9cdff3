/// One personalization feature that can be switched on and off per request; its raw value is the feature's name.
public enum PersonalizationSignal: String, Sendable, Hashable, CaseIterable, Comparable {
  /// `user_similarity`: cosine of the user embedding and the document's text embedding.
  case userSimilarity = "user_similarity"
  /// `interest_similarity`: the largest cosine of an interest's medoid and the document's text embedding.
  case interestSimilarity = "interest_similarity"
  /// `category_affinity`: the user's share of engagement weight in the document's category.
  case categoryAffinity = "category_affinity"
  /// `content_type_affinity`: the share in the document's content type.
  case contentTypeAffinity = "content_type_affinity"
  /// `board_affinity`: the share in the document's board.
  case boardAffinity = "board_affinity"
  /// `domain_affinity`: the share in the document's source domain.
  case domainAffinity = "domain_affinity"
  /// `seen_before`: 1 when the user engaged with the document before (other than hiding it).
  case seenBefore = "seen_before"
  /// `hidden_before`: 1 when the user hid the document (a demotion signal).
  case hiddenBefore = "hidden_before"

  /// The signal's feature name.
  public var featureName: String { rawValue }

  /// The signal's position in `allCases`.
  public var ordinal: Int {
    switch self {
    case .userSimilarity: return 0
    case .interestSimilarity: return 1
    case .categoryAffinity: return 2
    case .contentTypeAffinity: return 3
    case .boardAffinity: return 4
    case .domainAffinity: return 5
    case .seenBefore: return 6
    case .hiddenBefore: return 7
    }
  }

  /// Hashes the position (cheaper than the raw value's text).
  public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

  /// Signals in declaration order.
  public static func < (left: PersonalizationSignal, right: PersonalizationSignal) -> Bool {
    left.ordinal < right.ordinal
  }

  /// The affinity an affinity signal reads, else nil.
  public var affinityKind: UserAffinity.Kind? {
    switch self {
    case .categoryAffinity: return .category
    case .contentTypeAffinity: return .contentType
    case .boardAffinity: return .board
    case .domainAffinity: return .domain
    case .userSimilarity, .interestSimilarity, .seenBefore, .hiddenBefore: return nil
    }
  }
}
