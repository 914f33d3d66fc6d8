//! Which output paths koers may replace.
//!
//! A build swaps a whole directory into place, so before any work is done the output path is
//! checked: koers replaces only a directory it wrote itself (its `manifest.json` says
//! `generator: koers …` and the directory holds nothing else than what that manifest lists and
//! what koers adds itself), an empty directory, or a path that does not exist yet. Anything else is
//! refused with a message that says what to do. `--force` allows replacing a directory that koers
//! did not write, but never the data, the templates, the repository root, the home directory or
//! `/` (nor any directory that contains one of them).

use std::fmt;
use std::fs;
use std::path::{Component, Path, PathBuf};

/// Files koers writes into the output directory besides the documents the manifest lists.
pub const OWN_FILES: &[&str] = &["manifest.json", "index.html", "toegankelijkheidsverklaring.html"];

/// Paths the output may never replace, whatever `--force` says.
#[derive(Debug, Clone, Default)]
pub struct Protected {
    pub data_dir: Option<PathBuf>,
    pub templates_dir: Option<PathBuf>,
    pub repo_root: Option<PathBuf>,
    pub home: Option<PathBuf>,
}

/// Why an output path is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The data, templates, repository root, home or `/` (or a directory containing one).
    Protected {
        what: String,
    },
    /// Inside the data or templates directory.
    InsideProtected {
        what: String,
    },
    Symlink,
    NotADirectory,
    /// An existing directory that koers did not write (or that holds more than it wrote).
    NotKoers {
        reason: String,
    },
}

/// An output path koers will not replace, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputRefused {
    pub path: PathBuf,
    pub refusal: Refusal,
}

impl std::error::Error for OutputRefused {}

impl fmt::Display for OutputRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display().to_string();
        let text = match &self.refusal {
            Refusal::Protected { what } => crate::t!("build-refused-protected", path = path, what = what.as_str()),
            Refusal::InsideProtected { what } => {
                crate::t!("build-refused-inside-protected", path = path, what = what.as_str())
            }
            Refusal::Symlink => crate::t!("build-refused-symlink", path = path),
            Refusal::NotADirectory => crate::t!("build-refused-not-a-directory", path = path),
            Refusal::NotKoers { reason } => crate::t!("build-refused-not-koers", path = path, reason = reason.as_str()),
        };
        f.write_str(&text)
    }
}

/// Check that `out` may be replaced by a build. Call before any work is done, and again just
/// before the swap.
pub fn check(out: &Path, protected: &Protected, force: bool) -> Result<(), OutputRefused> {
    let refuse = |refusal| Err(OutputRefused { path: out.to_path_buf(), refusal });
    let resolved = resolve(out);
    if let Some(what) = protected_match(&resolved, protected) {
        return refuse(what);
    }
    let meta = match fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(_) => return Ok(()), // does not exist yet
    };
    if meta.file_type().is_symlink() {
        return refuse(Refusal::Symlink);
    }
    if !meta.is_dir() {
        return refuse(Refusal::NotADirectory);
    }
    match foreign_contents(out) {
        Ok(None) => Ok(()),
        Ok(Some(_)) if force => Ok(()),
        Ok(Some(reason)) => refuse(Refusal::NotKoers { reason }),
        Err(_) if force => Ok(()),
        Err(e) => refuse(Refusal::NotKoers { reason: crate::t!("build-foreign-unreadable", error = e.to_string()) }),
    }
}

fn protected_match(out: &Path, protected: &Protected) -> Option<Refusal> {
    let is_root = out.parent().is_none();
    if is_root {
        return Some(Refusal::Protected { what: crate::t!("build-protected-root") });
    }
    let resolved_opt = |p: &Option<PathBuf>| p.as_deref().map(resolve);
    if let Some(home) = resolved_opt(&protected.home)
        && home.starts_with(out)
    {
        let what =
            if home == out { crate::t!("build-protected-home") } else { crate::t!("build-protected-contains-home") };
        return Some(Refusal::Protected { what });
    }
    if let Some(repo) = resolved_opt(&protected.repo_root)
        && repo.starts_with(out)
    {
        let what =
            if repo == out { crate::t!("build-protected-repo") } else { crate::t!("build-protected-contains-repo") };
        return Some(Refusal::Protected { what });
    }
    for (dir, data) in [(&protected.data_dir, true), (&protected.templates_dir, false)] {
        let Some(dir) = resolved_opt(dir) else { continue };
        let shown = dir.display().to_string();
        if dir == out {
            let what = if data { crate::t!("build-protected-data") } else { crate::t!("build-protected-templates") };
            return Some(Refusal::Protected { what });
        }
        if dir.starts_with(out) {
            let what = if data {
                crate::t!("build-protected-contains-data", dir = shown)
            } else {
                crate::t!("build-protected-contains-templates", dir = shown)
            };
            return Some(Refusal::Protected { what });
        }
        if out.starts_with(&dir) {
            let what = if data {
                crate::t!("build-protected-inside-data", dir = shown)
            } else {
                crate::t!("build-protected-inside-templates", dir = shown)
            };
            return Some(Refusal::InsideProtected { what });
        }
    }
    None
}

/// What in `dir` koers did not write, as a sentence; `None` when the directory is empty or holds
/// exactly a koers build (its manifest's documents, the manifest and the index).
fn foreign_contents(dir: &Path) -> std::io::Result<Option<String>> {
    let mut entries = Vec::new();
    walk(dir, dir, &mut entries)?;
    if entries.is_empty() {
        return Ok(None);
    }
    let manifest = match fs::read(dir.join("manifest.json")) {
        Ok(bytes) => bytes,
        Err(_) => return Ok(Some(crate::t!("build-foreign-no-manifest"))),
    };
    let listed: Vec<String> = match serde_json::from_slice::<serde_json::Value>(&manifest) {
        Ok(v) if v["generator"].as_str().is_some_and(|g| g == "koers" || g.starts_with("koers ")) => v["documents"]
            .as_array()
            .map(|docs| docs.iter().filter_map(|d| d["path"].as_str().map(str::to_string)).collect())
            .unwrap_or_default(),
        _ => return Ok(Some(crate::t!("build-foreign-other-manifest"))),
    };
    let foreign: Vec<&Entry> = entries
        .iter()
        .filter(|e| match e.kind {
            EntryKind::File => !(OWN_FILES.contains(&e.rel.as_str()) || listed.contains(&e.rel)),
            EntryKind::Dir => !listed.iter().any(|l| l.starts_with(&format!("{}/", e.rel))),
            EntryKind::Other => true,
        })
        .collect();
    if foreign.is_empty() {
        return Ok(None);
    }
    const SHOWN: usize = 5;
    let mut names: Vec<String> = foreign.iter().take(SHOWN).map(|e| e.rel.clone()).collect();
    if foreign.len() > SHOWN {
        names.push(crate::t!("build-foreign-and-more", count = foreign.len() - SHOWN));
    }
    Ok(Some(crate::t!("build-foreign-unlisted", files = names.join(", "))))
}

enum EntryKind {
    File,
    Dir,
    /// A symbolic link or anything else koers never writes.
    Other,
}

struct Entry {
    rel: String,
    kind: EntryKind,
}

fn walk(base: &Path, dir: &Path, out: &mut Vec<Entry>) -> std::io::Result<()> {
    let mut items: Vec<_> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    items.sort_by_key(|e| e.file_name());
    for item in items {
        let path = item.path();
        let rel = path.strip_prefix(base).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        let ft = item.file_type()?;
        if ft.is_dir() {
            out.push(Entry { rel, kind: EntryKind::Dir });
            walk(base, &path, out)?;
        } else if ft.is_file() {
            out.push(Entry { rel, kind: EntryKind::File });
        } else {
            out.push(Entry { rel, kind: EntryKind::Other });
        }
    }
    Ok(())
}

/// An absolute path with symlinks and `..` resolved, also for a path that does not exist yet:
/// the longest existing ancestor is canonicalised and the rest appended.
pub fn resolve(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = abs.as_path();
    let mut rest: Vec<Component> = Vec::new();
    loop {
        if let Ok(canon) = fs::canonicalize(existing) {
            let mut out = canon;
            for c in rest.iter().rev() {
                match c {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::CurDir => {}
                    other => out.push(other.as_os_str()),
                }
            }
            return out;
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => return abs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn protected(root: &Path) -> Protected {
        Protected {
            data_dir: Some(root.join("data")),
            templates_dir: Some(root.join("templates")),
            repo_root: Some(root.to_path_buf()),
            home: None,
        }
    }

    #[test]
    fn resolves_dotdot_and_missing_tails() {
        let tmp = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(tmp.path()).unwrap();
        fs::create_dir(root.join("a")).unwrap();
        assert_eq!(resolve(&root.join("a/../b/c")), root.join("b/c"));
        assert_eq!(resolve(&root.join("x/../a")), root.join("a"));
    }

    #[test]
    fn protected_paths_are_refused_even_with_force() {
        let tmp = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(tmp.path()).unwrap();
        fs::create_dir_all(root.join("data/projecten")).unwrap();
        let p = protected(&root);
        for (out, needle) in [
            (root.join("data"), "the data directory"),
            (root.join("data/projecten/../"), "the data directory"),
            (root.join("data/projecten"), "inside the data directory"),
            (root.clone(), "the root of the git repository"),
            (root.join("templates"), "the templates directory"),
            (PathBuf::from("/"), "the root directory"),
        ] {
            let err = check(&out, &p, true).unwrap_err();
            assert!(err.to_string().contains(needle), "{}: {err}", out.display());
        }
    }

    #[test]
    fn a_koers_directory_may_be_replaced_a_foreign_one_not() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let p = Protected::default();
        assert_eq!(check(&out, &p, false), Ok(()), "missing");
        fs::create_dir_all(out.join("rapportage")).unwrap();
        assert_eq!(
            check(&out, &p, false),
            Err(OutputRefused {
                path: out.clone(),
                refusal: Refusal::NotKoers { reason: "it is not empty and has no koers manifest.json".into() }
            })
        );
        fs::write(out.join("rapportage/r.md"), "x").unwrap();
        fs::write(out.join("index.html"), "x").unwrap();
        fs::write(
            out.join("manifest.json"),
            r#"{"generator": "koers 0.1.0", "documents": [{"path": "rapportage/r.md"}]}"#,
        )
        .unwrap();
        assert_eq!(check(&out, &p, false), Ok(()));
        fs::write(out.join("rapportage/mine.txt"), "precious").unwrap();
        let err = check(&out, &p, false).unwrap_err();
        assert!(err.to_string().contains("rapportage/mine.txt"), "{err}");
        assert_eq!(check(&out, &p, true), Ok(()));
        fs::write(out.join("manifest.json"), r#"{"generator": "hugo", "documents": []}"#).unwrap();
        fs::remove_file(out.join("rapportage/mine.txt")).unwrap();
        assert!(check(&out, &p, false).unwrap_err().to_string().contains("not written by koers"));
    }

    #[test]
    fn files_and_symlinks_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("verslag.txt");
        fs::write(&file, "x").unwrap();
        assert_eq!(check(&file, &Protected::default(), true).unwrap_err().refusal, Refusal::NotADirectory);
        #[cfg(unix)]
        {
            let link = tmp.path().join("link");
            std::os::unix::fs::symlink(tmp.path(), &link).unwrap();
            assert_eq!(check(&link, &Protected::default(), true).unwrap_err().refusal, Refusal::Symlink);
        }
    }
}
