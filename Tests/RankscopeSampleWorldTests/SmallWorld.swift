import Foundation
import RankscopeSampleWorld

/// A small world shared by the tests (generated once), and helpers to read its files back.
enum SmallWorld {
  /// Ten times smaller than the bundled world, so that tests stay fast in debug builds.
  static let configuration = SampleWorldConfiguration(
    seed: 7, pinCount: 2_000, userCount: 120, eventCount: 4_000, searchCount: 1_500, judgedQueryCount: 60)

  /// The world, generated once.
  static let world = SampleWorldGenerator(configuration: configuration).generate()

  /// The lines of a JSON Lines file, decoded as objects.
  static func objects(_ bytes: [UInt8]) -> [[String: Any]] {
    lines(bytes).map { line in
      (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
    }
  }

  /// The lines of a text file, without their newlines.
  static func lines(_ bytes: [UInt8]) -> [String] {
    String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      .dropLast().map(String.init)
  }
}
