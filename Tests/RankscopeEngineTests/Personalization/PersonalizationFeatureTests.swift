import Foundation
import Testing

@testable import RankscopeEngine

@Suite("Personalization features")
struct PersonalizationFeatureTests {
  typealias Corpus = PersonalizationTestCorpus
  static let names = [
    "user_similarity", "interest_similarity", "category_affinity", "content_type_affinity", "board_affinity",
    "domain_affinity", "seen_before", "hidden_before",
  ]

  private func setup() throws -> (SearchEngine, FeatureExtractor, UserProfile) {
    let engine = try Corpus.engine()
    return (engine, try engine.featureExtractor(), try Corpus.directory(engine: engine).profiles[0])
  }

  @Test("the registry lists every personalization feature in its group, after the others")
  func registry() throws {
    let registry = FeatureRegistry(schema: Corpus.schema)
    #expect(registry.definitions.filter { $0.group == .personalization }.map(\.name) == Self.names)
    #expect(registry.definitions(personalized: false).allSatisfy { $0.group != .personalization })
    #expect(PersonalizationSignal.allCases.map(\.featureName) == Self.names)
    // A schema without the fields omits the features that need them, with the reason.
    let plain = FeatureRegistry(schema: TestCorpus.plainSchema)
    #expect(plain.definitions.filter { $0.group == .personalization }.map(\.name) == ["seen_before", "hidden_before"])
    #expect(plain.omitted.first { $0.name == "board_affinity" }?.reason == "needs a field \"board\"; the schema has none")
  }

  @Test("values by hand: cosine to the user and interests, affinities, seen and hidden")
  func values() throws {
    let (_, extractor, profile) = try setup()
    let context = try extractor.context(query: "apple", user: UserContext(profile: profile))
    let features = try Self.names.map { try extractor.registry.definition(named: $0) }
    let matrix = try extractor.values(
      candidates: (0..<5).map { FeatureCandidate(document: $0) }, features: features, context: context)
    func value(_ document: Int, _ name: String) -> Double { matrix[document, Self.names.firstIndex(of: name)!] }
    let norm = (2.25 * 2.25 + 1.5 * 1.5).squareRoot()
    // c = (1, 1, 0): cosine (2.25 + 1.5) / (‖u‖ · √2), in float32.
    #expect(abs(value(2, "user_similarity") - 3.75 / (norm * 2.0.squareRoot())) < 1e-6)
    #expect(abs(value(0, "user_similarity") - 2.25 / norm) < 1e-6)
    #expect(value(3, "user_similarity") == 0 && value(4, "user_similarity") == 0)
    #expect(abs(value(2, "interest_similarity") - 0.5.squareRoot()) < 1e-6)
    #expect(value(0, "interest_similarity") == 1 && value(3, "interest_similarity") == 0)
    #expect(value(3, "category_affinity") == 2.25 / 3.75 && value(1, "category_affinity") == 1.5 / 3.75)
    #expect(value(2, "category_affinity") == 0)
    #expect(value(4, "content_type_affinity") == 2.25 / 3.75 && value(3, "content_type_affinity") == 0)
    #expect(value(3, "board_affinity") == 2.25 / 3.75 && value(4, "domain_affinity") == 1.5 / 3.75)
    #expect((0..<5).map { value($0, "seen_before") } == [1, 1, 0, 0, 0])
    #expect((0..<5).map { value($0, "hidden_before") } == [0, 0, 1, 0, 0])
  }

  @Test("explanations equal the values bit for bit, pass the checker and list the contributing history")
  func explanations() throws {
    let (_, extractor, profile) = try setup()
    let context = try extractor.context(query: "apple", user: UserContext(profile: profile))
    let features = try Self.names.map { try extractor.registry.definition(named: $0) }
    for document in 0..<5 {
      let candidate = FeatureCandidate(document: document)
      let row = try extractor.values(candidates: [candidate], features: features, context: context)
      let explained = try extractor.explain(features: features, candidate: candidate, context: context)
      for (column, explanation) in explained.enumerated() {
        #expect(explanation.value == row[0, column], "\(Self.names[column]) of document \(document)")
        #expect(
          ExplanationChecker.mismatches(in: explanation).isEmpty,
          "\(Self.names[column]): \(ExplanationChecker.mismatches(in: explanation))")
        #expect(explanation.label.hasPrefix(Self.names[column]))
      }
    }
    let similarity = try extractor.explain(feature: "user_similarity", candidate: FeatureCandidate(document: 2), context: context)
    #expect(similarity.children.contains { $0.label.hasPrefix("a \"apple pie\": weight 2.25 over 2 events") })
    let interest = try extractor.explain(
      feature: "interest_similarity", candidate: FeatureCandidate(document: 0), context: context)
    #expect(interest.combination == .max && interest.label.contains("nearest is interest 1 \"baking\""))
    let category = try extractor.explain(feature: "category_affinity", candidate: FeatureCandidate(document: 3), context: context)
    let weights = category.children[0].children
    #expect(weights.map(\.value) == [2, 0.25])
    #expect(weights[0].label.hasPrefix("click of a \"apple pie\" 0 days ago from the search \"apple\": weight 2"))
    let hidden = try extractor.explain(feature: "hidden_before", candidate: FeatureCandidate(document: 2), context: context)
    #expect(hidden.children.first?.label.hasPrefix("hide of c") == true)
  }

  @Test("anonymous searches read 0 and say so; a signal that is off reads 0 and says off")
  func anonymousAndToggles() throws {
    let (_, extractor, profile) = try setup()
    let features = try Self.names.map { try extractor.registry.definition(named: $0) }
    let anonymous = try extractor.context(query: "apple")
    let off = try extractor.context(query: "apple", user: UserContext(profile: profile, enabledSignals: [.hiddenBefore]))
    for document in 0..<5 {
      let candidate = FeatureCandidate(document: document)
      #expect(try extractor.values(candidates: [candidate], features: features, context: anonymous).values.allSatisfy { $0 == 0 })
      for explanation in try extractor.explain(features: features, candidate: candidate, context: anonymous) {
        #expect(explanation.label.contains("anonymous search (no user)"))
      }
      let values = try extractor.values(candidates: [candidate], features: features, context: off).values
      #expect(values.dropLast().allSatisfy { $0 == 0 })
      #expect(values.last == (document == 2 ? 1 : 0))
      let explained = try extractor.explain(features: features, candidate: candidate, context: off)
      #expect(explained[2].label == "category_affinity: 0: category_affinity is off for user u1")
    }
  }

  @Test("a profile weighting personalization re-ranks for the user, explains exactly, and is unchanged for anonymous searches")
  func profileSearch() throws {
    let (engine, _, profile) = try setup()
    let context = RankProfileContext(schema: Corpus.schema)
    let personal = try RankProfileParser.parse(
      #"""
      {"retrieve": {"generators": {"bm25f": 100}},
       "l1": {"keep": 10, "weights": {"bm25f": 1, "category_affinity": 5, "user_similarity": 1, "hidden_before": -10}}}
      """#, source: "/p/personal.json", context: context)
    let plain = try RankProfileParser.parse(
      #"{"retrieve": {"generators": {"bm25f": 100}}, "l1": {"keep": 10, "weights": {"bm25f": 1}}}"#,
      source: "/p/plain.json", context: context)
    var request = SearchRequest(query: "apple", limit: 10, explain: true, profile: personal)
    let anonymous = try engine.search(request)
    let baseline = try engine.search(SearchRequest(query: "apple", limit: 10, explain: true, profile: plain))
    #expect(anonymous.hits.map(\.id) == baseline.hits.map(\.id) && anonymous.hits.map(\.score) == baseline.hits.map(\.score))
    request.user = UserContext(profile: profile)
    let personalized = try engine.search(request)
    #expect(personalized.hits.first?.id == "a")
    #expect(personalized.hits.last?.id == "c")  // hidden: demoted by 10
    for hit in personalized.hits {
      let explanation = try #require(hit.explanation)
      #expect(ExplanationChecker.isExact(explanation, score: hit.score), "\(ExplanationChecker.mismatches(in: explanation))")
    }
    request.user = UserContext(profile: profile, enabledSignals: [])
    #expect(try engine.search(request).hits.map(\.score) == baseline.hits.map(\.score))
    // Why A above B lists the personalization features only for a personalized request.
    request.user = UserContext(profile: profile)
    let comparison = try engine.compare(request, "a", "c")
    #expect(comparison.rows.contains { $0.feature == "hidden_before" })
    request.user = nil
    #expect(!(try engine.compare(request, "a", "c")).rows.contains { $0.feature == "hidden_before" })
  }

  @Test("the feature log has the personalization columns only for a user, with the user's values")
  func featureLog() throws {
    let (engine, extractor, profile) = try setup()
    let plain = try RankProfileParser.parse(#"{"retrieve": {"generators": {"bm25f": 10}}}"#, source: "/p/plain.json",
                                            context: RankProfileContext(schema: Corpus.schema))
    let queries = [EvaluationQuery(id: "1", text: "apple")]
    let judgments = Judgments(grades: ["1": ["a": 2, "c": 1]])
    let anonymous = try FeatureLog.lines(engine: engine, profile: plain, queries: queries, judgments: judgments)
    #expect(FeatureLog.featureNames(header: anonymous[0]) == extractor.registry.definitions(personalized: false).map(\.name))
    let personal = try FeatureLog.lines(engine: engine, profile: plain, queries: queries, judgments: judgments,
                                        user: UserContext(profile: profile))
    let names = try #require(FeatureLog.featureNames(header: personal[0]))
    #expect(names == extractor.registry.names)
    let rows = try SVMLightFile.parse(personal.dropFirst().joined(separator: "\n"), file: "log")
    let hidden = try #require(names.firstIndex(of: "hidden_before"))
    let ids = personal.dropFirst().map { $0.components(separatedBy: "# ").last ?? "" }
    for (row, id) in ids.enumerated() { #expect(rows.features[row * rows.featureCount + hidden] == (id == "c" ? 1 : 0), "\(id)") }
  }
}
