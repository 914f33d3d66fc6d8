//! Diagnostics: every problem found in the data, with where it is and how to fix it.
//!
//! Problems are collected, never thrown: a run reports all of them at once. They render for people
//! (`human`), for programs (`json`, a stable format) and for GitHub Actions annotations (`github`).

use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path of the file, relative to the data directory's parent where possible.
    pub file: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column (in characters); 0 when unknown.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The offending source line, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            file: file.into(),
            line: 0,
            column: 0,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self { severity: Severity::Warning, ..Self::error(file, message) }
    }

    /// Place the problem at a position and attach the source line.
    pub fn at(mut self, pos: Pos, source: &str) -> Self {
        self.line = pos.line;
        self.column = pos.column;
        if pos.line > 0 {
            self.source_line = source_lines(source).nth(pos.line - 1).map(|l| l.trim_end().to_string());
        }
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The lines of a source text as YAML counts them, and so the positions of the parser: a line
/// ends at LF, CRLF or a lone CR (`str::lines` knows no lone CR, and would show another line).
pub fn source_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let s = rest.take().filter(|s| !s.is_empty())?;
        match s.find(['\n', '\r']) {
            Some(i) => {
                let eol = if s[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&s[i + eol..]);
                Some(&s[..i])
            }
            None => Some(s),
        }
    })
}

/// A 1-based line and column in a source file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// All diagnostics of a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// Errors first, then warnings, each group in file order ([`Diagnostics::sort`]): the order
    /// every format lists them in, so that an error never hides among warnings.
    pub fn in_order(&self) -> impl Iterator<Item = &Diagnostic> {
        let errors = self.items.iter().filter(|d| d.is_error());
        errors.chain(self.items.iter().filter(|d| !d.is_error()))
    }

    /// The one-line count that ends a listing: "1 error, 29 warnings".
    pub fn summary(&self) -> String {
        crate::t!(
            "diagnostics-summary",
            errors = crate::t!("diagnostics-errors", count = self.error_count()),
            warnings = crate::t!("diagnostics-warnings", count = self.warning_count()),
        )
    }

    /// Sort by file, position, then message: the same data always reports in the same order.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity, &a.message)
                .cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
        });
        self.items.dedup();
    }
}

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DiagnosticFormat {
    /// For people: file:line:column, the source line, a hint.
    #[default]
    Human,
    /// A stable JSON document: {"errors": n, "warnings": n, "diagnostics": [...]}.
    Json,
    /// GitHub Actions workflow commands (::error file=…,line=…,col=…::message).
    Github,
}

impl crate::core::named::Named for DiagnosticFormat {
    const ALL: &'static [Self] = &[DiagnosticFormat::Human, DiagnosticFormat::Json, DiagnosticFormat::Github];
    fn name(self) -> &'static str {
        match self {
            DiagnosticFormat::Human => "human",
            DiagnosticFormat::Json => "json",
            DiagnosticFormat::Github => "github",
        }
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<&'a Diagnostic>,
}

impl Diagnostics {
    pub fn render(&self, format: DiagnosticFormat, color: bool) -> String {
        match format {
            DiagnosticFormat::Human => self.render_human(color),
            DiagnosticFormat::Json => {
                let report = JsonReport {
                    version: 1,
                    errors: self.error_count(),
                    warnings: self.warning_count(),
                    diagnostics: self.in_order().collect(),
                };
                let mut s = serde_json::to_string_pretty(&report).expect("diagnostics serialise");
                s.push('\n');
                s
            }
            DiagnosticFormat::Github => self.render_github(),
        }
    }

    fn render_human(&self, color: bool) -> String {
        let mut out = self.render_listing(color);
        let _ = writeln!(out, "{}", self.summary());
        out
    }

    /// The human format without its summary line: each diagnostic, errors first.
    pub fn render_listing(&self, color: bool) -> String {
        let paint = |code: &str, text: &str| {
            if color { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
        };
        let mut out = String::new();
        for d in self.in_order() {
            let (label, code) = match d.severity {
                Severity::Error => (crate::t!("diagnostics-error"), "1;31"),
                Severity::Warning => (crate::t!("diagnostics-warning"), "1;33"),
            };
            let _ = writeln!(out, "{}: {}", paint(code, &label), paint("1", &d.message));
            let _ = writeln!(out, "  --> {}", location(&d.file, d.line, d.column));
            if let Some(src) = &d.source_line {
                let num = d.line.to_string();
                let pad = " ".repeat(num.len());
                let (shown, caret_at) = excerpt(src, d.column);
                let _ = writeln!(out, "  {pad} |");
                let _ = writeln!(out, "  {num} | {shown}");
                if let Some(at) = caret_at {
                    let caret_pad: String =
                        shown.chars().take(at).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
                    let _ = writeln!(out, "  {pad} | {caret_pad}{}", paint(code, "^"));
                }
            }
            if let Some(h) = &d.hint {
                let _ = writeln!(out, "  = {} {h}", paint("1;36", &format!("{}:", crate::t!("diagnostics-hint"))));
            }
            out.push('\n');
        }
        out
    }

    fn render_github(&self) -> String {
        let mut out = String::new();
        for d in self.in_order() {
            let kind = if d.is_error() { "error" } else { "warning" };
            let mut msg = d.message.clone();
            if let Some(h) = &d.hint {
                msg.push_str(&format!(" ({}: ", crate::t!("diagnostics-hint")));
                msg.push_str(h);
                msg.push(')');
            }
            let _ = write!(out, "::{kind} file={}", gh_property(&d.file.display().to_string()));
            if d.line > 0 {
                let _ = write!(out, ",line={}", d.line);
            }
            if d.column > 0 {
                let _ = write!(out, ",col={}", d.column);
            }
            let _ = writeln!(out, "::{}", gh_data(&msg));
        }
        out
    }
}

/// A long source line cut to a window around the column (1-based; 0 = unknown), with the
/// caret's 0-based position in the shown text.
fn excerpt(src: &str, column: usize) -> (String, Option<usize>) {
    const WIDTH: usize = 100;
    let chars: Vec<char> = src.chars().collect();
    let caret = column.checked_sub(1);
    if chars.len() <= WIDTH {
        return (src.to_string(), caret);
    }
    let at = caret.unwrap_or(0).min(chars.len());
    let start = at.saturating_sub(WIDTH / 3);
    let end = (start + WIDTH).min(chars.len());
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret.map(|c| c - start + usize::from(start > 0)))
}

fn location(file: &Path, line: usize, column: usize) -> String {
    match (line, column) {
        (0, _) => file.display().to_string(),
        (l, 0) => format!("{}:{l}", file.display()),
        (l, c) => format!("{}:{l}:{c}", file.display()),
    }
}

/// Escaping of workflow-command data, as the GitHub Actions toolkit does it.
fn gh_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The closest candidate to `input`, if it is close enough to be a plausible typo.
pub fn did_you_mean<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let norm = |s: &str| s.to_lowercase().replace([' ', '-', '_'], "");
    let input_n = norm(input);
    let mut best: Option<(&str, f64)> = None;
    for c in candidates {
        let c_n = norm(c);
        let score = if c_n == input_n { 1.0 } else { strsim::jaro_winkler(&input_n, &c_n) };
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((c, score));
        }
    }
    best.filter(|(_, s)| *s >= 0.85).map(|(c, _)| c)
}

/// A place in a data file, named by its path (`fasen[3].fase`, 1-based), as a message says it:
/// in English the quoted path (`"fasen[3].fase"`), or "the file" for the file itself; in Dutch
/// in words where the path's list keys are known ("de fase van stap 3"), else the quoted path.
pub fn place(path: &str) -> String {
    if path.is_empty() {
        return crate::t!("data-place-the-file");
    }
    match crate::core::i18n::language() {
        crate::core::i18n::Lang::Nl => dutch_place(path).unwrap_or_else(|| format!("\"{path}\"")),
        crate::core::i18n::Lang::En => format!("\"{path}\""),
    }
}

/// The Dutch noun of one item of a list, by the list's key: `fasen[3]` is "stap 3".
fn dutch_item(list: &str) -> Option<&'static str> {
    Some(match list {
        "fasen" => "stap",
        "resultaten" => "resultaat",
        "rapportages" => "rapportage",
        "interessant" => "kader",
        "afkortingen" => "afkorting",
        "blokken" => "blok",
        "bronnen" => "bron",
        "eigenaren" => "eigenaar",
        "functies" => "functie",
        "gemeenten" => "gemeente",
        "hoofdstukken" => "hoofdstuk",
        "links" => "link",
        "paragrafen" => "paragraaf",
        "posten" => "post",
        "projecten" => "project",
        "themalijnen" => "themalijn",
        "voetnoten" => "voetnoot",
        "bijzonderheden" => "bijzonderheid",
        _ => return None,
    })
}

/// A key at the end of a path as a Dutch noun with its article: `fase` is "de fase".
fn dutch_key(key: &str) -> Option<&'static str> {
    Some(match key {
        "fase" => "de fase",
        "plaats" => "de plaats",
        "periode" => "de periode",
        "editie" => "de editie",
        "maand" => "de maand",
        "start" => "de start",
        "einde" => "het einde",
        "naam" => "de naam",
        "titel" => "de titel",
        "tekst" => "de tekst",
        "kop" => "de kop",
        "url" => "de url",
        "link" => "de link",
        "reden" => "de reden",
        "datum" => "de datum",
        "status" => "de status",
        "soort" => "de soort",
        "afkorting" => "de afkorting",
        "betekenis" => "de betekenis",
        "omschrijving" => "de omschrijving",
        "themalijn" => "de themalijn",
        "project" => "het project",
        "thema" => "het thema",
        "item" => "het item",
        "bedrag" => "het bedrag",
        "bestand" => "het bestand",
        "jaar" => "het jaar",
        "totaal" => "het totaal",
        "functie" => "de functie",
        "post" => "de post",
        "kolom" => "de kolom",
        "noot" => "de noot",
        "vraag" => "de vraag",
        _ => return None,
    })
}

/// A path in Dutch words, innermost first: `rapportages[1].interessant[2].plaats` is "de plaats
/// van kader 2 van rapportage 1"; keys before the first list stay as a path ("post 2 in
/// "begroting.lasten""). `None` for a path without a list, or with a list key or a shape the
/// words do not cover: the caller shows the path itself.
pub fn dutch_place(path: &str) -> Option<String> {
    let mut prefix: Vec<&str> = Vec::new();
    let mut items: Vec<(&'static str, &str)> = Vec::new();
    let mut leaf: Option<&str> = None;
    for segment in path.split('.') {
        if leaf.is_some() {
            return None; // more than one key after the last list
        }
        match segment.split_once('[') {
            Some((key, rest)) => {
                let index =
                    rest.strip_suffix(']').filter(|i| !i.is_empty() && i.chars().all(|c| c.is_ascii_digit()))?;
                items.push((dutch_item(key)?, index));
            }
            None if items.is_empty() => prefix.push(segment),
            None => leaf = Some(segment),
        }
    }
    if items.is_empty() {
        return None;
    }
    let mut parts: Vec<String> = Vec::new();
    if let Some(key) = leaf {
        parts.push(dutch_key(key).map_or_else(|| format!("\"{key}\""), str::to_string));
    }
    parts.extend(items.iter().rev().map(|(noun, index)| format!("{noun} {index}")));
    let mut words = parts.join(" van ");
    if !prefix.is_empty() {
        words.push_str(&format!(" in \"{}\"", prefix.join(".")));
    }
    Some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_in_dutch_words() {
        assert_eq!(dutch_place("fasen[3].fase").as_deref(), Some("de fase van stap 3"));
        assert_eq!(
            dutch_place("rapportages[1].interessant[2].plaats").as_deref(),
            Some("de plaats van kader 2 van rapportage 1")
        );
        assert_eq!(dutch_place("resultaten[4]").as_deref(), Some("resultaat 4"));
        assert_eq!(dutch_place("fasen[2].sinds").as_deref(), Some("\"sinds\" van stap 2"));
        assert_eq!(
            dutch_place("begroting.lasten.posten[2].bedrag").as_deref(),
            Some("het bedrag van post 2 in \"begroting.lasten\"")
        );
        // No list, an unknown list, or a shape the words do not cover: the path itself.
        assert_eq!(dutch_place("voetnoten"), None);
        assert_eq!(dutch_place("context[1].tekst"), None);
        assert_eq!(dutch_place("fasen[1].a.b"), None);
        assert_eq!(dutch_place("fasen[x].fase"), None);
    }

    #[test]
    fn lines_end_as_yaml_ends_them() {
        let lines: Vec<&str> = source_lines("a\r\nb\rc\n\nd\r").collect();
        assert_eq!(lines, ["a", "b", "c", "", "d"]);
        assert_eq!(source_lines("").count(), 0);
        let d = Diagnostic::error("f", "m").at(Pos { line: 2, column: 1 }, "a: 1\rb: [\n");
        assert_eq!(d.source_line.as_deref(), Some("b: ["));
    }

    #[test]
    fn suggests_nearest_phase() {
        let phases =
            ["Initiatiefase", "Definitiefase", "Ontwerpfase", "Voorbereidingsfase", "Realisatiefase", "Borgingsfase"];
        assert_eq!(did_you_mean("Vorbereidingsfase", phases), Some("Voorbereidingsfase"));
        assert_eq!(did_you_mean("realisatie fase", phases), Some("Realisatiefase"));
        assert_eq!(did_you_mean("Banaan", phases), None);
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("{}FOUT{}", "a".repeat(300), "b".repeat(300));
        let (shown, caret) = excerpt(&line, 301);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert!(shown.chars().count() <= 102);
        let at = caret.unwrap();
        assert_eq!(shown.chars().skip(at).take(4).collect::<String>(), "FOUT");
        assert_eq!(excerpt("kort", 2), ("kort".to_string(), Some(1)));
    }

    #[test]
    fn github_format_escapes() {
        let mut d = Diagnostics::default();
        d.push(Diagnostic { line: 3, column: 7, ..Diagnostic::error("data/a,b.yaml", "bad\nthing 100%") });
        assert_eq!(
            d.render(DiagnosticFormat::Github, false),
            "::error file=data/a%2Cb.yaml,line=3,col=7::bad%0Athing 100%25\n"
        );
    }
}
