/// A forward-only position in one block-compressed postings list (see `PostingsBlock`): the current
/// posting, `next()`, `advance(to:)` that skips whole blocks through the skip table, and the block-max
/// bound of the block that would hold a document, read without decoding it.
///
/// The list is checked to lie inside the file with the padding after it when the cursor is made; each block
/// when decoded (its skip entry: last document above the previous block's and below the document count,
/// start and end inside the list; bit widths, packed length, last decoded document equal to the skip
/// table's) — checking blocks as they are used keeps opening a long list O(1). Damaged data throws
/// `IndexError.corrupt`; every document a cursor yields is below the document count, so callers may index
/// per-document arrays with it. (Skips and bounds read unchecked skip entries only to choose blocks and
/// prune; the block index only moves forward, so even a damaged table cannot loop or read outside the list.)
struct PostingsCursor {
  /// The `document` of a cursor past its last posting.
  static let exhausted = Int.max

  private let skipTable: UnsafeRawPointer
  private let blocks: UnsafeRawPointer
  private let blockCount: Int
  private let documentFrequency: Int
  private let dataLength: Int
  private let decoder: PostingsDecoder
  private let offset: Int
  private let documents: UnsafeMutablePointer<UInt32>
  private let frequencies: UnsafeMutablePointer<UInt32>
  private var block = -1
  private var position = 0
  private var blockLength = 0
  private var boundBlock = 0
  /// The current document, or `exhausted`.
  private(set) var document = -1

  /// A cursor on the first posting of `pointer`'s list; `scratch` holds 256 `UInt32` for the decoded block
  /// and must outlive the cursor.
  init(_ pointer: PostingsPointer, decoder: PostingsDecoder, scratch: UnsafeMutablePointer<UInt32>) throws(IndexError) {
    self.decoder = decoder
    offset = pointer.offset
    documentFrequency = pointer.documentFrequency
    documents = scratch
    frequencies = scratch + PostingsBlock.capacity
    let region = decoder.region
    guard pointer.documentFrequency > 0, pointer.documentFrequency <= decoder.documentCount else {
      throw IndexError.corrupt(file: region.name, reason: "a postings list at byte \(pointer.offset) has \(pointer.documentFrequency) documents")
    }
    blockCount = (pointer.documentFrequency + PostingsBlock.capacity - 1) / PostingsBlock.capacity
    let skipBytes = blockCount * PostingsBlock.skipEntrySize
    guard pointer.byteLength >= skipBytes, pointer.offset >= 0,
          pointer.offset <= region.count - PostingsBlock.padding - pointer.byteLength,
          let start = region.buffer.baseAddress else {
      throw IndexError.corrupt(file: region.name, reason: "postings list at byte \(pointer.offset) lies outside the file")
    }
    skipTable = start + pointer.offset
    blocks = skipTable + skipBytes
    dataLength = pointer.byteLength - skipBytes
    try load(0)
  }

  /// The current posting's term frequency.
  @inline(__always)
  var frequency: Int { Int(frequencies[position]) }

  /// The last document of block `index`.
  @inline(__always)
  private func lastDocument(_ index: Int) -> Int {
    Int(UInt32(littleEndian: skipTable.loadUnaligned(fromByteOffset: index * PostingsBlock.skipEntrySize, as: UInt32.self)))
  }

  /// Where block `index` ends, relative to the first block.
  @inline(__always)
  private func blockEnd(_ index: Int) -> Int {
    Int(UInt32(littleEndian: skipTable.loadUnaligned(fromByteOffset: index * PostingsBlock.skipEntrySize + 4, as: UInt32.self)))
  }

  /// The largest `w · tf / B` of block `index` (rounded up when written).
  @inline(__always)
  private func blockMaximum(_ index: Int) -> Float {
    Float(bitPattern: UInt32(littleEndian: skipTable.loadUnaligned(fromByteOffset: index * PostingsBlock.skipEntrySize + 8, as: UInt32.self)))
  }

  /// The decoded postings of the current block from the current one on (none when exhausted).
  @inline(__always)
  var remainingInBlock: (documents: UnsafeMutablePointer<UInt32>, frequencies: UnsafeMutablePointer<UInt32>, count: Int) {
    (documents + position, frequencies + position, blockLength - position)
  }

  /// Moves `count` postings forward inside the current block, `count` at most `remainingInBlock.count`;
  /// moving past the block's last posting loads the next block (or reaches `exhausted`).
  @inline(__always)
  mutating func skipInBlock(_ count: Int) throws(IndexError) {
    position += count
    if position < blockLength {
      document = Int(documents[position])
    } else {
      try load(block + 1)
    }
  }

  /// Moves to the next posting (or to `exhausted`).
  @inline(__always)
  mutating func next() throws(IndexError) {
    position += 1
    if position < blockLength {
      document = Int(documents[position])
    } else {
      try load(block + 1)
    }
  }

  /// Moves to the first posting whose document is at least `target` (or to `exhausted`); never moves back.
  @inline(__always)
  mutating func advance(to target: Int) throws(IndexError) {
    if document >= target { return }
    if lastDocument(block) < target {
      var candidate = block + 1
      while candidate < blockCount && lastDocument(candidate) < target { candidate += 1 }
      try load(candidate)
      if document >= target { return }
    }
    // The block holds a document ≥ target: its last one at least.
    while Int(documents[position]) < target { position += 1 }
    document = Int(documents[position])
  }

  /// Upper bounds of `w · tf / B` and of its saturation for `target` in this list — the maxima of the
  /// block that would hold it — and the last document of that block, up to which they hold; `(0, 0, Int.max)`
  /// past the last block. Does not decode; calls must not go back to smaller targets.
  @inline(__always)
  mutating func blockBound(for target: Int) -> (maximum: Float, saturation: Double, lastDocument: Int) {
    if boundBlock < block { boundBlock = block }
    while boundBlock < blockCount && lastDocument(boundBlock) < target { boundBlock += 1 }
    guard boundBlock < blockCount else { return (0, 0, Int.max) }
    let saturation = Double(bitPattern: UInt64(littleEndian: skipTable.loadUnaligned(
      fromByteOffset: boundBlock * PostingsBlock.skipEntrySize + 12, as: UInt64.self)))
    return (blockMaximum(boundBlock), saturation, lastDocument(boundBlock))
  }

  /// Decodes block `index` and moves to its first posting (or to `exhausted` past the last block).
  private mutating func load(_ index: Int) throws(IndexError) {
    block = index
    position = 0
    guard index < blockCount else {
      blockLength = 0
      document = Self.exhausted
      return
    }
    let start = index == 0 ? 0 : blockEnd(index - 1)
    let end = blockEnd(index)
    let previous = index == 0 ? -1 : lastDocument(index - 1)
    guard start >= 0, start + 2 <= end, end <= dataLength, lastDocument(index) > previous,
          lastDocument(index) < decoder.documentCount else {
      throw IndexError.corrupt(file: decoder.region.name, reason: "skip entry \(index) of the postings list at byte \(offset) is damaged")
    }
    let count = index == blockCount - 1 ? documentFrequency - index * PostingsBlock.capacity : PostingsBlock.capacity
    let deltaWidth = Int(blocks.load(fromByteOffset: start, as: UInt8.self))
    let frequencyWidth = Int(blocks.load(fromByteOffset: start + 1, as: UInt8.self))
    let deltaBytes = PostingsBlock.packedByteCount(count: count, width: deltaWidth)
    guard deltaWidth <= 32, frequencyWidth <= 32,
          start + 2 + deltaBytes + PostingsBlock.packedByteCount(count: count, width: frequencyWidth) <= end else {
      throw IndexError.corrupt(file: decoder.region.name, reason: "block \(index) of the postings list at byte \(offset) is damaged")
    }
    // The list ends at least `padding` bytes before the file does (checked in `init`), so the 64-bit loads
    // of the last values stay inside the file.
    let current = PostingsBlock.unpackDocuments(blocks + start + 2, count: count, width: deltaWidth, previous: previous,
                                                into: documents)
    PostingsBlock.unpack(blocks + start + 2 + deltaBytes, count: count, width: frequencyWidth, into: frequencies)
    // Stored as `tf − 1` in at most 32 bits: `&+ 1` wraps only for a damaged 2³² − 1, which then reads as 0
    // (as `unpack` of a zero-width block would); scorers treat any frequency alike.
    for slot in 0..<count { frequencies[slot] &+= 1 }
    guard current == lastDocument(index) else {
      throw IndexError.corrupt(file: decoder.region.name, reason: "block \(index) of the postings list at byte \(offset) does not end where its skip table says")
    }
    blockLength = count
    document = Int(documents[0])
  }
}
