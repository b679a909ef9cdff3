/// Why a line of a session cannot be read (without the file and line, which `Session.parse` adds).
public struct SessionFormatError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong.
  public var reason: String

  /// Creates an error.
  public init(_ reason: String) { self.reason = reason }

  public var description: String { reason }
}
