/// Read access to an HNSW graph's links wherever they are stored (a memory-mapped file or a builder's
/// arrays). Nodes are document numbers; level 0 gives each node `2 · M` link slots, every upper level `M`.
///
/// A link list is `[count, id₁, …, id_count]` in UInt32 slots: at level 0 the list of `node` starts at
/// `level0 + node · (2M + 1)`; at level `ℓ ≥ 1` at `upper + upperOffsets[node] + (ℓ − 1) · (M + 1)`.
struct HNSWGraph {
  /// Level-0 link lists, `2M + 1` slots per node.
  let level0: UnsafePointer<UInt32>
  /// Where each node's upper-level lists start in `upper` (`nodeSlots + 1` entries).
  let upperOffsets: UnsafePointer<UInt32>
  /// Upper-level link lists, `M + 1` slots per level per node.
  let upper: UnsafePointer<UInt32>
  /// The level of each node; `HNSWGraph.absent` for documents not in the graph.
  let levels: UnsafePointer<UInt8>
  /// Links per node on upper levels.
  let M: Int
  /// The node every search starts from, or −1 when the graph is empty.
  let entryPoint: Int
  /// The entry point's level (the top level), or −1 when the graph is empty.
  let maxLevel: Int

  /// The level marking a document that is not in the graph.
  static let absent: UInt8 = 0xFF
  /// The highest level a node may have.
  static let levelLimit = 30

  /// The link list of `node` at `level`: a count followed by that many node numbers.
  @inline(__always)
  func links(_ node: Int, level: Int) -> UnsafePointer<UInt32> {
    level == 0 ? level0 + node * (2 * M + 1) : upper + Int(upperOffsets[node]) + (level - 1) * (M + 1)
  }
}
