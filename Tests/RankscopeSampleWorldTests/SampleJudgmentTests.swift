import Testing
import RankscopeSampleWorld

@Suite("Sample world judgments")
struct SampleJudgmentTests {
  let world = SmallWorld.world

  @Test("judged queries are distinct, with sequential ids")
  func queries() {
    #expect(world.judgedQueries.count == SmallWorld.configuration.judgedQueryCount)
    #expect(world.judgedQueries.first?.id == "q001")
    #expect(Set(world.judgedQueries.map(\.text)).count == world.judgedQueries.count)
    let objects = SmallWorld.objects(world.judgedQueriesFile())
    #expect(objects.allSatisfy { Set($0.keys).subtracting(["intended"]) == ["id", "text"] })
    for (object, query) in zip(objects, world.judgedQueries) {
      #expect((object["intended"] as? String) == query.intended)
      if let intended = query.intended { #expect(intended != query.text && intended.count >= query.text.count - 1) }
    }
  }

  @Test("grades are 0...3 and reference existing pins and queries")
  func grades() {
    let pins = Set(world.pins.map(\.id))
    let queries = Set(world.judgedQueries.map(\.id))
    for judgment in world.judgments {
      #expect((0...3).contains(judgment.grade))
      #expect(pins.contains(judgment.docID) && queries.contains(judgment.queryID))
    }
    let pairs = world.judgments.map { "\($0.queryID) \($0.docID)" }
    #expect(Set(pairs).count == pairs.count)
    #expect(Set(world.judgments.map(\.grade)) == [0, 1, 2, 3])
  }

  @Test("every judged query has a pool of 20 to 80 pins and a pin graded 2 or more")
  func pools() {
    for query in world.judgedQueries {
      let pool = world.judgments.filter { $0.queryID == query.id }
      #expect((20...80).contains(pool.count), "\(query.id) pool \(pool.count)")
      #expect(pool.contains { $0.grade >= 2 }, "\(query.text)")
    }
  }

  @Test("relevant pins share words with their query, so text search can find them")
  func answerableByText() {
    let pinsByID = Dictionary(uniqueKeysWithValues: world.pins.map { ($0.id, $0) })
    var answerable = 0
    for query in world.judgedQueries {
      let words = query.text.split(separator: " ").map(String.init).filter { $0.count > 3 }
      let relevant = world.judgments.filter { $0.queryID == query.id && $0.grade == 3 }
      let found = relevant.contains { judgment in
        let pin = pinsByID[judgment.docID]!
        let text = (pin.title + " " + pin.description + " " + pin.tags.joined(separator: " ")).lowercased()
        return words.contains { text.contains($0) }
      }
      if found { answerable += 1 }
    }
    #expect(Double(answerable) > 0.8 * Double(world.judgedQueries.count))
  }

  @Test("qrels are TREC lines, sorted by query then pin")
  func qrelsFormat() {
    let lines = SmallWorld.lines(world.qrelsFile())
    #expect(lines.count == world.judgments.count)
    for line in lines {
      let fields = line.split(separator: " ")
      #expect(fields.count == 4 && fields[1] == "0")
    }
    let keys = world.judgments.map { "\($0.queryID) \($0.docID)" }
    #expect(keys == keys.sorted())
  }
}
