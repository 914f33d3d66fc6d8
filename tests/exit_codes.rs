//! Issue #23 point 7: one exit-code rule for every command. The README's table "Exit codes" gives,
//! per command, an example of exit 1 (the data is invalid, or the request does not fit it) and of
//! exit 2 (a wrong command line, or an I/O, git or template error); each example is run here as
//! written and must exit with its column's code, say why on standard error, and write nothing.

use crate::common;

use common::{copy_dir, edit, koers, root, run, snapshot, stderr, stdout};
use std::path::Path;

/// (command, code, example command line) for every example of the README's table.
fn table() -> Vec<(String, i32, String)> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let section = readme.split("\n### Exit codes\n").nth(1).expect("README has \"### Exit codes\"");
    let mut out = Vec::new();
    for row in section.lines().skip_while(|l| !l.starts_with("| command |")).skip(2) {
        if !row.starts_with('|') {
            break;
        }
        let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
        assert_eq!(cells.len(), 3, "{row}");
        let command = cells[0].trim_matches('`').to_string();
        for (code, cell) in [(1, cells[1]), (2, cells[2])] {
            // The first `koers …` of the cell; "—" where the command has no such case.
            if let Some(example) = cell.split('`').nth(1).filter(|e| e.starts_with("koers ")) {
                out.push((command.clone(), code, example.to_string()));
            }
        }
    }
    out
}

fn git(dir: &Path, args: &[&str]) {
    let o = run(std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=koers", "-c", "user.email=koers@example.org", "-c", "commit.gpgsign=false"])
        .args(args));
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
}

#[test]
fn every_command_exits_as_the_readme_table_says() {
    let examples = table();
    // One row per command of `koers --help` (but completions, man and help, which exit 0 or 2 from
    // clap alone).
    let help = stdout(&run(koers().arg("--help")));
    let commands: Vec<&str> = help
        .split("Commands:\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| l.starts_with("  "))
        // A command's line, not the wrapped rest of a description.
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| !["completions", "man", "help"].contains(c))
        .collect();
    for c in &commands {
        assert!(
            examples.iter().any(|(cmd, _, _)| cmd.split(' ').next() == Some(*c)),
            "the README's exit-code table has no row for `koers {c}`"
        );
    }
    assert!(examples.iter().filter(|(_, code, _)| *code == 1).count() >= 9, "{examples:?}");

    // The fixture as data/, a broken copy as invalid/, committed.
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/valid"), &dir.path().join("data"));
    copy_dir(&root().join("tests/fixtures/valid"), &dir.path().join("invalid"));
    edit(&dir.path().join("invalid/themalijnen/jeugd.yaml"), "volgorde: 2", "volgorde: twee");
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "fixture"]);
    let before = snapshot(dir.path());
    for (command, code, example) in &examples {
        let args: Vec<&str> = example.split_whitespace().skip(1).collect();
        let o = run(koers().current_dir(dir.path()).args(&args));
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(*code), "`{example}` ({command}):\n{err}");
        assert!(err.contains("error"), "`{example}` does not say what is wrong:\n{err}");
        assert_eq!(snapshot(dir.path()), before, "`{example}` wrote something");
    }
}
