//! One module per command; this one holds what they share: exit codes and how diagnostics and
//! progress reach the terminal.

pub(crate) mod author;
pub(crate) mod build;
pub(crate) mod changes;
pub(crate) mod check;
pub(crate) mod newsletter;
pub(crate) mod schema;
pub(crate) mod serve;

use koers::diagnostics::{DiagnosticFormat, Diagnostics};
use std::io::{IsTerminal, Write};

/// Success (warnings may have been printed).
pub(crate) const EXIT_OK: u8 = 0;
/// Invalid data: diagnostics printed, nothing written.
pub(crate) const EXIT_INVALID: u8 = 1;
/// Usage, I/O, git or template error.
pub(crate) const EXIT_ERROR: u8 = 2;

fn color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
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

/// Every diagnostic in full: JSON to standard output, the others to standard error.
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

/// Building: errors in full; warnings about the data (shown in full by `koers check`) as one
/// summary line in the human format, all of them in the machine formats.
pub(crate) fn print_build_diagnostics(d: &Diagnostics, format: DiagnosticFormat, data: &std::path::Path) {
    if format != DiagnosticFormat::Human || d.has_errors() {
        return print_diagnostics(d, format);
    }
    // Warnings about templates are not shown by `koers check`: print them here.
    let (in_data, other): (Vec<_>, Vec<_>) = d.items.iter().cloned().partition(|x| x.file.starts_with(data));
    if !other.is_empty() {
        eprint!("{}", Diagnostics { items: other }.render(format, color()));
    }
    let n = in_data.len();
    if n > 0 {
        let _ = writeln!(
            std::io::stderr(),
            "{n} warning{} in the data (run `koers check` to see them)",
            if n == 1 { "" } else { "s" }
        );
    }
}
