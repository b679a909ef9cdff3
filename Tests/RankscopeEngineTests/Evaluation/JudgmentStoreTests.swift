import Foundation
import Testing
@testable import RankscopeEngine

/// `JudgmentSet` (matching, ids, edits, overlays) and `JudgmentStore` (journal, compaction, failures).
@Suite("JudgmentStore")
struct JudgmentStoreTests {
  /// A fresh empty directory for one test.
  static func temporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-judgments-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  /// The qrels and queries paths in a fresh directory.
  static func paths() throws -> (qrels: String, queries: String, directory: URL) {
    let directory = try temporaryDirectory()
    return (directory.appendingPathComponent("qrels.txt").path, directory.appendingPathComponent("queries.jsonl").path,
            directory)
  }

  static func text(_ path: String) -> String {
    String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
  }

  static let sample = JudgmentSet(
    queries: [EvaluationQuery(id: "1", text: "Rustic  Kitchen"), EvaluationQuery(id: "2", text: "brass shelving"),
              EvaluationQuery(id: "3", text: "rustic kitchen")],
    judgments: Judgments(grades: ["1": ["d1": 2, "d2": 0], "2": ["d3": 3]]))

  @Test("query texts match lower-cased, trimmed, with whitespace collapsed; the first query in file order wins")
  func normalizedMatching() {
    #expect(JudgmentSet.normalizedText("  Rustic \t KITCHEN\n") == "rustic kitchen")
    #expect(Self.sample.queryId(forText: "rustic kitchen ") == "1")
    #expect(Self.sample.queryId(forText: "BRASS\nshelving") == "2")
    #expect(Self.sample.queryId(forText: "brass shelf") == nil)
    #expect(Self.sample.grade(queryText: "RUSTIC kitchen", documentId: "d1") == 2)
    #expect(Self.sample.grade(queryText: "rustic kitchen", documentId: "d2") == 0)
    #expect(Self.sample.grade(queryText: "rustic kitchen", documentId: "d9") == nil)
    #expect(Self.sample.grade(queryText: "unknown", documentId: "d1") == nil)
  }

  @Test("a new query's id is rs- and 12 hex digits of FNV-1a of the normalized text, suffixed on collision")
  func newQueryIds() {
    // FNV-1a 64 of "" is the offset basis; of "a" it is 0xaf63dc4c8601ec8c (published test vectors).
    #expect(JudgmentSet.fowlerNollVo1a("") == 0xcbf2_9ce4_8422_2325)
    #expect(JudgmentSet.fowlerNollVo1a("a") == 0xaf63_dc4c_8601_ec8c)
    #expect(JudgmentSet.hashedQueryId(forText: "  A ") == "rs-af63dc4c8601")
    let edit = Self.sample.edit(queryText: "Garden Rose", documentId: "d7", grade: 1)
    #expect(edit.queryId == JudgmentSet.hashedQueryId(forText: "garden rose"))
    #expect(edit.queryId.count == 15 && edit.queryId.hasPrefix("rs-"))
    #expect(Self.sample.edit(queryText: "garden   ROSE", documentId: "d8", grade: 2).queryId == edit.queryId)
    #expect(Self.sample.edit(queryText: "rustic kitchen", documentId: "d8", grade: 2).queryId == "1")

    var taken = Self.sample
    taken.queries.append(EvaluationQuery(id: edit.queryId, text: "another text"))
    #expect(taken.edit(queryText: "garden rose", documentId: "d7", grade: 1).queryId == edit.queryId + "-2")
    taken.judgments.grades[edit.queryId + "-2"] = ["d1": 1]
    #expect(taken.edit(queryText: "garden rose", documentId: "d7", grade: 1).queryId == edit.queryId + "-3")
  }

  @Test("apply sets a grade (adding a new query once), overwrites it and removes it")
  func applyAndRemove() {
    var set = Self.sample
    set.apply(set.edit(queryText: "linen dress", documentId: "d5", grade: 3))
    set.apply(set.edit(queryText: "Linen Dress", documentId: "d6", grade: 0))
    #expect(set.queries.count == 4)
    #expect(set.grade(queryText: "linen dress", documentId: "d5") == 3)
    #expect(set.grade(queryText: "linen dress", documentId: "d6") == 0)
    set.apply(set.edit(queryText: "rustic kitchen", documentId: "d1", grade: 1))
    #expect(set.judgments.grades["1"] == ["d1": 1, "d2": 0])
    set.apply(set.edit(queryText: "brass shelving", documentId: "d3", grade: nil))
    #expect(set.judgments.grades["2"] == nil)
    #expect(set.queries.contains { $0.id == "2" })
    set.apply(set.edit(queryText: "never rated", documentId: "d3", grade: nil))
    #expect(set.queries.count == 4)
  }

  @Test("overlaying: the overlay's grades and texts win, new queries are appended, ids are never rewritten")
  func overlaying() {
    let overlay = JudgmentSet(
      queries: [EvaluationQuery(id: "2", text: "Brass Shelves"), EvaluationQuery(id: "9", text: "yoga mat"),
                EvaluationQuery(id: "10", text: "RUSTIC kitchen")],
      judgments: Judgments(grades: ["1": ["d1": 0, "d4": 1], "9": ["d5": 2], "10": ["d1": 3]]))
    let merged = Self.sample.overlaying(overlay)
    #expect(merged.queries.map(\.id) == ["1", "2", "3", "9", "10"])
    #expect(merged.queries[1].text == "Brass Shelves")
    #expect(merged.judgments.grades["1"] == ["d1": 0, "d2": 0, "d4": 1])
    #expect(merged.judgments.grades["2"] == ["d3": 3])
    #expect(merged.judgments.grades["9"] == ["d5": 2])
    #expect(merged.judgments.grades["10"] == ["d1": 3])
    #expect(merged.queryId(forText: "rustic kitchen") == "1")
    #expect(Self.sample.overlaying(JudgmentSet()) == Self.sample)
  }

  @Test("a recorded rating is there after reopening, without compacting")
  func recordThenReopen() throws {
    let (qrels, queries, _) = try Self.paths()
    let store = try JudgmentStore(qrelsPath: qrels, queriesPath: queries)
    let edit = store.set.edit(queryText: "Rustic kitchen", documentId: "d1", grade: 2)
    try store.record(edit)
    try store.record(store.set.edit(queryText: "rustic kitchen", documentId: "d2", grade: 1))
    try store.record(store.set.edit(queryText: "rustic kitchen", documentId: "d2", grade: nil))
    #expect(!FileManager.default.fileExists(atPath: qrels))
    #expect(Self.text(qrels + ".journal").split(separator: "\n").count == 3)
    let reopened = try JudgmentStore(qrelsPath: qrels, queriesPath: queries)
    #expect(reopened.set.grade(queryText: "rustic KITCHEN", documentId: "d1") == 2)
    #expect(reopened.set.grade(queryText: "rustic kitchen", documentId: "d2") == nil)
    #expect(reopened.set.queries == [EvaluationQuery(id: edit.queryId, text: "Rustic kitchen")])
    #expect(reopened.set == store.set)
  }

  @Test("a torn last journal line (a write cut short by a kill) is ignored")
  func tornLastLine() throws {
    let (qrels, queries, _) = try Self.paths()
    let whole = JudgmentJournal.line(for: JudgmentEdit(queryId: "1", queryText: "a", documentId: "d1", grade: 3))
    let cut = JudgmentJournal.line(for: JudgmentEdit(queryId: "1", queryText: "a", documentId: "d2", grade: 1))
    let torn = String(cut.dropLast(9))
    try (whole + torn).write(toFile: qrels + ".journal", atomically: false, encoding: .utf8)
    let store = try JudgmentStore(qrelsPath: qrels, queriesPath: queries)
    #expect(store.set.judgments.grades == ["1": ["d1": 3]])
    #expect(Self.text(qrels) == "1 0 d1 3\n")
    #expect(Self.text(qrels + ".journal").isEmpty)
  }

  @Test("a malformed journal line before the last is an error naming the file and line")
  func malformedMiddleLine() throws {
    let (qrels, queries, _) = try Self.paths()
    let edit = JudgmentJournal.line(for: JudgmentEdit(queryId: "1", queryText: "a", documentId: "d1", grade: 3))
    try (edit + "\n" + "{\"queryId\": \"1\", \"grade\": 2}\n" + edit).write(toFile: qrels + ".journal", atomically: false,
                                                                         encoding: .utf8)
    #expect {
      _ = try JudgmentStore(qrelsPath: qrels, queriesPath: queries)
    } throws: { error in
      guard let issue = error as? ImportIssue else { return false }
      return issue.file == qrels + ".journal" && issue.line == 3 && issue.reason.contains("documentId")
    }
    #expect(!FileManager.default.fileExists(atPath: qrels))
  }

  @Test("compact writes sorted qrels and the queries file byte for byte, and empties the journal")
  func compactWritesSortedFiles() throws {
    let (qrels, queries, _) = try Self.paths()
    try "10 0 d1 1\n2 0 d10 2\n".write(toFile: qrels, atomically: false, encoding: .utf8)
    try "{\"id\": 2, \"text\": \"two\"}\n{\"id\": \"10\", \"text\": \"ten\"}\n".write(toFile: queries, atomically: false,
                                                                                  encoding: .utf8)
    let store = try JudgmentStore(qrelsPath: qrels, queriesPath: queries)
    try store.record(JudgmentEdit(queryId: "2", queryText: "two", documentId: "d9", grade: 0))
    try store.record(JudgmentEdit(queryId: "2", queryText: "two", documentId: "d2", grade: 3))
    try store.record(JudgmentEdit(queryId: "q1", queryText: "one", documentId: "b", grade: 1))
    try store.record(JudgmentEdit(queryId: "10", queryText: "ten", documentId: "d1", grade: nil))
    try store.record(JudgmentEdit(queryId: "10", queryText: "ten", documentId: "a", grade: 2))
    #expect(!Self.text(qrels + ".journal").isEmpty)
    try store.compact()
    #expect(Self.text(qrels) == "2 0 d2 3\n2 0 d9 0\n2 0 d10 2\n10 0 a 2\nq1 0 b 1\n")
    #expect(Self.text(queries) == #"{"id":"2","text":"two"}"# + "\n" + #"{"id":"10","text":"ten"}"# + "\n"
              + #"{"id":"q1","text":"one"}"# + "\n")
    #expect(Self.text(qrels + ".journal").isEmpty)
    let reopened = try JudgmentStore(qrelsPath: qrels, queriesPath: queries)
    #expect(reopened.set == store.set)
  }

  @Test("odd Unicode and quotes in a query text round-trip through the journal and the queries file")
  func unicodeRoundTrip() throws {
    let (qrels, queries, _) = try Self.paths()
    let text = "caf\u{E9} \"quoted\" \\ back\tslash \u{1F600} \u{65}\u{301} \u{202E}rtl \u{0} nul \u{2028} \u{5317}\u{4EAC}"
    let store = try JudgmentStore(qrelsPath: qrels, queriesPath: queries)
    try store.record(store.set.edit(queryText: text, documentId: "d1", grade: 2))
    let replayed = try JudgmentStore(qrelsPath: qrels, queriesPath: queries)
    #expect(replayed.set.queries.map(\.text) == [text])
    #expect(try EvaluationQuery.read(path: queries).map(\.text) == [text])
    #expect(replayed.set.grade(queryText: text, documentId: "d1") == 2)
  }

  @Test("ids with whitespace are refused with a clear error, and nothing is journaled")
  func whitespaceIdsRefused() throws {
    let (qrels, queries, _) = try Self.paths()
    let store = try JudgmentStore(qrelsPath: qrels, queriesPath: queries)
    #expect(throws: IndexError.invalidInput("the document id 'doc 1' contains whitespace; TREC qrels cannot hold it")) {
      try store.record(JudgmentEdit(queryId: "1", queryText: "a", documentId: "doc 1", grade: 1))
    }
    #expect(throws: IndexError.self) {
      try store.record(JudgmentEdit(queryId: "q\t1", queryText: "a", documentId: "d1", grade: 1))
    }
    #expect(throws: IndexError.self) {
      try store.record(JudgmentEdit(queryId: "1", queryText: "a", documentId: "", grade: 1))
    }
    #expect(store.set == JudgmentSet())
    #expect(Self.text(qrels + ".journal").isEmpty)
  }

  /// Makes `directory` read-only: mode 0555, and for root (whom modes do not stop) the immutable attribute;
  /// returns whether creating a file there now fails.
  static func makeReadOnly(_ directory: URL) throws -> Bool {
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
    if getuid() == 0 { _ = try? runTool("/usr/bin/chattr", ["+i", directory.path]) }
    return !FileManager.default.createFile(atPath: directory.appendingPathComponent("probe").path, contents: nil)
  }

  /// Undoes `makeReadOnly`.
  static func makeWritable(_ directory: URL) {
    if getuid() == 0 { _ = try? runTool("/usr/bin/chattr", ["-i", directory.path]) }
    try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
  }

  /// Runs a tool and returns its exit status.
  static func runTool(_ path: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  @Test("in a read-only directory recording and compacting fail clearly and the old files stay whole")
  func readOnlyDirectory() throws {
    let (qrels, queries, directory) = try Self.paths()
    try "1 0 d1 2\n".write(toFile: qrels, atomically: false, encoding: .utf8)
    try "{\"id\":\"1\",\"text\":\"a\"}\n".write(toFile: queries, atomically: false, encoding: .utf8)
    defer { Self.makeWritable(directory) }
    try #require(try Self.makeReadOnly(directory), "cannot make \(directory.path) read-only here (root without chattr?)")
    let store = try JudgmentStore(qrelsPath: qrels, queriesPath: queries)
    #expect(store.set.grade(queryText: "a", documentId: "d1") == 2)
    #expect {
      try store.record(JudgmentEdit(queryId: "1", queryText: "a", documentId: "d2", grade: 1))
    } throws: { error in
      "\(error)".hasPrefix("cannot write \(qrels).journal: ")
    }
    #expect(store.set.grade(queryText: "a", documentId: "d2") == nil)
    #expect {
      try store.compact()
    } throws: { error in
      "\(error)".hasPrefix("cannot write \(qrels): ")
    }
    #expect(Self.text(qrels) == "1 0 d1 2\n")
    #expect(Self.text(queries) == "{\"id\":\"1\",\"text\":\"a\"}\n")
    let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(left == ["qrels.txt", "queries.jsonl"])
  }

  @Test("a failed compaction (the temporary file cannot be made) leaves the files and the journal whole")
  func failedCompactionKeepsEverything() throws {
    let (qrels, queries, directory) = try Self.paths()
    try "1 0 d1 2\n".write(toFile: qrels, atomically: false, encoding: .utf8)
    let store = try JudgmentStore(qrelsPath: qrels, queriesPath: queries)
    try store.record(JudgmentEdit(queryId: "1", queryText: "a", documentId: "d2", grade: 3))
    let blocker = directory.appendingPathComponent(".qrels.txt.tmp-\(getpid())")
    try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: false)
    #expect(throws: IndexError.self) { try store.compact() }
    #expect(Self.text(qrels) == "1 0 d1 2\n")
    try FileManager.default.removeItem(at: blocker)
    let reopened = try JudgmentStore(qrelsPath: qrels, queriesPath: queries)
    #expect(reopened.set.judgments.grades == ["1": ["d1": 2, "d2": 3]])
    #expect(Self.text(qrels) == "1 0 d1 2\n1 0 d2 3\n")
  }

  @Test("AtomicFile replaces a file whole, keeps its permissions and leaves no temporary file")
  func atomicFileReplaces() throws {
    let directory = try Self.temporaryDirectory()
    let path = directory.appendingPathComponent("f.txt").path
    try "old".write(toFile: path, atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    try AtomicFile.write(Array("new".utf8), to: path)
    #expect(Self.text(path) == "new")
    let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(permissions == 0o600)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["f.txt"])
    #expect(throws: IndexError.self) { try AtomicFile.write([1], to: directory.appendingPathComponent("no/such/f").path) }
  }
}
