import Foundation

/// Builds an HNSW graph (Malkov & Yashunin 2018, "Efficient and robust approximate nearest neighbor search
/// using Hierarchical Navigable Small World graphs") over the rows of a `VectorStore`, one row at a time:
/// algorithm 1 (insert) with algorithm 4 (the neighbour-selection heuristic, without extending candidates or
/// keeping pruned links, as hnswlib does), `M` links on upper levels and `2 · M` on level 0.
///
/// Seeded and reproducible: levels are drawn as `⌊−ln(u) / ln(M)⌋` from a SplitMix64 generator seeded with
/// `parameters.seed`, rows are inserted in order, ties are broken by node number, so the same seed and
/// input give a byte-identical file. Rows without a vector (NaN) or, for cosine, of norm 0 are not inserted.
/// Incremental: a builder continues from a loaded graph (`init(loading:vectors:)`) and takes further rows.
final class HNSWBuilder {
  /// The graph's parameters.
  let parameters: HNSWParameters
  /// The similarity links are chosen by.
  let similarity: VectorSimilarity
  /// The vectors; rows `0..<documentCount` are in the graph (or absent from it).
  private(set) var vectors: VectorStore
  /// Rows processed so far.
  private(set) var documentCount = 0
  /// Rows inserted into the graph.
  private(set) var nodeCount = 0
  private(set) var entryPoint = -1
  private(set) var maxLevel = -1
  private(set) var generatorState: UInt64

  private var levels: UnsafeMutablePointer<UInt8>
  private(set) var norms: UnsafeMutablePointer<Float>
  private var level0: UnsafeMutablePointer<UInt32>
  private var upperOffsets: UnsafeMutablePointer<UInt32>
  private var upper: UnsafeMutablePointer<UInt32>
  private var nodeCapacity = 0
  private var upperCapacity = 0
  private let scratch: HNSWScratch
  private let levelMultiplier: Double
  private var selected: [ScoredNode] = []

  private var slotsPerNode: Int { 2 * parameters.M + 1 }

  /// An empty graph over `vectors` (call `add(upTo:)` to insert rows).
  init(parameters: HNSWParameters, similarity: VectorSimilarity, vectors: VectorStore) {
    self.parameters = parameters
    self.similarity = similarity
    self.vectors = vectors
    generatorState = parameters.seed
    levelMultiplier = 1 / log(Double(max(parameters.M, 2)))
    levels = .allocate(capacity: 1)
    norms = .allocate(capacity: 1)
    level0 = .allocate(capacity: 1)
    upperOffsets = .allocate(capacity: 2)
    upperOffsets[0] = 0
    upper = .allocate(capacity: 1)
    scratch = HNSWScratch(nodeCount: vectors.count, dimension: vectors.dimension)
  }

  /// A builder continuing from a loaded graph; `vectors` must hold the graph's rows (and may hold more).
  convenience init(loading index: VectorFieldIndex, vectors: VectorStore) throws(IndexError) {
    guard let graph = index.graph else { throw IndexError.invalidInput("the vector index has no HNSW graph") }
    guard vectors.count >= index.documentCount, vectors.dimension == index.dimension else {
      throw IndexError.invalidInput("the vectors do not cover the graph's \(index.documentCount) rows of dimension \(index.dimension)")
    }
    self.init(parameters: index.parameters, similarity: index.similarity, vectors: vectors)
    let count = index.documentCount
    reserve(nodes: count, upperSlots: index.upperSlotCount)
    levels.update(from: graph.levels, count: count)
    norms.update(from: index.norms, count: count)
    level0.update(from: graph.level0, count: count * slotsPerNode)
    upperOffsets.update(from: graph.upperOffsets, count: count + 1)
    upper.update(from: graph.upper, count: index.upperSlotCount)
    documentCount = count
    nodeCount = index.nodeCount
    entryPoint = graph.entryPoint
    maxLevel = graph.maxLevel
    generatorState = index.generatorState
  }

  deinit {
    levels.deallocate()
    norms.deallocate()
    level0.deallocate()
    upperOffsets.deallocate()
    upper.deallocate()
  }

  /// Replaces the vector store by a longer one whose first rows are the same (for incremental adds).
  func extend(vectors longer: VectorStore) throws(IndexError) {
    guard longer.count >= documentCount, longer.dimension == vectors.dimension else {
      throw IndexError.invalidInput("the new vectors must keep the \(documentCount) rows already in the graph")
    }
    vectors = longer
    scratch.reserve(nodeCount: longer.count)
  }

  /// Inserts every row from `documentCount` up to `end` (default: all rows); `progress` gets the fraction done.
  func add(upTo end: Int? = nil, progress: (Double) -> Void = { _ in }) {
    let last = min(end ?? vectors.count, vectors.count)
    guard last > documentCount else { return }
    reserve(nodes: last, upperSlots: 0)
    let first = documentCount
    let step = max(1, (last - first) / 200)
    while documentCount < last {
      insertNext()
      if (documentCount - first) % step == 0 { progress(Double(documentCount - first) / Double(last - first)) }
    }
    progress(1)
  }

  // MARK: Storage

  private func reserve(nodes: Int, upperSlots extra: Int) {
    if nodes > nodeCapacity {
      let capacity = max(nodes, nodeCapacity * 2, 16)
      Self.grow(&levels, used: documentCount, to: capacity)
      Self.grow(&norms, used: documentCount, to: capacity)
      Self.grow(&level0, used: documentCount * slotsPerNode, to: capacity * slotsPerNode)
      Self.grow(&upperOffsets, used: documentCount + 1, to: capacity + 1)
      nodeCapacity = capacity
    }
    let needed = Int(upperOffsets[documentCount]) + extra
    if needed > upperCapacity {
      let capacity = max(needed, upperCapacity * 2, 64)
      Self.grow(&upper, used: Int(upperOffsets[documentCount]), to: capacity)
      upperCapacity = capacity
    }
  }

  private static func grow<Element>(_ pointer: inout UnsafeMutablePointer<Element>, used: Int, to capacity: Int) {
    let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
    larger.moveInitialize(from: pointer, count: used)
    pointer.deallocate()
    pointer = larger
  }

  /// The graph as it stands (valid until the next insertion).
  var graph: HNSWGraph {
    HNSWGraph(level0: level0, upperOffsets: upperOffsets, upper: upper, levels: levels, M: parameters.M,
              entryPoint: entryPoint, maxLevel: maxLevel)
  }

  /// The next level draw: `⌊−ln(u) · mL⌋` with `mL = 1 / ln(M)`, capped at `HNSWGraph.levelLimit`.
  private func drawLevel() -> Int {
    generatorState &+= 0x9E37_79B9_7F4A_7C15
    var z = generatorState
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    let uniform = (Double(z >> 11) + 0.5) * 0x1p-53
    return min(Int(-log(uniform) * levelMultiplier), HNSWGraph.levelLimit)
  }

  // MARK: Insertion

  private func insertNext() {
    let node = documentCount
    let dimension = vectors.dimension
    let vector = vectors.vector(node)
    let norm = vectors.isPresent(node) ? VectorSimilarity.norm(vector, dimension: dimension) : 0
    let present = vectors.isPresent(node) && norm.isFinite && (similarity != .cosine || norm > 0)
    let level = present ? drawLevel() : 0
    let M = parameters.M
    reserve(nodes: node + 1, upperSlots: present ? level * (M + 1) : 0)
    levels[node] = present ? UInt8(level) : HNSWGraph.absent
    norms[node] = present ? norm : 0
    (level0 + node * slotsPerNode).initialize(repeating: 0, count: slotsPerNode)
    let upperStart = Int(upperOffsets[node])
    let upperSlots = present ? level * (M + 1) : 0
    (upper + upperStart).initialize(repeating: 0, count: upperSlots)
    upperOffsets[node + 1] = UInt32(upperStart + upperSlots)
    documentCount += 1
    guard present else { return }
    nodeCount += 1
    guard entryPoint >= 0 else {
      entryPoint = node
      maxLevel = level
      return
    }
    scratch.reserve(nodeCount: documentCount)
    let graph = self.graph
    let scorer = NodeScorer(similarity: similarity, vectors: vectors.base, norms: norms, dimension: dimension,
                            query: vector, queryNorm: norm)
    var current = ScoredNode(score: scorer.score(entryPoint), node: UInt32(entryPoint))
    var layer = maxLevel
    while layer > level {
      current = HNSWSearcher.greedy(graph, scorer: scorer, from: current, level: layer)
      layer -= 1
    }
    layer = min(level, maxLevel)
    while layer >= 0 {
      HNSWSearcher.searchLayer(graph, scorer: scorer, scratch: scratch, entry: current,
                               ef: parameters.efConstruction, level: layer, allowed: nil)
      let candidates = scratch.results.sortedBestFirst()
      selectNeighbours(candidates, limit: M)
      let list = UnsafeMutablePointer(mutating: graph.links(node, level: layer))
      list[0] = UInt32(selected.count)
      for (slot, neighbour) in selected.enumerated() { list[slot + 1] = neighbour.node }
      let chosen = selected
      for neighbour in chosen { link(Int(neighbour.node), to: node, score: neighbour.score, level: layer) }
      if let best = candidates.first { current = best }
      layer -= 1
    }
    if level > maxLevel {
      entryPoint = node
      maxLevel = level
    }
  }

  /// The similarity of two nodes' vectors.
  @inline(__always)
  private func score(_ a: Int, _ b: Int) -> Float {
    VectorSimilarity.score(similarity, query: vectors.vector(a), queryNorm: norms[a], document: vectors.vector(b),
                           documentNorm: norms[b], dimension: vectors.dimension)
  }

  /// Algorithm 4 (heuristic): walks `candidates` best first and keeps one unless it is more similar to a
  /// node already kept than to the base; stops at `limit`. Leaves the choice in `selected`.
  private func selectNeighbours(_ candidates: [ScoredNode], limit: Int) {
    selected.removeAll(keepingCapacity: true)
    for candidate in candidates {
      if selected.count >= limit { break }
      var keep = true
      for kept in selected where score(Int(candidate.node), Int(kept.node)) > candidate.score {
        keep = false
        break
      }
      if keep { selected.append(candidate) }
    }
  }

  /// Adds the link `from → to` at `level`; a full list is re-chosen with the heuristic.
  private func link(_ from: Int, to: Int, score toScore: Float, level: Int) {
    let list = UnsafeMutablePointer(mutating: graph.links(from, level: level))
    let capacity = level == 0 ? 2 * parameters.M : parameters.M
    let count = Int(list[0])
    if count < capacity {
      list[count + 1] = UInt32(to)
      list[0] = UInt32(count + 1)
      return
    }
    var candidates = [ScoredNode(score: toScore, node: UInt32(to))]
    candidates.reserveCapacity(count + 1)
    for slot in 1...count { candidates.append(ScoredNode(score: score(from, Int(list[slot])), node: list[slot])) }
    candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.node < $1.node }
    selectNeighbours(candidates, limit: capacity)
    list[0] = UInt32(selected.count)
    for (slot, neighbour) in selected.enumerated() { list[slot + 1] = neighbour.node }
    for slot in selected.count..<count { list[slot + 1] = 0 }
  }

  // MARK: Serialisation

  /// The bytes of `vector-index-<k>.bin` for this graph, with int8 codes when `int8` is set (see
  /// `VectorFieldIndex` for the layout).
  func serialize(int8: Bool) -> [UInt8] {
    VectorFieldIndex.serialize(vectors: vectors, documentCount: documentCount, similarity: similarity,
                               norms: UnsafeBufferPointer(start: norms, count: documentCount), graph: self, int8: int8)
  }

  /// Appends the graph sections (levels, upper offsets, level-0 lists, upper lists) to `writer`.
  func writeGraph(into writer: inout ByteWriter) {
    writer.append(contentsOf: UnsafeBufferPointer(start: levels, count: documentCount))
    writer.pad(toMultipleOf: 4)
    Self.append(upperOffsets, count: documentCount + 1, to: &writer)
    Self.append(level0, count: documentCount * slotsPerNode, to: &writer)
    Self.append(upper, count: Int(upperOffsets[documentCount]), to: &writer)
  }

  /// Number of UInt32 slots of upper-level lists.
  var upperSlotCount: Int { Int(upperOffsets[documentCount]) }

  private static func append(_ values: UnsafePointer<UInt32>, count: Int, to writer: inout ByteWriter) {
    // Little-endian hosts only write the bytes as they are.
    if 1.littleEndian == 1 {
      writer.append(contentsOf: UnsafeRawBufferPointer(start: values, count: 4 * count))
    } else {
      for index in 0..<count { writer.append(values[index]) }
    }
  }
}
