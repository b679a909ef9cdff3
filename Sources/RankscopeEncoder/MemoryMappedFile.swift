#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only, private memory mapping of a whole regular file, unmapped when the object is released.
///
/// The bytes are never written, which is why the class is `@unchecked Sendable`.
final class MemoryMappedFile: @unchecked Sendable {
  /// The file's path, for error messages.
  let path: String

  /// The file's bytes (empty for an empty file).
  let bytes: UnsafeRawBufferPointer

  /// Maps the file at `path`; throws ``EncoderError/unreadableFile(path:reason:)`` when it cannot.
  init(path: String) throws(EncoderError) {
    self.path = path
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw .unreadableFile(path: path, reason: Self.systemErrorMessage())
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw .unreadableFile(path: path, reason: Self.systemErrorMessage())
    }
    guard (status.st_mode & S_IFMT) == S_IFREG else {
      throw .unreadableFile(path: path, reason: "not a regular file")
    }
    let size = Int(status.st_size)
    guard size > 0 else {
      bytes = UnsafeRawBufferPointer(start: nil, count: 0)
      return
    }
    guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
      address != UnsafeMutableRawPointer(bitPattern: -1)
    else {
      throw .unreadableFile(path: path, reason: "cannot memory-map it: \(Self.systemErrorMessage())")
    }
    bytes = UnsafeRawBufferPointer(start: address, count: size)
  }

  deinit {
    if let base = bytes.baseAddress, bytes.count > 0 {
      munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
    }
  }

  /// The text of the current `errno`.
  private static func systemErrorMessage() -> String {
    String(cString: strerror(errno))
  }
}
