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
