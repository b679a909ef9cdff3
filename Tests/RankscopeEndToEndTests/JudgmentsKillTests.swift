import Foundation
import Testing
import RankscopeEngine

/// Kills `rankscope judgments-stress` with SIGKILL at several moments and checks that every rating it acknowledged
/// (printed after `JudgmentStore.record` returned) is in the store when it is opened again.
@Suite("Judgments survive kill -9", .serialized)
struct JudgmentsKillTests {
  /// When to kill a run: after this many acknowledgements, then after this many more seconds.
  struct KillMoment {
    var acknowledgements: Int
    var delay: Double
  }

  /// One acknowledged rating.
  struct Acknowledgement: Hashable {
    var queryId: String
    var documentId: String
    var grade: Int
  }

  /// Early (during start-up, while the previous run's journal is replayed and compacted), after the first rating,
  /// and later on; runs with `--compact-every` are also killed inside compactions.
  static let moments = [
    KillMoment(acknowledgements: 0, delay: 0.05), KillMoment(acknowledgements: 1, delay: 0),
    KillMoment(acknowledgements: 6, delay: 0.003), KillMoment(acknowledgements: 25, delay: 0),
    KillMoment(acknowledgements: 70, delay: 0.011), KillMoment(acknowledgements: 0, delay: 0.2),
    KillMoment(acknowledgements: 300, delay: 0), KillMoment(acknowledgements: 0, delay: 0.5),
  ]

  @Test("every rating acknowledged before a SIGKILL is there after reopening")
  func killNine() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-kill-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let qrels = directory.appendingPathComponent("qrels.txt").path
    let queries = directory.appendingPathComponent("queries.jsonl").path
    var acknowledgedPerRun: [[Acknowledgement]] = []
    for (run, moment) in Self.moments.enumerated() {
      let arguments = ["judgments-stress", "--qrels", qrels, "--queries", queries, "--count", "1000000",
                       "--start", "\(run * 1_000_000)", "--compact-every", run.isMultiple(of: 2) ? "7" : "0"]
      acknowledgedPerRun.append(try killedRun(arguments, moment: moment, directory: directory))
    }
    #expect(acknowledgedPerRun.map(\.count).reduce(0, +) >= Self.moments.map(\.acknowledgements).reduce(0, +))

    let store = try JudgmentStore(qrelsPath: qrels, queriesPath: queries)
    for acknowledgement in acknowledgedPerRun.joined() {
      #expect(store.set.judgments.judgedGrade(query: acknowledgement.queryId, document: acknowledgement.documentId)
                == acknowledgement.grade, "lost \(acknowledgement)")
    }
    // Each run's ratings in the store are its acknowledged ones, plus at most the one in flight at the kill.
    for (run, acknowledged) in acknowledgedPerRun.enumerated() {
      let stored = store.set.judgments.grades.values.flatMap(\.keys).filter { Self.run(ofDocument: $0) == run }
      #expect(stored.count == acknowledged.count || stored.count == acknowledged.count + 1, "run \(run)")
    }
    #expect(try JudgmentStore(qrelsPath: qrels, queriesPath: queries).set == store.set)
    let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
    #expect(left.isEmpty, "temporary files left: \(left)")
  }

  /// The run a stress document id ("d" + number) belongs to.
  static func run(ofDocument documentId: String) -> Int { (Int(documentId.dropFirst()) ?? -1) / 1_000_000 }

  /// Starts the stress command, kills it at `moment` and returns every rating it acknowledged.
  func killedRun(_ arguments: [String], moment: KillMoment, directory: URL) throws -> [Acknowledgement] {
    let binary = CommandLineTests.binary
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "rankscope is not built at \(binary.path)")
    let errorPath = directory.appendingPathComponent("stderr.txt")
    _ = FileManager.default.createFile(atPath: errorPath.path, contents: nil)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: errorPath)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    var received = Data()
    while received.count(of: 0x0A) < moment.acknowledgements {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      received.append(chunk)
    }
    if moment.delay > 0 { Thread.sleep(forTimeInterval: moment.delay) }
    kill(process.processIdentifier, SIGKILL)
    received.append(output.fileHandleForReading.readDataToEndOfFile())
    process.waitUntilExit()
    let errors = String(decoding: FileManager.default.contents(atPath: errorPath.path) ?? Data(), as: UTF8.self)
    #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL, "\(errors)")
    return Self.acknowledgements(in: received)
  }

  /// The complete `ack QID DOCID GRADE` lines of the output (a line cut short by the kill was not acknowledged).
  static func acknowledgements(in output: Data) -> [Acknowledgement] {
    let text = String(decoding: output, as: UTF8.self)
    return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().compactMap { line in
      let fields = line.split(separator: " ")
      guard fields.count == 4, fields[0] == "ack", let grade = Int(fields[3]) else { return nil }
      return Acknowledgement(queryId: String(fields[1]), documentId: String(fields[2]), grade: grade)
    }
  }
}

extension Data {
  /// How many times `byte` occurs.
  func count(of byte: UInt8) -> Int { reduce(0) { $0 + ($1 == byte ? 1 : 0) } }
}
