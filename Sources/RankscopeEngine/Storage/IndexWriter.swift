import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes an index directory safely: every file goes into a temporary sibling directory, the manifest
/// last, and the directory is then renamed into place, so a crash mid-build leaves the old index whole.
public enum IndexWriter {
  /// The manifest describing `files`.
  public static func manifest(for files: IndexFormat.Files, schema: Schema, build: IndexManifest.Build) -> IndexManifest {
    let entries = IndexFormat.orderedFileNames(files).compactMap { name -> IndexManifest.FileEntry? in
      guard let bytes = files.contents[name] else { return nil }
      return IndexManifest.FileEntry(name: name, bytes: bytes.count, xxhash64: XXHash64.hexadecimal(XXHash64.hash(bytes)))
    }
    return IndexManifest(format: IndexManifest.formatName, formatVersion: IndexManifest.currentFormatVersion,
                         schema: schema, documentCount: files.documentCount, termCount: files.termCount,
                         fieldLengthTotals: files.fieldLengthTotals, files: entries, build: build)
  }

  /// Writes `files` as the index directory `path`, replacing any index already there only once the new
  /// one is complete.
  public static func write(_ files: IndexFormat.Files, schema: Schema, build: IndexManifest.Build,
                           to path: String) throws(IndexError) {
    let fileManager = FileManager.default
    let target = URL(fileURLWithPath: path).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    do {
      try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw IndexError.unwritable(path: parent.path, reason: "\(error.localizedDescription)")
    }
    if fileManager.fileExists(atPath: target.path),
       !fileManager.fileExists(atPath: target.appendingPathComponent(IndexManifest.fileName).path),
       let contents = try? fileManager.contentsOfDirectory(atPath: target.path), !contents.isEmpty {
      throw IndexError.unwritable(path: target.path, reason: "it exists and is not an index; refusing to replace it")
    }
    let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).building-\(getpid())")
    try? fileManager.removeItem(at: temporary)
    do {
      try fileManager.createDirectory(at: temporary, withIntermediateDirectories: false)
      for name in IndexFormat.orderedFileNames(files) {
        guard let bytes = files.contents[name] else { continue }
        try Data(bytes).write(to: temporary.appendingPathComponent(name))
      }
      let manifest = manifest(for: files, schema: schema, build: build)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      try encoder.encode(manifest).write(to: temporary.appendingPathComponent(IndexManifest.fileName))
    } catch {
      try? fileManager.removeItem(at: temporary)
      throw IndexError.unwritable(path: temporary.path, reason: "\(error.localizedDescription)")
    }
    try replace(target: target, with: temporary)
  }

  /// Moves `replacement` to `target`, swapping atomically when an old directory is there.
  static func replace(target: URL, with replacement: URL) throws(IndexError) {
    let fileManager = FileManager.default
    if !fileManager.fileExists(atPath: target.path) {
      guard rename(replacement.path, target.path) == 0 else {
        let reason = String(cString: strerror(errno))
        try? fileManager.removeItem(at: replacement)
        throw IndexError.unwritable(path: target.path, reason: reason)
      }
      return
    }
    // Rename the old index aside, move the new one in, then delete the old one.
    let aside = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
    try? fileManager.removeItem(at: aside)
    guard rename(target.path, aside.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? fileManager.removeItem(at: replacement)
      throw IndexError.unwritable(path: target.path, reason: reason)
    }
    guard rename(replacement.path, target.path) == 0 else {
      let reason = String(cString: strerror(errno))
      _ = rename(aside.path, target.path)
      try? fileManager.removeItem(at: replacement)
      throw IndexError.unwritable(path: target.path, reason: reason)
    }
    try? fileManager.removeItem(at: aside)
  }
}
