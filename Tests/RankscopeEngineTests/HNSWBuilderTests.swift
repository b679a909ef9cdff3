import Foundation
import Testing
@testable import RankscopeEngine

@Suite("HNSW builder and searcher")
struct HNSWBuilderTests {
  static let dimension = 32

  private func searcher(_ vectors: [Float], similarity: VectorSimilarity = .dot, seed: UInt64 = 1, M: Int = 12,
                        quantization: VectorQuantization? = nil) throws -> (VectorSearcher, [UInt8]) {
    let store = VectorStore(copying: vectors, dimension: Self.dimension)
    return try VectorSearcher.build(vectors: store, similarity: similarity,
                                    index: .hnsw(HNSWParameters(M: M, efConstruction: 100, efSearch: 64, seed: seed)),
                                    quantization: quantization)
  }

  private func recall(_ searcher: VectorSearcher, queries: [Float], count: Int = 50, ef: Int = 64) throws -> Double {
    var found: [[Int]] = [], truth: [[Int]] = []
    for row in 0..<count {
      let query = VectorTestData.row(queries, row, dimension: Self.dimension)
      found.append(try searcher.nearest(query: query, count: 10, efSearch: ef).map(\.document))
      truth.append(try VectorTestData.exactTop(searcher, query, k: 10))
    }
    return VectorTestData.recall(found, truth)
  }

  @Test("recall@10 against exact search is at least 0.95 for every similarity", arguments: VectorSimilarity.allCases)
  func recallAgainstExact(similarity: VectorSimilarity) throws {
    let vectors = VectorTestData.clustered(count: 2000, dimension: Self.dimension, seed: 11, normalized: similarity != .l2)
    let queries = VectorTestData.clustered(count: 50, dimension: Self.dimension, seed: 12, normalized: similarity != .l2)
    let (searcher, _) = try searcher(vectors, similarity: similarity)
    #expect(try recall(searcher, queries: queries) >= 0.95)
  }

  @Test("returned scores are the exact float32 similarities, best first, and the orderings follow the similarity")
  func scoresAndOrderings() throws {
    let vectors = VectorTestData.clustered(count: 500, dimension: Self.dimension, seed: 3, normalized: false)
    let query = VectorTestData.row(vectors, 7, dimension: Self.dimension)
    for similarity in VectorSimilarity.allCases {
      let (searcher, _) = try searcher(vectors, similarity: similarity)
      let hits = try searcher.nearest(query: query, count: 10, efSearch: 200)
      #expect(hits.map(\.score) == hits.map(\.score).sorted(by: >))
      for hit in hits {
        let expected = try searcher.explain(query: query, document: hit.document, label: "test").value
        #expect(hit.score == expected)
      }
      switch similarity {
      case .l2: #expect(hits.first?.document == 7 && hits.first?.score == 0)
      case .cosine: #expect(hits.first?.document == 7)
      case .dot:
        // The largest inner product need not be the query itself: check against a naive scan.
        let naive = (0..<500).max { a, b in
          let x = zip(query, VectorTestData.row(vectors, a, dimension: Self.dimension)).reduce(0.0) { $0 + Double($1.0 * $1.1) }
          let y = zip(query, VectorTestData.row(vectors, b, dimension: Self.dimension)).reduce(0.0) { $0 + Double($1.0 * $1.1) }
          return x < y
        }
        #expect(hits.first?.document == naive)
      }
    }
  }

  @Test("the same seed and input give byte-identical files; another seed gives another graph")
  func reproducible() throws {
    let vectors = VectorTestData.clustered(count: 1000, dimension: Self.dimension, seed: 5)
    let (_, first) = try searcher(vectors, seed: 9)
    let (_, second) = try searcher(vectors, seed: 9)
    let (_, other) = try searcher(vectors, seed: 10)
    #expect(first.count == second.count && first.indices.first { first[$0] != second[$0] } == nil)
    #expect(first != other ? true : false)
  }

  @Test("documents without vectors are not in the graph and never returned")
  func missingVectors() throws {
    var vectors = VectorTestData.clustered(count: 300, dimension: Self.dimension, seed: 8)
    for row in stride(from: 0, to: 300, by: 3) {
      for component in 0..<Self.dimension { vectors[row * Self.dimension + component] = .nan }
    }
    let (searcher, _) = try searcher(vectors)
    #expect(searcher.index?.nodeCount == 200)
    let query = VectorTestData.row(vectors, 1, dimension: Self.dimension)
    let hits = try searcher.nearest(query: query, count: 300, efSearch: 400)
    #expect(hits.count == 200)
    #expect(hits.allSatisfy { $0.document % 3 != 0 })
  }

  @Test("incremental adds: new vectors are found, and a graph loaded from its file accepts adds and is written again")
  func incrementalAdds() throws {
    let vectors = VectorTestData.clustered(count: 2000, dimension: Self.dimension, seed: 21)
    let first = VectorStore(copying: Array(vectors.prefix(1500 * Self.dimension)), dimension: Self.dimension)
    let builder = HNSWBuilder(parameters: HNSWParameters(M: 12, efConstruction: 100), similarity: .dot, vectors: first)
    builder.add()
    let bytes = builder.serialize(int8: false)
    let loaded = try VectorFieldIndex(region: ByteRegion(copying: bytes, name: "graph"), documentCount: 1500,
                                      dimension: Self.dimension, similarity: .dot)
    let all = VectorStore(copying: vectors, dimension: Self.dimension)
    let resumed = try HNSWBuilder(loading: loaded, vectors: all)
    resumed.add()
    #expect(resumed.documentCount == 2000 && resumed.nodeCount == 2000)
    // Continuing the in-memory builder gives the same bytes as continuing the loaded one.
    try builder.extend(vectors: all)
    builder.add()
    let grown = resumed.serialize(int8: false)
    let continued = builder.serialize(int8: false)
    #expect(grown.count == continued.count)
    #expect(grown.indices.first { grown[$0] != continued[$0] } == nil)
    let index = try VectorFieldIndex(region: ByteRegion(copying: grown, name: "grown"), documentCount: 2000,
                                     dimension: Self.dimension, similarity: .dot)
    let searcher = VectorSearcher(exact: ExactVectorScorer(store: all, similarity: .dot, fieldName: "v"), index: index, fieldName: "v")
    var foundSelf = 0
    for row in 1500..<1600 {
      let hits = try searcher.nearest(query: VectorTestData.row(vectors, row, dimension: Self.dimension), count: 10)
      if hits.contains(where: { $0.document == row }) { foundSelf += 1 }
    }
    #expect(foundSelf >= 98)
    #expect(try recall(searcher, queries: Array(vectors.suffix(50 * Self.dimension))) >= 0.95)
  }

  @Test("int8 search returns exact float32 scores with good recall")
  func int8() throws {
    let vectors = VectorTestData.clustered(count: 2000, dimension: Self.dimension, seed: 31)
    let queries = VectorTestData.clustered(count: 50, dimension: Self.dimension, seed: 32)
    for similarity in VectorSimilarity.allCases {
      let (searcher, _) = try searcher(vectors, similarity: similarity, quantization: .int8)
      #expect(searcher.index?.codes != nil)
      #expect(try recall(searcher, queries: queries) >= 0.9)
      let query = VectorTestData.row(queries, 0, dimension: Self.dimension)
      for hit in try searcher.nearest(query: query, count: 10) {
        let explanation = try searcher.explain(query: query, document: hit.document, label: "int8")
        #expect(ExplanationChecker.isExact(explanation, score: hit.score))
        #expect(explanation.label.contains("int8"))
      }
    }
  }
}
