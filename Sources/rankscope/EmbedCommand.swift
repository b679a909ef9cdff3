import ArgumentParser
import Foundation
import RankscopeEncoder
import RankscopeEngine

/// `rankscope embed`: text embeddings with all-MiniLM-L6-v2, for a file of documents or one text.
struct EmbedCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "embed",
    abstract: "Embed documents' text (or one text) with the all-MiniLM-L6-v2 sentence encoder.",
    discussion: """
      With --documents, embeds each document's --fields (joined into one passage) into a vectors file that
      an index build reads (a schema's vector field with "embedding": {"sources": [...], "file": "..."}).
      Vectors are appended to OUT.partial batch by batch and flushed, so an interrupted run loses nothing:
      run the same command again and it carries on; the finished file is renamed to OUT.
      With --text, prints the word pieces, their ids and the vector of one text.
      The model comes from --model, RANKSCOPE_MODEL_DIR or models/all-MiniLM-L6-v2 (scripts/fetch-model.sh).

      Examples:
        rankscope embed --text "rustic farmhouse kitchen" --format json
        rankscope embed --documents SampleData/pins.jsonl --fields title,description --out SampleData/pin-embeddings.rsev
        rankscope embed --documents corpus.jsonl --fields title,text --out corpus.rsev --precision float32
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }
  enum Precision: String, ExpressibleByArgument, CaseIterable { case float16, float32 }

  @Option(help: "Embed this one text.")
  var text: String?

  @Option(help: "Documents to embed, JSON Lines.")
  var documents: String?

  @Option(help: "Comma-separated keys whose text is embedded.")
  var fields = "title,description"

  @Option(help: "Vectors file to write.")
  var out: String?

  @Option(help: "The document id key.")
  var idField = "id"

  @Option(help: "Stored precision: float16 (half the size) or float32.")
  var precision: Precision = .float16

  @Option(help: "Documents per batch (each batch is flushed to disk).")
  var batch = 64

  @Option(help: "Model directory (default: RANKSCOPE_MODEL_DIR or models/all-MiniLM-L6-v2).")
  var model: String?

  @Option(help: "Output format for --text: table or json.")
  var format: Format = .table

  func validate() throws {
    guard (text == nil) != (documents == nil) else { throw ValidationError("give either --text or --documents") }
    if documents != nil, out == nil { throw ValidationError("--documents needs --out") }
    guard batch > 0 else { throw ValidationError("--batch must be positive") }
  }

  func run() throws {
    let embedder: MiniLMEmbedder
    switch MiniLMEmbedder.load(explicitPath: model) {
    case .success(let loaded): embedder = loaded
    case .failure(let error): throw CommandFailure("\(error)")
    }
    if let text {
      try printOne(text, embedder: embedder)
    } else if let documents, let out {
      try embedFile(documents, out: out, embedder: embedder)
    }
  }

  private func printOne(_ text: String, embedder: MiniLMEmbedder) throws {
    let (pieces, ids) = embedder.encoder.tokenizer.encode(text)
    let vector = embedder.encoder.embed(tokenIdentifiers: ids)
    switch format {
    case .json:
      print(JSONWriter.string(.object([
        JSONMember("text", .string(text)),
        JSONMember("pieces", .array(pieces.map { .string($0) })),
        JSONMember("ids", .array(ids.map { .number(Double($0)) })),
        JSONMember("embedding", .array(vector.map { .number(Double($0)) })),
      ])))
    case .table:
      print("pieces (\(pieces.count)): \(pieces.joined(separator: " "))")
      print("ids: \(ids.map(String.init).joined(separator: " "))")
      print("embedding (\(vector.count)): " + vector.prefix(8).map { String(format: "%.4f", $0) }.joined(separator: " ") + " …")
    }
  }

  private func embedFile(_ documents: String, out: String, embedder: MiniLMEmbedder) throws {
    guard let data = FileManager.default.contents(atPath: documents) else {
      throw IndexError.unreadable(path: documents, reason: "no such file")
    }
    let source = Schema.EmbeddingSource(sources: fields.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
    var passages: [(id: String, text: String)] = []
    var skipped = 0
    for (lineNumber, line) in JSONLines.lines(of: Array(data)) {
      guard let value = try? JSONParser.parse(bytes: Array(line)), value.objectMembers != nil else {
        FileHandle.standardError.write(Data("\(documents):\(lineNumber): malformed JSON, skipped\n".utf8))
        skipped += 1
        continue
      }
      let id: String? = value[idField]?.stringValue ?? value[idField]?.numberValue.map { JSONWriter.format($0) }
      guard let id else {
        FileHandle.standardError.write(Data("\(documents):\(lineNumber): no \"\(idField)\", skipped\n".utf8))
        skipped += 1
        continue
      }
      passages.append((id, source.passage(of: value)))
    }
    let partial = out + ".partial"
    let appender = try EmbeddingFile.Appender(path: partial, dimension: embedder.dimension,
                                              precision: precision == .float16 ? .float16 : .float32)
    let remaining = passages.filter { !appender.existingIds.contains($0.id) }
    if !appender.existingIds.isEmpty {
      print("Resuming: \(appender.existingIds.count) of \(passages.count) documents were already embedded")
    }
    var bar = ProgressBar()
    var done = passages.count - remaining.count
    let started = Date()
    var start = 0
    while start < remaining.count {
      let chunk = Array(remaining[start..<min(start + batch, remaining.count)])
      let vectors = embedder.encoder.embed(batch: chunk.map(\.text))
      try appender.append(zip(chunk, vectors).map { (id: $0.0.id, vector: $0.1) })
      done += chunk.count
      start += chunk.count
      bar.update(stage: "embedding \(passages.count) documents", fraction: Double(done) / Double(max(passages.count, 1)))
    }
    try appender.close()
    guard rename(partial, out) == 0 else { throw CommandFailure("cannot rename \(partial) to \(out): \(String(cString: strerror(errno)))") }
    let seconds = Date().timeIntervalSince(started)
    bar.finish(message: "Embedded \(remaining.count) documents in \(String(format: "%.1f", seconds)) s → \(out)"
               + (skipped > 0 ? " (\(skipped) lines skipped)" : ""))
  }
}
