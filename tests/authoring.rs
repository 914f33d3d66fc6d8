//! The authoring commands on a copy of the real data: each change is exactly the golden diff
//! (tests/golden/authoring/*.diff), every line it does not change stays byte-identical, the
//! result validates, and a refused request writes nothing.
//!
//! `KOERS_UPDATE_GOLDEN=1 cargo test --release --test main -- authoring::` rewrites the golden diffs.

use crate::common;

use common::{copy_dir, koers, root, run, snapshot, stderr, stdout};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A copy of data/ in a temporary directory; commands run there with `--data data`, so paths in
/// their output read `data/...`.
struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    fn new() -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&root().join("data"), &dir.path().join("data"));
        Workspace { dir }
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn koers(&self, args: &[&str]) -> std::process::Output {
        run(koers().current_dir(self.dir.path()).args(args).args(["--data", "data"]))
    }

    fn files(&self) -> BTreeMap<String, Vec<u8>> {
        snapshot(&self.data())
    }
}

/// Every file of a data directory with its bytes, by relative path.
type Files = BTreeMap<String, Vec<u8>>;

fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden/authoring").join(format!("{name}.diff"));
    if std::env::var_os("KOERS_UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run with KOERS_UPDATE_GOLDEN=1 to create it", path.display()));
    assert_eq!(actual, expected, "the change differs from {}", path.display());
}

/// Run an authoring command twice: with --dry-run (its diff must match the golden file and nothing
/// may change), then for real. Returns the files before and after and the command's output.
fn record(ws: &Workspace, name: &str, args: &[&str]) -> (Files, Files, String) {
    let before = ws.files();
    let mut dry: Vec<&str> = args.to_vec();
    dry.push("--dry-run");
    let o = ws.koers(&dry);
    assert!(o.status.success(), "{args:?} --dry-run failed: {}", stderr(&o));
    let diff = stdout(&o);
    assert!(diff.ends_with("dry run: nothing was written\n"), "{diff}");
    assert_eq!(ws.files(), before, "--dry-run wrote something");
    golden(name, diff.trim_end_matches("dry run: nothing was written\n"));

    let o = ws.koers(args);
    assert!(o.status.success(), "{args:?} failed: {}", stderr(&o));
    let after = ws.files();
    // The data validates after the change.
    let check = ws.koers(&["check", "--data-only"]);
    assert!(check.status.success(), "the data does not validate after {args:?}: {}", stderr(&check));
    (before, after, stdout(&o))
}

/// Every file but `changed` is byte-identical, and in each changed file the old lines stand in
/// the new one in order, untouched, apart from `replaced` lines.
fn only_these_changed(
    before: &BTreeMap<String, Vec<u8>>,
    after: &BTreeMap<String, Vec<u8>>,
    changed: &[&str],
    replaced: usize,
) {
    for (path, bytes) in before {
        if !changed.contains(&path.as_str()) {
            assert_eq!(after.get(path), Some(bytes), "{path} changed");
        }
    }
    for path in after.keys() {
        assert!(before.contains_key(path) || changed.contains(&path.as_str()), "{path} is new");
    }
    for path in changed {
        let Some(old) = before.get(*path) else { continue };
        let old = String::from_utf8(old.clone()).unwrap();
        let new = String::from_utf8(after[*path].clone()).unwrap();
        assert_ne!(old, new, "{path} did not change");
        let diff = similar::TextDiff::from_lines(&old, &new);
        let removed = diff.iter_all_changes().filter(|c| c.tag() == similar::ChangeTag::Delete).count();
        assert_eq!(removed, replaced, "{path}: {removed} lines changed or removed, expected {replaced}");
    }
}

/// The 1-based line numbers the command reported for a file.
fn reported_lines(out: &str, file: &str) -> Vec<usize> {
    out.lines()
        .filter_map(|l| l.strip_prefix(&format!("data/{file}:")))
        .map(|rest| rest.split(':').next().unwrap().parse().unwrap())
        .collect()
}

fn line(files: &BTreeMap<String, Vec<u8>>, file: &str, n: usize) -> String {
    String::from_utf8_lossy(&files[file]).lines().nth(n - 1).unwrap().to_string()
}

#[test]
fn a_phase_step_is_added_to_the_history() {
    let ws = Workspace::new();
    let (before, after, out) = record(&ws, "fase", &["fase", "valpreventie", "Realisatiefase", "--sinds", "2024-10"]);
    only_these_changed(&before, &after, &["projecten/valpreventie.yaml"], 0);
    let at = reported_lines(&out, "projecten/valpreventie.yaml");
    assert_eq!(line(&after, "projecten/valpreventie.yaml", at[0]), "  - fase: Realisatiefase");
    assert!(out.contains("valpreventie: Realisatiefase since 2024-10"), "{out}");
}

#[test]
fn a_step_back_needs_a_reason_and_keeps_it() {
    let ws = Workspace::new();
    // Without a reason: refused, nothing written.
    let before = ws.files();
    let o = ws.koers(&["fase", "valpreventie", "Initiatiefase", "--sinds", "2024-10"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("step back"), "{}", stderr(&o));
    assert!(stderr(&o).contains("--reden"), "{}", stderr(&o));
    assert_eq!(ws.files(), before);
    let (before, after, _) = record(
        &ws,
        "fase-terug",
        &[
            "fase",
            "valpreventie",
            "initiatie",
            "--sinds",
            "2024-10",
            "--reden",
            "De regionale ambitie wordt opnieuw bepaald: eerst draagvlak.",
        ],
    );
    only_these_changed(&before, &after, &["projecten/valpreventie.yaml"], 0);
}

#[test]
fn results_are_recorded_where_they_were_reported() {
    let ws = Workspace::new();
    let (before, after, out) = record(
        &ws,
        "resultaat-periode",
        &[
            "resultaat",
            "valpreventie",
            "Toolkit valpreventieweek verspreid: \"Van test tot actie\" #valpreventie",
            "--periode",
            "2024-H2",
        ],
    );
    only_these_changed(&before, &after, &["projecten/valpreventie.yaml"], 0);
    // In time order: after the 2024-H1 results, before the 2025-Q3 edition's.
    let at = reported_lines(&out, "projecten/valpreventie.yaml")[0];
    assert_eq!(line(&after, "projecten/valpreventie.yaml", at), "  - periode: 2024-H2");
    assert!(line(&after, "projecten/valpreventie.yaml", at + 2).starts_with("  - editie: 2025-Q3"));

    let (before, after, _) = record(
        &ws,
        "resultaat-editie",
        &[
            "resultaat",
            "welzijn-op-recept",
            "Eerste regel.\nTweede regel.\n",
            "--editie",
            "2025-Q3",
            "--maand",
            "2025-08",
        ],
    );
    only_these_changed(&before, &after, &["projecten/welzijn-op-recept.yaml"], 0);
}

#[test]
fn a_new_project_and_a_subproject_join_their_themalijn() {
    let ws = Workspace::new();
    let (before, after, out) = record(
        &ws,
        "project-new",
        &[
            "project",
            "new",
            "dementievriendelijk-twente",
            "--themalijn",
            "ouderen",
            "--naam",
            "Dementievriendelijk Twente",
            "--start",
            "2025-03",
        ],
    );
    // The flow lists `projecten` and `paginavolgorde` are one line each: each one line replaced.
    only_these_changed(&before, &after, &["projecten/dementievriendelijk-twente.yaml", "themalijnen/ouderen.yaml"], 2);
    let new = String::from_utf8(after["projecten/dementievriendelijk-twente.yaml"].clone()).unwrap();
    assert!(new.starts_with("# yaml-language-server: $schema=../schema/project.schema.json\n"), "{new}");
    assert!(new.contains("einde: nog niet bekend\n"), "{new}");
    assert!(out.contains("data/projecten/dementievriendelijk-twente.yaml:2: new project"), "{out}");
    // No phase is invented: the project has none until `koers fase` records one, and the warning says so.
    assert!(!new.lines().any(|l| l.starts_with("fasen")), "{new}");
    assert!(stderr(&ws.koers(&["check", "--data-only"])).contains("no phase is recorded for this project"));

    let (before, after, _) = record(
        &ws,
        "project-new-sub",
        &[
            "project",
            "new",
            "dementie-casemanagement",
            "--themalijn",
            "ouderen",
            "--naam",
            "Casemanagement dementie",
            "--start",
            "2025-04",
            "--einde",
            "doorlopend",
            "--hoofdproject",
            "gezond-en-zelfredzaam-ouder-worden",
        ],
    );
    only_these_changed(&before, &after, &["projecten/dementie-casemanagement.yaml", "themalijnen/ouderen.yaml"], 2);
    // A subproject stands after its main project and that project's subprojects.
    let t = String::from_utf8(after["themalijnen/ouderen.yaml"].clone()).unwrap();
    assert!(t.contains("projecten: [gezond-en-zelfredzaam-ouder-worden, bennie-oud, reablement, scholing-huishoudelijke-ondersteuning, dementie-casemanagement, "), "{t}");
    // The new project builds: its page is in a draft rapportage of its period.
    let o = ws.koers(&[
        "build-report",
        "--period",
        "2025-H1",
        "--draft",
        "--only",
        "rapportage",
        "--format",
        "md",
        "--date",
        "2025-07-01",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = std::fs::read_to_string(ws.dir.path().join("out/rapportage/tussentijdse-rapportage-2025-H1-concept.md"))
        .unwrap();
    assert!(md.contains("Casemanagement dementie"), "the new project is not in the draft");
}

#[test]
fn a_project_ends() {
    let ws = Workspace::new();
    let (before, after, out) = record(&ws, "project-einde", &["project", "einde", "reablement", "2026-06"]);
    only_these_changed(&before, &after, &["projecten/reablement.yaml"], 1);
    assert!(out.contains("reablement ends 2026-06 (was doorlopend)"), "{out}");
}

#[test]
fn a_report_period_is_declared_and_then_builds_without_draft() {
    let ws = Workspace::new();
    let o = ws.koers(&["build-report", "--period", "2024-H2", "--only", "rapportage", "--format", "md"]);
    // A period the data does not declare: the request does not fit the data (exit 1).
    assert_eq!(o.status.code(), Some(1), "undeclared period builds: {}", stderr(&o));
    assert!(stderr(&o).contains("hint: declare it with `koers rapportage new 2024-H2`"), "{}", stderr(&o));
    let (before, after, _) = record(&ws, "rapportage-new", &["rapportage", "new", "2024-H2"]);
    only_these_changed(&before, &after, &["koers.yaml"], 0);
    // Declared, it builds without --draft; until it has a publication date it is a draft.
    let o = ws.koers(&["build-report", "--period", "2024-H2", "--only", "rapportage", "--format", "md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(ws.dir.path().join("out/rapportage/tussentijdse-rapportage-2024-H2-concept.md").is_file());
    let o = ws.koers(&[
        "build-report",
        "--period",
        "2024-H2",
        "--only",
        "rapportage",
        "--format",
        "md",
        "--date",
        "2025-12-01",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = std::fs::read_to_string(ws.dir.path().join("out/rapportage/tussentijdse-rapportage-2024-H2.md")).unwrap();
    assert!(md.contains("1 december 2025") && !md.contains("CONCEPT"), "{md}");
}

/// Each refusal: a message that names the problem (and the likely intent), nothing written; exit 1
/// when the request does not fit the data, 2 when a value does not parse as what it must be
/// (README "Exit codes").
#[test]
fn refusals_write_nothing() {
    // The values of these cases do not parse: a wrong command line.
    const UNPARSABLE: [&str; 5] = ["2024-13", "2024-H3", "januari", "juni", "2024-Q1"];
    let ws = Workspace::new();
    let before = ws.files();
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["fase", "valpreventy", "Realisatiefase", "--sinds", "2024-10"],
            &["no project \"valpreventy\"", "did you mean \"valpreventie\""],
        ),
        (
            &["fase", "valpreventie", "Realisatiefse", "--sinds", "2024-10"],
            &["not a phase", "did you mean \"Realisatiefase\""],
        ),
        (&["fase", "valpreventie", "Realisatiefase", "--sinds", "2024-13"], &["--sinds", "month 13"]),
        (&["fase", "valpreventie", "Definitiefase", "--sinds", "2024-10"], &["already in the Definitiefase"]),
        (&["resultaat", "valpreventie", "X", "--periode", "2024-H3"], &["--periode", "not a half year"]),
        (
            &["resultaat", "valpreventie", "X", "--editie", "2025-Q3", "--maand", "2025-01"],
            &["--maand 2025-01 is not in 2025-Q3"],
        ),
        (&["resultaat", "valpreventie", "X", "--periode", "2099-H1"], &["nothing was written"]),
        (&["resultaat", "onbekend", "X", "--periode", "2024-H1"], &["no project \"onbekend\""]),
        (
            &["project", "new", "valpreventie", "--themalijn", "ouderen", "--naam", "X", "--start", "2025-01"],
            &["exists already"],
        ),
        (
            &["project", "new", "Nieuw_Project", "--themalijn", "ouderen", "--naam", "X", "--start", "2025-01"],
            &["cannot be a project id"],
        ),
        (
            &["project", "new", "nieuw", "--themalijn", "oudren", "--naam", "X", "--start", "2025-01"],
            &["no themalijn \"oudren\"", "did you mean \"ouderen\""],
        ),
        (&["project", "new", "nieuw", "--themalijn", "ouderen", "--naam", "X", "--start", "januari"], &["--start"]),
        (
            &[
                "project",
                "new",
                "nieuw",
                "--themalijn",
                "ouderen",
                "--naam",
                "X",
                "--start",
                "2025-01",
                "--einde",
                "2024-01",
            ],
            &["the end (2024-01) is before the start (2025-01)"],
        ),
        (&["project", "einde", "reablement", "juni"], &["not a month"]),
        (&["project", "einde", "valpreventie", "2023-01"], &["the end (2023-01) is before the start (2023-09)"]),
        (&["rapportage", "new", "2024-H1"], &["declares the rapportage 2024-H1 already"]),
        (&["rapportage", "new", "2024-Q1"], &["not a half year"]),
    ];
    for (args, expected) in cases {
        let o = ws.koers(args);
        let err = stderr(&o);
        let unparsable = UNPARSABLE.iter().any(|u| args.contains(u));
        assert_eq!(o.status.code(), Some(if unparsable { 2 } else { 1 }), "{args:?}: {err}");
        for e in *expected {
            assert!(err.contains(e), "{args:?}: expected {e:?} in:\n{err}");
        }
        assert_eq!(ws.files(), before, "{args:?} wrote something");
    }
}

#[test]
fn comments_quoting_and_crlf_line_endings_survive() {
    let ws = Workspace::new();
    let path = ws.data().join("projecten/valpreventie.yaml");
    let text = std::fs::read_to_string(&path).unwrap().replace('\n', "\r\n");
    std::fs::write(&path, &text).unwrap();
    let o = ws.koers(&["resultaat", "valpreventie", "Nieuw resultaat", "--periode", "2024-H1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let new = std::fs::read_to_string(&path).unwrap();
    assert!(!new.replace("\r\n", "").contains('\n'), "a bare LF was written into a CRLF file");
    assert!(new.contains("\r\n  - periode: 2024-H1\r\n    tekst: Nieuw resultaat\r\n"), "{new}");
    // The comment lines and the rest stay as they were.
    let old_lines: Vec<&str> = text.split("\r\n").collect();
    let new_lines: Vec<&str> = new.split("\r\n").collect();
    assert_eq!(new_lines.len(), old_lines.len() + 2);
    let mut it = new_lines.iter();
    for l in &old_lines {
        assert!(it.any(|n| n == l), "line {l:?} is gone");
    }
}

#[test]
fn help_lists_the_authoring_commands() {
    let o = run(koers().arg("--help"));
    let help = stdout(&o);
    for c in ["project", "fase", "resultaat", "rapportage", "serve"] {
        assert!(help.lines().any(|l| l.trim_start().starts_with(c)), "--help lacks {c}:\n{help}");
    }
}

/// The pause points of a running command (`KOERS_TEST_PAUSE`, see src/authoring/write.rs): a
/// gate file makes the command stop at that point until the test opens it.
struct Gates {
    dir: tempfile::TempDir,
}

impl Gates {
    /// Gates at these points (`before-write-1`: the first attempt, validated, nothing locked).
    fn new(points: &[&str]) -> Gates {
        let dir = tempfile::tempdir().unwrap();
        for p in points {
            std::fs::write(dir.path().join(p), b"").unwrap();
        }
        Gates { dir }
    }

    /// Start `koers ARGS --data data` in the workspace with these gates.
    fn spawn(&self, ws: &Workspace, args: &[&str]) -> std::process::Child {
        koers()
            .current_dir(ws.dir.path())
            .args(args)
            .args(["--data", "data"])
            .env("KOERS_TEST_PAUSE", self.dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    }

    /// Wait until the command stands at `point`.
    fn reached(&self, point: &str) {
        let waiting = self.dir.path().join(format!("{point}.waiting"));
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while !waiting.exists() {
            assert!(std::time::Instant::now() < deadline, "the command did not reach {point} within 60 s");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    fn open(&self, point: &str) {
        std::fs::remove_file(self.dir.path().join(point)).unwrap();
    }
}

/// The files of a data directory, without the hidden ones (a temporary file a killed command
/// left behind, which the loader ignores).
fn visible(files: Files) -> Files {
    files.into_iter().filter(|(p, _)| !p.rsplit('/').next().unwrap().starts_with('.')).collect()
}

/// Two terminals: command A has read and validated the data when command B records its own
/// result. A must not write over B's: it notices the file changed, makes its change again on the
/// new content and says so. Both results are in the file.
#[test]
fn two_commands_at_once_lose_no_update() {
    let ws = Workspace::new();
    let gates = Gates::new(&["before-write-1"]);
    let a = gates.spawn(&ws, &["resultaat", "valpreventie", "Resultaat van terminal A", "--periode", "2024-H1"]);
    gates.reached("before-write-1");
    let b = ws.koers(&["resultaat", "valpreventie", "Resultaat van terminal B", "--periode", "2024-H1"]);
    assert!(b.status.success(), "{}", stderr(&b));
    gates.open("before-write-1");
    let a = a.wait_with_output().unwrap();
    assert!(a.status.success(), "{}", stderr(&a));
    assert!(
        stderr(&a).contains(
            "data/projecten/valpreventie.yaml changed while koers was editing it; the change was made again on its new content"
        ),
        "{}",
        stderr(&a)
    );
    let text = std::fs::read_to_string(ws.data().join("projecten/valpreventie.yaml")).unwrap();
    assert!(text.contains("tekst: Resultaat van terminal B\n"), "B's result was lost:\n{text}");
    assert!(text.contains("tekst: Resultaat van terminal A\n"), "A's result was not written:\n{text}");
    let check = ws.koers(&["check", "--data-only"]);
    assert!(check.status.success(), "{}", stderr(&check));
}

/// An editor saves the file while a command edits it. The editor holds no lock: the content check
/// catches it. Once, the command's change is made on the saved text (the editor's change stays);
/// when the file changes again before the second write, the command refuses, naming the file,
/// and writes nothing.
#[test]
fn an_editors_save_during_a_command_is_kept() {
    let ws = Workspace::new();
    let path = ws.data().join("projecten/valpreventie.yaml");
    let saved = |from: &str, to: &str| {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from:?} not in the file");
        // Editors that truncate, then write.
        let f = std::fs::OpenOptions::new().write(true).truncate(true).open(&path).unwrap();
        std::io::Write::write_all(&mut &f, text.replacen(from, to, 1).as_bytes()).unwrap();
    };

    let gates = Gates::new(&["before-write-1"]);
    let a = gates.spawn(&ws, &["resultaat", "valpreventie", "Resultaat uit de terminal", "--periode", "2024-H1"]);
    gates.reached("before-write-1");
    saved("naam: ", "# Bewaard in de editor\nnaam: ");
    gates.open("before-write-1");
    let a = a.wait_with_output().unwrap();
    assert!(a.status.success(), "{}", stderr(&a));
    assert!(stderr(&a).contains("changed while koers was editing it"), "{}", stderr(&a));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("# Bewaard in de editor\nnaam: "), "the editor's save was lost:\n{text}");
    assert!(text.contains("tekst: Resultaat uit de terminal\n"), "{text}");

    let gates = Gates::new(&["before-write-1", "before-write-2"]);
    let a = gates.spawn(&ws, &["resultaat", "valpreventie", "Nog een resultaat", "--periode", "2024-H1"]);
    gates.reached("before-write-1");
    saved("# Bewaard in de editor", "# Bewaard in de editor, 1");
    gates.open("before-write-1");
    gates.reached("before-write-2");
    saved("# Bewaard in de editor, 1", "# Bewaard in de editor, 2");
    let edited = std::fs::read(&path).unwrap();
    gates.open("before-write-2");
    let a = a.wait_with_output().unwrap();
    let err = stderr(&a);
    assert_eq!(a.status.code(), Some(1), "{err}");
    assert!(err.contains("data/projecten/valpreventie.yaml changed while koers was editing it"), "{err}");
    assert!(err.contains("run the command again"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), edited, "the command wrote over the editor's save");
}

/// A command killed (kill -9) at any point before its write completes leaves every file as it
/// was — in particular with the new text complete in its temporary file, the lock held, the
/// rename not yet done — and the command then runs as if nothing happened.
#[test]
fn a_killed_command_leaves_the_file_old_or_new() {
    let ws = Workspace::new();
    let args = ["resultaat", "valpreventie", "Resultaat na een onderbreking", "--periode", "2024-H1"];
    let before = ws.files();
    for point in ["before-write-1", "before-rename-1"] {
        let gates = Gates::new(&[point]);
        let mut a = gates.spawn(&ws, &args);
        gates.reached(point);
        a.kill().unwrap();
        a.wait().unwrap();
        assert_eq!(visible(ws.files()), before, "killed at {point}: a data file changed");
        let check = ws.koers(&["check", "--data-only"]);
        assert!(check.status.success(), "killed at {point}: {}", stderr(&check));
    }
    // The lock died with the process: the command runs, and the file is the new one.
    let o = ws.koers(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let after = visible(ws.files());
    only_these_changed(&before, &after, &["projecten/valpreventie.yaml"], 0);
    assert!(String::from_utf8_lossy(&after["projecten/valpreventie.yaml"]).contains("Resultaat na een onderbreking"));
}

/// Through the library: a change set made from one state of the data is not written over
/// another — not over a changed file, not over a file that appeared meanwhile.
#[test]
fn a_change_set_is_written_only_over_what_it_was_made_from() {
    use koers::authoring::{Request, WriteError};
    let ws = Workspace::new();
    let opts =
        koers::check::ValidateOptions { report_month: Some(koers::core::dates::Month { year: 2025, month: 12 }) };
    let load = || koers::check(&koers::load::DirSource { root: ws.data() }, &opts).unwrap().data;
    let result = |tekst: &str| Request::Result {
        project: "valpreventie".into(),
        tekst: tekst.into(),
        gemeld: koers::model::Gemeld::Rapportage(koers::core::dates::Period::parse_half("2024-H1").unwrap()),
        maand: None,
    };
    let first = koers::authoring::plan(&load(), None, &result("Eerste")).unwrap();
    let second = koers::authoring::plan(&load(), None, &result("Tweede")).unwrap();
    first.write(&ws.data()).unwrap();
    let written = ws.files();
    match second.write(&ws.data()) {
        Err(WriteError::Changed(rel)) => assert_eq!(rel, PathBuf::from("projecten/valpreventie.yaml")),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(ws.files(), written, "the conflicting change set wrote something");

    let new_project = Request::NewProject {
        id: "nieuw-project".into(),
        themalijn: "ouderen".into(),
        naam: "Nieuw project".into(),
        start: koers::core::dates::Start::parse("2025-01").unwrap(),
        einde: koers::core::dates::Einde::NogNietBekend,
        hoofdproject: None,
    };
    let planned = koers::authoring::plan(&load(), None, &new_project).unwrap();
    std::fs::write(ws.data().join("projecten/nieuw-project.yaml"), "naam: Van iemand anders\n").unwrap();
    let present = ws.files();
    match planned.write(&ws.data()) {
        Err(WriteError::Changed(rel)) => assert_eq!(rel, PathBuf::from("projecten/nieuw-project.yaml")),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(ws.files(), present, "a file that appeared meanwhile was overwritten");
}

/// The lock: command A holds it between its content check and its rename; command B, which went
/// to write meanwhile, waits for it instead of passing its own check on the old content (after
/// which A's rename would drop B's result), then finds A's change and makes its own again.
#[test]
fn a_second_command_waits_for_the_first_ones_write() {
    let ws = Workspace::new();
    let gates_a = Gates::new(&["before-rename-1"]);
    let a = gates_a.spawn(&ws, &["resultaat", "valpreventie", "Resultaat van A", "--periode", "2024-H1"]);
    gates_a.reached("before-rename-1");
    let gates_b = Gates::new(&["before-write-1"]);
    let mut b = gates_b.spawn(&ws, &["resultaat", "valpreventie", "Resultaat van B", "--periode", "2024-H1"]);
    gates_b.reached("before-write-1");
    gates_b.open("before-write-1");
    // B now takes the lock, which A holds: it cannot finish however long it is given (without
    // the lock it writes within milliseconds).
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(b.try_wait().unwrap().is_none(), "B wrote while A held the lock");
    gates_a.open("before-rename-1");
    let a = a.wait_with_output().unwrap();
    let b = b.wait_with_output().unwrap();
    assert!(a.status.success(), "{}", stderr(&a));
    assert!(b.status.success(), "{}", stderr(&b));
    assert!(stderr(&b).contains("changed while koers was editing it"), "{}", stderr(&b));
    let text = std::fs::read_to_string(ws.data().join("projecten/valpreventie.yaml")).unwrap();
    assert!(text.contains("tekst: Resultaat van A\n") && text.contains("tekst: Resultaat van B\n"), "{text}");
}

/// Another file broken before the change: the message names that file and says it was broken
/// before, instead of blaming the change; a change with errors of its own gets both.
#[test]
fn a_file_broken_before_is_named_not_blamed_on_the_change() {
    let ws = Workspace::new();
    common::edit(&ws.data().join("themalijnen/jeugd.yaml"), "volgorde: 5", "volgorde: vijf");
    let before = ws.files();
    let o = ws.koers(&["resultaat", "valpreventie", "Een goed resultaat.", "--periode", "2024-H1"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("--> data/themalijnen/jeugd.yaml:3:11"), "{err}");
    assert!(
        err.contains("error: data/themalijnen/jeugd.yaml was invalid already before this change (the errors above); the change adds no error"),
        "{err}"
    );
    assert!(!err.contains("would not be valid with this change"), "the change is blamed: {err}");
    assert!(err.ends_with("nothing was written\n"), "{err}");
    assert_eq!(ws.files(), before);
    // A change that is wrong itself: its error, then the file that was broken before.
    let o = ws.koers(&[
        "project",
        "new",
        "x",
        "--themalijn",
        "ouderen",
        "--naam",
        "X",
        "--start",
        "2025-01",
        "--einde",
        "2024-01",
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let own = err.find("the end (2024-01) is before the start (2025-01)").expect(&err);
    let blamed = err.find("error: the data would not be valid with this change").expect(&err);
    let other =
        err.find("error: besides, data/themalijnen/jeugd.yaml was invalid already before this change").expect(&err);
    assert!(own < blamed && blamed < other, "{err}");
    assert_eq!(ws.files(), before);
    // A draft edition is made from valid data only: it says which file to fix.
    let o = ws.koers(&["newsletter", "2025-11", "--new"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "error: data/themalijnen/jeugd.yaml is invalid (the errors above), and this is made from valid data only"
        ),
        "{err}"
    );
    assert_eq!(ws.files(), before);
}
