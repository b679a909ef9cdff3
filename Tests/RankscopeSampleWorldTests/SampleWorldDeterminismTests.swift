import Foundation
import Testing
import RankscopeSampleWorld

@Suite("Sample world determinism")
struct SampleWorldDeterminismTests {
  @Test("the same seed gives byte-identical files")
  func sameSeedSameBytes() {
    let again = SampleWorldGenerator(configuration: SmallWorld.configuration).generate()
    let first = SmallWorld.world.files()
    let second = again.files()
    #expect(first.map(\.path) == second.map(\.path))
    for (one, other) in zip(first, second) {
      #expect(one.bytes == other.bytes, "\(one.path) differs between two runs")
    }
  }

  @Test("a different seed gives different files")
  func differentSeedDifferentBytes() {
    var configuration = SmallWorld.configuration
    configuration.seed = 8
    let other = SampleWorldGenerator(configuration: configuration).generate()
    #expect(other.pinsFile() != SmallWorld.world.pinsFile())
    #expect(other.queryLogFile() != SmallWorld.world.queryLogFile())
    #expect(other.qrelsFile() != SmallWorld.world.qrelsFile())
  }

  @Test("a pin does not depend on how many pins are generated")
  func pinsAreIndependentOfCount() {
    let configuration = SampleWorldConfiguration(seed: 7, pinCount: 50, userCount: 5, eventCount: 0,
                                                 searchCount: 0, judgedQueryCount: 0)
    let small = SampleWorldGenerator(configuration: configuration).generate()
    #expect(small.pins == Array(SmallWorld.world.pins.prefix(50)))
  }

  @Test("the README is reproducible too")
  func readmeIsDeterministic() throws {
    let configuration = SampleWorldConfiguration(seed: 3, pinCount: 300, userCount: 20, eventCount: 500,
                                                 searchCount: 200, judgedQueryCount: 10)
    let generator = SampleWorldGenerator(configuration: configuration)
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("rankscope-sample-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: base) }
    try generator.write(to: base.appendingPathComponent("a"), progress: { _, _ in })
    try generator.write(to: base.appendingPathComponent("b"), progress: { _, _ in })
    let first = try Data(contentsOf: base.appendingPathComponent("a/README.md"))
    let second = try Data(contentsOf: base.appendingPathComponent("b/README.md"))
    #expect(first == second)
  }
}
