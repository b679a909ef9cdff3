import Foundation
import RankscopeEngine

/// Why a theme could not be loaded.
public enum ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No file `<name>.json` in any of the searched folders.
  case notFound(name: String, searched: [String])
  /// The file exists but is not a valid theme.
  case malformed(file: String, reason: String)

  public var description: String {
    switch self {
    case .notFound(let name, let searched):
      let folders = searched.isEmpty ? "(no folders)" : searched.joined(separator: ", ")
      return "theme '\(name)' not found; looked for \(name).json in: \(folders)"
    case .malformed(let file, let reason):
      return "malformed theme file \(file): \(reason)"
    }
  }
}

extension Theme {
  /// Keys a theme file may hold besides role names.
  static let metadataKeys: Set<String> = ["description", "$comment"]

  /// Loads the theme `name` from the first folder of `searchPaths` holding `<name>.json`.
  ///
  /// `name` may also be a path to a theme file (it contains `/` or ends in `.json`); `monochrome` is the
  /// built-in colourless theme unless a file of that name is found.
  /// - Throws: `ThemeError.notFound` naming the folders searched, or `ThemeError.malformed` naming the file
  ///   and the reason.
  public static func load(named name: String, searchPaths: [String]) throws -> Theme {
    let fileManager = FileManager.default
    if name.contains("/") || name.hasSuffix(".json") {
      guard fileManager.fileExists(atPath: name) else { throw ThemeError.notFound(name: name, searched: []) }
      return try load(file: name)
    }
    for folder in searchPaths {
      let path = (folder as NSString).appendingPathComponent("\(name).json")
      if fileManager.fileExists(atPath: path) { return try load(file: path) }
    }
    if name == Theme.monochrome.name { return .monochrome }
    throw ThemeError.notFound(name: name, searched: searchPaths)
  }

  /// Loads the theme `name` from the first of the folders `searchPaths` holding `<name>.json`.
  public static func load(named name: String, searchPaths: [URL]) throws -> Theme {
    try load(named: name, searchPaths: searchPaths.map(\.path))
  }

  /// The folders searched for themes, in order: `themeDirectory` (`--theme-dir`), `$RANKSCOPE_THEMES`,
  /// `./Themes`, then `Themes/` in each ancestor folder of the running executable.
  public static func searchPaths(themeDirectory: String? = nil,
                                 environment: [String: String] = ProcessInfo.processInfo.environment,
                                 currentDirectory: String = FileManager.default.currentDirectoryPath,
                                 executablePath: String? = Theme.currentExecutablePath()) -> [String] {
    var paths: [String] = []
    func add(_ path: String) {
      let standardized = (path as NSString).standardizingPath
      if !paths.contains(standardized) { paths.append(standardized) }
    }
    if let themeDirectory, !themeDirectory.isEmpty { add(themeDirectory) }
    if let fromEnvironment = environment["RANKSCOPE_THEMES"], !fromEnvironment.isEmpty {
      for part in fromEnvironment.split(separator: ":") { add(String(part)) }
    }
    add((currentDirectory as NSString).appendingPathComponent("Themes"))
    if let executablePath {
      var folder = ((executablePath as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent
      while !folder.isEmpty {
        add((folder as NSString).appendingPathComponent("Themes"))
        let parent = (folder as NSString).deletingLastPathComponent
        if parent == folder { break }
        folder = parent
      }
    }
    return paths
  }

  /// The path of the running executable, if it can be found.
  public static func currentExecutablePath() -> String? {
    #if os(Linux)
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    #endif
    return Bundle.main.executablePath ?? CommandLine.arguments.first
  }

  /// Loads and validates one theme file.
  public static func load(file path: String) throws -> Theme {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw ThemeError.malformed(file: path, reason: "cannot be read (\(error.localizedDescription))")
    }
    let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    return try parse(data: data, name: name, file: path)
  }

  /// Parses theme JSON: an object mapping role names to `{fg, bg, bold, underline, reverse}`.
  public static func parse(data: Data, name: String, file: String) throws -> Theme {
    // The engine's strict parser first: Foundation's decoder accepts trailing commas and gives no position.
    if let syntax = Self.syntaxError(in: data) { throw ThemeError.malformed(file: file, reason: syntax) }
    do {
      let decoded = try JSONDecoder().decode(ThemeFile.self, from: data)
      return Theme(name: name, styles: decoded.styles)
    } catch let error as ThemeFile.Problem {
      throw ThemeError.malformed(file: file, reason: error.reason)
    } catch let error as DecodingError {
      throw ThemeError.malformed(file: file, reason: Self.describe(error))
    } catch {
      throw ThemeError.malformed(file: file, reason: "\(error)")
    }
  }

  /// The first JSON syntax error in `data` as `invalid JSON at line L, column C: reason`, or `nil`.
  static func syntaxError(in data: Data) -> String? {
    let bytes = [UInt8](data)
    do {
      _ = try JSONParser.parse(bytes: bytes)
      return nil
    } catch {
      let offset = min(max(0, error.column - 1), bytes.count)
      var line = 1
      var lineStart = 0
      for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
        line += 1
        lineStart = index + 1
      }
      let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
      return "invalid JSON at line \(line), column \(column): \(error.reason)"
    }
  }

  private static func describe(_ error: DecodingError) -> String {
    func path(_ codingPath: [CodingKey]) -> String {
      codingPath.isEmpty ? "top level" : codingPath.map(\.stringValue).joined(separator: ".")
    }
    switch error {
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty {
        let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
        return "invalid JSON" + (underlying.map { " (\($0))" } ?? " (\(context.debugDescription))")
      }
      return "\(path(context.codingPath)): \(context.debugDescription)"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "\(path(context.codingPath)): \(context.debugDescription)"
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath)): missing '\(key.stringValue)'"
    @unknown default:
      return "\(error)"
    }
  }
}

/// The on-disk shape of a theme file.
struct ThemeFile: Decodable {
  /// A validation problem with a readable reason.
  struct Problem: Error { var reason: String }

  struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  struct Entry: Decodable {
    var fg: ColorValue?
    var bg: ColorValue?
    var bold: Bool?
    var underline: Bool?
    var reverse: Bool?

    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: DynamicKey.self)
      let role = decoder.codingPath.last?.stringValue ?? "?"
      for key in container.allKeys {
        switch key.stringValue {
        case "fg": fg = try container.decode(ColorValue.self, forKey: key)
        case "bg": bg = try container.decode(ColorValue.self, forKey: key)
        case "bold", "underline", "reverse":
          guard let flag = try? container.decode(Bool.self, forKey: key) else {
            throw Problem(reason: "role '\(role)': \(key.stringValue) must be true or false")
          }
          switch key.stringValue {
          case "bold": bold = flag
          case "underline": underline = flag
          default: reverse = flag
          }
        default:
          throw Problem(reason: "role '\(role)': unknown attribute '\(key.stringValue)' "
            + "(expected fg, bg, bold, underline, reverse)")
        }
      }
    }
  }

  struct ColorValue: Decodable {
    var color: TerminalColor

    init(from decoder: Decoder) throws {
      let container = try decoder.singleValueContainer()
      let role = decoder.codingPath.dropLast().last?.stringValue ?? "?"
      let field = decoder.codingPath.last?.stringValue ?? "colour"
      func problem(_ shown: String) -> Problem {
        Problem(reason: "role '\(role)': \(field) \(shown) is not a colour; use 'default', a basic colour name "
          + "(\(TerminalColor.basicNames.joined(separator: ", "))) or an index 0–255")
      }
      if let name = try? container.decode(String.self) {
        guard let color = TerminalColor(name: name) else { throw problem("'\(name)'") }
        self.color = color
      } else if let number = try? container.decode(Int.self) {
        guard (0...255).contains(number) else { throw problem("\(number)") }
        self.color = .index(UInt8(number))
      } else {
        throw problem("value")
      }
    }
  }

  var styles: [StyleRole: CellStyle] = [:]

  init(from decoder: Decoder) throws {
    guard let container = try? decoder.container(keyedBy: DynamicKey.self) else {
      throw Problem(reason: "the top level must be an object mapping role names to styles")
    }
    for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
      if Theme.metadataKeys.contains(key.stringValue) { continue }
      guard let role = StyleRole(rawValue: key.stringValue) else {
        let known = StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
        throw Problem(reason: "unknown role '\(key.stringValue)' (known roles: \(known))")
      }
      guard let entry = try? container.decode(Entry.self, forKey: key) else {
        // Decode again to surface the precise problem.
        do {
          _ = try container.decode(Entry.self, forKey: key)
        } catch let problem as Problem {
          throw problem
        } catch {
          throw Problem(reason: "role '\(key.stringValue)' must be an object with fg, bg, bold, underline, reverse")
        }
        continue
      }
      styles[role] = CellStyle(foreground: entry.fg?.color ?? .default, background: entry.bg?.color ?? .default,
                               bold: entry.bold ?? false, underline: entry.underline ?? false,
                               reverse: entry.reverse ?? false)
    }
  }
}
