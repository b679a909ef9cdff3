import Foundation

/// Times the sentence encoder the way the peer harness (`/work/shared/bench`, `peers.py encoder`) times
/// onnxruntime, from token identifiers to a normalised vector (tokenisation is not timed):
/// single-thread latency of one 16-piece query, and throughput of batches of 64-piece texts on two threads.
public enum EncoderBenchmark {
  /// The harness's latency input: the 16-piece reference sentence.
  public static let defaultQuery = "Tax algorithms for the computation of compound interest in a time-sharing system"

  /// What one benchmark run measured.
  public struct Report: Sendable, CustomStringConvertible {
    /// Pieces in the latency query, `[CLS]` and `[SEP]` included.
    public let queryPieces: Int
    /// Timed calls per latency pass.
    public let latencyRuns: Int
    /// Median latency in milliseconds: the median over passes of each pass's p50.
    public let latencyP50Milliseconds: Double
    /// 99th-percentile latency in milliseconds: the median over passes of each pass's p99.
    public let latencyP99Milliseconds: Double
    /// Each latency pass's p50 and p99, in milliseconds.
    public let latencyPasses: [LatencyPass]
    /// Texts per batch call.
    public let batchSize: Int
    /// Pieces per text in the throughput batches.
    public let documentPieces: Int
    /// Batch calls per throughput pass.
    public let batchCount: Int
    /// Threads used for batch encoding.
    public let threadCount: Int
    /// Texts encoded per second: the median over passes.
    public let documentsPerSecond: Double
    /// Each throughput pass's texts per second.
    public let documentsPerSecondPasses: [Double]
    /// Whether the kernels of this build use fused multiply-add instructions.
    public let usesFusedMultiplyAdd: Bool

    /// A human-readable summary in the harness's wording.
    public var description: String {
      let passes = documentsPerSecondPasses.map { String(format: "%.1f", $0) }.joined(separator: ", ")
      return """
        encoder: 1 x \(queryPieces) pieces, 1 thread: p50 \(String(format: "%.2f", latencyP50Milliseconds)) ms, \
        p99 \(String(format: "%.2f", latencyP99Milliseconds)) ms (median of \(latencyPasses.count) x \(latencyRuns) calls)
        encoder: batches of \(batchSize) x \(documentPieces) pieces, \(threadCount) threads: \
        \(String(format: "%.1f", documentsPerSecond)) texts/s (median of \(documentsPerSecondPasses.count); runs [\(passes)])
        kernels: \(usesFusedMultiplyAdd ? "fused multiply-add" : "separate multiply and add (build without RANKSCOPE_FMA)")
        """
    }
  }

  /// One latency pass.
  public struct LatencyPass: Sendable {
    /// Median call time in milliseconds.
    public let p50Milliseconds: Double
    /// 99th-percentile call time in milliseconds.
    public let p99Milliseconds: Double
  }

  /// Runs both measurements.
  ///
  /// - Parameters:
  ///   - queryIdentifiers: the latency input (default: ``defaultQuery`` tokenized, 16 pieces).
  ///   - latencyRuns: timed calls per latency pass, after `warmUpRuns` untimed ones.
  ///   - passes: passes of each measurement; the report gives medians over passes.
  ///   - batchSize, batchCount, documentPieces: each throughput pass encodes `batchCount` calls of
  ///     `batchSize` texts of `documentPieces` pieces (`[CLS]`, random ordinary pieces, `[SEP]`).
  ///   - threadCount: threads for batch encoding.
  public static func run(
    encoder: SentenceEncoder, queryIdentifiers: [Int32]? = nil, latencyRuns: Int = 300, warmUpRuns: Int = 20,
    passes: Int = 3, batchSize: Int = 32, batchCount: Int = 10, documentPieces: Int = 64, threadCount: Int = 2,
    seed: UInt64 = 7
  ) -> Report {
    let query = queryIdentifiers ?? encoder.tokenizer.encodeIdentifiers(defaultQuery)
    let clock = ContinuousClock()
    for _ in 0..<warmUpRuns {
      _ = encoder.embed(tokenIdentifiers: query)
    }
    var latencyPasses: [LatencyPass] = []
    for _ in 0..<Swift.max(1, passes) {
      var milliseconds: [Double] = []
      milliseconds.reserveCapacity(latencyRuns)
      for _ in 0..<Swift.max(1, latencyRuns) {
        let start = clock.now
        _ = encoder.embed(tokenIdentifiers: query)
        milliseconds.append(Self.milliseconds(clock.now - start))
      }
      latencyPasses.append(
        LatencyPass(
          p50Milliseconds: percentile(milliseconds, 0.50), p99Milliseconds: percentile(milliseconds, 0.99)))
    }

    var generator = SplitMix64(seed: seed)
    let batches: [[[Int32]]] = (0..<Swift.max(1, batchCount)).map { _ in
      (0..<batchSize).map { _ in
        [encoder.tokenizer.classifierIdentifier]
          + (0..<Swift.max(0, documentPieces - 2)).map { _ in Int32(1996 + Int(generator.next() % (29612 - 1996))) }
          + [encoder.tokenizer.separatorIdentifier]
      }
    }
    _ = encoder.embed(batchOfTokenIdentifiers: batches[0], threadCount: threadCount)
    var throughput: [Double] = []
    for _ in 0..<Swift.max(1, passes) {
      let start = clock.now
      for batch in batches {
        _ = encoder.embed(batchOfTokenIdentifiers: batch, threadCount: threadCount)
      }
      throughput.append(Double(batches.count * batchSize) / (Self.milliseconds(clock.now - start) / 1000))
    }

    return Report(
      queryPieces: query.count, latencyRuns: latencyRuns,
      latencyP50Milliseconds: median(latencyPasses.map(\.p50Milliseconds)),
      latencyP99Milliseconds: median(latencyPasses.map(\.p99Milliseconds)),
      latencyPasses: latencyPasses, batchSize: batchSize, documentPieces: documentPieces, batchCount: batches.count,
      threadCount: threadCount, documentsPerSecond: median(throughput), documentsPerSecondPasses: throughput,
      usesFusedMultiplyAdd: VectorMath.usesFusedMultiplyAdd)
  }

  /// A duration in milliseconds.
  private static func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1000 + Double(attoseconds) / 1e15
  }

  /// The `fraction` quantile with linear interpolation between order statistics (numpy's default).
  static func percentile(_ values: [Double], _ fraction: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let position = fraction * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = Swift.min(lower + 1, sorted.count - 1)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
  }

  /// The median (mean of the middle two for an even count).
  static func median(_ values: [Double]) -> Double {
    percentile(values, 0.5)
  }
}

/// A small, fast, seedable generator (Steele, Lea and Flood, "Fast Splittable Pseudorandom Number
/// Generators", OOPSLA 2014), so benchmark inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  /// A generator whose sequence is fixed by `seed`.
  init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
