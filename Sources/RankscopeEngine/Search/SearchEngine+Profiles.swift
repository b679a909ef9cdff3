import Foundation

/// Running a rank profile: retrieve with the profile's generators (each to its depth), fuse when there are
/// several, then L1 (a linear model over features), then blend, recording each stage in the trace and in every
/// hit's explanation (one child per stage).
///
/// The hit's score is the last scoring stage's (L1 when the profile has one, else retrieval's). In the
/// explanation that stage's node carries the value; earlier scoring stages appear as leaves of value 0 holding
/// their own trees ("replaced by L1"), and the blend node is a leaf of value 0 (it moves hits, it does not score
/// them), so the root, a sum, equals the score exactly.
extension SearchEngine {
  /// The generators a profile names, built for this index (in the profile's order).
  func generators(of profile: RankProfile, overrides: [String: any CandidateGenerator] = [:]) throws -> [any CandidateGenerator] {
    try profile.retrieval.generators.map { entry throws -> any CandidateGenerator in
      if let generator = overrides[entry.name] { return generator }
      if entry.name == BM25FGenerator.generatorName { return BM25FGenerator(scorer: BM25FScorer(reader: reader)) }
      if let field = schema.textEmbeddingField, entry.name == VectorGenerator.generatorName(field: field.name) {
        return try vectorGenerator()
      }
      if let settings = schema.retrieval?.popular, entry.name == PopularInCategoryGenerator.generatorName(category: settings.category),
         let generator = PopularInCategoryGenerator(reader: reader, settings: settings) {
        return generator
      }
      throw QueryError("rank profile \(profile.name): generator \(entry.name) is not available on this index (it offers \(schema.generatorNames.joined(separator: ", ")))")
    }
  }

  /// Runs `profile` for a query whose terms, embedding and filters are resolved in `query`.
  ///
  /// `pendingVector`, when given, is the query's embedding being computed on another thread: the lexical
  /// generators (those before the first vector generator) and the feature context's lexical part run
  /// meanwhile. The `understand` stage's time then adds the embedding's own time and `retrieve`'s leaves out the
  /// wait for it, so stage times can add up to more than the search took.
  func profileSearch(_ request: SearchRequest, profile: RankProfile, query startingQuery: GeneratorQuery,
                     pendingVector: BackgroundValue<[Float]>?, parsed: ParsedQuery, intent: IntentPrediction? = nil,
                     limit: Int, trace startingTrace: [StageTrace], clock startingClock: StageClock,
                     recommendation: RecommendationRun? = nil) throws -> SearchResponse {
    var trace = startingTrace
    var clock = startingClock
    var query = startingQuery
    let generators = try generators(of: profile, overrides: recommendation?.generators ?? [:])
    let featureExtractor = profile.l1 != nil || profile.l2 != nil ? try featureExtractor() : nil
    var lexicalContext: FeatureContext?
    var isVectorResolved = pendingVector == nil
    var waitedSeconds = 0.0
    // L1's lexical features of the lexical generators' candidates, computed while the embedding is on its way.
    var earlyL1: (columns: [Int], rows: [Int: Int], matrix: FeatureMatrix)?
    var earlyL1Seconds = 0.0
    /// Waits for the embedding (once), after making the feature context's lexical part and L1's lexical
    /// features of the candidates found so far (on this thread alone: the encoder has the others).
    func resolveVector() throws {
      guard !isVectorResolved, let pendingVector else { return }
      if let featureExtractor, lexicalContext == nil {
        lexicalContext = try featureExtractor.lexicalContext(query: request.query, parsed: parsed, intent: intent, queryLog: queryLog, user: request.user)
      }
      if let l1 = profile.l1, let featureExtractor, let lexicalContext, !lists.isEmpty {
        let earlyStart = DispatchTime.now().uptimeNanoseconds
        let definitions = try l1.weights.map { try featureExtractor.registry.definition(named: $0.feature) }
        let columns = definitions.indices.filter { definitions[$0].kind.isLexical }
        if !columns.isEmpty {
          var documents: [Int] = []
          var rows: [Int: Int] = [:]
          for list in lists {
            for candidate in list.candidates where rows[candidate.document] == nil {
              rows[candidate.document] = documents.count
              documents.append(candidate.document)
            }
          }
          let matrix = try featureExtractor.values(candidates: documents.map { FeatureCandidate(document: $0) },
                                                   features: columns.map { definitions[$0] }, context: lexicalContext,
                                                   maximumThreads: 1)
          earlyL1 = (columns, rows, matrix)
        }
        earlyL1Seconds = Double(DispatchTime.now().uptimeNanoseconds - earlyStart) / 1e9
      }
      let waitStart = DispatchTime.now().uptimeNanoseconds
      let (vector, seconds) = try pendingVector.value()
      waitedSeconds = Double(DispatchTime.now().uptimeNanoseconds - waitStart) / 1e9
      query.vector = vector
      isVectorResolved = true
      if let understand = trace.lastIndex(where: { $0.name == "understand" }) { trace[understand].seconds += seconds }
    }
    var lists: [CandidateList] = []
    for (index, generator) in generators.enumerated() {
      if generator is VectorGenerator { try resolveVector() }
      lists.append(try generator.generate(query, depth: profile.retrieval.generators[index].depth, earlier: lists))
    }
    try resolveVector()
    let retrievedCount = lists.reduce(0) { $0 + $1.candidates.count }
    trace.append(StageTrace(name: "retrieve", inputCount: query.filter?.count ?? reader.documentCount,
                            outputCount: retrievedCount, seconds: max(0, clock.lap() - waitedSeconds - earlyL1Seconds)))

    // Retrieval's list (fused when several generators ran), its provenance and explanation.
    var retrieved: [(document: Int, score: Double)]
    let fuser: ScoreFusion?
    if lists.count == 1 {
      fuser = nil
      retrieved = lists[0].candidates.map { ($0.document, $0.score) }
    } else {
      let weights = profile.retrieval.generators.map { profile.retrieval.fusion.weights[$0.name] ?? 1 }
      let fusion = ScoreFusion(settings: profile.retrieval.fusion, lists: lists, weights: weights)
      fuser = fusion
      retrieved = fusion.fuse().map { ($0.document, $0.score) }
      trace.append(StageTrace(name: "fuse", inputCount: retrievedCount, outputCount: retrieved.count,
                              cutoffScore: retrieved.last?.score, seconds: clock.lap()))
    }
    let retrievalRank = Dictionary(uniqueKeysWithValues: retrieved.enumerated().map { ($0.element.document, $0.offset + 1) })
    func sources(_ document: Int) -> [CandidateSource] {
      if let fuser { return fuser.sources(of: document) }
      guard let candidate = lists[0].candidates.first(where: { $0.document == document }) else { return [] }
      return [CandidateSource(generator: lists[0].generator, rank: candidate.rank, score: candidate.score)]
    }
    func retrievalTree(_ document: Int) throws -> Explanation {
      if let fuser {
        let tree = try fuser.explain(document) { index, candidate in
          try generators[index].explain(query, candidate: candidate, in: lists[index])
        }
        return Explanation(value: tree.value, label: "retrieve · \(profile.retrieval.fusion.method.rawValue): \(tree.label)",
                           combination: tree.combination, children: tree.children)
      }
      guard let candidate = lists[0].candidates.first(where: { $0.document == document }) else {
        return .leaf(0, "retrieve · not retrieved")
      }
      let tree = try generators[0].explain(query, candidate: candidate, in: lists[0])
      return Explanation(value: tree.value, label: "retrieve · \(tree.label)", combination: tree.combination, children: tree.children)
    }

    // L1: bias + Σ weight · feature over the features it names, the best `keep` handed on.
    var ranked = retrieved
    var l1Context: (extractor: FeatureExtractor, context: FeatureContext, features: [FeatureDefinition])?
    var l1Rank: [Int: Int] = [:]
    var l1Scored: [(document: Int, score: Double)] = []
    if let l1 = profile.l1 {
      let extractor = try featureExtractor ?? self.featureExtractor()
      let features = try l1.weights.map { entry throws -> FeatureDefinition in try extractor.registry.definition(named: entry.feature) }
      let context = try extractor.attaching(
        query.vector,
        to: lexicalContext ?? extractor.lexicalContext(query: request.query, parsed: parsed, intent: intent, queryLog: queryLog, user: request.user))
      let candidates = retrieved.map { entry in
        FeatureCandidate(document: entry.document, retrievalScore: entry.score,
                         bestGeneratorRank: sources(entry.document).map(\.rank).min())
      }
      let matrix = try Self.l1Matrix(extractor: extractor, candidates: candidates, features: features, context: context,
                                     early: earlyL1)
      let weights = l1.weights.map(\.weight)
      var scored: [(document: Int, score: Double)] = []
      scored.reserveCapacity(candidates.count)
      for (row, candidate) in candidates.enumerated() {
        let values = Array(matrix.values[(row * features.count)..<((row + 1) * features.count)])
        scored.append((candidate.document, Self.linearScore(bias: l1.bias, weights: weights, values: values)))
      }
      scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
      l1Scored = scored
      let inputCount = scored.count
      ranked = Array(scored.prefix(l1.keep))
      for (offset, entry) in ranked.enumerated() { l1Rank[entry.document] = offset + 1 }
      l1Context = (extractor, context, features)
      trace.append(StageTrace(name: "L1", inputCount: inputCount, outputCount: ranked.count, cutoffScore: ranked.last?.score,
                              seconds: clock.lap() + earlyL1Seconds))
    }

    // L2: the tree ensemble over its features, the best `keep` handed on.
    var l2State: (model: TreeEnsemble, extractor: FeatureExtractor, context: FeatureContext, features: [FeatureDefinition])?
    var l2Rank: [Int: Int] = [:]
    var l2Scored: [(document: Int, score: Double)] = []
    var l2Matrix: FeatureMatrix?
    var l2Rows: [Int: Int] = [:]
    if let l2 = profile.l2 {
      let (model, compiled) = try models.model(at: l2.modelPath)
      let extractor = try featureExtractor ?? self.featureExtractor()
      guard let names = model.featureNames, names.count == model.featureCount else {
        throw QueryError("rank profile \(profile.name): the L2 model \(l2.modelPath) does not name its features")
      }
      let features = try names.map { name throws -> FeatureDefinition in try extractor.registry.definition(named: name) }
      let context = try l1Context?.context
        ?? extractor.attaching(query.vector,
                               to: lexicalContext ?? extractor.lexicalContext(query: request.query, parsed: parsed, intent: intent, queryLog: queryLog,
                                                                               user: request.user))
      let candidates = ranked.map { entry in
        FeatureCandidate(document: entry.document, retrievalScore: retrieved[(retrievalRank[entry.document] ?? 1) - 1].score,
                         bestGeneratorRank: sources(entry.document).map(\.rank).min())
      }
      let matrix = try extractor.values(candidates: candidates, features: features, context: context)
      let columns = features.count
      for (row, candidate) in candidates.enumerated() { l2Rows[candidate.document] = row }
      l2Matrix = matrix
      let predictions = try ParallelWork.mapChunks(count: candidates.count, minimumChunk: Self.minimumRowsPerPredictionThread) { rows in
        compiled.predict(rows: matrix.values[(rows.lowerBound * columns)..<(rows.upperBound * columns)], columns: columns)
      }
      var scored = zip(candidates, predictions).map { (document: $0.document, score: $1) }
      scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
      l2Scored = scored
      let inputCount = scored.count
      ranked = Array(scored.prefix(l2.keep))
      for (offset, entry) in ranked.enumerated() { l2Rank[entry.document] = offset + 1 }
      l2State = (model, extractor, context, features)
      trace.append(StageTrace(name: "L2", inputCount: inputCount, outputCount: ranked.count, cutoffScore: ranked.last?.score,
                              seconds: clock.lap()))
    }

    // Blend: MMR, quotas, board limit, near duplicates over the stage before's order.
    var final: [(document: Int, score: Double, blend: Explanation?)] = ranked.map { ($0.document, $0.score, nil) }
    var blendDropped: [BlendDrop] = []
    if let blend = profile.blend {
      let candidates = try ranked.map { entry in
        try blendCandidate(document: entry.document, score: entry.score, blend: blend)
      }
      let outcome = BlendStage.apply(candidates, settings: blend.settings)
      final = outcome.hits.map { ($0.document, $0.score, $0.explanation) }
      blendDropped = outcome.dropped
      trace.append(StageTrace(name: "blend", inputCount: ranked.count, outputCount: final.count,
                              cutoffScore: final.last?.score, seconds: clock.lap()))
    }

    let page = final.prefix(limit)
    var hits: [SearchHit] = []
    hits.reserveCapacity(page.count)
    for (offset, entry) in page.enumerated() {
      var explanation: Explanation?
      let id = try reader.id(of: entry.document)
      if request.explains(rank: offset + 1, id: id) {
        var children: [Explanation] = []
        let retrieval = try retrievalTree(entry.document)
        let rankText = "rank \(retrievalRank[entry.document] ?? 0) of \(retrieved.count)"
        let rescorer = profile.l1 != nil ? "L1" : "L2"
        if profile.l1 != nil || profile.l2 != nil {
          children.append(Explanation(value: 0, label: "retrieve: \(rankText), score \(Self.format(retrieval.value)) (re-scored by \(rescorer))",
                                      children: [retrieval]))
        }
        if let l1 = profile.l1, let (extractor, context, features) = l1Context {
          let candidate = FeatureCandidate(document: entry.document, retrievalScore: retrieved[(retrievalRank[entry.document] ?? 1) - 1].score,
                                           bestGeneratorRank: sources(entry.document).map(\.rank).min())
          var terms: [Explanation] = [.leaf(l1.bias, "bias")]
          let explained = try extractor.explain(features: features, candidate: candidate, context: context)
          for (index, definition) in features.enumerated() {
            let feature = explained[index]
            terms.append(.weighted(l1.weights[index].weight, "\(Self.format(l1.weights[index].weight)) × \(definition.name)", [feature]))
          }
          let l1Tree = Explanation.sum("L1 · linear = bias + Σ weight × feature: rank \(l1Rank[entry.document] ?? 0) of \(retrieved.count), keeps \(l1.keep)", terms)
          if profile.l2 != nil {
            children.append(Explanation(value: 0, label: "L1: rank \(l1Rank[entry.document] ?? 0), score \(Self.format(l1Tree.value)) (re-scored by L2)",
                                        children: [l1Tree]))
          } else {
            children.append(l1Tree)
          }
        } else if profile.l2 == nil {
          children.append(retrieval)
        }
        if let l2 = profile.l2, let (model, extractor, context, features) = l2State {
          let candidate = FeatureCandidate(document: entry.document, retrievalScore: retrieved[(retrievalRank[entry.document] ?? 1) - 1].score,
                                           bestGeneratorRank: sources(entry.document).map(\.rank).min())
          // The row L2 scored (the same values computing them again would give).
          let values: [Double]
          if let matrix = l2Matrix, let row = l2Rows[entry.document] {
            values = Array(matrix.values[(row * features.count)..<((row + 1) * features.count)])
          } else {
            values = try extractor.values(candidates: [candidate], features: features, context: context).values
          }
          children.append(Self.treeExplanation(model: model, features: features, values: values, score: entry.score,
                                               label: "L2 · \(model.trees.count) trees (TreeSHAP: base + Σ φ): rank \(l2Rank[entry.document] ?? 0) of \(l2Scored.count), keeps \(l2.keep)"))
        }
        if let blend = entry.blend { children.append(blend) }
        explanation = .sum("final score · profile \(profile.name)", children)
      }
      var hit = SearchHit(documentNumber: entry.document, id: id, rank: offset + 1,
                          score: entry.score, explanation: explanation, sources: sources(entry.document))
      if profile.l1 != nil, let rank = retrievalRank[entry.document] { hit.retrievalScore = retrieved[rank - 1].score }
      hits.append(hit)
    }
    trace.append(StageTrace(name: "page", inputCount: final.count, outputCount: hits.count, seconds: clock.lap()))
    var response = SearchResponse(parsedQuery: ParsedQuery(text: parsed.text, terms: parsed.terms, filters: query.filters),
                                  hits: hits, totalMatches: retrieved.count, trace: trace,
                                  generators: lists.map { GeneratorReport(name: $0.generator, candidateCount: $0.candidates.count,
                                                                          matchCount: $0.matchCount, note: $0.note) },
                                  fusion: lists.count > 1 ? profile.retrieval.fusion : nil)
    response.profile = profile.name
    if let target = request.whyNot {
      guard let document = try reader.documentNumber(forId: target) else {
        throw QueryError("there is no document with id \(target)")
      }
      var steps: [WhyNotReport.Step] = []
      if let filter = query.filter, !filter.allowed[document] {
        steps.append(.init(stage: "filters", passed: false,
                           detail: "removed by the filters (\(query.filters.map(\.description).joined(separator: " "))) before retrieval"))
      } else {
        if query.filter != nil { steps.append(.init(stage: "filters", passed: true, detail: "passes the filters")) }
        for (index, list) in lists.enumerated() {
          steps.append(try generatorStep(generators[index], list, depth: profile.retrieval.generators[index].depth,
                                         query: query, document: document))
        }
        if let rank = retrievalRank[document] {
          if lists.count > 1 {
            steps.append(.init(stage: "fuse", passed: true, detail: "fused rank \(rank) of \(retrieved.count), score \(Self.format(retrieved[rank - 1].score))",
                               score: retrieved[rank - 1].score))
          }
          if let l1 = profile.l1, let position = l1Scored.firstIndex(where: { $0.document == document }) {
            let score = l1Scored[position].score
            let cutoff = ranked.last?.score
            if position < l1.keep {
              steps.append(.init(stage: "L1", passed: true, detail: "L1 rank \(position + 1) of \(l1Scored.count), score \(Self.format(score)) (keeps \(l1.keep))",
                                 score: score, cutoff: cutoff))
            } else {
              let margin = (cutoff ?? score) - score
              steps.append(.init(stage: "L1", passed: false,
                                 detail: "L1 rank \(position + 1) of \(l1Scored.count), score \(Self.format(score)): below the cutoff \(Self.format(cutoff ?? 0)) of the \(l1.keep) kept, by \(Self.format(margin))",
                                 score: score, cutoff: cutoff))
            }
          }
          if let l2 = profile.l2, let position = l2Scored.firstIndex(where: { $0.document == document }) {
            let score = l2Scored[position].score
            let cutoff = ranked.last?.score
            steps.append(position < l2.keep
              ? .init(stage: "L2", passed: true, detail: "L2 rank \(position + 1) of \(l2Scored.count), score \(Self.format(score)) (keeps \(l2.keep))",
                      score: score, cutoff: cutoff)
              : .init(stage: "L2", passed: false,
                      detail: "L2 rank \(position + 1) of \(l2Scored.count), score \(Self.format(score)): below the cutoff \(Self.format(cutoff ?? 0)) of the \(l2.keep) kept, by \(Self.format((cutoff ?? score) - score))",
                      score: score, cutoff: cutoff))
          }
          if profile.blend != nil, ranked.contains(where: { $0.document == document }) {
            if let drop = blendDropped.first(where: { $0.document == document }) {
              steps.append(.init(stage: "blend", passed: false, detail: "blend dropped it (input position \(drop.inputPosition)): \(drop.reason)"))
            } else if let position = final.firstIndex(where: { $0.document == document }) {
              steps.append(.init(stage: "blend", passed: true, detail: "blend placed it at position \(position + 1)"))
            }
          }
          if let position = final.firstIndex(where: { $0.document == document }) {
            steps.append(position < limit
              ? .init(stage: "page", passed: true, detail: "on the page at rank \(position + 1)")
              : .init(stage: "page", passed: false, detail: "ranked \(position + 1), beyond the page of \(limit)"))
          }
        }
      }
      response.whyNot = WhyNotReport(documentId: target, steps: steps)
    }
    return response
  }

  /// Whether generator `generator` found `document`, and if not, why: no matching term, or a score below the
  /// list's last, or (vector search) a similarity above it that the approximate search missed.
  private func generatorStep(_ generator: any CandidateGenerator, _ list: CandidateList, depth: Int, query: GeneratorQuery,
                             document: Int) throws -> WhyNotReport.Step {
    let name = list.generator
    if let candidate = list.candidates.first(where: { $0.document == document }) {
      return .init(stage: name, passed: true, detail: "\(name) found it: rank \(candidate.rank) of \(list.candidates.count), score \(Self.format(candidate.score))",
                   score: candidate.score)
    }
    let horizon = list.candidates.last?.score
    let kept = "its \(list.candidates.count) candidates (depth \(depth))"
    guard name == BM25FGenerator.generatorName || name.hasPrefix("ann:") else {
      return .init(stage: name, passed: false, detail: "\(name) did not return it among \(kept)")
    }
    if name.hasPrefix("ann:"), query.vector == nil {
      return .init(stage: name, passed: false, detail: "\(name) did not run: the query has no embedding")
    }
    let score = try generator.explain(query, candidate: Candidate(document: document, rank: 0, score: 0), in: list).value
    if name == BM25FGenerator.generatorName, score == 0 {
      let terms = query.terms.map(\.term.text).joined(separator: " ")
      return .init(stage: name, passed: false, detail: "bm25f: no query term (\(terms.isEmpty ? "none indexed" : terms)) occurs in its text fields",
                   score: 0, cutoff: horizon)
    }
    guard let horizon else {
      return .init(stage: name, passed: false, detail: "\(name) returned no candidates", score: score)
    }
    if score < horizon || (score == horizon && list.candidates.count >= depth) {
      return .init(stage: name, passed: false,
                   detail: "\(name) score \(Self.format(score)) is below the last of \(kept), \(Self.format(horizon)), by \(Self.format(horizon - score))"
                     + (name.hasPrefix("ann:") ? " (beyond the ANN horizon)" : ""),
                   score: score, cutoff: horizon)
    }
    return .init(stage: name, passed: false,
                 detail: "\(name) score \(Self.format(score)) is not below the last of \(kept) (\(Self.format(horizon))), yet the "
                   + (name.hasPrefix("ann:") ? "approximate (HNSW) search did not reach it" : "generator did not return it"),
                 score: score, cutoff: horizon)
  }

  /// The L2 node of a hit: TreeSHAP's base value and one attribution per feature (Lundberg et al. 2018), which add
  /// up to the model output; the float rounding between TreeSHAP's sum and the output, when not zero, is a leaf
  /// of its own so the node equals the score exactly. Where even that cannot be exact, the node is a leaf holding
  /// the output with the TreeSHAP sum as its (checked) child.
  static func treeExplanation(model: TreeEnsemble, features: [FeatureDefinition], values: [Double], score: Double,
                              label: String) -> Explanation {
    let attribution = TreeSHAP.explain(model, features: values)
    var parts: [Explanation] = [.leaf(attribution.baseValue, "base value: the expected output over the training rows")]
    let order = attribution.values.indices.sorted { abs(attribution.values[$0]) > abs(attribution.values[$1]) }
    for index in order where attribution.values[index] != 0 {
      parts.append(.leaf(attribution.values[index], "φ \(features[index].name) = \(format(values[index]))"))
    }
    let partial = Explanation.sum("", parts).value
    if partial != score {
      parts.append(.leaf(score - partial, "float rounding between the model output and base + Σ φ"))
    }
    let tree = Explanation.sum(label, parts)
    if tree.value == score { return tree }
    return Explanation(value: score, label: label + " = model output", children: [tree])
  }

  /// `bias + Σ weight_i · value_i`, with the arithmetic (and order) of the L1 explanation's sum of weighted nodes.
  static func linearScore(bias: Double, weights: [Double], values: [Double]) -> Double {
    var parts = [bias]
    parts.reserveCapacity(weights.count + 1)
    for (weight, value) in zip(weights, values) { parts.append(Explanation.Combination.weighted(weight).combine([value])) }
    return Explanation.Combination.sum.combine(parts)
  }

  /// What the blend stage reads of a document: its vector of the similarity field, its type and board values.
  private func blendCandidate(document: Int, score: Double, blend: RankProfile.Blend) throws -> BlendCandidate {
    var vector: [Float]?
    if let name = blend.similarityField, let field = schema.vectorFields.firstIndex(where: { $0.name == name }) {
      vector = try reader.vector(field: field, document: document)
    }
    let keys = Set([blend.typeField, blend.boardField].compactMap { $0 })
    let stored = keys.isEmpty ? [:] : try reader.storedMembers(document, keys: keys)
    func label(_ name: String?) -> String? {
      guard let name, let value = stored[name] else { return nil }
      if let text = value.stringValue { return text }
      return value.arrayValue?.first?.stringValue
    }
    return BlendCandidate(document: document, score: score, vector: vector, type: label(blend.typeField),
                          board: label(blend.boardField), name: try reader.id(of: document))
  }

  /// L1's feature matrix: the lexical columns of candidates computed early (`early`, by document) copied, the
  /// rest computed now. A feature's value depends only on the query and its own candidate, so the matrix is the
  /// one computing every column now would give.
  static func l1Matrix(extractor: FeatureExtractor, candidates: [FeatureCandidate], features: [FeatureDefinition],
                       context: FeatureContext, early: (columns: [Int], rows: [Int: Int], matrix: FeatureMatrix)?) throws -> FeatureMatrix {
    guard let early else { return try extractor.values(candidates: candidates, features: features, context: context) }
    let width = features.count
    let earlyWidth = early.columns.count
    let lateColumns = features.indices.filter { !early.columns.contains($0) }
    let late = try extractor.values(candidates: candidates, features: lateColumns.map { features[$0] }, context: context)
    let missing = candidates.indices.filter { early.rows[candidates[$0].document] == nil }
    let filled = try extractor.values(candidates: missing.map { candidates[$0] }, features: early.columns.map { features[$0] },
                                      context: context)
    var missingRow: [Int: Int] = [:]
    for (offset, index) in missing.enumerated() { missingRow[index] = offset }
    var values = [Double](repeating: 0, count: candidates.count * width)
    for row in candidates.indices {
      for (offset, column) in lateColumns.enumerated() { values[row * width + column] = late.values[row * lateColumns.count + offset] }
      if let earlyRow = early.rows[candidates[row].document] {
        for (offset, column) in early.columns.enumerated() {
          values[row * width + column] = early.matrix.values[earlyRow * earlyWidth + offset]
        }
      } else if let filledRow = missingRow[row] {
        for (offset, column) in early.columns.enumerated() {
          values[row * width + column] = filled.values[filledRow * earlyWidth + offset]
        }
      }
    }
    return FeatureMatrix(names: features.map(\.name), rowCount: candidates.count, values: values)
  }

  /// Rows per thread below which the L2 model predicts on the calling thread alone.
  static let minimumRowsPerPredictionThread = 64

  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    return String(format: "%.4f", value)
  }
}
