import Foundation
import RankscopeEngine

/// BM25 on a peer-harness corpus: index build, then top-10 per query with the harness's timing rules.
enum CorpusLexicalBenchmark {
  static func run(_ command: BenchCorpusCommand, corpus: URL) throws {
    throw CommandFailure("bench corpus --kind bm25 is not built yet")
  }
}
