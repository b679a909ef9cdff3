import ArgumentParser
import RankscopeEngine

/// The fusion options shared by `search` and `eval`: method, weights, normalisation and RRF's k.
struct FusionOptions: ParsableArguments {
  @Option(help: "Hybrid fusion: rrf (reciprocal rank fusion) or weighted (normalised scores). Default: the schema's, else rrf.")
  var fusion: FusionMethod?

  @Option(help: "Hybrid generator weights, e.g. bm25f=1,ann:text_embedding=1,popular:category=0.5 (names the generators run).")
  var weights: String?

  @Option(help: "Weighted fusion's per-generator normalisation: minmax or zscore.")
  var normalization: ScoreNormalization?

  @Option(name: .customLong("rrf-k"), help: "RRF's rank constant k (default 60).")
  var rrfK: Double?

  /// Whether any fusion option was given.
  var isGiven: Bool { fusion != nil || weights != nil || normalization != nil || rrfK != nil }

  /// The settings: the schema's defaults (else the standard ones) with the given options applied.
  func settings(schema: Schema, depth: Int?, retrieval: RetrievalMode) throws -> FusionSettings? {
    guard retrieval == .hybrid else {
      if isGiven || depth != nil {
        throw CommandFailure("--fusion, --weights, --normalization, --rrf-k and the fusion depth apply to --retrieval hybrid only")
      }
      return nil
    }
    var settings = schema.retrieval?.fusion ?? .standard
    if let fusion { settings.method = fusion }
    if let weights {
      do { settings.weights = try FusionSettings.parseWeights(weights) } catch { throw CommandFailure("--weights: \(error)") }
    }
    if let normalization { settings.normalization = normalization }
    if let rrfK { settings.k = rrfK }
    if let depth { settings.depth = depth }
    do { try settings.validate() } catch { throw CommandFailure("\(error)") }
    return settings
  }
}

extension FusionMethod: ExpressibleByArgument {}
extension ScoreNormalization: ExpressibleByArgument {}
