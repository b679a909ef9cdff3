import Dispatch
import Foundation
import RankscopeEngine
import RankscopeUI

/// Runs searches (and "why A above B" comparisons) off the UI thread and hands their results back through a mailbox the run loop polls.
///
/// Only the latest submitted search waits to run: submitting replaces a search that has not started, so a
/// burst of keystrokes costs one search per keystroke at most and usually fewer. Results of superseded
/// searches that already ran are still delivered; the reducer drops them by generation.
///
/// `@unchecked Sendable`: the mutable state (`pending`, `pendingComparison`, `pendingExplanation`, `completed`) is only touched while holding `lock`;
/// `service` is itself `Sendable`.
final class SearchWorker: @unchecked Sendable {
  private let service: any SearchService
  private let queue = DispatchQueue(label: "rankscope.search", qos: .userInitiated)
  private let lock = NSLock()
  private var pending: (request: SearchRequest, generation: Int)?
  private var pendingComparison: (request: SearchRequest, first: String, second: String, generation: Int)?
  private var pendingExplanation: (request: SearchRequest, id: String, generation: Int)?
  private var completed: [Action] = []

  init(service: any SearchService) {
    self.service = service
  }

  /// Queues `request`; its result arrives later from `takeCompleted()`.
  func submit(_ request: SearchRequest, generation: Int) {
    locked { pending = (request, generation) }
    queue.async { [self] in runPending() }
  }

  /// Queues a comparison of `first` and `second` ("why A above B"); like searches, only the latest waits to
  /// run, and its result arrives later from `takeCompleted()`.
  func submitComparison(_ request: SearchRequest, first: String, second: String, generation: Int) {
    locked { pendingComparison = (request, first, second, generation) }
    queue.async { [self] in runPendingComparison() }
  }

  /// Queues the explanation of hit `id`; only the latest waits to run (the selection moved on from the others),
  /// and its result arrives later from `takeCompleted()`.
  func submitExplanation(_ request: SearchRequest, id: String, generation: Int) {
    locked { pendingExplanation = (request, id, generation) }
    queue.async { [self] in runPendingExplanation() }
  }

  /// Results delivered since the last call, in completion order.
  func takeCompleted() -> [Action] {
    locked {
      let actions = completed
      completed.removeAll()
      return actions
    }
  }

  private func runPending() {
    guard let job = locked({ () -> (request: SearchRequest, generation: Int)? in
      let job = pending
      pending = nil
      return job
    }) else { return }
    let result = performSearch(job.request, using: service)
    locked { completed.append(.searchCompleted(generation: job.generation, result: result)) }
  }

  private func runPendingComparison() {
    guard let job = locked({ () -> (request: SearchRequest, first: String, second: String, generation: Int)? in
      let job = pendingComparison
      pendingComparison = nil
      return job
    }) else { return }
    let result = performComparison(job.request, job.first, job.second, using: service)
    locked { completed.append(.comparisonCompleted(generation: job.generation, result: result)) }
  }

  private func runPendingExplanation() {
    guard let job = locked({ () -> (request: SearchRequest, id: String, generation: Int)? in
      let job = pendingExplanation
      pendingExplanation = nil
      return job
    }) else { return }
    let result = performExplanation(job.request, id: job.id, using: service)
    locked { completed.append(.explanationCompleted(generation: job.generation, id: job.id, result: result)) }
  }

  private func locked<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }
}
