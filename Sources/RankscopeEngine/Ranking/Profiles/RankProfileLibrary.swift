import Foundation

extension RankProfileContext {
  /// What an index with `schema` offers, with the feature registry's names for that schema.
  public init(schema: Schema) {
    self.init(schema: schema, features: FeatureRegistry(schema: schema).definitions.map(\.name))
  }

  /// What an index with `schema` offers: its generators, its vector and keyword fields, and `features`.
  public init(schema: Schema, features: [String]) {
    self.init(generators: schema.generatorNames, features: features, vectorFields: schema.vectorFields.map(\.name),
              labelFields: (schema.keywordFields + schema.textFields).map(\.name))
  }
}

/// The rank profiles found in some folders (e.g. `SampleData/profiles/` and one the user names), with a
/// problem per file that could not be used. A bad profile never hides the good ones.
public struct RankProfileLibrary: Sendable {
  /// The usable profiles, sorted by name.
  public private(set) var profiles: [RankProfile]
  /// One error per profile file that could not be used (and per duplicated name), in file order.
  public private(set) var problems: [RankProfileError]

  /// Reads every `*.json` file of `folders` (a folder that does not exist is skipped; a file that is not a
  /// folder is read as one profile). Names must be unique: a later duplicate is reported and left out.
  public static func load(folders: [String], context: RankProfileContext) -> RankProfileLibrary {
    var profiles: [RankProfile] = []
    var problems: [RankProfileError] = []
    for folder in folders {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else { continue }
      let files: [String]
      if isFolder.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        files = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
          .map { URL(fileURLWithPath: folder).appendingPathComponent($0).path }
      } else {
        files = [folder]
      }
      for file in files {
        do {
          let profile = try RankProfileParser.load(path: file, context: context)
          if let earlier = profiles.first(where: { $0.name == profile.name }) {
            problems.append(RankProfileError(file: file, line: nil,
                                             reason: "a profile named \"\(profile.name)\" was already loaded from \(earlier.source)"))
            continue
          }
          profiles.append(profile)
        } catch {
          problems.append(error)
        }
      }
    }
    return RankProfileLibrary(profiles: profiles.sorted { $0.name < $1.name }, problems: problems)
  }

  /// The profile named `name`, or an error listing the names there are.
  public func profile(named name: String) throws(QueryError) -> RankProfile {
    if let profile = profiles.first(where: { $0.name == name }) { return profile }
    let names = profiles.map(\.name)
    throw QueryError("no rank profile named \"\(name)\"" + (names.isEmpty ? " (none loaded)" : RankProfileParser.suggestion(name, names)))
  }
}
