import Foundation

/// Generates the bundled sample world, a Pinterest-like collection of pins, users, engagement, searches and
/// judgments, deterministically from a seed (see `SampleData/README.md` for what each file holds).
public struct SampleWorldGenerator: Sendable {
  /// What to generate.
  public let configuration: SampleWorldConfiguration

  /// Creates a generator.
  public init(configuration: SampleWorldConfiguration) {
    self.configuration = configuration
  }

  /// The whole world, in memory.
  public func generate() -> SampleWorld {
    generate(progress: { _, _ in })
  }

  /// The whole world, in memory, reporting progress as (stage name, fraction 0...1).
  public func generate(progress: (String, Double) -> Void) -> SampleWorld {
    let seed = configuration.seed
    let grammars = CategoryGrammar.all()
    let pins = generatePins(grammars: grammars, progress: progress)
    let users = UserComposer(seed: seed, grammars: grammars).users(count: configuration.userCount)
    progress("users", 1)
    let ranker = ProductionRankerSimulator(pins: pins, categoryCount: grammars.count,
                                           verticalCount: SampleCatalog.verticals.count)
    let composer = QueryComposer(grammars: grammars)
    let activity = ActivitySimulator(seed: seed, pins: pins, users: users, composer: composer, ranker: ranker)
      .simulate(searchCount: configuration.searchCount, eventCount: configuration.eventCount, progress: progress)
    let judged = pins.isEmpty ? (queries: [], judgments: [])
      : JudgmentBuilder(seed: seed, pins: pins, composer: composer, textIndex: PinTextIndex(pins: pins),
                        ranker: ranker).build(count: configuration.judgedQueryCount)
    progress("judgments", 1)
    return SampleWorld(configuration: configuration, pins: pins, users: users, events: activity.events,
                       searches: activity.searches, judgedQueries: judged.queries, judgments: judged.judgments)
  }

  /// Writes every file of the world into `directory` (created if needed), reporting progress as
  /// (stage name, fraction 0...1). Each file is written to a temporary name and renamed into place.
  public func write(to directory: URL, progress: (String, Double) -> Void) throws {
    let world = generate(progress: progress)
    let files = world.files()
    for (index, file) in files.enumerated() {
      try AtomicFileWriter.write(file.bytes, to: directory.appendingPathComponent(file.path))
      progress("writing", Double(index + 1) / Double(files.count + 1))
    }
    let sizes = files.map { (path: $0.path, bytes: $0.bytes.count) }
    let readme = SampleDataReadme.text(for: world, fileSizes: sizes)
    try AtomicFileWriter.write(Array(readme.utf8), to: directory.appendingPathComponent("README.md"))
    progress("writing", 1)
  }

  private func generatePins(grammars: [CategoryGrammar], progress: (String, Double) -> Void) -> [SamplePin] {
    let composer = PinComposer(seed: configuration.seed, grammars: grammars)
    var pins: [SamplePin] = []
    pins.reserveCapacity(configuration.pinCount)
    for index in 0..<configuration.pinCount {
      pins.append(composer.pin(at: index))
      if index % 1_000 == 0 { progress("pins", Double(index) / Double(configuration.pinCount)) }
    }
    progress("pins", 1)
    return pins
  }
}
