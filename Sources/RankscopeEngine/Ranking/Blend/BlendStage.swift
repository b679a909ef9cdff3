/// A candidate entering the blend stage: its score from the stage before, and what blending looks at.
public struct BlendCandidate: Sendable, Hashable {
  /// The document number.
  public var document: Int
  /// The score the previous stage gave it (its order is the input order).
  public var score: Double
  /// The vector MMR and near-duplicate removal compare (e.g. the visual or text embedding); nil: none.
  public var vector: [Float]?
  /// Its content type (the value of the type field), if any.
  public var type: String?
  /// Its board (the value of the board field), if any.
  public var board: String?
  /// A name for messages (the document's id).
  public var name: String

  /// Creates a candidate.
  public init(document: Int, score: Double, vector: [Float]? = nil, type: String? = nil, board: String? = nil,
              name: String? = nil) {
    self.document = document
    self.score = score
    self.vector = vector
    self.type = type
    self.board = board
    self.name = name ?? "#\(document)"
  }
}

/// A hit as the blend stage hands it out.
public struct BlendedHit: Sendable, Hashable {
  /// The document number.
  public var document: Int
  /// The score, unchanged by blending.
  public var score: Double
  /// Its position in the stage's input, from 1.
  public var inputPosition: Int
  /// Its position in the stage's output, from 1.
  public var position: Int
  /// What blending did to it: a leaf of value 0 (blending moves hits, it does not change scores) whose
  /// children hold the MMR arithmetic at the moment it was placed and every rule that held it back.
  public var explanation: Explanation
}

/// A candidate the blend stage did not hand out, and why.
public struct BlendDrop: Sendable, Hashable {
  /// The document number.
  public var document: Int
  /// Its position in the stage's input, from 1.
  public var inputPosition: Int
  /// Why: a near duplicate of a placed hit, or below the cut at `keep`.
  public var reason: String
}

/// What the blend stage did: the hits in their new order, and the candidates it dropped.
public struct BlendOutcome: Sendable, Hashable {
  /// The handed-out hits, best first.
  public var hits: [BlendedHit]
  /// Candidates not handed out, in input order.
  public var dropped: [BlendDrop]
}

/// The last ranking stage: diversity by maximal marginal relevance (Carbonell & Goldstein, SIGIR 1998, "The
/// use of MMR, diversity-based reranking for reordering documents and producing summaries"), content-type
/// quotas, a per-board limit and near-duplicate removal, applied greedily position by position.
///
/// At each position the stage places, among the remaining candidates that break no rule, the one with the
/// highest `MMR = λ · relevance − (1 − λ) · max cosine to the hits already placed`, relevance being the
/// score min-max normalised over the input (1 for all when the scores are equal). Without MMR the value is
/// the relevance alone, so the input order is kept except where a rule intervenes. A candidate whose cosine
/// to a placed hit reaches the near-duplicate threshold is dropped. Quotas and the board limit are hard
/// while any rule-abiding candidate remains; when only rule-breaking ones are left they fill the remaining
/// positions (backfill), and their explanation says so. Ties go to the earlier input position.
public enum BlendStage {
  /// Blends `candidates` (in the previous stage's order) with `settings`.
  public static func apply(_ candidates: [BlendCandidate], settings: BlendSettings) -> BlendOutcome {
    let count = candidates.count
    guard count > 0, settings.keep > 0 else {
      return BlendOutcome(hits: [], dropped: candidates.enumerated().map {
        BlendDrop(document: $0.element.document, inputPosition: $0.offset + 1, reason: "the blend keeps no hits")
      })
    }
    let finiteScores = candidates.map(\.score).filter(\.isFinite)
    let minimum = finiteScores.min() ?? 0
    let maximum = finiteScores.max() ?? 0
    let norms = candidates.map { $0.vector.map(norm) ?? 0 }
    let usesSimilarity = settings.mmrLambda != nil || settings.nearDuplicateThreshold != nil

    var remaining = Array(0..<count)
    var closest = [(similarity: Double, to: Int)?](repeating: nil, count: count)
    // Boards and types as small integers, so the inner loop counts in arrays (no string hashing).
    let (boards, boardNames) = intern(candidates.map(\.board))
    let (types, typeNames) = intern(candidates.map(\.type))
    let typeQuotas = typeNames.map { settings.quota(for: $0) }
    var boardCounts = [Int](repeating: 0, count: boardNames.count)
    var typeCounts = [Int](repeating: 0, count: typeNames.count)
    var heldBackByBoard = [Bool](repeating: false, count: count)
    var heldBackByType = [Bool](repeating: false, count: count)
    var hits: [BlendedHit] = []
    var dropped: [(index: Int, reason: String)] = []

    while hits.count < settings.keep, !remaining.isEmpty {
      // Near duplicates of what is placed leave for good.
      if let threshold = settings.nearDuplicateThreshold {
        remaining.removeAll { index in
          guard let near = closest[index], near.similarity >= threshold else { return false }
          dropped.append((index, "near duplicate of \(candidates[near.to].name) (cosine \(format(near.similarity)) ≥ \(format(threshold)))"))
          return true
        }
        if remaining.isEmpty { break }
      }
      var best: (slot: Int, value: Double)?
      var bestBackfill: (slot: Int, value: Double)?
      for (slot, index) in remaining.enumerated() {
        let value = marginalRelevanceValue(candidates[index].score, settings, minimum, maximum, closest[index]?.similarity)
        let overBoard = settings.maxPerBoard.map { limit in boards[index].map { boardCounts[$0] >= limit } ?? false } ?? false
        let overType = !overBoard && (types[index].map { type in typeQuotas[type].map { typeCounts[type] >= $0 } ?? false } ?? false)
        if overBoard || overType {
          if bestBackfill.map({ value > $0.value }) ?? true { bestBackfill = (slot, value) }
          if overBoard { heldBackByBoard[index] = true } else { heldBackByType[index] = true }
          continue
        }
        if best.map({ value > $0.value }) ?? true { best = (slot, value) }
      }
      let isBackfill = best == nil
      guard let chosen = best ?? bestBackfill else { break }
      let index = remaining.remove(at: chosen.slot)
      let candidate = candidates[index]
      if let board = boards[index] { boardCounts[board] += 1 }
      if let type = types[index] { typeCounts[type] += 1 }
      let position = hits.count + 1
      var children: [Explanation] = [marginalRelevance(index, candidates, settings, minimum, maximum, closest).explanation]
      if heldBackByBoard[index], let board = candidate.board, let limit = settings.maxPerBoard {
        children.append(.leaf(0, "held back while board \"\(board)\" already had its limit of \(limit)"))
      }
      if heldBackByType[index], let type = candidate.type, let quota = settings.quota(for: type) {
        children.append(.leaf(0, "held back while type \"\(type)\" already had its quota of \(quota) in \(settings.keep)"))
      }
      if isBackfill { children.append(.leaf(0, "placed as backfill: only candidates breaking a rule were left")) }
      let movement = position == index + 1 ? "stays at position \(position)" : "from position \(index + 1) to \(position)"
      hits.append(BlendedHit(document: candidate.document, score: candidate.score, inputPosition: index + 1,
                             position: position,
                             explanation: Explanation(value: 0, label: "blend: \(movement) (blending moves hits, it does not change scores)",
                                                      children: children)))
      if usesSimilarity, let placedVector = candidate.vector, norms[index] > 0 {
        for other in remaining {
          guard let vector = candidates[other].vector, norms[other] > 0, vector.count == placedVector.count else { continue }
          let similarity = dot(vector, placedVector) / (norms[other] * norms[index])
          if closest[other].map({ similarity > $0.similarity }) ?? true { closest[other] = (similarity, index) }
        }
      }
    }
    for index in remaining { dropped.append((index, "below the cut: the blend keeps \(settings.keep)")) }
    dropped.sort { $0.index < $1.index }
    return BlendOutcome(hits: hits, dropped: dropped.map {
      BlendDrop(document: candidates[$0.index].document, inputPosition: $0.index + 1, reason: $0.reason)
    })
  }

  /// The MMR value of a candidate with `score` whose closest placed hit has cosine `similarity` (nil: none),
  /// with the same arithmetic, in the same order, as `marginalRelevance`'s explanation.
  static func marginalRelevanceValue(_ score: Double, _ settings: BlendSettings, _ minimum: Double,
                                             _ maximum: Double, _ similarity: Double?) -> Double {
    let relevance = relevanceValue(score, minimum, maximum)
    guard let lambda = settings.mmrLambda else { return relevance }
    let combination = Explanation.Combination.self
    return combination.sum.combine([combination.weighted(lambda).combine([relevance]),
                                    combination.weighted(-(1 - lambda)).combine([similarity ?? 0])])
  }

  /// A score min-max normalised over the candidates' finite scores; 1 for all when they are equal; a
  /// non-finite score counts as 1 (+∞) or 0 (−∞, NaN).
  private static func relevanceValue(_ score: Double, _ minimum: Double, _ maximum: Double) -> Double {
    guard score.isFinite else { return score > 0 ? 1 : 0 }
    return maximum > minimum ? (score - minimum) / (maximum - minimum) : 1
  }

  /// The MMR value of candidate `index` against the hits placed so far, as an explanation (its value equals
  /// `marginalRelevanceValue`'s, which the selection used; a test checks it).
  static func marginalRelevance(_ index: Int, _ candidates: [BlendCandidate], _ settings: BlendSettings,
                                        _ minimum: Double, _ maximum: Double,
                                        _ closest: [(similarity: Double, to: Int)?]) -> (value: Double, explanation: Explanation) {
    let score = candidates[index].score
    let relevance: Explanation
    if !score.isFinite {
      relevance = .leaf(relevanceValue(score, minimum, maximum), "relevance = \(score > 0 ? 1 : 0) (the score \(score) is not finite)")
    } else if maximum > minimum {
      relevance = .ratio("relevance = (s − min) / (max − min) over the \(candidates.count) candidates",
                         .leaf(score - minimum, "s − min = \(format(score)) − \(format(minimum))"),
                         .leaf(maximum - minimum, "max − min = \(format(maximum)) − \(format(minimum))"))
    } else {
      relevance = .leaf(1, "relevance = 1 (every candidate has the same score)")
    }
    guard let lambda = settings.mmrLambda else { return (relevance.value, relevance) }
    let near = closest[index]
    let similarity = Explanation.leaf(near?.similarity ?? 0, near.map { "max cosine to the hits above: \(candidates[$0.to].name)" }
                                      ?? "max cosine to the hits above: none placed or no vector, 0")
    let explanation = Explanation.sum("MMR = λ · relevance − (1 − λ) · max similarity, λ = \(format(lambda))", [
      .weighted(lambda, "λ · relevance", [relevance]),
      .weighted(-(1 - lambda), "−(1 − λ) · max similarity", [similarity]),
    ])
    return (explanation.value, explanation)
  }

  /// Each value's number among the distinct values (nil stays nil), and the distinct values in first-seen order.
  private static func intern(_ values: [String?]) -> (numbers: [Int?], names: [String]) {
    var numbers: [String: Int] = [:]
    var names: [String] = []
    let result = values.map { value -> Int? in
      guard let value else { return nil }
      if let number = numbers[value] { return number }
      numbers[value] = names.count
      names.append(value)
      return names.count - 1
    }
    return (result, names)
  }

  private static func dot(_ a: [Float], _ b: [Float]) -> Double {
    var total = 0.0
    for index in 0..<min(a.count, b.count) { total += Double(a[index]) * Double(b[index]) }
    return total
  }

  private static func norm(_ vector: [Float]) -> Double {
    let value = dot(vector, vector).squareRoot()
    return value.isFinite ? value : 0
  }

  private static func format(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
    let rounded = (value * 10_000).rounded() / 10_000
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
