/// Why a feature could not be found or computed.
public enum FeatureError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No feature has this name; the closest known names are suggested.
  case unknownFeature(name: String, suggestions: [String])
  /// The feature exists, but not for this index (its schema lacks what the feature needs).
  case unavailableFeature(name: String, reason: String)
  /// An input does not fit (a query embedding of the wrong dimension, a document number out of range).
  case invalidInput(String)

  public var description: String {
    switch self {
    case .unknownFeature(let name, let suggestions):
      if suggestions.isEmpty { return "unknown feature \"\(name)\" (no known feature name is close; list them with FeatureRegistry.definitions)" }
      return "unknown feature \"\(name)\"; did you mean \(suggestions.joined(separator: ", "))?"
    case .unavailableFeature(let name, let reason):
      return "feature \"\(name)\" is not available for this index: \(reason)"
    case .invalidInput(let reason):
      return reason
    }
  }
}
