/// The words of one category of pins ("kitchen design"): what its pins show and how they are described.
///
/// Lists are written as comma-separated text; a term's synonyms are separated by slashes (see
/// `VocabularyTerm`). Earlier entries are drawn more often (a Zipf-like preference), as on a real site where
/// a few subjects and styles dominate.
public struct CategoryVocabulary: Sendable {
  /// The category's name, as it appears in pins' `category` field and users' interests.
  public let name: String
  /// What the pins show ("kitchen island", "backsplash").
  public let subjects: [VocabularyTerm]
  /// What product pins sell ("bar stool", "pendant light"); empty when the category has no products.
  public let products: [VocabularyTerm]
  /// Styles found only in this category; the vertical's shared styles are added after them.
  public let styles: [VocabularyTerm]
  /// Materials or main ingredients found only in this category; the vertical's shared ones follow.
  public let materials: [VocabularyTerm]
  /// Features that follow "with" ("open shelving", "brass fixtures").
  public let details: [VocabularyTerm]
  /// Board names pins of this category are saved to.
  public let boards: [String]
  /// Tags typical of the category.
  public let tags: [String]
  /// Share of the category's pins that are products.
  public let productShare: Double
  /// Lowest and highest product price, in dollars.
  public let priceRange: ClosedRange<Double>
  /// Relative share of pins and of users' interest that goes to this category.
  public let popularity: Double
  /// How often a pin's colour is named in its text, when it differs from the vertical's.
  public let colourInText: Double?
  /// Title patterns replacing the vertical's, for categories whose slots read differently.
  public let titlePatterns: [String]?
  /// Video title patterns replacing the vertical's.
  public let videoTitlePatterns: [String]?
  /// First-sentence patterns replacing the vertical's.
  public let openingSentences: [String]?
  /// Middle-sentence patterns replacing the vertical's.
  public let middleSentences: [String]?

  /// Creates a category from comma-separated lists.
  public init(name: String, subjects: String, products: String = "", styles: String, materials: String,
              details: String, boards: String, tags: String, productShare: Double = 0,
              priceRange: ClosedRange<Double> = 10...100, popularity: Double = 1, colourInText: Double? = nil,
              titlePatterns: [String]? = nil, videoTitlePatterns: [String]? = nil, openingSentences: [String]? = nil,
              middleSentences: [String]? = nil) {
    self.name = name
    self.subjects = VocabularyTerm.list(subjects)
    self.products = VocabularyTerm.list(products)
    self.styles = VocabularyTerm.list(styles)
    self.materials = VocabularyTerm.list(materials)
    self.details = VocabularyTerm.list(details)
    self.boards = boards.commaSeparatedItems
    self.tags = tags.commaSeparatedItems
    self.productShare = self.products.isEmpty ? 0 : productShare
    self.priceRange = priceRange
    self.popularity = popularity
    self.colourInText = colourInText
    self.titlePatterns = titlePatterns
    self.videoTitlePatterns = videoTitlePatterns
    self.openingSentences = openingSentences
    self.middleSentences = middleSentences
  }
}
