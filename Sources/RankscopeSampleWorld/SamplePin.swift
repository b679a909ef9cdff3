/// One pin (document) of the sample world, with the latent truth it was generated from.
public struct SamplePin: Sendable, Hashable {
  /// What a pin is.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// A photo.
    case image
    /// A short video.
    case video
    /// Something for sale, with a price.
    case product
  }

  /// The pin's id, "p000001" and up.
  public var id: String
  /// The title.
  public var title: String
  /// One to three sentences.
  public var description: String
  /// The name of the board the pin was saved to.
  public var board: String
  /// Two to six lower-case tags.
  public var tags: [String]
  /// The category's name, such as "kitchen design".
  public var category: String
  /// The vertical's name, such as "home decor".
  public var vertical: String
  /// Image, video or product.
  public var kind: Kind
  /// The price in cents, for products only.
  public var priceInCents: Int?
  /// The invented source domain.
  public var domain: String
  /// Creation time, in Unix seconds.
  public var created: Int
  /// Number of saves.
  public var saves: Int
  /// Number of clicks.
  public var clicks: Int
  /// The dominant colour's name.
  public var color: String
  /// The simulated visual embedding, in ten-thousandths (so that it prints exactly with four decimals).
  public var visualTenThousandths: [Int]
  /// What the pin really is; never written to the pins file.
  public var truth: SamplePinTruth

  /// The price in dollars, for products.
  public var price: Double? { priceInCents.map { Double($0) / 100 } }
  /// The simulated visual embedding, unit length up to rounding.
  public var visual: [Double] { visualTenThousandths.map { Double($0) / 10_000 } }
}

/// The latent truth behind a pin: what it shows and how good it is. Text, visual vector, engagement and
/// judgments are all derived from it; the files only show its traces.
public struct SamplePinTruth: Sendable, Hashable {
  /// Index of the category in `SampleCatalog.categories`.
  public var categoryIndex: Int
  /// Index of the vertical in `SampleCatalog.verticals`.
  public var verticalIndex: Int
  /// Canonical subject ("kitchen island").
  public var subject: String
  /// Canonical style ("farmhouse").
  public var style: String
  /// Canonical material or main ingredient ("brass", "chicken").
  public var material: String
  /// Canonical features, the main one first ("open shelving").
  public var details: [String]
  /// Canonical dominant colour.
  public var colour: String
  /// Canonical occasion or season.
  public var occasion: String
  /// Quality in (0, 1): drives description length, engagement and the production ranker.
  public var quality: Double
  /// Index of the title pattern used, for variety checks (negative for the vague titles shared by all).
  public var titlePattern: Int
}
