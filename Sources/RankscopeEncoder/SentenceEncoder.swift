import Foundation

/// The all-MiniLM-L6-v2 sentence encoder: text in, a 384-dimensional unit vector out.
///
/// A float32 BERT forward pass in pure Swift (Devlin et al., "BERT", NAACL 2019; the 6-layer MiniLM of Wang
/// et al., NeurIPS 2020, as fine-tuned by sentence-transformers, Reimers and Gurevych, "Sentence-BERT",
/// EMNLP 2019), followed by mean pooling over the real tokens and L2 normalisation, so the inner product of
/// two embeddings is their cosine similarity.
///
/// The weights are read once and shared; every call allocates its own scratch memory, so one encoder can be
/// used from any number of threads at once. ``embed(_:)`` runs on the calling thread; ``embed(batch:)``
/// spreads the texts over all cores.
public final class SentenceEncoder: Sendable {
  /// The tokenizer matching the model's vocabulary.
  public let tokenizer: WordPieceTokenizer

  /// The directory the model was loaded from.
  public let modelDirectory: URL

  /// The packed weights.
  let weights: BertModelWeights

  /// Token rows per forward pass in batch encoding: several short texts share one pass over the weights.
  static let batchRowBudget = 256

  /// Loads the model from a directory holding `model.safetensors` and `vocab.txt` (and optionally
  /// `config.json`, which is then checked); see ``ModelLocator`` to find it.
  public init(modelDirectory: URL) throws(EncoderError) {
    try Self.checkProcessor()
    self.modelDirectory = modelDirectory
    try MiniLMArchitecture.checkConfiguration(at: modelDirectory.appendingPathComponent("config.json"))
    let vocabularyURL = modelDirectory.appendingPathComponent("vocab.txt")
    tokenizer = try WordPieceTokenizer(vocabularyURL: vocabularyURL)
    guard tokenizer.vocabularySize <= MiniLMArchitecture.vocabularySize else {
      throw .invalidVocabulary(
        path: vocabularyURL.path,
        reason: "it has \(tokenizer.vocabularySize) pieces but the model embeds only \(MiniLMArchitecture.vocabularySize)")
    }
    let file = try SafetensorsFile(url: modelDirectory.appendingPathComponent("model.safetensors"))
    weights = try BertModelWeights(file: file)
  }

  /// Whether this module was compiled with optimisation. Unoptimised (a plain debug build), one forward pass
  /// takes seconds instead of milliseconds; give the target `-O` in Package.swift for usable debug builds.
  public static var isOptimizedBuild: Bool { !_isDebugAssertConfiguration() }

  /// Length of every embedding.
  public var dimension: Int { MiniLMArchitecture.hiddenSize }

  /// The longest sequence of token identifiers the model reads; longer ones are cut.
  public var maximumSequenceLength: Int { MiniLMArchitecture.maximumPositions }

  /// The embedding of one text (tokenized with ``tokenizer``, so at most 256 pieces), on the calling thread
  /// (with `threadCount` above 1, each dense layer's output columns are shared among that many threads: the
  /// same vector, sooner, for a query that must be embedded while the user types).
  public func embed(_ text: String, threadCount: Int = 1) -> [Float] {
    embed(tokenIdentifiers: tokenizer.encodeIdentifiers(text), threadCount: threadCount)
  }

  /// The embeddings of many texts, in order, computed on all cores.
  public func embed(batch texts: [String]) -> [[Float]] {
    embed(batchOfTokenIdentifiers: texts.map { tokenizer.encodeIdentifiers($0) })
  }

  /// The embedding of an already tokenized text (with its `[CLS]` and `[SEP]`), on the calling thread.
  ///
  /// Identifiers outside the vocabulary count as `[UNK]`; only the first ``maximumSequenceLength`` are
  /// read; an empty sequence gives the zero vector.
  public func embed(tokenIdentifiers: [Int32], threadCount: Int = 1) -> [Float] {
    let sequence = sanitize(tokenIdentifiers)
    guard !sequence.isEmpty else { return [Float](repeating: 0, count: dimension) }
    let workspace = EncoderWorkspace(rowCapacity: sequence.count, sequenceCapacity: sequence.count)
    return [Float](unsafeUninitializedCapacity: dimension) { buffer, initializedCount in
      buffer.initialize(repeating: 0)
      forward(sequences: [sequence], workspace: workspace, output: buffer.baseAddress!, threadCount: threadCount)
      initializedCount = dimension
    }
  }

  /// The embeddings of already tokenized texts, in order, spread over `threadCount` threads (default: one
  /// per active processor). Short texts are grouped so that one pass over the weights serves several.
  /// Identifiers are treated as in ``embed(tokenIdentifiers:)``.
  public func embed(batchOfTokenIdentifiers batch: [[Int32]], threadCount: Int? = nil) -> [[Float]] {
    let sequences = batch.map { sanitize($0) }
    let chunks = Self.chunk(sequences, rowBudget: Self.batchRowBudget)
    let output = AlignedFloatBuffer(count: sequences.count * dimension)
    let workerCount = Swift.max(1, Swift.min(threadCount ?? ProcessInfo.processInfo.activeProcessorCount, chunks.count))
    let queue = ChunkQueue(count: chunks.count)

    let work: @Sendable (Int) -> Void = { _ in
      var workspace: EncoderWorkspace?
      while let chunkIndex = queue.next() {
        let chunk = chunks[chunkIndex]
        let chunkSequences = Array(sequences[chunk])
        let rows = chunkSequences.reduce(0) { $0 + $1.count }
        let longest = chunkSequences.map(\.count).max() ?? 0
        if workspace == nil || workspace!.rowCapacity < rows || workspace!.sequenceCapacity < longest {
          workspace = EncoderWorkspace(
            rowCapacity: Swift.max(rows, Self.batchRowBudget), sequenceCapacity: Swift.max(longest, 1))
        }
        self.forward(
          sequences: chunkSequences, workspace: workspace!,
          output: output.baseAddress + chunk.lowerBound * self.dimension)
      }
    }
    if workerCount == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: workerCount, execute: work)
    }
    return (0..<sequences.count).map { index in
      Array(UnsafeBufferPointer(start: output.baseAddress + index * dimension, count: dimension))
    }
  }

  /// Clips a sequence to the model's positions and maps identifiers outside the vocabulary to `[UNK]`.
  private func sanitize(_ identifiers: [Int32]) -> [Int32] {
    let vocabularySize = Int32(MiniLMArchitecture.vocabularySize)
    return identifiers.prefix(maximumSequenceLength).map {
      (0..<vocabularySize).contains($0) ? $0 : tokenizer.unknownIdentifier
    }
  }

  /// Groups consecutive sequences into chunks of at most `rowBudget` tokens (a longer sequence alone).
  static func chunk(_ sequences: [[Int32]], rowBudget: Int) -> [Range<Int>] {
    var chunks: [Range<Int>] = []
    var start = 0
    var rows = 0
    for (index, sequence) in sequences.enumerated() {
      if index > start && rows + sequence.count > rowBudget {
        chunks.append(start..<index)
        start = index
        rows = 0
      }
      rows += sequence.count
    }
    if start < sequences.count { chunks.append(start..<sequences.count) }
    return chunks
  }

  /// Refuses to run a build compiled for AVX2 and FMA (`RANKSCOPE_FMA`) on an x86-64 processor without them,
  /// which would otherwise die of an illegal instruction (best effort: reads `/proc/cpuinfo`).
  private static func checkProcessor() throws(EncoderError) {
    #if RANKSCOPE_FMA && arch(x86_64) && os(Linux)
    guard let information = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let flagsLine = information.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return }
    let flags = Set(flagsLine.split(separator: " ").map(String.init))
    let missing = ["avx2", "fma"].filter { !flags.contains($0) }
    if !missing.isEmpty {
      throw .unsupportedProcessor(
        reason: "this build of the encoder needs AVX2 and FMA, and the processor lacks \(missing.joined(separator: ", "))")
    }
    #endif
  }
}

/// Hands out chunk indexes to worker threads, each exactly once.
private final class ChunkQueue: @unchecked Sendable {
  private let lock = NSLock()
  private let count: Int
  private var nextIndex = 0

  init(count: Int) {
    self.count = count
  }

  /// The next chunk to encode, or `nil` when all are taken.
  func next() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard nextIndex < count else { return nil }
    nextIndex += 1
    return nextIndex - 1
  }
}
