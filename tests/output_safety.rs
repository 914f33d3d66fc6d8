//! `--out` never deletes what koers did not write: every refusal exits 2 before any work, names
//! the path, leaves the precious files byte-identical and leaves nothing behind.

use crate::common;
use common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

struct Setup {
    tmp: tempfile::TempDir,
}

impl Setup {
    fn new() -> Setup {
        let tmp = tempfile::tempdir().unwrap();
        copy_dir(&root().join("tests/fixtures/valid"), &tmp.path().join("work/data"));
        Setup { tmp }
    }
    fn work(&self) -> PathBuf {
        self.tmp.path().join("work")
    }
    fn data(&self) -> PathBuf {
        self.work().join("data")
    }
    /// Build with the given --out (relative to the work directory) and extra flags, from the
    /// work directory, with HOME pointed at a directory of the test's own.
    fn build(&self, out: &str, extra: &[&str]) -> std::process::Output {
        std::fs::create_dir_all(self.tmp.path().join("home")).unwrap();
        run(koers()
            .current_dir(self.work())
            .env("HOME", self.tmp.path().join("home"))
            .args(["build-report", "--date", "2024-10-01", "--data", "data", "--out", out])
            .args(extra))
    }
}

impl Setup {
    /// `koers newsletter 2024-05` into `out` (relative to the work directory).
    fn newsletter(&self, out: &str) -> std::process::Output {
        run(koers().current_dir(self.work()).args([
            "newsletter",
            "2024-05",
            "--date",
            "2024-10-01",
            "--data",
            "data",
            "--out",
            out,
        ]))
    }
}

/// Every file and directory name below `dir` (recursively) with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    snapshot(dir)
}

/// The names directly in `dir`.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

fn assert_refused(o: &std::process::Output, path_in_message: &str, reason: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "exit code 2: {err}");
    assert!(err.contains(path_in_message), "the message names {path_in_message}: {err}");
    assert!(err.contains(reason), "the message says {reason:?}: {err}");
    assert!(err.contains("--out"), "the message says what to do: {err}");
}

#[test]
fn the_data_directory_is_never_the_output() {
    let s = Setup::new();
    let before = tree(&s.data());
    let top = names(&s.work());
    for (out, flags) in [("data", &[][..]), ("data", &["--force"][..]), ("data/projecten/..", &["--force"][..])] {
        let o = s.build(out, flags);
        assert_refused(&o, out, "the data directory");
        assert_eq!(tree(&s.data()), before, "data/ unchanged after --out {out} {flags:?}");
        assert_eq!(names(&s.work()), top, "nothing left beside data/ (no staging, no lock)");
    }
    // Inside the data directory, and a directory that contains it.
    let o = s.build("data/projecten", &["--force"]);
    assert_refused(&o, "data/projecten", "inside the data directory");
    let o = s.build(".", &["--force"]);
    assert_refused(&o, ".", "contains the data directory");
    assert_eq!(tree(&s.data()), before);
    assert_eq!(names(&s.work()), top);
    assert_eq!(names(s.tmp.path()), ["home", "work"], "nothing left beside the work directory");
}

#[test]
fn a_symlink_to_the_data_is_resolved_before_comparing() {
    let s = Setup::new();
    let before = tree(&s.data());
    std::os::unix::fs::symlink(s.data(), s.work().join("alias")).unwrap();
    for out in ["alias", "alias/.", "alias/projecten/.."] {
        let o = s.build(out, &["--force"]);
        assert_refused(&o, out, "the data directory");
    }
    assert_eq!(tree(&s.data()), before);
    assert!(std::fs::symlink_metadata(s.work().join("alias")).unwrap().file_type().is_symlink());
    // A link to anything else is refused as a link: koers replaces only directories it wrote.
    let elsewhere = s.tmp.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("keep.txt"), "keep\n").unwrap();
    std::os::unix::fs::symlink(&elsewhere, s.work().join("link")).unwrap();
    let o = s.build("link", &["--force"]);
    assert_refused(&o, "link", "symbolic link");
    assert_eq!(std::fs::read(elsewhere.join("keep.txt")).unwrap(), b"keep\n");
}

#[test]
fn a_directory_with_the_users_files_is_refused_unless_forced() {
    let s = Setup::new();
    let docs = s.work().join("docs");
    std::fs::create_dir_all(docs.join("sub")).unwrap();
    std::fs::write(docs.join("notities.txt"), "mijn eigen aantekeningen\n").unwrap();
    std::fs::write(docs.join("sub/plan.md"), "# plan\n").unwrap();
    let before = tree(&docs);
    let top = names(&s.work());
    let o = s.build("docs", &[]);
    assert_refused(&o, "docs", "has no koers manifest.json");
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(tree(&docs), before, "the user's files survive byte-identical");
    assert_eq!(names(&s.work()), top, "no staging, old or lock file left beside docs/");
    // --force replaces it, as asked.
    let o = s.build("docs", &["--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(docs.join("manifest.json").exists() && !docs.join("notities.txt").exists());
}

#[test]
fn a_regular_file_is_refused_and_left_where_it_is() {
    let s = Setup::new();
    let file = s.work().join("verslag.txt");
    std::fs::write(&file, "belangrijk\n").unwrap();
    let top = names(&s.work());
    for flags in [&[][..], &["--force"][..]] {
        let o = s.build("verslag.txt", flags);
        assert_refused(&o, "verslag.txt", "an existing file");
        assert_eq!(std::fs::read(&file).unwrap(), b"belangrijk\n");
        assert_eq!(names(&s.work()), top, "no .verslag.txt.koers-* leftovers");
    }
}

#[test]
fn home_repository_root_and_templates_are_never_replaced() {
    let s = Setup::new();
    let home = s.tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::write(home.join(".profile"), "export X=1\n").unwrap();
    let o = s.build(home.to_str().unwrap(), &["--force"]);
    assert_refused(&o, home.to_str().unwrap(), "your home directory");
    assert_eq!(std::fs::read(home.join(".profile")).unwrap(), b"export X=1\n");

    // Templates beside the data.
    let templates = s.work().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("document.css"), "body{}\n").unwrap();
    let o = s.build("templates", &["--force"]);
    assert_refused(&o, "templates", "the templates directory");
    assert_eq!(std::fs::read(templates.join("document.css")).unwrap(), b"body{}\n");
    std::fs::remove_dir_all(&templates).unwrap();

    // The repository root, when the data lies in a git repository (data in a subdirectory
    // of a subdirectory, so that the root is refused as the root, not only as data's parent).
    let repo = s.tmp.path().join("repo");
    copy_dir(&s.data(), &repo.join("site/data"));
    std::fs::write(repo.join("README.md"), "readme\n").unwrap();
    assert!(std::process::Command::new("git").arg("init").arg("-q").arg(&repo).status().unwrap().success());
    let o = run(koers().current_dir(&repo).env("HOME", &home).args([
        "build-report",
        "--date",
        "2024-10-01",
        "--data",
        "site/data",
        "--out",
        ".",
        "--force",
    ]));
    assert_refused(&o, ".", "the root of the git repository");
    assert_eq!(std::fs::read(repo.join("README.md")).unwrap(), b"readme\n");
}

#[test]
fn koers_own_output_is_rebuilt_and_foreign_additions_stop_it() {
    let s = Setup::new();
    let out = s.work().join("out");
    // An empty directory may be used.
    std::fs::create_dir_all(&out).unwrap();
    let o = s.build("out", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Rebuilding koers' own out/, fully and partially, works.
    let o = s.build("out", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = s.build("out", &["--only", "regioplan", "--format", "md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = s.newsletter("out");
    assert!(o.status.success(), "{}", stderr(&o));
    // A file the user put into out/ stops the next build, of either command.
    std::fs::write(out.join("rapportage/mijn-aantekening.txt"), "bewaren\n").unwrap();
    let before = tree(&out);
    let o = s.build("out", &[]);
    assert_refused(&o, "out", "rapportage/mijn-aantekening.txt");
    let o = s.newsletter("out");
    assert_refused(&o, "out", "rapportage/mijn-aantekening.txt");
    assert_eq!(tree(&out), before);
    let leftovers: Vec<String> =
        names(&s.work()).into_iter().filter(|n| n.contains("koers-new") || n.contains("koers-old")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_failed_build_leaves_no_staging_directories() {
    let s = Setup::new();
    assert!(s.build("out", &[]).status.success());
    // A template that fails in typst: exit 2 after rendering started.
    let templates = s.work().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("koers.typ"), "#let koers-document(..args, body) = { undefined-function() }\n")
        .unwrap();
    let o = s.build("out", &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let leftovers: Vec<String> =
        names(&s.work()).into_iter().filter(|n| n.contains("koers-new") || n.contains("koers-old")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // A staging directory a killed build left behind is cleaned up by the next build.
    std::fs::remove_dir_all(&templates).unwrap();
    std::fs::create_dir_all(s.work().join(".out.koers-new-abc123/rapportage")).unwrap();
    assert!(s.build("out", &[]).status.success());
    assert!(!s.work().join(".out.koers-new-abc123").exists());
}
