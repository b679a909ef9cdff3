import Foundation
import Testing

@testable import RankscopeEncoder

/// The encoder against the shared reference vectors (a float64 forward pass) and known similarities.
@Suite("SentenceEncoder")
struct SentenceEncoderTests {
  @Test(
    "Word-piece identifiers equal the reference for every sentence",
    .enabled(if: TestResources.tokenizer != nil && !TestResources.referenceSentences.isEmpty,
             TestResources.missingReferenceReason))
  func identifiersMatchReference() throws {
    let tokenizer = try #require(TestResources.tokenizer)
    #expect(TestResources.referenceSentences.count == 30)
    for sentence in TestResources.referenceSentences {
      let encoded = tokenizer.encode(sentence.text)
      #expect(encoded.ids == sentence.ids, "ids differ for \(sentence.text.debugDescription)")
      #expect(encoded.pieces == sentence.tokens, "pieces differ for \(sentence.text.debugDescription)")
    }
  }

  @Test(
    "Embeddings have cosine ≥ 0.9999 with the reference, one at a time and in a batch",
    .enabled(if: TestResources.canRunReference, TestResources.cannotRunModelReason))
  func embeddingsMatchReference() throws {
    let encoder = try #require(TestResources.encoder, "the model failed to load")
    let sentences = TestResources.referenceSentences
    let batch = encoder.embed(batch: sentences.map(\.text))
    #expect(batch.count == sentences.count)
    var minimum = 1.0
    for (index, sentence) in sentences.enumerated() {
      let single = encoder.embed(sentence.text)
      #expect(single.count == 384)
      let cosine = TestResources.cosine(single, sentence.embedding)
      let batchCosine = TestResources.cosine(batch[index], sentence.embedding)
      minimum = min(minimum, cosine, batchCosine)
      #expect(cosine >= 0.9999, "cosine \(cosine) for \(sentence.text.debugDescription)")
      #expect(batchCosine >= 0.9999, "batch cosine \(batchCosine) for \(sentence.text.debugDescription)")
      let norm = single.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
      #expect(abs(norm - 1) < 1e-5)
    }
    print("SentenceEncoder: minimum cosine with the reference over \(sentences.count) sentences: \(minimum)")
  }

  @Test(
    "cos(\"A man is eating food.\", \"A man is eating a piece of bread.\") ≈ 0.755",
    .enabled(if: TestResources.canRunModel, TestResources.cannotRunModelReason))
  func knownSimilarity() throws {
    let encoder = try #require(TestResources.encoder, "the model failed to load")
    let cosine = TestResources.cosine(
      encoder.embed("A man is eating food."), encoder.embed("A man is eating a piece of bread."))
    #expect(abs(cosine - 0.755) < 0.001, "cosine \(cosine)")
    let unrelated = TestResources.cosine(
      encoder.embed("A man is eating food."), encoder.embed("The stock market fell sharply today."))
    #expect(unrelated < cosine)
  }

  @Test(
    "Batch encoding equals one-at-a-time encoding, in order, for mixed lengths and thread counts",
    .enabled(if: TestResources.canRunModel, TestResources.cannotRunModelReason))
  func batchEqualsSingle() throws {
    let encoder = try #require(TestResources.encoder, "the model failed to load")
    let texts = ["", "a", "nail art", String(repeating: "chocolate cake recipe ", count: 40), "中文 搜索", "ok."]
    let singles = texts.map { encoder.embed($0) }
    for threads in [1, 2, 3] {
      let batch = encoder.embed(batchOfTokenIdentifiers: texts.map { encoder.tokenizer.encodeIdentifiers($0) },
                                threadCount: threads)
      #expect(batch.count == texts.count)
      for (single, batched) in zip(singles, batch) {
        let difference = zip(single, batched).map { abs($0 - $1) }.max() ?? 0
        #expect(difference < 1e-5)
      }
    }
    #expect(encoder.embed(batch: []).isEmpty)
  }

  @Test(
    "A query embedded with its dense layers' columns shared among threads equals the one-thread vector exactly",
    .enabled(if: TestResources.canRunModel, TestResources.cannotRunModelReason))
  func threadedQueryEqualsSingle() throws {
    let encoder = try #require(TestResources.encoder, "the model failed to load")
    for text in ["", "a", "farmhouse kitchen open shelving", String(repeating: "chocolate cake recipe ", count: 40)] {
      let single = encoder.embed(text)
      for threads in [2, 3, 8] { #expect(encoder.embed(text, threadCount: threads) == single, "\(text) on \(threads)") }
    }
  }

  @Test(
    "Identifier input: empty gives zeros, out-of-vocabulary counts as [UNK], over-long is cut",
    .enabled(if: TestResources.canRunModel, TestResources.cannotRunModelReason))
  func identifierEdgeCases() throws {
    let encoder = try #require(TestResources.encoder, "the model failed to load")
    #expect(encoder.dimension == 384)
    #expect(encoder.embed(tokenIdentifiers: []) == [Float](repeating: 0, count: 384))
    let mixed = encoder.embed(batchOfTokenIdentifiers: [[], [101, 102], []], threadCount: 2)
    #expect(mixed[0] == [Float](repeating: 0, count: 384) && mixed[2] == mixed[0])
    #expect(mixed[1] == encoder.embed(tokenIdentifiers: [101, 102]))
    let unknown = encoder.embed(tokenIdentifiers: [101, 100, 102])
    let outOfRange = encoder.embed(tokenIdentifiers: [101, 99_999, 102])
    let negative = encoder.embed(tokenIdentifiers: [101, -5, 102])
    #expect(unknown == outOfRange)
    #expect(unknown == negative)
    let long = [Int32](repeating: 2000, count: 600)
    #expect(encoder.embed(tokenIdentifiers: long) == encoder.embed(tokenIdentifiers: Array(long.prefix(512))))
  }

  @Test(
    "A truncated or re-shaped copy of the real model fails to load with the tensor named",
    .enabled(if: TestResources.hasModel, TestResources.missingModelReason))
  func corruptModelCopies() throws {
    let source = try #require(TestResources.modelDirectory)
    let directory = try TestResources.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.copyItem(
      at: source.appendingPathComponent("vocab.txt"), to: directory.appendingPathComponent("vocab.txt"))
    let original = try Data(contentsOf: source.appendingPathComponent("model.safetensors"), options: .alwaysMapped)
    let modelURL = directory.appendingPathComponent("model.safetensors")

    // Truncated mid-data: the header is intact, the last tensors' data is gone.
    try original.prefix(original.count / 2).write(to: modelURL)
    #expect {
      try SentenceEncoder(modelDirectory: directory)
    } throws: { error in
      guard case .invalidTensorOffsets(_, let tensor, let reason) = error as? EncoderError else { return false }
      return !tensor.isEmpty && reason.contains("truncated")
    }

    // Same bytes, but the header claims another shape for one tensor (same element count).
    let headerLength = Int(original.prefix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
    var header = String(decoding: original[8..<(8 + headerLength)], as: UTF8.self)
    let target = "\"embeddings.LayerNorm.weight\":{\"dtype\":\"F32\",\"shape\":[384]"
    try #require(header.contains(target), "the header is not laid out as expected")
    header = header.replacingOccurrences(
      of: target, with: "\"embeddings.LayerNorm.weight\":{\"dtype\":\"F32\",\"shape\":[2,192]")
    var modified = Data()
    var length = UInt64(header.utf8.count).littleEndian
    modified.append(Data(bytes: &length, count: 8))
    modified.append(Data(header.utf8))
    modified.append(original[(8 + headerLength)...])
    try modified.write(to: modelURL)
    #expect(throws: EncoderError.wrongShape(
      path: modelURL.path, tensor: "embeddings.LayerNorm.weight", expected: [384], found: [2, 192])) {
      try SentenceEncoder(modelDirectory: directory)
    }
  }
}
