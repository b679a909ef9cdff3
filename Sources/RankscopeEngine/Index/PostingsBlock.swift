/// The block codec of postings lists (format version 2): up to 128 postings per block, document-number
/// deltas and term frequencies each bit-packed with one bit width per block (frame of reference with the
/// previous document as base, as in PForDelta without exceptions: Zukowski et al. 2006, "Super-Scalar
/// RAM-CPU Cache Compression"; Lemire & Boytsov 2015, "Decoding billions of integers per second through
/// vectorization").
///
/// Why plain per-block bit packing: a block decodes in one branch-free loop of 64-bit loads and shifts
/// (no per-value branch as in VByte), the width adapts to each block (rare terms get wide gaps, common
/// terms narrow ones), and frequencies of short fields pack into one or two bits. Exceptions (PFor) would
/// shave a few percent of size at the cost of a second pass; the corpora here are small enough that
/// decoding speed matters more.
///
/// A block is: `UInt8` delta bit width, `UInt8` frequency bit width, the `n` packed deltas
/// (`document − previous document − 1`, the previous document of a block's first posting being the last
/// document of the block before it, or −1), then the `n` packed `frequency − 1`. Values are packed
/// little-endian, least significant bit first, in `⌈n · width / 8⌉` bytes.
enum PostingsBlock {
  /// Postings per block (all blocks but a list's last hold exactly this many).
  static let capacity = 128
  /// Bytes of one skip-table entry: last document (`UInt32`), end of the block relative to the first
  /// block (`UInt32`), largest weighted frequency `w · tf / B` in the block (`Float32`, rounded up), largest
  /// saturation `s(w · tf / B) = x / (k1 + x)` in the block (`Float64`, exactly as the scorer computes it).
  static let skipEntrySize = 20
  /// Zero bytes after the last list of a postings file, so a block's last value is read with one 8-byte load.
  static let padding = 8

  /// The number of bits needed to write `value` (0 for 0).
  @inline(__always)
  static func bitWidth(_ value: UInt32) -> Int { UInt32.bitWidth - value.leadingZeroBitCount }

  /// Bytes taken by `count` values of `width` bits.
  @inline(__always)
  static func packedByteCount(count: Int, width: Int) -> Int { (count * width + 7) >> 3 }

  /// Appends `values`, each written in `width` bits (every value must fit), to `bytes`.
  static func pack(_ values: ArraySlice<UInt32>, width: Int, into bytes: inout [UInt8]) {
    guard width > 0 else { return }
    var accumulator: UInt64 = 0
    var filled = 0
    for value in values {
      accumulator |= UInt64(value) << UInt64(filled)
      filled += width
      while filled >= 8 {
        bytes.append(UInt8(truncatingIfNeeded: accumulator))
        accumulator >>= 8
        filled -= 8
      }
    }
    if filled > 0 { bytes.append(UInt8(truncatingIfNeeded: accumulator)) }
  }

  /// Appends one block of postings (`documents` ascending, after `previous`; `frequencies` ≥ 1).
  static func encode(documents: ArraySlice<UInt32>, frequencies: ArraySlice<UInt32>, previous: Int64,
                     into bytes: inout [UInt8]) {
    var deltas: [UInt32] = []
    deltas.reserveCapacity(documents.count)
    var last = previous
    var deltaBits: UInt32 = 0
    for document in documents {
      let delta = UInt32(Int64(document) - last - 1)
      deltas.append(delta)
      deltaBits |= delta
      last = Int64(document)
    }
    var frequencyBits: UInt32 = 0
    let storedFrequencies = frequencies.map { frequency in
      frequencyBits |= frequency - 1
      return frequency - 1
    }
    let deltaWidth = bitWidth(deltaBits)
    let frequencyWidth = bitWidth(frequencyBits)
    bytes.append(UInt8(deltaWidth))
    bytes.append(UInt8(frequencyWidth))
    pack(deltas[...], width: deltaWidth, into: &bytes)
    pack(storedFrequencies[...], width: frequencyWidth, into: &bytes)
  }

  /// Unpacks `count` values of `width` bits from `source` into `destination`.
  ///
  /// The caller guarantees that `⌈count · width / 8⌉ + 7` bytes are readable at `source` (every value is
  /// read with one unaligned 64-bit load; `width ≤ 32` and a shift below 8 keep it within the word).
  @inline(__always)
  static func unpack(_ source: UnsafeRawPointer, count: Int, width: Int, into destination: UnsafeMutablePointer<UInt32>) {
    guard width > 0 else {
      destination.update(repeating: 0, count: count)
      return
    }
    let mask: UInt64 = (1 &<< UInt64(width)) &- 1
    var bit = 0
    // Wrapping arithmetic and masking shifts: `bit` stays below 32 · 128, shifts below 8, so nothing wraps,
    // and the loop carries no overflow or over-shift branches.
    for index in 0..<count {
      let word = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: bit &>> 3, as: UInt64.self))
      destination[index] = UInt32(truncatingIfNeeded: (word &>> UInt64(bit & 7)) & mask)
      bit &+= width
    }
  }

  /// Unpacks `count` document deltas of `width` bits from `source` into `destination` as documents
  /// (`previous` + the running sum of `delta + 1`); returns the last document (`previous` when `count` is 0).
  ///
  /// The same reads as `unpack`, with the prefix sum in the same pass.
  @inline(__always)
  static func unpackDocuments(_ source: UnsafeRawPointer, count: Int, width: Int, previous: Int,
                              into destination: UnsafeMutablePointer<UInt32>) -> Int {
    let mask: UInt64 = (1 &<< UInt64(width)) &- 1
    var bit = 0
    var current = previous
    // `current` grows by at most 2³² per value over at most 128 values: no wrap in 64 bits.
    for index in 0..<count {
      let word = width == 0 ? 0 : UInt64(littleEndian: source.loadUnaligned(fromByteOffset: bit &>> 3, as: UInt64.self))
      current = current &+ Int(truncatingIfNeeded: (word &>> UInt64(bit & 7)) & mask) &+ 1
      destination[index] = UInt32(truncatingIfNeeded: current)
      bit &+= width
    }
    return current
  }
}
