import Testing
@testable import RankscopeEngine

/// The blend stage: MMR, quotas, board limits, near duplicates, and explanations that agree with the order.
@Suite("Blend stage")
struct BlendStageTests {
  private func candidate(_ document: Int, _ score: Double, _ vector: [Float]? = nil, type: String? = nil,
                         board: String? = nil) -> BlendCandidate {
    BlendCandidate(document: document, score: score, vector: vector, type: type, board: board, name: "d\(document)")
  }

  private func order(_ outcome: BlendOutcome) -> [Int] { outcome.hits.map(\.document) }

  @Test("without rules the input order is kept and cut at keep; the rest is dropped below the cut")
  func keepsOrder() {
    let outcome = BlendStage.apply((0..<5).map { candidate($0, Double(10 - $0)) }, settings: BlendSettings(keep: 3))
    #expect(order(outcome) == [0, 1, 2])
    #expect(outcome.hits.map(\.position) == [1, 2, 3])
    #expect(outcome.hits.allSatisfy { $0.explanation.value == 0 && $0.explanation.label.contains("stays at position") })
    #expect(outcome.dropped.map(\.document) == [3, 4])
    #expect(outcome.dropped.allSatisfy { $0.reason.contains("below the cut") })
  }

  @Test("MMR places a novel candidate above a near copy of the first hit, with the arithmetic shown")
  func maximalMarginalRelevance() throws {
    let candidates = [candidate(0, 1.0, [1, 0]), candidate(1, 0.9, [1, 0.01]), candidate(2, 0.5, [0, 1])]
    let outcome = BlendStage.apply(candidates, settings: BlendSettings(keep: 3, mmrLambda: 0.5))
    #expect(order(outcome) == [0, 2, 1])
    let novel = try #require(outcome.hits.first { $0.document == 2 })
    #expect(novel.inputPosition == 3 && novel.position == 2)
    #expect(novel.explanation.label.contains("from position 3 to 2"))
    let mmr = try #require(novel.explanation.children.first)
    // relevance (0.5 − 0.5) / 0.5 = 0; cosine to d0 is 0: MMR = 0.
    #expect(mmr.value == 0)
    let copy = try #require(outcome.hits.first { $0.document == 1 })
    let copyMMR = try #require(copy.explanation.children.first)
    // relevance 0.8, max cosine to d0 ≈ 0.99995: 0.4 − 0.5 · 0.99995 < 0.
    #expect(copyMMR.value < 0 && copyMMR.value > -0.11)
    for hit in outcome.hits { #expect(ExplanationChecker.mismatches(in: hit.explanation).isEmpty) }
  }

  @Test("λ = 1 is relevance alone: the input order")
  func lambdaOne() {
    let candidates = [candidate(0, 3, [1, 0]), candidate(1, 2, [1, 0]), candidate(2, 1, [0, 1])]
    #expect(order(BlendStage.apply(candidates, settings: BlendSettings(keep: 3, mmrLambda: 1))) == [0, 1, 2])
  }

  @Test("at most P per board: a second hit from a board waits, then backfills when nothing else is left")
  func boardLimit() throws {
    let candidates = [candidate(0, 3, board: "X"), candidate(1, 2, board: "X"), candidate(2, 1, board: "Y")]
    let outcome = BlendStage.apply(candidates, settings: BlendSettings(keep: 3, maxPerBoard: 1))
    #expect(order(outcome) == [0, 2, 1])
    let waited = try #require(outcome.hits.last)
    let labels = waited.explanation.children.map(\.label)
    #expect(labels.contains { $0.contains("board \"X\" already had its limit of 1") })
    #expect(labels.contains { $0.contains("backfill") })
  }

  @Test("a type quota caps the share of a content type in the kept list")
  func typeQuota() {
    let candidates = [candidate(0, 4, type: "video"), candidate(1, 3, type: "video"), candidate(2, 2, type: "video"),
                      candidate(3, 1, type: "image")]
    // keep 3, video share 0.34: at most 1 video while anything else remains.
    let outcome = BlendStage.apply(candidates, settings: BlendSettings(keep: 3, typeQuotas: ["video": 0.34]))
    #expect(order(outcome) == [0, 3, 1])
    #expect(BlendSettings(keep: 10, typeQuotas: ["video": 0.05]).quota(for: "video") == 1)
    #expect(BlendSettings(keep: 10, typeQuotas: ["video": 0]).quota(for: "video") == 0)
    #expect(BlendSettings(keep: 10, typeQuotas: ["video": 0.5]).quota(for: "image") == nil)
  }

  @Test("near duplicates of a placed hit are dropped, naming it")
  func nearDuplicates() throws {
    let candidates = [candidate(0, 3, [1, 2, 3]), candidate(1, 2, [2, 4, 6.0001]), candidate(2, 1, [3, -1, 0])]
    let outcome = BlendStage.apply(candidates, settings: BlendSettings(keep: 3, nearDuplicateThreshold: 0.99))
    #expect(order(outcome) == [0, 2])
    let drop = try #require(outcome.dropped.first)
    #expect(drop.document == 1 && drop.inputPosition == 2 && drop.reason.contains("near duplicate of d0"))
  }

  @Test("settings are validated with the reason")
  func validation() {
    #expect(BlendSettings(keep: 0).problem?.contains("keep") == true)
    #expect(BlendSettings(keep: 5, mmrLambda: 1.5).problem?.contains("lambda") == true)
    #expect(BlendSettings(keep: 5, typeQuotas: ["video": 2]).problem?.contains("video") == true)
    #expect(BlendSettings(keep: 5, maxPerBoard: 0).problem?.contains("board") == true)
    #expect(BlendSettings(keep: 5, nearDuplicateThreshold: 1.5).problem?.contains("near-duplicate") == true)
    #expect(BlendSettings(keep: 5, mmrLambda: 0.7, typeQuotas: ["video": 0.3], maxPerBoard: 2,
                          nearDuplicateThreshold: 0.95).problem == nil)
  }

  @Test("the MMR value that orders candidates equals its explanation's value bit for bit")
  func valueMatchesExplanation() {
    var generator = SplitMix(seed: 11)
    for _ in 0..<2_000 {
      let scores = (0..<4).map { _ in generator.next() % 13 == 0 ? -Double.infinity : Double(Int(generator.next() % 2_000) - 1_000) / 7 }
      let finite = scores.filter(\.isFinite)
      let minimum = finite.min() ?? 0, maximum = finite.max() ?? 0
      let candidates = scores.enumerated().map { candidate($0.offset, $0.element) }
      let similarity = generator.next() % 3 == 0 ? nil : Double(Int(generator.next() % 2_001) - 1_000) / 1_000
      let closest: [(similarity: Double, to: Int)?] = candidates.map { _ in similarity.map { ($0, 1) } }
      let lambda: Double? = generator.next() % 4 == 0 ? nil : Double(generator.next() % 101) / 100
      let settings = BlendSettings(keep: 4, mmrLambda: lambda)
      for index in candidates.indices {
        let value = BlendStage.marginalRelevanceValue(scores[index], settings, minimum, maximum, similarity)
        let explained = BlendStage.marginalRelevance(index, candidates, settings, minimum, maximum, closest).explanation
        #expect(value.bitPattern == explained.value.bitPattern)
        #expect(ExplanationChecker.mismatches(in: explained).isEmpty)
      }
    }
  }

  @Test("random inputs: hits and drops partition the input, rules hold unless backfilled, explanations are exact")
  func randomInputs() {
    var generator = SplitMix(seed: 7)
    for round in 0..<300 {
      let count = Int(generator.next() % 40)
      let dimension = 1 + Int(generator.next() % 4)
      var candidates: [BlendCandidate] = []
      for document in 0..<count {
        let hasVector = generator.next() % 5 != 0
        let vector = hasVector ? (0..<dimension).map { _ in Float(Int(generator.next() % 7) - 3) } : nil
        let score = generator.next() % 11 == 0 ? Double.nan : Double(generator.next() % 100) / 10
        candidates.append(candidate(document, score, vector, type: ["video", "image", nil][Int(generator.next() % 3)],
                                    board: ["A", "B", "C", nil][Int(generator.next() % 4)]))
      }
      let settings = BlendSettings(keep: 1 + Int(generator.next() % 12),
                                   mmrLambda: generator.next() % 2 == 0 ? Double(generator.next() % 11) / 10 : nil,
                                   typeQuotas: generator.next() % 2 == 0 ? ["video": 0.3] : [:],
                                   maxPerBoard: generator.next() % 2 == 0 ? 2 : nil,
                                   nearDuplicateThreshold: generator.next() % 2 == 0 ? 0.999 : nil)
      let outcome = BlendStage.apply(candidates, settings: settings)
      let seen = outcome.hits.map(\.document) + outcome.dropped.map(\.document)
      #expect(seen.sorted() == Array(0..<count), "round \(round)")
      #expect(outcome.hits.count <= settings.keep)
      #expect(outcome.hits.map(\.position) == Array(stride(from: 1, through: outcome.hits.count, by: 1)))
      var boards: [String: Int] = [:]
      for hit in outcome.hits {
        #expect(ExplanationChecker.mismatches(in: hit.explanation).isEmpty, "round \(round)")
        #expect(hit.score.isNaN || hit.score == candidates[hit.document].score)
        guard let board = candidates[hit.document].board else { continue }
        boards[board, default: 0] += 1
        if let limit = settings.maxPerBoard, boards[board]! > limit {
          #expect(hit.explanation.children.contains { $0.label.contains("backfill") }, "round \(round)")
        }
      }
    }
  }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator for reproducible test inputs.
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
