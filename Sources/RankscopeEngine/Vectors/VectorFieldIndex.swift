/// The search structures of one vector field, as stored in `vector-index-<k>.bin` (k = the field's position
/// among the schema's vector fields): float32 norms, an HNSW graph (for `"index": {"type": "hnsw"}`) and
/// int8 codes (for `"quantization": "int8"`). Loaded by memory-mapping and validated once, so searches can
/// follow links without bounds checks.
///
/// Layout (little-endian; every section starts at a multiple of 4 bytes):
/// - header, 80 bytes: magic `RSVI`, version 1, document count `N`, dimension, similarity (0 cosine, 1 dot,
///   2 l2), flags (1 = graph, 2 = int8 codes), `M`, efConstruction, efSearch, max level (Int32, −1 when
///   empty), entry point, node count, seed (UInt64), level-generator state (UInt64), upper slot count `U`
///   (UInt64), int8 scale (Float32), 4 reserved bytes;
/// - norms: `N` Float32 (`√(d · d)`, the kernel's value);
/// - with a graph: levels (`N` bytes, 0xFF = not in the graph, padded to 4), upper offsets (`N + 1`
///   UInt32), level-0 lists (`N · (2M + 1)` UInt32), upper lists (`U` UInt32), laid out as `HNSWGraph` says;
/// - with int8 codes: `N · dimension` Int8 (see `ScalarQuantizer`), padded to 4.
final class VectorFieldIndex: @unchecked Sendable {
  // Safety: immutable after validation; the pointers point into `region`, which this object retains.
  static let magic: UInt32 = 0x4956_5352  // "RSVI"
  static let version: UInt32 = 1
  static let headerSize = 80

  /// The file's bytes.
  let region: ByteRegion
  /// Number of documents (rows) covered.
  let documentCount: Int
  /// Components per vector.
  let dimension: Int
  /// The similarity the index was built for.
  let similarity: VectorSimilarity
  /// `√(d · d)` per document.
  let norms: UnsafePointer<Float>
  /// The graph, when the field has an HNSW index.
  let graph: HNSWGraph?
  /// The HNSW parameters the graph was built with (its default efSearch included).
  let parameters: HNSWParameters
  /// Documents in the graph.
  let nodeCount: Int
  /// The level generator's state after the last insertion (incremental adds continue from it).
  let generatorState: UInt64
  /// Number of UInt32 slots of upper-level lists.
  let upperSlotCount: Int
  /// int8 codes, `dimension` per document, when the field is quantized.
  let codes: UnsafePointer<Int8>?
  /// The quantizer of the codes.
  let quantizer: ScalarQuantizer?

  /// The file name of vector field `position`'s index.
  static func fileName(vectorField position: Int) -> String { "vector-index-\(position).bin" }

  /// Validates `region` against the field it belongs to: header, sizes, and every link (in range, to a node
  /// present at that level, counts within capacity). Throws `IndexError.corrupt` on any damage.
  init(region: ByteRegion, documentCount: Int, dimension: Int, similarity: VectorSimilarity) throws(IndexError) {
    func corrupt(_ reason: String) -> IndexError { IndexError.corrupt(file: region.name, reason: reason) }
    guard try region.uint32(at: 0) == Self.magic, try region.uint32(at: 4) == Self.version else {
      throw corrupt("bad header (not a vector index, or another version)")
    }
    guard Int(try region.uint32(at: 8)) == documentCount, Int(try region.uint32(at: 12)) == dimension else {
      throw corrupt("document count or dimension does not match the index")
    }
    let similarityCode = try region.uint32(at: 16)
    guard similarityCode < 3, VectorSimilarity.allCases[Int(similarityCode)] == similarity else {
      throw corrupt("similarity does not match the schema")
    }
    let flags = try region.uint32(at: 20)
    guard flags & ~3 == 0 else { throw corrupt("unknown flags \(flags)") }
    let M = Int(try region.uint32(at: 24))
    let efConstruction = Int(try region.uint32(at: 28))
    let efSearch = Int(try region.uint32(at: 32))
    let maxLevel = Int(Int32(bitPattern: try region.uint32(at: 36)))
    let entryPoint = Int(try region.uint32(at: 40))
    let nodeCount = Int(try region.uint32(at: 44))
    let seed = try region.uint64(at: 48)
    generatorState = try region.uint64(at: 56)
    let upperSlots = try region.uint64(at: 64)
    let scale = try region.float(at: 72)
    self.region = region
    self.documentCount = documentCount
    self.dimension = dimension
    self.similarity = similarity
    parameters = HNSWParameters(M: M, efConstruction: efConstruction, efSearch: efSearch, seed: seed)
    var offset = Self.headerSize
    norms = try Self.pointer(region, &offset, count: documentCount, as: Float.self)

    if flags & 1 != 0 {
      if let problem = parameters.problem { throw corrupt(problem) }
      guard upperSlots <= UInt64(Int32.max) else { throw corrupt("bad upper-level slot count") }
      upperSlotCount = Int(upperSlots)
      let levels = try Self.pointer(region, &offset, count: documentCount, as: UInt8.self)
      let upperOffsets = try Self.pointer(region, &offset, count: documentCount + 1, as: UInt32.self)
      let level0 = try Self.pointer(region, &offset, count: documentCount * (2 * M + 1), as: UInt32.self)
      let upper = try Self.pointer(region, &offset, count: upperSlotCount, as: UInt32.self)
      let graph = HNSWGraph(level0: level0, upperOffsets: upperOffsets, upper: upper, levels: levels, M: M,
                            entryPoint: nodeCount == 0 ? -1 : entryPoint, maxLevel: maxLevel)
      try Self.validate(graph, documentCount: documentCount, nodeCount: nodeCount, upperSlotCount: upperSlotCount,
                        corrupt: corrupt)
      self.graph = graph
      self.nodeCount = nodeCount
    } else {
      guard nodeCount == 0, upperSlots == 0 else { throw corrupt("graph counts without a graph") }
      graph = nil
      self.nodeCount = 0
      upperSlotCount = 0
    }
    if flags & 2 != 0 {
      guard scale > 0, scale.isFinite else { throw corrupt("bad int8 scale \(scale)") }
      codes = try Self.pointer(region, &offset, count: documentCount * dimension, as: Int8.self)
      quantizer = ScalarQuantizer(scale: scale, similarity: similarity)
    } else {
      codes = nil
      quantizer = nil
    }
    guard offset == region.count else { throw corrupt("size \(region.count) bytes, its header implies \(offset)") }
  }

  private static func pointer<Element>(_ region: ByteRegion, _ offset: inout Int, count: Int,
                                       as type: Element.Type) throws(IndexError) -> UnsafePointer<Element> {
    let length = count * MemoryLayout<Element>.stride
    let bytes = try region.bytes(at: offset, count: length)
    offset += (length + 3) & ~3
    guard let base = bytes.baseAddress ?? region.buffer.baseAddress,
          Int(bitPattern: base) % MemoryLayout<Element>.alignment == 0 else {
      throw IndexError.corrupt(file: region.name, reason: "misaligned section")
    }
    return base.assumingMemoryBound(to: Element.self)
  }

  private static func validate(_ graph: HNSWGraph, documentCount: Int, nodeCount: Int, upperSlotCount: Int,
                               corrupt: (String) -> IndexError) throws(IndexError) {
    let M = graph.M
    var present = 0
    var expectedOffset = 0
    for node in 0..<documentCount {
      guard Int(graph.upperOffsets[node]) == expectedOffset else { throw corrupt("upper-level offsets out of order at node \(node)") }
      let level = graph.levels[node]
      if level == HNSWGraph.absent {
        guard graph.level0[node * (2 * M + 1)] == 0 else { throw corrupt("a document outside the graph has links") }
        continue
      }
      guard Int(level) <= HNSWGraph.levelLimit, Int(level) <= graph.maxLevel else { throw corrupt("node \(node) has level \(level)") }
      present += 1
      expectedOffset += Int(level) * (M + 1)
      guard expectedOffset <= upperSlotCount else { throw corrupt("upper-level lists overflow their section") }
    }
    guard Int(graph.upperOffsets[documentCount]) == expectedOffset, expectedOffset == upperSlotCount else {
      throw corrupt("upper-level slot count does not match the levels")
    }
    guard present == nodeCount else { throw corrupt("\(present) nodes, the header says \(nodeCount)") }
    if nodeCount == 0 {
      guard graph.maxLevel == -1 else { throw corrupt("an empty graph with a top level") }
      return
    }
    guard graph.entryPoint >= 0, graph.entryPoint < documentCount, graph.levels[graph.entryPoint] != HNSWGraph.absent,
          Int(graph.levels[graph.entryPoint]) == graph.maxLevel else {
      throw corrupt("bad entry point")
    }
    for node in 0..<documentCount where graph.levels[node] != HNSWGraph.absent {
      for level in 0...Int(graph.levels[node]) {
        let list = graph.links(node, level: level)
        let count = Int(list[0])
        guard count <= (level == 0 ? 2 * M : M) else { throw corrupt("node \(node) has \(count) links at level \(level)") }
        for slot in 1...max(count, 1) where count > 0 {
          let neighbour = Int(list[slot])
          guard neighbour < documentCount, graph.levels[neighbour] != HNSWGraph.absent,
                Int(graph.levels[neighbour]) >= level else {
            throw corrupt("node \(node) links to \(neighbour) at level \(level), which is not a node there")
          }
        }
      }
    }
  }
}
