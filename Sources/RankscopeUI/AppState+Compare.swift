import RankscopeEngine

/// One unjudged result of the top 10 ("holes"): its id and where each side ranks it.
public struct JudgmentHole: Sendable, Hashable {
  /// The document id.
  public var id: String
  /// Its rank in A's and in B's results (nil: not in that side's top 10).
  public var rankA: Int?
  public var rankB: Int?
  /// Its title and details, as the results list shows them.
  public var title: String
  public var details: String
}

extension AppState {
  /// What side A runs now: the active profile, else the retrieval mode.
  public var currentChoice: RankingChoice {
    activeProfile.map { .profile($0.name) } ?? .retrieval(retrieval)
  }

  /// What side B can run, in the order F8 cycles: each retrieval mode that can run, then each profile that can.
  public var compareChoices: [RankingChoice] {
    let modes: [RetrievalMode] = semanticStatus.isAvailable ? [.lexical, .semantic, .hybrid] : [.lexical]
    return modes.map(RankingChoice.retrieval)
      + profiles.filter { unavailableReason($0) == nil }.map { .profile($0.name) }
  }

  /// Side B's search request for the current query, or nil without the compare view. B runs its profile as its
  /// file has it (tuning edits only A), and explains its first hit, like A.
  public var compareRequest: SearchRequest? {
    guard let compare else { return nil }
    var request: SearchRequest
    switch compare.choice {
    case .retrieval(let mode):
      request = SearchRequest(query: query.text, limit: resultLimit, explain: true, retrieval: mode, profile: nil)
    case .profile:
      request = SearchRequest(query: query.text, limit: resultLimit, explain: true, retrieval: retrieval,
                              profile: compare.profile)
    }
    request.explained = .first(1)
    request.understanding = understanding.options
    switch compare.user {
    case .sameAsA: request.user = personalization?.context
    case .anonymous: request.user = nil
    case .other(let context): request.user = context
    }
    return request
  }

  /// The grades of the current query's judged documents, or nil when the query text is not among the judged
  /// queries.
  public var currentGrades: [String: Int]? {
    guard let id = judgmentSet.queryId(forText: query.text) else { return nil }
    return judgmentSet.judgments.grades[id] ?? [:]
  }

  /// Whether A's shown results are of the current query text (not an older one still on screen).
  var areResultsCurrent: Bool { outcome != nil && completedGeneration >= queryGeneration }

  /// Side B's shown results, when they answer the same A generation as the results shown.
  public var compareHits: [SearchHit] {
    guard let compare, compare.completedGeneration == completedGeneration else { return [] }
    return compare.hits
  }

  /// The document selected in the compare view: column A's selected hit, or column B's.
  public var compareSelectedId: String? {
    guard let compare else { return nil }
    switch compare.column {
    case .a: return selectedHit?.id
    case .b: return compareHits.indices.contains(compare.selection) ? compareHits[compare.selection].id : nil
    }
  }

  /// The hit of `id` in A's and in B's shown results.
  public func compareHitPair(_ id: String) -> (a: SearchHit?, b: SearchHit?) {
    (hits.first { $0.id == id }, compareHits.first { $0.id == id })
  }

  /// The explanation the explanation panel's keys move through: the selected hit's; in the compare view, A's
  /// explanation of the selected document, else B's.
  public var primaryExplanation: Explanation? {
    guard compare != nil else { return selectedHit?.explanation }
    guard let id = compareSelectedId else { return nil }
    let pair = compareHitPair(id)
    return pair.a != nil ? pair.a?.explanation : pair.b?.explanation
  }

  /// A's and B's rankings of the current query in trec_eval's run order (the order `eval` scores).
  public var compareRankings: (a: [String], b: [String]) {
    let blendedA = outcome?.response.profile != nil && activeProfile?.blend != nil
    let blendedB = compare?.profile?.blend != nil && compare?.outcome?.response.profile != nil
    return (Evaluator.runOrder(hits, blended: blendedA).map(\.id), Evaluator.runOrder(compareHits, blended: blendedB).map(\.id))
  }

  /// The compare view's header figures, once both sides' results of the current query are shown.
  public var compareFigures: CompareHeaderFigures? {
    guard compare != nil, areResultsCurrent, !compareHits.isEmpty || !hits.isEmpty,
          compare?.completedGeneration == completedGeneration else { return nil }
    let rankings = compareRankings
    return CompareHeaderFigures.make(a: rankings.a, b: rankings.b, grades: currentGrades)
  }

  /// nDCG@10 of the shown results when the query is judged (the single-list header shows it).
  public var currentNDCG: Double? {
    guard areResultsCurrent, let grades = currentGrades, grades.values.contains(where: { $0 > 0 }) else { return nil }
    let ranking = compareRankings.a
    return RankingMetrics.normalizedDiscountedCumulativeGain(ranked: ranking.map { grades[$0] ?? 0 },
                                                            judged: Array(grades.values), cutoff: 10)
  }

  /// The unjudged results in the top 10 of A (and of B in the compare view), A's first, then B's own.
  public var holes: [JudgmentHole] {
    guard areResultsCurrent else { return [] }
    let grades = currentGrades ?? [:]
    let documents = outcome?.documents ?? []
    var result: [JudgmentHole] = []
    var seen: Set<String> = []
    let topB = Array(compareHits.prefix(10))
    for (index, hit) in hits.prefix(10).enumerated() where grades[hit.id] == nil && seen.insert(hit.id).inserted {
      let document = documents.indices.contains(index) ? documents[index] : nil
      result.append(JudgmentHole(id: hit.id, rankA: hit.rank, rankB: topB.first { $0.id == hit.id }?.rank,
                                 title: ResultsView.title(of: hit, document: document, field: titleField),
                                 details: ResultsView.details(document: document, fields: detailFields)))
    }
    let documentsB = compare?.outcome?.documents ?? []
    for (index, hit) in topB.enumerated() where grades[hit.id] == nil && seen.insert(hit.id).inserted {
      let document = documentsB.indices.contains(index) ? documentsB[index] : nil
      result.append(JudgmentHole(id: hit.id, rankA: nil, rankB: hit.rank,
                                 title: ResultsView.title(of: hit, document: document, field: titleField),
                                 details: ResultsView.details(document: document, fields: detailFields)))
    }
    return result
  }

  /// The document a rating applies to: the selected hole, else the compare view's selected document, else the
  /// selected hit.
  public var ratingTargetId: String? {
    if isHolesVisible {
      let holes = holes
      return holes.indices.contains(holesCursor) ? holes[holesCursor].id : nil
    }
    return compare != nil ? compareSelectedId : selectedHit?.id
  }

  /// The judged grade of `id` for the current query (nil: unjudged).
  public func grade(of id: String) -> Int? { currentGrades?[id] }
}
