import Foundation

/// The user profiles of an index, stored in its directory as `user-profiles.bin` (format "RSUP", version 1,
/// little-endian), so searches need not rebuild them.
///
/// Layout: a 48-byte header — magic, version, user count (UInt32), dimension (UInt32), the index's document
/// count (UInt64), the xxHash64 of its ids joined by newlines (profiles refer to document numbers, so they only fit
/// that index), the payload's length and xxHash64 — then the payload: the reference time and one record per
/// user (strings as UInt32 length + UTF-8, counts as UInt32, weights and times as Float64, vectors as Float32).
/// Reading checks the header, the checksum, and then every count, document number, position and action while
/// decoding (bounds-checked through `ByteRegion`), so a damaged or forged file is an `IndexError`, never a crash.
public enum UserProfileFile {
  /// The file's name inside an index directory.
  public static let fileName = "user-profiles.bin"
  static let magic: UInt32 = 0x5055_5352  // "RSUP"
  static let version: UInt32 = 1
  static let headerLength = 48

  /// The file's bytes for `directory` built over `reader`.
  public static func serialize(_ directory: UserDirectory, reader: IndexReader) throws -> [UInt8] {
    var payload = ByteWriter()
    payload.append(directory.referenceTime)
    let dimension = directory.profiles.lazy.compactMap(\.embedding).first?.count ?? 0
    for profile in directory.profiles { write(profile, to: &payload) }
    var header = ByteWriter()
    header.append(magic)
    header.append(version)
    header.append(UInt32(directory.profiles.count))
    header.append(UInt32(dimension))
    header.append(UInt64(reader.documentCount))
    header.append(try identity(of: reader))
    header.append(UInt64(payload.count))
    header.append(XXHash64.hash(payload.bytes))
    return header.bytes + payload.bytes
  }

  /// Writes `directory` to `path` atomically (temporary file, fsync, rename).
  public static func write(_ directory: UserDirectory, reader: IndexReader, to path: String) throws {
    try AtomicFile.write(try serialize(directory, reader: reader), to: path)
  }

  /// Reads the profiles at `path`, checking they were built for `reader`'s index.
  public static func read(path: String, reader: IndexReader) throws -> UserDirectory {
    try decode(try ByteRegion.map(path: path), reader: reader)
  }

  /// Decodes a file's bytes (named by `region.name` in errors).
  public static func decode(_ region: ByteRegion, reader: IndexReader) throws -> UserDirectory {
    func corrupt(_ reason: String) -> IndexError { .corrupt(file: region.name, reason: reason) }
    guard region.count >= headerLength else {
      throw corrupt("\(region.count) bytes, shorter than the \(headerLength)-byte header")
    }
    guard try region.uint32(at: 0) == magic else { throw corrupt("not a user-profiles file (bad magic)") }
    let fileVersion = try region.uint32(at: 4)
    guard fileVersion == version else { throw corrupt("format version \(fileVersion), expected \(version)") }
    let userCount = Int(try region.uint32(at: 8))
    let dimension = Int(try region.uint32(at: 12))
    let documentCount = try region.int(at: 16)
    let indexIdentity = try region.uint64(at: 24)
    let payloadLength = try region.int(at: 32)
    let checksum = try region.uint64(at: 40)
    guard payloadLength == region.count - headerLength else {
      throw corrupt("the header announces \(payloadLength) payload bytes, the file holds \(region.count - headerLength)")
    }
    guard XXHash64.hash(UnsafeRawBufferPointer(rebasing: region.buffer[headerLength...])) == checksum else {
      throw corrupt("checksum mismatch (the file is damaged)")
    }
    guard documentCount == reader.documentCount, indexIdentity == (try identity(of: reader)) else {
      throw corrupt("built for another index (\(documentCount) documents; this one has \(reader.documentCount) or other ids)")
    }
    var cursor = ProfileCursor(region: region, offset: headerLength, documentCount: documentCount, dimension: dimension)
    let referenceTime = try cursor.double()
    var profiles: [UserProfile] = []
    profiles.reserveCapacity(min(userCount, region.count / 16))
    for _ in 0..<userCount { profiles.append(try cursor.profile()) }
    guard cursor.offset == region.count else { throw corrupt("\(region.count - cursor.offset) bytes after the last profile") }
    return UserDirectory(profiles: profiles, referenceTime: referenceTime)
  }

  /// xxHash64 of the index's ids joined by newlines.
  static func identity(of reader: IndexReader) throws -> UInt64 {
    var bytes: [UInt8] = []
    for document in 0..<reader.documentCount {
      bytes.append(contentsOf: try reader.id(of: document).utf8)
      bytes.append(0x0A)
    }
    return XXHash64.hash(bytes)
  }

  // MARK: Writing

  private static func write(_ profile: UserProfile, to writer: inout ByteWriter) {
    func string(_ text: String) {
      writer.append(UInt32(text.utf8.count))
      writer.append(contentsOf: text.utf8)
    }
    func count(_ value: Int) { writer.append(UInt32(value)) }
    func vector(_ values: [Float]?) {
      writer.append(contentsOf: [values == nil ? 0 : 1])
      for value in values ?? [] { writer.append(value) }
    }
    string(profile.userId)
    string(profile.name)
    writer.append(profile.referenceTime)
    count(profile.skippedEventCount)
    count(profile.events.count)
    for event in profile.events {
      count(event.document)
      string(event.documentId)
      writer.append(contentsOf: [UInt8(EngagementAction.allCases.firstIndex(of: event.action)!)])
      writer.append(event.timestamp)
      writer.append(contentsOf: [event.query == nil ? 0 : 1])
      if let query = event.query { string(query) }
      writer.append(event.weight)
    }
    count(profile.engagedDocuments.count)
    for engaged in profile.engagedDocuments {
      count(engaged.document)
      string(engaged.documentId)
      writer.append(engaged.weight)
      count(engaged.events.count)
      engaged.events.forEach(count)
    }
    vector(profile.embedding)
    writer.append(profile.embeddingNorm)
    count(profile.interests.count)
    for interest in profile.interests {
      count(interest.medoid)
      string(interest.medoidId)
      vector(interest.vector)
      writer.append(interest.importance)
      count(interest.members.count)
      interest.members.forEach(count)
      string(interest.label)
    }
    count(profile.affinities.count)
    for affinity in profile.affinities {
      string(affinity.kind.rawValue)
      string(affinity.field)
      writer.append(affinity.totalWeight)
      count(affinity.entries.count)
      for key in affinity.entries.keys.sorted() {
        string(key)
        count(affinity.entries[key]!.events.count)
        affinity.entries[key]!.events.forEach(count)
      }
    }
    let activity = profile.activity
    [activity.lastDay, activity.lastWeek, activity.lastMonth, activity.total].forEach(count)
    activity.byAction.forEach(count)
    writer.append(activity.lastActiveDays ?? -1)
    // Seen and hidden documents follow from the events; they are rebuilt on reading.
  }
}

/// Reads one profile record after another, checking every value against what it must be.
private struct ProfileCursor {
  let region: ByteRegion
  var offset: Int
  let documentCount: Int
  let dimension: Int

  func corrupt(_ reason: String) -> IndexError { .corrupt(file: region.name, reason: "\(reason) at byte \(offset)") }

  mutating func count(limit: Int = Int(UInt32.max)) throws -> Int {
    let value = Int(try region.uint32(at: offset))
    guard value <= limit else { throw corrupt("count \(value) exceeds \(limit)") }
    offset += 4
    return value
  }

  mutating func double() throws -> Double {
    let value = try region.double(at: offset)
    offset += 8
    return value
  }

  mutating func byte() throws -> UInt8 {
    let value = try region.bytes(at: offset, count: 1)[0]
    offset += 1
    return value
  }

  mutating func string() throws -> String {
    let length = try count(limit: region.count - offset)
    let bytes = try region.bytes(at: offset, count: length)
    offset += length
    guard let text = String(validating: bytes, as: UTF8.self) else { throw corrupt("a string is not valid UTF-8") }
    return text
  }

  mutating func document() throws -> Int { try count(limit: documentCount - 1) }

  mutating func positions(below limit: Int) throws -> [Int] {
    let total = try count(limit: (region.count - offset) / 4)
    return try (0..<total).map { _ in try count(limit: limit - 1) }
  }

  mutating func vector() throws -> [Float]? {
    switch try byte() {
    case 0: return nil
    case 1:
      try region.check(offset, 4 * dimension, "a vector")
      let values = try (0..<dimension).map { index in try region.float(at: offset + 4 * index) }
      offset += 4 * dimension
      return values
    case let flag: throw corrupt("vector flag \(flag) is not 0 or 1")
    }
  }

  mutating func profile() throws -> UserProfile {
    let userId = try string()
    let name = try string()
    let referenceTime = try double()
    let skipped = try count()
    let eventCount = try count(limit: (region.count - offset) / 26)
    var events: [UserEvent] = []
    events.reserveCapacity(eventCount)
    for _ in 0..<eventCount {
      let document = try self.document()
      let documentId = try string()
      let actionIndex = Int(try byte())
      guard actionIndex < EngagementAction.allCases.count else { throw corrupt("action \(actionIndex) is unknown") }
      let timestamp = try double()
      let query: String?
      switch try byte() {
      case 0: query = nil
      case 1: query = try string()
      case let flag: throw corrupt("query flag \(flag) is not 0 or 1")
      }
      events.append(
        UserEvent(
          document: document, documentId: documentId, action: EngagementAction.allCases[actionIndex],
          timestamp: timestamp, query: query, weight: try double()))
    }
    let engagedCount = try count(limit: eventCount)
    var engaged: [EngagedDocument] = []
    for _ in 0..<engagedCount {
      let document = try self.document()
      let documentId = try string()
      let weight = try double()
      engaged.append(
        EngagedDocument(document: document, documentId: documentId, weight: weight, events: try positions(below: eventCount)))
    }
    let embedding = try vector()
    let norm = try double()
    let interestCount = try count(limit: engagedCount)
    var interests: [UserInterest] = []
    for _ in 0..<interestCount {
      let medoid = try document()
      let medoidId = try string()
      guard let vector = try vector() else { throw corrupt("an interest has no vector") }
      let importance = try double()
      let members = try positions(below: engagedCount)
      interests.append(
        UserInterest(
          medoid: medoid, medoidId: medoidId, vector: vector, importance: importance,
          members: members, label: try string()))
    }
    let affinityCount = try count(limit: UserAffinity.Kind.allCases.count)
    var affinities: [UserAffinity] = []
    for _ in 0..<affinityCount {
      let kindName = try string()
      guard let kind = UserAffinity.Kind(rawValue: kindName) else { throw corrupt("affinity kind \"\(kindName)\" is unknown") }
      let field = try string()
      let total = try double()
      let entryCount = try count(limit: eventCount)
      var entries: [String: UserAffinity.Entry] = [:]
      for _ in 0..<entryCount {
        let value = try string()
        entries[value] = UserAffinity.Entry(value: value, events: try positions(below: eventCount))
      }
      affinities.append(UserAffinity(kind: kind, field: field, totalWeight: total, entries: entries))
    }
    let counts = try (0..<4).map { _ in try count() }
    let byAction = try EngagementAction.allCases.map { _ in try count() }
    let lastActive = try double()
    let activity = UserActivity(
      lastDay: counts[0], lastWeek: counts[1], lastMonth: counts[2], total: counts[3], byAction: byAction,
      lastActiveDays: lastActive < 0 ? nil : lastActive)
    return UserProfile(
      userId: userId, name: name, referenceTime: referenceTime, events: events, skippedEventCount: skipped,
      engagedDocuments: engaged, embedding: embedding, embeddingNorm: norm, interests: interests,
      affinities: affinities, activity: activity,
      seenDocuments: Set(events.filter { $0.action != .hide }.map(\.documentId)),
      hiddenDocuments: Set(events.filter { $0.action == .hide }.map(\.documentId)))
  }
}
