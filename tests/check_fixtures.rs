//! `koers check` on fixture directories: the valid fixture passes; every broken fixture under
//! tests/fixtures/broken/ fails with exactly the diagnostics listed in its expected.txt
//! (file, line, column, message, and the "did you mean" hint where one is expected).

use crate::common;
use common::*;
use serde_json::Value;
use std::path::Path;

fn check_json(data: &Path) -> (i32, Value) {
    let out = run(koers().args(["check", "--format", "json", "--date", "2024-10-01", "--data"]).arg(data));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("json: {e}\n{}", stdout(&out)));
    (out.status.code().unwrap(), json)
}

#[test]
fn valid_fixture_passes() {
    let (code, json) = check_json(&root().join("tests/fixtures/valid"));
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(json["errors"], 0, "{json:#}");
    assert_eq!(json["warnings"], 0, "{json:#}");
}

#[test]
fn every_broken_fixture_fails_precisely() {
    let dir = root().join("tests/fixtures/broken");
    let mut cases: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    assert!(cases.len() >= 20, "at least 20 broken fixtures, found {}", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let tmp = materialise(case);
        let (code, json) = check_json(tmp.path());
        if code != 1 {
            failures.push(format!("{name}: exit code {code}, expected 1"));
        }
        let prefix = format!("{}/", tmp.path().display());
        let errors: Vec<(String, String)> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] == "error")
            .map(|d| {
                let file = d["file"].as_str().unwrap().replace(&prefix, "");
                (
                    format!("error {file}:{}:{} {}", d["line"], d["column"], d["message"].as_str().unwrap()),
                    d["hint"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        let expected: Vec<String> = std::fs::read_to_string(case.join("expected.txt"))
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(String::from)
            .collect();
        assert!(!expected.is_empty(), "{name}: expected.txt lists no error");
        for exp in &expected {
            let (line, hint) = match exp.split_once(" | ") {
                Some((l, h)) => (l, Some(h)),
                None => (exp.as_str(), None),
            };
            match errors.iter().find(|(got, _)| got == line) {
                None => failures.push(format!("{name}: missing `{line}`; got {errors:#?}")),
                Some((_, got_hint)) => {
                    if let Some(h) = hint
                        && !got_hint.contains(h)
                    {
                        failures.push(format!("{name}: hint of `{line}` lacks `{h}`: `{got_hint}`"));
                    }
                }
            }
        }
        for (got, _) in &errors {
            if !expected.iter().any(|e| e.split(" | ").next() == Some(got.as_str())) {
                failures.push(format!("{name}: unexpected `{got}`"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn human_output_shows_source_line_caret_and_hint() {
    let tmp = materialise(&root().join("tests/fixtures/broken/03-phase-typo"));
    let out = run(koers().args(["check", "--date", "2024-10-01", "--data"]).arg(tmp.path()).env("NO_COLOR", "1"));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("error: \"Vorbereidingsfase\" is not a phase of the ladder in koers.yaml"), "{err}");
    assert!(err.contains("projecten/wandelen.yaml:9:11"), "{err}");
    assert!(err.contains("9 |   - fase: Vorbereidingsfase"), "{err}");
    assert!(err.contains("  |           ^"), "{err}");
    assert!(err.contains("hint: did you mean \"Voorbereidingsfase\"?"), "{err}");
    assert!(!err.contains('\x1b'), "NO_COLOR respected");
    assert!(err.contains("1 error, 0 warnings"), "{err}");
}

#[test]
fn github_annotations() {
    let tmp = materialise(&root().join("tests/fixtures/broken/03-phase-typo"));
    let out = run(koers().args(["check", "--format", "github", "--date", "2024-10-01", "--data"]).arg(tmp.path()));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let line = err.lines().find(|l| l.starts_with("::error ")).unwrap_or_else(|| panic!("{err}"));
    assert!(line.contains("projecten/wandelen.yaml,line=9,col=11::"), "{line}");
    assert!(line.contains("is not a phase of the ladder in koers.yaml"), "{line}");
    assert!(line.contains("did you mean \"Voorbereidingsfase\"?"), "{line}");
}

#[test]
fn usage_and_io_errors_exit_2() {
    let out = run(koers().args(["check", "--data", "/nonexistent/koers-data"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read the data directory"), "{}", stderr(&out));
    let out = run(koers().args(["check", "--format", "xml"]));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn alias_bomb_is_refused_without_panic() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/valid"), tmp.path());
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        bomb.push_str(&format!(
            "{}: &{} [*{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}]\n",
            (b'a' + i) as char,
            (b'a' + i) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char
        ));
    }
    std::fs::write(tmp.path().join("projecten/bom.yaml"), bomb).unwrap();
    let (code, json) = check_json(tmp.path());
    assert_eq!(code, 1);
    let d = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"].as_str().unwrap().ends_with("bom.yaml"))
        .expect("bom.yaml reported");
    assert_eq!(d["severity"], "error");
}

#[test]
fn help_man_page_and_completions_come_from_one_definition() {
    let help = stdout(&run(koers().args(["build-report", "--help"])));
    assert!(help.contains("--period <PERIOD>"), "{help}");
    let man = stdout(&run(koers().arg("man")));
    assert!(man.contains(".TH koers 1"));
    assert!(man.contains("build\\-report"), "subcommands in the man page");
    let bash = stdout(&run(koers().args(["completions", "bash"])));
    assert!(bash.contains("build-report"));
    assert!(bash.contains("--period"));
}
