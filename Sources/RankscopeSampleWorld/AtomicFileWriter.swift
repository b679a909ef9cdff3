import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file in the target
/// directory, which is then renamed over the target (`rename(2)` is atomic within a file system).
enum AtomicFileWriter {
  /// Writes `bytes` to `url`, creating its directory if needed.
  static func write(_ bytes: [UInt8], to url: URL) throws {
    let directory = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let process = ProcessInfo.processInfo.processIdentifier
    let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).partial-\(process)")
    do {
      try Data(bytes).write(to: temporary)
      guard rename(temporary.path, url.path) == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }
}
