import RankscopeUI

/// Events for the explorer to play as if the user did them (`rankscope replay FILE` in the terminal).
///
/// An event is played when it is due at `speed` and the work of the ones before (searches, explanations) has
/// arrived, so a replay shows what the recording showed even when searches now run slower. An event that would
/// quit ends the script instead (the user's own keys still quit). Recorded resizes are skipped: the screen keeps
/// the terminal's size.
public struct ExplorerScript: Sendable {
  /// The events, in order.
  public var events: [SessionEvent]
  /// Pace: 1 plays at the recorded pace, 2 twice as fast, 0 as fast as the searches allow.
  public var speed: Double
  /// Whether the explorer quits when the script is done (else it stays open for the user).
  public var exitsWhenDone: Bool
  /// A notice for the status line when the script is done (and the explorer stays open).
  public var doneNotice: String

  /// Creates a script.
  public init(events: [SessionEvent], speed: Double = 1, exitsWhenDone: Bool = false,
              doneNotice: String = "replay finished: the explorer is yours (Ctrl-C quits)") {
    self.events = events
    self.speed = speed.isFinite && speed > 0 ? speed : 0
    self.exitsWhenDone = exitsWhenDone
    self.doneNotice = doneNotice
  }

  /// When event `index` is due, in milliseconds after the replay started.
  func dueMilliseconds(_ index: Int) -> Double {
    guard speed > 0, events.indices.contains(index) else { return 0 }
    return Double(events[index].milliseconds) / speed
  }
}
