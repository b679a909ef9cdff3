import RankscopeEngine

/// Everything the explorer shows; changed only by `reduce(_:_:)`.
public struct AppState: Sendable {
  /// The collection's schema (fields to show, filter examples for the hint).
  public var schema: Schema
  /// Number of documents searched.
  public var documentCount: Int
  /// The query being edited.
  public var query: QueryEditor
  /// Generation of the latest query edit; results of older generations are dropped.
  public var generation: Int
  /// Generation of the results (or error) now shown.
  public var completedGeneration: Int
  /// The results shown, if any.
  public var outcome: SearchOutcome?
  /// The last search error, shown in the status line until the next successful search.
  public var errorMessage: String?
  /// Index of the selected hit.
  public var selection: Int
  /// Index of the first visible hit.
  public var resultsScroll: Int
  /// Fold state of the selected hit's explanation.
  public var explanation: ExplanationViewState
  /// The panel with the keyboard focus.
  public var focus: Focus
  /// Whether the help overlay is shown.
  public var isHelpVisible: Bool
  /// First visible line of the help overlay.
  public var helpScroll: Int
  /// Terminal size in cells.
  public var width: Int
  public var height: Int
  /// How many hits each search asks for.
  public var resultLimit: Int
  /// False once the user asked to quit.
  public var isRunning: Bool
  /// Which retrieval path searches use (F2 cycles lexical → semantic → hybrid).
  public var retrieval: RetrievalMode
  /// How hybrid retrieval fuses (the schema's defaults, else the standard RRF), shown in the status line.
  public var fusion: FusionSettings
  /// Whether semantic retrieval can run, and if not, why.
  public var semanticStatus: SemanticStatus
  /// A passing message for the status line (e.g. why semantic retrieval is off); cleared by the next edit.
  public var notice: String?

  /// Creates the state for a collection.
  public init(schema: Schema, documentCount: Int, width: Int = 80, height: Int = 24, resultLimit: Int = 50) {
    self.schema = schema
    self.documentCount = documentCount
    query = QueryEditor()
    generation = 0
    completedGeneration = 0
    outcome = nil
    errorMessage = nil
    selection = 0
    resultsScroll = 0
    explanation = ExplanationViewState()
    focus = .query
    isHelpVisible = false
    helpScroll = 0
    self.width = width
    self.height = height
    self.resultLimit = resultLimit
    isRunning = true
    retrieval = .lexical
    fusion = schema.retrieval?.fusion ?? .standard
    semanticStatus = .off(reason: "no sentence encoder is attached")
    notice = nil
  }

  /// Creates the state for a search service (its schema and document count).
  public init(service: any SearchService, width: Int = 80, height: Int = 24, resultLimit: Int = 50) {
    self.init(schema: service.schema, documentCount: service.documentCount, width: width, height: height,
              resultLimit: resultLimit)
    semanticStatus = service.semanticStatus
    if case .off(let reason) = semanticStatus, service.schema.textEmbeddingField != nil {
      notice = "semantic retrieval is off: \(reason)"
    }
  }

  /// The layout for the current size.
  public var layout: ScreenLayout { ScreenLayout.compute(width: width, height: height) }

  /// The hits shown (empty without results).
  public var hits: [SearchHit] { outcome?.response.hits ?? [] }

  /// The selected hit, if any.
  public var selectedHit: SearchHit? { hits.indices.contains(selection) ? hits[selection] : nil }

  /// The stored document of the selected hit, if any.
  public var selectedDocument: JSONValue? {
    guard let outcome, outcome.documents.indices.contains(selection) else { return nil }
    return outcome.documents[selection]
  }

  /// Whether a search for the current query has not come back yet.
  public var isSearching: Bool { completedGeneration != generation && !query.characters.isEmpty }

  /// The visible rows of the selected hit's explanation.
  public var explanationRows: [ExplanationRow] {
    guard let tree = selectedHit?.explanation else { return [] }
    return ExplanationTree.rows(tree, expanded: explanation.expanded)
  }

  /// The field shown as a hit's title: the schema's display title, else the first text field.
  public var titleField: String? { schema.display.title ?? schema.textFields.first?.name }

  /// Fields shown beside a hit's title: the schema's display details, else up to three keyword and numeric
  /// fields.
  public var detailFields: [String] {
    if !schema.display.details.isEmpty { return schema.display.details }
    return Array((schema.keywordFields + schema.numericFields).map(\.name).prefix(3))
  }

  /// The retrieval mode as the status line names it: `BM25F`, `semantic`, or `hybrid · RRF k=60`.
  public var retrievalLabel: String {
    switch retrieval {
    case .lexical: return "BM25F"
    case .semantic: return "semantic"
    case .hybrid: return "hybrid · \((outcome?.response.fusion ?? fusion).summary)"
    }
  }

  /// The search request for the current query.
  public var currentRequest: SearchRequest {
    SearchRequest(query: query.text, limit: resultLimit, explain: true, retrieval: retrieval)
  }
}
