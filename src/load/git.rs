//! Git, read in-process with gix (no git binary): the commit that holds the data, for the stamp on
//! every document, and the data and templates as they were at an earlier commit (`--rev`).

use crate::load::DataSource;
use anyhow::{Context, Result, anyhow};
use std::path::{Path, PathBuf};

pub struct Repo {
    repo: gix::Repository,
    workdir: PathBuf,
}

/// A commit, as documents show it.
#[derive(Debug, Clone)]
pub struct CommitInfo {
    pub id: String,
    pub short: String,
    /// Commit date (committer time, UTC).
    pub date: chrono::NaiveDate,
    pub time: i64,
    pub summary: String,
}

impl Repo {
    /// The repository that holds `dir`, if any.
    pub fn discover(dir: &Path) -> Option<Repo> {
        let abs = std::path::absolute(dir).ok()?;
        let repo = gix::discover(&abs).ok()?;
        let workdir = std::path::absolute(repo.workdir()?).ok()?;
        Some(Repo { repo, workdir })
    }

    /// The object a revision names; a text that names none is an error that says what a
    /// revision is (a month such as 2025-07 is not one).
    fn resolve(&self, rev: &str) -> Result<gix::Id<'_>> {
        self.repo
            .rev_parse_single(rev)
            .map_err(|e| anyhow!(crate::t!("data-git-not-a-revision", rev = rev, error = e.to_string())))
    }

    pub fn commit_info(&self, rev: &str) -> Result<CommitInfo> {
        let id = self.resolve(rev)?;
        let commit = id.object()?.peel_to_commit()?;
        let time = commit.time()?;
        let short =
            commit.id().shorten().map(|p| p.to_string()).unwrap_or_else(|_| commit.id().to_string()[..7].to_string());
        let date = chrono::DateTime::from_timestamp(time.seconds, 0)
            .map(|d| d.date_naive())
            .ok_or_else(|| anyhow!(crate::t!("data-git-invalid-date", commit = short.as_str())))?;
        let summary = commit.message()?.summary().to_string();
        Ok(CommitInfo { id: commit.id().to_string(), short, date, time: time.seconds, summary })
    }

    /// Path of `dir` relative to the repository's work tree, with `/` separators.
    fn rel(&self, dir: &Path) -> Result<String> {
        let abs = std::path::absolute(dir)?;
        let rel = abs.strip_prefix(&self.workdir).map_err(|_| {
            anyhow!(crate::t!(
                "data-git-outside-repository",
                dir = dir.display().to_string(),
                repository = self.workdir.display().to_string()
            ))
        })?;
        Ok(rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/"))
    }

    /// The data directory (and the templates beside it, or `templates_dir`) as at `rev`.
    pub fn snapshot(&self, rev: &str, data_dir: &Path, templates_dir: Option<&Path>) -> Result<Snapshot> {
        let id = self.resolve(rev)?;
        let tree = id.object()?.peel_to_tree()?;
        let data_rel = self.rel(data_dir)?;
        let files = self
            .files_under(&tree, &data_rel)
            .with_context(|| crate::t!("data-git-reading", dir = data_rel.as_str(), rev = rev))?;
        if files.is_empty() {
            return Err(anyhow!(crate::t!("data-git-no-data-directory", dir = data_rel.as_str(), rev = rev)));
        }
        let templates_rel = match templates_dir {
            Some(t) => self.rel(t)?,
            None => match data_rel.rsplit_once('/') {
                Some((parent, _)) => format!("{parent}/templates"),
                None => "templates".to_string(),
            },
        };
        let templates = self
            .files_under(&tree, &templates_rel)
            .unwrap_or_default()
            .into_iter()
            .filter(|(p, _)| p.components().count() == 1)
            .filter_map(|(p, bytes)| Some((p.to_string_lossy().into_owned(), String::from_utf8(bytes).ok()?)))
            .collect();
        Ok(Snapshot { root: data_dir.to_path_buf(), files, templates, rev: rev.to_string() })
    }

    /// All blobs below `dir` in `tree` (paths relative to `dir`), in path order.
    fn files_under(&self, tree: &gix::Tree<'_>, dir: &str) -> Result<Vec<(PathBuf, Vec<u8>)>> {
        let sub = if dir.is_empty() {
            tree.clone()
        } else {
            match tree.lookup_entry_by_path(dir)? {
                Some(e) if e.mode().is_tree() => e.object()?.peel_to_tree()?,
                _ => return Ok(vec![]),
            }
        };
        let mut out = Vec::new();
        self.walk(&sub, PathBuf::new(), &mut out)?;
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }

    fn walk(&self, tree: &gix::Tree<'_>, prefix: PathBuf, out: &mut Vec<(PathBuf, Vec<u8>)>) -> Result<()> {
        for entry in tree.iter() {
            let entry = entry?;
            let path = prefix.join(entry.filename().to_string());
            if entry.mode().is_tree() {
                let sub = entry.object()?.peel_to_tree()?;
                self.walk(&sub, path, out)?;
            } else if entry.mode().is_blob() {
                out.push((path, entry.object()?.data.clone()));
            }
        }
        Ok(())
    }

    /// Whether the data files on disk differ from those of HEAD.
    pub fn differs_from_head(&self, data_dir: &Path, on_disk: &dyn DataSource) -> bool {
        let Ok(head) = self.snapshot("HEAD", data_dir, None) else { return true };
        match (head.files(), on_disk.files()) {
            (Ok(a), Ok(b)) => a != b,
            _ => true,
        }
    }

    /// The repository's work tree.
    pub fn workdir(&self) -> &Path {
        &self.workdir
    }
}

/// The data directory as it was at a commit.
pub struct Snapshot {
    root: PathBuf,
    files: Vec<(PathBuf, Vec<u8>)>,
    pub templates: Vec<(String, String)>,
    pub rev: String,
}

impl DataSource for Snapshot {
    fn files(&self) -> std::io::Result<Vec<(PathBuf, Vec<u8>)>> {
        Ok(self
            .files
            .iter()
            .filter(|(p, _)| {
                p.components().count() <= 3 && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
            })
            .cloned()
            .collect())
    }
    fn display_root(&self) -> PathBuf {
        PathBuf::from(format!("{}@{}", self.root.display(), self.rev))
    }
    fn read(&self, rel: &Path) -> std::io::Result<Vec<u8>> {
        if !crate::load::stays_inside(rel) {
            return Err(std::io::Error::new(std::io::ErrorKind::PermissionDenied, crate::t!("data-file-outside")));
        }
        let rel: PathBuf = rel.components().filter(|c| !matches!(c, std::path::Component::CurDir)).collect();
        self.files
            .iter()
            .find(|(p, _)| *p == rel)
            .map(|(_, b)| b.clone())
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, crate::t!("data-git-not-in-commit")))
    }
}
