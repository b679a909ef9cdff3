import ArgumentParser
import Foundation
import RankscopeEngine

/// `rankscope bench homefeed`: end-to-end homefeed latency per user on an index.
struct BenchHomefeedCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "homefeed",
    abstract: "Homefeed latency for one user, end to end: candidates, ranking stages and the first hit's explanation.",
    discussion: """
      User profiles are built first (at index time in the explorer, so not timed); then every user's homefeed
      (top -k, the first hit explained) runs once as a warm-up and --rounds times timed; p50, p90, p99 and the
      stage times are printed. Build with -c release before measuring.

      Examples:
        swift build -c release && .build/release/rankscope bench homefeed
        .build/release/rankscope bench homefeed --profile hybrid-diverse --rounds 5
      """)

  @Option(help: "Timed rounds over all users.")
  var rounds = 3

  @OptionGroup var options: RecommendationOptions

  func run() throws {
    let (engine, log, users, walker) = try options.resources()
    let profiles = try UserModelBuilder(reader: engine.reader).profiles(users: users, log: log).profiles
    let stages = try options.stages(engine: engine)
    func request(_ profile: UserProfile) -> RecommendationRequest {
      RecommendationRequest(surface: .homefeed(UserContext(profile: profile)), limit: options.limit, explain: true,
                            explained: .first(1), profile: stages, walker: walker)
    }
    for profile in profiles { _ = try engine.recommend(request(profile)) }
    var latencies: [Double] = []
    let cpuStart = Self.processCPUSeconds()
    var stageMilliseconds: [(name: String, values: [Double])] = []
    for _ in 0..<max(1, rounds) {
      for profile in profiles {
        let start = DispatchTime.now().uptimeNanoseconds
        let response = try engine.recommend(request(profile))
        latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        for stage in response.trace {
          if let index = stageMilliseconds.firstIndex(where: { $0.name == stage.name }) {
            stageMilliseconds[index].values.append(stage.seconds * 1000)
          } else {
            stageMilliseconds.append((stage.name, [stage.seconds * 1000]))
          }
        }
      }
    }
    let cpuMilliseconds = (Self.processCPUSeconds() - cpuStart) * 1000 / Double(max(1, latencies.count))
    let stageNames = stages?.name ?? "the default recommend profile"
    print("homefeed: \(engine.documentCount) documents, \(profiles.count) users × \(max(1, rounds)) rounds, top \(options.limit), "
          + "first hit explained; walks N = \(walker.settings.totalSteps); stages of \(stageNames)")
    print("latency (ms): " + BenchIndexCommand.summary(latencies)
          + String(format: "  | CPU %.3f ms per homefeed (all threads)", cpuMilliseconds))
    print("stages (ms): " + stageMilliseconds.map { stage in
      let sorted = stage.values.sorted()
      return "\(stage.name) p50 " + String(format: "%.3f", sorted[sorted.count / 2])
        + " p99 " + String(format: "%.3f", sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * 0.99).rounded()))])
    }.joined(separator: " · "))
  }

  /// User plus system CPU time of the process so far, in seconds.
  static func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
  }
}
