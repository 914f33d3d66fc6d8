//! One module per command; this one holds what they share: the exit status and how diagnostics,
//! progress and the files written reach the terminal.

pub(crate) mod author;
pub(crate) mod build;
pub(crate) mod changes;
pub(crate) mod check;
pub(crate) mod init;
pub(crate) mod newsletter;
pub(crate) mod schema;
pub(crate) mod serve;
pub(crate) mod status;

use koers::core::diagnostics::{DiagnosticFormat, Diagnostics};
use std::io::{IsTerminal, Write};

/// The exit status of every command — the one rule, as the README's table "Exit codes" gives it
/// per command. 1 depends on the data; 2 does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exit {
    /// 0: done (warnings may have been printed).
    Ok,
    /// 1: the data is invalid, or the request does not fit the data — an unknown id, a period or
    /// edition the data lacks, a file that exists already, a change after which the data would
    /// not validate ([`koers::Refusal`]). Diagnostics or the reason printed; nothing written.
    Invalid,
    /// 2: the command line is wrong (an unknown flag, a value that does not parse as what it
    /// must be), or an I/O, git or template error, or a path koers may not write.
    Error,
}

impl Exit {
    /// The status of a command that failed with `e`: a refusal is about the data (1), anything
    /// else is not (2).
    pub(crate) fn of_error(e: &anyhow::Error) -> Exit {
        if koers::core::refusal::is_refusal(e) { Exit::Invalid } else { Exit::Error }
    }

    /// The status of a command line clap could not parse (or `--help`, `--version`: 0).
    pub(crate) fn of_usage(e: &clap::Error) -> Exit {
        if e.use_stderr() { Exit::Error } else { Exit::Ok }
    }

    /// Invalid data: 1 when `d` has errors, else 0.
    pub(crate) fn of_diagnostics(d: &Diagnostics) -> Exit {
        if d.has_errors() { Exit::Invalid } else { Exit::Ok }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> Self {
        std::process::ExitCode::from(match e {
            Exit::Ok => 0,
            Exit::Invalid => 1,
            Exit::Error => 2,
        })
    }
}

fn color() -> bool {
    color_on(std::io::stderr().is_terminal())
}

/// Whether output to a stream may be coloured: only on a terminal, and never with `NO_COLOR` set.
pub(crate) fn color_on(terminal: bool) -> bool {
    terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

pub(crate) fn paint_error(s: &str) -> String {
    if color() { format!("\x1b[1;31m{s}\x1b[0m") } else { s.to_string() }
}

/// A progress line, only on a terminal.
pub(crate) fn progress(msg: &str) {
    if std::io::stderr().is_terminal() {
        let _ = writeln!(std::io::stderr(), "{msg}");
    }
}

/// An error line on standard error: "error: <message>".
pub(crate) fn error_line(msg: &str) {
    let _ = writeln!(std::io::stderr(), "{}: {msg}", paint_error(&koers::t!("cmd-error-label")));
}

/// Every diagnostic in full, errors first: JSON to standard output, the others to standard error.
pub(crate) fn print_diagnostics(d: &Diagnostics, format: DiagnosticFormat) {
    if d.items.is_empty() && format == DiagnosticFormat::Github {
        return;
    }
    let text = d.render(format, color());
    match format {
        DiagnosticFormat::Json => print!("{text}"),
        _ => eprint!("{text}"),
    }
}

/// Building: errors in full, then the warnings about templates in full, then one line that counts
/// the warnings about the data (shown in full by `koers check`) with the summary — in the human
/// format; the machine formats have every diagnostic.
pub(crate) fn print_build_diagnostics(d: &Diagnostics, format: DiagnosticFormat, data: &std::path::Path) {
    if format != DiagnosticFormat::Human {
        return print_diagnostics(d, format);
    }
    // Warnings about templates are not shown by `koers check`: print them here.
    let (data_warnings, shown): (Vec<_>, Vec<_>) =
        d.items.iter().cloned().partition(|x| !x.is_error() && x.file.starts_with(data));
    let shown = Diagnostics { items: shown };
    if shown.items.is_empty() && data_warnings.is_empty() {
        return;
    }
    let text = shown.render_listing(color());
    let n = data_warnings.len();
    let line = match (shown.items.is_empty(), n) {
        // Only warnings about the data: they are counted, as ever.
        (true, _) => koers::t!("cmd-build-data-warnings", count = n),
        (false, 0) => d.summary(),
        (false, _) => koers::t!("cmd-build-summary-data-warnings", summary = d.summary()),
    };
    eprintln!("{text}{line}");
}

/// The files a command wrote, one line each on standard output — also when it is not a terminal
/// (a script reads them); nothing with `--quiet`.
pub(crate) fn list_written<P: AsRef<std::path::Path>>(paths: impl IntoIterator<Item = P>, quiet: bool) {
    if quiet {
        return;
    }
    let mut out = std::io::stdout().lock();
    for p in paths {
        let _ = writeln!(out, "{}", p.as_ref().display());
    }
}
