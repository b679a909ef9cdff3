import Foundation

/// A progress bar on standard error: redrawn in place on a terminal, one line per stage otherwise.
struct ProgressBar {
  private let enabled: Bool
  private let interactive = isatty(2) != 0
  private var lastStage = ""
  private var lastDrawn = -1

  init(enabled: Bool = true) { self.enabled = enabled }

  /// Shows `stage` at `fraction` (0...1).
  mutating func update(stage: String, fraction: Double) {
    guard enabled else { return }
    let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
    if interactive {
      guard percent != lastDrawn || stage != lastStage else { return }
      let width = 30
      let filled = percent * width / 100
      let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
      write("\r\u{1B}[2K  \(bar) \(String(repeating: " ", count: 3 - String(percent).count))\(percent)%  \(stage)")
    } else if stage != lastStage || percent / 25 != lastDrawn / 25 {
      write("  \(stage) \(percent)%\n")
    }
    lastStage = stage
    lastDrawn = percent
  }

  /// Ends the bar with a message.
  func finish(message: String) {
    guard enabled else { return }
    write(interactive ? "\r\u{1B}[2K  \(message)\n" : "  \(message)\n")
  }

  private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
