/// One feature's part of a class's logit: `value · weight`.
public struct IntentContribution: Sendable, Hashable {
  /// The feature's name (`w:`, `b:` or `c:` and its text).
  public var feature: String
  /// Its hash bucket.
  public var bucket: Int
  /// Its value (the hash sign, ±1).
  public var value: Double
  /// The class's weight of the bucket.
  public var weight: Double
  /// `value · weight`.
  public var contribution: Double
}

/// A class's logit as an exact sum: `logit = bias + Σ contributions` added in the order given.
public struct IntentLogit: Sendable, Hashable {
  /// The class.
  public var label: String
  /// The class's bias.
  public var bias: Double
  /// One entry per feature occurrence of the query, in feature order.
  public var contributions: [IntentContribution]
  /// The logit, computed as `bias` plus each contribution in order.
  public var logit: Double

  /// The `count` contributions largest toward this class (ties: feature order).
  public func topContributions(_ count: Int = 3) -> [IntentContribution] {
    Array(contributions.enumerated().sorted { ($1.element.contribution, $0.offset) < ($0.element.contribution, $1.offset) }
      .prefix(count).map(\.element))
  }
}

/// One head's prediction: a probability per class (the softmax of the logits).
public struct IntentHeadPrediction: Sendable, Hashable {
  /// The keyword field it predicts.
  public var field: String
  /// Classes and probabilities, most probable first (ties: label); the probabilities sum to 1.
  public var labels: [(label: String, probability: Double)] { ranked.map { ($0.label, $0.probability) } }
  /// The classes' logits with their decomposition, in the model's label order.
  public var logits: [IntentLogit]
  /// The probabilities in the model's label order.
  public var probabilities: [Double]

  private var ranked: [(label: String, probability: Double)] {
    zip(logits.map(\.label), probabilities).sorted { ($1.1, $0.0) < ($0.1, $1.0) }.map { (label: $0.0, probability: $0.1) }
  }

  /// The most probable class, or nil when the head has none.
  public var top: (label: String, probability: Double)? { ranked.first }

  /// P(`label` | query); 0 for a label the model does not know.
  public func probability(of label: String) -> Double {
    logits.firstIndex { $0.label == label }.map { probabilities[$0] } ?? 0
  }

  /// The largest P(value | query) over a document's values of the field (0 when none is known).
  public func probability(ofAny labels: [String]) -> Double {
    labels.map(probability(of:)).max() ?? 0
  }

  /// The logit decomposition of `label`, if known.
  public func logit(of label: String) -> IntentLogit? { logits.first { $0.label == label } }
}

/// The intent of a query: its category and content type, each with class probabilities.
public struct IntentPrediction: Sendable, Hashable {
  /// The query as normalized for the model.
  public var normalizedQuery: String
  /// The category head.
  public var category: IntentHeadPrediction
  /// The content-type head.
  public var contentType: IntentHeadPrediction
}
