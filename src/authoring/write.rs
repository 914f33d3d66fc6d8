//! Writing a change set: conditional, atomic, one writer at a time.
//!
//! Two authoring commands at once (two terminals), or a command while an editor saves, must not
//! lose an update. Every write of a [`ChangeSet`] therefore
//!
//! 1. takes an advisory lock on the data directory, so two koers processes write one after the
//!    other (on Unix the directory itself is locked — nothing is created; elsewhere the hidden
//!    file `.koers-edit.lock` in it, which the loader and the preview ignore);
//! 2. compares each file's content on disk with the content the change was made from (a
//!    compare-and-swap): a file that changed since — by another koers, or by an editor, which
//!    holds no lock — is not written, and [`WriteError::Changed`] names it, so the caller can
//!    make the change again on the new content;
//! 3. writes each file atomically: the new text into a temporary file beside it, flushed to disk,
//!    then renamed over the old one. A process killed at any moment (kill -9, SIGINT) leaves the
//!    file either as it was or as it is meant to be, never half written; at most a hidden
//!    `.koers-edit-*` temporary file stays behind, which the loader ignores.
//!
//! What remains: an editor that saves in the microseconds between the content check and the
//! rename is overwritten (no lock binds an editor), and a change of two files (a new project and
//! its themalijn) interrupted between the two renames leaves the first written, which
//! `koers check` then reports (the project missing from its themalijn's list).

use super::ChangeSet;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a change set was not written.
#[derive(Debug)]
pub enum WriteError {
    /// This file (relative to the data directory) is not what the change was made from: it was
    /// changed, created or removed since it was read. Nothing was written.
    Changed(PathBuf),
    Io(io::Error),
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> WriteError {
        WriteError::Io(e)
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Changed(rel) => {
                write!(f, "{} changed while koers was editing it; run the command again", rel.display())
            }
            WriteError::Io(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for WriteError {}

const BOM: &str = "\u{feff}";

/// Write every file of `changes` if each is still as it was read; see the module documentation.
/// `attempt` only names the test pause points.
pub(super) fn write(changes: &ChangeSet, data_dir: &Path, attempt: usize) -> Result<(), WriteError> {
    let _lock = DirLock::acquire(data_dir)?;
    // Check every file before writing any, so that a conflict writes nothing.
    let mut boms = Vec::with_capacity(changes.files.len());
    for f in &changes.files {
        let current = match std::fs::read(data_dir.join(&f.rel)) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e.into()),
        };
        // The loader reads a file without its byte order mark; the mark is kept when written.
        let as_read = current.as_deref().map(|b| b.strip_prefix(BOM.as_bytes()).unwrap_or(b));
        if as_read != f.before.as_deref().map(str::as_bytes) {
            return Err(WriteError::Changed(f.rel.clone()));
        }
        boms.push(current.is_some_and(|b| b.starts_with(BOM.as_bytes())));
    }
    for (f, bom) in changes.files.iter().zip(boms) {
        let path = data_dir.join(&f.rel);
        let dir = path.parent().unwrap_or(data_dir);
        std::fs::create_dir_all(dir)?;
        let mut tmp = tempfile::Builder::new().prefix(".koers-edit-").tempfile_in(dir)?;
        if bom {
            tmp.write_all(BOM.as_bytes())?;
        }
        tmp.write_all(f.after.as_bytes())?;
        if let Ok(meta) = std::fs::metadata(&path) {
            let _ = tmp.as_file().set_permissions(meta.permissions());
        }
        // On disk before the rename, so that even a power cut leaves old or new.
        tmp.as_file().sync_all()?;
        test_pause("before-rename", attempt);
        tmp.persist(&path).map_err(|e| e.error)?;
        sync_dir(dir);
    }
    Ok(())
}

/// The advisory lock every koers writer of a data directory holds while it checks and writes.
struct DirLock {
    _file: File,
}

impl DirLock {
    fn acquire(data_dir: &Path) -> io::Result<DirLock> {
        #[cfg(unix)]
        let file = File::open(data_dir)?;
        #[cfg(not(unix))]
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(data_dir.join(".koers-edit.lock"))?;
        file.lock().map_err(|e| {
            let (dir, reason) = (data_dir.display().to_string(), e.to_string());
            io::Error::new(e.kind(), crate::t!("cmd-lock-failed", dir = dir, reason = reason))
        })?;
        // Released when the file is closed.
        Ok(DirLock { _file: file })
    }
}

/// Make a rename durable (Unix; elsewhere the rename is as durable as the system makes it).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// A pause for the tests of concurrent and interrupted commands, so that they can act at an
/// exact moment instead of guessing with sleeps: when the environment variable
/// `KOERS_TEST_PAUSE` names a directory holding a file `<point>-<attempt>`, koers creates
/// `<point>-<attempt>.waiting` there and waits until the test removes `<point>-<attempt>`.
/// Points: `before-write` (validated, nothing locked yet), `before-rename` (the lock held, the
/// new text complete in its temporary file). Without the variable this does nothing.
pub(super) fn test_pause(point: &str, attempt: usize) {
    let Some(dir) = std::env::var_os("KOERS_TEST_PAUSE") else { return };
    let gate = Path::new(&dir).join(format!("{point}-{attempt}"));
    if !gate.exists() {
        return;
    }
    let _ = std::fs::write(gate.with_extension("waiting"), b"");
    while gate.exists() {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}
