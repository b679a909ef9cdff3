import Foundation
import RankscopeEngine
import Testing
@testable import RankscopeUI

/// Rank profiles in the explorer: cycling (F3), the overlay (F4), F2's interplay and the status line.
@Suite("Rank profiles in the explorer")
struct ProfileTests {
  /// BM25F alone, then L1 over the fused score and saves.
  static let lexical = RankProfile(
    name: "lexical-saves", summary: "BM25F, then a linear model adding saves", source: "lexical-saves.json",
    retrieval: .init(generators: [(name: "bm25f", depth: 100)]),
    l1: .init(keep: 10, weights: [(feature: "fused_score", weight: 1), (feature: "log_saves", weight: 0.1)]))
  /// BM25F and the text embedding, fused: needs semantic retrieval.
  static let hybrid = RankProfile(
    name: "mixed", summary: "BM25F and the text embedding, fused", source: "mixed.json",
    retrieval: .init(generators: [(name: "bm25f", depth: 100), (name: "ann:text_embedding", depth: 50)]))
  /// BM25F only.
  static let plain = RankProfile(name: "plain", summary: "", source: "plain.json",
                                 retrieval: .init(generators: [(name: "bm25f", depth: 50)]))

  static let problems = ["/data/profiles/broken.json:3: l1.weights.bm25_titel: unknown feature \"bm25_titel\"; did you mean bm25_title?"]

  /// A state over `service` with the three profiles (sorted by name, as the library gives them).
  static func state(service: any SearchService = Fixtures.engine, width: Int = 80, height: Int = 24,
                    problems: [String] = []) -> AppState {
    var state = AppState(service: service, width: width, height: height, profiles: [lexical, hybrid, plain],
                         profileProblems: problems)
    _ = reduce(&state, .resize(width: width, height: height))
    return state
  }

  @Test("F3 cycles none → each profile → none and searches again at once, skipping the one needing embeddings")
  func cycleSkipsWhenSemanticOff() {
    var state = Self.state()
    #expect(!state.semanticStatus.isAvailable)
    _ = reduce(&state, .insert("cake"))
    let generation = state.generation
    var effects = reduce(&state, .key(.function(3)))
    #expect(state.activeProfile?.name == "lexical-saves")
    #expect(effects == [.search(SearchRequest(query: "cake", limit: state.resultLimit, explain: true, explained: .first(1), profile: Self.lexical),
                                generation: generation + 1)])
    #expect(state.notice == "runs bm25f 100 → L1 10")
    effects = reduce(&state, .key(.control("p")))
    #expect(state.activeProfile?.name == "plain")
    #expect(effects.count == 1)
    #expect(state.notice?.hasPrefix("runs bm25f 50 · ") == true)
    #expect(state.notice?.contains("skipped mixed (semantic retrieval is off: ") == true)
    _ = reduce(&state, .key(.function(3)))
    #expect(state.activeProfile == nil)
    #expect(state.notice == "profile off")
    #expect(state.currentRequest.profile == nil)
  }

  @Test("with semantic retrieval on, F3 visits every profile")
  func cycleAll() {
    var state = Self.state(service: Fixtures.hybridEngine)
    #expect(state.semanticStatus.isAvailable)
    var names: [String?] = []
    for _ in 0..<4 {
      _ = reduce(&state, .key(.function(3)))
      names.append(state.activeProfile?.name)
    }
    #expect(names == ["lexical-saves", "mixed", "plain", nil])
  }

  @Test("F3 without profiles says how to load some; an empty query switches without searching")
  func noProfiles() {
    var state = Fixtures.state()
    #expect(reduce(&state, .key(.function(3))).isEmpty)
    #expect(state.notice == "no rank profiles are loaded (give --profiles DIR)")
    var withProfiles = Self.state()
    #expect(reduce(&withProfiles, .key(.function(3))).isEmpty)
    #expect(withProfiles.activeProfile?.name == "lexical-saves")
  }

  @Test("every later edit carries the active profile in its request; the engine runs it")
  func requestCarriesProfile() throws {
    var state = Self.state()
    _ = reduce(&state, .key(.function(3)))
    for character in "cake" { Fixtures.send(.key(.character(character)), to: &state) }
    #expect(state.currentRequest.profile == Self.lexical)
    let response = try #require(state.outcome?.response)
    #expect(response.profile == "lexical-saves")
    #expect(StatusLineView(state: state).profileStages == "retrieve 8 › L1 8")
    let hit = try #require(state.selectedHit)
    #expect(ExplanationChecker.isExact(try #require(hit.explanation), score: hit.score))
  }

  @Test("F2 with a profile active turns the profile off and keeps the retrieval mode; the next F2 cycles")
  func f2TurnsProfileOff() {
    var state = Self.state(service: Fixtures.hybridEngine)
    _ = reduce(&state, .insert("cake"))
    _ = reduce(&state, .key(.function(2)))
    #expect(state.retrieval == .semantic)
    _ = reduce(&state, .key(.function(3)))
    #expect(state.activeProfile != nil)
    let generation = state.generation
    let effects = reduce(&state, .key(.function(2)))
    #expect(state.activeProfile == nil)
    #expect(state.retrieval == .semantic)
    #expect(state.notice == "profile lexical-saves off")
    #expect(effects == [.search(SearchRequest(query: "cake", limit: state.resultLimit, explain: true, explained: .first(1), retrieval: .semantic),
                                generation: generation + 1)])
    _ = reduce(&state, .key(.function(2)))
    #expect(state.retrieval == .hybrid)
    // F2 with a profile active also works when semantic retrieval is off: it only turns the profile off.
    var off = Self.state()
    _ = reduce(&off, .key(.function(3)))
    _ = reduce(&off, .key(.function(2)))
    #expect(off.activeProfile == nil)
    #expect(off.retrieval == .lexical)
  }

  @Test("the overlay: F4 opens it on the active profile, ↑↓ move, Enter picks and searches, Esc closes")
  func overlayKeys() {
    var state = Self.state()
    _ = reduce(&state, .insert("cake"))
    _ = reduce(&state, .key(.function(4)))
    #expect(state.isProfilesVisible)
    #expect(state.profileCursor == 0)
    // Typing goes nowhere while the list is shown.
    #expect(reduce(&state, .key(.character("x"))).isEmpty)
    #expect(state.query.text == "cake")
    _ = reduce(&state, .key(.down))
    _ = reduce(&state, .key(.character("j")))
    #expect(state.profileCursor == 2)
    // "mixed" needs the text embedding: refused with a notice, the list stays open.
    #expect(reduce(&state, .key(.enter)).isEmpty)
    #expect(state.isProfilesVisible)
    #expect(state.notice?.hasPrefix("profile mixed needs the query's text embedding; semantic retrieval is off") == true)
    for _ in 0..<5 { _ = reduce(&state, .key(.down)) }
    #expect(state.profileCursor == 3)
    let effects = reduce(&state, .key(.enter))
    #expect(!state.isProfilesVisible)
    #expect(state.activeProfile?.name == "plain")
    #expect(effects.count == 1)
    _ = reduce(&state, .key(.control("o")))
    #expect(state.profileCursor == 3)
    _ = reduce(&state, .key(.up))
    _ = reduce(&state, .key(.escape))
    #expect(!state.isProfilesVisible)
    #expect(state.activeProfile?.name == "plain")
    #expect(state.focus == .query)
    // Enter on the active profile closes without searching; ? swaps the overlay for the help.
    _ = reduce(&state, .key(.function(4)))
    #expect(reduce(&state, .key(.enter)).isEmpty)
    _ = reduce(&state, .key(.function(4)))
    _ = reduce(&state, .key(.character("?")))
    #expect(state.isHelpVisible && !state.isProfilesVisible)
  }

  @Test("--profile at start: the profile is active, the notice keeps the skipped files, the initial query searches with it")
  func selectAtStart() {
    var state = Self.state(problems: Self.problems)
    #expect(state.notice == "skipped rank profile \(Self.problems[0]) (F4 lists them)")
    _ = reduce(&state, .selectProfile("plain"))
    _ = reduce(&state, .setQuery("cake"))
    #expect(state.activeProfile?.name == "plain")
    #expect(state.notice == "runs bm25f 50 · skipped rank profile \(Self.problems[0]) (F4 lists them)")
    #expect(state.currentRequest.profile == Self.plain)
    var unknown = Self.state()
    _ = reduce(&unknown, .selectProfile("hybrd"))
    #expect(unknown.activeProfile == nil)
    #expect(unknown.notice == "no rank profile named \"hybrd\" (there are lexical-saves, mixed, plain)")
  }

  @Test("status line: the profile's name and its traced stages when they fit, the name alone when not")
  func statusLine() {
    var state = Self.state()
    _ = reduce(&state, .key(.function(3)))
    for character in "cake" { Fixtures.send(.key(.character(character)), to: &state) }
    let wide = Fixtures.draw(width: 100, height: 1) { buffer, rect in StatusLineView(state: state).draw(into: &buffer, rect: rect) }
    let narrow = Fixtures.draw(width: 40, height: 1) { buffer, rect in StatusLineView(state: state).draw(into: &buffer, rect: rect) }
    #expect(wide.text.hasPrefix(" profile lexical-saves: retrieve 8 › L1 8 │ 8 of"))
    #expect(narrow.text.hasPrefix(" profile lexical-saves │ 8 of"))
    Snapshot.check([wide.text, narrow.text].joined(separator: "\n"), named: "status-line-profile")
  }

  @Test("the overlay at 20×6, 80×24 and 200×50, with a skipped file; the list scrolls to the marked entry")
  func overlaySnapshots() {
    for (width, height) in [(20, 6), (80, 24), (200, 50)] {
      var state = Self.state(width: width, height: height, problems: Self.problems)
      _ = reduce(&state, .key(.function(3)))
      Fixtures.send(.setQuery("cake"), to: &state)
      _ = reduce(&state, .key(.function(4)))
      let buffer = renderScreen(state, width: width, height: height)
      #expect(buffer.invariantViolation() == nil)
      Snapshot.check(buffer.text, named: "profiles-\(width)x\(height)")
    }
    var small = Self.state(width: 30, height: 10, problems: Self.problems)
    _ = reduce(&small, .key(.function(4)))
    for _ in 0..<3 { _ = reduce(&small, .key(.down)) }
    let text = renderScreen(small, width: 30, height: 10).text
    #expect(text.contains("plain"))
    Snapshot.check(text, named: "profiles-30x10-last")
  }

  @Test("the overlay never breaks the screen at any size")
  func overlayAnySize() {
    var state = Self.state(problems: Self.problems + ["x.json: \(String(repeating: "抹茶", count: 40))"])
    _ = reduce(&state, .key(.function(4)))
    for width in 0...50 {
      for height in 0...14 {
        for cursor in [0, 3] {
          var sized = state
          _ = reduce(&sized, .resize(width: width, height: height))
          sized.profileCursor = cursor
          #expect(renderScreen(sized, width: width, height: height).invariantViolation() == nil, "\(width)×\(height)")
        }
      }
    }
  }

  @Test("wrapping breaks at spaces and cuts words wider than a line")
  func wrap() {
    #expect(ProfilesOverlay.wrap("a bb ccc", width: 4) == ["a bb", "ccc"])
    #expect(ProfilesOverlay.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(ProfilesOverlay.wrap("", width: 4) == [""])
    #expect(ProfilesOverlay.wrap("抹茶", width: 1) == ["抹", "茶"])
  }
}
