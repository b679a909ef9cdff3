import Foundation
import RankscopeEngine
import Testing
@testable import RankscopeUI

/// Users in the explorer: the picker (F11), the personalization panel (F12: anonymous, signals, history), the
/// lift column, B's user in the compare view (Alt-b) and the cohort view.
@Suite("Personalization in the explorer")
struct PersonalizationViewTests {
  /// A profile weighing the personalization features over BM25F and the text embedding.
  static let personal = RankProfile(
    name: "personal", summary: "BM25F, then L1 with the user's signals", source: "personal.json",
    retrieval: .init(generators: [(name: "bm25f", depth: 100)]),
    l1: .init(keep: 12, weights: [(feature: "bm25f", weight: 1), (feature: "user_similarity", weight: 3),
                                  (feature: "category_affinity", weight: 2), (feature: "hidden_before", weight: -5)]))

  /// Two users of the twelve fixture pins: one into weddings, one into home goods.
  static let directory: UserDirectory = {
    let builder = UserModelBuilder(reader: Fixtures.hybridEngine.reader)
    let day = 86_400.0
    func events(_ user: String, _ list: [(String, EngagementAction, Double)]) -> [EngagementEvent] {
      list.map { EngagementEvent(user: user, document: $0.0, action: $0.1, timestamp: 1_000 * day - $0.2 * day) }
    }
    let wedding = events("u1", [("p6", .save, 1), ("p12", .save, 2), ("p1", .click, 3), ("p9", .hide, 4), ("p6", .closeup, 5)])
    let home = events("u2", [("p3", .save, 1), ("p10", .save, 2), ("p4", .click, 3)])
    do {
      let profiles = [
        try builder.profile(for: UserRecord(id: "u1", name: "Wendy Wedding"), events: wedding, referenceTime: 1_000 * day),
        try builder.profile(for: UserRecord(id: "u2", name: "Hugo Home"), events: home, referenceTime: 1_000 * day),
      ]
      return UserDirectory(profiles: profiles, referenceTime: 1_000 * day)
    } catch {
      fatalError("fixture users: \(error)")
    }
  }()

  /// A state over the hybrid fixture with the users, the profile active and `query` searched.
  static func state(query: String = "cake", user: String? = "u1", width: Int = 120, height: Int = 40) -> AppState {
    var state = AppState(service: Fixtures.hybridEngine, width: width, height: height, profiles: [personal])
    _ = reduce(&state, .resize(width: width, height: height))
    _ = reduce(&state, .loadUsers(directory))
    _ = send(.selectProfile("personal"), to: &state)
    if let user { _ = send(.selectUser(user), to: &state) }
    for character in query { _ = send(.key(.character(character)), to: &state) }
    return state
  }

  @discardableResult
  static func send(_ action: Action, to state: inout AppState) -> [Effect] {
    Fixtures.send(action, to: &state, using: Fixtures.hybridEngine)
  }

  @Test("A user personalizes the request; the lift column compares with the same search without the user")
  func liftColumn() throws {
    var state = Self.state()
    #expect(state.currentRequest.user?.profile.userId == "u1")
    #expect(state.currentRequest.user?.enabledSignals == Set(PersonalizationSignal.allCases))
    let effects = Self.send(.key(.character(" ")), to: &state)
    let lift = effects.compactMap { effect -> SearchRequest? in
      if case .liftSearch(let request, _) = effect { return request }
      return nil
    }.first
    #expect(lift?.user == nil && lift?.query == "cake ")
    let unpersonalized = try Fixtures.hybridEngine.search(try #require(lift))
    let ranks = Dictionary(uniqueKeysWithValues: unpersonalized.hits.map { ($0.id, $0.rank) })
    for hit in state.hits {
      let expected: RankMovement = ranks[hit.id].map { $0 == hit.rank ? .same : $0 > hit.rank ? .up($0 - hit.rank) : .down(hit.rank - $0) } ?? .new
      #expect(state.lift(of: hit) == expected, "\(hit.id)")
    }
    #expect(renderScreen(state, width: 120, height: 40).text.contains("p" + (state.lift(of: state.hits[0])?.label ?? "?")))
  }

  @Test("A hidden document sinks for its user and not for the other")
  func hiddenDocumentSinks() {
    let wendy = Self.state(user: "u1")
    let hugo = Self.state(user: "u2")
    let rankWendy = wendy.hits.first { $0.id == "p9" }?.rank ?? Int.max
    let rankHugo = hugo.hits.first { $0.id == "p9" }?.rank ?? Int.max
    #expect(rankWendy > rankHugo)
  }

  @Test("F12 switches: a signal off reads 0 and re-ranks with arrows; anonymous drops the user from the request")
  func signalsAndAnonymous() {
    var state = Self.state()
    _ = Self.send(.key(.function(12)), to: &state)
    #expect(state.isPersonalizationVisible)
    _ = Self.send(.key(.down), to: &state)  // user_similarity
    _ = Self.send(.key(.character(" ")), to: &state)
    #expect(state.currentRequest.user?.enabledSignals.contains(.userSimilarity) == false)
    #expect(state.rankBaseline != nil)
    #expect(state.notice == "user_similarity off")
    let text = renderScreen(state, width: 120, height: 40).text
    #expect(text.contains("[off] user_similarity"))
    #expect(text.contains("content_type_affinity  (the ranking does not weigh it)"))
    _ = Self.send(.key(.up), to: &state)
    _ = Self.send(.key(.character(" ")), to: &state)
    #expect(state.personalization?.isAnonymous == true)
    #expect(state.currentRequest.user == nil)
    #expect(state.hits.allSatisfy { state.lift(of: $0) == nil })
  }

  @Test("Hiding a history event recomputes the profile without it, as the builder would")
  func hidingAnEvent() throws {
    var state = Self.state()
    _ = Self.send(.key(.function(12)), to: &state)
    // Rows: anonymous, 8 signals, then the history newest first: the first event row is the newest event.
    for _ in 0..<(1 + PersonalizationSignal.allCases.count) { _ = Self.send(.key(.down), to: &state) }
    let effects = Self.send(.key(.character(" ")), to: &state)
    guard case .rebuildProfile(_, let hidden, _)? = effects.first else {
      Issue.record("no recompute asked for")
      return
    }
    let base = try #require(state.personalization?.baseProfile)
    #expect(hidden == [base.events.count - 1])
    let expected = try Fixtures.hybridEngine.rebuildProfile(base, hiding: hidden)
    #expect(state.personalization?.profile == expected)
    #expect(state.personalization?.profile.events.count == base.events.count - 1)
    #expect(state.currentRequest.user?.profile == expected)
    // Restoring it gives the index's profile back without a recompute.
    #expect(Self.send(.key(.character(" ")), to: &state).allSatisfy { if case .rebuildProfile = $0 { return false }; return true })
    #expect(state.personalization?.profile == base)
    #expect(try Fixtures.hybridEngine.rebuildProfile(base, hiding: []) == base)
  }

  @Test("F11 lists users, typing filters, Enter picks; the first entry is no user")
  func picker() {
    var state = Self.state(user: nil)
    _ = Self.send(.key(.function(11)), to: &state)
    #expect(state.userPicker != nil)
    #expect(state.userPickerMatches.count == 2)
    for character in "hugo" { _ = Self.send(.key(.character(character)), to: &state) }
    #expect(state.userPickerMatches.map(\.userId) == ["u2"])
    #expect(state.query.text == "cake")  // typing went to the picker
    #expect(renderScreen(state, width: 120, height: 40).text.contains("Pick a user"))
    #expect(state.userPicker?.cursor == 1)
    _ = Self.send(.key(.enter), to: &state)
    #expect(state.userPicker == nil)
    #expect(state.personalization?.profile.userId == "u2")
    _ = Self.send(.key(.function(11)), to: &state)
    _ = Self.send(.key(.enter), to: &state)  // entry 0
    #expect(state.personalization == nil)
  }

  @Test("An unknown user id is a notice naming near ids")
  func unknownUser() {
    var state = Self.state(user: nil)
    _ = Self.send(.selectUser("u3"), to: &state)
    #expect(state.personalization == nil)
    #expect(state.notice?.hasPrefix("no user u3") == true)
  }

  @Test("Alt-b: B searches for A's user, then without one, then for another picked user")
  func compareUsers() {
    var state = Self.state()
    _ = Self.send(.key(.function(7)), to: &state)
    #expect(state.compare?.choice == .retrieval(.lexical))
    #expect(state.compareRequest?.user?.profile.userId == "u1")
    _ = Self.send(.key(.alt("b")), to: &state)
    #expect(state.compare?.user == .anonymous)
    #expect(state.compareRequest?.user == nil)
    #expect(renderScreen(state, width: 120, height: 40).text.contains("B · retrieval lexical"))
    _ = Self.send(.key(.alt("b")), to: &state)
    #expect(state.userPicker?.side == .b)
    for character in "u2" { _ = Self.send(.key(.character(character)), to: &state) }
    _ = Self.send(.key(.enter), to: &state)
    #expect(state.compareRequest?.user?.profile.userId == "u2")
    #expect(state.currentRequest.user?.profile.userId == "u1")
    #expect(!state.compareHits.isEmpty)
    _ = Self.send(.key(.alt("b")), to: &state)
    #expect(state.compare?.user == .sameAsA)
  }

  @Test("The cohort view turns the marked signal off for the most active users, as a direct computation does")
  func cohort() throws {
    var state = Self.state()
    let judgments = JudgmentSet(queries: (1...8).map { EvaluationQuery(id: "q\($0)", text: ["cake", "wedding", "room", "bowl"][$0 % 4]) },
                                judgments: Judgments(grades: Dictionary(uniqueKeysWithValues: (1...8).map {
                                  ("q\($0)", ["p6": 3, "p1": 2, "p4": 1, "p10": 2])
                                })))
    _ = reduce(&state, .loadJudgments(judgments, storage: nil))
    _ = Self.send(.key(.function(12)), to: &state)
    _ = Self.send(.key(.down), to: &state)
    let effects = Self.send(.key(.character("c")), to: &state)
    guard case .evaluateCohort(let job, _)? = effects.first else {
      Issue.record("c asked for no cohort")
      return
    }
    #expect(job.signal == .userSimilarity)
    #expect(job.users.map(\.userId).sorted() == ["u1", "u2"])
    #expect(job.queries.map(\.id) == QuerySplit.test.apply(queries: judgments.queries, judgments: judgments.judgments).queries.map(\.id))
    let result = try #require(try state.cohort?.result?.get())
    let direct = try performCohort(job, using: Fixtures.hybridEngine).get()
    #expect(result == direct)
    #expect(result.rows.count == 2)
    #expect(renderScreen(state, width: 120, height: 40).text.contains("cohort: user_similarity on → off over 2 users"))
  }

  @Test("Without users the picker and the panel say how to get some")
  func noUsers() {
    var state = AppState(service: Fixtures.engine, width: 80, height: 24)
    _ = reduce(&state, .resize(width: 80, height: 24))
    _ = Fixtures.send(.key(.function(11)), to: &state)
    #expect(state.userPicker == nil)
    #expect(state.notice?.contains("rankscope users --build") == true)
    _ = Fixtures.send(.key(.function(12)), to: &state)
    #expect(!state.isPersonalizationVisible)
  }

  @Test("Alt-h shows the user's homefeed like results (hidden pins left out), Alt-r a hit's related pins; typing searches")
  func recommendations() throws {
    var state = Self.state(user: nil)
    _ = Self.send(.key(.alt("h")), to: &state)
    #expect(state.mode == .search)
    #expect(state.notice?.contains("F11") == true)
    _ = Self.send(.selectUser("u1"), to: &state)
    let effects = Self.send(.key(.alt("h")), to: &state)
    guard case .recommend(let query, _)? = effects.first else {
      Issue.record("Alt-h asked for no recommendation")
      return
    }
    #expect(query.mode == .homefeed && query.user?.profile.userId == "u1" && query.profile?.name == "personal")
    #expect(state.mode == .homefeed)
    #expect(!state.hits.isEmpty)
    #expect(!state.hits.contains { $0.id == "p9" })  // hidden by u1
    let direct = try Fixtures.hybridEngine.recommend(try #require(query.request(walker: nil)))
    #expect(state.hits.map(\.id) == direct.hits.map(\.id))
    #expect(renderScreen(state, width: 120, height: 40).text.contains("Homefeed · u1 Wendy Wedding"))
    // The second hit's explanation comes from the same recommendation.
    _ = Self.send(.command(.focusResults), to: &state)
    let next = Self.send(.key(.down), to: &state)
    #expect(next.contains { if case .explainRecommendation = $0 { return true }; return false })
    #expect(state.selectedHit?.explanation != nil)
    // Related to the selected hit.
    let selected = try #require(state.selectedHit?.id)
    _ = Self.send(.key(.character("r")), to: &state)
    #expect(state.mode == .related(selected))
    #expect(!state.hits.isEmpty && !state.hits.contains { $0.id == selected })
    #expect(renderScreen(state, width: 120, height: 40).text.contains("Related to \(selected)"))
    // Typing goes back to searching.
    _ = Self.send(.command(.focusQuery), to: &state)
    _ = Self.send(.key(.character("x")), to: &state)
    #expect(state.mode == .search)
    #expect(state.query.text == "cakex")
  }

  @Test("Personalization panel screen")
  func snapshot() {
    var state = Self.state(width: 100, height: 30)
    _ = Self.send(.key(.function(12)), to: &state)
    _ = Self.send(.key(.down), to: &state)
    Snapshot.check(renderScreen(state, width: 100, height: 30).text, named: "personalization-100x30")
  }
}
