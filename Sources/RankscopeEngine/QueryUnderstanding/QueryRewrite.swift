/// One change query understanding made (or proposes) to a query: a spelling correction, a synonym expansion or
/// a phrase, with where it came from; each can be switched off by its `id`.
public struct QueryRewrite: Sendable, Hashable, Identifiable {
  /// What kind of change it is.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// A typed word replaced by the corrector's choice (the query searches the corrected word instead).
    case spelling
    /// Words added beside typed ones, with a weight below 1 (the typed words stay).
    case synonym
    /// Typed words recognised as one concept; documents holding them as a phrase get a boost.
    case phrase
    /// The predicted category and content type (not a rewrite of the text: it feeds ranking features).
    case intent
  }

  /// A stable name, e.g. `spelling:kitchn>kitchen`, `synonym:sofa>couch`, `phrase:mid century modern`.
  public var id: String
  /// What kind of change it is.
  public var kind: Kind
  /// The typed words it reads.
  public var original: String
  /// What it searches: the corrected word, the added words, or the phrase.
  public var replacement: String
  /// The weight of the words it adds (synonyms) or of its boost (phrases); 1 for spelling.
  public var weight: Double
  /// Where it came from, e.g. `spelling, p = 0.97`, `synonyms.txt:12`, `log: 14 reformulations, 9 clicked`.
  public var source: String
  /// Whether the search applied it (false: switched off by the user, or only proposed).
  public var isApplied: Bool

  /// Creates a rewrite.
  public init(kind: Kind, original: String, replacement: String, weight: Double = 1, source: String,
              isApplied: Bool = true) {
    self.kind = kind
    self.original = original
    self.replacement = replacement
    self.weight = weight
    self.source = source
    self.isApplied = isApplied
    id = Self.identifier(kind: kind, original: original, replacement: replacement)
  }

  /// The id of the intent prediction (one per query).
  public static let intentIdentifier = "intent"

  /// The id of a rewrite of `kind` from `original` to `replacement`.
  public static func identifier(kind: Kind, original: String, replacement: String) -> String {
    kind == .phrase ? "phrase:\(original)" : "\(kind.rawValue):\(original)>\(replacement)"
  }

  /// A short form for the query bar, e.g. `kitchn→kitchen`, `sofa+couch ×0.8`, `"mid century modern"`.
  public var shortLabel: String {
    switch kind {
    case .spelling: return "\(original)→\(replacement)"
    case .synonym: return "\(original)+\(replacement) ×\(JSONWriter.format(weight))"
    case .phrase: return "\"\(original)\""
    case .intent: return "intent: \(replacement)"
    }
  }
}

/// What the caller asks of query understanding for one search.
public struct QueryUnderstandingOptions: Sendable, Hashable {
  /// Rewrites (by `QueryRewrite.id`) not to apply; they are still reported, as switched off.
  public var disabled: Set<String>
  /// Whether spelling correction, synonyms and phrases run at all (each kind may be off).
  public var kinds: Set<QueryRewrite.Kind>

  /// Every kind on, nothing disabled.
  public static let standard = QueryUnderstandingOptions()

  /// Creates options.
  public init(disabled: Set<String> = [], kinds: Set<QueryRewrite.Kind> = Set(QueryRewrite.Kind.allCases)) {
    self.disabled = disabled
    self.kinds = kinds
  }
}
