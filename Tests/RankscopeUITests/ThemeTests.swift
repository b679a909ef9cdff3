import Foundation
import Testing
@testable import RankscopeUI

@Suite("Themes")
struct ThemeTests {
  /// The repository's `Themes/` folder.
  static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Themes").path

  private func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-themes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test("the shipped themes load and style every role", arguments: ["dark", "light"])
  func shippedThemes(name: String) throws {
    let theme = try Theme.load(named: name, searchPaths: [Self.themesFolder])
    #expect(theme.name == name)
    for role in StyleRole.allCases { #expect(theme.styles[role] != nil, "\(name) lacks \(role)") }
    #expect(theme.usesColor)
  }

  @Test("a good file: names, indexes, default and attributes")
  func goodFile() throws {
    let data = Data("""
      {"description": "test", "selection": {"fg": "black", "bg": 110, "bold": true, "reverse": false},
       "score": {"fg": "brightYellow", "underline": true}, "normal": {"fg": "default", "bg": "default"}}
      """.utf8)
    let theme = try Theme.parse(data: data, name: "t", file: "t.json")
    #expect(theme.style(for: .selection) == CellStyle(foreground: .index(0), background: .index(110), bold: true))
    #expect(theme.style(for: .score) == CellStyle(foreground: .index(11), underline: true))
    #expect(theme.style(for: .hint) == .plain)  // missing roles fall back to `normal`
  }

  @Test("a malformed file: the error names the file and the reason")
  func malformedFiles() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cases: [(String, String)] = [
      (#"{"normal": {"fg": "red"}"#, "invalid JSON at line 1, column 25"),
      ("{\n  \"normal\": {\"fg\": \"red\",}\n}", "invalid JSON at line 2, column"),
      (#"{"selektion": {"fg": "red"}}"#, "unknown role 'selektion'"),
      (#"{"score": {"fg": "purple"}}"#, "fg 'purple' is not a colour"),
      (#"{"score": {"fg": 300}}"#, "fg 300 is not a colour"),
      (#"{"score": {"bold": "yes"}}"#, "bold must be true or false"),
      (#"{"score": {"blink": true}}"#, "unknown attribute 'blink'"),
      (#"{"score": "red"}"#, "role 'score' must be an object"),
      (#"["score"]"#, "top level must be an object"),
    ]
    for (index, (text, reason)) in cases.enumerated() {
      let file = folder.appendingPathComponent("bad\(index).json")
      try text.write(to: file, atomically: true, encoding: .utf8)
      do {
        _ = try Theme.load(named: "bad\(index)", searchPaths: [folder.path])
        Issue.record("bad\(index).json loaded: \(text)")
      } catch let error as ThemeError {
        let message = error.description
        #expect(message.contains(file.path), "\(message)")
        #expect(message.contains(reason), "\(message)")
      }
    }
  }

  @Test("a missing theme lists the folders searched")
  func missingTheme() {
    #expect(throws: ThemeError.notFound(name: "nope", searched: ["/a", "/b"])) {
      try Theme.load(named: "nope", searchPaths: ["/a", "/b"])
    }
    let message = ThemeError.notFound(name: "nope", searched: ["/a", "/b"]).description
    #expect(message.contains("nope.json") && message.contains("/a, /b"))
  }

  @Test("search paths: --theme-dir, RANKSCOPE_THEMES, ./Themes, then the executable's ancestors")
  func searchPaths() {
    let paths = Theme.searchPaths(themeDirectory: "/opt/themes", environment: ["RANKSCOPE_THEMES": "/env/one:/env/two"],
                                  currentDirectory: "/work/project", executablePath: "/work/project/.build/debug/rankscope")
    #expect(paths == ["/opt/themes", "/env/one", "/env/two", "/work/project/Themes", "/work/project/.build/debug/Themes",
                      "/work/project/.build/Themes", "/work/Themes", "/Themes"])
  }

  @Test("a path to a file loads that file")
  func loadByPath() throws {
    let theme = try Theme.load(named: Self.themesFolder + "/light.json", searchPaths: [String]())
    #expect(theme.name == "light")
  }

  @Test("monochrome: the built-in fallback and the colourless variant")
  func monochrome() throws {
    #expect(!Theme.monochrome.usesColor)
    for role in StyleRole.allCases { #expect(Theme.monochrome.styles[role] != nil) }
    let dark = try Theme.load(named: "dark", searchPaths: [Self.themesFolder])
    #expect(!dark.monochromeVariant.usesColor)
    #expect(dark.monochromeVariant.style(for: .selection).bold)
  }
}
