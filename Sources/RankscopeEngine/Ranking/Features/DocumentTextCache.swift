import Foundation

/// Documents' stored members and analysed token streams as the feature extractor read them, by document
/// number, shared by every query on one index (and every thread: reads and writes hold a lock).
///
/// Bounded: when `capacity` documents are held, a new one replaces the one held longest (first in, first out:
/// one entry freed per insertion, never a pause to free them all). Entries never change once stored, so a hit
/// returns exactly what reading the document again would.
final class DocumentTextCache: @unchecked Sendable {
  /// What was read of one document.
  struct Entry {
    /// The stored members the features read, or nil if none was read.
    var stored: JSONValue?
    /// Analysed token streams by text field.
    var streams: [Int: FeatureExtractor.TokenStream]
  }

  // Safety: `entries` is read and written only while `lock` is held; entries are values.
  private let lock = NSLock()
  private var entries: [Int: Entry] = [:]
  /// Documents in the order they were first stored, a ring whose oldest is at `oldest` once full.
  private var order: [Int] = []
  private var oldest = 0
  /// Most documents held.
  let capacity: Int

  /// An empty cache holding at most `capacity` documents.
  init(capacity: Int) { self.capacity = max(1, capacity) }

  /// What is held of `document`, if anything.
  func entry(_ document: Int) -> Entry? {
    lock.lock()
    defer { lock.unlock() }
    return entries[document]
  }

  /// Holds `entry` for `document` (replacing what was held).
  func store(_ document: Int, _ entry: Entry) {
    lock.lock()
    defer { lock.unlock() }
    if entries.updateValue(entry, forKey: document) != nil { return }
    if order.count < capacity {
      order.append(document)
    } else {
      entries[order[oldest]] = nil
      order[oldest] = document
      oldest = (oldest + 1) % capacity
    }
  }

  /// Documents held.
  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return entries.count
  }
}
