import Foundation
import RankscopeEngine

/// HNSW and exact vector search on a peer-harness corpus, with the harness's timing rules.
enum CorpusVectorBenchmark {
  static func run(_ command: BenchCorpusCommand, corpus: URL) throws {
    throw CommandFailure("bench corpus --kind \(command.kind.rawValue) is not built yet")
  }
}
