//! Stage 5 — write: the whole build into a temporary directory beside the output directory, then
//! swapped into place in one step, with `manifest.json` recording what koers wrote. A failed build
//! leaves the previous output exactly as it was; a lock file keeps two builds from writing at once.

use crate::driver::GENERATOR;
use crate::out_guard;
use crate::render::{DocumentKind, Format, RenderedFile};
use anyhow::{Context, Result};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct ManifestEntry {
    pub document: DocumentKind,
    pub period: String,
    pub format: Format,
    pub path: String,
    pub sha256: String,
    /// The document's title, as the index shows it.
    pub title: String,
}

#[derive(serde::Deserialize)]
struct PreviousManifest {
    documents: Vec<ManifestEntry>,
}

#[derive(Serialize)]
struct Manifest<'a> {
    generator: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a SourceInfo>,
    documents: &'a [ManifestEntry],
}

/// The git commit the data came from, as the manifest records it.
#[derive(Serialize)]
pub struct SourceInfo {
    pub(crate) commit: String,
    pub(crate) date: Option<String>,
    /// The data in the work tree differs from the commit.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) modified: bool,
}

/// `manifest.json`: what koers wrote (the output guard reads it back) and from which commit.
pub fn render_manifest(source: Option<&SourceInfo>, entries: &[ManifestEntry]) -> Result<Vec<u8>> {
    let manifest = Manifest { generator: GENERATOR, source, documents: entries };
    let mut json = serde_json::to_string_pretty(&manifest)?;
    json.push('\n');
    Ok(json.into_bytes())
}

/// The SHA-256 of `bytes` in hexadecimal, as the manifest records it.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The output directory of a build and what it may not replace.
pub struct OutputTarget<'a> {
    pub path: &'a Path,
    pub protected: &'a out_guard::Protected,
    pub force: bool,
}

/// Write all files into a fresh directory beside the output, then swap it into place. A partial
/// build (`keep_previous`) carries over the files of the previous manifest that it does not
/// replace; `finish` makes the manifest and index from the complete list of entries. The output
/// path is checked again under the lock ([`out_guard::check`]): only what koers wrote is replaced.
pub fn write_atomically(
    target: &OutputTarget,
    files: &[RenderedFile],
    entries: &[ManifestEntry],
    keep_previous: bool,
    finish: impl Fn(&[ManifestEntry]) -> Result<Vec<(&'static str, Vec<u8>)>>,
) -> Result<()> {
    let resolved = out_guard::resolve(target.path);
    let out = resolved.as_path();
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    // One build at a time for this output directory.
    let lock_path = parent.join(format!(".{name}.koers-lock"));
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .with_context(|| format!("opening the lock file {}", lock_path.display()))?;
    lock.lock().with_context(|| format!("locking {}", lock_path.display()))?;
    // Under the lock: the output may have changed since the build started, and an earlier
    // build that was killed may have left its staging directories (only koers makes these names).
    out_guard::check(target.path, target.protected, target.force)?;
    remove_stale_staging(&parent, &name);

    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.koers-new-"))
        .tempdir_in(&parent)
        .with_context(|| format!("creating a temporary directory in {}", parent.display()))?;
    let write_file = |rel: &str, bytes: &[u8]| -> Result<()> {
        let path = staging.path().join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))
    };
    let mut all: Vec<ManifestEntry> = Vec::new();
    if keep_previous {
        let previous: Vec<ManifestEntry> = fs::read(out.join("manifest.json"))
            .ok()
            .and_then(|b| serde_json::from_slice::<PreviousManifest>(&b).ok())
            .map(|m| m.documents)
            .unwrap_or_default();
        for e in previous {
            let replaced = entries.iter().any(|n| n.path == e.path);
            let safe = !e.path.split('/').any(|c| c == ".." || c.is_empty()) && !e.path.starts_with('/');
            if replaced || !safe {
                continue;
            }
            if let Ok(bytes) = fs::read(out.join(&e.path)) {
                write_file(&e.path, &bytes)?;
                all.push(e);
            }
        }
    }
    for f in files {
        write_file(&f.path.to_string_lossy(), &f.bytes)?;
    }
    all.extend(entries.iter().cloned());
    all.sort_by(|a, b| (a.document, &a.period, &a.path).cmp(&(b.document, &b.period, &b.path)));
    for (name, bytes) in finish(&all)? {
        write_file(name, &bytes)?;
    }
    let staged = staging.keep();
    if out.exists() {
        let old = tempfile::Builder::new().prefix(&format!(".{name}.koers-old-")).tempdir_in(&parent)?.keep();
        fs::remove_dir(&old)?;
        fs::rename(out, &old).with_context(|| format!("moving the previous {} aside", out.display()))?;
        if let Err(e) = fs::rename(&staged, out) {
            let _ = fs::rename(&old, out); // put the previous output back
            let _ = fs::remove_dir_all(&staged);
            return Err(e).with_context(|| format!("moving the new output into {}", out.display()));
        }
        fs::remove_dir_all(&old).with_context(|| format!("removing the previous output {}", old.display()))?;
    } else {
        fs::rename(&staged, out).with_context(|| format!("moving the new output into {}", out.display()))?;
    }
    drop(lock);
    Ok(())
}

/// Remove `.NAME.koers-new-*` and `.NAME.koers-old-*` directories that a killed build left beside
/// the output. Called under the lock, so no other build is using them.
fn remove_stale_staging(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    let prefixes = [format!(".{name}.koers-new-"), format!(".{name}.koers-old-")];
    for e in entries.flatten() {
        let file_name = e.file_name().to_string_lossy().into_owned();
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && prefixes.iter().any(|p| file_name.starts_with(p.as_str())) {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}
