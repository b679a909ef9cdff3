import ArgumentParser
import Foundation
import RankscopeEngine

/// `--user` and `--signals`, shared by `search`, `eval` and `features`: the user to personalize for and the
/// personalization signals that are on.
struct UserOptions: ParsableArguments {
  @Option(
    help: "Personalize for this user id (profiles built from the engagement log; `rankscope users` lists them; none = anonymous)."
  )
  var user: String?

  @Option(
    help:
      ArgumentHelp(stringLiteral: "With --user: the personalization signals that are on, comma-separated (default: all: "
                     + "\(PersonalizationSignal.allCases.map(\.rawValue).joined(separator: ", "))).")
  )
  var signals: String?

  /// The user context asked for (nil without --user or with `--user none`).
  func context(engine: SearchEngine, index: String?, quiet: Bool) throws -> UserContext? {
    guard let user, user != "none" else {
      if signals != nil, user == nil { throw CommandFailure("--signals applies with --user only") }
      return nil
    }
    return try Self.context(user: user, signals: signals, engine: engine, index: index, quiet: quiet)
  }

  /// The context of `user` with `signals` (nil: all) on, read from the index's user profiles.
  static func context(user: String, signals: String?, engine: SearchEngine, index: String?, quiet: Bool) throws -> UserContext {
    let directory = try Locations.userDirectory(reader: engine.reader, index: index, quiet: quiet)
    let profile: UserProfile
    do { profile = try directory.require(id: user) } catch { throw CommandFailure("\(error)") }
    return UserContext(profile: profile, enabledSignals: try parseSignals(signals))
  }

  /// Whether `profile` can use a user: its L1 weights a personalization feature, or it has an L2 model.
  static func personalizes(_ profile: RankProfile?) -> Bool {
    guard let profile else { return false }
    let names = Set(PersonalizationSignal.allCases.map(\.featureName))
    return profile.l2 != nil || (profile.l1?.weights.contains { names.contains($0.feature) } ?? false)
  }

  /// The signals named in `text` (comma-separated feature names; nil: all), with suggestions for unknown names.
  static func parseSignals(_ text: String?) throws -> Set<PersonalizationSignal> {
    guard let text else { return Set(PersonalizationSignal.allCases) }
    var result = Set<PersonalizationSignal>()
    for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
      guard let signal = PersonalizationSignal(rawValue: name) else {
        let known = PersonalizationSignal.allCases.map(\.rawValue)
        throw CommandFailure("unknown signal \"\(name)\" (signals: \(known.joined(separator: ", ")))")
      }
      result.insert(signal)
    }
    return result
  }
}
