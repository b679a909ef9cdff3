/// The users of an index with their profiles: look up by id, search by name or id, and a short summary of each.
public struct UserDirectory: Sendable {
  /// The profiles, in the users file's order.
  public let profiles: [UserProfile]
  /// The reference time the profiles were built with (the engagement log's latest timestamp).
  public let referenceTime: Double
  private let positions: [String: Int]

  /// A directory of `profiles` (ids must be distinct; a repeated id keeps the first).
  public init(profiles: [UserProfile], referenceTime: Double) {
    self.profiles = profiles
    self.referenceTime = referenceTime
    var positions: [String: Int] = [:]
    for (index, profile) in profiles.enumerated() where positions[profile.userId] == nil { positions[profile.userId] = index }
    self.positions = positions
  }

  /// The profile of user `id`, or nil.
  public func profile(id: String) -> UserProfile? { positions[id].map { profiles[$0] } }

  /// The profile of user `id`, or an error naming the id and suggesting near ids and names.
  public func require(id: String) throws -> UserProfile {
    if let profile = profile(id: id) { return profile }
    throw PersonalizationError.unknownUser(id: id, suggestions: suggestions(for: id))
  }

  /// Up to three user ids close to `text` (by id, else by name).
  public func suggestions(for text: String) -> [String] {
    let byId = NameSuggestions.closest(to: text, among: profiles.map(\.userId))
    if !byId.isEmpty { return byId }
    let names = NameSuggestions.closest(to: text, among: profiles.map(\.name))
    return names.compactMap { name in profiles.first { $0.name == name }?.userId }
  }

  /// Users whose id or name contains `query` (case-insensitive), in file order; all users for an empty query.
  public func search(_ query: String) -> [UserProfile] {
    let wanted = query.lowercased().trimmingWhitespace()
    guard !wanted.isEmpty else { return profiles }
    return profiles.filter { $0.userId.lowercased().contains(wanted) || $0.name.lowercased().contains(wanted) }
  }

  /// A short summary of `profile`: its top interests by category share and its activity counts.
  public static func summary(of profile: UserProfile, interestCount: Int = 3) -> UserSummary {
    var top: [(String, Double)] = []
    if let category = profile.affinity(.category) {
      top = category.entries.keys.map { ($0, profile.affinityShare(.category, value: $0)) }
        .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }
    return UserSummary(
      userId: profile.userId, name: profile.name,
      topCategories: Array(top.prefix(interestCount)).map { UserSummary.Share(value: $0.0, share: $0.1) },
      interestLabels: profile.interests.map(\.label), activity: profile.activity)
  }
}

/// What a user list shows of one user: top categories with their shares, interest names, activity.
public struct UserSummary: Sendable, Hashable {
  /// A value with its share of the user's engagement weight.
  public struct Share: Sendable, Hashable {
    /// The category.
    public var value: String
    /// Its affinity, from 0 to 1.
    public var share: Double
  }

  /// The user's id.
  public var userId: String
  /// The display name.
  public var name: String
  /// The categories with the largest affinity, largest first.
  public var topCategories: [Share]
  /// The interests' labels, most important first.
  public var interestLabels: [String]
  /// The activity counts.
  public var activity: UserActivity

  /// One line: `u0001 Ingrid Ross · kitchen design 42%, … · 3 interests · 98 events (7 in 7 days), last 0.4 days ago`.
  public var line: String {
    let categories = topCategories.map { "\($0.value) \(Int(($0.share * 100).rounded()))%" }.joined(separator: ", ")
    let last = activity.lastActiveDays.map { "last \(JSONWriter.format(($0 * 10).rounded() / 10)) days ago" } ?? "never active"
    return "\(userId) \(name) · \(categories.isEmpty ? "no engagement" : categories) · \(interestLabels.count) interest"
      + "\(interestLabels.count == 1 ? "" : "s") · \(activity.total) events (\(activity.lastWeek) in 7 days), \(last)"
  }
}

/// Why a personalization request could not be served.
public enum PersonalizationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No user has this id.
  case unknownUser(id: String, suggestions: [String])
  /// No user profiles are available for this index, and why.
  case unavailable(String)

  public var description: String {
    switch self {
    case .unknownUser(let id, let suggestions):
      return "unknown user \"\(id)\"" + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?")
    case .unavailable(let reason): return "no user profiles: \(reason)"
    }
  }
}
