import Foundation

/// A safetensors file, memory-mapped and validated.
///
/// Format (Hugging Face, https://github.com/huggingface/safetensors): an 8-byte little-endian header length
/// `n`, then `n` bytes of JSON mapping each tensor name to `{"dtype", "shape", "data_offsets": [begin, end]}`
/// (plus an optional `"__metadata__"` object of strings), then the raw little-endian tensor data, offsets
/// relative to the end of the header.
///
/// Opening checks everything that can be checked without knowing the model: the header length against the
/// file size, the JSON, and for every tensor that its offsets lie inside the data and agree with its shape
/// and data type. A truncated or corrupt file gives an ``EncoderError``, never a crash.
public final class SafetensorsFile: Sendable {
  /// One tensor's header entry.
  public struct TensorInfo: Sendable, Equatable {
    /// The tensor's name, e.g. `encoder.layer.0.attention.self.query.weight`.
    public let name: String
    /// The element type as written in the header, e.g. `F32`.
    public let dataType: String
    /// The dimensions, outermost first.
    public let shape: [Int]
    /// The tensor's bytes, relative to the start of the data section.
    public let byteRange: Range<Int>
  }

  /// Largest header accepted (the format's own limit is 100 MB).
  static let maximumHeaderLength = 100_000_000

  /// Bytes per element of the data types the format defines.
  static let elementSizes: [String: Int] = [
    "BOOL": 1, "U8": 1, "I8": 1, "F8_E5M2": 1, "F8_E4M3": 1,
    "I16": 2, "U16": 2, "F16": 2, "BF16": 2,
    "I32": 4, "U32": 4, "F32": 4,
    "I64": 8, "U64": 8, "F64": 8,
  ]

  /// The file's path, for messages.
  public let path: String

  /// Every tensor in the header, by name.
  public let tensors: [String: TensorInfo]

  /// The header's `__metadata__` strings (empty when absent).
  public let metadata: [String: String]

  /// The mapping of the whole file.
  private let mapping: MemoryMappedFile

  /// Offset of the data section in the file (8 + header length).
  private let dataStart: Int

  /// Opens, maps and validates the safetensors file at `url`.
  public convenience init(url: URL) throws(EncoderError) {
    try self.init(path: url.path)
  }

  /// Opens, maps and validates the safetensors file at `path`.
  public init(path: String) throws(EncoderError) {
    self.path = path
    mapping = try MemoryMappedFile(path: path)
    let bytes = mapping.bytes
    guard bytes.count >= 8 else {
      throw .corruptSafetensors(
        path: path, reason: "the file is \(bytes.count) bytes long, shorter than its 8-byte header length")
    }
    let headerLength = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
    guard headerLength <= UInt64(Self.maximumHeaderLength), Int(headerLength) <= bytes.count - 8 else {
      throw .corruptSafetensors(
        path: path,
        reason: "the header claims \(headerLength) bytes but the file holds only \(bytes.count - 8) after the length")
    }
    dataStart = 8 + Int(headerLength)
    let headerData = Data(bytes[8..<dataStart])
    let entries: [String: HeaderEntry]
    do {
      entries = try JSONDecoder().decode([String: HeaderEntry].self, from: headerData)
    } catch let error as DecodingError {
      throw .corruptSafetensors(path: path, reason: "bad header JSON: \(Self.describe(error))")
    } catch {
      throw .corruptSafetensors(path: path, reason: "bad header JSON: \(error)")
    }
    let dataLength = bytes.count - dataStart
    var tensors: [String: TensorInfo] = [:]
    var metadata: [String: String] = [:]
    for (name, entry) in entries {
      switch entry {
      case .metadata(let values):
        metadata = values
      case .tensor(let dataType, let shape, let offsets):
        tensors[name] = try Self.validate(
          name: name, dataType: dataType, shape: shape, offsets: offsets, dataLength: dataLength, path: path)
      }
    }
    self.tensors = tensors
    self.metadata = metadata
  }

  /// Checks one header entry's shape and offsets; returns its description.
  private static func validate(
    name: String, dataType: String, shape: [Int], offsets: [Int], dataLength: Int, path: String
  ) throws(EncoderError) -> TensorInfo {
    guard offsets.count == 2 else {
      throw .invalidTensorOffsets(path: path, tensor: name, reason: "expected [begin, end], found \(offsets)")
    }
    let begin = offsets[0], end = offsets[1]
    guard begin >= 0, begin <= end else {
      throw .invalidTensorOffsets(path: path, tensor: name, reason: "begin \(begin) is after end \(end) or negative")
    }
    guard end <= dataLength else {
      throw .invalidTensorOffsets(
        path: path, tensor: name,
        reason: "end \(end) is past the \(dataLength) bytes of data (is the file truncated?)")
    }
    var elementCount = 1
    for dimension in shape {
      guard dimension >= 0 else {
        throw .corruptSafetensors(path: path, reason: "tensor \"\(name)\" has a negative dimension in \(shape)")
      }
      let (product, overflow) = elementCount.multipliedReportingOverflow(by: dimension)
      guard !overflow else {
        throw .corruptSafetensors(path: path, reason: "tensor \"\(name)\" has an impossibly large shape \(shape)")
      }
      elementCount = product
    }
    if let elementSize = elementSizes[dataType] {
      let (byteCount, overflow) = elementCount.multipliedReportingOverflow(by: elementSize)
      guard !overflow, byteCount == end - begin else {
        throw .invalidTensorOffsets(
          path: path, tensor: name,
          reason: "\(end - begin) bytes for shape \(shape) of \(dataType), which needs \(elementCount) × \(elementSize)")
      }
    }
    return TensorInfo(name: name, dataType: dataType, shape: shape, byteRange: begin..<end)
  }

  /// Returns a copy of the float32 tensor `name` after checking that it exists, is `F32` and has `shape`.
  public func floatTensor(_ name: String, shape: [Int]) throws(EncoderError) -> [Float] {
    guard let info = tensors[name] else {
      throw .missingTensor(path: path, tensor: name)
    }
    guard info.dataType == "F32" else {
      throw .wrongDataType(path: path, tensor: name, expected: "F32", found: info.dataType)
    }
    guard info.shape == shape else {
      throw .wrongShape(path: path, tensor: name, expected: shape, found: info.shape)
    }
    // Validated at open: the range lies inside the data and holds exactly shape-product floats.
    let count = info.byteRange.count / MemoryLayout<Float>.stride
    let source = UnsafeRawBufferPointer(rebasing: mapping.bytes[(dataStart + info.byteRange.lowerBound)...])
    return [Float](unsafeUninitializedCapacity: count) { destination, initializedCount in
      if count > 0, let target = destination.baseAddress, let base = source.baseAddress {
        UnsafeMutableRawPointer(target).copyMemory(from: base, byteCount: count * MemoryLayout<Float>.stride)
      }
      #if _endian(big)
      for index in 0..<count {
        destination[index] = Float(bitPattern: UInt32(littleEndian: destination[index].bitPattern))
      }
      #endif
      initializedCount = count
    }
  }

  /// A decoding error as one line: where in the header and what.
  private static func describe(_ error: DecodingError) -> String {
    func location(_ path: [any CodingKey]) -> String {
      path.isEmpty ? "the header" : path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
    switch error {
    case .dataCorrupted(let context):
      return "\(location(context.codingPath)): \(context.debugDescription)"
    case .keyNotFound(let key, let context):
      return "\(location(context.codingPath)) lacks \"\(key.stringValue)\""
    case .typeMismatch(let type, let context):
      return "\(location(context.codingPath)) is not a \(type)"
    case .valueNotFound(let type, let context):
      return "\(location(context.codingPath)) is missing a \(type)"
    @unknown default:
      return "\(error)"
    }
  }
}

/// One value of the header object: a tensor description, or the `__metadata__` strings.
private enum HeaderEntry: Decodable {
  case tensor(dataType: String, shape: [Int], offsets: [Int])
  case metadata([String: String])

  private enum CodingKeys: String, CodingKey {
    case dtype
    case shape
    case dataOffsets = "data_offsets"
  }

  init(from decoder: any Decoder) throws {
    if decoder.codingPath.last?.stringValue == "__metadata__" {
      self = .metadata(try decoder.singleValueContainer().decode([String: String].self))
      return
    }
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self = .tensor(
      dataType: try container.decode(String.self, forKey: .dtype),
      shape: try container.decode([Int].self, forKey: .shape),
      offsets: try container.decode([Int].self, forKey: .dataOffsets))
  }
}
