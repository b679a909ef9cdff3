/// A simulated user with a latent mixture of interests.
public struct SampleUser: Sendable, Hashable {
  /// One category a user cares about, with its share of their attention.
  public struct Interest: Sendable, Hashable {
    /// The category's name.
    public var category: String
    /// The share in hundredths; a user's shares add up to 100.
    public var percent: Int
    /// The share as a fraction.
    public var weight: Double { Double(percent) / 100 }
  }

  /// The user's id, "u0001" and up.
  public var id: String
  /// A realistic first and last name.
  public var name: String
  /// Interests, largest share first (the simulated truth behind their behaviour).
  public var interests: [Interest]
  /// How active the user is, relative to the average user (latent; not written).
  public var activity: Double
}
