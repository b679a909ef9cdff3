/// Which schema fields the features read and the features' parameters. The defaults fit the sample world;
/// a field the schema lacks removes the features that need it from the registry (with the reason).
public struct FeatureSettings: Sendable, Hashable {
  /// The text field of title features (`title_coverage`, `title_phrase`); `nil`: the schema's display title.
  public var titleField: String?
  /// The text fields whose token streams `proximity` reads, in order.
  public var proximityFields: [String]
  /// Numeric fields turned into `log_<field>` = log(1 + value).
  public var countFields: [String]
  /// The numeric field holding the creation time (Unix seconds).
  public var createdField: String
  /// The numeric field holding the price.
  public var priceField: String
  /// The keyword field whose predicted value `category_match` compares; `nil`: the popular generator's
  /// category field, else `category`.
  public var categoryField: String?
  /// The keyword field whose predicted value `content_type_match` compares.
  public var contentTypeField: String
  /// The field whose value `board_affinity` looks up in the user's board affinity.
  public var boardField: String
  /// The field whose value `domain_affinity` looks up in the user's domain affinity.
  public var domainField: String
  /// The vector field of `visual_similarity`.
  public var visualField: String
  /// The JSON key whose values `tag_count` counts.
  public var tagsKey: String
  /// Half-life of `freshness`, in days.
  public var freshnessHalfLifeDays: Double
  /// The smoothing strength α of the click-through features (pseudo-impressions at the prior rate).
  public var clickSmoothing: Double
  /// How many history items a personalization feature's explanation lists.
  public var personalContributorCount: Int = 5
  /// How many top BM25F candidates vote for the predicted category and content type.
  public var intentSample: Int
  /// How many top BM25F candidates' visual vectors make the centroid.
  public var visualSample: Int

  /// Creates settings; every parameter has the sample world's default.
  public init(titleField: String? = nil, proximityFields: [String] = ["title", "description"],
              countFields: [String] = ["saves", "clicks"], createdField: String = "created", priceField: String = "price",
              categoryField: String? = nil, contentTypeField: String = "type", boardField: String = "board",
              domainField: String = "domain", visualField: String = "visual",
              tagsKey: String = "tags", freshnessHalfLifeDays: Double = 180, clickSmoothing: Double = 10,
              intentSample: Int = 20, visualSample: Int = 10) {
    self.titleField = titleField
    self.proximityFields = proximityFields
    self.countFields = countFields
    self.createdField = createdField
    self.priceField = priceField
    self.categoryField = categoryField
    self.contentTypeField = contentTypeField
    self.boardField = boardField
    self.domainField = domainField
    self.visualField = visualField
    self.tagsKey = tagsKey
    self.freshnessHalfLifeDays = freshnessHalfLifeDays
    self.clickSmoothing = clickSmoothing
    self.intentSample = intentSample
    self.visualSample = visualSample
  }

  /// The defaults.
  public static let standard = FeatureSettings()
}
