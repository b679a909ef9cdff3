/// A user's affinity for the values of one document field (category, content type, board, domain): the share
/// of their engagement weight on documents holding each value.
///
/// `affinity(v) = Σ_{e : document(e) holds v} w_e / Σ_e w_e` over the pooled events (hides weigh 0).
public struct UserAffinity: Sendable, Hashable {
  /// Which field the affinity is over.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// The category field.
    case category
    /// The content type field.
    case contentType = "content_type"
    /// The board field.
    case board
    /// The source domain field.
    case domain

    /// The kind's position in `allCases`.
    public var ordinal: Int {
      switch self {
      case .category: return 0
      case .contentType: return 1
      case .board: return 2
      case .domain: return 3
      }
    }

    /// The signal of the affinity feature over this kind.
    public var signal: PersonalizationSignal {
      switch self {
      case .category: return .categoryAffinity
      case .contentType: return .contentTypeAffinity
      case .board: return .boardAffinity
      case .domain: return .domainAffinity
      }
    }
  }

  /// One value's weight and the events that built it.
  public struct Entry: Sendable, Hashable {
    /// The normalised value.
    public var value: String
    /// Positions in `UserProfile.events` of the weighted events on documents holding it, heaviest first (ties:
    /// earlier event first).
    public var events: [Int]

    /// Creates an entry.
    public init(value: String, events: [Int]) {
      self.value = value
      self.events = events
    }
  }

  /// Which affinity this is.
  public var kind: Kind
  /// The document field read.
  public var field: String
  /// The sum of all pooled events' weights, in event order (the denominator).
  public var totalWeight: Double
  /// The values with their events, by value (normalised: see `normalize`).
  public var entries: [String: Entry]

  /// Creates an affinity.
  public init(kind: Kind, field: String, totalWeight: Double, entries: [String: Entry]) {
    self.kind = kind
    self.field = field
    self.totalWeight = totalWeight
    self.entries = entries
  }

  /// A value of a field that is not a keyword field as affinities compare it: trimmed, lower-cased, inner
  /// whitespace collapsed to one space. (Values of keyword fields are kept as the index stores them.)
  public static func normalize(_ value: String) -> String {
    value.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
