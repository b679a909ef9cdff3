import Foundation
import RankscopeEngine

extension Locations {
  /// The engagement graph of an index: its `engagement-graph.bin` when present and newer than the events file,
  /// else built from `log` (read only then; and, when `writable`, written there for the next run; a damaged file
  /// is then rebuilt, otherwise its error is reported).
  static func engagementGraph(engine: SearchEngine, indexDirectory: String?, log: @autoclosure () throws -> EngagementLog,
                              eventsPath: String, writable: Bool) throws -> EngagementGraph {
    let directory = try indexDirectory.map { URL(fileURLWithPath: $0) } ?? sampleIndex(for: sampleData())
    let path = directory.appendingPathComponent(EngagementGraph.fileName).path
    let fileManager = FileManager.default
    func modified(_ path: String) -> Date? { (try? fileManager.attributesOfItem(atPath: path))?[.modificationDate] as? Date }
    if let built = modified(path), let source = modified(eventsPath), built >= source {
      do {
        return try EngagementGraph.read(path: path, documentCount: engine.documentCount)
      } catch {
        // A damaged graph of the sample index is rebuilt; one of a given index is the user's to fix.
        guard writable else { throw error }
        FileHandle.standardError.write(Data("rankscope: the engagement graph is unusable (\(error)); rebuilding it\n".utf8))
      }
    }
    let (graph, _) = try EngagementGraph.build(log: try log(), reader: engine.reader)
    if writable { try graph.write(to: path) }
    return graph
  }
}
