import Foundation

/// Finds the directory holding the all-MiniLM-L6-v2 model files.
///
/// Looks, in order, at: the path given on the command line; the `RANKSCOPE_MODEL_DIR` environment variable;
/// `models/all-MiniLM-L6-v2` under the current directory; the same under each ancestor of the executable's
/// directory (so `.build/release/rankscope` run from anywhere finds the repository's `models/`). A path given
/// explicitly (flag or variable) is authoritative: when it lacks the files, that is the error, rather than
/// silently using another model.
public enum ModelLocator {
  /// The environment variable naming the model directory.
  public static let environmentVariable = "RANKSCOPE_MODEL_DIR"

  /// The default model directory, relative to the current directory or an ancestor of the executable.
  public static let defaultRelativePath = "models/all-MiniLM-L6-v2"

  /// Files a model directory must hold.
  public static let requiredFiles = ["model.safetensors", "vocab.txt"]

  /// Returns the model directory, or ``EncoderError/modelNotFound(searched:)`` listing what was looked at.
  public static func locate(explicitPath: String?, environment: [String: String]) -> Result<URL, EncoderError> {
    locate(
      explicitPath: explicitPath, environment: environment,
      currentDirectory: FileManager.default.currentDirectoryPath,
      executablePath: executablePath(),
      problem: { problem(withModelDirectory: $0) })
  }

  /// The search itself, with the process's surroundings passed in (for tests).
  ///
  /// - Parameter problem: says why a directory is not a model directory (`nil`: it is one).
  static func locate(
    explicitPath: String?, environment: [String: String], currentDirectory: String, executablePath: String?,
    problem: (String) -> String?
  ) -> Result<URL, EncoderError> {
    var searched: [String] = []

    func check(_ path: String, _ origin: String) -> URL? {
      guard let reason = problem(path) else {
        return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
      }
      searched.append("\(path) (\(origin)): \(reason)")
      return nil
    }

    if let explicitPath, !explicitPath.isEmpty {
      let path = absolute(explicitPath, relativeTo: currentDirectory)
      if let url = check(path, "given on the command line") { return .success(url) }
      return .failure(.modelNotFound(searched: searched))
    }
    if let variable = environment[environmentVariable], !variable.isEmpty {
      let path = absolute(variable, relativeTo: currentDirectory)
      if let url = check(path, "from \(environmentVariable)") { return .success(url) }
      return .failure(.modelNotFound(searched: searched))
    }
    searched.append("no --model path given and \(environmentVariable) is not set")

    var candidates = [(absolute(defaultRelativePath, relativeTo: currentDirectory), "under the current directory")]
    if let executablePath {
      var directory = URL(fileURLWithPath: executablePath).standardizedFileURL.deletingLastPathComponent()
      while true {
        candidates.append((directory.appendingPathComponent(defaultRelativePath).path, "near the executable"))
        let parent = directory.deletingLastPathComponent()
        if parent.path == directory.path || directory.path == "/" { break }
        directory = parent
      }
    }
    var seen = Set<String>()
    for (path, origin) in candidates where seen.insert(path).inserted {
      if let url = check(path, origin) { return .success(url) }
    }
    return .failure(.modelNotFound(searched: searched))
  }

  /// Why `directory` is not a model directory ("does not exist", "lacks vocab.txt"), or `nil` when it is one.
  static func problem(withModelDirectory directory: String) -> String? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
      return "does not exist"
    }
    guard isDirectory.boolValue else { return "is not a directory" }
    let missing = requiredFiles.filter { file in
      var isFileDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(
        atPath: (directory as NSString).appendingPathComponent(file), isDirectory: &isFileDirectory)
      return !exists || isFileDirectory.boolValue
    }
    return missing.isEmpty ? nil : "lacks \(missing.joined(separator: " and "))"
  }

  /// `path` made absolute against `base` and standardised (`..` and `.` removed).
  private static func absolute(_ path: String, relativeTo base: String) -> String {
    let expanded = (path as NSString).expandingTildeInPath
    let url = expanded.hasPrefix("/")
      ? URL(fileURLWithPath: expanded)
      : URL(fileURLWithPath: base, isDirectory: true).appendingPathComponent(expanded)
    return url.standardizedFileURL.path
  }

  /// The running executable's path: `/proc/self/exe` on Linux, else the bundle's executable.
  private static func executablePath() -> String? {
    #if os(Linux)
    if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return target
    }
    #endif
    return Bundle.main.executableURL?.path ?? CommandLine.arguments.first
  }
}
