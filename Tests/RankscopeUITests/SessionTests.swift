import Foundation
import RankscopeEngine
import Testing
@testable import RankscopeUI

/// Sessions: the file format (round trips, errors with file and line, a torn last line) and the headless player.
@Suite("Recorded sessions")
struct SessionTests {
  /// Every kind of key, with odd characters: quotes, a backslash, a combining mark, a ZWJ emoji, CJK, controls.
  static let keys: [Key] = {
    var keys: [Key] = [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .insert, .delete, .backspace,
                       .enter, .tab, .backTab, .escape]
    keys += ["c", "F", " ", "\"", "\\", "é", "e\u{301}", "👩‍👩‍👧", "抹", "\u{7F}", "\u{0}", "-", "1"].map(Key.character)
    keys += "abcdefghijklmnopqrstuvwxyz[]\\^_@".map(Key.control)
    keys += ["x", "X", "1", " ", "é", "\u{1B}"].map(Key.alt)
    keys += (0...24).map(Key.function) + [.function(63)]
    return keys
  }()

  /// Texts that JSON and the query bar find awkward.
  static let texts = ["linen dress", "", "抹茶ケーキ 🍵 matcha", "quote \" backslash \\ slash /", "tab\tnew\nline\r\u{0}\u{1F}\u{7F}",
                      "e\u{301} vs é", "\u{2028}\u{2029} separators", "שלום עולם", "👩‍👩‍👧‍👦 family", "\u{FEFF}bom",
                      String(repeating: "long ", count: 400)]

  /// One event of every recordable kind (and several of the awkward ones).
  static let actions: [RecordedAction] = {
    var actions = keys.map(RecordedAction.key)
    actions += KeyBindings.table.map(\.command).map(RecordedAction.command)
    actions += texts.map(RecordedAction.insert) + texts.map(RecordedAction.setQuery)
    actions += [.selectProfile(nil), .selectProfile("bm25"), .selectProfile("prófil 🍰"), .selectProfile("")]
    let parameters: [TuningParameter] = [.weight("bm25f"), .weight("odd:name"), .weight("é"), .bias, .blendKeep, .mmrLambda,
                                         .maxPerBoard, .nearDuplicate, .typeQuota("video"), .typeQuota("")]
    for (offset, parameter) in parameters.enumerated() {
      let values: [Double?] = [1.1, nil, -0.25, 1e-300, 123_456_789, .infinity, -.infinity, Double(offset)]
      actions += values.map { RecordedAction.tune(parameter, to: $0) }
    }
    actions += [.resize(width: 0, height: 0), .resize(width: 200, height: 50), .resize(width: 2_000, height: 1)]
    return actions
  }()

  /// `line` parsed as JSON and read as an event.
  static func event(_ line: String) throws -> SessionEvent {
    try SessionEvent(json: JSONParser.parse(line))
  }

  @Test("every recordable action survives a line of JSON, and a whole session file, unchanged")
  func roundTrip() throws {
    let events = Self.actions.enumerated().map { SessionEvent(milliseconds: $0.offset * 37, action: $0.element) }
    for event in events {
      let line = event.jsonLine
      #expect(!line.contains("\n"), "\(line)")
      #expect(line.hasPrefix("{\"t\":"), "\(line)")
      #expect(try Self.event(line) == event, "\(line)")
    }
    let header = SessionHeader(width: 100, height: 30, profile: "bm25 ✓", query: "linen \"dress\"", index: "/tmp/ï ndex",
                               profileFolders: ["/a", "/b c"])
    let session = Session(header: header, events: events)
    let read = try Session.parse(session.text, file: "all.session")
    #expect(read == session)
    #expect(read.events.count == Self.actions.count)
    // NaN is never equal to itself: checked apart.
    let nan = try Self.event(SessionEvent(milliseconds: 1, action: .tune(.bias, to: .nan)).jsonLine)
    guard case .tune(.bias, let value?) = nan.action else { Issue.record("\(nan)"); return }
    #expect(value.isNaN)
  }

  @Test("keys are written readably and read back; every key the terminal decodes round-trips")
  func keyNames() throws {
    let expected: [(Key, String)] = [
      (.function(3), "F3"), (.control("w"), "Ctrl-W"), (.down, "Down"), (.character("c"), "c"), (.character(" "), "Space"),
      (.alt("x"), "Alt-x"), (.pageDown, "PgDn"), (.backTab, "Shift-Tab"), (.escape, "Esc"), (.enter, "Enter"),
    ]
    for (key, name) in expected {
      #expect(key.sessionName == name)
      #expect(Key(sessionName: name) == key)
    }
    #expect(Key(sessionName: "ctrl-w") == nil)
    #expect(Key(sessionName: "Ctrl-w") == .control("w"))
    #expect(Key(sessionName: " ") == .character(" "))
    for name in ["", "Ctrl-", "Ctrl-ab", "Fx", "F-1", "F99999", "Down!", "Shift-Up", "Alt-", "PAGEDOWN"] {
      #expect(Key(sessionName: name) == nil, "\(name)")
    }
    for byte in UInt8(0)...UInt8(0x7F) {
      for key in KeyDecoder.decode([byte]) { #expect(Key(sessionName: key.sessionName) == key, "\(key)") }
    }
    for code in 0..<600 {
      if let key = KeyDecoder.key(cursesCode: Int32(code)) { #expect(Key(sessionName: key.sessionName) == key, "\(key)") }
    }
  }

  @Test("a hand-written session: the header's defaults, events without t take the time before, unknown members ignored")
  func handWritten() throws {
    let text = """
      {"rankscope_session": 1, "note": "written by hand"}

      {"text": "cake"}
      {"t": 500, "key": "Down", "comment": "ignored"}
      {"key": "F3"}
      {"tune": "weight:log_saves", "value": null}
      {"resize": {"width": 100, "height": 30}}
      """
    let session = try Session.parse(text, file: "hand.session")
    #expect(session.header == SessionHeader(width: 80, height: 24))
    #expect(session.events.map(\.milliseconds) == [0, 500, 500, 500, 500])
    #expect(session.events.map(\.action) == [.insert("cake"), .key(.down), .key(.function(3)),
                                            .tune(.weight("log_saves"), to: nil), .resize(width: 100, height: 30)])
    #expect(session.tornLine == nil)
  }

  @Test("a malformed line is an error naming the file, the line and the reason")
  func malformed() {
    let header = #"{"rankscope_session":1,"width":80,"height":24}"#
    let cases: [(text: String, line: Int, reason: String)] = [
      ("", 0, "empty: a session starts with a header line"),
      ("\n  \n", 0, "empty"),
      (#"{"width":80}"# + "\n", 1, "header"),
      (#"{"rankscope_session":2}"# + "\n", 1, "session format 2 is not one this rankscope reads (1)"),
      (#"{"rankscope_session":1,"width":-1}"# + "\n", 1, "\"width\" is a whole number from 0 to 2000"),
      (#"{"rankscope_session":1,"profiles":"x"}"# + "\n", 1, "\"profiles\" is an array"),
      (header + "\n" + #"{"t":1,"key":"F99999"}"# + "\n", 2, "unknown key \"F99999\""),
      (header + "\n\n" + "not json\n", 3, "not JSON: column"),
      (header + "\n" + #"{"t":1}"# + "\n", 2, "exactly one of key, command, text, query, profile, user, tune, resize (found none)"),
      (header + "\n" + #"{"t":1,"key":"a","text":"b"}"# + "\n", 2, "(found key and text)"),
      (header + "\n" + #"{"t":-5,"key":"a"}"# + "\n", 2, "\"t\" is a whole number"),
      (header + "\n" + #"{"t":1.5,"key":"a"}"# + "\n", 2, "\"t\" is a whole number"),
      (header + "\n" + #"{"t":1e300,"key":"a"}"# + "\n", 2, "\"t\" is a whole number"),
      (header + "\n" + #"{"key":7}"# + "\n", 2, "\"key\" is a string"),
      (header + "\n" + #"{"command":"fly"}"# + "\n", 2, "unknown command \"fly\""),
      (header + "\n" + #"{"tune":"weight"}"# + "\n", 2, "unknown tuning parameter \"weight\""),
      (header + "\n" + #"{"tune":"bias","value":"high"}"# + "\n", 2, "\"value\" is a number or null"),
      (header + "\n" + #"{"resize":{"width":100000,"height":1}}"# + "\n", 2, "\"resize width\" is a whole number from 0 to 2000"),
      (header + "\n" + #"{"resize":[1,2]}"# + "\n", 2, "\"resize\" is an object"),
      (header + "\n" + "[1,2]\n", 2, "an event is a JSON object"),
      (header + "\n" + #"{"t":1,"key":"a"}"# + "\n" + #"{"t":2,"ke"# + "\n", 3, "not JSON"),
    ]
    for (text, line, reason) in cases {
      do {
        let session = try Session.parse(text, file: "bad.session")
        Issue.record("no error for \(text.debugDescription): \(session)")
      } catch {
        #expect(error.file == "bad.session")
        #expect(error.line == line, "\(text.debugDescription): \(error)")
        #expect(error.reason.contains(reason), "\(text.debugDescription): \(error)")
        #expect(error.description.hasPrefix(line > 0 ? "bad.session:\(line): " : "bad.session: "), "\(error)")
      }
    }
  }

  @Test("an unfinished last line (a killed recording) is left out; a finished one, even without a line break, is read")
  func tornLastLine() throws {
    let lines = [#"{"rankscope_session":1}"#, #"{"t":10,"text":"cake"}"#, #"{"t":20,"key":"Down"}"#]
    let whole = lines.joined(separator: "\n") + "\n"
    for cut in 1..<lines[2].utf8.count {
      let torn = lines[0] + "\n" + lines[1] + "\n" + String(decoding: Array(lines[2].utf8.prefix(cut)), as: UTF8.self)
      let session = try Session.parse(torn, file: "torn.session")
      #expect(session.events.map(\.action) == [.insert("cake")], "cut at \(cut)")
      #expect(session.tornLine == 3)
    }
    let unbroken = try Session.parse(String(whole.dropLast()), file: "whole.session")
    #expect(unbroken.events.count == 2)
    #expect(unbroken.tornLine == nil)
    #expect(try Session.parse(whole, file: "whole.session").events.count == 2)
  }

  @Test("no input crashes the reader: random bytes and random cuts of a session are read or refused")
  func anyInput() {
    var generator = SeededGenerator(seed: 0x5E55_1011)
    let events = Self.actions.prefix(60).enumerated().map { SessionEvent(milliseconds: $0.offset, action: $0.element) }
    let session = Session(header: SessionHeader(width: 80, height: 24), events: events)
    let bytes = Array(session.text.utf8)
    let alphabet = Array(#"{}[]":,0123456789.-eE ntruefalsl\"#.utf8) + [0x0A, 0xC3, 0xA9, 0xFF]
    for _ in 0..<300 {
      var mutated = bytes
      for _ in 0..<Int.random(in: 1...8, using: &generator) {
        let position = Int.random(in: 0..<mutated.count, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: mutated[position] = alphabet.randomElement(using: &generator)!
        case 1: mutated.remove(at: position)
        default: mutated.insert(alphabet.randomElement(using: &generator)!, at: position)
        }
      }
      if let read = try? Session.parse(String(decoding: mutated, as: UTF8.self), file: "fuzz") {
        var player = SessionPlayer(header: read.header, service: Fixtures.engine)
        player.play(Array(read.events.prefix(20)))
        _ = player.screenText
      }
    }
  }

  /// The actions of a short session over the fixture pins: typing, results, a mark and a comparison, a profile
  /// with a tuning change, a resize and a why-not question.
  static let sessionActions: [Action] = [
    .insert("cake"), .key(.character(" ")), .key(.character("w")), .key(.backspace), .key(.backspace), .key(.tab), .key(.down),
    .key(.down), .key(.character("m")), .key(.down), .key(.character("c")), .key(.escape), .key(.function(3)),
    .tune(.weight("log_saves"), to: 0.5), .resize(width: 100, height: 30), .key(.backTab), .key(.end), .insert(" frosting"),
  ]

  @Test("replaying a session through its file gives the screen a live run shows, at every step")
  func replayMatchesLive() throws {
    var live = ProfileTests.state()
    let events = Self.sessionActions.enumerated().map { offset, action in
      SessionEvent(milliseconds: offset * 100, action: RecordedAction(action)!)
    }
    let session = Session(header: SessionHeader(width: 80, height: 24), events: events)
    let read = try Session.parse(session.text, file: "live.session")
    var player = SessionPlayer(header: read.header, service: Fixtures.engine, profiles: live.profiles)
    for (action, event) in zip(Self.sessionActions, read.events) {
      Fixtures.send(action, to: &live)
      player.play(event, adjust: Fixtures.pinTimings)
      #expect(player.screenText == SessionPlayer.plainText(renderScreen(live, width: live.width, height: live.height)),
              "after \(event.action.label)")
    }
    let screen = player.screenText
    #expect(screen.contains("cake frosting"), "\(screen)")
    #expect(screen.contains("profile lexical-saves*"), "\(screen)")
    #expect(player.state.width == 100 && player.state.height == 30)
    #expect(screen.split(separator: "\n", omittingEmptySubsequences: false).count == 30)
    #expect(player.state.hits.count > 0)
  }

  @Test("the header's profile and query are applied as the explorer starts; --profile overrides the profile")
  func startFromHeader() {
    let header = SessionHeader(width: 90, height: 20, profile: "plain", query: "wedding cake")
    let player = SessionPlayer(header: header, service: Fixtures.engine, profiles: ProfileTests.state().profiles)
    #expect(player.state.activeProfile?.name == "plain")
    #expect(player.state.query.text == "wedding cake")
    #expect(player.state.outcome?.documents.first?["title"]?.stringValue == "Wedding cake ideas")
    #expect(player.screenText.contains("wedding cake"))
    let overridden = SessionPlayer(header: header, service: Fixtures.engine, profiles: ProfileTests.state().profiles,
                                   profile: "lexical-saves")
    #expect(overridden.state.activeProfile?.name == "lexical-saves")
  }

  @Test("the player stops at an event that quits, as the explorer would")
  func stopsAtQuit() {
    var player = SessionPlayer(header: SessionHeader(width: 80, height: 24), service: Fixtures.engine)
    let events = [RecordedAction.insert("cake"), .key(.control("c")), .insert(" stand")]
      .map { SessionEvent(milliseconds: 0, action: $0) }
    player.play(events)
    #expect(!player.isRunning)
    #expect(player.state.query.text == "cake")
    let played = player.play(events[2])
    #expect(!played)
  }

  @Test("the performer: searches, comparisons and explanations run in their lanes; quit is the run loop's")
  func performer() {
    var state = Fixtures.searched("cake")
    let performer = EffectPerformer(service: Fixtures.engine)
    let search = Effect.search(state.currentRequest, generation: state.generation)
    #expect(EffectPerformer.lane(of: search) == .search)
    #expect(EffectPerformer.lane(of: .quit) == nil)
    #expect(performer.perform(.quit).isEmpty)
    let delivered = performer.perform(search)
    guard delivered.count == 1, case .searchCompleted(let generation, .success(let outcome)) = delivered[0] else {
      Issue.record("\(delivered)")
      return
    }
    #expect(generation == state.generation)
    #expect(outcome.response.hits.map(\.id) == state.hits.map(\.id))
    let effects = performer.run(.key(.control("c")), on: &state)
    #expect(effects == [.quit] && !state.isRunning)
  }
}
