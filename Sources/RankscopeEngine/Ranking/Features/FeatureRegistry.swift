/// The ordered list of features an index supports, adapted to its schema.
///
/// Per-field features (`bm25_<field>`, `length_<field>`) exist once per text field. A feature whose field the
/// schema lacks (no `saves`, no `visual`) is left out of `definitions` and listed in `omitted` with the reason;
/// looking it up throws `FeatureError.unavailableFeature` with that reason, and looking up a name no schema
/// could have throws `FeatureError.unknownFeature` with the closest known names. Features that need a query
/// log or retrieval scores are always present: without their input they are 0 and their explanation says why.
public struct FeatureRegistry: Sendable, Hashable {
  /// The features, in the order of a feature vector's columns.
  public let definitions: [FeatureDefinition]
  /// Features this schema cannot support, with the reasons.
  public let omitted: [OmittedFeature]
  /// The settings the registry was made with.
  public let settings: FeatureSettings
  private let positions: [String: Int]

  /// The registry for `schema`.
  public init(schema: Schema, settings: FeatureSettings = .standard) {
    self.settings = settings
    var definitions: [FeatureDefinition] = []
    var omitted: [OmittedFeature] = []
    let textFields = schema.textFields
    func textField(_ name: String) -> Int? { textFields.firstIndex { $0.name == name } }
    func numericField(_ name: String) -> Int? { schema.numericFields.firstIndex { $0.name == name } }
    func keywordField(_ name: String) -> Int? { schema.keywordFields.firstIndex { $0.name == name } }
    func missing(_ feature: String, _ type: String, _ field: String) {
      let present = schema.field(named: field).map { "; \"\(field)\" is a \($0.type.rawValue) field" } ?? "; the schema has none"
      omitted.append(OmittedFeature(name: feature, reason: "needs a \(type) field \"\(field)\"\(present)"))
    }

    // Lexical.
    if textFields.isEmpty {
      omitted.append(OmittedFeature(name: "bm25f", reason: "the schema has no text field"))
      omitted.append(OmittedFeature(name: "query_coverage", reason: "the schema has no text field"))
    } else {
      definitions.append(FeatureDefinition(
        "bm25f", .lexical, .bm25f, summary: "BM25F score over all text fields (Robertson, Zaragoza & Taylor 2004)",
        formula: "Σ_t qf · idf(t) · tf~ / (k1 + tf~), tf~ = Σ_f w_f · tf_f / B_f",
        inputs: "every text field's tf, length, weight and b; any-field document frequency; k1"))
    }
    for (index, field) in textFields.enumerated() {
      definitions.append(FeatureDefinition(
        "bm25_\(field.name)", .lexical, .fieldBM25(textField: index),
        summary: "classic BM25 of the query against the \(field.name) field alone (Robertson & Zaragoza 2009)",
        formula: "Σ_t qf · idf_f(t) · (tf / B) / (k1 + tf / B), B = 1 - b + b · dl / avgdl",
        inputs: "\(field.name): tf, length, average length, b, document frequency; k1"))
    }
    if !textFields.isEmpty {
      definitions.append(FeatureDefinition(
        "query_coverage", .lexical, .queryCoverage, summary: "fraction of the distinct query terms found in any text field",
        formula: "|{t : tf_f(t) > 0 for some f}| / |distinct query terms|", inputs: "every text field's tf"))
    }
    let titleName = settings.titleField ?? schema.display.title ?? "title"
    if let title = textField(titleName) {
      definitions.append(FeatureDefinition(
        "title_coverage", .lexical, .fieldCoverage(textField: title),
        summary: "fraction of the distinct query terms found in \(titleName)",
        formula: "|{t : tf_\(titleName)(t) > 0}| / |distinct query terms|", inputs: "\(titleName): tf"))
      definitions.append(FeatureDefinition(
        "title_phrase", .proximity, .fieldPhrase(textField: title),
        summary: "1 when the analysed query terms occur contiguously, in order, in \(titleName)",
        formula: "1 if analyse(query) is a contiguous run of analyse(\(titleName)) else 0",
        inputs: "stored \(titleName) text re-analysed with its analyzer; the query's free text"))
    } else {
      missing("title_coverage", "text", titleName)
      missing("title_phrase", "text", titleName)
    }
    let proximityFields = settings.proximityFields.compactMap(textField)
    if proximityFields.isEmpty {
      omitted.append(OmittedFeature(name: "proximity", reason: "needs one of the text fields \(settings.proximityFields.map { "\"\($0)\"" }.joined(separator: ", ")); the schema has none"))
    } else {
      let names = proximityFields.map { textFields[$0].name }.joined(separator: " + ")
      definitions.append(FeatureDefinition(
        "proximity", .proximity, .proximity(textFields: proximityFields),
        summary: "minimum-span proximity of the matched query terms over \(names) (Tao & Zhai 2007)",
        formula: "1 / (1 + span - k): span = shortest window holding all k ≥ 2 matched distinct terms, else 0",
        inputs: "stored \(names) re-analysed (a gap of \(FeatureExtractor.positionGap) positions between fields and values)"))
    }

    // Semantic.
    if let field = schema.textEmbeddingField, let index = schema.vectorFields.firstIndex(where: { $0.name == field.name }) {
      definitions.append(FeatureDefinition(
        "text_similarity", .semantic, .textSimilarity(vectorField: index),
        summary: "cosine between the query embedding and the document's \(field.name) vector",
        formula: "q · d / (|q| · |d|) in float32; 0 without a query embedding or document vector",
        inputs: "the context's query embedding; \(field.name)"))
    } else {
      omitted.append(OmittedFeature(name: "text_similarity", reason: "the schema has no text-embedding vector field"))
    }
    if let index = schema.vectorFields.firstIndex(where: { $0.name == settings.visualField }) {
      definitions.append(FeatureDefinition(
        "visual_similarity", .semantic, .visualCentroidSimilarity(vectorField: index),
        summary: "cosine between the document's \(settings.visualField) vector and the centroid of the top BM25F candidates' vectors",
        formula: "c · d / (|c| · |d|), c = mean of the top \(settings.visualSample) BM25F candidates' \(settings.visualField) vectors",
        inputs: "\(settings.visualField); the context's centroid"))
    } else {
      missing("visual_similarity", "vector", settings.visualField)
    }

    // Popularity and freshness.
    for name in settings.countFields {
      if let index = numericField(name) {
        definitions.append(FeatureDefinition(
          "log_\(name)", .popularity, .logCount(numericField: index), summary: "log(1 + \(name)); 0 when missing",
          formula: "ln(1 + max(0, \(name)))", inputs: name))
      } else {
        missing("log_\(name)", "numeric", name)
      }
    }
    if let index = numericField(settings.createdField) {
      definitions.append(FeatureDefinition(
        "freshness", .freshness, .freshness(numericField: index),
        summary: "exponential decay of the age with a half-life of \(JSONWriter.format(settings.freshnessHalfLifeDays)) days",
        formula: "exp(-ln 2 · age_days / \(JSONWriter.format(settings.freshnessHalfLifeDays))), age_days = max(0, reference - \(settings.createdField)) / 86400",
        inputs: "\(settings.createdField); reference time = the newest \(settings.createdField) in the index"))
    } else {
      missing("freshness", "numeric", settings.createdField)
    }

    // Engagement from the query log.
    let alpha = JSONWriter.format(settings.clickSmoothing)
    definitions.append(FeatureDefinition(
      "click_prior", .engagement, .clickPrior, summary: "the document's smoothed click-through rate over the whole query log",
      formula: "(clicks_d + α · p̄) / (shown_d + α), α = \(alpha), p̄ = all clicks / all impressions",
      inputs: "query log: the document's impressions and clicks"))
    definitions.append(FeatureDefinition(
      "query_click_rate", .engagement, .queryClickRate,
      summary: "the document's click-through rate for this normalised query, smoothed towards click_prior",
      formula: "(clicks_qd + α · click_prior) / (shown_qd + α), α = \(alpha)",
      inputs: "query log: impressions and clicks of the document for the same normalised query"))

    // Intent.
    let categoryName = settings.categoryField ?? schema.retrieval?.popular?.category ?? "category"
    if let index = keywordField(categoryName) {
      definitions.append(FeatureDefinition(
        "category_match", .intent, .categoryMatch(keywordField: index),
        summary: "1 when the document is in the \(categoryName) the top BM25F candidates vote for",
        formula: "1 if predicted \(categoryName) ∈ document's \(categoryName) values else 0",
        inputs: "\(categoryName); the context's predicted intent (top \(settings.intentSample) BM25F candidates)"))
    } else {
      missing("category_match", "keyword", categoryName)
    }
    if let index = keywordField(settings.contentTypeField) {
      definitions.append(FeatureDefinition(
        "content_type_match", .intent, .contentTypeMatch(keywordField: index),
        summary: "1 when the document's \(settings.contentTypeField) is the one the top BM25F candidates vote for",
        formula: "1 if predicted \(settings.contentTypeField) ∈ document's \(settings.contentTypeField) values else 0",
        inputs: "\(settings.contentTypeField); the context's predicted intent"))
    } else {
      missing("content_type_match", "keyword", settings.contentTypeField)
    }
    if let index = keywordField(categoryName) {
      definitions.append(FeatureDefinition(
        "category_intent", .intent, .categoryIntent(keywordField: index),
        summary: "the probability the query-log intent model gives the document's \(categoryName)",
        formula: "P(\(categoryName) = document's value | query), multinomial logistic regression over query n-grams",
        inputs: "\(categoryName); query understanding's intent prediction (0 when the query was not understood)"))
    } else {
      missing("category_intent", "keyword", categoryName)
    }
    if let index = keywordField(settings.contentTypeField) {
      definitions.append(FeatureDefinition(
        "content_type_intent", .intent, .contentTypeIntent(keywordField: index),
        summary: "the probability the query-log intent model gives the document's \(settings.contentTypeField)",
        formula: "P(\(settings.contentTypeField) = document's value | query)",
        inputs: "\(settings.contentTypeField); query understanding's intent prediction"))
    } else {
      missing("content_type_intent", "keyword", settings.contentTypeField)
    }

    // The document alone.
    if let index = numericField(settings.priceField) {
      definitions.append(FeatureDefinition(
        "price_band", .document, .priceBand(numericField: index),
        summary: "0 without a price, else 1, 2 or 3 for the index's low, middle or high price tertile",
        formula: "0 if no price; 1 if price ≤ t1; 2 if price ≤ t2; else 3 (t1, t2: prices at ranks ⌈n/3⌉, ⌈2n/3⌉)",
        inputs: "\(settings.priceField); the index's price tertiles"))
      definitions.append(FeatureDefinition(
        "log_price", .document, .logPrice(numericField: index), summary: "log(1 + price); 0 without a price",
        formula: "ln(1 + max(0, \(settings.priceField)))", inputs: settings.priceField))
    } else {
      missing("price_band", "numeric", settings.priceField)
      missing("log_price", "numeric", settings.priceField)
    }
    for (index, field) in textFields.enumerated() {
      definitions.append(FeatureDefinition(
        "length_\(field.name)", .document, .fieldLength(textField: index),
        summary: "length of \(field.name) in analysed terms (the BM25 document length)",
        formula: "dl_\(field.name)", inputs: "\(field.name) length (norms)"))
    }
    if schema.field(named: settings.tagsKey) != nil || schema.fields.contains(where: { $0.sources.contains(settings.tagsKey) }) {
      definitions.append(FeatureDefinition(
        "tag_count", .document, .valueCount(key: settings.tagsKey),
        summary: "number of values under \"\(settings.tagsKey)\" (a single string counts 1)",
        formula: "|\(settings.tagsKey)|", inputs: "stored \(settings.tagsKey)"))
    } else {
      omitted.append(OmittedFeature(name: "tag_count", reason: "no field reads the key \"\(settings.tagsKey)\""))
    }

    // The query alone, and retrieval.
    definitions.append(FeatureDefinition(
      "query_term_count", .query, .queryTermCount, summary: "number of distinct analysed query terms",
      formula: "|distinct query terms|", inputs: "the parsed query"))
    definitions.append(FeatureDefinition(
      "fused_score", .retrieval, .fusedScore, summary: "the retrieval stage's (fused) score, when the caller gives it",
      formula: "score from retrieval; 0 when not given", inputs: "FeatureCandidate.retrievalScore"))
    definitions.append(FeatureDefinition(
      "best_generator_reciprocal_rank", .retrieval, .bestGeneratorReciprocalRank,
      summary: "1 / the best rank any candidate generator gave the document, when the caller gives it",
      formula: "1 / min_g rank_g; 0 when not given", inputs: "FeatureCandidate.bestGeneratorRank"))

    // Personalization: the request's user profile (0 for anonymous searches).
    if let field = schema.textEmbeddingField, let index = schema.vectorFields.firstIndex(where: { $0.name == field.name }) {
      definitions.append(FeatureDefinition(
        "user_similarity", .personalization, .userSimilarity(vectorField: index),
        summary: "cosine between the user embedding and the document's \(field.name) vector",
        formula: "u · d / (|u| · |d|) in float32, u = Σ_e w_e · x_e / ‖Σ_e w_e · x_e‖ over the user's engagements",
        inputs: "the request's user profile; \(field.name)"))
      definitions.append(FeatureDefinition(
        "interest_similarity", .personalization, .interestSimilarity(vectorField: index),
        summary: "largest cosine between one of the user's interests (Ward-cluster medoids) and the document's "
          + "\(field.name) vector",
        formula: "max_i m_i · d / (|m_i| · |d|), m_i = medoid of interest i (PinnerSage, Pal et al. 2020)",
        inputs: "the request's user profile's interests; \(field.name)"))
    } else {
      for name in ["user_similarity", "interest_similarity"] {
        omitted.append(OmittedFeature(name: name, reason: "the schema has no text-embedding vector field"))
      }
    }
    let affinityFields: [(String, UserAffinity.Kind, String)] = [
      ("category_affinity", .category, categoryName), ("content_type_affinity", .contentType, settings.contentTypeField),
      ("board_affinity", .board, settings.boardField), ("domain_affinity", .domain, settings.domainField),
    ]
    for (name, kind, field) in affinityFields {
      if schema.field(named: field) != nil {
        definitions.append(FeatureDefinition(
          name, .personalization, .affinity(kind),
          summary: "the user's share of engagement weight on documents with this document's \(field)",
          formula: "Σ_{e : \(field)(e) = \(field)(d)} w_e / Σ_e w_e, w_e = action weight · 2^(-age_days / half-life)",
          inputs: "the request's user profile; \(field)"))
      } else {
        omitted.append(OmittedFeature(name: name, reason: "needs a field \"\(field)\"; the schema has none"))
      }
    }
    definitions.append(FeatureDefinition(
      "seen_before", .personalization, .seenBefore,
      summary: "1 when the user engaged with the document before (not by hiding it)",
      formula: "1 if d ∈ seen(user) else 0", inputs: "the request's user profile"))
    definitions.append(FeatureDefinition(
      "hidden_before", .personalization, .hiddenBefore, summary: "1 when the user hid the document (a demotion signal)",
      formula: "1 if d ∈ hidden(user) else 0", inputs: "the request's user profile"))

    self.definitions = definitions
    self.omitted = omitted
    var positions: [String: Int] = [:]
    for (index, definition) in definitions.enumerated() { positions[definition.name] = index }
    self.positions = positions
  }

  /// The feature names, in column order.
  public var names: [String] { definitions.map(\.name) }

  /// The definitions, without the personalization group unless `personalized` (an anonymous search's
  /// personalization columns are all 0, so logs and comparisons leave them out).
  public func definitions(personalized: Bool) -> [FeatureDefinition] {
    personalized ? definitions : definitions.filter { $0.group != .personalization }
  }

  /// The column of feature `name`; throws `FeatureError` naming the closest known names when it is unknown,
  /// or the reason when this schema cannot support it.
  public func index(of name: String) throws(FeatureError) -> Int {
    if let position = positions[name] { return position }
    if let absent = omitted.first(where: { $0.name == name }) {
      throw FeatureError.unavailableFeature(name: name, reason: absent.reason)
    }
    throw FeatureError.unknownFeature(name: name, suggestions: suggestions(for: name))
  }

  /// The definition of feature `name` (see `index(of:)` for the errors).
  public func definition(named name: String) throws(FeatureError) -> FeatureDefinition {
    definitions[try index(of: name)]
  }

  /// Up to three known names closest to `name` (see `NameSuggestions`).
  public func suggestions(for name: String) -> [String] {
    NameSuggestions.closest(to: name, among: definitions.map(\.name) + omitted.map(\.name))
  }
}
