import Foundation

/// Recently built `UserValueTable`s by (keyword field, the user's values), shared by every query on one index
/// (reads and writes hold a lock). Bounded: when `capacity` tables are held, a new one replaces the oldest.
/// A table depends only on its key and the index, so a hit is exactly what building it again would give.
final class UserValueTableCache: @unchecked Sendable {
  /// What a table is built from.
  struct Key: Hashable {
    /// The keyword field's position among the keyword fields.
    var field: Int
    /// The user's values, sorted.
    var values: [String]
  }

  // Safety: `tables` and `order` are read and written only while `lock` is held; tables are values.
  private let lock = NSLock()
  private var tables: [Key: UserValueTable] = [:]
  private var order: [Key] = []
  /// Most tables held.
  let capacity: Int

  /// An empty cache holding at most `capacity` tables.
  init(capacity: Int) { self.capacity = max(1, capacity) }

  /// The table of `key`, if held.
  func table(_ key: Key) -> UserValueTable? {
    lock.withLock { tables[key] }
  }

  /// Holds `table` for `key`, dropping the oldest table when full.
  func store(_ key: Key, _ table: UserValueTable) {
    lock.withLock {
      if tables.updateValue(table, forKey: key) != nil { return }
      order.append(key)
      if order.count > capacity { tables[order.removeFirst()] = nil }
    }
  }
}
