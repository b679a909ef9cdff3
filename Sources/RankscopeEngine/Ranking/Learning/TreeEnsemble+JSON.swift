import Foundation

/// The model file: JSON, written atomically, checked completely when read.
///
/// ```json
/// {"format": "rankscope-tree-ensemble", "version": 1, "featureCount": 136,
///  "featureNames": ["f1", …],                       (optional)
///  "baseScore": 0, "training": {…},                  (training is optional and informational)
///  "trees": [{"nodes": [
///     {"feature": 7, "threshold": 0.5, "left": 1, "right": 2, "cover": 5000},
///     {"value": -0.012, "cover": 3100},
///     {"value": 0.020, "cover": 1900}]}, …]}
/// ```
///
/// Features are 0-based columns (SVMlight feature `i` is column `i − 1`); a row goes left when
/// `value <= threshold`. Node 0 is the root, children come after their parent, every node but the root is
/// the child of exactly one split, and a split's cover is the sum of its children's.
extension TreeEnsemble {
  /// The `format` member of a model file.
  public static let formatName = "rankscope-tree-ensemble"
  /// The version this code writes and reads.
  public static let formatVersion = 1

  /// Why a model file cannot be used.
  public struct FileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What is wrong.
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
      self.path = path
      self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
  }

  /// The model as JSON.
  public var jsonValue: JSONValue {
    var members: [JSONMember] = [
      JSONMember("format", .string(Self.formatName)),
      JSONMember("version", .number(Double(Self.formatVersion))),
      JSONMember("featureCount", .number(Double(featureCount))),
    ]
    if let featureNames { members.append(JSONMember("featureNames", .array(featureNames.map { .string($0) }))) }
    members.append(JSONMember("baseScore", .number(baseScore)))
    if !trainingParameters.isEmpty { members.append(JSONMember("training", .object(trainingParameters))) }
    members.append(JSONMember("trees", .array(trees.map(Self.jsonValue(of:)))))
    return .object(members)
  }

  private static func jsonValue(of tree: RegressionTree) -> JSONValue {
    var nodes: [JSONValue] = []
    nodes.reserveCapacity(tree.nodes.count)
    for node in tree.nodes {
      if node.isLeaf {
        nodes.append(.object([JSONMember("value", .number(node.value)), JSONMember("cover", .number(node.cover))]))
      } else {
        nodes.append(.object([
          JSONMember("feature", .number(Double(node.feature))), JSONMember("threshold", .number(node.threshold)),
          JSONMember("left", .number(Double(node.left))), JSONMember("right", .number(Double(node.right))),
          JSONMember("cover", .number(node.cover)),
        ]))
      }
    }
    return .object([JSONMember("nodes", .array(nodes))])
  }

  /// Writes the model to `path` with `AtomicFile`: a temporary file beside it, synced, then renamed over it.
  public func save(path: String) throws(FileError) {
    do throws(IndexError) {
      try AtomicFile.write(Array((JSONWriter.string(jsonValue) + "\n").utf8), to: path)
    } catch {
      throw FileError(path: path, reason: "cannot write: \(error)")
    }
  }

  /// Reads a model file.
  public static func load(path: String) throws(FileError) -> TreeEnsemble {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw FileError(path: path, reason: FileManager.default.fileExists(atPath: path)
                        ? "cannot read the file (permission denied or not a regular file)" : "no such file")
    }
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes: Array(data))
    } catch {
      throw FileError(path: path, reason: "not a model file: malformed JSON at \(error)")
    }
    do {
      return try TreeEnsemble(json: value)
    } catch let failure as FormatError {
      throw FileError(path: path, reason: failure.reason)
    } catch {
      throw FileError(path: path, reason: "\(error)")
    }
  }

  /// What is wrong with a model's JSON.
  public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, naming the member.
    public var reason: String
    public var description: String { reason }
  }

  /// Reads a model from its JSON, checking every node.
  public init(json: JSONValue) throws(FormatError) {
    func fail(_ reason: String) -> FormatError { FormatError(reason: reason) }
    guard json.objectMembers != nil else { throw fail("not a model file: expected a JSON object") }
    guard json["format"]?.stringValue == Self.formatName else {
      throw fail("not a model file: \"format\" is not \"\(Self.formatName)\"")
    }
    guard let version = json["version"]?.numberValue else { throw fail("missing \"version\"") }
    guard version == Double(Self.formatVersion) else {
      throw fail("model format version \(JSONWriter.format(version)) is not supported (this build reads version \(Self.formatVersion))")
    }
    func integer(_ value: JSONValue?, _ name: String, in range: ClosedRange<Int>) throws(FormatError) -> Int {
      guard let number = value?.numberValue else { throw fail("\(name): missing or not a number") }
      guard number == number.rounded(), number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
        throw fail("\(name): \(JSONWriter.format(number)) is not an integer in \(range.lowerBound)...\(range.upperBound)")
      }
      return Int(number)
    }
    func finite(_ value: JSONValue?, _ name: String) throws(FormatError) -> Double {
      guard let number = value?.numberValue, number.isFinite else { throw fail("\(name): missing or not a finite number") }
      return number
    }
    let featureCount = try integer(json["featureCount"], "featureCount", in: 0...SVMLightFile.defaultMaximumFeatureIndex)
    var featureNames: [String]?
    if let names = json["featureNames"], names != .null {
      guard let array = names.arrayValue else { throw fail("featureNames: expected an array of strings") }
      var list: [String] = []
      for (index, name) in array.enumerated() {
        guard let text = name.stringValue else { throw fail("featureNames[\(index)]: expected a string") }
        list.append(text)
      }
      guard list.count == featureCount else {
        throw fail("featureNames: \(list.count) names for \(featureCount) features")
      }
      featureNames = list
    }
    var baseScore = 0.0
    if json["baseScore"] != nil { baseScore = try finite(json["baseScore"], "baseScore") }
    var training: [JSONMember] = []
    if let members = json["training"]?.objectMembers { training = members }
    guard let treeValues = json["trees"]?.arrayValue else { throw fail("trees: missing or not an array") }
    var trees: [RegressionTree] = []
    trees.reserveCapacity(treeValues.count)
    for (treeIndex, treeValue) in treeValues.enumerated() {
      guard let nodeValues = treeValue["nodes"]?.arrayValue, !nodeValues.isEmpty else {
        throw fail("tree \(treeIndex): \"nodes\" missing, not an array or empty")
      }
      var nodes: [RegressionTree.Node] = []
      nodes.reserveCapacity(nodeValues.count)
      for (nodeIndex, nodeValue) in nodeValues.enumerated() {
        let place = "tree \(treeIndex) node \(nodeIndex)"
        guard nodeValue.objectMembers != nil else { throw fail("\(place): expected an object") }
        let cover = try finite(nodeValue["cover"], "\(place) cover")
        guard cover > 0 else { throw fail("\(place) cover: must be positive, found \(JSONWriter.format(cover))") }
        if nodeValue["feature"] == nil {
          let value = try finite(nodeValue["value"], "\(place) value")
          nodes.append(.leaf(value: value, cover: cover))
        } else {
          let feature = try integer(nodeValue["feature"], "\(place) feature", in: 0...max(0, featureCount - 1))
          guard featureCount > 0 else { throw fail("\(place): a split in a model of 0 features") }
          let threshold = try finite(nodeValue["threshold"], "\(place) threshold")
          let left = try integer(nodeValue["left"], "\(place) left", in: (nodeIndex + 1)...max(nodeIndex + 1, nodeValues.count - 1))
          let right = try integer(nodeValue["right"], "\(place) right", in: (nodeIndex + 1)...max(nodeIndex + 1, nodeValues.count - 1))
          guard left < nodeValues.count, right < nodeValues.count else {
            throw fail("\(place): a child index past the last node")
          }
          guard left != right else { throw fail("\(place): left and right are the same node \(left)") }
          nodes.append(.split(feature: feature, threshold: threshold, left: left, right: right, cover: cover))
        }
      }
      // Every node except the root has exactly one parent; covers add up.
      var parents = [Int](repeating: 0, count: nodes.count)
      for node in nodes where !node.isLeaf {
        parents[node.left] += 1
        parents[node.right] += 1
      }
      if parents[0] != 0 { throw fail("tree \(treeIndex): the root is a child") }
      for index in 1..<max(1, nodes.count) where parents[index] != 1 {
        throw fail("tree \(treeIndex) node \(index): referenced by \(parents[index]) splits (must be exactly 1)")
      }
      for (index, node) in nodes.enumerated() where !node.isLeaf {
        let sum = nodes[node.left].cover + nodes[node.right].cover
        guard abs(sum - node.cover) <= 1e-9 * max(1, node.cover) else {
          throw fail("tree \(treeIndex) node \(index): cover \(JSONWriter.format(node.cover)) is not the sum of its children's (\(JSONWriter.format(sum)))")
        }
      }
      trees.append(RegressionTree(nodes: nodes))
    }
    self.init(featureCount: featureCount, featureNames: featureNames, baseScore: baseScore, trees: trees,
              trainingParameters: training)
  }
}
