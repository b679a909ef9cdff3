import Foundation

/// Reading a whole file, with the error every reader of the engine gives when it cannot.
public enum FileBytes {
  /// The bytes of the file at `path`; `IndexError.unreadable` says "no such file" or "permission denied or not a
  /// regular file".
  public static func read(path: String) throws(IndexError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw IndexError.unreadable(path: path, reason: FileManager.default.fileExists(atPath: path)
                                    ? "permission denied or not a regular file" : "no such file")
    }
    return Array(data)
  }
}
