/// The session file cannot be created.
public struct SessionRecorderError: Error, Sendable, CustomStringConvertible {
  /// The path asked for.
  public var path: String

  public var description: String { "cannot write the session file \(path)" }
}
