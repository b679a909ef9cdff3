import Foundation

/// The engine façade: runs a query through every stage of the pipeline against one index.
///
/// Stages today: `understand` (parse filters, analyze terms), `retrieve` (BM25F over all matching
/// documents, filters applied), `rank` (top-k), `page` (ids and explanations of the returned hits).
/// Thread-safe: the index is immutable and each search allocates its own scratch space.
public final class SearchEngine: Sendable {
  /// The index searched.
  public let reader: IndexReader
  private let parser: QueryParser
  /// The text encoder for semantic retrieval, when a model is available.
  public let embedder: (any TextEmbedder)?
  /// Whether semantic retrieval can run, and if not, why.
  public let semanticStatus: SemanticStatus
  private let semanticField: (index: Int, name: String)?

  /// The schema of the index.
  public var schema: Schema { reader.schema }
  /// Number of documents in the index.
  public var documentCount: Int { reader.documentCount }

  /// Creates an engine over an open index; `embedder` (with `embedderUnavailableReason` when it is nil)
  /// enables semantic retrieval over the schema's text-embedding field.
  public init(reader: IndexReader, embedder: (any TextEmbedder)? = nil, embedderUnavailableReason: String? = nil) {
    self.reader = reader
    parser = QueryParser(schema: reader.schema)
    self.embedder = embedder
    semanticStatus = SemanticStatus.determine(schema: reader.schema, embedder: embedder,
                                              unavailableReason: embedderUnavailableReason)
    if semanticStatus.isAvailable, let name = reader.schema.textEmbeddingField?.name,
       let index = reader.schema.vectorFields.firstIndex(where: { $0.name == name }) {
      semanticField = (index, name)
    } else {
      semanticField = nil
    }
  }

  /// Opens the index directory at `directory`.
  public static func open(directory: URL, embedder: (any TextEmbedder)? = nil,
                          embedderUnavailableReason: String? = nil) throws -> SearchEngine {
    SearchEngine(reader: try IndexReader.open(directory: directory.path), embedder: embedder,
                 embedderUnavailableReason: embedderUnavailableReason)
  }

  /// Builds an index in memory from JSON Lines (strict: a bad line throws).
  public static func inMemory(schema: Schema, jsonLines: String) throws -> SearchEngine {
    let report = try DocumentImporter(schema: schema, mode: .strict).importLines(jsonLines, file: "<memory>")
    var builder = IndexBuilder(schema: schema)
    for document in report.documents { builder.add(document) }
    return SearchEngine(reader: try IndexReader.inMemory(files: builder.serialize(), schema: schema))
  }

  /// Parses a query without running it.
  public func parse(_ query: String) throws -> ParsedQuery { try parser.parse(query) }

  /// Runs `request` through the pipeline.
  public func search(_ request: SearchRequest) throws -> SearchResponse {
    var trace: [StageTrace] = []
    var clock = StageClock()
    let parsed = try parser.parse(request.query)
    let filters = parsed.filters + request.filters
    let scorer = BM25FScorer(reader: reader)
    let terms = try scorer.resolve(parsed.terms)
    var queryVector: [Float]?
    if request.retrieval == .semantic {
      guard semanticStatus.isAvailable, let embedder else {
        throw QueryError("semantic retrieval is off: \(semanticStatus.description)")
      }
      if !parsed.text.trimmingWhitespace().isEmpty {
        queryVector = try embedder.embed(parsed.text)
      }
    }
    trace.append(StageTrace(name: "understand", inputCount: 1, outputCount: queryVector == nil ? terms.count : 1,
                            seconds: clock.lap()))

    let filter = try DocumentFilter.evaluate(filters, reader: reader)
    let vectorScorer = try semanticField.map { field throws(IndexError) in try VectorSearcher(reader: reader, field: field.index) }
    let limit = max(0, request.limit)
    let found: ScoredDocuments
    var scored = true
    if request.retrieval == .semantic, let queryVector, let vectorScorer {
      found = try vectorScorer.top(query: queryVector, count: limit, filter: filter, efSearch: nil)
    } else if parsed.terms.isEmpty || (request.retrieval == .semantic && queryVector == nil) {
      // A filter-only query returns the filtered documents in index order, all scoring 0.
      let allowed = filter.map { allowed in allowed.allowed.indices.filter { allowed.allowed[$0] } } ?? []
      found = ScoredDocuments(hits: allowed.prefix(limit).map { (document: $0, score: 0.0) }, matchCount: allowed.count,
                              matchCountIsExact: true)
      scored = false
    } else {
      found = try scorer.top(terms, count: limit, filter: filter)
    }
    trace.append(StageTrace(name: "retrieve", inputCount: filter?.count ?? reader.documentCount,
                            outputCount: found.matchCount, seconds: clock.lap()))
    let top = found.hits
    trace.append(StageTrace(name: "rank", inputCount: found.matchCount, outputCount: top.count,
                            cutoffScore: top.last?.score, seconds: clock.lap()))

    var hits: [SearchHit] = []
    hits.reserveCapacity(top.count)
    for (offset, entry) in top.enumerated() {
      var explanation: Explanation?
      if request.explain {
        let retrieval: Explanation
        if !scored {
          retrieval = .leaf(0, "no query terms: matched by filters only (\(filters.map(\.description).joined(separator: " ")))")
        } else if let queryVector, let vectorScorer, let embedder {
          retrieval = try vectorScorer.explain(query: queryVector, document: entry.document,
                                               label: "semantic: \(vectorScorer.similarity.rawValue)(query, \(vectorScorer.fieldName)) by \(embedder.modelName)")
        } else {
          retrieval = try scorer.explain(terms, document: entry.document)
        }
        explanation = .sum("final score", [Explanation(value: retrieval.value, label: "retrieve · \(retrieval.label)",
                                                        combination: retrieval.combination, children: retrieval.children)])
      }
      hits.append(SearchHit(documentNumber: entry.document, id: try reader.id(of: entry.document), rank: offset + 1,
                            score: entry.score, explanation: explanation))
    }
    trace.append(StageTrace(name: "page", inputCount: top.count, outputCount: hits.count, seconds: clock.lap()))
    return SearchResponse(parsedQuery: ParsedQuery(text: parsed.text, terms: parsed.terms, filters: filters),
                          hits: hits, totalMatches: found.matchCount, trace: trace)
  }

  /// The stored JSON object of a document.
  public func storedDocument(_ documentNumber: Int) throws -> JSONValue {
    try reader.storedDocument(documentNumber)
  }
}

/// Whether semantic retrieval can run on an engine, and if not, why.
public enum SemanticStatus: Sendable, Hashable, CustomStringConvertible {
  /// It can: the vector field holding text embeddings, and the model's name.
  case available(field: String, model: String)
  /// It cannot, for the reason given.
  case off(reason: String)

  static func determine(schema: Schema, embedder: (any TextEmbedder)?, unavailableReason: String?) -> SemanticStatus {
    guard let field = schema.textEmbeddingField else {
      return .off(reason: "the index has no text-embedding vector field")
    }
    guard let embedder else {
      return .off(reason: unavailableReason ?? "no sentence-encoder model is loaded")
    }
    guard embedder.dimension == field.dimension else {
      return .off(reason: "the model makes \(embedder.dimension)-dimensional vectors, field \(field.name) holds \(field.dimension ?? 0)")
    }
    return .available(field: field.name, model: embedder.modelName)
  }

  /// Whether semantic retrieval can run.
  public var isAvailable: Bool {
    if case .available = self { return true }
    return false
  }

  public var description: String {
    switch self {
    case .available(let field, let model): return "semantic retrieval on \(field) with \(model)"
    case .off(let reason): return reason
    }
  }
}

/// Measures consecutive stage times on the monotonic clock.
struct StageClock {
  private var last = DispatchTime.now().uptimeNanoseconds

  /// Seconds since the previous lap (or since creation).
  mutating func lap() -> Double {
    let now = DispatchTime.now().uptimeNanoseconds
    defer { last = now }
    return Double(now - last) / 1e9
  }
}

/// Selects the best `count` items by score, ties broken by the smaller document number.
enum TopK {
  /// The top `count` documents by `score`, best first.
  static func select(_ documents: [Int], count: Int, score: (Int) -> Double) -> [(document: Int, score: Double)] {
    guard count > 0, !documents.isEmpty else { return [] }
    func better(_ left: (document: Int, score: Double), _ right: (document: Int, score: Double)) -> Bool {
      left.score != right.score ? left.score > right.score : left.document < right.document
    }
    // A min-heap of the best seen so far: its root is the worst kept.
    var heap: [(document: Int, score: Double)] = []
    heap.reserveCapacity(min(count, documents.count))
    for document in documents {
      let entry = (document: document, score: score(document))
      if heap.count < count {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
          let parent = (child - 1) / 2
          guard better(heap[parent], heap[child]) else { break }
          heap.swapAt(parent, child)
          child = parent
        }
      } else if better(entry, heap[0]) {
        heap[0] = entry
        var parent = 0
        while true {
          let left = 2 * parent + 1
          let right = left + 1
          var worst = parent
          if left < heap.count, better(heap[worst], heap[left]) { worst = left }
          if right < heap.count, better(heap[worst], heap[right]) { worst = right }
          if worst == parent { break }
          heap.swapAt(parent, worst)
          parent = worst
        }
      }
    }
    return heap.sorted(by: better)
  }
}
