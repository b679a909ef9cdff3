// Shims over ncursesw for Swift.
//
// SwiftPM drops the `-D` flags that `pkg-config --cflags ncursesw` prints, so the wide-character API is
// switched on here. C globals (`stdscr`, `COLS`, `LINES`, `COLORS`, ...) are wrapped in accessor functions,
// because Swift 6 treats imported mutable globals as unsafe under strict concurrency.
#ifndef RANKSCOPE_CNCURSESW_SHIM_H
#define RANKSCOPE_CNCURSESW_SHIM_H

// The C library headers come first, with the default feature-test macros, so that the types they define
// (fd_set, sigaction, ...) match those of the Glibc and Dispatch modules; Clang refuses two modules that
// define one type differently. The feature macros are defined afterwards: they then only affect
// <curses.h>, which needs them to declare the wide-character API.
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/// wcwidth(3), declared here because <wchar.h> only declares it under _XOPEN_SOURCE.
extern int wcwidth(wchar_t character);

/// Display width of a wide character as the C library (and so ncurses) measures it.
static inline int rs_wcwidth(wchar_t character) { return wcwidth(character); }

/// The standard screen window of the current terminal.
static inline WINDOW *rs_stdscr(void) { return stdscr; }
/// Number of columns of the current terminal.
static inline int rs_cols(void) { return COLS; }
/// Number of lines of the current terminal.
static inline int rs_lines(void) { return LINES; }
/// Number of colours the terminal supports (valid after `start_color`).
static inline int rs_colors(void) { return COLORS; }
/// Number of colour pairs the terminal supports (valid after `start_color`).
static inline int rs_color_pairs(void) { return COLOR_PAIRS; }

/// The C standard streams, for `newterm`.
static inline FILE *rs_stdin(void) { return stdin; }
static inline FILE *rs_stdout(void) { return stdout; }

/// Checks that terminfo knows `term` without printing or exiting: 1 when it does, 0 when the terminal is not
/// in the database (or is a hard-copy terminal), -1 when no terminfo database was found.
static inline int rs_terminfo_status(const char *term) {
  int status = 0;
  if (setupterm((char *)term, 1, &status) == OK) {
    del_curterm(cur_term);
    return 1;
  }
  return status == -1 ? -1 : 0;
}

/// Attribute bits, as functions because some are macros built from other macros.
static inline attr_t rs_attr_normal(void) { return A_NORMAL; }
static inline attr_t rs_attr_bold(void) { return A_BOLD; }
static inline attr_t rs_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t rs_attr_reverse(void) { return A_REVERSE; }

/// Key codes returned by `wget_wch` with `KEY_CODE_YES`.
static inline int rs_key_code_yes(void) { return KEY_CODE_YES; }
static inline int rs_key_resize(void) { return KEY_RESIZE; }

/// Sets a cchar_t from a wide string (at most CCHARW_MAX - 1 characters) and writes it at (y, x).
/// Returns ERR when the string is too long for one cell or curses refuses it.
static inline int rs_mvadd_cluster(int y, int x, const wchar_t *chars, attr_t attrs, short pair) {
  cchar_t cell;
  if (wcslen(chars) >= CCHARW_MAX) return ERR;
  if (setcchar(&cell, chars, attrs, pair, NULL) == ERR) return ERR;
  return mvwadd_wch(stdscr, y, x, &cell);
}

/// Writes a wide string at (y, x) with the given attributes and colour pair.
static inline int rs_mvadd_string(int y, int x, const wchar_t *chars, int count, attr_t attrs, short pair) {
  wattr_set(stdscr, attrs, pair, NULL);
  int result = mvwaddnwstr(stdscr, y, x, chars, count);
  wattr_set(stdscr, A_NORMAL, 0, NULL);
  return result;
}

// MARK: - Signals
//
// The handler only records the signal; the run loop notices it, restores the terminal through its normal
// clean-up path and then re-raises the signal with the default action. The flag is `static`, so the Swift
// code that installs the handlers and the code that reads the flag must live in one Swift file.

static volatile sig_atomic_t rs_pending_signal_number = 0;

static void rs_record_signal(int signal_number) { rs_pending_signal_number = signal_number; }

/// Installs the recording handler for SIGINT, SIGTERM and SIGHUP (no SA_RESTART, so a blocking read returns).
static inline void rs_install_signal_handlers(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = rs_record_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, NULL);
  sigaction(SIGTERM, &action, NULL);
  sigaction(SIGHUP, &action, NULL);
}

/// Restores the default action for SIGINT, SIGTERM and SIGHUP.
static inline void rs_restore_signal_handlers(void) {
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  signal(SIGHUP, SIG_DFL);
}

/// On a crash signal (a Swift trap is SIGILL or SIGTRAP), restore the terminal before dying: best effort,
/// since endwin is not async-signal-safe, but far better than leaving the terminal in raw mode.
static void rs_crash_handler(int signal_number) {
  endwin();
  signal(signal_number, SIG_DFL);
  raise(signal_number);
}

/// Installs `rs_crash_handler` for SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS and SIGFPE.
static inline void rs_install_crash_handlers(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = rs_crash_handler;
  action.sa_flags = SA_RESETHAND;
  sigemptyset(&action.sa_mask);
  sigaction(SIGILL, &action, NULL);
  sigaction(SIGTRAP, &action, NULL);
  sigaction(SIGABRT, &action, NULL);
  sigaction(SIGSEGV, &action, NULL);
  sigaction(SIGBUS, &action, NULL);
  sigaction(SIGFPE, &action, NULL);
}

/// Restores the default action for the crash signals.
static inline void rs_restore_crash_handlers(void) {
  signal(SIGILL, SIG_DFL);
  signal(SIGTRAP, SIG_DFL);
  signal(SIGABRT, SIG_DFL);
  signal(SIGSEGV, SIG_DFL);
  signal(SIGBUS, SIG_DFL);
  signal(SIGFPE, SIG_DFL);
}

/// The signal recorded since the last call, or 0.
static inline int rs_take_pending_signal(void) {
  int number = rs_pending_signal_number;
  rs_pending_signal_number = 0;
  return number;
}

/// Re-raises `signal_number` with its default action (after the terminal has been restored).
static inline void rs_reraise_signal(int signal_number) {
  signal(signal_number, SIG_DFL);
  raise(signal_number);
}

#endif
