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
  /// The values with their events, by value.
  public var entries: [String: Entry]

  /// Creates an affinity.
  public init(kind: Kind, field: String, totalWeight: Double, entries: [String: Entry]) {
    self.kind = kind
    self.field = field
    self.totalWeight = totalWeight
    self.entries = entries
  }

  /// A field value as affinities compare it: trimmed, lower-cased, inner whitespace collapsed to one space.
  public static func normalize(_ value: String) -> String {
    value.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
