import Foundation
import Testing

@testable import RankscopeEncoder

/// Reading tiny synthetic safetensors files, valid and corrupted, written to a temporary directory.
@Suite("SafetensorsFile")
struct SafetensorsFileTests {
  /// The bytes of a safetensors file with the given header JSON and data.
  static func fileBytes(header: String, data: [UInt8]) -> [UInt8] {
    let headerBytes = Array(header.utf8)
    var length = UInt64(headerBytes.count).littleEndian
    let lengthBytes = withUnsafeBytes(of: &length) { Array($0) }
    return lengthBytes + headerBytes + data
  }

  /// The little-endian bytes of some floats.
  static func floatBytes(_ values: [Float]) -> [UInt8] {
    values.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
  }

  /// A valid file: `weight` F32 [2, 3], `bias` F32 [3], `steps` I64 [1], with metadata.
  static let validHeader = """
    {"__metadata__":{"format":"pt"},"weight":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},\
    "bias":{"dtype":"F32","shape":[3],"data_offsets":[24,36]},"steps":{"dtype":"I64","shape":[1],"data_offsets":[36,44]}}
    """
  static let validData = floatBytes([1, 2, 3, 4, 5, 6, 0.5, -0.5, 0.25]) + [7, 0, 0, 0, 0, 0, 0, 0]

  /// Writes bytes to a new file in `directory` and opens it.
  static func open(_ bytes: [UInt8], in directory: URL, name: String = "model.safetensors") throws(EncoderError)
    -> SafetensorsFile
  {
    let url = directory.appendingPathComponent(name)
    _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
    return try SafetensorsFile(url: url)
  }

  /// Runs `body` with a fresh temporary directory.
  static func withDirectory(_ body: (URL) throws -> Void) throws {
    let directory = try TestResources.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try body(directory)
  }

  /// The error thrown by opening `bytes`, or `nil` when it opens.
  static func openingError(_ bytes: [UInt8], in directory: URL) -> EncoderError? {
    do {
      _ = try open(bytes, in: directory)
      return nil
    } catch {
      return error
    }
  }

  @Test("A valid file opens; tensors, shapes, metadata and values read back")
  func validFile() throws {
    try Self.withDirectory { directory in
      let file = try Self.open(Self.fileBytes(header: Self.validHeader, data: Self.validData), in: directory)
      #expect(file.metadata == ["format": "pt"])
      #expect(file.tensors.count == 3)
      #expect(file.tensors["weight"]?.shape == [2, 3])
      #expect(file.tensors["steps"]?.dataType == "I64")
      #expect(try file.floatTensor("weight", shape: [2, 3]) == [1, 2, 3, 4, 5, 6])
      #expect(try file.floatTensor("bias", shape: [3]) == [0.5, -0.5, 0.25])
    }
  }

  @Test("Every truncation of a valid file is an error, never a crash")
  func everyTruncation() throws {
    try Self.withDirectory { directory in
      let bytes = Self.fileBytes(header: Self.validHeader, data: Self.validData)
      for length in 0..<bytes.count {
        let error = Self.openingError(Array(bytes.prefix(length)), in: directory)
        #expect(error != nil, "a file cut to \(length) of \(bytes.count) bytes opened")
      }
      let tooShort = Self.openingError(Array(bytes.prefix(5)), in: directory)
      #expect(tooShort?.description.contains("shorter than its 8-byte header length") == true)
      // Cut inside the data: the header parses, and the tensor whose data is missing is named.
      guard case .invalidTensorOffsets(_, let tensor, let reason)? = Self.openingError(
        Array(bytes.prefix(bytes.count - 4)), in: directory)
      else {
        Issue.record("expected invalidTensorOffsets")
        return
      }
      #expect(tensor == "steps")
      #expect(reason.contains("truncated"))
    }
  }

  @Test("A header length past the end of the file is an error")
  func headerLengthTooLarge() throws {
    try Self.withDirectory { directory in
      var bytes = Self.fileBytes(header: Self.validHeader, data: Self.validData)
      bytes[0] = 0xFF
      bytes[7] = 0x7F
      guard case .corruptSafetensors(_, let reason)? = Self.openingError(bytes, in: directory) else {
        Issue.record("expected corruptSafetensors")
        return
      }
      #expect(reason.contains("header claims"))
    }
  }

  @Test("Bad header JSON is an error that says so", arguments: [
    "{not json", "[1, 2, 3]", "\"text\"", "{\"weight\": 5}", "{\"weight\": {\"dtype\": \"F32\", \"shape\": [3]}}",
    "{\"weight\": {\"dtype\": 4, \"shape\": [3], \"data_offsets\": [0, 12]}}",
    "{\"weight\": {\"dtype\": \"F32\", \"shape\": [1.5], \"data_offsets\": [0, 12]}}",
    "{\"weight\": {\"dtype\": \"F32\", \"shape\": [3], \"data_offsets\": [0, 1e30]}}",
    "{\"__metadata__\": {\"format\": 1}}",
  ])
  func badHeaderJSON(header: String) throws {
    try Self.withDirectory { directory in
      let error = Self.openingError(Self.fileBytes(header: header, data: Self.floatBytes([1, 2, 3])), in: directory)
      guard case .corruptSafetensors(_, let reason)? = error else {
        Issue.record("expected corruptSafetensors for \(header), got \(String(describing: error))")
        return
      }
      #expect(reason.contains("bad header JSON"))
    }
  }

  @Test("Inconsistent offsets and shapes are errors naming the tensor", arguments: [
    ("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", "w"),
    ("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[8,4]}}", "w"),
    ("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[-4,8]}}", "w"),
    ("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12,16]}}", "w"),
    ("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,400]}}", "w"),
    ("{\"w\":{\"dtype\":\"F32\",\"shape\":[9223372036854775807,4],\"data_offsets\":[0,12]}}", "w"),
    ("{\"w\":{\"dtype\":\"F32\",\"shape\":[-3],\"data_offsets\":[0,12]}}", "w"),
  ])
  func inconsistentOffsets(header: String, tensor: String) throws {
    try Self.withDirectory { directory in
      let error = Self.openingError(Self.fileBytes(header: header, data: Self.floatBytes([1, 2, 3])), in: directory)
      #expect(error != nil, "\(header) opened")
      #expect(error?.description.contains("\"\(tensor)\"") == true, "\(String(describing: error))")
    }
  }

  @Test("Wrong data type, wrong shape and missing tensors are reported with their names")
  func expectationMismatches() throws {
    try Self.withDirectory { directory in
      let header = """
        {"half":{"dtype":"F16","shape":[2],"data_offsets":[0,4]},"x":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}
        """
      let file = try Self.open(Self.fileBytes(header: header, data: [0, 60, 0, 60] + Self.floatBytes([1, 2])), in: directory)
      #expect(throws: EncoderError.wrongDataType(path: file.path, tensor: "half", expected: "F32", found: "F16")) {
        try file.floatTensor("half", shape: [2])
      }
      #expect(throws: EncoderError.wrongShape(path: file.path, tensor: "x", expected: [1, 2], found: [2])) {
        try file.floatTensor("x", shape: [1, 2])
      }
      #expect(throws: EncoderError.missingTensor(path: file.path, tensor: "y")) {
        try file.floatTensor("y", shape: [2])
      }
      #expect(try file.floatTensor("x", shape: [2]) == [1, 2])
      let message = EncoderError.wrongShape(path: "m", tensor: "x", expected: [1, 2], found: [2]).description
      #expect(message.contains("\"x\"") && message.contains("[1, 2]"))
    }
  }

  @Test("Missing files, directories and empty files are errors")
  func unreadableFiles() throws {
    try Self.withDirectory { directory in
      #expect(throws: EncoderError.self) {
        try SafetensorsFile(url: directory.appendingPathComponent("absent.safetensors"))
      }
      #expect(throws: EncoderError.self) { try SafetensorsFile(url: directory) }
      #expect(Self.openingError([], in: directory) != nil)
    }
  }
}
