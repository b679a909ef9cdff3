import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A judgment file pair (TREC qrels + queries JSON Lines) kept safe by a journal. Not Sendable: one owner thread.
///
/// Every edit is appended to `qrelsPath + ".journal"` and synced before `record` returns; `compact` rewrites both
/// files atomically (`AtomicFile`) and only then empties the journal. Replaying the journal is idempotent (each
/// edit sets or removes one grade), so a crash at any point — mid-append, between the two renames, before the
/// journal is emptied — loses no acknowledged edit.
public final class JudgmentStore {
  /// The judged queries and grades: the files with the journal applied.
  public private(set) var set: JudgmentSet
  /// The TREC qrels file.
  public let qrelsPath: String
  /// The queries file (JSON Lines `{"id","text"}`).
  public let queriesPath: String
  /// The journal: `qrelsPath + ".journal"`.
  public let journalPath: String
  /// The open journal (appending), or -1 before the first `record`.
  private var journalDescriptor: Int32 = -1
  /// The journal's length after the last complete line, where a failed append is cut back to.
  private var journalLength: off_t = 0

  /// Opens (creating missing files lazily) `qrelsPath` with `queriesPath`; the journal is `qrelsPath + ".journal"`.
  /// Replays the journal over the files (a torn last line from a kill is ignored; a malformed earlier line is
  /// an error naming file:line and reason), then compacts (only when the journal holds anything, so opening
  /// read-only files to look at them works) and removes temporary files a killed compaction left.
  public init(qrelsPath: String, queriesPath: String) throws {
    self.qrelsPath = qrelsPath
    self.queriesPath = queriesPath
    self.journalPath = qrelsPath + ".journal"
    var set = try Self.readFiles(qrelsPath: qrelsPath, queriesPath: queriesPath)
    let journal = try Self.readIfPresent(journalPath) ?? []
    for edit in try JudgmentJournal.edits(in: journal, file: journalPath) { set.apply(edit) }
    self.set = set
    if !journal.isEmpty { try compact() }
    AtomicFile.removeLeftovers(of: qrelsPath)
    AtomicFile.removeLeftovers(of: queriesPath)
  }

  deinit {
    if journalDescriptor >= 0 { close(journalDescriptor) }
  }

  /// Appends the edit to the journal as one JSON line, flushes and fsyncs it, then applies it.
  /// When this returns, the rating survives kill -9.
  public func record(_ edit: JudgmentEdit) throws {
    try edit.validate()
    let descriptor = try openJournal()
    let line = Array(JudgmentJournal.line(for: edit).utf8)
    do {
      try AtomicFile.writeAll(line, to: descriptor, path: journalPath)
      guard fsync(descriptor) == 0 else {
        throw IndexError.unwritable(path: journalPath, reason: "fsync: \(AtomicFile.lastErrorText())")
      }
    } catch {
      _ = ftruncate(descriptor, journalLength)
      throw error
    }
    journalLength += off_t(line.count)
    set.apply(edit)
  }

  /// Writes qrels (sorted: query ids numeric-aware, then doc ids; lines "qid 0 docid grade") and the queries file
  /// atomically (temp, fsync, rename, fsync dir), then empties the journal.
  public func compact() throws {
    let qrels = try set.qrelsText()
    try AtomicFile.write(Array(qrels.utf8), to: qrelsPath)
    try AtomicFile.write(Array(set.queriesText().utf8), to: queriesPath)
    try emptyJournal()
  }

  /// The journal's descriptor, opening (and if need be creating, with its directory entry synced) it first.
  private func openJournal() throws(IndexError) -> Int32 {
    if journalDescriptor >= 0 { return journalDescriptor }
    let existed = FileManager.default.fileExists(atPath: journalPath)
    let descriptor = open(journalPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw IndexError.unwritable(path: journalPath, reason: AtomicFile.lastErrorText()) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let reason = AtomicFile.lastErrorText()
      close(descriptor)
      throw IndexError.unwritable(path: journalPath, reason: reason)
    }
    if !existed {
      let directory = URL(fileURLWithPath: journalPath).deletingLastPathComponent().path
      do throws(IndexError) { try AtomicFile.synchronizeDirectory(directory) } catch {
        close(descriptor)
        throw error
      }
    }
    journalDescriptor = descriptor
    journalLength = status.st_size
    return descriptor
  }

  /// Cuts the journal to nothing (after the files hold everything it said) and syncs that.
  private func emptyJournal() throws(IndexError) {
    if journalDescriptor < 0 && !FileManager.default.fileExists(atPath: journalPath) { return }
    let descriptor = try openJournal()
    guard ftruncate(descriptor, 0) == 0, fsync(descriptor) == 0 else {
      throw IndexError.unwritable(path: journalPath, reason: "cannot empty the journal: \(AtomicFile.lastErrorText())")
    }
    journalLength = 0
  }

  /// The judgments in the two files; a missing file counts as empty.
  static func readFiles(qrelsPath: String, queriesPath: String) throws -> JudgmentSet {
    let fileManager = FileManager.default
    let judgments = fileManager.fileExists(atPath: qrelsPath) ? try Judgments.read(path: qrelsPath) : Judgments(grades: [:])
    let queries = fileManager.fileExists(atPath: queriesPath) ? try EvaluationQuery.read(path: queriesPath) : []
    return JudgmentSet(queries: queries, judgments: judgments)
  }

  /// The bytes of the file at `path`, nil when there is none.
  static func readIfPresent(_ path: String) throws(IndexError) -> [UInt8]? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw IndexError.unreadable(path: path, reason: "permission denied or not a regular file")
    }
    return Array(data)
  }
}
