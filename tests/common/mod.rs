//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The koers binary under test: cargo's, or `KOERS_BIN` when set (to test a binary built
/// elsewhere, e.g. when several work trees share one target directory). It speaks English
/// whatever the machine's locale; a test of the Dutch messages sets `LANG` or `--lang nl`.
pub fn koers() -> Command {
    let mut cmd = match std::env::var_os("KOERS_BIN") {
        Some(bin) => Command::new(bin),
        None => Command::new(env!("CARGO_BIN_EXE_koers")),
    };
    for var in ["KOERS_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", "C.UTF-8");
    cmd
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("run koers")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file below `dir` with its bytes, by relative path.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    fn walk(base: &Path, dir: &Path, out: &mut std::collections::BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                walk(base, &entry.path(), out);
            } else {
                let rel = entry.path().strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/");
                out.insert(rel, std::fs::read(entry.path()).unwrap());
            }
        }
    }
    walk(dir, dir, &mut out);
    out
}

/// The text of a PDF, extracted in Rust (no external tools).
pub fn pdf_text(bytes: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(bytes).expect("PDF text extraction")
}

/// Collapse whitespace, so that line breaks of the PDF layout do not matter.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The real data/ built into a temporary output directory (kept as long as this value lives).
pub struct Built {
    _dir: tempfile::TempDir,
    pub out: PathBuf,
}

impl Built {
    /// An output directory `out` inside `dir`, which is removed when this value is dropped.
    pub fn new(dir: tempfile::TempDir, out: PathBuf) -> Built {
        Built { _dir: dir, out }
    }
}

/// `koers build-report ARGS --data data/` into a fresh directory, every document dated by its own
/// data; the build must succeed.
pub fn build_real_data(args: &[&str]) -> Built {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = run(koers().arg("build-report").args(args).arg("--data").arg(root().join("data")).arg("--out").arg(&out));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    Built { _dir: dir, out }
}

/// The real data built once per test binary (`build_real_data(&[])`).
pub fn built() -> &'static Built {
    static B: std::sync::OnceLock<Built> = std::sync::OnceLock::new();
    B.get_or_init(|| build_real_data(&[]))
}

/// A file of that build, by its path in out/.
pub fn read(rel: &str) -> Vec<u8> {
    std::fs::read(built().out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// A text file of that build.
pub fn text(rel: &str) -> String {
    String::from_utf8(read(rel)).unwrap()
}

pub fn sel(s: &str) -> scraper::Selector {
    scraper::Selector::parse(s).unwrap()
}

/// The programme of a data directory, validated as of today: the data must be valid (the
/// diagnostics are shown when it is not).
pub fn programme_of(data: &Path) -> koers::model::Programme {
    let checked = koers::check(
        &koers::load::DirSource { root: data.to_path_buf() },
        &koers::check::ValidateOptions { report_month: Some(koers::pipeline::current_month()) },
    )
    .unwrap();
    assert!(
        !checked.diagnostics.has_errors(),
        "{}",
        checked.diagnostics.render(koers::core::diagnostics::DiagnosticFormat::Human, false)
    );
    checked.programme.expect("a valid data set has a programme")
}

/// The programme of the real data (`data/`).
pub fn programme() -> koers::model::Programme {
    programme_of(&root().join("data"))
}

/// A copy of the small valid fixture (`tests/fixtures/valid`) as `data/` in a fresh directory.
pub fn fixture() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/valid"), &tmp.path().join("data"));
    tmp
}

/// Replace the first `from` in a file by `to`; the file must contain `from`.
pub fn edit(path: &Path, from: &str, to: &str) {
    let s = std::fs::read_to_string(path).unwrap();
    assert!(s.contains(from), "{}: {from}", path.display());
    std::fs::write(path, s.replacen(from, to, 1)).unwrap();
}

/// A broken fixture as `koers check` sees it: the valid fixture with the case's files of
/// `tests/fixtures/broken/<case>` laid over it (and the files its REMOVE lists deleted).
pub fn materialise(case: &Path) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/valid"), tmp.path());
    copy_dir(case, tmp.path());
    if let Ok(list) = std::fs::read_to_string(case.join("REMOVE")) {
        for f in list.lines().filter(|l| !l.trim().is_empty()) {
            std::fs::remove_file(tmp.path().join(f.trim())).unwrap();
        }
        std::fs::remove_file(tmp.path().join("REMOVE")).unwrap();
    }
    std::fs::remove_file(tmp.path().join("expected.txt")).unwrap();
    tmp
}

/// Run git in `dir` with a fixed author, committer and date (tests make their own repositories).
pub fn git_at(dir: &Path, args: &[&str], date: &str) {
    let o = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .output()
        .expect("git (used by the test only, to make a repository)");
    assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
}
