#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A node with its score ("higher is better").
struct ScoredNode {
  /// The similarity to the query.
  var score: Float
  /// The node (document number).
  var node: UInt32
}

/// A binary heap of scored nodes in manually managed storage (no allocation once grown, no ARC in the
/// inner loop). `worstFirst` keeps the lowest score at the root (a result list); otherwise the highest
/// (a candidate queue).
struct NodeHeap {
  private(set) var storage: UnsafeMutablePointer<ScoredNode>
  private(set) var capacity: Int
  /// Number of nodes held.
  private(set) var count = 0
  private let worstFirst: Bool

  /// An empty heap with room for `capacity` nodes.
  init(capacity: Int, worstFirst: Bool) {
    self.capacity = max(capacity, 16)
    storage = .allocate(capacity: self.capacity)
    self.worstFirst = worstFirst
  }

  /// Frees the storage.
  func deallocate() { storage.deallocate() }

  /// Whether the heap is empty.
  @inline(__always) var isEmpty: Bool { count == 0 }
  /// The root: the worst node of a result list, the best of a candidate queue.
  @inline(__always) var top: ScoredNode { storage[0] }

  /// Removes every node.
  @inline(__always) mutating func removeAll() { count = 0 }

  @inline(__always)
  private func above(_ a: ScoredNode, _ b: ScoredNode) -> Bool {
    if a.score != b.score { return worstFirst ? a.score < b.score : a.score > b.score }
    return worstFirst ? a.node > b.node : a.node < b.node
  }

  /// Adds a node.
  @inline(__always)
  mutating func push(_ element: ScoredNode) {
    if count == capacity { grow() }
    var child = count
    count += 1
    while child > 0 {
      let parent = (child - 1) >> 1
      guard above(element, storage[parent]) else { break }
      storage[child] = storage[parent]
      child = parent
    }
    storage[child] = element
  }

  /// Removes and returns the root.
  @inline(__always)
  mutating func pop() -> ScoredNode {
    let root = storage[0]
    count -= 1
    if count > 0 {
      let last = storage[count]
      var parent = 0
      while true {
        var child = 2 * parent + 1
        if child >= count { break }
        if child + 1 < count, above(storage[child + 1], storage[child]) { child += 1 }
        guard above(storage[child], last) else { break }
        storage[parent] = storage[child]
        parent = child
      }
      storage[parent] = last
    }
    return root
  }

  private mutating func grow() {
    let larger = UnsafeMutablePointer<ScoredNode>.allocate(capacity: capacity * 2)
    larger.moveInitialize(from: storage, count: count)
    storage.deallocate()
    storage = larger
    capacity *= 2
  }

  /// The nodes held, best first (score descending, then node ascending).
  func sortedBestFirst() -> [ScoredNode] {
    UnsafeBufferPointer(start: storage, count: count).sorted { $0.score != $1.score ? $0.score > $1.score : $0.node < $1.node }
  }
}

/// Per-search working memory: a generation-stamped visited set, the candidate queue and the result list.
/// Reused across searches (see `HNSWScratchPool`) so a query allocates nothing once warmed.
final class HNSWScratch {
  private var stamps: UnsafeMutablePointer<UInt32>
  private var stampCount: Int
  private var generation: UInt32 = 0
  /// Best-first queue of nodes to expand.
  var candidates = NodeHeap(capacity: 256, worstFirst: false)
  /// The best nodes found, worst at the root.
  var results = NodeHeap(capacity: 256, worstFirst: true)
  /// int8 codes of the query.
  var queryCodes: UnsafeMutablePointer<Int8>
  private var queryCodeCount: Int

  /// Scratch for graphs of up to `nodeCount` nodes and vectors of `dimension` components.
  init(nodeCount: Int, dimension: Int) {
    stampCount = max(nodeCount, 1)
    stamps = .allocate(capacity: stampCount)
    stamps.initialize(repeating: 0, count: stampCount)
    queryCodeCount = max(dimension, 1)
    queryCodes = .allocate(capacity: queryCodeCount)
    queryCodes.initialize(repeating: 0, count: queryCodeCount)
  }

  deinit {
    stamps.deallocate()
    queryCodes.deallocate()
    pendingNodes.deallocate()
    candidates.deallocate()
    results.deallocate()
  }

  /// Makes room for `nodeCount` nodes (the builder's graph grows).
  func reserve(nodeCount: Int) {
    guard nodeCount > stampCount else { return }
    let size = max(nodeCount, stampCount * 2)
    let larger = UnsafeMutablePointer<UInt32>.allocate(capacity: size)
    larger.initialize(repeating: 0, count: size)
    larger.update(from: stamps, count: stampCount)
    stamps.deallocate()
    stamps = larger
    stampCount = size
  }

  /// Starts a new search: every node becomes unvisited (O(1) except once every 2³² searches).
  @inline(__always)
  func clearVisited() {
    generation &+= 1
    if generation == 0 {
      stamps.update(repeating: 0, count: stampCount)
      generation = 1
    }
  }

  private var pendingNodes = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
  private var pendingCapacity = 64

  /// Room for `capacity` node numbers (the unvisited neighbours of one node).
  func pending(capacity: Int) -> UnsafeMutablePointer<UInt32> {
    if capacity > pendingCapacity {
      pendingNodes.deallocate()
      pendingNodes = .allocate(capacity: capacity)
      pendingCapacity = capacity
    }
    return pendingNodes
  }

  /// Starts a new search and returns the stamps and the stamp that marks a node visited in it, for loops
  /// that keep them in registers.
  @inline(__always)
  func beginVisits() -> (stamps: UnsafeMutablePointer<UInt32>, generation: UInt32) {
    clearVisited()
    return (stamps, generation)
  }

  /// Marks `node` visited; returns whether it was already.
  @inline(__always)
  func visit(_ node: Int) -> Bool {
    if stamps[node] == generation { return true }
    stamps[node] = generation
    return false
  }
}

/// A small pool of scratch spaces so concurrent searches on one searcher never share one.
final class HNSWScratchPool: @unchecked Sendable {
  // Safety: `free` is read and written only while `lock` is held; a scratch is used by one search at a time.
  private let lock = NSLock()
  private var free: [HNSWScratch] = []
  private let nodeCount: Int
  private let dimension: Int

  /// A pool for graphs of `nodeCount` nodes and vectors of `dimension` components.
  init(nodeCount: Int, dimension: Int) {
    self.nodeCount = nodeCount
    self.dimension = dimension
  }

  /// Runs `body` with a scratch space taken from the pool (created when none is free).
  @inline(__always)
  func with<Result, Failure: Error>(_ body: (HNSWScratch) throws(Failure) -> Result) throws(Failure) -> Result {
    lock.lock()
    let scratch = free.popLast() ?? HNSWScratch(nodeCount: nodeCount, dimension: dimension)
    lock.unlock()
    defer {
      lock.lock()
      if free.count < 8 { free.append(scratch) }
      lock.unlock()
    }
    return try body(scratch)
  }
}
