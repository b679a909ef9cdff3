import Foundation
import Testing
@testable import RankscopeEngine

@Suite("Feature registry")
struct FeatureRegistryTests {
  @Test("the registry adapts to the schema: per-field features per text field, the rest by field presence")
  func adaptsToSchema() throws {
    let registry = FeatureRegistry(schema: FeatureTestCorpus.schema)
    #expect(registry.names == [
      "bm25f", "bm25_title", "bm25_description", "bm25_tags", "query_coverage", "title_coverage", "title_phrase",
      "proximity", "text_similarity", "visual_similarity", "log_saves", "log_clicks", "freshness", "click_prior",
      "query_click_rate", "category_match", "content_type_match", "category_intent", "content_type_intent", "price_band",
      "log_price", "length_title",
      "length_description", "length_tags", "tag_count", "query_term_count", "fused_score", "best_generator_reciprocal_rank",
      "user_similarity", "interest_similarity", "category_affinity", "content_type_affinity", "seen_before", "hidden_before",
    ])
    #expect(registry.omitted.map(\.name) == ["board_affinity", "domain_affinity"])
    #expect(Set(registry.names).count == registry.names.count)
    for definition in registry.definitions {
      #expect(!definition.summary.isEmpty && !definition.formula.isEmpty && !definition.inputs.isEmpty, "\(definition.name)")
      #expect(!definition.summary.contains("\n"))
    }

    // A plain one-field schema: no saves, no vectors, no keywords.
    let small = FeatureRegistry(schema: TestCorpus.plainSchema)
    #expect(small.names == ["bm25f", "bm25_body", "query_coverage", "click_prior", "query_click_rate", "length_body",
                            "query_term_count", "fused_score", "best_generator_reciprocal_rank", "seen_before", "hidden_before"])
    #expect(small.omitted.map(\.name) == ["title_coverage", "title_phrase", "proximity", "text_similarity", "visual_similarity",
                                          "log_saves", "log_clicks", "freshness", "category_match", "content_type_match",
                                          "category_intent", "content_type_intent", "price_band", "log_price", "tag_count", "user_similarity", "interest_similarity",
                                          "category_affinity", "content_type_affinity", "board_affinity", "domain_affinity"])
    #expect { _ = try small.index(of: "log_saves") } throws: {
      "\($0)" == "feature \"log_saves\" is not available for this index: needs a numeric field \"saves\"; the schema has none"
    }
    // A field of the wrong type is named with its type.
    var schema = TestCorpus.plainSchema
    schema.fields.append(Schema.Field(name: "saves", type: .keyword, analyzer: .keyword))
    #expect(FeatureRegistry(schema: schema).omitted.first { $0.name == "log_saves" }?.reason
            == "needs a numeric field \"saves\"; \"saves\" is a keyword field")
  }

  @Test("an unknown name suggests the closest known names")
  func suggestions() throws {
    let registry = FeatureRegistry(schema: FeatureTestCorpus.schema)
    #expect(try registry.index(of: "bm25_tags") == 3)
    #expect { _ = try registry.index(of: "bm25_titel") } throws: {
      "\($0)" == "unknown feature \"bm25_titel\"; did you mean bm25_title?"
    }
    #expect(registry.suggestions(for: "freshnes") == ["freshness"])
    #expect(registry.suggestions(for: "BM25F") == ["bm25f"])
    #expect(registry.suggestions(for: "bm25_") == ["bm25f", "bm25_tags", "bm25_title"])
    #expect(registry.suggestions(for: "click") .contains("click_prior"))
    #expect { _ = try registry.definition(named: "zzzzzzzzzzzz") } throws: {
      ($0 as? FeatureError) == .unknownFeature(name: "zzzzzzzzzzzz", suggestions: []) && "\($0)".contains("no known feature name is close")
    }
    let extractor = try FeatureTestCorpus.extractor()
    let context = try extractor.context(query: "apple")
    #expect { _ = try extractor.explain(feature: "log_save", candidate: FeatureCandidate(document: 0), context: context) } throws: {
      "\($0)".contains("did you mean log_saves")
    }
    #expect(NameSuggestions.editDistance(Array("kitten"), Array("sitting")) == 3)
  }
}
