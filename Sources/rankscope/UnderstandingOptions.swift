import ArgumentParser
import Foundation
import RankscopeEngine

/// The query-understanding options of `search` and `eval`: whether to apply it, the rewrites to switch off, and
/// the query log and synonyms file it reads.
struct UnderstandingOptions: ParsableArguments {
  @Flag(help: "Apply query understanding: spelling correction (auto when sure), synonyms and phrases; every rewrite is printed.")
  var understand = false

  @Option(name: .customLong("no-rewrite"), help: "With --understand: do not apply this rewrite (an id such as spelling:kitchn>kitchen; repeatable).")
  var disabledRewrites: [String] = []

  @Option(name: .customLong("understanding-log"),
          help: "Query log that query understanding learns from (default for the sample index: SampleData/query-log.jsonl).")
  var understandingLog: String?

  @Option(help: "Synonyms file (rules like 'sofa, couch' or 'mcm => mid century modern | 0.8'; default for the sample index: SampleData/synonyms.txt).")
  var synonyms: String?

  /// The options a request carries (nil without --understand), after installing an understander on `engine`.
  func install(on engine: SearchEngine, index: String?) throws -> QueryUnderstandingOptions? {
    guard understand else {
      if !disabledRewrites.isEmpty || understandingLog != nil || synonyms != nil {
        throw CommandFailure("--no-rewrite, --understanding-log and --synonyms apply with --understand only")
      }
      return nil
    }
    engine.install(try Self.understander(engine: engine, index: index, logPath: understandingLog, synonymsPath: synonyms))
    return QueryUnderstandingOptions(disabled: Set(disabledRewrites))
  }

  /// The understander over `engine`'s index and the log at `logPath` (else the sample world's for the sample index).
  static func understander(engine: SearchEngine, index: String?, logPath: String?, synonymsPath: String?) throws
    -> QueryUnderstander {
    var log: QueryLog?
    let samplePath = index == nil ? try Locations.sampleData().appendingPathComponent("query-log.jsonl").path : nil
    if let path = logPath ?? samplePath {
      do { log = try QueryLog.read(path: path) } catch { throw CommandFailure("\(error)") }
    }
    do {
      return try QueryUnderstander.build(reader: engine.reader, log: log, synonymsFile: try synonymsFile(synonymsPath, index: index))
    } catch let issue as ImportIssue {
      throw CommandFailure("\(issue)")
    }
  }
}

extension UnderstandingOptions {
  /// The synonyms file to read: `path`, else the sample world's for the sample index, else none.
  static func synonymsFile(_ path: String?, index: String?) throws -> String? {
    if let path { return path }
    guard index == nil else { return nil }
    let sample = try Locations.sampleData().appendingPathComponent("synonyms.txt").path
    return FileManager.default.fileExists(atPath: sample) ? sample : nil
  }
}

extension QueryInterpretation {
  /// The lines `search` prints above its table: each rewrite (applied or off) and a "did you mean".
  var summaryLines: [String] {
    var lines: [String] = []
    if searchedText != typedText { lines.append("searched: \(searchedText)") }
    for rewrite in rewrites {
      lines.append("\(rewrite.isApplied ? "+" : "-") \(rewrite.kind.rawValue) \(rewrite.shortLabel)  [\(rewrite.id)] \(rewrite.source)"
                   + (rewrite.isApplied ? "" : " (off)"))
    }
    if let suggestion { lines.append("did you mean: \(suggestion)?") }
    return lines
  }
}
