/// Simulates users over the second half of 2025: search sessions (queries, refinements, typos, the
/// production ranker's results and position-biased clicks) and home-feed browsing, producing the query log
/// and the time-ordered engagement events.
struct ActivitySimulator: Sendable {
  /// The world's seed.
  let seed: UInt64
  /// The pins.
  let pins: [SamplePin]
  /// The users.
  let users: [SampleUser]
  /// Writes query text.
  let composer: QueryComposer
  /// Ranks results for the log.
  let ranker: ProductionRankerSimulator
  /// Draws clicks.
  let clickModel = PositionBasedClickModel()
  /// Per user, the categories of their interests (indices) and a sampler over their shares.
  let interestCategories: [[Int]]
  /// Per user, a sampler over their interests' shares.
  let interestSamplers: [WeightedSampler]
  /// Per category, a sampler of its pins by popularity (`√(1 + clicks)`); nil when the category is empty.
  let popularPins: [WeightedSampler?]
  /// Draws users by activity.
  let userSampler: WeightedSampler

  /// Prepares the simulation.
  init(seed: UInt64, pins: [SamplePin], users: [SampleUser], composer: QueryComposer,
       ranker: ProductionRankerSimulator) {
    self.seed = seed
    self.pins = pins
    self.users = users
    self.composer = composer
    self.ranker = ranker
    var indexByName: [String: Int] = [:]
    for (index, grammar) in composer.grammars.enumerated() { indexByName[grammar.category.name] = index }
    interestCategories = users.map { user in user.interests.compactMap { indexByName[$0.category] } }
    interestSamplers = users.map { user in WeightedSampler(weights: user.interests.map(\.weight)) }
    popularPins = ranker.pinsByCategory.map { members in
      members.isEmpty ? nil : WeightedSampler(weights: members.map { (1 + Double(pins[$0].clicks)).squareRoot() })
    }
    userSampler = WeightedSampler(weights: users.map(\.activity))
  }

  /// One engagement before sorting: the event and the order it was made in (the tie-breaker).
  private struct PendingEvent {
    var event: SampleEvent
    var sequence: Int
  }

  /// The query log (`searchCount` searches) and `eventCount` events, both in time order.
  func simulate(searchCount: Int, eventCount: Int,
                progress: (String, Double) -> Void) -> (searches: [SampleSearch], events: [SampleEvent]) {
    guard !users.isEmpty, !pins.isEmpty else { return ([], []) }
    var generator = SplitMix64(seed: seed, stream: "searches")
    var searches: [(search: SampleSearch, sequence: Int)] = []
    var pending: [PendingEvent] = []
    var reported = 0
    while searches.count < searchCount {
      simulateSearchSession(remaining: searchCount - searches.count, into: &searches, events: &pending,
                            using: &generator)
      if searches.count - reported >= 1_000 {
        reported = searches.count
        progress("searches", Double(reported) / Double(searchCount))
      }
    }
    progress("searches", 1)
    if pending.count > eventCount { pending.removeLast(pending.count - eventCount) }

    var browseGenerator = SplitMix64(seed: seed, stream: "browsing")
    while pending.count < eventCount {
      simulateBrowseSession(remaining: eventCount - pending.count, into: &pending, using: &browseGenerator)
    }
    progress("events", 1)

    let orderedSearches = searches.sorted {
      $0.search.timestamp != $1.search.timestamp ? $0.search.timestamp < $1.search.timestamp : $0.sequence < $1.sequence
    }.map(\.search)
    let orderedEvents = pending.sorted {
      $0.event.timestamp != $1.event.timestamp ? $0.event.timestamp < $1.event.timestamp : $0.sequence < $1.sequence
    }.map(\.event)
    return (orderedSearches, orderedEvents)
  }

  /// A session start, uniform over the activity window (leaving two hours at the end).
  private func sessionStart(using generator: inout SplitMix64) -> Int {
    PinComposer.activityStart + generator.below(PinComposer.activityEnd - PinComposer.activityStart - 7_200)
  }

  /// A category the user cares about (nine times in ten), or any category.
  private func category(for user: Int, using generator: inout SplitMix64) -> Int {
    if generator.chance(0.9), !interestCategories[user].isEmpty {
      return interestCategories[user][interestSamplers[user].sample(using: &generator)]
    }
    return generator.below(ranker.pinsByCategory.count)
  }

  /// A pin of the category, drawn by popularity.
  private func popularPin(in category: Int, using generator: inout SplitMix64) -> Int? {
    guard let sampler = popularPins[category] else { return nil }
    return ranker.pinsByCategory[category][sampler.sample(using: &generator)]
  }

  /// One search session: one to five queries a minute or two apart; a follow-up query refines the previous
  /// one (appends a word of the same pin's attributes) two times in five.
  private func simulateSearchSession(remaining: Int, into searches: inout [(search: SampleSearch, sequence: Int)],
                                     events: inout [PendingEvent], using generator: inout SplitMix64) {
    let user = userSampler.sample(using: &generator)
    var queryCount = 1
    while queryCount < 5, generator.chance(0.45) { queryCount += 1 }
    var time = sessionStart(using: &generator)
    var previous: (intent: QueryIntent, text: String, seedPin: Int)?
    for _ in 0..<min(queryCount, remaining) {
      var isRefinement = false
      var current: (intent: QueryIntent, text: String, seedPin: Int)
      if let last = previous, generator.chance(0.4), let kind = refinementKind(for: last.intent, using: &generator) {
        var intent = last.intent
        composer.set(kind, from: pins[last.seedPin].truth, in: &intent)
        let text = composer.refinement(of: last.text, adding: kind, from: pins[last.seedPin].truth, using: &generator)
        current = (intent, text, last.seedPin)
        isRefinement = true
      } else {
        guard let seedPin = popularPin(in: category(for: user, using: &generator), using: &generator) else { return }
        let extra = [0, 0, 1, 1, 1, 2][generator.below(6)]
        let intent = composer.intent(from: pins[seedPin], extraCount: extra, includeDetail: generator.chance(0.05),
                                     using: &generator)
        current = (intent, composer.text(for: intent, using: &generator), seedPin)
      }
      let typed = generator.chance(0.08) ? Misspeller.misspell(current.text, using: &generator) : current.text
      let shown = ranker.rank(current.intent, noise: typed == current.text ? 0.6 : 0.9, using: &generator)
      let results = shown.map { (grade: current.intent.grade(pins[$0].truth), quality: pins[$0].truth.quality) }
      let clicked = clickModel.clickedPositions(results, using: &generator)
      let search = SampleSearch(
        user: users[user].id, query: typed, timestamp: time, shown: shown.map { pins[$0].id },
        clicked: clicked.map { pins[shown[$0]].id }, intendedQuery: current.text,
        isMisspelled: typed != current.text, isRefinement: isRefinement)
      searches.append((search, searches.count))
      time = appendSearchEvents(search, grades: results.map(\.grade), clicked: clicked, into: &events,
                                using: &generator)
      time += 15 + generator.below(120)
      previous = current
    }
  }

  /// What a refinement adds: the main feature more often than not, else another missing attribute.
  private func refinementKind(for intent: QueryIntent,
                              using generator: inout SplitMix64) -> QueryComposer.AttributeKind? {
    let missing = composer.missingKinds(of: intent)
    guard !missing.isEmpty else { return nil }
    if missing.contains(.detail), generator.chance(0.6) { return .detail }
    return generator.element(of: missing)
  }

  /// Events of one search: a click per clicked result, sometimes followed by a close-up or a save; now and
  /// then a hidden irrelevant result. Returns the time the user is done.
  private func appendSearchEvents(_ search: SampleSearch, grades: [Int], clicked: [Int],
                                  into events: inout [PendingEvent], using generator: inout SplitMix64) -> Int {
    var time = search.timestamp
    func add(_ action: SampleEvent.Action, _ doc: String) {
      let event = SampleEvent(user: search.user, doc: doc, action: action, timestamp: time, query: search.query)
      events.append(PendingEvent(event: event, sequence: events.count))
    }
    for (position, doc) in search.shown.enumerated() {
      if clicked.contains(position) {
        time += 4 + generator.below(30)
        add(.click, doc)
        if generator.chance(0.15) { time += 2 + generator.below(20); add(.closeup, doc) }
        if generator.chance(0.04 + 0.07 * Double(grades[position])) { time += 2 + generator.below(15); add(.save, doc) }
      } else if grades[position] == 0, generator.chance(0.03) {
        time += 2 + generator.below(10)
        add(.hide, doc)
      }
    }
    return time
  }

  /// One home-feed session: one to ten engagements with popular pins of the user's interests (and a few
  /// outside them, which are more often hidden).
  private func simulateBrowseSession(remaining: Int, into events: inout [PendingEvent],
                                     using generator: inout SplitMix64) {
    let user = userSampler.sample(using: &generator)
    var time = sessionStart(using: &generator)
    let count = min(remaining, 1 + generator.below(10))
    for _ in 0..<count {
      let exploring = generator.chance(0.12)
      let category = exploring ? generator.below(ranker.pinsByCategory.count)
        : self.category(for: user, using: &generator)
      guard let pin = popularPin(in: category, using: &generator) else { continue }
      let action = browseAction(exploring: exploring, using: &generator)
      time += 4 + generator.below(60)
      let event = SampleEvent(user: users[user].id, doc: pins[pin].id, action: action, timestamp: time, query: nil)
      events.append(PendingEvent(event: event, sequence: events.count))
    }
  }

  /// Close-ups are the most common engagement, saves and clicks follow; hides mostly hit pins outside the
  /// user's interests.
  private func browseAction(exploring: Bool, using generator: inout SplitMix64) -> SampleEvent.Action {
    let draw = generator.unit()
    if exploring {
      return draw < 0.45 ? .closeup : draw < 0.55 ? .save : draw < 0.7 ? .click : .hide
    }
    return draw < 0.45 ? .closeup : draw < 0.7 ? .save : draw < 0.96 ? .click : .hide
  }
}
