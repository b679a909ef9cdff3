import Dispatch
import Foundation
import RankscopeEngine
import RankscopeUI

/// Runs searches (and "why A above B" comparisons, explanations) off the UI thread and hands their results back
/// through a mailbox the run loop polls.
///
/// Each effect runs in its `EffectPerformer.Lane`, and only the latest submitted effect of a lane waits to run:
/// submitting replaces one of that lane that has not started, so a burst of keystrokes costs one search per
/// keystroke at most and usually fewer. Results of superseded searches that already ran are still delivered;
/// the reducer drops them by generation. Whole-set evaluations and refinements run on queues of their own. What each effect does
/// is `EffectPerformer.perform`'s business.
///
/// `@unchecked Sendable`: the mutable state (`pending`, `unfinished`, `completed`) is only touched while holding
/// `lock`; `performer` is itself `Sendable`.
final class SearchWorker: @unchecked Sendable {
  private let performer: EffectPerformer
  private let queue = DispatchQueue(label: "rankscope.search", qos: .userInitiated)
  /// Whole-set evaluations take seconds: they run here, so searches never wait behind them.
  private let evaluationQueue = DispatchQueue(label: "rankscope.evaluation", qos: .utility)
  /// Refinements run several searches each: they run here, so typing and searching never wait behind them.
  private let refinementQueue = DispatchQueue(label: "rankscope.refinement", qos: .utility)
  private let lock = NSLock()
  private var pending: [EffectPerformer.Lane: Effect] = [:]
  private var unfinished = 0
  private var completed: [Action] = []

  init(performer: EffectPerformer) {
    self.performer = performer
  }

  /// Queues `effect` in `lane` (replacing the one of that lane still waiting); its result arrives later from
  /// `takeCompleted()`.
  func submit(_ effect: Effect, lane: EffectPerformer.Lane) {
    locked {
      pending[lane] = effect
      unfinished += 1
    }
    let target = lane == .evaluation ? evaluationQueue : lane == .refinement ? refinementQueue : queue
    target.async { [self] in runPending(lane) }
  }

  /// Results delivered since the last call, in completion order.
  func takeCompleted() -> [Action] {
    locked {
      let actions = completed
      completed.removeAll()
      return actions
    }
  }

  /// Whether nothing is waiting, running or delivered but not yet taken (a replay waits for this between events).
  var isIdle: Bool { locked { unfinished == 0 && completed.isEmpty } }

  private func runPending(_ lane: EffectPerformer.Lane) {
    let effect = locked { pending.removeValue(forKey: lane) }
    let actions = effect.map(performer.perform) ?? []
    locked {
      completed += actions
      unfinished -= 1
    }
  }

  private func locked<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }
}
