import Testing
@testable import RankscopeEngine

/// Sessions cut at 30-minute gaps and the narrowing transitions within them.
@Suite("QueryTransitions")
struct QueryTransitionsTests {
  static func search(_ user: String?, _ query: String, minute: Double, clicked: Bool) -> QueryLog.Search {
    QueryLog.Search(user: user, query: query, timestamp: minute * 60, shown: ["d"], clicked: clicked ? ["d"] : [])
  }

  static let log = QueryLog(file: "t", searches: [
    search("u1", "kitchen", minute: 0, clicked: false),
    search("u1", "Kitchen Cabinets", minute: 5, clicked: true),
    search("u2", "kitchen", minute: 1, clicked: false),
    search("u2", "kitchen cabinets", minute: 40, clicked: true),   // 39 minutes later: a new session
    search("u3", "kitchen", minute: 0, clicked: false),
    search("u3", "cabinets kitchen white", minute: 10, clicked: false),
    search("u3", "white", minute: 12, clicked: true),              // not narrower
    search(nil, "kitchen", minute: 0, clicked: false),
    search(nil, "kitchen sink", minute: 1, clicked: true),         // anonymous: not sessionized
  ])

  @Test("sessions split per user at gaps over 30 minutes, in time order; anonymous searches are left out")
  func sessions() {
    let sessions = QueryTransitions.sessions(of: Self.log, gap: 30 * 60)
    #expect(sessions.map { $0.map(\.normalizedQuery) } == [
      ["kitchen", "kitchen cabinets"], ["kitchen"], ["kitchen cabinets"], ["kitchen", "cabinets kitchen white", "white"],
    ])
  }

  @Test("transitions count narrowing successors in a session, with their clicks and users")
  func transitions() {
    let transitions = QueryTransitions(log: Self.log)
    #expect(transitions.from("kitchen") == [
      .init(query: "cabinets kitchen white", count: 1, clickedCount: 0, userCounts: ["u3": 1]),
      .init(query: "kitchen cabinets", count: 1, clickedCount: 1, userCounts: ["u1": 1]),
    ])
    #expect(transitions.from("cabinets kitchen white").isEmpty)
    let hourly = QueryTransitions(log: Self.log, sessionGap: 3600)
    #expect(hourly.from("kitchen").first { $0.query == "kitchen cabinets" }?.count == 2)
    #expect(QueryTransitions.narrows("kitchen", "white kitchen"))
    #expect(!QueryTransitions.narrows("kitchen cabinets", "kitchen"))
    #expect(!QueryTransitions.narrows("kitchen", "kitchen"))
  }
}
