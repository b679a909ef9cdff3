/// Why an index could not be built, opened or read.
public enum IndexError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A file could not be opened or read.
  case unreadable(path: String, reason: String)
  /// A file's contents are damaged or do not match the manifest.
  case corrupt(file: String, reason: String)
  /// The directory is not a Rankscope index, or one of another format version.
  case foreign(path: String, reason: String)
  /// The index could not be written.
  case unwritable(path: String, reason: String)
  /// The documents or schema are not usable.
  case invalidInput(String)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
    case .corrupt(let file, let reason): return "index file \(file) is corrupt: \(reason) (rebuild the index with 'rankscope index build')"
    case .foreign(let path, let reason): return "\(path) is not a Rankscope index: \(reason)"
    case .unwritable(let path, let reason): return "cannot write \(path): \(reason)"
    case .invalidInput(let reason): return reason
    }
  }
}
