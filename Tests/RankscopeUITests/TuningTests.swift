import Foundation
import RankscopeEngine
import Testing
@testable import RankscopeUI

/// Live tuning in the explorer: the tuning panel's keys (F5), validation, the edited profile in requests, the
/// movement arrows after a re-rank, and the panel's screens.
@Suite("Live tuning in the explorer")
struct TuningTests {
  /// BM25F, L1 over the retrieval score and saves, then a blend with every rule.
  static let tuned = RankProfile(
    name: "tuned", summary: "L1 and a blend with every rule", source: "tuned.json",
    retrieval: .init(generators: [(name: "bm25f", depth: 100)]),
    l1: .init(keep: 10, weights: [(feature: "fused_score", weight: 1), (feature: "log_saves", weight: 0.1)]),
    blend: .init(settings: BlendSettings(keep: 8, mmrLambda: 0.7, typeQuotas: ["video": 0.4], maxPerBoard: 2,
                                         nearDuplicateThreshold: 0.98),
                 similarityField: "text_embedding", typeField: "type", boardField: "category"))
  /// BM25F only: nothing to tune.
  static let plain = RankProfile(name: "plain", summary: "", source: "plain.json",
                                 retrieval: .init(generators: [(name: "bm25f", depth: 50)]))

  /// A state over the hybrid fixture (it has the vectors the blend compares) with `tuned` active and the
  /// query `query` searched.
  static func state(width: Int = 80, height: Int = 24, query: String = "cake") -> AppState {
    var state = AppState(service: Fixtures.hybridEngine, width: width, height: height, profiles: [plain, tuned])
    _ = reduce(&state, .resize(width: width, height: height))
    Fixtures.send(.selectProfile("tuned"), to: &state, using: Fixtures.hybridEngine)
    Fixtures.send(.setQuery(query), to: &state, using: Fixtures.hybridEngine)
    return state
  }

  /// Presses `key` `times` times (searches carried out at once).
  static func press(_ key: Key, _ times: Int = 1, in state: inout AppState) {
    for _ in 0..<times { Fixtures.send(.key(key), to: &state, using: Fixtures.hybridEngine) }
  }

  /// The selected parameter's value in the active profile.
  static func selectedValue(_ state: AppState) -> Double? {
    state.tuningParameters[state.tuningCursor].value(in: state.activeProfile!)
  }

  @Test("the panel lists every L1 weight, the bias and the blend's parameters, in order")
  func parameters() {
    #expect(TuningParameter.all(in: Self.tuned) == [.weight("fused_score"), .weight("log_saves"), .bias, .blendKeep,
                                                    .mmrLambda, .maxPerBoard, .nearDuplicate, .typeQuota("video")])
    #expect(TuningParameter.all(in: Self.plain).isEmpty)
    var noFields = Self.tuned
    noFields.blend?.similarityField = nil
    noFields.blend?.boardField = nil
    #expect(TuningParameter.all(in: noFields).contains(.mmrLambda) == false)
    #expect(TuningParameter.all(in: noFields).contains(.maxPerBoard) == false)
  }

  @Test("F5/Ctrl-K opens the panel only with a profile; typing does not reach the query; Esc closes")
  func openAndClose() {
    var none = Fixtures.state()
    #expect(reduce(&none, .key(.function(5))).isEmpty)
    #expect(!none.isTuningVisible)
    #expect(none.notice == "no rank profile is active to tune (F3 cycles them, F4 lists them)")
    var state = Self.state()
    _ = reduce(&state, .key(.control("k")))
    #expect(state.isTuningVisible)
    #expect(reduce(&state, .key(.character("x"))).isEmpty)
    #expect(state.query.text == "cake")
    _ = reduce(&state, .key(.escape))
    #expect(!state.isTuningVisible)
    _ = reduce(&state, .key(.function(5)))
    _ = reduce(&state, .key(.function(5)))
    #expect(!state.isTuningVisible)
  }

  @Test("weights move by 0.1, by 0.01 with < and >, and the bias likewise")
  func weightSteps() {
    var state = Self.state()
    _ = reduce(&state, .key(.function(5)))
    Self.press(.right, in: &state)
    #expect(Self.selectedValue(state) == 1.1)
    #expect(state.notice == "L1 fused_score 1.0 → 1.1")
    Self.press(.character("-"), 2, in: &state)
    #expect(Self.selectedValue(state) == 0.9)
    Self.press(.character(">"), in: &state)
    #expect(Self.selectedValue(state) == 0.91)
    Self.press(.character("<"), 2, in: &state)
    #expect(Self.selectedValue(state) == 0.89)
    Self.press(.down, 2, in: &state)
    #expect(state.tuningParameters[state.tuningCursor] == .bias)
    Self.press(.character("+"), 3, in: &state)
    #expect(state.activeProfile?.l1?.bias == 0.3)  // not 0.30000000000000004
    Self.press(.left, 5, in: &state)
    #expect(state.activeProfile?.l1?.bias == -0.2)
  }

  @Test("λ and shares move by 0.05 within [0, 1]; counts by 1 with their minimum; the cosine stops at 1")
  func boundedSteps() {
    var state = Self.state()
    _ = reduce(&state, .key(.function(5)))
    Self.press(.down, 3, in: &state)
    #expect(state.tuningParameters[state.tuningCursor] == .blendKeep)
    Self.press(.right, in: &state)
    #expect(state.activeProfile?.blend?.settings.keep == 9)
    Self.press(.left, 20, in: &state)
    #expect(state.activeProfile?.blend?.settings.keep == 1)
    #expect(state.notice == "blend keep stays 1")
    Self.press(.down, in: &state)
    Self.press(.right, in: &state)
    #expect(state.activeProfile?.blend?.settings.mmrLambda == 0.75)
    Self.press(.right, 10, in: &state)
    #expect(state.activeProfile?.blend?.settings.mmrLambda == 1)
    Self.press(.left, 30, in: &state)
    #expect(state.activeProfile?.blend?.settings.mmrLambda == 0)
    Self.press(.down, in: &state)
    Self.press(.left, 3, in: &state)
    #expect(state.activeProfile?.blend?.settings.maxPerBoard == 1)
    Self.press(.down, in: &state)
    Self.press(.right, 3, in: &state)
    #expect(state.activeProfile?.blend?.settings.nearDuplicateThreshold == 1)
    Self.press(.down, in: &state)
    Self.press(.right, in: &state)
    #expect(state.activeProfile?.blend?.settings.typeQuotas["video"] == 0.45)
    Self.press(.left, 20, in: &state)
    #expect(state.activeProfile?.blend?.settings.typeQuotas["video"] == 0)
    // Down stops on the last parameter.
    Self.press(.down, 5, in: &state)
    #expect(state.tuningParameters[state.tuningCursor] == .typeQuota("video"))
    #expect(state.activeProfile?.blend?.settings.problem == nil)
  }

  @Test("a rule that is off starts at its mildest setting")
  func offRules() {
    var profile = Self.tuned
    profile.blend?.settings.mmrLambda = nil
    profile.blend?.settings.maxPerBoard = nil
    #expect(TuningParameter.mmrLambda.stepped(nil, direction: -1, fine: false, keep: 8) == 1)
    #expect(TuningParameter.maxPerBoard.stepped(nil, direction: 1, fine: false, keep: 8) == 8)
    #expect(TuningParameter.mmrLambda.format(nil) == "off")
    #expect(TuningParameter.maxPerBoard.format(3) == "3")
  }

  @Test("every change searches again at once with the edited profile; the status line marks it modified")
  func requestCarriesEditedProfile() throws {
    var state = Self.state()
    _ = reduce(&state, .key(.function(5)))
    let generation = state.generation
    let effects = reduce(&state, .key(.right))
    var expected = Self.tuned
    expected.l1?.weights[0].weight = 1.1
    #expect(state.activeProfile == expected)
    #expect(effects == [.search(SearchRequest(query: "cake", limit: state.resultLimit, explain: true, explained: .first(1), profile: expected),
                                generation: generation + 1)])
    #expect(state.isProfileModified)
    #expect(state.rankingLabel == "profile tuned*")
    let line = Fixtures.draw(width: 80, height: 1) { buffer, rect in StatusLineView(state: state).draw(into: &buffer, rect: rect) }
    #expect(line.text.hasPrefix(" profile tuned*"))
    // The profiles overlay marks it too, and switching away and back keeps the edit.
    Fixtures.send(.selectProfile("plain"), to: &state, using: Fixtures.hybridEngine)
    #expect(!state.isProfileModified)
    #expect(ProfilesOverlay.lines(state, width: 60).contains { $0.pieces.contains { $0.text.hasPrefix("tuned*") } })
    Fixtures.send(.key(.function(3)), to: &state, using: Fixtures.hybridEngine)
    #expect(state.activeProfile == expected)
    #expect(state.notice == "runs bm25f 100 → L1 10 → blend 8 (tuned)")
    let response = try #require(state.outcome?.response)
    #expect(response.profile == "tuned")
  }

  @Test("0 resets the selected parameter to the file's value, r resets all")
  func reset() {
    var state = Self.state()
    _ = reduce(&state, .key(.function(5)))
    Self.press(.right, 3, in: &state)
    Self.press(.down, in: &state)
    Self.press(.right, 2, in: &state)
    #expect(state.activeProfile?.l1?.weights.map(\.weight) == [1.3, 0.3])
    let effects = reduce(&state, .key(.character("0")))
    #expect(effects.count == 1)
    #expect(state.activeProfile?.l1?.weights.map(\.weight) == [1.3, 0.1])
    #expect(state.isProfileModified)
    Fixtures.send(.key(.character("r")), to: &state, using: Fixtures.hybridEngine)
    #expect(state.activeProfile == Self.tuned)
    #expect(!state.isProfileModified)
    #expect(state.tunedProfiles.isEmpty)
    #expect(state.rankingLabel == "profile tuned")
    #expect(state.notice == "profile tuned reset to its file")
    #expect(reduce(&state, .key(.character("r"))).isEmpty)
  }

  @Test("invalid values are refused with the checks' reason and never searched with")
  func invalidRefused() {
    var state = Self.state()
    let before = state.activeProfile
    let cases: [(TuningParameter, Double?, String)] = [
      (.mmrLambda, 1.5, "MMR lambda must be between 0 and 1, got 1.5"),
      (.typeQuota("video"), -0.1, "the quota of type \"video\" must be a share between 0 and 1, got -0.1"),
      (.blendKeep, 0, "keep must be at least 1, got 0"),
      (.maxPerBoard, 0, "max per board must be at least 1, got 0"),
      (.nearDuplicate, -1, "the near-duplicate threshold is a cosine in (-1, 1], got -1.0"),
      (.weight("log_saves"), .nan, "the L1 weight of log_saves must be a finite number within ±1e9, got nan"),
      (.bias, .infinity, "the L1 bias must be a finite number within ±1e9, got inf"),
    ]
    for (parameter, value, reason) in cases {
      #expect(reduce(&state, .tune(parameter, to: value)).isEmpty)
      #expect(state.notice == "refused: \(reason)")
      #expect(state.activeProfile == before)
    }
    #expect(reduce(&state, .tune(.weight("bm25f"), to: 2)).isEmpty)
    #expect(state.notice == "profile tuned has no parameter L1 bm25f")
    // Turning a rule off is a valid value.
    #expect(reduce(&state, .tune(.mmrLambda, to: nil)).count == 1)
    #expect(state.activeProfile?.blend?.settings.mmrLambda == nil)
  }

  @Test("movement against a baseline: up, down, new, same, and the dropped ids")
  func movementArithmetic() {
    var state = Fixtures.handMadeState()  // hits a, b, c at ranks 1, 2, 3
    #expect(state.movement(of: state.hits[0]) == nil)
    #expect(state.droppedHits == nil)
    state.rankBaseline = RankBaseline(ranks: ["a": 3, "b": 2, "x": 1, "y": 4], generation: state.completedGeneration)
    #expect(state.hits.map { state.movement(of: $0) } == [.up(2), .same, .new])
    #expect(state.hits.map { state.movement(of: $0)?.label } == ["↑2", "=", "new"])
    #expect(state.droppedHits == ["x", "y"])
    var lowered = state
    lowered.rankBaseline = RankBaseline(ranks: ["a": 1, "b": 1, "c": 1], generation: state.completedGeneration)
    #expect(lowered.hits.map { lowered.movement(of: $0) } == [.same, .down(1), .down(2)])
    // Not shown until the re-rank's results arrive.
    state.rankBaseline?.generation = state.completedGeneration + 1
    #expect(state.movement(of: state.hits[0]) == nil)
  }

  @Test("arrows after a tuning change match the previous ranking; entries, drops; cleared when the query changes")
  func arrowsAfterTuning() throws {
    var state = Self.state()
    #expect(state.rankBaseline == nil)
    let before = Dictionary(uniqueKeysWithValues: state.hits.map { ($0.id, $0.rank) })
    #expect(before.count == 6)  // six pins mention cake
    _ = reduce(&state, .key(.function(5)))
    Self.press(.down, in: &state)
    Self.press(.right, 30, in: &state)  // log_saves 0.1 → 3.1 moves popular pins up
    // The baseline is the ranking shown just before the last change, not the first one.
    let previous = try #require(state.rankBaseline?.ranks)
    var moved = 0
    for hit in state.hits {
      let expected: RankMovement = previous[hit.id].map { $0 == hit.rank ? .same : $0 > hit.rank ? .up($0 - hit.rank) : .down(hit.rank - $0) } ?? .new
      #expect(state.movement(of: hit) == expected)
    }
    // Against the ranking before tuning started, popular pins moved.
    var fromStart = state
    fromStart.rankBaseline = RankBaseline(ranks: before, generation: state.completedGeneration)
    for hit in fromStart.hits where fromStart.movement(of: hit) != .same { moved += 1 }
    #expect(moved > 0)

    // Fewer hits: the ones cut are dropped; more again: they come back as new.
    Self.press(.down, 2, in: &state)
    #expect(state.tuningParameters[state.tuningCursor] == .blendKeep)
    Self.press(.left, 5, in: &state)
    #expect(state.hits.count == 3)
    #expect(state.droppedHits?.count == 1)  // the last press cut one hit
    Self.press(.right, in: &state)
    #expect(state.hits.count == 4)
    #expect(state.hits.compactMap { state.movement(of: $0) }.filter { $0 == .new }.count == 1)
    #expect(state.droppedHits == [])

    // A profile switch also shows arrows; editing the query text clears them.
    Fixtures.send(.selectProfile("plain"), to: &state, using: Fixtures.hybridEngine)
    #expect(state.rankBaseline != nil)
    #expect(state.hits.allSatisfy { state.movement(of: $0) != nil })
    Fixtures.send(.key(.function(5)), to: &state, using: Fixtures.hybridEngine)
    Fixtures.send(.insert("s"), to: &state, using: Fixtures.hybridEngine)
    #expect(state.rankBaseline == nil)
    #expect(state.hits.allSatisfy { state.movement(of: $0) == nil })
  }

  @Test("the panel and the arrows at 20×6, 80×24 and 200×50")
  func snapshots() {
    for (width, height) in [(20, 6), (80, 24), (200, 50)] {
      var state = Self.state(width: width, height: height)
      _ = reduce(&state, .key(.function(5)))
      Self.press(.down, in: &state)
      // One change that moves popular pins up: the arrows compare with the file's ranking.
      Fixtures.send(.tune(.weight("log_saves"), to: 3), to: &state, using: Fixtures.hybridEngine)
      let buffer = renderScreen(state, width: width, height: height)
      #expect(buffer.invariantViolation() == nil)
      Snapshot.check(buffer.text, named: "tuning-\(width)x\(height)")
    }
  }

  @Test("the panel never breaks the screen at any size")
  func anySize() {
    var state = Self.state()
    _ = reduce(&state, .key(.function(5)))
    Self.press(.right, 5, in: &state)
    for width in [0, 1, 12, 19, 20, 21, 30, 59, 60, 100, 139, 140] {
      for height in [0, 1, 4, 5, 6, 7, 8, 15, 16, 30] {
        let buffer = renderScreen(state, width: width, height: height)
        #expect(buffer.invariantViolation() == nil, "\(width)×\(height)")
      }
    }
  }
}
