/// Why the explorer could not start.
public enum ExplorerError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Standard input or output is not a terminal (e.g. piped).
  case notATerminal(stream: String)
  /// `TERM` is not set.
  case terminalTypeUnset
  /// terminfo does not know `TERM`.
  case unknownTerminal(String)
  /// No terminfo database was found.
  case noTerminfoDatabase(String)
  /// ncurses refused to start.
  case cursesFailed(String)

  public var description: String {
    switch self {
    case .notATerminal(let stream):
      return "the explorer needs a terminal, but standard \(stream) is not one (run it in a terminal, not a pipe)"
    case .terminalTypeUnset:
      return "the TERM environment variable is not set; set it to your terminal type (e.g. TERM=xterm-256color)"
    case .unknownTerminal(let term):
      return "unknown terminal type '\(term)': terminfo has no entry for it (try TERM=xterm-256color)"
    case .noTerminfoDatabase(let term):
      return "no terminfo database found for TERM '\(term)' (install ncurses-base or set TERMINFO)"
    case .cursesFailed(let reason):
      return "could not start the terminal interface: \(reason)"
    }
  }
}
