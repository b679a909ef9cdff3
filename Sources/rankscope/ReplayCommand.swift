import ArgumentParser
import Foundation
import RankscopeEngine
import RankscopeTerminal
import RankscopeUI

/// `rankscope replay FILE`: plays a session recorded with `rankscope explore --record FILE`.
struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Play a recorded explorer session: in the explorer, or headless as screen text.",
    discussion: """
      A session file is JSON Lines: a header with what the explorer started with (screen size, --profile, \
      --query, --index, --profiles), then one event per line ("t": milliseconds since the start; left out, the \
      time of the event before):
        {"rankscope_session":1,"width":100,"height":30,"profile":null,"query":null}
        {"t":900,"text":"linen dress"}
        {"t":2100,"key":"Down"}
        {"t":3000,"key":"F3"}
      Events: "key" (a character, or Enter, Esc, Tab, Shift-Tab, Backspace, Up, Down, Left, Right, PgUp, PgDn, \
      Home, End, Ins, Del, Space, Ctrl-W, Alt-x, F1…), "text" (typed at the cursor), "query" (replaces the \
      query), "command", "profile" (a name or null), "tune" with "value", "resize" {"width","height"}.

      In a terminal, the session plays in the explorer at the recorded pace (--speed 2 twice as fast, 0 as fast \
      as searches allow); each event waits for the searches of the one before, and recorded resizes are \
      skipped. Ctrl-C stops it at any time. When the session is done (or reaches the key that quit it), the \
      explorer stays open for you to go on from there; --exit quits instead.

      With --headless no terminal is needed: the events play as fast as possible (unless --speed is given), \
      every search finishing before the next event, and the final screen is printed as text at the recorded \
      size (--every-step prints the screen after each event, under a line naming it). Without --headless, \
      standard input and output must be a terminal.

      --index and --profiles override the session's; --profile overrides the profile it started with.

      Examples:
        rankscope replay demo.session
        rankscope replay demo.session --speed 0 --exit
        rankscope replay demo.session --headless --every-step
      """)

  @Argument(help: ArgumentHelp("The session file (JSON Lines).", valueName: "file"))
  var file: String

  @Option(help: "Index directory (default: the session's, else the sample world's index).")
  var index: String?

  @OptionGroup var profileOptions: ProfileOptions

  @Option(help: "Pace: 1 as recorded, 2 twice as fast, 0 as fast as possible (default: 1 in the explorer, 0 headless).")
  var speed: Double?

  @Flag(help: "Play without a terminal and print the final screen as text.")
  var headless = false

  @Flag(help: "With --headless: print the screen after every event, each under a line naming the event.")
  var everyStep = false

  @Flag(name: .customLong("exit"), help: "Quit the explorer when the session is done (default: stay open).")
  var exitsWhenDone = false

  @Option(help: "Judged queries shown and rated during the replay (default: the sample world's; ratings stay in memory).")
  var queries: String?

  @Option(help: "Judgments in TREC qrels form shown during the replay (default: the sample world's; never written).")
  var qrels: String?

  @Option(help: "Colour theme: a name from Themes/ (dark, light) or a path to a theme file.")
  var theme = "dark"

  @Option(help: "Folder holding theme files (default: ./Themes or the one beside the executable).")
  var themeDirectory: String?

  func validate() throws {
    if let speed, !(speed.isFinite && speed >= 0) { throw ValidationError("--speed is a number ≥ 0") }
    if everyStep, !headless { throw ValidationError("--every-step applies with --headless") }
    if exitsWhenDone, headless { throw ValidationError("--exit applies without --headless") }
  }

  func run() throws {
    let session = try Self.readSession(file)
    if let torn = session.tornLine {
      FileHandle.standardError.write(Data("rankscope: \(file):\(torn): left out an unfinished last line\n".utf8))
    }
    if !headless {
      do {
        try Explorer.checkTerminal()
      } catch ExplorerError.notATerminal(let stream) {
        throw CommandFailure("replay plays the session in the explorer, which needs a terminal (standard \(stream) is not one); "
                             + "add --headless to print the final screen as text")
      }
    }
    var options = profileOptions
    if options.profileFolders.isEmpty { options.profileFolders = session.header.profileFolders }
    let indexPath = index ?? session.header.index
    var setup = try ExplorerSetup.open(index: indexPath, profileOptions: options)
    let log = ExplorerSetup.queryLog(index: indexPath, profileOptions: options)
    setup.problems += ExplorerSetup.installUnderstanding(on: setup.engine, index: indexPath, log: log, inBackground: false)
    let profile = options.profile ?? session.header.profile
    let judgments = try ExplorerSetup.judgments(queries: queries, qrels: qrels, index: indexPath)
    let service = setup.guidedService(log: log, background: false)
    if headless {
      playHeadless(session, setup: setup, service: service, profile: profile, judgments: judgments)
      return
    }
    let script = ExplorerScript(events: session.events, speed: speed ?? 1, exitsWhenDone: exitsWhenDone)
    try Explorer.run(service: service, theme: try ExplorerSetup.theme(named: theme, directory: themeDirectory),
                     initialQuery: session.header.query, profiles: setup.profiles, profileProblems: setup.problems,
                     initialProfile: profile, judgments: judgments, users: setup.users,
                     initialUser: session.header.user, walker: setup.walker, script: script)
  }

  /// Reads and checks the session at `path`; errors name the file and line.
  static func readSession(_ path: String) throws -> Session {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw CommandFailure("cannot read the session \(path): \(error.localizedDescription)")
    }
    do {
      return try Session.parse(String(decoding: data, as: UTF8.self), file: path)
    } catch {
      throw CommandFailure(error.description)
    }
  }

  /// Plays `session` without a terminal and prints the final screen (or every screen) to standard output.
  private func playHeadless(_ session: Session, setup: ExplorerSetup, service: any SearchService, profile: String?,
                            judgments: JudgmentSet) {
    var player = SessionPlayer(header: session.header, service: service, profiles: setup.profiles,
                               profileProblems: setup.problems, profile: profile, judgments: judgments,
                               users: setup.users, walker: setup.walker)
    if everyStep { print("── start\n" + player.screenText) }
    let pace = speed ?? 0
    let started = Date()
    for (offset, event) in session.events.enumerated() {
      guard player.isRunning else {
        let left = session.events.count - offset
        FileHandle.standardError.write(Data("rankscope: the session quit the explorer before its last \(left) events\n".utf8))
        break
      }
      if pace > 0 {
        let wait = Double(event.milliseconds) / 1_000 / pace - Date().timeIntervalSince(started)
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
      }
      player.play(event)
      if everyStep {
        print("── \(offset + 1)/\(session.events.count) · \(event.milliseconds) ms · \(event.action.label)\n" + player.screenText)
      }
    }
    if !everyStep { print(player.screenText) }
  }
}
