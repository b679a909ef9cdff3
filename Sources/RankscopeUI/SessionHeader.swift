import RankscopeEngine

/// The first line of a session: what the explorer started with, e.g.
/// `{"rankscope_session":1,"width":100,"height":30,"profile":"bm25","query":null,"index":null,"profiles":[]}`.
public struct SessionHeader: Sendable, Hashable {
  /// The format version this build writes and reads.
  public static let currentVersion = 1

  /// The screen size at the start.
  public var width: Int
  /// The screen height at the start.
  public var height: Int
  /// The rank profile active at the start (`--profile`), or nil.
  public var profile: String?
  /// The query typed in at the start (`--query`), or nil.
  public var query: String?
  /// The index directory (`--index`), or nil for the sample world's; replay's `--index` overrides it.
  public var index: String?
  /// The rank profile folders given (`--profiles`); replay's `--profiles` overrides them.
  public var profileFolders: [String]
  /// The user searches were personalized for at the start (`--user`), or nil.
  public var user: String?

  /// Creates a header.
  public init(width: Int, height: Int, profile: String? = nil, query: String? = nil, index: String? = nil,
              profileFolders: [String] = [], user: String? = nil) {
    self.width = width
    self.height = height
    self.user = user
    self.profile = profile
    self.query = query
    self.index = index
    self.profileFolders = profileFolders
  }

  /// The header as a JSON object, the version first.
  public var json: JSONValue {
    .object([
      JSONMember("rankscope_session", .number(Double(SessionHeader.currentVersion))),
      JSONMember("width", .number(Double(width))),
      JSONMember("height", .number(Double(height))),
      JSONMember("profile", profile.map(JSONValue.string) ?? .null),
      JSONMember("query", query.map(JSONValue.string) ?? .null),
      JSONMember("index", index.map(JSONValue.string) ?? .null),
      JSONMember("profiles", .array(profileFolders.map(JSONValue.string))),
      JSONMember("user", user.map(JSONValue.string) ?? .null),
    ])
  }

  /// The header as one line of JSON (without the line break).
  public var jsonLine: String { JSONWriter.string(json) }

  /// Reads a header; only `rankscope_session` is required (the size defaults to 80×24). Unknown members are
  /// ignored, so later versions may add some.
  public init(json: JSONValue) throws(SessionFormatError) {
    guard json.objectMembers != nil, let version = json["rankscope_session"] else {
      throw SessionFormatError("the first line is a header {\"rankscope_session\": 1, ...}")
    }
    guard version.numberValue == Double(SessionHeader.currentVersion) else {
      throw SessionFormatError("session format \(version.displayText) is not one this rankscope reads "
                               + "(\(SessionHeader.currentVersion))")
    }
    let side = 0...SessionEvent.maximumScreenSide
    width = try json["width"].map { value throws(SessionFormatError) in
      try SessionEvent.integer(value, named: "width", in: side)
    } ?? 80
    height = try json["height"].map { value throws(SessionFormatError) in
      try SessionEvent.integer(value, named: "height", in: side)
    } ?? 24
    profile = try SessionHeader.optionalString(json["profile"], named: "profile")
    query = try SessionHeader.optionalString(json["query"], named: "query")
    index = try SessionHeader.optionalString(json["index"], named: "index")
    let folders = json["profiles"].flatMap { $0 == .null ? nil : $0 } ?? .array([])
    guard let elements = folders.arrayValue, elements.allSatisfy({ $0.stringValue != nil }) else {
      throw SessionFormatError("\"profiles\" is an array of folder paths")
    }
    profileFolders = elements.compactMap(\.stringValue)
    user = try SessionHeader.optionalString(json["user"], named: "user")
  }

  /// A string member that may be null or absent.
  private static func optionalString(_ value: JSONValue?, named name: String) throws(SessionFormatError) -> String? {
    guard let value, value != .null else { return nil }
    return try SessionEvent.string(value, named: name)
  }
}
