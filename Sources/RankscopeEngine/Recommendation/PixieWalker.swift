import Foundation

/// Random walks with restarts on the engagement graph, as Pixie does (Eksombatchai et al., WWW 2018): from each
/// query document, walks of geometric length (restart probability α) alternate document → user → document and
/// count the visits of every document reached.
///
/// - Several query documents share the step budget `N` in proportion to `w_q · s_q`, where `w_q` is the
///   caller's weight and `s_q = deg(q) · (C − ln deg(q))` the paper's scaling factor (`C`: the largest document
///   degree), so well-connected queries get more steps but sub-linearly; the budgets add up to `N`.
/// - Each query's walk stops early once `n_p` documents have `n_v` visits or more (the paper's algorithm 2).
/// - Visits are combined as in the paper's algorithm 3, `V[p] = (Σ_q √V_q[p])²`, which rewards documents
///   reached from several queries, then divided by `deg(p)^β` (β = 0 keeps Pixie's counts).
/// - Deterministic: each query's walk draws from its own SplitMix64 stream seeded by the settings' seed and
///   the query document, so the result does not depend on the order queries are given in.
public struct PixieWalker: Sendable {
  /// A query document and its weight (e.g. an engagement's action weight times its time decay).
  public struct Query: Sendable, Hashable {
    /// The document number the walks start from.
    public var document: Int
    /// Its weight `w_q` (not negative).
    public var weight: Double

    /// Creates a query.
    public init(document: Int, weight: Double = 1) {
      self.document = document
      self.weight = weight
    }
  }

  /// The graph walked.
  public let graph: EngagementGraph
  /// The walk parameters.
  public let settings: PixieSettings
  private let maximumDegree: Int

  /// Creates a walker over `graph`.
  public init(graph: EngagementGraph, settings: PixieSettings = .standard) {
    self.graph = graph
    self.settings = settings
    maximumDegree = graph.maximumDocumentDegree
  }

  /// `s_q = deg(q) · (C − ln deg(q))`, 0 for a document no one engaged with.
  public func scalingFactor(_ document: Int) -> Double {
    let degree = graph.degree(document: document)
    guard degree > 0 else { return 0 }
    return Double(degree) * (Double(maximumDegree) - log(Double(degree)))
  }

  /// Each query's step budget: `N · w_q · s_q / Σ_r w_r · s_r`, rounded down (0 when every product is 0).
  public func budgets(_ queries: [Query]) -> [Int] {
    let products = queries.map { max(0, $0.weight) * scalingFactor($0.document) }
    let total = products.reduce(0, +)
    guard total > 0 else { return queries.map { _ in 0 } }
    return products.map { Int((Double(settings.totalSteps) * $0 / total).rounded(.down)) }
  }

  /// Walks from every query (duplicates are merged, their weights added) and returns the visits.
  /// - Complexity: O(N · log d) for N steps and degrees d, plus the documents visited.
  public func walk(from queries: [Query]) -> PixieVisits {
    var merged: [Query] = []
    var position: [Int: Int] = [:]
    for query in queries where query.document >= 0 && query.document < graph.documentCount {
      if let index = position[query.document] {
        merged[index].weight += query.weight
      } else {
        position[query.document] = merged.count
        merged.append(query)
      }
    }
    let budgets = budgets(merged)
    var counts = [UInt32](repeating: 0, count: graph.documentCount)
    var outcomes: [PixieVisits.QueryOutcome] = []
    for (index, query) in merged.enumerated() {
      var touched: [Int] = []
      let (steps, stoppedEarly) = walk(from: query.document, budget: budgets[index], counts: &counts, touched: &touched)
      touched.sort()
      let visits = touched.map { (document: $0, visits: Int(counts[$0])) }
      for document in touched { counts[document] = 0 }
      outcomes.append(.init(document: query.document, weight: query.weight, budget: budgets[index], steps: steps,
                            stoppedEarly: stoppedEarly, visits: visits))
    }
    return PixieVisits(queries: outcomes, degreeExponent: settings.degreeExponent, graph: graph)
  }

  /// One query's walks: returns the steps taken and whether early stopping ended them.
  private func walk(from start: Int, budget: Int, counts: inout [UInt32], touched: inout [Int]) -> (Int, Bool) {
    guard budget > 0, graph.degree(document: start) > 0 else { return (0, false) }
    let seed = settings.seed ^ (UInt64(start) &* 0x9E37_79B9_7F4A_7C15)
    // Raw buffers for the hot loop: no bounds checks or reference counting per step (every index comes from the
    // validated graph, so it is in range).
    return graph.documentOffsets.withUnsafeBufferPointer { documentOffsets in
      graph.documentUsers.withUnsafeBufferPointer { documentUsers in
        graph.documentCumulative.withUnsafeBufferPointer { documentCumulative in
          graph.userOffsets.withUnsafeBufferPointer { userOffsets in
            graph.userDocuments.withUnsafeBufferPointer { userDocuments in
              graph.userCumulative.withUnsafeBufferPointer { userCumulative in
                counts.withUnsafeMutableBufferPointer { counts in
                  Self.run(documents: Side(offsets: documentOffsets, neighbours: documentUsers, cumulative: documentCumulative),
                           users: Side(offsets: userOffsets, neighbours: userDocuments, cumulative: userCumulative),
                           counts: counts, touched: &touched, start: start, budget: budget, seed: seed, settings: settings)
                }
              }
            }
          }
        }
      }
    }
  }

  /// The walk loop over raw rows, every variable local.
  private static func run(documents: Side, users: Side, counts: UnsafeMutableBufferPointer<UInt32>, touched: inout [Int],
                          start: Int, budget: Int, seed: UInt64, settings: PixieSettings) -> (Int, Bool) {
    var generator = SamplingGenerator(seed: seed)
    let threshold = UInt32(settings.visitThreshold)
    let highlyVisitedLimit = settings.highlyVisitedCount
    let restart = settings.restartProbability
    let weighted = settings.weightedSteps
    var steps = 0
    var highlyVisited = 0
    var current = start
    while steps < budget {
      let user = documents.neighbour(of: current, weighted: weighted, generator: &generator)
      current = users.neighbour(of: user, weighted: weighted, generator: &generator)
      steps += 1
      let count = counts[current] &+ 1
      counts[current] = count
      if count == 1 { touched.append(current) }
      if count == threshold {
        highlyVisited += 1
        if highlyVisited >= highlyVisitedLimit { return (steps, true) }
      }
      if generator.uniform() < restart { current = start }
    }
    return (steps, false)
  }
}

/// One side of the graph's compressed rows, as raw buffers, for the walks' steps.
private struct Side {
  let offsets: UnsafeBufferPointer<UInt32>
  let neighbours: UnsafeBufferPointer<UInt32>
  let cumulative: UnsafeBufferPointer<Float>

  /// A neighbour of `row` (which has at least one), uniform or in proportion to the edge weights: the first
  /// edge whose running weight sum exceeds a uniform draw over the row's total.
  @inline(__always)
  func neighbour(of row: Int, weighted: Bool, generator: inout SamplingGenerator) -> Int {
    let lower = Int(offsets[row]), upper = Int(offsets[row + 1])
    guard weighted else { return Int(neighbours[lower + generator.below(upper - lower)]) }
    let target = Float(generator.uniform()) * cumulative[upper - 1]
    var low = lower, high = upper - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] > target { high = middle } else { low = middle + 1 }
    }
    return Int(neighbours[low])
  }
}
