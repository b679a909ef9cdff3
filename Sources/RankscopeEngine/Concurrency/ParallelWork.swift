import Dispatch
import Foundation

/// Spreads one search's work over the machine's cores: contiguous chunks of rows computed at once, results
/// kept in order, so a parallel run returns exactly what a serial one returns.
enum ParallelWork {
  /// Threads one search may use: the active processors, at most 4.
  static let workerCount = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))

  /// `body` over `0..<count` split into at most `workerCount` contiguous chunks of at least `minimumChunk`
  /// items, run concurrently; the chunks' results concatenated in order. The first error thrown is rethrown.
  static func mapChunks<T>(count: Int, minimumChunk: Int, maximumThreads: Int = workerCount,
                           _ body: (Range<Int>) throws -> [T]) throws -> [T] {
    let chunkCount = min(workerCount, maximumThreads, count / max(1, minimumChunk))
    guard chunkCount > 1 else { return try body(0..<count) }
    let results = ChunkResults<T>(count: chunkCount)
    withoutActuallyEscaping(body) { body in
      let shared = UncheckedSendable(body)
      DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
        let range = (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount)
        do {
          results.store(try shared.value(range), at: chunk)
        } catch {
          results.fail(error)
        }
      }
    }
    return try results.joined()
  }
}

/// A value handed to the worker threads of `ParallelWork`, which only read it.
struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// The chunks' results, written under a lock (one write per chunk).
private final class ChunkResults<T>: @unchecked Sendable {
  private let lock = NSLock()
  private var chunks: [[T]?]
  private var error: (any Error)?

  init(count: Int) { chunks = Array(repeating: nil, count: count) }

  func store(_ values: [T], at index: Int) {
    lock.lock()
    chunks[index] = values
    lock.unlock()
  }

  func fail(_ error: any Error) {
    lock.lock()
    if self.error == nil { self.error = error }
    lock.unlock()
  }

  func joined() throws -> [T] {
    lock.lock()
    defer { lock.unlock() }
    if let error { throw error }
    return chunks.flatMap { $0 ?? [] }
  }
}

/// A value computed on another thread while the caller goes on (the query's embedding while lexical retrieval
/// runs; the explorer's query log, read once for query understanding and the guides); `value()` waits for it, and
/// any number of threads may ask.
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var result: Result<Value, any Error>?
  private var elapsed: Double = 0

  /// Starts `work` on a global queue.
  public init(_ work: @escaping @Sendable () throws -> Value) {
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      let start = DispatchTime.now().uptimeNanoseconds
      let outcome = Result { try work() }
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      lock.lock()
      result = outcome
      elapsed = seconds
      lock.unlock()
      done.signal()
    }
  }

  /// The value (waiting for it), and how long computing it took on its own thread.
  public func value() throws -> (value: Value, seconds: Double) {
    lock.lock()
    var finished = result
    lock.unlock()
    if finished == nil {
      done.wait()
      done.signal()  // later calls find it at once
      lock.lock()
      finished = result
      lock.unlock()
    }
    lock.lock()
    let seconds = elapsed
    lock.unlock()
    return (try finished!.get(), seconds)
  }
}
