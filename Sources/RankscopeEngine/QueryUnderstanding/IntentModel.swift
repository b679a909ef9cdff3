import Foundation

/// Predicts a query's category and content type: multinomial logistic regression (softmax) per head over the
/// query's hashed features (`IntentFeatureHasher`), trained by `IntentTrainer`.
///
/// Each class's logit is `bias + Σ value · weight[bucket]` over the query's feature occurrences, added in feature
/// order; `IntentLogit` carries that sum term by term, so an explanation adds up exactly to the logit, and the
/// probabilities are the softmax of the logits.
public struct IntentModel: Sendable {
  /// One softmax head over the values of a keyword field.
  public struct Head: Sendable, Hashable {
    /// The keyword field.
    public var field: String
    /// The classes (the field's values), sorted.
    public var labels: [String]
    /// One bias per class.
    public var biases: [Double]
    /// Weights, bucket-major: `weights[bucket · labels.count + class]`.
    public var weights: [Double]

    /// Creates a head.
    public init(field: String, labels: [String], biases: [Double], weights: [Double]) {
      self.field = field
      self.labels = labels
      self.biases = biases
      self.weights = weights
    }

    /// The logits of `features`, each decomposed.
    func logits(_ features: [IntentFeatureHasher.Feature]) -> [IntentLogit] {
      labels.indices.map { label in
        var logit = biases[label]
        var contributions: [IntentContribution] = []
        contributions.reserveCapacity(features.count)
        for feature in features {
          let weight = weights[feature.bucket * labels.count + label]
          let contribution = feature.value * weight
          logit += contribution
          contributions.append(IntentContribution(feature: feature.name, bucket: feature.bucket, value: feature.value,
                                                  weight: weight, contribution: contribution))
        }
        return IntentLogit(label: labels[label], bias: biases[label], contributions: contributions, logit: logit)
      }
    }

    /// The prediction for `features`.
    func predict(_ features: [IntentFeatureHasher.Feature]) -> IntentHeadPrediction {
      let logits = logits(features)
      return IntentHeadPrediction(field: field, logits: logits, probabilities: IntentModel.softmax(logits.map(\.logit)))
    }
  }

  /// The feature hasher the weights were trained with.
  public let hasher: IntentFeatureHasher
  /// The category head.
  public let category: Head
  /// The content-type head.
  public let contentType: Head

  /// Creates a model.
  public init(hasher: IntentFeatureHasher, category: Head, contentType: Head) {
    self.hasher = hasher
    self.category = category
    self.contentType = contentType
  }

  /// The intent of `query` (normalized with `QueryLogStatistics.normalize` first; pass the free text, without
  /// filters such as `type:video`, whose words would count as query words).
  public func predict(_ query: String) -> IntentPrediction {
    let normalized = QueryLogStatistics.normalize(query)
    let features = hasher.features(of: normalized)
    return IntentPrediction(normalizedQuery: normalized, category: category.predict(features),
                            contentType: contentType.predict(features))
  }

  /// The softmax of `logits` (shifted by their maximum; the result sums to 1 up to rounding).
  public static func softmax(_ logits: [Double]) -> [Double] {
    guard let largest = logits.max() else { return [] }
    let exponentials = logits.map { Foundation.exp($0 - largest) }
    let total = exponentials.reduce(0, +)
    return exponentials.map { $0 / total }
  }
}
