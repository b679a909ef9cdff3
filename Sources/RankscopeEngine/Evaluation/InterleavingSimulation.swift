import Foundation

/// What a live interleaving test of rankers A and B would likely show, simulated over judged queries: team-draft
/// interleaving (Radlinski, Kurup & Joachims, "How does clickthrough data reflect retrieval quality?", CIKM
/// 2008) shown to users who click as a cascade model says (Craswell, Zoeter, Taylor & Ramsey, WSDM 2008),
/// with attractiveness from the judgments.
///
/// A simulated user scans the interleaved list from the top; a document of grade g is clicked with probability
/// `0.05 + 0.9 · (2^g − 1) / (2^maxGrade − 1)` (unjudged documents are grade 0: clicked by noise only) and,
/// once clicked, satisfies the user, who stops, with probability `(2^g − 1) / 2^maxGrade` (the stopping
/// probability of ERR, Chapelle et al. 2009). A session credits each click to the team that placed the
/// document; the side with more clicks wins it. The preference is
/// `Δ = (wins_B + ties / 2) / sessions − 1/2` (Chapelle, Joachims, Radlinski & Yue, "Large-scale validation
/// and analysis of interleaved search evaluation", TOIS 2012), positive when B is preferred.
public struct InterleavingSimulation: Sendable {
  /// Which ranker placed a document in the interleaved list.
  public enum Team: Sendable, Hashable { case a, b }

  /// The outcome over all sessions.
  public struct Outcome: Sendable, Hashable {
    /// Sessions simulated.
    public var sessions: Int
    /// Sessions won by A, by B, and tied (including sessions without a click).
    public var winsA: Int
    public var winsB: Int
    public var ties: Int
    /// Δ = (wins_B + ties / 2) / sessions − 1/2.
    public var preference: Double
    /// Half-width of the 95% normal interval of Δ.
    public var marginOfError: Double
    /// Sessions a live test would need to tell Δ from 0 (two-sided 5% level, 80% power), or nil when Δ is 0.
    public var sessionsNeeded: Int?
  }

  /// Sessions simulated.
  public let sessions: Int
  /// Documents shown per interleaved list.
  public let length: Int
  /// Seed of the query choice, the team-draft coin flips and the clicks.
  public let seed: UInt64

  /// A simulation of `sessions` sessions showing `length` documents.
  public init(sessions: Int = 10_000, length: Int = 10, seed: UInt64 = 0x5EED_0008) {
    self.sessions = max(0, sessions)
    self.length = max(1, length)
    self.seed = seed
  }

  /// Team-draft interleaving of `a` and `b`: in each round the team with fewer picks so far (a coin flip when
  /// even) adds its best document not yet shown; at most `length` documents.
  public static func teamDraft<ID: Hashable>(_ a: [ID], _ b: [ID], length: Int,
                                             coin: () -> Bool) -> [(id: ID, team: Team)] {
    var shown: [(id: ID, team: Team)] = []
    var seen: Set<ID> = []
    var nextA = 0, nextB = 0, picksA = 0, picksB = 0
    func pick(from list: [ID], at index: inout Int) -> ID? {
      while index < list.count, seen.contains(list[index]) { index += 1 }
      return index < list.count ? list[index] : nil
    }
    while shown.count < length {
      let aFirst = picksA < picksB || (picksA == picksB && coin())
      let order: [Team] = aFirst ? [.a, .b] : [.b, .a]
      var added = false
      for team in order where shown.count < length {
        let candidate = team == .a ? pick(from: a, at: &nextA) : pick(from: b, at: &nextB)
        guard let document = candidate else { continue }
        seen.insert(document)
        shown.append((document, team))
        if team == .a { picksA += 1 } else { picksB += 1 }
        added = true
        break
      }
      if !added { break }
    }
    return shown
  }

  /// Simulates sessions over `queries` (ids with a ranking from each side, best first), grades from `judgments`.
  public func run(queries: [String], rankingsA: [String: [String]], rankingsB: [String: [String]],
                  judgments: Judgments) -> Outcome {
    let maximumGrade = max(1, judgments.maximumGrade)
    let usable = queries.filter { rankingsA[$0] != nil && rankingsB[$0] != nil }
    var generator = SamplingGenerator(seed: seed)
    var winsA = 0, winsB = 0, ties = 0
    let scale = pow(2, Double(maximumGrade))
    for _ in 0..<(usable.isEmpty ? 0 : sessions) {
      let query = usable[generator.below(usable.count)]
      let shown = Self.teamDraft(rankingsA[query] ?? [], rankingsB[query] ?? [], length: length) { generator.uniform() < 0.5 }
      var clicksA = 0, clicksB = 0
      for entry in shown {
        let grade = max(0, judgments.grade(query: query, document: entry.id))
        let gain = pow(2, Double(grade)) - 1
        guard generator.uniform() < 0.05 + 0.9 * gain / (scale - 1) else { continue }
        if entry.team == .a { clicksA += 1 } else { clicksB += 1 }
        if generator.uniform() < gain / scale { break }
      }
      if clicksA > clicksB { winsA += 1 } else if clicksB > clicksA { winsB += 1 } else { ties += 1 }
    }
    return Self.outcome(winsA: winsA, winsB: winsB, ties: ties)
  }

  /// Δ, its 95% margin and the sessions a live test would need, from the session counts.
  static func outcome(winsA: Int, winsB: Int, ties: Int) -> Outcome {
    let sessions = winsA + winsB + ties
    guard sessions > 0 else {
      return Outcome(sessions: 0, winsA: 0, winsB: 0, ties: 0, preference: 0, marginOfError: 0, sessionsNeeded: nil)
    }
    // Per session the credit to B is 1, 1/2 or 0; Δ is its mean minus 1/2.
    let credits = [Double](repeating: 1, count: winsB) + [Double](repeating: 0.5, count: ties) + [Double](repeating: 0, count: winsA)
    let mean = credits.reduce(0, +) / Double(sessions)
    let variance = credits.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, sessions - 1))
    let preference = mean - 0.5
    // n = (z_{0.975} + z_{0.8})² σ² / Δ².
    let needed = preference == 0 ? nil : Int((pow(1.959_963_985 + 0.841_621_234, 2) * variance / (preference * preference)).rounded(.up))
    return Outcome(sessions: sessions, winsA: winsA, winsB: winsB, ties: ties, preference: preference,
                   marginOfError: 1.959_963_985 * (variance / Double(sessions)).squareRoot(), sessionsNeeded: needed)
  }
}
