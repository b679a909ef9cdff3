import Foundation

/// What Pixie walks visited: per query document, the steps taken and each document's visit count; combined
/// scores `(Σ_q √V_q[p])² / deg(p)^β` with their exact explanations.
public struct PixieVisits: Sendable {
  /// One query document's walks.
  public struct QueryOutcome: Sendable, Hashable {
    /// The query document.
    public var document: Int
    /// Its weight.
    public var weight: Double
    /// The steps it was given.
    public var budget: Int
    /// The steps it took.
    public var steps: Int
    /// Whether early stopping ended its walks before the budget.
    public var stoppedEarly: Bool
    /// Visited documents, ascending, with their visit counts.
    public var visits: [(document: Int, visits: Int)]

    /// The visits of `document` from this query (0 when not visited).
    public func visits(of document: Int) -> Int {
      var low = 0, high = visits.count
      while low < high {
        let middle = (low + high) / 2
        if visits[middle].document < document { low = middle + 1 } else { high = middle }
      }
      return low < visits.count && visits[low].document == document ? visits[low].visits : 0
    }

    public static func == (left: QueryOutcome, right: QueryOutcome) -> Bool {
      left.document == right.document && left.weight == right.weight && left.budget == right.budget
        && left.steps == right.steps && left.stoppedEarly == right.stoppedEarly
        && left.visits.map(\.document) == right.visits.map(\.document) && left.visits.map(\.visits) == right.visits.map(\.visits)
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(document)
      hasher.combine(steps)
    }
  }

  /// The query documents' walks, in the order given (duplicates merged).
  public var queries: [QueryOutcome]
  /// `β` of the scores.
  public var degreeExponent: Double
  let graph: EngagementGraph

  /// Total steps taken.
  public var totalSteps: Int { queries.reduce(0) { $0 + $1.steps } }

  /// The combined score of a document whose visits from each query, in query order, are `visits`:
  /// `(Σ_q √v_q)² / deg^β` with the arithmetic of the explanation.
  static func score(visits: [Int], degree: Int, exponent: Double) -> Double {
    var rootSum = 0.0
    for count in visits where count > 0 { rootSum += Double(count).squareRoot() }
    let combined = Explanation.Combination.product.combine([rootSum, rootSum])
    return exponent == 0 ? combined : combined / Self.degreePower(degree, exponent)
  }

  private static func degreePower(_ degree: Int, _ exponent: Double) -> Double { pow(Double(degree), exponent) }

  /// The score of `document` (0 when no walk reached it).
  public func score(of document: Int) -> Double {
    Self.score(visits: queries.map { $0.visits(of: document) }, degree: graph.degree(document: document),
        exponent: degreeExponent)
  }

  /// The best `count` visited documents that `excluded` does not reject, by score then smaller document number.
  /// - Complexity: O(V log count) for V documents visited (one dense row of root sums, no hashing).
  public func ranked(count: Int, excluded: (Int) -> Bool = { _ in false }) -> [(document: Int, score: Double)] {
    var rootSums = [Double](repeating: 0, count: graph.documentCount)
    var visited: [Int] = []
    for query in queries {
      for entry in query.visits {
        if rootSums[entry.document] == 0 { visited.append(entry.document) }
        rootSums[entry.document] += Double(entry.visits).squareRoot()
      }
    }
    let kept = visited.filter { !excluded($0) }
    return TopK.select(kept, count: count) { document in
      let rootSum = rootSums[document]
      let combined = Explanation.Combination.product.combine([rootSum, rootSum])
      return degreeExponent == 0 ? combined : combined / Self.degreePower(graph.degree(document: document), degreeExponent)
    }
  }

  /// The explanation of `document`'s score: one `√visits` leaf per query that reached it ("walk visits 37 from
  /// p00123"), squared, divided by the degree power when β ≠ 0; `name` gives a document's id.
  public func explain(_ document: Int, name: (Int) -> String) -> Explanation {
    var roots: [Explanation] = []
    for query in queries {
      let count = query.visits(of: document)
      guard count > 0 else { continue }
      let walks = "\(query.steps) steps, weight \(Explanation.format(query.weight))"
      roots.append(.leaf(Double(count).squareRoot(), "√ walk visits \(count) from \(name(query.document)) (\(walks))"))
    }
    let rootSum = Explanation.sum("Σ_q √visits over \(roots.count) query pin(s)", roots)
    let combined = Explanation.product("(Σ_q √visits)²: Pixie's multi-query boost", [rootSum, rootSum])
    guard degreeExponent != 0 else { return combined }
    let degree = graph.degree(document: document)
    return .ratio("walk score = (Σ_q √visits)² / deg^β", combined,
                  .leaf(Self.degreePower(degree, degreeExponent),
                        "deg^β = \(degree)^\(Explanation.format(degreeExponent)) (\(degree) users engaged with it)"))
  }
}
