/// Interns terms by their UTF-8 bytes to dense integer ids (0, 1, 2, … in order of first sight), with an
/// open-addressing hash table (linear probing, FNV-1a hash, load factor at most 1/2) over one byte arena, so
/// the index builder never makes a `String` per token.
struct TermTable: Sendable {
  /// The terms' bytes, one after the other.
  private(set) var arena: [UInt8] = []
  /// Where each term starts in `arena`, plus the arena's end: term `id` is `arena[starts[id]..<starts[id + 1]]`.
  private(set) var starts: [UInt32] = [0]
  private var hashes: [UInt64] = []
  /// `id + 1` per slot, 0 when empty.
  private var slots: [UInt32] = Array(repeating: 0, count: 1024)

  /// Number of distinct terms.
  var count: Int { hashes.count }

  /// The id of the term whose bytes are `key`, adding it when new.
  /// - Complexity: O(length of `key`) expected.
  @inline(__always)
  mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      let id = Int(entry) - 1
      if hashes[id] == hash && matches(id, key) { return id }
      slot = (slot + 1) & mask
    }
    let id = hashes.count
    hashes.append(hash)
    arena.append(contentsOf: key)
    starts.append(UInt32(arena.count))
    slots[slot] = UInt32(id + 1)
    if 2 * hashes.count > slots.count { grow() }
    return id
  }

  /// The id of `term`, adding it when new.
  mutating func intern(_ term: String) -> Int {
    var term = term
    return term.withUTF8 { intern($0) }
  }

  /// The bytes of term `id`.
  func bytes(_ id: Int) -> ArraySlice<UInt8> { arena[Int(starts[id])..<Int(starts[id + 1])] }

  /// Term ids ordered by their bytes (the dictionary's order).
  func sortedIds() -> [Int] {
    arena.withUnsafeBufferPointer { arena in
      (0..<count).sorted { left, right in
        let leftBytes = UnsafeBufferPointer(rebasing: arena[Int(starts[left])..<Int(starts[left + 1])])
        let rightBytes = UnsafeBufferPointer(rebasing: arena[Int(starts[right])..<Int(starts[right + 1])])
        return leftBytes.lexicographicallyPrecedes(rightBytes)
      }
    }
  }

  @inline(__always)
  private func matches(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(starts[id])
    guard Int(starts[id + 1]) - start == key.count else { return false }
    for offset in 0..<key.count where arena[start + offset] != key[offset] { return false }
    return true
  }

  private mutating func grow() {
    var larger = [UInt32](repeating: 0, count: slots.count * 2)
    let mask = larger.count - 1
    for (id, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
      while larger[slot] != 0 { slot = (slot + 1) & mask }
      larger[slot] = UInt32(id + 1)
    }
    slots = larger
  }
}
