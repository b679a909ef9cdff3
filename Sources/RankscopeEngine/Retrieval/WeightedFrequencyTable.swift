/// Precomputed BM25F weighted frequencies `w · tf / B(dl)` of every text field for small term frequencies and
/// field lengths, so the pruned scorer replaces two divisions per posting with a load.
///
/// Each entry is computed by `BM25F.lengthNormalization` and `BM25F.weightedFrequency` from the same inputs
/// (the same `avgdl` double) the scorer would pass, so a looked-up value is bit-identical to a computed one.
/// The table also holds each entry's saturation `BM25F.saturation(w · tf / B, k1)` (same function, same
/// input, so the same bits), which a term with one field's list needs: a load instead of a division.
struct WeightedFrequencyTable: Sendable {
  /// Field lengths below this are tabulated.
  static let lengthLimit = 128
  /// Term frequencies from 1 up to this are tabulated.
  static let frequencyLimit = 8

  private let values: [Double]
  /// `BM25F.saturation` of each entry of `values`, with the schema's `k1`.
  let saturations: [Double]

  /// The table for `schema`'s text fields with the given average field lengths.
  init(schema: Schema, averages: [Double]) {
    var values: [Double] = []
    values.reserveCapacity(averages.count * Self.lengthLimit * Self.frequencyLimit)
    for (field, definition) in schema.textFields.enumerated() {
      for length in 0..<Self.lengthLimit {
        let normalization = BM25F.lengthNormalization(b: definition.b, length: Double(length), averageLength: averages[field])
        for frequency in 1...Self.frequencyLimit {
          values.append(BM25F.weightedFrequency(weight: definition.weight, termFrequency: Double(frequency),
                                                normalization: normalization))
        }
      }
    }
    self.values = values
    saturations = values.map { BM25F.saturation($0, k1: schema.k1) }
  }

  /// The position of a tabulated (`field`, `frequency`, `length`) in `saturations`, or nil.
  @inline(__always)
  static func slot(field: Int, frequency: Int, length: Int) -> Int? {
    guard length < lengthLimit, frequency <= frequencyLimit, frequency >= 1 else { return nil }
    return (field * lengthLimit + length) * frequencyLimit + frequency - 1
  }

  /// `w · tf / B` of field `field` for a posting, from the table when tabulated.
  @inline(__always)
  func weightedFrequency(field: Int, frequency: Int, length: Int, weight: Double, b: Double, average: Double) -> Double {
    if length < Self.lengthLimit, frequency <= Self.frequencyLimit, frequency >= 1 {
      return values[(field * Self.lengthLimit + length) * Self.frequencyLimit + frequency - 1]
    }
    let normalization = BM25F.lengthNormalization(b: b, length: Double(length), averageLength: average)
    return BM25F.weightedFrequency(weight: weight, termFrequency: Double(frequency), normalization: normalization)
  }
}
