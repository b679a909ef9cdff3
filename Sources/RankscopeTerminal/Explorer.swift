import CNcursesw
import Foundation
import Glibc
import RankscopeEngine
import RankscopeUI

/// The interactive explorer: runs the TUI on the current terminal until the user quits.
public enum Explorer {
  /// How long one wait for a key lasts before the loop looks for finished searches, in milliseconds.
  static let pollMilliseconds: Int32 = 15

  /// Runs the explorer on `engine` with `theme`, starting with `initialQuery` if given.
  ///
  /// Checks that standard input and output are terminals and that `TERM` names a known terminal, and throws
  /// `ExplorerError` otherwise. The terminal is restored on every way out: quitting, a thrown error, or
  /// SIGINT/SIGTERM/SIGHUP (after restoring, the signal is re-raised with its default action), and on a
  /// best-effort basis on a crash (a trap). With `NO_COLOR` set, only the theme's attributes are used.
  public static func run(engine: SearchEngine, theme: Theme, initialQuery: String? = nil,
                         resultLimit: Int = 50) throws {
    try run(service: engine, theme: theme, initialQuery: initialQuery, resultLimit: resultLimit)
  }

  /// Runs the explorer on any search service (the engine, or a stand-in), with the rank profiles F3 and F4
  /// offer, the profile files that could not be used (`file:line: reason`, shown at start and in the profiles
  /// overlay) and the profile to start with; `judgments` are shown beside results and rated, and `saveJudgment`
  /// stores each rating durably before the screen shows it saved (nil: ratings stay in memory); `script` plays
  /// recorded events as if typed, `recorder` writes down what the user does.
  public static func run(service: any SearchService, theme: Theme, initialQuery: String? = nil,
                         resultLimit: Int = 50, profiles: [RankProfile] = [], profileProblems: [String] = [],
                         initialProfile: String? = nil, judgments: JudgmentSet = JudgmentSet(),
                         judgmentStorage: String? = nil, saveJudgment: ((JudgmentEdit) throws -> Void)? = nil,
                         users: UserDirectory? = nil, initialUser: String? = nil, walker: PixieWalker? = nil,
                         script: ExplorerScript? = nil, recorder: SessionRecorder? = nil) throws {
    try checkTerminal()
    _ = setlocale(LC_ALL, "")
    let term = String(cString: getenv("TERM"))
    guard let screen = newterm(term, rs_stdout(), rs_stdin()) else {
      throw ExplorerError.cursesFailed("newterm failed for TERM '\(term)'")
    }
    set_term(screen)
    rs_install_signal_handlers()
    rs_install_crash_handlers()
    var pendingSignal: Int32 = 0
    defer {
      endwin()
      delscreen(screen)
      rs_restore_crash_handlers()
      rs_restore_signal_handlers()
      if pendingSignal != 0 { rs_reraise_signal(pendingSignal) }
    }
    configureTerminal()
    // https://no-color.org: honour NO_COLOR by keeping only bold, underline and reverse.
    let shownTheme = getenv("NO_COLOR").map { $0.pointee != 0 } == true ? theme.monochromeVariant : theme
    let start = Start(query: initialQuery, resultLimit: resultLimit, profiles: profiles, profileProblems: profileProblems,
                      profile: initialProfile, judgments: judgments, judgmentStorage: judgmentStorage,
                      saveJudgment: saveJudgment, users: users, user: initialUser, walker: walker, script: script,
                      recorder: recorder)
    pendingSignal = try loop(service: service, theme: shownTheme, start: start)
  }

  /// Throws unless standard input and output are terminals and terminfo knows `TERM`; `run` calls it too, and
  /// the CLI may call it first to fail fast before opening an index.
  public static func checkTerminal() throws {
    guard isatty(0) == 1 else { throw ExplorerError.notATerminal(stream: "input") }
    guard isatty(1) == 1 else { throw ExplorerError.notATerminal(stream: "output") }
    guard let value = getenv("TERM"), value.pointee != 0 else { throw ExplorerError.terminalTypeUnset }
    let term = String(cString: value)
    switch rs_terminfo_status(term) {
    case 1: return
    case -1: throw ExplorerError.noTerminfoDatabase(term)
    default: throw ExplorerError.unknownTerminal(term)
    }
  }

  /// Raw input (Ctrl-C arrives as a key), no echo, keypad decoding, hidden cursor, short Escape delay.
  private static func configureTerminal() {
    let window = rs_stdscr()
    raw()
    noecho()
    nonl()
    keypad(window, true)
    _ = curs_set(0)
    _ = set_escdelay(25)
    wtimeout(window, pollMilliseconds)
    assert(KeyDecoder.CursesCode.up == KEY_UP && KeyDecoder.CursesCode.resize == KEY_RESIZE
      && KeyDecoder.CursesCode.backTab == KEY_BTAB && KeyDecoder.CursesCode.end == KEY_END
      && KeyDecoder.CursesCode.function0 == KEY_F0, "KeyDecoder.CursesCode disagrees with <curses.h>")
  }

  /// What the explorer starts with.
  private struct Start {
    var query: String?
    var resultLimit: Int
    var profiles: [RankProfile]
    var profileProblems: [String]
    var profile: String?
    var judgments: JudgmentSet
    var judgmentStorage: String?
    var saveJudgment: ((JudgmentEdit) throws -> Void)?
    var users: UserDirectory?
    var user: String?
    var walker: PixieWalker?
    var script: ExplorerScript?
    var recorder: SessionRecorder?
  }

  /// The event loop; returns the signal that stopped it, or 0 when the user quit.
  private static func loop(service: any SearchService, theme: Theme, start: Start) throws -> Int32 {
    let painter = ScreenPainter(theme: theme)
    let performer = EffectPerformer(service: service, sideEffects: start.saveJudgment.map(EffectPerformer.savingJudgments),
                                    walker: start.walker)
    let worker = SearchWorker(performer: performer)
    var state = AppState(service: service, width: Int(rs_cols()), height: Int(rs_lines()),
                         resultLimit: start.resultLimit, profiles: start.profiles, profileProblems: start.profileProblems)

    func dispatch(_ action: Action) {
      for effect in reduce(&state, action) {
        if effect == .quit {
          state.isRunning = false
        } else if let lane = EffectPerformer.lane(of: effect) {
          worker.submit(effect, lane: lane)
        } else {
          performer.perform(effect).forEach(dispatch)
        }
      }
    }

    let width = Int(rs_cols()), height = Int(rs_lines())
    dispatch(.loadJudgments(start.judgments, storage: start.judgmentStorage))
    dispatch(.loadUsers(start.users))
    SessionPlayer.startActions(width: width, height: height, profile: start.profile, user: start.user,
                               query: start.query).forEach(dispatch)
    start.recorder?.start(width: width, height: height)
    var script = start.script.map(ScriptCursor.init)
    painter.paint(renderScreen(state, width: state.width, height: state.height))

    while state.isRunning {
      let signalNumber = rs_take_pending_signal()
      if signalNumber != 0 { return signalNumber }
      var actions: [Action] = []
      var resized = false
      // Wait up to `pollMilliseconds` for the first key, then take whatever else is already waiting.
      var events = readInput(timeout: pollMilliseconds)
      var reads = 0
      while !events.isEmpty, reads < 512 {
        for event in events {
          switch event {
          case .resize: resized = true
          case .keys(let keys): actions += keys.map(Action.key)
          }
        }
        reads += 1
        events = readInput(timeout: 0)
      }
      if resized { actions.append(.resize(width: Int(rs_cols()), height: Int(rs_lines()))) }
      if let recorder = start.recorder { actions.forEach(recorder.record) }
      // A scripted event waits until the work of the one before has arrived (checked before taking results).
      var scriptEnded = false
      if script != nil, worker.isIdle {
        switch script?.next(state: state) {
        case .play(let action)?: actions.append(action)
        case .done?:
          script = nil
          scriptEnded = true
          if start.script?.exitsWhenDone == true { state.isRunning = false } else { state.notice = start.script?.doneNotice }
        case .wait?, nil: break
        }
      }
      actions += worker.takeCompleted()
      // The query log's guides build in the background: say so once they are ready (the dropdown can then show).
      if state.guideStatus == .building, service.guideStatus != .building {
        actions.append(.guideStatusChanged(service.guideStatus))
      }
      // The query understander builds in the background too: once it is in, the query shown is searched again.
      if state.understanding.isAvailable, !state.understanding.isReady, service.isUnderstandingReady {
        actions.append(.understandingReady)
      }
      guard state.isRunning else { break }
      guard !actions.isEmpty || scriptEnded else { continue }
      for action in actions where state.isRunning { dispatch(action) }
      guard state.isRunning else { break }
      if resized { painter.invalidate() }
      painter.paint(renderScreen(state, width: state.width, height: state.height))
    }
    return rs_take_pending_signal()
  }

  /// One input event.
  private enum InputEvent {
    case keys([Key])
    case resize
  }

  /// Reads one key (or an escape sequence ncurses did not recognise), waiting at most `timeout` ms; empty
  /// when nothing arrived.
  private static func readInput(timeout: Int32) -> [InputEvent] {
    let window = rs_stdscr()
    wtimeout(window, timeout)
    defer { wtimeout(window, pollMilliseconds) }
    var character: wint_t = 0
    let result = wget_wch(window, &character)
    if result == rs_key_code_yes() { return [keyCodeEvent(character)] }
    guard result == OK else { return [] }
    var bytes = utf8(UInt32(character))
    var events: [InputEvent] = []
    if character == 0x1B {
      // An escape sequence ncurses did not decode: gather the bytes already waiting.
      wtimeout(window, 0)
      var next: wint_t = 0
      while bytes.count < 32 {
        let nextResult = wget_wch(window, &next)
        if nextResult == rs_key_code_yes() {
          events.append(keyCodeEvent(next))  // e.g. a resize right after Escape: keep it, after the Escape
          break
        }
        guard nextResult == OK else { break }
        bytes += utf8(UInt32(next))
        if (0x40...0x7E).contains(next), bytes.count > 2 { break }
      }
    }
    return [.keys(KeyDecoder.decode(bytes))] + events
  }

  /// The event for a key code returned with `KEY_CODE_YES`.
  private static func keyCodeEvent(_ code: wint_t) -> InputEvent {
    if Int32(code) == rs_key_resize() { return .resize }
    return .keys(KeyDecoder.key(cursesCode: Int32(code)).map { [$0] } ?? [])
  }

  /// The UTF-8 bytes of a scalar value (U+FFFD for invalid values).
  private static func utf8(_ value: UInt32) -> [UInt8] {
    Array(String(Unicode.Scalar(value).map(Character.init) ?? "\u{FFFD}").utf8)
  }
}
