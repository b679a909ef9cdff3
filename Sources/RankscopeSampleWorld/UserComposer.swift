/// Composes users: a unique realistic name, an activity level and a latent mixture of two to five
/// interests, mostly within one vertical, as real people's boards tend to be.
struct UserComposer: Sendable {
  /// The world's seed.
  let seed: UInt64
  /// Every category, prepared.
  let grammars: [CategoryGrammar]

  /// The `count` users, "u0001" and up.
  func users(count: Int) -> [SampleUser] {
    var generator = SplitMix64(seed: seed, stream: "users")
    let categoryWeights = grammars.map { $0.category.popularity }
    let verticalWeights = SampleCatalog.verticals.indices.map { vertical in
      grammars.filter { $0.verticalIndex == vertical }.reduce(0) { $0 + $1.category.popularity }
    }
    let verticalSampler = WeightedSampler(weights: verticalWeights)
    let categorySampler = WeightedSampler(weights: categoryWeights)
    var usedNames: Set<String> = []
    var users: [SampleUser] = []
    users.reserveCapacity(count)
    for index in 0..<count {
      let name = uniqueName(avoiding: &usedNames, using: &generator)
      let vertical = verticalSampler.sample(using: &generator)
      let categories = interestCategories(primaryVertical: vertical, sampler: categorySampler, using: &generator)
      let interests = Self.interests(categories.map { grammars[$0].category.name }, using: &generator)
      let activity = DeterministicMath.exp(0.9 * generator.normal())
      users.append(SampleUser(id: Self.userID(index), name: name, interests: interests, activity: activity))
    }
    return users
  }

  /// "u0001" for index 0.
  static func userID(_ index: Int) -> String {
    "u" + zeroPadded(index + 1, width: 4)
  }

  private func uniqueName(avoiding used: inout Set<String>, using generator: inout SplitMix64) -> String {
    var name = ""
    for _ in 0..<100 {
      name = generator.element(of: SampleCatalog.firstNames) + " " + generator.element(of: SampleCatalog.lastNames)
      if used.insert(name).inserted { return name }
    }
    return name
  }

  /// Two to five distinct category indices, about 70% of them from the primary vertical.
  private func interestCategories(primaryVertical: Int, sampler: WeightedSampler,
                                  using generator: inout SplitMix64) -> [Int] {
    let wanted = 2 + generator.below(4)
    let own = grammars.indices.filter { grammars[$0].verticalIndex == primaryVertical }
    var chosen: [Int] = []
    var attempts = 0
    while chosen.count < wanted, attempts < 100 {
      attempts += 1
      let candidate = generator.chance(0.7) ? generator.element(of: own) : sampler.sample(using: &generator)
      if !chosen.contains(candidate) { chosen.append(candidate) }
    }
    return chosen
  }

  /// Shares drawn from a flat Dirichlet (normalised exponentials), in whole percents adding up to 100,
  /// largest first (ties by name).
  static func interests(_ categories: [String], using generator: inout SplitMix64) -> [SampleUser.Interest] {
    let draws = categories.map { _ in generator.exponential(mean: 1) + 0.05 }
    let total = draws.reduce(0, +)
    var percents = draws.map { max(1, Int(($0 / total * 100).rounded(.down))) }
    let largest = percents.indices.max { percents[$0] < percents[$1] || (percents[$0] == percents[$1] && $0 > $1) }!
    percents[largest] += 100 - percents.reduce(0, +)
    return zip(categories, percents).map { SampleUser.Interest(category: $0, percent: $1) }
      .sorted { $0.percent != $1.percent ? $0.percent > $1.percent : $0.category < $1.category }
  }
}
