/// The homefeed generator `interests:<field>`: the nearest neighbours of each of the user's interest vectors
/// (PinnerSage's medoids, Pal et al. KDD 2020), with the list's `depth` shared among interests in proportion to
/// their importance (largest remainders; at least one slot each while slots remain), most important first.
/// A document near several interests counts for the first that took it. The list is ordered by cosine.
struct InterestGenerator: CandidateGenerator {
  /// The generator's name over vector field `field`.
  static func generatorName(field: String) -> String { "interests:\(field)" }
  /// The searcher of the text-embedding field.
  let searcher: VectorSearcher
  /// The user's profile.
  let profile: UserProfile
  /// The candidates, the interest (position) each came from, and the quotas: found once, when made.
  let found: (list: CandidateList, interest: [Int: Int], quotas: [Int])

  /// Finds the candidates of `profile`'s interests among the documents `filter` allows, `depth` in all.
  init(searcher: VectorSearcher, profile: UserProfile, filter: DocumentFilter?, depth: Int) throws {
    self.searcher = searcher
    self.profile = profile
    found = try Self.assignment(searcher: searcher, profile: profile, filter: filter, depth: depth)
  }

  var name: String { Self.generatorName(field: searcher.fieldName) }

  /// Each interest's share of `depth` slots, in interest order: `depth · importance / Σ importance`, rounded
  /// down, the remaining slots to the largest remainders (ties: the more important interest).
  static func quotas(importances: [Double], depth: Int) -> [Int] {
    let total = importances.reduce(0) { $0 + max(0, $1) }
    guard total > 0, depth > 0 else { return importances.map { _ in 0 } }
    let exact = importances.map { Double(depth) * max(0, $0) / total }
    var quotas = exact.map { Int($0.rounded(.down)) }
    var left = depth - quotas.reduce(0, +)
    let order = exact.indices.sorted { (exact[$0] - Double(quotas[$0])) > (exact[$1] - Double(quotas[$1])) ||
      ((exact[$0] - Double(quotas[$0])) == (exact[$1] - Double(quotas[$1])) && $0 < $1) }
    for index in order where left > 0 {
      quotas[index] += 1
      left -= 1
    }
    return quotas
  }

  /// The interest (position) each candidate came from, and the quotas, for explanations.
  static func assignment(searcher: VectorSearcher, profile: UserProfile, filter: DocumentFilter?,
                         depth: Int) throws -> (list: CandidateList, interest: [Int: Int], quotas: [Int]) {
    let quotas = Self.quotas(importances: profile.interests.map(\.importance), depth: depth)
    var interestOf: [Int: Int] = [:]
    var found: [(document: Int, score: Double)] = []
    var matched = 0
    for (index, interest) in profile.interests.enumerated() where quotas[index] > 0 {
      let result = try searcher.top(query: interest.vector, count: quotas[index] + interestOf.count, filter: filter,
          efSearch: nil)
      matched = max(matched, result.matchCount)
      var taken = 0
      for hit in result.hits where taken < quotas[index] && interestOf[hit.document] == nil {
        interestOf[hit.document] = index
        found.append(hit)
        taken += 1
      }
    }
    found.sort { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
    let note = profile.interests.isEmpty ? "user \(profile.userId) has no interests (no engaged document with a vector)"
      : "quotas by importance: " + zip(profile.interests, quotas).map { "\($0.label.isEmpty ? $0.medoidId : $0.label) \($1)" }
        .joined(separator: ", ")
    let list = CandidateList(generator: generatorName(field: searcher.fieldName), ranked: ScoredDocuments(hits: found,
        matchCount: matched, matchCountIsExact: false),
                             depth: depth, note: note)
    return (list, interestOf, quotas)
  }

  func generate(_ query: GeneratorQuery, depth: Int, earlier: [CandidateList]) throws -> CandidateList {
    found.list
  }

  func explain(_ query: GeneratorQuery, candidate: Candidate, in list: CandidateList) throws -> Explanation {
    let (_, interestOf, quotas) = found
    guard let index = interestOf[candidate.document] else { return .leaf(candidate.score, "not near any interest") }
    let interest = profile.interests[index]
    let label = "text cosine \(Explanation.format(candidate.score)) to interest \(index + 1) «\(interest.label)» (medoid "
      + "\(interest.medoidId), importance \(Explanation.format(interest.importance)), quota \(quotas[index]) of \(list.depth))"
    return try searcher.explain(query: interest.vector, document: candidate.document, label: label)
  }
}
