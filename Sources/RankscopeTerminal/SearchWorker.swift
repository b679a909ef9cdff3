import Dispatch
import Foundation
import RankscopeEngine
import RankscopeUI

/// Runs searches, explanations, comparisons and whole-set evaluations off the UI thread and hands their results
/// back through a mailbox the run loop polls.
///
/// Work comes in kinds (A's search, B's search, an explanation on either side, "why A above B", a whole-set
/// evaluation); of each kind only the latest submitted job waits to run: submitting replaces a job of the same
/// kind that has not started, so a burst of keystrokes costs one search per keystroke at most and usually
/// fewer. Results of superseded jobs that already ran are still delivered; the reducer drops them by
/// generation. Whole-set evaluations, which take seconds, run on a queue of their own so searches never wait
/// behind them.
///
/// `@unchecked Sendable`: the mutable state (`pending`, `completed`) is only touched while holding `lock`;
/// `service` is itself `Sendable`.
final class SearchWorker: @unchecked Sendable {
  /// The kinds of work, each with one waiting slot.
  private enum Kind: Hashable {
    case search, compareSearch, explain, compareExplain, compare, evaluateSet
  }

  private let service: any SearchService
  private let queue = DispatchQueue(label: "rankscope.search", qos: .userInitiated)
  private let evaluationQueue = DispatchQueue(label: "rankscope.evaluation", qos: .utility)
  private let lock = NSLock()
  private var pending: [Kind: @Sendable () -> Action] = [:]
  private var completed: [Action] = []

  init(service: any SearchService) {
    self.service = service
  }

  /// Queues the work of `effect` (searches, explanations, comparisons, evaluations); returns false for an
  /// effect that is not background work (`saveJudgment`, `quit`).
  func submit(_ effect: Effect) -> Bool {
    let service = self.service
    switch effect {
    case .search(let request, let generation):
      enqueue(.search) { .searchCompleted(generation: generation, result: performSearch(request, using: service)) }
    case .compareSearch(let request, let generation):
      enqueue(.compareSearch) { .compareSearchCompleted(generation: generation, result: performSearch(request, using: service)) }
    case .explain(let request, let id, let generation):
      enqueue(.explain) {
        .explanationCompleted(generation: generation, id: id, result: performExplanation(request, id: id, using: service))
      }
    case .compareExplain(let request, let id, let generation):
      enqueue(.compareExplain) {
        .compareExplanationCompleted(generation: generation, id: id, result: performExplanation(request, id: id, using: service))
      }
    case .compare(let request, let first, let second, let generation):
      enqueue(.compare) {
        .comparisonCompleted(generation: generation, result: performComparison(request, first, second, using: service))
      }
    case .evaluateSet(let job, let generation):
      enqueue(.evaluateSet) { .setEvaluationCompleted(generation: generation, result: performSetEvaluation(job, using: service)) }
    case .saveJudgment, .quit:
      return false
    }
    return true
  }

  /// Results delivered since the last call, in completion order.
  func takeCompleted() -> [Action] {
    locked {
      let actions = completed
      completed.removeAll()
      return actions
    }
  }

  private func enqueue(_ kind: Kind, _ work: @escaping @Sendable () -> Action) {
    locked { pending[kind] = work }
    (kind == .evaluateSet ? evaluationQueue : queue).async { [self] in run(kind) }
  }

  private func run(_ kind: Kind) {
    guard let work = locked({ pending.removeValue(forKey: kind) }) else { return }
    let action = work()
    locked { completed.append(action) }
  }

  private func locked<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }
}
