import Foundation
import Testing
@testable import RankscopeEngine

/// Rank profiles: the format, the checks made on load (with file, line and reason), and the library.
@Suite("Rank profiles")
struct RankProfileTests {
  private let context = RankProfileContext(
    generators: ["bm25f", "ann:text_embedding", "popular:category"],
    features: ["bm25f", "bm25_title", "text_cosine", "log_saves"],
    vectorFields: ["visual", "text_embedding"], labelFields: ["type", "board", "category"],
    fileExists: { $0.hasSuffix("/models/good.json") })

  private let full = """
    {
      "name": "full",
      "description": "every stage",
      "retrieve": {
        "generators": {"bm25f": 1000, "ann:text_embedding": 200},
        "fusion": {"method": "weighted", "normalization": "zscore", "weights": {"ann:text_embedding": 0.5}}
      },
      "l1": {"keep": 200, "weights": {"bm25f": 1.0, "text_cosine": 4}, "bias": -1},
      "l2": {"model": "models/good.json", "keep": 50},
      "blend": {"keep": 20, "mmr_lambda": 0.7, "similarity": "visual", "near_duplicate": 0.98,
                "type_field": "type", "type_quotas": {"video": 0.4}, "board_field": "board", "max_per_board": 2}
    }
    """

  private func parse(_ text: String) throws(RankProfileError) -> RankProfile {
    try RankProfileParser.parse(text, source: "/profiles/p.json", context: context)
  }

  private func failure(_ text: String) -> RankProfileError? {
    do {
      _ = try parse(text)
      return nil
    } catch {
      return error
    }
  }

  @Test("a profile with every stage is read whole")
  func everyStage() throws {
    let profile = try parse(full)
    #expect(profile.name == "full" && profile.summary == "every stage")
    #expect(profile.retrieval.generators.map(\.name) == ["bm25f", "ann:text_embedding"])
    #expect(profile.retrieval.generators.map(\.depth) == [1000, 200])
    #expect(profile.retrieval.fusion.method == .weighted && profile.retrieval.fusion.normalization == .zscore)
    #expect(profile.retrieval.fusion.weights == ["bm25f": 1, "ann:text_embedding": 0.5])
    #expect(profile.l1?.keep == 200 && profile.l1?.bias == -1)
    #expect(profile.l1?.weights.map(\.feature) == ["bm25f", "text_cosine"])
    #expect(profile.l2 == RankProfile.ModelStage(modelPath: "/profiles/models/good.json", keep: 50))
    let blend = try #require(profile.blend)
    #expect(blend.settings == BlendSettings(keep: 20, mmrLambda: 0.7, typeQuotas: ["video": 0.4], maxPerBoard: 2,
                                            nearDuplicateThreshold: 0.98))
    #expect(blend.similarityField == "visual" && blend.typeField == "type" && blend.boardField == "board")
    #expect(profile.stageSummary == "bm25f 1000 + ann:text_embedding 200 → weighted → L1 200 → L2 50 → blend 20")
  }

  @Test("the name defaults to the file's; a minimal profile needs only generators")
  func minimal() throws {
    let profile = try parse(#"{"retrieve": {"generators": {"bm25f": 10}}}"#)
    #expect(profile.name == "p" && profile.l1 == nil && profile.l2 == nil && profile.blend == nil)
    #expect(profile.stageSummary == "bm25f 10")
  }

  @Test("broken JSON names the line")
  func brokenJSON() {
    let error = failure("{\n  \"name\": \"x\",\n  \"retrieve\": {\"generators\": {\"bm25f\": 10}\n  oops\n}")
    #expect(error?.file == "/profiles/p.json")
    #expect(error?.line == 4)
    #expect(error?.reason.contains("not valid JSON") == true)
  }

  @Test("an unknown feature is refused on its line, with the closest names suggested")
  func unknownFeature() {
    let text = full.replacingOccurrences(of: "\"text_cosine\": 4", with: "\"text_cosin\": 4")
    let error = failure(text)
    #expect(error?.line == 8)
    #expect(error?.reason.contains("l1.weights.text_cosin: unknown feature \"text_cosin\"; did you mean \"text_cosine\"?") == true,
            "\(String(describing: error))")
  }

  @Test("a missing model file is refused, resolved against the profile's folder")
  func missingModel() {
    let error = failure(full.replacingOccurrences(of: "models/good.json", with: "models/absent.json"))
    #expect(error?.line == 9)
    #expect(error?.reason.contains("/profiles/models/absent.json does not exist") == true, "\(String(describing: error))")
  }

  @Test("bad numbers, misspelt keys, unknown generators and fields are refused with the reason", arguments: [
    ("\"keep\": 200", "\"keep\": 0", "l1.keep: 0.0 is out of range"),
    ("\"keep\": 200", "\"keep\": 2.5", "l1.keep: expected a whole number"),
    ("\"keep\": 200", "\"keep\": \"many\"", "l1.keep: expected a whole number"),
    ("\"mmr_lambda\": 0.7", "\"mmr_lambda\": 1.7", "blend.mmr_lambda: 1.7 is out of range"),
    ("\"mmr_lambda\": 0.7", "\"mmr_lamda\": 0.7", "unknown key \"mmr_lamda\"; did you mean \"mmr_lambda\"?"),
    ("\"bm25f\": 1000", "\"bm25\": 1000", "unknown generator \"bm25\"; did you mean \"bm25f\"?"),
    ("\"similarity\": \"visual\"", "\"similarity\": \"colour\"", "\"colour\" is not a vector field"),
    ("\"keep\": 50}", "\"keep\": 500}", "l2 keeps 500 but l1 hands on only 200"),
    ("\"video\": 0.4", "\"video\": 1e999", "blend.type_quotas.video: inf is out of range"),
    ("\"method\": \"weighted\"", "\"method\": \"borda\"", "fusion method must be one of"),
    ("\"weights\": {\"ann:text_embedding\": 0.5}", "\"weights\": {\"popular:category\": 0.5}", "not among this profile's generators"),
  ])
  func refusals(original: String, replacement: String, expected: String) {
    let text = full.replacingOccurrences(of: original, with: replacement)
    #expect(text != full)
    let error = failure(text)
    #expect(error?.reason.contains(expected) == true, "\(String(describing: error))")
    #expect(error?.line != nil)
  }

  @Test("MMR without a similarity field, and quotas without a type field, are refused")
  func blendNeedsFields() {
    let noSimilarity = full.replacingOccurrences(of: "\"similarity\": \"visual\", ", with: "")
    #expect(failure(noSimilarity)?.reason.contains("name one with \"similarity\"") == true)
    let noType = full.replacingOccurrences(of: "\"type_field\": \"type\", ", with: "")
    #expect(failure(noType)?.reason.contains("type quotas need \"type_field\"") == true)
  }

  @Test("odd inputs never crash: empty, not an object, duplicate keys, deep nesting, odd Unicode")
  func oddInputs() {
    #expect(failure("")?.reason.contains("not valid JSON") == true)
    #expect(failure("[1, 2]")?.reason.contains("expected an object") == true)
    #expect(failure(#"{"retrieve": {"generators": {"bm25f": 1, "bm25f": 2}}}"#)?.reason.contains("appears twice") == true)
    #expect(failure(String(repeating: "[", count: 10_000)) != nil)
    #expect(failure(#"{"name": "ünï cödé 🎉", "retrieve": {"generators": {"bm25f": 1}}}"#)?.reason.contains("may hold only") == true)
    #expect(failure(#"{"retrieve": {"generators": {"bm25f": 1e300}}}"#)?.reason.contains("out of range") == true)
    #expect(failure(#"{"description": "no retrieve"}"#)?.reason.contains("missing \"retrieve\"") == true)
  }

  @Test("the library loads every profile of its folders, reports bad files and duplicate names, and finds by name")
  func library() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-profiles-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try #"{"name": "b", "retrieve": {"generators": {"bm25f": 10}}}"#.write(to: folder.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
    try #"{"name": "a", "retrieve": {"generators": {"ann:text_embedding": 10}}}"#.write(to: folder.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
    try #"{"name": "a", "retrieve": {"generators": {"bm25f": 5}}}"#.write(to: folder.appendingPathComponent("c.json"), atomically: true, encoding: .utf8)
    try "{ broken".write(to: folder.appendingPathComponent("d.json"), atomically: true, encoding: .utf8)
    try "not a profile".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let library = RankProfileLibrary.load(folders: [folder.path, "/no/such/folder"], context: context)
    #expect(library.profiles.map(\.name) == ["a", "b"])
    #expect(library.problems.count == 2)
    #expect(library.problems.contains { $0.file.hasSuffix("c.json") && $0.reason.contains("already loaded") })
    #expect(library.problems.contains { $0.file.hasSuffix("d.json") && $0.reason.contains("not valid JSON") })
    #expect(try library.profile(named: "b").retrieval.generators.first?.depth == 10)
    #expect(throws: QueryError.self) { try library.profile(named: "bb") }
  }

  @Test("the sample world's profiles load against its schema")
  func sampleProfiles() throws {
    let sample = TestCorpus.repositoryRoot.appendingPathComponent("SampleData")
    let schema = try IndexBuild.readSchema(path: sample.appendingPathComponent("schema.json").path)
    let library = RankProfileLibrary.load(folders: [sample.appendingPathComponent("profiles").path],
                                          context: RankProfileContext(schema: schema))
    #expect(library.problems.isEmpty, "\(library.problems)")
    #expect(library.profiles.map(\.name) == ["bm25", "hybrid", "hybrid-diverse", "hybrid-intent", "hybrid-l1", "hybrid-l2", "hybrid-l2-diverse", "hybrid-personal"])
  }
}
