import Foundation
import Testing

@testable import RankscopeEncoder

/// The model search order and its error message.
@Suite("ModelLocator")
struct ModelLocatorTests {
  /// A `problem` function for which exactly the given directories are model directories.
  static func models(_ paths: Set<String>) -> (String) -> String? {
    { paths.contains($0) ? nil : "does not exist" }
  }

  @Test("An explicit path comes first, then the environment, then the current directory, then the executable's")
  func searchOrder() throws {
    let everything = Self.models([
      "/explicit", "/environment", "/work/models/all-MiniLM-L6-v2", "/repo/models/all-MiniLM-L6-v2",
    ])
    let executable = "/repo/.build/release/rankscope"
    func locate(_ explicit: String?, _ environment: [String: String], _ problem: @escaping (String) -> String?) -> String? {
      try? ModelLocator.locate(
        explicitPath: explicit, environment: environment, currentDirectory: "/work", executablePath: executable,
        problem: problem
      ).get().path
    }
    #expect(locate("/explicit", ["RANKSCOPE_MODEL_DIR": "/environment"], everything) == "/explicit")
    #expect(locate(nil, ["RANKSCOPE_MODEL_DIR": "/environment"], everything) == "/environment")
    #expect(locate(nil, [:], everything) == "/work/models/all-MiniLM-L6-v2")
    #expect(locate(nil, [:], Self.models(["/repo/models/all-MiniLM-L6-v2"])) == "/repo/models/all-MiniLM-L6-v2")
    #expect(locate("../explicit", [:], Self.models(["/explicit"])) == "/explicit")
    #expect(locate(nil, ["RANKSCOPE_MODEL_DIR": ""], everything) == "/work/models/all-MiniLM-L6-v2")
  }

  @Test("An explicit path or variable without the model is an error, not a fallback")
  func explicitPathIsAuthoritative() {
    let result = ModelLocator.locate(
      explicitPath: "/nowhere", environment: [:], currentDirectory: "/work", executablePath: nil,
      problem: Self.models(["/work/models/all-MiniLM-L6-v2"]))
    guard case .failure(.modelNotFound(let searched)) = result else {
      Issue.record("expected modelNotFound")
      return
    }
    #expect(searched == ["/nowhere (given on the command line): does not exist"])
    let fromVariable = ModelLocator.locate(
      explicitPath: nil, environment: ["RANKSCOPE_MODEL_DIR": "/elsewhere"], currentDirectory: "/work",
      executablePath: nil, problem: Self.models(["/work/models/all-MiniLM-L6-v2"]))
    #expect((try? fromVariable.get()) == nil)
  }

  @Test("The error lists every place looked at and says how to fetch the model")
  func errorMessage() {
    let result = ModelLocator.locate(
      explicitPath: nil, environment: [:], currentDirectory: "/work", executablePath: "/repo/.build/release/rankscope",
      problem: Self.models([]))
    guard case .failure(let error) = result else {
      Issue.record("expected a failure")
      return
    }
    let message = error.description
    #expect(message.contains("scripts/fetch-model.sh"))
    #expect(message.contains("RANKSCOPE_MODEL_DIR"))
    #expect(message.contains("/work/models/all-MiniLM-L6-v2"))
    #expect(message.contains("/repo/models/all-MiniLM-L6-v2"))
    #expect(message.contains("/models/all-MiniLM-L6-v2 (near the executable)"))
  }

  @Test("A directory qualifies only with model.safetensors and vocab.txt as files")
  func directoryCheck() throws {
    let directory = try TestResources.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(ModelLocator.problem(withModelDirectory: directory.appendingPathComponent("absent").path) == "does not exist")
    #expect(ModelLocator.problem(withModelDirectory: directory.path) == "lacks model.safetensors and vocab.txt")
    _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("vocab.txt").path, contents: Data())
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("model.safetensors"), withIntermediateDirectories: true)
    #expect(ModelLocator.problem(withModelDirectory: directory.path) == "lacks model.safetensors")
    try FileManager.default.removeItem(at: directory.appendingPathComponent("model.safetensors"))
    _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("model.safetensors").path, contents: Data())
    #expect(ModelLocator.problem(withModelDirectory: directory.path) == nil)
    let found = ModelLocator.locate(explicitPath: directory.path, environment: [:])
    #expect((try? found.get())?.path == directory.standardizedFileURL.path)
  }
}
