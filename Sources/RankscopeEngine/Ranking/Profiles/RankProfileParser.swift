import Foundation

/// A rank profile that cannot be used: the file, the line (when known) and the reason.
public struct RankProfileError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The profile file.
  public var file: String
  /// The 1-based line the problem is on, or nil when it concerns the whole file.
  public var line: Int?
  /// What is wrong.
  public var reason: String

  public var description: String { line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)" }
}

/// What a profile may name on the index it will run against, so a profile is checked when it is loaded
/// rather than failing on the first query.
public struct RankProfileContext: Sendable {
  /// Generators the index offers (`bm25f`, `ann:<vector field>`, `popular:<field>`).
  public var generators: [String]
  /// Feature names the L1 stage may weight.
  public var features: [String]
  /// Vector fields (blend similarity).
  public var vectorFields: [String]
  /// Keyword and text fields, whose stored values name a content type or a board (blend).
  public var labelFields: [String]
  /// Whether a file exists (model files); replaceable in tests.
  public var fileExists: @Sendable (String) -> Bool

  /// Creates a context.
  public init(generators: [String], features: [String], vectorFields: [String], labelFields: [String],
              fileExists: @escaping @Sendable (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) {
    self.generators = generators
    self.features = features
    self.vectorFields = vectorFields
    self.labelFields = labelFields
    self.fileExists = fileExists
  }
}

/// Reads rank profiles from JSON and checks them against a `RankProfileContext`.
///
/// ```json
/// {
///   "name": "hybrid-diverse",
///   "description": "BM25F and text embeddings fused by RRF, then MMR diversity",
///   "retrieve": {"generators": {"bm25f": 1000, "ann:text_embedding": 200}, "fusion": {"method": "rrf", "k": 60}},
///   "l1": {"keep": 200, "weights": {"bm25f": 1.0, "text_cosine": 4.0}, "bias": 0},
///   "l2": {"model": "models/sample-l2.json", "keep": 50},
///   "blend": {"keep": 20, "mmr_lambda": 0.7, "similarity": "visual", "type_field": "type",
///             "type_quotas": {"video": 0.4}, "board_field": "board", "max_per_board": 2, "near_duplicate": 0.98}
/// }
/// ```
///
/// Every key is checked (a misspelt key is an error naming the keys allowed there), every number must be
/// finite and in range, generator, feature and field names must exist on the index (with the closest known
/// names suggested), and the L2 model file must exist (resolved against the profile's folder).
public enum RankProfileParser {
  /// Parses the profile text `text` read from `source` (a path, for messages and for resolving the model).
  public static func parse(_ text: String, source: String, context: RankProfileContext) throws(RankProfileError) -> RankProfile {
    let locator = LineLocator(text: text)
    let root: JSONValue
    do {
      root = try JSONParser.parse(text)
    } catch {
      throw RankProfileError(file: source, line: locator.line(ofOffset: error.column - 1), reason: "not valid JSON: \(error.reason)")
    }
    let reader = Reader(source: source, locator: locator)
    let members = try reader.object(root, path: [])
    try reader.onlyKeys(members, ["name", "description", "retrieve", "l1", "l2", "blend"], path: [])
    let fallbackName = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
    var name = fallbackName
    if let value = members["name"] { name = try reader.string(value, path: ["name"]) }
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
      throw reader.error("the name \"\(name)\" may hold only letters, digits, '-', '_' and '.'", path: ["name"])
    }
    var summary = ""
    if let value = members["description"] { summary = try reader.string(value, path: ["description"]) }
    guard let retrieveValue = members["retrieve"] else {
      throw RankProfileError(file: source, line: nil, reason: "missing \"retrieve\" (the generators to run)")
    }
    let retrieval = try readRetrieval(retrieveValue, reader, context)
    var l1: RankProfile.LinearStage?
    var l2: RankProfile.ModelStage?
    var blend: RankProfile.Blend?
    if let value = members["l1"] { l1 = try readLinear(value, reader, context) }
    if let value = members["l2"] { l2 = try readModel(value, reader, context) }
    if let value = members["blend"] { blend = try readBlend(value, reader, context) }
    if let l1, let l2, l2.keep > l1.keep {
      throw reader.error("l2 keeps \(l2.keep) but l1 hands on only \(l1.keep)", path: ["l2", "keep"])
    }
    return RankProfile(name: name, summary: summary, source: source, retrieval: retrieval, l1: l1, l2: l2, blend: blend)
  }

  /// Reads and parses the profile file at `path`.
  public static func load(path: String, context: RankProfileContext) throws(RankProfileError) -> RankProfile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw RankProfileError(file: path, line: nil, reason: "cannot read the file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw RankProfileError(file: path, line: nil, reason: "not UTF-8 text")
    }
    return try parse(text, source: path, context: context)
  }

  private static func readRetrieval(_ value: JSONValue, _ reader: Reader, _ context: RankProfileContext) throws(RankProfileError) -> RankProfile.Retrieval {
    let path = ["retrieve"]
    let members = try reader.object(value, path: path)
    try reader.onlyKeys(members, ["generators", "fusion"], path: path)
    guard let generatorsValue = members["generators"] else { throw reader.error("missing \"generators\"", path: path) }
    let generatorMembers = try reader.object(generatorsValue, path: path + ["generators"])
    guard !generatorMembers.isEmpty else { throw reader.error("name at least one generator", path: path + ["generators"]) }
    var generators: [(name: String, depth: Int)] = []
    for member in generatorMembers.list {
      let memberPath = path + ["generators", member.key]
      guard context.generators.contains(member.key) else {
        throw reader.error("unknown generator \"\(member.key)\"\(suggestion(member.key, context.generators))", path: memberPath)
      }
      generators.append((member.key, try reader.integer(member.value, path: memberPath, in: 1...100_000)))
    }
    var fusion = FusionSettings.standard
    if let fusionValue = members["fusion"] {
      let fusionPath = path + ["fusion"]
      let fusionMembers = try reader.object(fusionValue, path: fusionPath)
      try reader.onlyKeys(fusionMembers, ["method", "k", "normalization", "weights"], path: fusionPath)
      if let method = fusionMembers["method"] {
        let text = try reader.string(method, path: fusionPath + ["method"])
        guard let parsed = FusionMethod(rawValue: text) else {
          throw reader.error("fusion method must be one of \(FusionMethod.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(text)\"",
                             path: fusionPath + ["method"])
        }
        fusion.method = parsed
      }
      if let k = fusionMembers["k"] { fusion.k = try reader.number(k, path: fusionPath + ["k"], in: 1e-9...1e9) }
      if let normalization = fusionMembers["normalization"] {
        let text = try reader.string(normalization, path: fusionPath + ["normalization"])
        guard let parsed = ScoreNormalization(rawValue: text) else {
          throw reader.error("normalization must be one of \(ScoreNormalization.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(text)\"",
                             path: fusionPath + ["normalization"])
        }
        fusion.normalization = parsed
      }
      if let weights = fusionMembers["weights"] {
        var parsed: [String: Double] = [:]
        for member in try reader.object(weights, path: fusionPath + ["weights"]).list {
          guard generators.contains(where: { $0.name == member.key }) else {
            throw reader.error("weight for \"\(member.key)\", which is not among this profile's generators", path: fusionPath + ["weights", member.key])
          }
          parsed[member.key] = try reader.number(member.value, path: fusionPath + ["weights", member.key], in: 0...1e9)
        }
        fusion.weights = parsed
      }
    }
    fusion.weights = Dictionary(uniqueKeysWithValues: generators.map { ($0.name, fusion.weights[$0.name] ?? 1) })
    fusion.depth = generators.map(\.depth).max() ?? fusion.depth
    return RankProfile.Retrieval(generators: generators, fusion: fusion)
  }

  private static func readLinear(_ value: JSONValue, _ reader: Reader, _ context: RankProfileContext) throws(RankProfileError) -> RankProfile.LinearStage {
    let path = ["l1"]
    let members = try reader.object(value, path: path)
    try reader.onlyKeys(members, ["keep", "weights", "bias"], path: path)
    guard let keepValue = members["keep"] else { throw reader.error("missing \"keep\" (how many candidates L1 hands on)", path: path) }
    let keep = try reader.integer(keepValue, path: path + ["keep"], in: 1...100_000)
    guard let weightsValue = members["weights"] else { throw reader.error("missing \"weights\" (feature: weight)", path: path) }
    var weights: [(feature: String, weight: Double)] = []
    for member in try reader.object(weightsValue, path: path + ["weights"]).list {
      guard context.features.contains(member.key) else {
        throw reader.error("unknown feature \"\(member.key)\"\(suggestion(member.key, context.features))", path: path + ["weights", member.key])
      }
      weights.append((member.key, try reader.number(member.value, path: path + ["weights", member.key], in: -1e9...1e9)))
    }
    guard !weights.isEmpty else { throw reader.error("weight at least one feature", path: path + ["weights"]) }
    var bias = 0.0
    if let value = members["bias"] { bias = try reader.number(value, path: path + ["bias"], in: -1e9...1e9) }
    return RankProfile.LinearStage(keep: keep, weights: weights, bias: bias)
  }

  private static func readModel(_ value: JSONValue, _ reader: Reader, _ context: RankProfileContext) throws(RankProfileError) -> RankProfile.ModelStage {
    let path = ["l2"]
    let members = try reader.object(value, path: path)
    try reader.onlyKeys(members, ["model", "keep"], path: path)
    guard let modelValue = members["model"] else { throw reader.error("missing \"model\" (the model file)", path: path) }
    let model = try reader.string(modelValue, path: path + ["model"])
    let resolved = model.hasPrefix("/") ? model
      : URL(fileURLWithPath: reader.source).deletingLastPathComponent().appendingPathComponent(model).standardized.path
    guard context.fileExists(resolved) else {
      throw reader.error("the model file \(resolved) does not exist (train one with `rankscope train`)", path: path + ["model"])
    }
    if FileManager.default.fileExists(atPath: resolved) {
      let model: TreeEnsemble
      do {
        model = try TreeEnsemble.load(path: resolved)
      } catch {
        throw reader.error("the model file cannot be used: \(error)", path: path + ["model"])
      }
      guard let names = model.featureNames else {
        throw reader.error("the model \(resolved) does not name its features (train it from `rankscope features` output)", path: path + ["model"])
      }
      for name in names where !context.features.contains(name) {
        throw reader.error("the model uses feature \"\(name)\", unknown on this index\(suggestion(name, context.features))", path: path + ["model"])
      }
    }
    guard let keepValue = members["keep"] else { throw reader.error("missing \"keep\" (how many candidates L2 hands on)", path: path) }
    return RankProfile.ModelStage(modelPath: resolved, keep: try reader.integer(keepValue, path: path + ["keep"], in: 1...100_000))
  }

  private static func readBlend(_ value: JSONValue, _ reader: Reader, _ context: RankProfileContext) throws(RankProfileError) -> RankProfile.Blend {
    let path = ["blend"]
    let members = try reader.object(value, path: path)
    try reader.onlyKeys(members, ["keep", "mmr_lambda", "similarity", "type_field", "type_quotas", "board_field",
                                  "max_per_board", "near_duplicate"], path: path)
    guard let keepValue = members["keep"] else { throw reader.error("missing \"keep\" (how many hits the blend hands out)", path: path) }
    var settings = BlendSettings(keep: try reader.integer(keepValue, path: path + ["keep"], in: 1...10_000))
    if let lambda = members["mmr_lambda"] { settings.mmrLambda = try reader.number(lambda, path: path + ["mmr_lambda"], in: 0...1) }
    if let threshold = members["near_duplicate"] {
      settings.nearDuplicateThreshold = try reader.number(threshold, path: path + ["near_duplicate"], in: -0.999_999...1)
    }
    if let limit = members["max_per_board"] { settings.maxPerBoard = try reader.integer(limit, path: path + ["max_per_board"], in: 1...10_000) }
    if let quotas = members["type_quotas"] {
      for member in try reader.object(quotas, path: path + ["type_quotas"]).list {
        settings.typeQuotas[member.key] = try reader.number(member.value, path: path + ["type_quotas", member.key], in: 0...1)
      }
    }
    func field(_ key: String, among fields: [String], kind: String) throws(RankProfileError) -> String? {
      guard let value = members[key] else { return nil }
      let name = try reader.string(value, path: path + [key])
      guard fields.contains(name) else {
        throw reader.error("\"\(name)\" is not a \(kind) field of the index\(suggestion(name, fields))", path: path + [key])
      }
      return name
    }
    let similarity = try field("similarity", among: context.vectorFields, kind: "vector")
    let typeField = try field("type_field", among: context.labelFields, kind: "keyword or text")
    let boardField = try field("board_field", among: context.labelFields, kind: "keyword or text")
    if (settings.mmrLambda != nil || settings.nearDuplicateThreshold != nil), similarity == nil {
      throw reader.error("MMR and near-duplicate removal compare vectors: name one with \"similarity\"", path: path)
    }
    if !settings.typeQuotas.isEmpty, typeField == nil { throw reader.error("type quotas need \"type_field\"", path: path + ["type_quotas"]) }
    if settings.maxPerBoard != nil, boardField == nil { throw reader.error("max_per_board needs \"board_field\"", path: path + ["max_per_board"]) }
    if let problem = settings.problem { throw reader.error(problem, path: path) }
    return RankProfile.Blend(settings: settings, similarityField: similarity, typeField: typeField, boardField: boardField)
  }

  /// ", did you mean "x" or "y"?" for the known names closest to `name` (`NameSuggestions`), or the list of
  /// known names when few, or nothing.
  static func suggestion(_ name: String, _ known: [String]) -> String {
    let close = NameSuggestions.closest(to: name, among: known)
    if !close.isEmpty { return "; did you mean " + close.map { "\"\($0)\"" }.joined(separator: " or ") + "?" }
    if known.count <= 8 { return "; known: " + known.joined(separator: ", ") }
    return ""
  }
}

/// Maps byte offsets and key paths of a JSON text to 1-based line numbers, for messages.
struct LineLocator {
  private let bytes: [UInt8]

  init(text: String) { bytes = Array(text.utf8) }

  /// The line holding byte `offset`.
  func line(ofOffset offset: Int) -> Int {
    1 + bytes.prefix(max(0, min(offset, bytes.count))).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
  }

  /// The line of the key path's last key: each key is looked for (as `"key"` followed by a colon) after the
  /// previous one. Nil when not found (e.g. an empty path).
  func line(ofPath path: [String]) -> Int? {
    var offset = 0
    var found: Int?
    for key in path {
      let needle = Array(("\"" + key + "\"").utf8)
      guard let position = search(needle, from: offset) else { return found.map { line(ofOffset: $0) } }
      found = position
      offset = position + needle.count
    }
    return found.map { line(ofOffset: $0) }
  }

  private func search(_ needle: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
    var position = start
    while position + needle.count <= bytes.count {
      if bytes[position] == needle[0], Array(bytes[position..<(position + needle.count)]) == needle {
        var after = position + needle.count
        while after < bytes.count, bytes[after] == 0x20 || bytes[after] == 0x09 || bytes[after] == 0x0A || bytes[after] == 0x0D { after += 1 }
        if after < bytes.count, bytes[after] == UInt8(ascii: ":") { return position }
      }
      position += 1
    }
    return nil
  }
}

/// Typed reads from a JSON value with errors that name the file, the line and the key path.
private struct Reader {
  let source: String
  let locator: LineLocator

  struct Members {
    let list: [JSONMember]
    var isEmpty: Bool { list.isEmpty }
    subscript(key: String) -> JSONValue? { list.first { $0.key == key }?.value }
  }

  func error(_ reason: String, path: [String]) -> RankProfileError {
    let where_ = path.isEmpty ? "" : path.joined(separator: ".") + ": "
    return RankProfileError(file: source, line: locator.line(ofPath: path), reason: where_ + reason)
  }

  func object(_ value: JSONValue, path: [String]) throws(RankProfileError) -> Members {
    guard case .object(let members) = value else { throw error("expected an object", path: path) }
    var seen = Set<String>()
    for member in members where !seen.insert(member.key).inserted {
      throw error("\"\(member.key)\" appears twice", path: path + [member.key])
    }
    return Members(list: members)
  }

  func onlyKeys(_ members: Members, _ allowed: [String], path: [String]) throws(RankProfileError) {
    for member in members.list where !allowed.contains(member.key) {
      throw error("unknown key \"\(member.key)\"\(RankProfileParser.suggestion(member.key, allowed))", path: path + [member.key])
    }
  }

  func string(_ value: JSONValue, path: [String]) throws(RankProfileError) -> String {
    guard case .string(let text) = value else { throw error("expected a string, found \(value.displayText)", path: path) }
    return text
  }

  func number(_ value: JSONValue, path: [String], in range: ClosedRange<Double>) throws(RankProfileError) -> Double {
    guard case .number(let number) = value else { throw error("expected a number, found \(value.displayText)", path: path) }
    guard number.isFinite, range.contains(number) else {
      throw error("\(number) is out of range (\(range.lowerBound) to \(range.upperBound))", path: path)
    }
    return number
  }

  func integer(_ value: JSONValue, path: [String], in range: ClosedRange<Int>) throws(RankProfileError) -> Int {
    guard case .number(let number) = value, number.rounded() == number, number.isFinite else {
      throw error("expected a whole number, found \(value.displayText)", path: path)
    }
    guard number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
      throw error("\(number) is out of range (\(range.lowerBound) to \(range.upperBound))", path: path)
    }
    return Int(number)
  }
}
