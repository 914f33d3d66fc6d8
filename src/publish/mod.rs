//! Layer 5 — publish: the rendered files written to the output directory atomically, with
//! `manifest.json`, the index page and the accessibility statement (`site`); `guard` refuses
//! an output directory koers did not make.
//!
//! Imports: `render` (the templates of the index page), `model` and `core`.
//!
//! Stage 5 — write: the whole build into a temporary directory beside the output directory, then
//! swapped into place in one step, with `manifest.json` recording what koers wrote. A failed build
//! leaves the previous output exactly as it was; a lock file keeps two builds from writing at once.

pub(crate) mod guard;
pub(crate) mod site;

use crate::core::document::GENERATOR;
use crate::core::document::{DocumentKind, DocumentPeriod, Format, RenderedFile};
use crate::model::Programme;
use crate::render::templates::TemplateSet;
use crate::render::views::Provenance;
use anyhow::{Context, Result};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};

/// A file of the output as `manifest.json` records it.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct ManifestEntry {
    pub document: DocumentKind,
    pub period: DocumentPeriod,
    /// A draft (`--concept`); only drafts say so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    pub format: Format,
    pub path: String,
    pub sha256: String,
    /// The document's title, as the index shows it.
    pub title: String,
}

impl ManifestEntry {
    /// The entry of a rendered file.
    pub fn of(file: &RenderedFile) -> ManifestEntry {
        ManifestEntry {
            document: file.document,
            period: file.period.clone(),
            draft: file.draft,
            format: file.format,
            path: file.path.to_string_lossy().replace('\\', "/"),
            sha256: sha256_hex(&file.bytes),
            title: file.title.clone(),
        }
    }
}

/// The manifest's order: by document kind, period and path.
pub fn sort_entries(entries: &mut [ManifestEntry]) {
    entries.sort_by(|a, b| (a.document, &a.period, &a.path).cmp(&(b.document, &b.period, &b.path)));
}

/// The files of the output beside the documents, made from the complete list of its entries.
pub struct SitePages {
    pub manifest: Vec<u8>,
    pub index: Vec<u8>,
    pub statement: Vec<u8>,
}

/// `manifest.json`, `index.html` and `toegankelijkheidsverklaring.html` for these entries.
pub fn site_pages(
    templates: &TemplateSet,
    prog: &Programme,
    entries: &[ManifestEntry],
    bron: &Provenance,
    source: Option<&SourceInfo>,
) -> Result<SitePages> {
    Ok(SitePages {
        manifest: render_manifest(source, entries)?,
        index: site::render_index(templates, prog, entries, bron)?,
        statement: site::render_statement(templates, prog, entries, bron)?,
    })
}

impl SitePages {
    fn files(self) -> [(&'static str, Vec<u8>); 3] {
        [
            ("manifest.json", self.manifest),
            ("index.html", self.index),
            ("toegankelijkheidsverklaring.html", self.statement),
        ]
    }
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
    pub protected: &'a guard::Protected,
    pub force: bool,
}

/// Write a build: its files, and the site pages made from everything the output holds after it
/// ([`site_pages`]), into a fresh directory beside the output that is then swapped into place.
/// A partial build (`keep_previous`) carries over the files of the previous manifest that it does
/// not replace.
pub fn publish(target: &OutputTarget, files: &[RenderedFile], keep_previous: bool, site: &Site) -> Result<()> {
    let staged = Staging::begin(target, files, keep_previous)?;
    let pages = site_pages(site.templates, site.programme, &staged.entries, site.provenance, site.source)?;
    for (name, bytes) in pages.files() {
        staged.write_file(name, &bytes)?;
    }
    staged.swap()
}

/// What the site pages are made from, beside the entries.
pub struct Site<'a> {
    pub templates: &'a TemplateSet,
    pub programme: &'a Programme,
    pub provenance: &'a Provenance,
    pub source: Option<&'a SourceInfo>,
}

/// A build being written: the output's lock held, the files in a staging directory beside it.
struct Staging {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    staging: tempfile::TempDir,
    /// Everything the output holds after this build, in the manifest's order.
    entries: Vec<ManifestEntry>,
    /// Held until the swap: one build at a time for this output directory.
    _lock: fs::File,
}

impl Staging {
    /// Take the output's lock, check again under it that the output is one koers may replace
    /// ([`guard::check`]), and write the files (and a partial build's carried-over files) into a
    /// fresh staging directory.
    fn begin(target: &OutputTarget, files: &[RenderedFile], keep_previous: bool) -> Result<Staging> {
        let out = guard::resolve(target.path);
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)
            .with_context(|| crate::t!("build-write-creating", path = parent.display().to_string()))?;
        let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
        let lock_path = parent.join(format!(".{name}.koers-lock"));
        let lock = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .with_context(|| crate::t!("build-write-opening-lock", path = lock_path.display().to_string()))?;
        lock.lock().with_context(|| crate::t!("build-write-locking", path = lock_path.display().to_string()))?;
        // Under the lock: the output may have changed since the build started, and an earlier
        // build that was killed may have left its staging directories (only koers makes these names).
        guard::check(target.path, target.protected, target.force)?;
        remove_stale_staging(&parent, &name);
        let staging = tempfile::Builder::new()
            .prefix(&format!(".{name}.koers-new-"))
            .tempdir_in(&parent)
            .with_context(|| crate::t!("build-write-creating-temporary", path = parent.display().to_string()))?;
        let mut staged = Staging { out, parent, name, staging, entries: Vec::new(), _lock: lock };
        let new: Vec<ManifestEntry> = files.iter().map(ManifestEntry::of).collect();
        if keep_previous {
            staged.carry_over_previous(&new)?;
        }
        for f in files {
            staged.write_file(&f.path.to_string_lossy(), &f.bytes)?;
        }
        staged.entries.extend(new);
        sort_entries(&mut staged.entries);
        Ok(staged)
    }

    /// The previous output's files that this build does not replace, as its manifest lists them.
    fn carry_over_previous(&mut self, new: &[ManifestEntry]) -> Result<()> {
        let previous: Vec<ManifestEntry> = fs::read(self.out.join("manifest.json"))
            .ok()
            .and_then(|b| serde_json::from_slice::<PreviousManifest>(&b).ok())
            .map(|m| m.documents)
            .unwrap_or_default();
        for e in previous {
            let replaced = new.iter().any(|n| n.path == e.path);
            let safe = !e.path.split('/').any(|c| c == ".." || c.is_empty()) && !e.path.starts_with('/');
            if replaced || !safe {
                continue;
            }
            if let Ok(bytes) = fs::read(self.out.join(&e.path)) {
                self.write_file(&e.path, &bytes)?;
                self.entries.push(e);
            }
        }
        Ok(())
    }

    fn write_file(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let path = self.staging.path().join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&path, bytes).with_context(|| crate::t!("build-write-writing", path = path.display().to_string()))
    }

    /// Put the staging directory in the output's place, the previous output aside and then away;
    /// if the swap fails, the previous output is put back.
    fn swap(self) -> Result<()> {
        let Staging { out, parent, name, staging, _lock, .. } = self;
        let out = out.as_path();
        let staged = staging.keep();
        if out.exists() {
            let old = tempfile::Builder::new().prefix(&format!(".{name}.koers-old-")).tempdir_in(&parent)?.keep();
            fs::remove_dir(&old)?;
            fs::rename(out, &old)
                .with_context(|| crate::t!("build-write-moving-aside", path = out.display().to_string()))?;
            if let Err(e) = fs::rename(&staged, out) {
                let _ = fs::rename(&old, out); // put the previous output back
                let _ = fs::remove_dir_all(&staged);
                return Err(e).with_context(|| crate::t!("build-write-moving-in", path = out.display().to_string()));
            }
            fs::remove_dir_all(&old)
                .with_context(|| crate::t!("build-write-removing-previous", path = old.display().to_string()))?;
        } else {
            fs::rename(&staged, out)
                .with_context(|| crate::t!("build-write-moving-in", path = out.display().to_string()))?;
        }
        Ok(())
    }
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
