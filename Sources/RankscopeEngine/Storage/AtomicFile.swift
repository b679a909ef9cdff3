import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a crash never leaves a partial one: a temporary file beside the target, synced, renamed
/// over it, and the directory synced. A failure at any step leaves the old file whole.
public enum AtomicFile {
  /// Replaces the file at `path` with `bytes` (keeping an existing file's permissions); the old file stays until
  /// the new one is complete on disk.
  public static func write(_ bytes: [UInt8], to path: String) throws(IndexError) {
    let target = URL(fileURLWithPath: path)
    let directory = target.deletingLastPathComponent().path
    let temporary = target.deletingLastPathComponent()
      .appendingPathComponent(temporaryPrefix(of: path) + "\(getpid())").path
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw IndexError.unwritable(path: path, reason: lastErrorText()) }
    do throws(IndexError) {
      var status = stat()
      if stat(path, &status) == 0 { _ = fchmod(descriptor, status.st_mode & 0o7777) }
      try writeAll(bytes, to: descriptor, path: path)
      guard fsync(descriptor) == 0 else { throw IndexError.unwritable(path: path, reason: "fsync: \(lastErrorText())") }
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    close(descriptor)
    guard rename(temporary, path) == 0 else {
      let reason = lastErrorText()
      unlink(temporary)
      throw IndexError.unwritable(path: path, reason: "cannot rename the temporary file into place: \(reason)")
    }
    try synchronizeDirectory(directory)
  }

  /// Writes every byte of `bytes` to `descriptor`, retrying short and interrupted writes.
  public static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(IndexError) {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw IndexError.unwritable(path: path, reason: lastErrorText())
      }
      written += count
    }
  }

  /// Makes a directory's entries (a new file, a rename) durable.
  public static func synchronizeDirectory(_ path: String) throws(IndexError) {
    let descriptor = open(path.isEmpty ? "." : path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw IndexError.unwritable(path: path, reason: "cannot open the directory: \(lastErrorText())")
    }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else {
      throw IndexError.unwritable(path: path, reason: "fsync of the directory: \(lastErrorText())")
    }
  }

  /// The name of `path`'s temporary files without the process id: `.<name>.tmp-`.
  public static func temporaryPrefix(of path: String) -> String {
    ".\(URL(fileURLWithPath: path).lastPathComponent).tmp-"
  }

  /// Deletes the temporary files of `path` that a process killed mid-write left beside it (best effort).
  public static func removeLeftovers(of path: String) {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
    let prefix = temporaryPrefix(of: path)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
    for name in names where name.hasPrefix(prefix) && name.dropFirst(prefix.count).allSatisfy(\.isNumber) {
      try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
    }
  }

  /// The text of the current `errno`.
  static func lastErrorText() -> String { String(cString: strerror(errno)) }
}
