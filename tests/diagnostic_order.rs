//! Issue #23 point 1: an error never hides among warnings. `koers check` lists the errors first,
//! then the warnings, then one line that counts them; a failed build prints its errors and counts
//! the warnings about the data in that last line. (The page `koers serve` shows while the data is
//! invalid: tests/serve.rs.)

use crate::common;

use common::{edit, fixture, koers, run, stderr, stdout};

/// The fixture with a warning in the first file, koers.yaml (an abbreviation not in the glossary),
/// and an error in the last, themalijnen/jeugd.yaml: in file order the warning would come first.
fn warning_first_error_last() -> tempfile::TempDir {
    let tmp = fixture();
    let data = tmp.path().join("data");
    edit(&data.join("koers.yaml"), "Samen werken we aan gezondheid.", "Samen werken we met QQZ aan gezondheid.");
    edit(&data.join("themalijnen/jeugd.yaml"), "volgorde: 2", "volgorde: twee");
    tmp
}

/// The header lines of the human format ("error: …", "warning: …"), in order.
fn headers(s: &str) -> Vec<&str> {
    s.lines().filter(|l| l.starts_with("error: ") || l.starts_with("warning: ")).collect()
}

#[test]
fn check_lists_errors_then_warnings_then_a_summary() {
    let tmp = warning_first_error_last();
    for extra in [&[][..], &["--data-only"][..]] {
        let o = run(koers().current_dir(tmp.path()).arg("check").args(extra));
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let err = stderr(&o);
        let h = headers(&err);
        assert_eq!(h.len(), 2, "{err}");
        assert!(h[0].starts_with("error: \"volgorde\""), "the error first: {err}");
        assert!(h[1].starts_with("warning: the abbreviation \"QQZ\""), "{err}");
        assert_eq!(err.lines().last(), Some("1 error, 1 warning"), "{err}");
    }
    // The machine formats in the same order.
    let o = run(koers().current_dir(tmp.path()).args(["check", "--data-only", "--message-format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let severities: Vec<&str> =
        json["diagnostics"].as_array().unwrap().iter().map(|d| d["severity"].as_str().unwrap()).collect();
    assert_eq!(severities, ["error", "warning"]);
    let o = run(koers().current_dir(tmp.path()).args(["check", "--data-only", "--message-format", "github"]));
    let lines: Vec<String> = stdout(&o).lines().chain(stderr(&o).lines()).map(str::to_string).collect();
    let kinds: Vec<&str> = lines.iter().filter_map(|l| l.strip_prefix("::")?.split(' ').next()).collect();
    assert_eq!(kinds, ["error", "warning"], "{lines:?}");
}

#[test]
fn a_failed_build_prints_its_errors_and_counts_the_warnings_last() {
    let tmp = warning_first_error_last();
    let o = run(koers().current_dir(tmp.path()).args(["build-report", "--format", "md"]));
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let h = headers(&err);
    assert!(h[0].starts_with("error: \"volgorde\""), "the error first: {err}");
    assert!(!err.contains("warning: "), "the warning about the data is counted, not shown: {err}");
    let last: Vec<&str> = err.lines().rev().take(2).collect();
    assert_eq!(last[1], "1 error, 1 warning (run `koers check` to see the warnings about the data)", "{err}");
    assert!(last[0].starts_with("error: the data is invalid; nothing was written"), "{err}");
    assert!(!tmp.path().join("out").exists());
}
