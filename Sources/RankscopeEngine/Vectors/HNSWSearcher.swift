import CRankscopeKernels

/// Scores nodes against one query: float32 similarity (exact), or int8 codes (for traversal only).
struct NodeScorer {
  /// Which kernel scores a node.
  enum Mode { case cosine, dot, l2, int8Dot, int8L2 }

  let mode: Mode
  let vectors: UnsafePointer<Float>
  let norms: UnsafePointer<Float>
  let codes: UnsafePointer<Int8>?
  let dimension: Int
  let query: UnsafePointer<Float>
  let queryNorm: Float
  let queryCodes: UnsafePointer<Int8>?

  /// The float32 scorer of `similarity`.
  init(similarity: VectorSimilarity, vectors: UnsafePointer<Float>, norms: UnsafePointer<Float>, dimension: Int,
       query: UnsafePointer<Float>, queryNorm: Float) {
    switch similarity {
    case .cosine: mode = .cosine
    case .dot: mode = .dot
    case .l2: mode = .l2
    }
    self.vectors = vectors
    self.norms = norms
    codes = nil
    self.dimension = dimension
    self.query = query
    self.queryNorm = queryNorm
    queryCodes = nil
  }

  /// The int8 scorer: integer inner product (cosine, dot) or negative squared distance (l2) of the codes.
  init(int8 similarity: VectorSimilarity, codes: UnsafePointer<Int8>, queryCodes: UnsafePointer<Int8>,
       base: NodeScorer) {
    mode = similarity == .l2 ? .int8L2 : .int8Dot
    vectors = base.vectors
    norms = base.norms
    self.codes = codes
    dimension = base.dimension
    query = base.query
    queryNorm = base.queryNorm
    self.queryCodes = queryCodes
  }

  /// Hints the processor to load `node`'s vector (or codes) into the cache ahead of `score(node)`.
  @inline(__always)
  func prefetch(_ node: Int) {
    if let codes {
      let start = UnsafeRawPointer(codes + node * dimension)
      var offset = 0
      while offset < dimension {
        rankscope_prefetch(start + offset)
        offset += 64
      }
    } else {
      let start = UnsafeRawPointer(vectors + node * dimension)
      let bytes = 4 * dimension
      var offset = 0
      while offset < bytes {
        rankscope_prefetch(start + offset)
        offset += 64
      }
    }
  }

  /// The score of `node` (higher is better).
  @inline(__always)
  func score(_ node: Int) -> Float {
    switch mode {
    case .cosine:
      return VectorSimilarity.cosine(dot: VectorKernels.dot(query, vectors + node * dimension, count: dimension),
                                     queryNorm: queryNorm, documentNorm: norms[node])
    case .dot:
      return VectorKernels.dot(query, vectors + node * dimension, count: dimension)
    case .l2:
      return -VectorKernels.squaredDistance(query, vectors + node * dimension, count: dimension)
    case .int8Dot:
      return Float(VectorKernels.dot(queryCodes.unsafelyUnwrapped, codes.unsafelyUnwrapped + node * dimension, count: dimension))
    case .int8L2:
      return -Float(VectorKernels.squaredDistance(queryCodes.unsafelyUnwrapped, codes.unsafelyUnwrapped + node * dimension,
                                                  count: dimension))
    }
  }
}

/// HNSW search (Malkov & Yashunin 2018, "Efficient and robust approximate nearest neighbor search using
/// Hierarchical Navigable Small World graphs", algorithms 2 and 5): greedy descent through the upper levels,
/// then a best-first search of width `ef` on level 0.
///
/// A filter is applied during the level-0 search, as hnswlib's filter functor: rejected nodes are traversed
/// (their links are followed) but never admitted to the results, and the search stops only once `ef`
/// admitted results are held and no candidate can improve them.
enum HNSWSearcher {
  /// Greedy search on one upper level: moves to the best neighbour until none improves (ef = 1).
  @inline(__always)
  static func greedy(_ graph: HNSWGraph, scorer: NodeScorer, from start: ScoredNode, level: Int) -> ScoredNode {
    var current = start
    var changed = true
    while changed {
      changed = false
      let list = graph.links(Int(current.node), level: level)
      let count = Int(list[0])
      var slot = 1
      while slot <= count {
        let neighbour = Int(list[slot])
        let score = scorer.score(neighbour)
        if score > current.score {
          current = ScoredNode(score: score, node: UInt32(neighbour))
          changed = true
        }
        slot += 1
      }
    }
    return current
  }

  /// Best-first search of width `ef` on `level` from `entry`; leaves the best `ef` admitted nodes in
  /// `scratch.results` (worst at the root). `allowed`, when given, admits node `n` only if `allowed[n]`.
  static func searchLayer(_ graph: HNSWGraph, scorer: NodeScorer, scratch: HNSWScratch, entry: ScoredNode, ef: Int,
                          level: Int, allowed: UnsafePointer<Bool>?) {
    var candidates = scratch.candidates
    var results = scratch.results
    defer {
      scratch.candidates = candidates
      scratch.results = results
    }
    candidates.removeAll()
    results.removeAll()
    let (stamps, generation) = scratch.beginVisits()
    let pending = scratch.pending(capacity: 2 * graph.M)
    stamps[Int(entry.node)] = generation
    candidates.push(entry)
    if allowed == nil || allowed.unsafelyUnwrapped[Int(entry.node)] { results.push(entry) }
    var lowerBound = results.isEmpty ? -Float.infinity : results.top.score
    while !candidates.isEmpty {
      let current = candidates.pop()
      if current.score < lowerBound, allowed == nil || results.count >= ef { break }
      let list = graph.links(Int(current.node), level: level)
      let count = Int(list[0])
      // First the unvisited neighbours (marked visited), then their scores, each vector prefetched while
      // the previous one is scored.
      var fresh = 0
      var slot = 1
      while slot <= count {
        let neighbour = Int(list[slot])
        slot += 1
        if stamps[neighbour] == generation { continue }
        stamps[neighbour] = generation
        pending[fresh] = UInt32(neighbour)
        fresh += 1
      }
      if fresh > 0 { scorer.prefetch(Int(pending[0])) }
      var next = 0
      while next < fresh {
        let neighbour = Int(pending[next])
        next += 1
        if next < fresh { scorer.prefetch(Int(pending[next])) }
        let score = scorer.score(neighbour)
        if results.count < ef || score > lowerBound {
          let element = ScoredNode(score: score, node: UInt32(neighbour))
          candidates.push(element)
          if allowed == nil || allowed.unsafelyUnwrapped[neighbour] {
            results.push(element)
            if results.count > ef { _ = results.pop() }
          }
          if !results.isEmpty { lowerBound = results.top.score }
        }
      }
      // The next node to expand is the queue's best: start loading its links now, as hnswlib does.
      if !candidates.isEmpty { rankscope_prefetch(UnsafeRawPointer(graph.links(Int(candidates.top.node), level: level))) }
    }
  }

  /// The k-NN search: descends from the entry point, then searches level 0 with width `ef`; the admitted
  /// results stay in `scratch.results`. Does nothing on an empty graph.
  static func search(_ graph: HNSWGraph, scorer: NodeScorer, scratch: HNSWScratch, ef: Int,
                     allowed: UnsafePointer<Bool>?) {
    scratch.results.removeAll()
    guard graph.entryPoint >= 0 else { return }
    var current = ScoredNode(score: scorer.score(graph.entryPoint), node: UInt32(graph.entryPoint))
    var level = graph.maxLevel
    while level > 0 {
      current = greedy(graph, scorer: scorer, from: current, level: level)
      level -= 1
    }
    searchLayer(graph, scorer: scorer, scratch: scratch, entry: current, ef: ef, level: 0, allowed: allowed)
  }
}
