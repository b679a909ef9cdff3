import Foundation
import RankscopeEngine

extension Locations {
  /// The engagement graph of an index: its `engagement-graph.bin` when present and newer than the events file,
  /// else built from `log` (and, when `writable`, written there for the next run).
  static func engagementGraph(engine: SearchEngine, indexDirectory: String?, log: EngagementLog, eventsPath: String,
                              writable: Bool) throws -> EngagementGraph {
    let directory = try indexDirectory.map { URL(fileURLWithPath: $0) } ?? sampleIndex(for: sampleData())
    let path = directory.appendingPathComponent(EngagementGraph.fileName).path
    let fileManager = FileManager.default
    func modified(_ path: String) -> Date? { (try? fileManager.attributesOfItem(atPath: path))?[.modificationDate] as? Date }
    if let built = modified(path), let source = modified(eventsPath), built >= source {
      return try EngagementGraph.read(path: path, documentCount: engine.documentCount)
    }
    let (graph, _) = try EngagementGraph.build(log: log, reader: engine.reader)
    if writable { try graph.write(to: path) }
    return graph
  }
}
