//! Fuzz tests, deterministic and bounded (`KOERS_FUZZ_CASES` for a longer run, `KOERS_FUZZ_SEED`
//! for other cases; see README): the loader on damaged and generated data files — never a panic,
//! every diagnostic at a file:line:column that exists — and the authoring editor
//! (`authoring::yaml_text`) on generated YAML documents — its output parses as the data before
//! with exactly the edit made, every other line byte-identical, every comment kept.

use crate::common;
use crate::fuzz;
use common::*;
use fuzz::{Rng, cases, mutate, nasty_text, seed, yaml_document, yaml_noise};
use koers::authoring::yaml_text::YamlText;
use koers::check::ValidateOptions;
use koers::core::dates::Month;
use koers::core::diagnostics::Diagnostic;
use koers::load::DataSource;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The data files in memory: the loader's input without the disk, so thousands of runs are quick.
struct Files {
    root: PathBuf,
    files: Vec<(PathBuf, Vec<u8>)>,
}

impl DataSource for Files {
    fn files(&self) -> std::io::Result<Vec<(PathBuf, Vec<u8>)>> {
        Ok(self.files.clone())
    }
    fn display_root(&self) -> PathBuf {
        self.root.clone()
    }
    fn read(&self, rel: &std::path::Path) -> std::io::Result<Vec<u8>> {
        let found = self.files.iter().find(|(p, _)| p == rel).map(|(_, b)| b.clone());
        found.ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))
    }
}

/// The lines of a file as YAML and an editor count them (a line break is LF, CRLF or a lone CR),
/// without a byte order mark.
fn yaml_lines(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    text.replace("\r\n", "\n").replace('\r', "\n").split('\n').map(str::to_string).collect()
}

/// Where a diagnostic points: a file, a 1-based line and column (0 for the whole file), and the
/// source line it shows.
struct Place<'a> {
    file: &'a Path,
    line: usize,
    column: usize,
    source_line: Option<&'a str>,
}

impl<'a> From<&'a Diagnostic> for Place<'a> {
    fn from(d: &'a Diagnostic) -> Place<'a> {
        Place { file: &d.file, line: d.line, column: d.column, source_line: d.source_line.as_deref() }
    }
}

/// A diagnostic points into the data: a file of the data set (or the data directory or a file it
/// lacks, for what concerns no one line), and a line and column that exist in it — or 0 for the whole file —
/// with the source line it shows being that line.
fn assert_located(at: Place, source: &Files, case: &dyn Fn() -> String) {
    let Place { file, line, column, source_line } = at;
    let found = source.files.iter().find(|(rel, _)| source.root.join(rel) == file);
    let Some((_, bytes)) = found else {
        // The directory, or a file it lacks (koers.yaml), as a whole.
        assert!(file.starts_with(&source.root) && line == 0, "not a data file: {}:{line}\n{}", file.display(), case());
        return;
    };
    if line == 0 {
        assert_eq!(column, 0, "a column without a line: {}\n{}", file.display(), case());
        return;
    }
    let lines = yaml_lines(bytes);
    let text = lines
        .get(line - 1)
        .unwrap_or_else(|| panic!("line {line} of a file of {} lines: {}\n{}", lines.len(), file.display(), case()));
    let width = text.chars().count();
    assert!(
        column <= width + 1,
        "column {column} on a line of {width} characters: {}:{line}\n{}",
        file.display(),
        case()
    );
    if let Some(shown) = source_line {
        assert_eq!(
            shown,
            text.trim_end(),
            "the source line shown is not line {line} of {}\n{}",
            file.display(),
            case()
        );
    }
}

/// The loader and the validation on thousands of deterministic mutations of real data files —
/// characters deleted, YAML syntax characters and odd line breaks inserted, lines duplicated or
/// cut — and on generated files dropped in as projects (`KOERS_FUZZ_CASES` for more): never a
/// panic, every broken file reported, every diagnostic at a file:line:column that exists.
#[test]
fn check_reports_mutated_data_at_real_positions() {
    let base = root().join("tests/fixtures/valid");
    let mut originals: Vec<(PathBuf, Vec<u8>)> =
        snapshot(&base).into_iter().map(|(rel, bytes)| (PathBuf::from(rel), bytes)).collect();
    // A few real files too, for their long Markdown texts and footnotes.
    for f in ["projecten/valpreventie.yaml", "themalijnen/ouderen.yaml", "nieuwsbrief/2025-Q3.yaml"] {
        originals.push((PathBuf::from(f), std::fs::read(root().join("data").join(f)).unwrap()));
    }
    originals.sort();
    let opts = ValidateOptions { report_month: Some(Month { year: 2025, month: 12 }) };
    // The real files name projects and themes the fixtures do not have: the errors of the data
    // as it is, to tell the mutations' own.
    let errors = |source: &Files| -> Vec<Diagnostic> {
        let checked = koers::check(source, &opts).expect("in memory");
        checked.diagnostics.items.into_iter().filter(Diagnostic::is_error).collect()
    };
    let unmutated = errors(&Files { root: PathBuf::from("/data"), files: originals.clone() });
    let mut rng = Rng::new(seed(0x9e37_79b9_7f4a_7c15));
    let (mut broken, mut diagnostics) = (0, 0);
    let rounds = cases(600);
    for round in 0..rounds {
        let mut source = Files { root: PathBuf::from("/data"), files: originals.clone() };
        let target = rng.below(source.files.len() + 1);
        let name = match source.files.get_mut(target) {
            Some((name, bytes)) => {
                *bytes = mutate(bytes, &mut rng);
                name.clone()
            }
            // A generated file as a project of its own, sometimes mutated too, or YAML's tokens at random.
            None => {
                let text = if rng.chance(25) { yaml_noise(&mut rng) } else { yaml_document(&mut rng).text };
                let bytes = if rng.chance(50) { mutate(text.as_bytes(), &mut rng) } else { text.into_bytes() };
                let name = PathBuf::from("projecten/gegenereerd.yaml");
                source.files.push((name.clone(), bytes));
                source.files.sort();
                name
            }
        };
        let case = || {
            let bytes = &source.files.iter().find(|(n, _)| *n == name).unwrap().1;
            format!("round {round}, {}:\n{}", name.display(), String::from_utf8_lossy(bytes))
        };
        let checked = std::panic::catch_unwind(|| koers::check(&source, &opts))
            .unwrap_or_else(|_| panic!("a panic\n{}", case()))
            .unwrap_or_else(|e| panic!("I/O error {e}\n{}", case()));
        broken += usize::from(checked.diagnostics.items.iter().any(|d| d.is_error() && !unmutated.contains(d)));
        for d in &checked.diagnostics.items {
            diagnostics += 1;
            assert_located(d.into(), &source, &case);
        }
    }
    eprintln!(
        "{rounds} data sets checked, {broken} with errors of their own, {diagnostics} diagnostics at their place"
    );
    assert!(broken * 2 > rounds, "the mutations should mostly break the data ({broken} of {rounds})");
}

/// `koers check`, the command as a user runs it, on damaged data directories on disk — a file
/// mutated, deleted, or a generated one added (`KOERS_FUZZ_CASES` for more): no panic; exit code 0
/// without errors, 1 with errors, or 2 with a message (`error: …`); the JSON diagnostics name a
/// file of the directory (or the directory) at a line and column that exist in it.
#[test]
fn koers_check_exits_with_its_codes_and_located_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&root().join("tests/fixtures/valid"), &data);
    let originals: Vec<(PathBuf, Vec<u8>)> =
        snapshot(&data).into_iter().map(|(rel, bytes)| (PathBuf::from(rel), bytes)).collect();
    let mut rng = Rng::new(seed(0x6a09_e667_f3bc_c908));
    let mut codes = [0; 3];
    let rounds = cases(100);
    for round in 0..rounds {
        let (name, bytes) = rng.pick(&originals).clone();
        let path = data.join(&name);
        let generated = data.join("projecten/gegenereerd.yaml");
        match rng.below(10) {
            0 => std::fs::remove_file(&path).unwrap(),
            1 => std::fs::write(&generated, mutate(yaml_document(&mut rng).text.as_bytes(), &mut rng)).unwrap(),
            _ => std::fs::write(&path, mutate(&bytes, &mut rng)).unwrap(),
        }
        let source = Files {
            root: data.clone(),
            files: snapshot(&data).into_iter().map(|(rel, bytes)| (PathBuf::from(rel), bytes)).collect(),
        };
        let out = run(koers().args(["check", "--date", "2025-12-01", "--message-format", "json", "--data"]).arg(&data));
        let (stdout, stderr) = (stdout(&out), stderr(&out));
        let case = || format!("round {round}, {}:\n{stderr}\n{stdout}", name.display());
        assert!(!stderr.contains("panicked"), "a panic\n{}", case());
        let code = out.status.code().unwrap_or_else(|| panic!("killed by a signal\n{}", case()));
        assert!(code <= 2, "exit code {code}\n{}", case());
        codes[code as usize] += 1;
        if code == 2 {
            assert!(stderr.starts_with("error: ") && stderr.trim_end().len() > 7, "no message\n{}", case());
        } else {
            let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e})\n{}", case()));
            let errors = report["errors"].as_u64().unwrap();
            assert_eq!(code == 1, errors > 0, "exit code {code} with {errors} errors\n{}", case());
            for d in report["diagnostics"].as_array().unwrap() {
                let number = |k: &str| d[k].as_u64().unwrap_or_else(|| panic!("no {k}: {d}\n{}", case())) as usize;
                let file = Path::new(d["file"].as_str().unwrap_or_else(|| panic!("no file: {d}\n{}", case())));
                let at = Place {
                    file,
                    line: number("line"),
                    column: number("column"),
                    source_line: d["source_line"].as_str(),
                };
                assert_located(at, &source, &case);
            }
        }
        std::fs::write(&path, &bytes).unwrap();
        let _ = std::fs::remove_file(&generated);
    }
    eprintln!(
        "koers check on {rounds} damaged data directories: exit code 0: {}, 1: {}, 2: {}",
        codes[0], codes[1], codes[2]
    );
    assert!(codes[1] * 2 > rounds, "the damage should mostly be reported as errors: {codes:?}");
}

fn parsed(text: &str) -> Result<Value, String> {
    serde_saphyr::from_str::<Value>(text).map_err(|e| e.to_string())
}

/// One edit of the authoring editor.
#[derive(Debug)]
enum Edit {
    Mapping { key: String, before: Option<usize>, fields: Vec<(String, String)>, comments: Vec<String> },
    Scalar { key: String, after: Option<usize>, value: String },
    Set { key: String, value: String, after: String },
}

impl Edit {
    /// An edit of a document with these top-level keys and data (`None` for a broken one): mostly
    /// of a key whose value suits it, sometimes of any key or a new one.
    fn random(rng: &mut Rng, keys: &[String], data: Option<&Value>) -> Edit {
        let kind = rng.below(3);
        let suits = |k: &&String| match data.and_then(|d| d.get(k.as_str())) {
            Some(Value::Array(_) | Value::Null) => kind < 2,
            Some(Value::String(_) | Value::Number(_) | Value::Bool(_)) => kind == 2,
            _ => false,
        };
        let suiting: Vec<String> = keys.iter().filter(suits).cloned().collect();
        let key = match rng.below(10) {
            0..=7 if !suiting.is_empty() => rng.pick(&suiting).clone(),
            0..=8 if !keys.is_empty() => rng.pick(keys).clone(),
            _ => "nieuw".to_string(),
        };
        let index = |rng: &mut Rng| if rng.chance(50) { Some(rng.below(5)) } else { None };
        match kind {
            0 => Edit::Mapping {
                key,
                before: index(rng),
                fields: ["periode", "maand", "tekst"][..1 + rng.below(3)]
                    .iter()
                    .map(|k| (k.to_string(), nasty_text(rng)))
                    .collect(),
                comments: (0..rng.below(3)).map(|_| nasty_text(rng).replace(['\n', '\r'], " ")).collect(),
            },
            1 => Edit::Scalar { key, after: index(rng), value: nasty_text(rng) },
            _ => Edit::Set {
                key,
                value: nasty_text(rng),
                after: if keys.is_empty() { "naam".to_string() } else { rng.pick(keys).clone() },
            },
        }
    }

    /// Apply it; Ok: the 1-based line it reported.
    fn apply(&self, doc: &mut YamlText) -> Result<usize, String> {
        match self {
            Edit::Mapping { key, before, fields, comments } => {
                let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                doc.insert_mapping_item(key, *before, &fields, comments)
            }
            Edit::Scalar { key, after, value } => doc.insert_scalar_item(key, *after, value),
            Edit::Set { key, value, after } => doc.set_top_level_value(key, value, after).map(|(line, _)| line),
        }
    }

    /// The data as it must read after the edit, from the data before.
    fn expected(&self, before: &Value) -> Value {
        let mut after = before.clone();
        let map = after.as_object_mut().expect("a mapping");
        let list = |map: &serde_json::Map<String, Value>, key: &str| match map.get(key) {
            Some(Value::Array(a)) => a.clone(),
            _ => vec![],
        };
        match self {
            Edit::Mapping { key, before, fields, .. } => {
                let mut items = list(map, key);
                let item = fields.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect();
                let at = before.filter(|b| *b < items.len()).unwrap_or(items.len());
                items.insert(at, Value::Object(item));
                map.insert(key.clone(), Value::Array(items));
            }
            Edit::Scalar { key, after, value } => {
                let mut items = list(map, key);
                let at = match after {
                    Some(a) if *a < items.len() => a + 1,
                    _ => items.len(),
                };
                items.insert(at, Value::String(value.clone()));
                map.insert(key.clone(), Value::Array(items));
            }
            Edit::Set { key, value, .. } => {
                map.insert(key.clone(), Value::String(value.clone()));
            }
        }
        after
    }
}

/// A line: its content and its line ending ("\r\n", "\n" or "" for a last line without one).
type Line<'a> = (&'a str, &'a str);

/// A text's lines.
fn lines_of(text: &str) -> Vec<Line<'_>> {
    text.split_inclusive('\n')
        .map(|l| match l.strip_suffix("\r\n") {
            Some(content) => (content, "\r\n"),
            None => l.strip_suffix('\n').map_or((l, ""), |content| (content, "\n")),
        })
        .collect()
}

/// What an edit did to a text's lines: everything before `at` and after the changed lines is
/// the same text (line endings aside); `removed` of the old lines were replaced by `added`.
struct LineChange<'a> {
    at: usize,
    removed: Vec<Line<'a>>,
    added: Vec<Line<'a>>,
    /// Pairs of (old, new) line that are unchanged in content.
    kept: Vec<(Line<'a>, Line<'a>)>,
}

fn line_change<'a>(old: &'a str, new: &'a str) -> LineChange<'a> {
    let (old, new) = (lines_of(old), lines_of(new));
    let common = old.len().min(new.len());
    let prefix = (0..common).take_while(|&i| old[i].0 == new[i].0).count();
    let suffix = (0..common - prefix).take_while(|&i| old[old.len() - 1 - i].0 == new[new.len() - 1 - i].0).count();
    let kept = (0..prefix)
        .map(|i| (old[i], new[i]))
        .chain((0..suffix).map(|i| (old[old.len() - 1 - i], new[new.len() - 1 - i])))
        .collect();
    LineChange {
        at: prefix,
        removed: old[prefix..old.len() - suffix].to_vec(),
        added: new[prefix..new.len() - suffix].to_vec(),
        kept,
    }
}

/// How `new` differs from `old` in one place: the byte offset where they part, what of `old` is
/// replaced there and by what of `new`.
fn one_splice<'a>(old: &'a str, new: &'a str) -> (usize, &'a str, &'a str) {
    let at: usize = old.chars().zip(new.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
    let (old_rest, new_rest) = (&old[at..], &new[at..]);
    let same_end: usize =
        old_rest.chars().rev().zip(new_rest.chars().rev()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
    (at, &old_rest[..old_rest.len() - same_end], &new_rest[..new_rest.len() - same_end])
}

/// The line ending a new line gets: the one most of the text's lines have (CRLF in a tie).
fn usual_ending(text: &str) -> &'static str {
    let crlf = text.matches("\r\n").count();
    let breaks = text.matches('\n').count();
    if breaks > 0 && crlf * 2 >= breaks { "\r\n" } else { "\n" }
}

/// Whether a text is YAML, whatever its keys and values.
fn is_yaml(text: &str) -> bool {
    serde_saphyr::from_str::<serde::de::IgnoredAny>(text).is_ok()
}

/// Whether a text has a lone CR: a carriage return that is not part of a CRLF.
fn has_lone_cr(text: &str) -> bool {
    text.replace("\r\n", "").contains('\r')
}

/// What an edit the editor made must hold, `text` being the input, `before` its data and `out`
/// the output, `line` the line it reported:
/// - the output parses, and reads as the data before with exactly that change (every value read
///   back as the text given);
/// - only the intended lines change: one place in the file, new lines inserted there and at
///   most one line rewritten (the key's line of `key: []`, of the value set, or of the flow list
///   an id goes into, which keeps all it had); every other line is byte-identical, its line
///   ending included (a last line without one gets the file's usual ending when lines follow);
/// - a new line ends as most of the file's lines do;
/// - every one of `comments` stays, once;
/// - the line it reports is one of the changed ones.
fn assert_edit_made(
    edit: &Edit,
    (text, before): (&str, &Value),
    (out, line): (&str, usize),
    comments: &[String],
    show: &dyn Fn() -> String,
) {
    let after = parsed(out).unwrap_or_else(|e| panic!("the output does not parse ({e})\n{}", show()));
    assert_eq!(after, edit.expected(before), "the data is not the data before with the edit\n{}", show());

    let change = line_change(text, out);
    let usual = usual_ending(text);
    for ((old, old_end), (new, new_end)) in &change.kept {
        assert!(
            old_end == new_end || (old_end.is_empty() && (*new_end == usual)),
            "the line ending of {old:?} changed to that of {new:?}\n{}",
            show()
        );
    }
    assert!(!change.added.is_empty(), "nothing added\n{}", show());
    assert!(change.removed.len() <= 1, "lines removed: {:?}\n{}", change.removed, show());
    let last = lines_of(out).len() - 1;
    for (i, (content, end)) in change.added.iter().enumerate() {
        let rewritten = i == 0 && change.removed.len() == 1;
        let ok = match rewritten {
            true => *end == change.removed[0].1 || (change.removed[0].1.is_empty() && *end == usual),
            false => *end == usual || (change.at + i == last && end.is_empty()),
        };
        assert!(ok, "new line {content:?} ends with {end:?}\n{}", show());
    }
    if let [(old, _)] = change.removed[..] {
        let new = change.added[0].0;
        assert!(!old.trim_start().starts_with('#'), "a comment line rewritten\n{}", show());
        // The rewritten line keeps the key and its colon, and changes in one place: an empty value
        // (`[]`, `~`) taken away for the items below it — its comment kept —, an id put into a
        // flow list, or the value set.
        let key = match edit {
            Edit::Mapping { key, .. } | Edit::Scalar { key, .. } | Edit::Set { key, .. } => key,
        };
        let key_len = match old.find(':') {
            Some(colon) if old[..colon].trim_end().trim_matches(['"', '\'']) == key => colon + 1,
            // A line of a flow list below its key's.
            _ => 0,
        };
        let (at, removed, inserted) = one_splice(old, new);
        let emptied = inserted.is_empty() && !removed.contains('#');
        let kept = at >= key_len
            && match edit {
                Edit::Mapping { .. } => emptied,
                Edit::Scalar { .. } => emptied || (removed.is_empty() && !inserted.is_empty()),
                Edit::Set { .. } => true,
            };
        assert!(kept, "the line {old:?} became {new:?}\n{}", show());
    }
    for c in comments {
        assert_eq!(out.matches(c.as_str()).count(), 1, "the comment {c:?} is not kept once\n{}", show());
    }
    assert!(
        (change.at + 1..=change.at + change.added.len()).contains(&line),
        "line {line} reported, lines {}..{} changed\n{}",
        change.at + 1,
        change.at + change.added.len(),
        show()
    );
}

/// The authoring editor on thousands of generated documents and edits (`KOERS_FUZZ_CASES` for
/// more): an edit it makes holds all of [`assert_edit_made`]; an edit it refuses leaves the text
/// as it was, with a message. A file with a lone CR is always refused (its lines would not be
/// the parser's), for that reason unless another comes first. Refusals for a layout it does not foresee (the safety net of a re-parse) are
/// counted and must stay rare; edits of files in CRLF, a mix of endings, with a byte order mark
/// and without a final line break must have been made.
#[test]
fn the_editor_changes_only_what_it_is_asked_to() {
    let mut rng = Rng::new(seed(0x2545_f491_4f6c_dd1d));
    let (mut made, mut refused, mut unforeseen) = (0, 0, 0);
    // Edits made of files in CRLF only, a mix of line endings, with a byte order mark, without a
    // final line break; files with a lone CR refused.
    let (mut crlf, mut mixed, mut bom, mut unterminated, mut lone_cr) = (0, 0, 0, 0, 0);
    let total = cases(20000);
    for case in 0..total {
        let generated = yaml_document(&mut rng);
        let text = &generated.text;
        let before =
            parsed(text).unwrap_or_else(|e| panic!("case {case}: the generator made invalid YAML ({e}):\n{text:?}"));
        assert!(before.is_object(), "case {case}: the generator made no mapping:\n{text:?}");
        let edit = Edit::random(&mut rng, &generated.keys, Some(&before));
        let mut doc = YamlText::new(text);
        let result = edit.apply(&mut doc);
        let out = doc.text();
        let show = || format!("case {case}, {edit:?}\ninput:\n{text:?}\n---\noutput:\n{out:?}\n---\n{out}");
        if has_lone_cr(text) {
            // Refused — for the lone CR, unless the edit is refused for another reason first.
            let message = result.as_ref().err().unwrap_or_else(|| panic!("a file with a lone CR edited\n{}", show()));
            lone_cr += usize::from(message.contains("carriage return (CR)"));
        }
        let line = match result {
            Err(message) => {
                assert!(!message.is_empty(), "{}", show());
                assert_eq!(&out, text, "a refused edit changed the text: {message}\n{}", show());
                refused += 1;
                if message.contains("make it by hand") {
                    // Shown when the count below fails the test (or with --nocapture).
                    if unforeseen < 5 {
                        eprintln!("refused for an unforeseen layout: {}", show());
                    }
                    unforeseen += 1;
                }
                continue;
            }
            Ok(line) => line,
        };
        made += 1;
        let crlfs = text.matches("\r\n").count();
        crlf += usize::from(crlfs > 0 && crlfs == text.matches('\n').count());
        mixed += usize::from(crlfs > 0 && crlfs < text.matches('\n').count());
        bom += usize::from(text.starts_with('\u{feff}'));
        unterminated += usize::from(!text.ends_with('\n'));
        assert_edit_made(&edit, (text, &before), (&out, line), &generated.comments, &show);
    }
    eprintln!(
        "{total} documents: {made} edits made ({crlf} in CRLF, {mixed} in mixed line endings, {bom} with a byte order \
         mark, {unterminated} without a final line break), {refused} refused ({unforeseen} for an unforeseen \
         layout, {lone_cr} for a lone CR)"
    );
    assert!(made * 2 > total, "{made} edits made of {total}: the generator should mostly make editable files");
    assert!(unforeseen * 50 < total, "{unforeseen} of {total} edits refused for an unforeseen layout");
    if total >= 1000 {
        for (n, what) in [(crlf, "CRLF"), (mixed, "mixed"), (bom, "BOM"), (unterminated, "unterminated")] {
            assert!(n > 0, "no edit made of a file with {what} line endings: the generator lacks them");
        }
        assert!(lone_cr > 0, "no file with a lone CR generated");
    }
}

/// The editor on broken files (generated ones damaged, and YAML's tokens at random): it never
/// panics; an edit it refuses leaves the text as it was, with a message; from a file that still
/// parses as a mapping, an edit it makes holds all of [`assert_edit_made`] (the comments checked
/// are those still in the file once); from other YAML, its output is YAML; from a file that does
/// not parse, it makes none.
#[test]
fn the_editor_refuses_or_edits_broken_files_exactly() {
    let mut rng = Rng::new(seed(0x9e37_79b9_7f4a_7c15) ^ 1);
    // Edits made of mappings of texts (checked in full), of other YAML; edits refused.
    let (mut made, mut made_other, mut refused) = (0, 0, 0);
    let total = cases(20000);
    for case in 0..total {
        let generated = yaml_document(&mut rng);
        let bytes = if rng.chance(20) {
            yaml_noise(&mut rng).into_bytes()
        } else {
            mutate(generated.text.as_bytes(), &mut rng)
        };
        let Ok(text) = String::from_utf8(bytes) else { continue };
        let edit = Edit::random(&mut rng, &generated.keys, None);
        let outcome = std::panic::catch_unwind(|| {
            let mut doc = YamlText::new(&text);
            let result = edit.apply(&mut doc);
            (result, doc.text())
        });
        let Ok((result, out)) = outcome else { panic!("case {case}: the editor panicked on {edit:?}:\n{text:?}") };
        let show = || format!("case {case}, {edit:?}\ninput:\n{text:?}\n---\noutput:\n{out:?}");
        match (result, parsed(&text)) {
            (Err(message), _) => {
                assert!(!message.is_empty(), "{}", show());
                assert_eq!(out, text, "a refused edit changed the text: {message}\n{}", show());
                refused += 1;
            }
            (Ok(line), Ok(before)) if before.is_object() => {
                // The generated comments still comments: once in the file, after a space or at
                // a line's start, and not in the data (a mutation may have quoted one).
                let data = before.to_string();
                let still_comment = |c: &String| {
                    let found: Vec<usize> = text.match_indices(c.as_str()).map(|(at, _)| at).collect();
                    let id = &c[2.."# noot000".len()];
                    matches!(found[..], [at] if at == 0 || text[..at].ends_with([' ', '\t', '\n', '\r']))
                        && !data.contains(id)
                };
                let comments: Vec<String> = generated.comments.into_iter().filter(still_comment).collect();
                assert_edit_made(&edit, (&text, &before), (&out, line), &comments, &show);
                made += 1;
            }
            // YAML, but not a mapping of texts (a key `null:`, `1:`): the output is YAML too.
            (Ok(_), _) if is_yaml(&text) => {
                assert!(is_yaml(&out), "the output does not parse\n{}", show());
                made_other += 1;
            }
            (Ok(_), _) => panic!("an edit of a file that does not parse\n{}", show()),
        }
    }
    eprintln!(
        "{total} broken documents: {made} edits made and checked in full, {made_other} of other YAML made, {refused} \
         refused"
    );
    assert!(refused > 0 && made > 0, "{made} made, {refused} refused: the damage should leave some files editable");
}
