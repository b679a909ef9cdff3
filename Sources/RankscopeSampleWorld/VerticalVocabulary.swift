/// The words and sentence patterns shared by the categories of one vertical ("home decor").
///
/// Patterns are small grammars (see `TextPattern`): `{slot}` inserts an attribute of the pin,
/// `[optional words]` appear half of the time, `<one|another>` picks one alternative, `{a}` is "a" or "an".
public struct VerticalVocabulary: Sendable {
  /// The vertical's name, as it appears in pins' `vertical` field.
  public let name: String
  /// The categories of the vertical.
  public let categories: [CategoryVocabulary]
  /// Styles shared by every category of the vertical, most common first.
  public let styles: [VocabularyTerm]
  /// Materials (or ingredients) shared by every category of the vertical.
  public let materials: [VocabularyTerm]
  /// Occasions and seasons, written as modifiers ("weeknight", "date night", "fall").
  public let occasions: [VocabularyTerm]
  /// Adjectives of praise and mood ("cozy", "easy").
  public let adjectives: [String]
  /// Title patterns of image pins.
  public let titlePatterns: [String]
  /// Title patterns of video pins.
  public let videoTitlePatterns: [String]
  /// Title patterns of product pins.
  public let productTitlePatterns: [String]
  /// Patterns of a description's first sentence.
  public let openingSentences: [String]
  /// Patterns of a description's middle sentence.
  public let middleSentences: [String]
  /// Patterns of a description's last sentence.
  public let closingSentences: [String]
  /// Patterns of product descriptions' sentences.
  public let productSentences: [String]
  /// Patterns of board names, beside the categories' fixed board names.
  public let boardPatterns: [String]
  /// Invented editorial domains pins link to, most common first.
  public let domains: [String]
  /// Invented shop domains product pins link to.
  public let shopDomains: [String]
  /// Words users add to queries of this vertical ("ideas", "recipe").
  public let querySuffixes: [String]
  /// Tags shared by the vertical.
  public let tags: [String]
  /// How often a pin's colour is named in its text, and whether colour is something users search for.
  public let colourInText: Double
  /// Share of the vertical's pins that are videos.
  public let videoShare: Double

  /// Creates a vertical; list arguments are comma-separated text, pattern arguments arrays of patterns.
  public init(name: String, categories: [CategoryVocabulary], styles: String, materials: String,
              occasions: String, adjectives: String, titlePatterns: [String], videoTitlePatterns: [String],
              productTitlePatterns: [String], openingSentences: [String], middleSentences: [String],
              closingSentences: [String], productSentences: [String], boardPatterns: [String], domains: String,
              shopDomains: String, querySuffixes: String, tags: String, colourInText: Double,
              videoShare: Double) {
    self.name = name
    self.categories = categories
    self.styles = VocabularyTerm.list(styles)
    self.materials = VocabularyTerm.list(materials)
    self.occasions = VocabularyTerm.list(occasions)
    self.adjectives = adjectives.commaSeparatedItems
    self.titlePatterns = titlePatterns
    self.videoTitlePatterns = videoTitlePatterns
    self.productTitlePatterns = productTitlePatterns
    self.openingSentences = openingSentences
    self.middleSentences = middleSentences
    self.closingSentences = closingSentences
    self.productSentences = productSentences
    self.boardPatterns = boardPatterns
    self.domains = domains.commaSeparatedItems
    self.shopDomains = shopDomains.commaSeparatedItems
    self.querySuffixes = querySuffixes.commaSeparatedItems
    self.tags = tags.commaSeparatedItems
    self.colourInText = colourInText
    self.videoShare = videoShare
  }
}
