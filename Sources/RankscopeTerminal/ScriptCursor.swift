import Dispatch
import RankscopeUI

/// Where a running script is: the next event and the clock it is timed by.
struct ScriptCursor {
  /// What the run loop does next.
  enum Step {
    /// Dispatch this action.
    case play(Action)
    /// Nothing is due yet.
    case wait
    /// Every event was played (or the next one would quit).
    case done
  }

  let script: ExplorerScript
  private var index = 0
  private let startNanoseconds = DispatchTime.now().uptimeNanoseconds

  init(_ script: ExplorerScript) { self.script = script }

  /// The next step for `state`: the next event when it is due, `done` at the end or before an event that would
  /// quit the explorer (tried on a copy of `state`).
  mutating func next(state: AppState) -> Step {
    guard index < script.events.count else { return .done }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds &- startNanoseconds) / 1_000_000
    guard elapsed >= script.dueMilliseconds(index) else { return .wait }
    let action = script.events[index].action.action
    if case .resize = action {  // the terminal has the size it has: a recorded resize is not replayed
      index += 1
      return .wait
    }
    var probe = state
    guard !reduce(&probe, action).contains(.quit), probe.isRunning else { return .done }
    index += 1
    return .play(action)
  }
}
