import Foundation
import RankscopeUI

/// Appends what the user does in the explorer to a session file (`rankscope explore --record FILE`).
///
/// Each line is written with one system call as it happens, so an explorer that is killed leaves a session
/// that replays up to its last whole line. Writing is best-effort: after a failed write the recorder stops and
/// keeps the error in `failure`.
///
/// `@unchecked Sendable`: used from the run loop's thread only; the mutable state is not shared.
public final class SessionRecorder: @unchecked Sendable {
  /// The file written.
  public let path: String
  /// The header, without the screen size, which `start` fills in.
  public let header: SessionHeader
  /// Why recording stopped, if a write failed.
  public private(set) var failure: String?
  private let handle: FileHandle
  private var startNanoseconds: UInt64 = 0

  /// Creates (or truncates) the session file at `path`; throws when it cannot be written.
  public init(path: String, header: SessionHeader) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil),
          let handle = FileHandle(forWritingAtPath: path) else {
      throw SessionRecorderError(path: path)
    }
    self.path = path
    self.header = header
    self.handle = handle
  }

  deinit { try? handle.close() }

  /// Writes the header with the screen size the explorer started with and starts the clock.
  public func start(width: Int, height: Int) {
    var header = header
    header.width = width
    header.height = height
    startNanoseconds = DispatchTime.now().uptimeNanoseconds
    write(header.jsonLine)
  }

  /// Milliseconds since `start`.
  public var elapsedMilliseconds: Int {
    Int((DispatchTime.now().uptimeNanoseconds &- startNanoseconds) / 1_000_000)
  }

  /// Appends `action` with the time since `start` when the user originated it (completions are skipped).
  public func record(_ action: Action) {
    guard let recorded = RecordedAction(action) else { return }
    write(SessionEvent(milliseconds: elapsedMilliseconds, action: recorded).jsonLine)
  }

  private func write(_ line: String) {
    guard failure == nil else { return }
    do {
      try handle.write(contentsOf: Data((line + "\n").utf8))
    } catch {
      failure = "recording to \(path) stopped: \(error)"
    }
  }
}
