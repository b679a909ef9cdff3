import Foundation

/// The graph's file, `engagement-graph.bin` (little-endian): magic `RSEG`, UInt32 version, UInt64 user count,
/// document count, edge count and the xxHash64 of everything after the header; then the user side
/// (`users + 1` UInt32 offsets, edges × UInt32 documents, edges × Float32 weights) and the document side
/// (`documents + 1` offsets, users, weights); then `users + 1` UInt32 offsets into a blob of UTF-8 user ids.
///
/// Loading checks the size, the checksum and every invariant (`validate()`), so a damaged or foreign file is
/// an `IndexError` naming it, never a crash.
extension EngagementGraph {
  /// The file's name in an index directory.
  public static let fileName = "engagement-graph.bin"
  /// The format version this build reads and writes.
  public static let formatVersion: UInt32 = 1
  private static let magic: [UInt8] = Array("RSEG".utf8)
  private static let headerSize = 40

  /// The file's bytes.
  public func serialized() -> [UInt8] {
    var body = ByteWriter()
    for value in userOffsets { body.append(value) }
    for value in userDocuments { body.append(value) }
    for value in userWeights { body.append(value) }
    for value in documentOffsets { body.append(value) }
    for value in documentUsers { body.append(value) }
    for value in documentWeights { body.append(value) }
    var offset: UInt32 = 0
    body.append(offset)
    for id in userIds {
      offset += UInt32(id.utf8.count)
      body.append(offset)
    }
    for id in userIds { body.append(contentsOf: id.utf8) }
    var header = ByteWriter()
    header.append(contentsOf: Self.magic)
    header.append(Self.formatVersion)
    header.append(UInt64(userIds.count))
    header.append(UInt64(documentCount))
    header.append(UInt64(edgeCount))
    header.append(XXHash64.hash(body.bytes))
    return header.bytes + body.bytes
  }

  /// Writes the file at `path` atomically (temporary file, fsync, rename).
  public func write(to path: String) throws(IndexError) {
    try AtomicFile.write(serialized(), to: path)
  }

  /// Reads the graph at `path`, checking it was built for an index of `documentCount` documents.
  public static func read(path: String, documentCount: Int) throws(IndexError) -> EngagementGraph {
    return try decode(try FileBytes.read(path: path), name: path, documentCount: documentCount)
  }

  /// Decodes a graph file's bytes; `name` names it in errors.
  public static func decode(_ bytes: [UInt8], name: String, documentCount expected: Int) throws(IndexError) -> EngagementGraph {
    func fail(_ reason: String) -> IndexError { IndexError.corrupt(file: name, reason: reason) }
    guard bytes.count >= headerSize, Array(bytes[0..<4]) == magic else {
      throw IndexError.foreign(path: name, reason: "not an engagement graph file (no RSEG header)")
    }
    let region = ByteRegion(copying: bytes, name: name)
    let version = try region.uint32(at: 4)
    guard version == formatVersion else {
      throw IndexError.foreign(path: name,
          reason: "engagement graph format version \(version), this build reads \(formatVersion); rebuild the index")
    }
    let users = try region.uint64(at: 8), documents = try region.uint64(at: 16), edges = try region.uint64(at: 24)
    guard users < UInt64(UInt32.max), documents < UInt64(UInt32.max), edges < UInt64(UInt32.max) else {
      throw fail("counts out of range")
    }
    guard Int(documents) == expected else {
      throw fail("built for \(documents) documents, the index has \(expected); rebuild it")
    }
    let (userCount, documentCount, edgeCount) = (Int(users), Int(documents), Int(edges))
    let fixed = 4 * ((userCount + 1) * 2 + (documentCount + 1) + edgeCount * 4)
    guard bytes.count >= headerSize + fixed else { throw fail("the file is \(bytes.count) bytes, too short for its counts") }
    guard XXHash64.hash(Array(bytes[headerSize...])) == (try region.uint64(at: 32)) else {
      throw fail("checksum mismatch")
    }
    var cursor = headerSize
    func words(_ count: Int) throws(IndexError) -> [UInt32] {
      var result = [UInt32](repeating: 0, count: count)
      for index in 0..<count { result[index] = try region.uint32(at: cursor + 4 * index) }
      cursor += 4 * count
      return result
    }
    func floats(_ count: Int) throws(IndexError) -> [Float] { try words(count).map { Float(bitPattern: $0) } }
    let userOffsets = try words(userCount + 1)
    let userDocuments = try words(edgeCount)
    let userWeights = try floats(edgeCount)
    let documentOffsets = try words(documentCount + 1)
    let documentUsers = try words(edgeCount)
    let documentWeights = try floats(edgeCount)
    let idOffsets = try words(userCount + 1)
    let blob = bytes[cursor...]
    guard idOffsets.first == 0, Int(idOffsets.last ?? 0) == blob.count,
          zip(idOffsets, idOffsets.dropFirst()).allSatisfy({ $0 <= $1 }) else {
      throw fail("user id offsets do not span the id blob")
    }
    var ids: [String] = []
    ids.reserveCapacity(userCount)
    for user in 0..<userCount {
      let start = blob.startIndex + Int(idOffsets[user]), end = blob.startIndex + Int(idOffsets[user + 1])
      guard let id = String(validating: bytes[start..<end], as: UTF8.self) else { throw fail("user id \(user) is not UTF-8") }
      ids.append(id)
    }
    guard userOffsets.first == 0, Int(userOffsets.last ?? 0) == edgeCount,
          zip(userOffsets, userOffsets.dropFirst()).allSatisfy({ $0 <= $1 }) else {
      throw fail("user offsets do not span the edges")
    }
    var edgeList: [(user: Int, document: Int, weight: Float)] = []
    edgeList.reserveCapacity(edgeCount)
    for user in 0..<userCount {
      for index in Int(userOffsets[user])..<Int(userOffsets[user + 1]) {
        guard Int(userDocuments[index]) < documentCount else {
          throw fail("user \(user) has document \(userDocuments[index]) out of range")
        }
        edgeList.append((user, Int(userDocuments[index]), userWeights[index]))
      }
    }
    let graph = try EngagementGraph(userIds: ids, documentCount: documentCount, edges: edgeList)
    do {
      try graph.validate()
    } catch {
      if case .corrupt(_, let reason) = error { throw fail(reason) }
      throw error
    }
    guard graph.documentOffsets == documentOffsets, graph.documentUsers == documentUsers,
        graph.documentWeights == documentWeights else {
      throw fail("the document side does not hold the user side's edges")
    }
    return graph
  }
}
