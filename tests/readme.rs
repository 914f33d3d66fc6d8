//! The README's "Your next period" walk-through, run as written: every command of its shell block
//! (with the koers binary for `cargo run --release --`) on a copy of the data succeeds, and gives
//! what the README says. `serve` is left out: it runs until Ctrl-C and has tests of its own.

use crate::common;

use common::{copy_dir, koers, root, run, stderr};

/// The commands of the first ```sh block after the heading, without comments.
fn walkthrough() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let section = readme.split("\n## Your next period\n").nth(1).expect("README has \"## Your next period\"");
    let block = section.split("```sh\n").nth(1).unwrap().split("```").next().unwrap();
    block
        .lines()
        .map(|l| l.split(" #").next().unwrap().trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Split a command line as the shell would (double quotes only, as the README uses).
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[test]
fn the_next_period_walkthrough_works_as_written() {
    let commands = walkthrough();
    assert!(commands.len() >= 6, "{commands:?}");
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), &dir.path().join("data"));
    let mut ran = 0;
    for line in &commands {
        let args = words(line.strip_prefix("cargo run --release -- ").unwrap_or_else(|| panic!("{line}")));
        if args[0] == "serve" {
            continue;
        }
        let o = run(koers().current_dir(dir.path()).args(&args));
        assert!(o.status.success(), "`{line}` failed:\n{}", stderr(&o));
        ran += 1;
    }
    assert!(ran >= 5);
    // What the walk-through promises.
    let out = dir.path().join("out");
    assert!(out.join("rapportage/tussentijdse-rapportage-2024-H2.pdf").is_file());
    let md = std::fs::read_to_string(out.join("rapportage/tussentijdse-rapportage-2024-H2.md")).unwrap();
    assert!(md.contains("Toolkit voor de valpreventieweek met alle gemeenten gedeeld."));
    let draft = std::fs::read_to_string(dir.path().join("data/nieuwsbrief/2025-Q4.yaml")).unwrap();
    assert!(draft.contains("- project: welzijn-op-recept"), "{draft}");
}

/// The Dutch session the README shows after the walk-through: each `$ koers …` line run in a Dutch
/// locale on a copy of the data, in order, prints the lines shown under it.
#[test]
fn the_dutch_session_prints_what_the_readme_shows() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let section = readme.split("\n## Your next period\n").nth(1).unwrap();
    let block = section.split("```text\n").nth(1).expect("a ```text block after the walk-through");
    let block = block.split("```").next().unwrap();
    let mut steps: Vec<(String, Vec<String>)> = Vec::new();
    for line in block.lines() {
        match line.strip_prefix("$ koers ") {
            Some(cmd) => steps.push((cmd.to_string(), Vec::new())),
            None => steps.last_mut().expect("a command first").1.push(line.to_string()),
        }
    }
    assert!(steps.len() >= 3, "{steps:?}");
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), &dir.path().join("data"));
    for (cmd, shown) in &steps {
        let o = run(koers().current_dir(dir.path()).env("LANG", "nl_NL.UTF-8").args(words(cmd)));
        let printed = format!("{}{}", common::stdout(&o), stderr(&o));
        for line in shown {
            assert!(printed.lines().any(|l| l == line), "`koers {cmd}` does not print {line:?}:\n{printed}");
        }
    }
}
