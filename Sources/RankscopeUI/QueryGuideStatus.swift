/// Whether the query log's guides (autocomplete and refinements) can run, and if not, why.
public enum QueryGuideStatus: Sendable, Hashable, CustomStringConvertible {
  /// The completer and the refinement generator are being built from the query log (the dropdown and the chips
  /// are absent until they are ready).
  case building
  /// Both are ready.
  case ready
  /// There is no query log to build them from (or it could not be read): the reason.
  case unavailable(String)

  /// Whether the guides exist or will soon (the chips row is laid out).
  public var isAvailable: Bool {
    if case .unavailable = self { return false }
    return true
  }

  /// A one-line description: `ready`, `building from the query log…` or the reason they are off.
  public var description: String {
    switch self {
    case .building: return "building from the query log…"
    case .ready: return "ready"
    case .unavailable(let reason): return "autocomplete and refinements are off: \(reason)"
    }
  }
}
