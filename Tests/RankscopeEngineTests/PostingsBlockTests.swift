import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Postings blocks")
struct PostingsBlockTests {
  @Test("pack and unpack round-trip at every bit width, full and partial blocks")
  func packing() {
    var generator = SeededGenerator(seed: 1)
    for width in 0...32 {
      for count in [1, 7, 127, 128] {
        let values: [UInt32] = (0..<count).map { index in
          let maximum: UInt64 = width == 0 ? 0 : (1 << UInt64(width)) - 1
          return index == 0 ? UInt32(maximum) : UInt32(UInt64.random(in: 0...maximum, using: &generator))
        }
        var bytes: [UInt8] = []
        PostingsBlock.pack(values[...], width: width, into: &bytes)
        #expect(bytes.count == PostingsBlock.packedByteCount(count: count, width: width))
        bytes += [UInt8](repeating: 0, count: 8)
        var decoded = [UInt32](repeating: 9, count: count)
        bytes.withUnsafeBytes { source in
          decoded.withUnsafeMutableBufferPointer { PostingsBlock.unpack(source.baseAddress!, count: count, width: width, into: $0.baseAddress!) }
        }
        #expect(decoded == values, "width \(width), count \(count)")
        if width > 0 { #expect(PostingsBlock.bitWidth(values[0]) == width) }
      }
    }
  }

  /// The postings of `documents` (with frequencies) written and read back through the index format.
  private func roundTrip(_ documents: [UInt32], _ frequencies: [UInt32], documentCount: Int) throws -> (PostingsPointer, IndexReader) {
    let schema = Schema(fields: [Schema.Field(name: "body", type: .text, weight: 2, b: 0.75)])
    let inverted = InvertedFields(terms: [Array("term".utf8)], lists: [[PostingsAccumulator(documents: documents, frequencies: frequencies)]])
    let lengths = (0..<documentCount).map { UInt32(1 + $0 % 17) }
    let files = IndexFormat.write(schema: schema, ids: (0..<documentCount).map { "d\($0)" },
                                  storedDocuments: Array(repeating: Array("{}".utf8), count: documentCount),
                                  textPostings: inverted, keywordPostings: InvertedFields(terms: [], lists: []),
                                  fieldLengths: [lengths], numbers: [], vectors: [])
    let reader = try IndexReader.inMemory(files: files, schema: schema)
    let entry = try #require(try reader.textTerm("term"))
    return (entry.fields[0], reader)
  }

  @Test("lists of many sizes decode to what was written; advance and skip-table bounds hold")
  func lists() throws {
    var generator = SeededGenerator(seed: 2)
    for size in [1, 2, 127, 128, 129, 255, 256, 257, 1000, 3000] {
      let documentCount = 5000
      let documents = Array(Set((0..<size * 3).map { _ in UInt32.random(in: 0..<UInt32(documentCount), using: &generator) })).sorted().prefix(size)
      let frequencies = documents.map { _ in UInt32.random(in: 1...(Bool.random(using: &generator) ? 3 : 70_000), using: &generator) }
      let (pointer, reader) = try roundTrip(Array(documents), frequencies, documentCount: documentCount)
      var decoded: [(Int, Int)] = []
      try reader.forEachPosting(pointer) { decoded.append(($0, $1)) }
      #expect(decoded.map(\.0) == documents.map(Int.init))
      #expect(decoded.map(\.1) == frequencies.map(Int.init))
      // Every posting's w · tf / B is at most its block's bound and the list's bound.
      let average = reader.averageFieldLength(field: 0)
      func weighted(_ document: Int, _ frequency: Int) throws -> Double {
        let normalization = BM25F.lengthNormalization(b: 0.75, length: Double(try reader.fieldLength(field: 0, document: document)), averageLength: average)
        return BM25F.weightedFrequency(weight: 2, termFrequency: Double(frequency), normalization: normalization)
      }
      try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 256) { scratch in
        var cursor = try PostingsCursor(pointer, decoder: reader.postings, scratch: scratch.baseAddress!)
        var index = 0
        while cursor.document != PostingsCursor.exhausted {
          let value = try weighted(cursor.document, cursor.frequency)
          let (blockMaximum, blockSaturation, blockEnd) = cursor.blockBound(for: cursor.document)
          #expect(Double(blockMaximum) >= value && blockEnd >= cursor.document)
          #expect(blockSaturation >= BM25F.saturation(value, k1: 1.2) && pointer.maximumSaturation >= blockSaturation)
          #expect(Double(pointer.maximumWeightedFrequency) >= value)
          #expect(cursor.document == decoded[index].0)
          index += 1
          try cursor.next()
        }
        #expect(index == documents.count)
        // advance(to:) lands on the first document at or after the target.
        var skipping = try PostingsCursor(pointer, decoder: reader.postings, scratch: scratch.baseAddress!)
        for target in stride(from: 0, to: documentCount + 10, by: 97) {
          try skipping.advance(to: target)
          let expected = documents.first { Int($0) >= target }.map(Int.init) ?? PostingsCursor.exhausted
          #expect(skipping.document == expected)
        }
      }
    }
  }
}

@Suite("Index builder")
struct IndexBuilderTests {
  @Test("the interning builder writes the same dictionary, postings and norms as plain analysis with dictionaries")
  func sameFilesAsReference() throws {
    let schema = Schema(fields: [
      Schema.Field(name: "title", type: .text, weight: 2, b: 0.5, analyzer: AnalyzerConfiguration(stopWords: .none, stemmer: .none)),
      Schema.Field(name: "body", type: .text, weight: 1, b: 0.75, analyzer: .english),
      Schema.Field(name: "code", type: .text, weight: 1, b: 0.75,
                   analyzer: AnalyzerConfiguration(lowercase: false, foldAccents: false, stopWords: .none, stemmer: .none)),
    ])
    let texts = ["Crème Brûlée recipe", "THE quick_brown fox's 42 jumps", "naïve café 東京 tower", "", "a-b c.d e/f",
                 "Running RUNNING runs", "x", "Ünïcödé and ASCII mixed", "tab\tand\nnewline\r\nend", "ﬁne ligature"]
    var generator = SeededGenerator(seed: 4)
    var documents: [ImportedDocument] = []
    for index in 0..<300 {
      let fields = (0..<3).map { _ in (0..<Int.random(in: 0...3, using: &generator)).map { _ in texts.randomElement(using: &generator)! }.joined(separator: " ") }
      documents.append(ImportedDocument(id: "d\(index)", texts: fields, keywords: [], numbers: [], vectors: [], stored: .object([])))
    }
    var builder = IndexBuilder(schema: schema)
    for document in documents { builder.add(document) }
    let files = builder.serialize()

    var reference = Array(repeating: [String: PostingsAccumulator](), count: 3)
    var lengths = Array(repeating: [UInt32](), count: 3)
    for (number, document) in documents.enumerated() {
      for field in 0..<3 {
        let terms = Analyzer(configuration: schema.textFields[field].analyzer).terms(document.texts[field])
        lengths[field].append(UInt32(terms.count))
        var counts: [String: UInt32] = [:]
        for term in terms { counts[term, default: 0] += 1 }
        for (term, count) in counts { reference[field][term, default: PostingsAccumulator()].append(UInt32(number), count) }
      }
    }
    let expected = IndexFormat.write(schema: schema, ids: documents.map(\.id), storedDocuments: documents.map { _ in Array("{}".utf8) },
                                     textPostings: InvertedFields(fields: reference), keywordPostings: InvertedFields(terms: [], lists: []),
                                     fieldLengths: lengths, numbers: [], vectors: [])
    for name in ["terms.bin", "postings.bin", "norms.bin"] {
      #expect(files.contents[name] == expected.contents[name], "\(name) differs")
    }
  }
}
