import Testing
import RankscopeSampleWorld

@Suite("Sample world users, events and query log")
struct SampleActivityTests {
  let world = SmallWorld.world

  @Test("users have unique names and interests that add up to one")
  func users() {
    #expect(world.users.count == SmallWorld.configuration.userCount)
    #expect(world.users.first?.id == "u0001")
    #expect(Set(world.users.map(\.name)).count == world.users.count)
    let categories = Set(SampleCatalog.categories.map(\.category.name))
    for user in world.users {
      #expect(user.name.split(separator: " ").count >= 2)
      #expect((2...5).contains(user.interests.count))
      #expect(user.interests.reduce(0) { $0 + $1.percent } == 100)
      #expect(user.interests.allSatisfy { categories.contains($0.category) && $0.percent > 0 })
      #expect(zip(user.interests, user.interests.dropFirst()).allSatisfy { $0.percent >= $1.percent })
    }
    let objects = SmallWorld.objects(world.usersFile())
    #expect(objects.allSatisfy { Set($0.keys) == ["id", "name", "interests"] })
  }

  @Test("events are time-ordered and reference existing users and pins")
  func events() {
    #expect(world.events.count == SmallWorld.configuration.eventCount)
    let users = Set(world.users.map(\.id))
    let pins = Set(world.pins.map(\.id))
    for (previous, next) in zip(world.events, world.events.dropFirst()) {
      #expect(previous.timestamp <= next.timestamp)
    }
    for event in world.events {
      #expect(users.contains(event.user) && pins.contains(event.doc))
    }
    let actions = Set(world.events.map(\.action))
    #expect(actions == Set(SampleEvent.Action.allCases))
    let fromSearch = world.events.filter { $0.query != nil }.count
    #expect(fromSearch > 0 && fromSearch < world.events.count)
    let objects = SmallWorld.objects(world.eventsFile())
    for object in objects {
      let keys = Set(object.keys)
      #expect(keys == ["user", "doc", "action", "ts"] || keys == ["user", "doc", "action", "ts", "query"])
    }
  }

  @Test("searches show ten existing pins, clicks are a subset of them, in time order")
  func searches() {
    #expect(world.searches.count == SmallWorld.configuration.searchCount)
    let pins = Set(world.pins.map(\.id))
    let users = Set(world.users.map(\.id))
    for search in world.searches {
      #expect(search.shown.count == 10 && Set(search.shown).count == 10)
      #expect(search.shown.allSatisfy(pins.contains))
      #expect(users.contains(search.user))
      #expect(Set(search.clicked).isSubset(of: Set(search.shown)))
      let positions = search.clicked.compactMap { search.shown.firstIndex(of: $0) }
      #expect(positions == positions.sorted())
      #expect(!search.query.isEmpty && search.query == search.query.lowercased())
    }
    for (previous, next) in zip(world.searches, world.searches.dropFirst()) {
      #expect(previous.timestamp <= next.timestamp)
    }
    let objects = SmallWorld.objects(world.queryLogFile())
    #expect(objects.allSatisfy { Set($0.keys).subtracting(["intended"]) == ["user", "query", "ts", "shown", "clicked"] })
    // The meant query is written exactly for the searches typed with a typo.
    #expect(zip(objects, world.searches).allSatisfy { object, search in
      (object["intended"] as? String) == (search.isMisspelled ? search.intendedQuery : nil)
    })
  }

  @Test("clicks show position bias")
  func positionBias() {
    var clicksAtRank = [Int](repeating: 0, count: 10)
    for search in world.searches {
      for doc in search.clicked { clicksAtRank[search.shown.firstIndex(of: doc)!] += 1 }
    }
    #expect(clicksAtRank[0] > clicksAtRank[4] && clicksAtRank[4] > clicksAtRank[9])
    let withClicks = world.searches.filter { !$0.clicked.isEmpty }.count
    #expect(withClicks > world.searches.count / 3 && withClicks < world.searches.count)
  }

  @Test("about 8% of queries are misspelled and refinements extend the previous query")
  func misspellingsAndRefinements() {
    let misspelled = world.searches.filter(\.isMisspelled)
    let share = Double(misspelled.count) / Double(world.searches.count)
    #expect(share > 0.05 && share < 0.11)
    for search in misspelled {
      #expect(search.query != search.intendedQuery)
      #expect(search.query.split(separator: " ").count == search.intendedQuery.split(separator: " ").count)
    }
    let refinements = world.searches.filter(\.isRefinement)
    #expect(refinements.count > world.searches.count / 20)
    for refinement in refinements {
      let earlier = world.searches.filter {
        $0.user == refinement.user && $0.timestamp < refinement.timestamp
          && refinement.intendedQuery.hasPrefix($0.intendedQuery + " ")
      }
      #expect(!earlier.isEmpty, "\(refinement.intendedQuery)")
    }
  }
}
