import Foundation
import RankscopeEngine
@testable import RankscopeUI

/// Small pin-like collections and helpers shared by the tests.
enum Fixtures {
  static let schema = Schema(
    fields: [
      .init(name: "title", type: .text, weight: 2),
      .init(name: "description", type: .text),
      .init(name: "category", type: .keyword),
      .init(name: "type", type: .keyword),
      .init(name: "price", type: .numeric),
      .init(name: "saves", type: .numeric),
    ],
    display: .init(title: "title", details: ["category", "type", "price", "saves"]))

  static let pins = """
    {"id":"p1","title":"Chocolate cake with raspberries","description":"A rich chocolate layer cake","category":"food","type":"image","price":12.5,"saves":340}
    {"id":"p2","title":"Carrot cake recipe","description":"Moist carrot cake with cream cheese frosting","category":"food","type":"video","saves":120}
    {"id":"p3","title":"Cake stand, white porcelain","description":"A stand for cakes and pastries","category":"home","type":"product","price":39,"saves":45}
    {"id":"p4","title":"Minimalist living room","description":"Scandinavian living room with plants","category":"home","type":"image","saves":800}
    {"id":"p5","title":"抹茶ケーキ matcha cake","description":"Japanese green tea cake 🍵","category":"food","type":"image","saves":77}
    {"id":"p6","title":"Wedding cake ideas","description":"Tiered wedding cakes with flowers","category":"wedding","type":"image","saves":1500}
    {"id":"p7","title":"Trail running shoes","description":"Lightweight shoes for trail running","category":"sport","type":"product","price":129.99,"saves":60}
    {"id":"p8","title":"Cupcake decorating video","description":"How to pipe frosting on cupcakes and cakes","category":"food","type":"video","saves":230}
    {"id":"p9","title":"Birthday cake for kids","description":"Rainbow birthday cake with sprinkles","category":"food","type":"image","saves":410}
    {"id":"p10","title":"Café au lait bowl","description":"Ceramic bowl for café au lait","category":"home","type":"product","price":18,"saves":12}
    {"id":"p11","title":"Cheesecake without baking","description":"No-bake cheesecake with berries","category":"food","type":"video","saves":95}
    {"id":"p12","title":"Garden party table setting","description":"Outdoor table with cake and lemonade","category":"wedding","type":"image","saves":300}
    """

  /// An engine over the twelve pins.
  static let engine: SearchEngine = {
    do {
      return try SearchEngine.inMemory(schema: schema, jsonLines: pins)
    } catch {
      fatalError("fixture engine: \(error)")
    }
  }()

  /// Counts of a few vocabulary words: a tiny deterministic "sentence encoder" for hybrid screens.
  struct WordCountEmbedder: TextEmbedder {
    static let vocabulary = ["cake", "chocolate", "wedding", "birthday", "frosting", "room", "shoes", "bowl"]
    var modelName: String { "word-count" }
    var dimension: Int { Self.vocabulary.count }
    func embed(_ text: String) throws -> [Float] {
      let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
      return Self.vocabulary.map { word in Float(words.filter { $0.hasPrefix(word) }.count) + 0.05 }
    }
    func embed(batch texts: [String]) throws -> [[Float]] { try texts.map(embed) }
  }

  /// The twelve pins with a text embedding of title + description, searchable in every retrieval mode.
  static let hybridEngine: SearchEngine = {
    do {
      var hybridSchema = schema
      hybridSchema.fields.append(.init(name: "text_embedding", type: .vector, dimension: WordCountEmbedder.vocabulary.count,
                                       embedding: .init(sources: ["title", "description"])))
      let embedder = WordCountEmbedder()
      let lines = try pins.split(separator: "\n").map { line -> String in
        let document = try JSONParser.parse(bytes: Array(line.utf8))
        let text = [document["title"]?.stringValue ?? "", document["description"]?.stringValue ?? ""].joined(separator: " ")
        let vector = try embedder.embed(text).map { JSONWriter.format(Double($0)) }.joined(separator: ",")
        return String(line.dropLast()) + ",\"text_embedding\":[\(vector)]}"
      }.joined(separator: "\n")
      let plain = try SearchEngine.inMemory(schema: hybridSchema, jsonLines: lines)
      return SearchEngine(reader: plain.reader, embedder: embedder)
    } catch {
      fatalError("hybrid fixture engine: \(error)")
    }
  }()

  /// A fresh state for the pins at `width` × `height`.
  static func state(width: Int = 80, height: Int = 24) -> AppState {
    var state = AppState(service: engine, width: width, height: height)
    _ = reduce(&state, .resize(width: width, height: height))
    return state
  }

  /// Applies `action` and carries out its effects at once, and those of what they deliver (as the run loop
  /// would, without a thread), through `EffectPerformer.run`, with the stage timings pinned.
  @discardableResult
  static func send(_ action: Action, to state: inout AppState, using service: any SearchService = engine) -> [Effect] {
    EffectPerformer(service: service).run(action, on: &state, adjust: pinTimings)
  }

  /// `action` with the stage timings of a finished search fixed (timings vary; tests pin them).
  static func pinTimings(_ action: Action) -> Action {
    guard case .searchCompleted(let generation, .success(var outcome)) = action else { return action }
    outcome.response.trace = outcome.response.trace.map { stage in
      var fixed = stage
      fixed.seconds = 0.000_125
      return fixed
    }
    return .searchCompleted(generation: generation, result: .success(outcome))
  }

  /// Types `text` key by key.
  static func type(_ text: String, into state: inout AppState) {
    for character in text { send(.key(.character(character)), to: &state) }
  }

  /// A state after typing `query` and getting its results.
  static func searched(_ query: String, width: Int = 80, height: Int = 24) -> AppState {
    var state = Fixtures.state(width: width, height: height)
    type(query, into: &state)
    return state
  }

  /// A hand-made explanation: a sum of two terms, one a product of idf and saturation, one negative.
  static let explanation = Explanation.sum("final score", [
    .product("term \"cake\" = idf · saturation", [
      .leaf(1.2345, "idf = log(1 + (N - n + 0.5) / (n + 0.5)) with N = 12, n = 8, a label long enough to be cut"),
      .leaf(0.75, "saturation"),
    ]),
    .weighted(0.5, "boost", [.leaf(-0.4, "penalty for a stale pin"), .leaf(0.2, "freshness")]),
  ])

  /// A hand-made outcome with fixed timings, for views that do not need the engine.
  static let handMadeOutcome: SearchOutcome = {
    let hits = [
      SearchHit(documentNumber: 0, id: "a", rank: 1, score: explanation.value, explanation: explanation),
      SearchHit(documentNumber: 1, id: "b", rank: 2, score: 0.5, explanation: .leaf(0.5, "constant")),
      SearchHit(documentNumber: 2, id: "c", rank: 3, score: 0.25, explanation: nil),
    ]
    let documents: [JSONValue] = [
      .object([JSONMember("title", .string("Chocolate cake")), JSONMember("category", .string("food")),
               JSONMember("type", .string("image")), JSONMember("price", .number(12.5))]),
      .object([JSONMember("title", .string("東京の夜景 night view of Tokyo, a very long title indeed")),
               JSONMember("category", .string("travel")), JSONMember("saves", .number(1500))]),
      .object([JSONMember("category", .string("misc"))]),
    ]
    let trace = [
      StageTrace(name: "understand", inputCount: 1, outputCount: 1, seconds: 0.00005),
      StageTrace(name: "retrieve", inputCount: 12, outputCount: 3, seconds: 0.00031),
      StageTrace(name: "rank", inputCount: 3, outputCount: 3, cutoffScore: 0.25, seconds: 0.00002),
      StageTrace(name: "page", inputCount: 3, outputCount: 3, seconds: 0.00001),
    ]
    let parsed = ParsedQuery(text: "cake", terms: [.init(text: "cake", fieldTerms: ["cake", "cake"], queryFrequency: 1)],
                             filters: [.keyword(field: "type", values: ["image"])])
    return SearchOutcome(response: SearchResponse(parsedQuery: parsed, hits: hits, totalMatches: 42, trace: trace),
                         documents: documents)
  }()

  /// A state showing `handMadeOutcome` for the query `cake type:image`.
  static func handMadeState(width: Int = 80, height: Int = 24) -> AppState {
    var state = Fixtures.state(width: width, height: height)
    _ = reduce(&state, .setQuery("cake type:image"))
    _ = reduce(&state, .searchCompleted(generation: state.generation, result: .success(handMadeOutcome)))
    return state
  }

  /// Draws one view into a buffer of its own.
  static func draw(width: Int, height: Int, _ body: (inout CellBuffer, Rect) -> Void) -> CellBuffer {
    var buffer = CellBuffer(width: width, height: height)
    body(&buffer, buffer.bounds)
    return buffer
  }
}
