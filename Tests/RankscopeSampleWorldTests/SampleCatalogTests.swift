import Testing
import RankscopeSampleWorld

@Suite("Sample world catalog")
struct SampleCatalogTests {
  @Test("the default world spans at least 40 categories over 10 verticals")
  func categoriesAndVerticals() {
    let configuration = SampleWorldConfiguration()
    #expect(configuration.pinCount >= 20_000 && configuration.userCount >= 500)
    #expect(configuration.eventCount >= 50_000 && configuration.searchCount >= 20_000)
    #expect(configuration.judgedQueryCount >= 200)
    #expect(SampleCatalog.verticals.count >= 10)
    #expect(SampleCatalog.categories.count >= 40)
    let names = SampleCatalog.categories.map(\.category.name)
    #expect(Set(names).count == names.count)
    let verticalNames = SampleCatalog.verticals.map(\.name)
    for expected in ["food", "home decor", "fashion", "beauty", "diy and crafts", "travel", "gardening",
                     "weddings", "fitness", "art"] {
      #expect(verticalNames.contains(expected))
    }
  }

  @Test("every category has a rich vocabulary")
  func vocabularySizes() {
    for (category, verticalIndex) in SampleCatalog.categories {
      let vertical = SampleCatalog.verticals[verticalIndex]
      #expect(category.subjects.count >= 17, "\(category.name) subjects")
      #expect(category.styles.count + vertical.styles.count >= 20, "\(category.name) styles")
      #expect(category.materials.count + vertical.materials.count >= 8, "\(category.name) materials")
      #expect(category.details.count >= 12, "\(category.name) details")
      #expect(category.boards.count >= 5, "\(category.name) boards")
      #expect(category.subjects.count + category.styles.count + vertical.styles.count
              + category.materials.count + vertical.materials.count + category.details.count >= 80,
              "\(category.name) total")
    }
    for vertical in SampleCatalog.verticals {
      #expect(vertical.titlePatterns.count >= 8, "\(vertical.name) title patterns")
      #expect(vertical.openingSentences.count >= 5, "\(vertical.name) openings")
      #expect(vertical.adjectives.count >= 15, "\(vertical.name) adjectives")
      #expect(vertical.occasions.count >= 10, "\(vertical.name) occasions")
      #expect(vertical.domains.count >= 8, "\(vertical.name) domains")
    }
    #expect(SampleCatalog.colours.count >= 30)
  }

  @Test("synonyms are parsed with the canonical spelling first")
  func synonyms() {
    let term = VocabularyTerm("sofa/couch/settee")
    #expect(term.canonical == "sofa")
    #expect(term.spellings == ["sofa", "couch", "settee"])
  }
}
