//! The documents in memory for `koers serve`: rebuilt on each change, re-rendering only the
//! documents whose view changed.
//!
//! An update runs stages 1–3 again (a few milliseconds), then compares each document's view — the
//! template context, which holds everything a template can show — with the one it rendered last.
//! A document whose view and templates are unchanged keeps its files; the others are rendered
//! anew. Fast formats and PDFs update separately ([`Formats`]) so a page can reload before the
//! PDFs are typeset. typst keeps its incremental cache between updates in the same process.

use crate::core::diagnostics::Diagnostics;
use crate::core::document::Format;
use crate::pipeline::{BuildOptions, Prepared};
use crate::publish::{self, ManifestEntry};
use crate::render::{Document, Renderer};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;

/// Which formats an update renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formats {
    /// Markdown, HTML, e-mail and text: milliseconds.
    Fast,
    /// The PDFs (typst).
    Pdf,
}

impl Formats {
    fn includes(self, f: Format) -> bool {
        (f == Format::Pdf) == (self == Formats::Pdf)
    }
}

/// A file as served.
#[derive(Debug, Clone)]
pub struct ServedFile {
    pub format: Format,
    pub bytes: Arc<Vec<u8>>,
}

/// The state of the preview after an update.
#[derive(Debug, Clone)]
pub enum Site {
    /// Every document rendered; `warnings` as `koers check` gives them.
    Built { files: BTreeMap<String, ServedFile>, index: Arc<Vec<u8>>, manifest: Arc<Vec<u8>>, warnings: Diagnostics },
    /// The data is invalid: every page shows these diagnostics.
    Invalid { diagnostics: Diagnostics },
    /// A template or typesetting error.
    Failed { message: String },
}

/// What an update changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Update {
    /// Paths (relative, as in out/) whose bytes changed, were added or removed.
    pub changed: Vec<String>,
    /// Documents rendered anew (document × format).
    pub rendered: usize,
    /// The site switched between valid and invalid (or failed) or the diagnostics changed: every page changes.
    pub everything: bool,
}

/// One document in one format as last rendered: the file, and for the e-mail its images.
struct Cached {
    view_hash: u64,
    files: Vec<(String, ServedFile, ManifestEntry)>,
}

/// The in-memory site and what it needs to update.
pub struct Preview {
    opts: BuildOptions,
    renderer: Option<(u64, Renderer)>,
    /// By the output path of the document's file in that format.
    cache: HashMap<String, Cached>,
    site: Site,
}

impl Preview {
    pub fn new(opts: BuildOptions) -> Preview {
        Preview {
            opts,
            renderer: None,
            cache: HashMap::new(),
            site: Site::Failed { message: crate::t!("build-preview-not-built") },
        }
    }

    pub fn site(&self) -> &Site {
        &self.site
    }

    /// The directories whose changes matter: the data and the templates (if any).
    pub fn watched_dirs(&self) -> Vec<PathBuf> {
        let mut dirs = vec![self.opts.data_dir.clone()];
        dirs.extend(crate::pipeline::templates_dir(&self.opts));
        dirs
    }

    /// Load, validate and render what changed in `formats`.
    pub fn update(&mut self, formats: Formats) -> Update {
        match self.try_update(formats) {
            Ok(update) => update,
            Err(message) => self.fail(message),
        }
    }

    /// An update, or the message of the template, typesetting or git failure that stopped it.
    fn try_update(&mut self, formats: Formats) -> Result<Update, String> {
        let was_valid = matches!(self.site, Site::Built { .. });
        // What is served now, to tell what this update changes (the cache may be emptied below).
        let previous: HashMap<String, Arc<Vec<u8>>> =
            self.cache.values().flat_map(|c| c.files.iter().map(|(p, f, _)| (p.clone(), f.bytes.clone()))).collect();
        let repo = crate::load::git::Repo::discover(&self.opts.data_dir);
        let prepared = crate::pipeline::prepare(&self.opts, repo.as_ref()).map_err(|e| format!("{e:#}"))?;
        let source = prepared.source_info();
        let Prepared { diagnostics, programme, provenance, templates, date, .. } = prepared;
        let Some(prog) = programme else {
            let same = matches!(&self.site, Site::Invalid { diagnostics: d } if d.items == diagnostics.items);
            self.site = Site::Invalid { diagnostics };
            return Ok(Update { everything: !same, ..Update::default() });
        };
        let template_hash = self.renderer_for(&templates)?;
        let (_, renderer) = self.renderer.as_ref().expect("set by renderer_for");
        let jobs = crate::pipeline::plan::plan_jobs(&prog, &self.opts.selection()).map_err(|e| format!("{e:#}"))?;
        let documents: Vec<Document> = jobs
            .iter()
            .map(|j| renderer.document(&prog, j, &provenance))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| e.to_string())?
            .into_iter()
            .flatten()
            .collect();
        let shared_hash = hash_of(&provenance_key(&provenance, date)) ^ template_hash;
        let (wanted, present) = stale(&self.cache, &documents, formats, shared_hash);
        let rendered = render_into(&mut self.cache, renderer, &wanted, &provenance, date)?;
        let mut update = Update { rendered, everything: !was_valid, ..Update::default() };
        // Documents that are gone (a newsletter edition removed, say).
        self.cache.retain(|p, _| present.contains(p));
        let current: BTreeMap<String, (ServedFile, ManifestEntry)> = self
            .cache
            .values()
            .flat_map(|c| c.files.iter().map(|(p, f, e)| (p.clone(), (f.clone(), e.clone()))))
            .collect();
        for (p, (f, _)) in &current {
            if previous.get(p) != Some(&f.bytes) {
                update.changed.push(p.clone());
            }
        }
        update.changed.extend(previous.keys().filter(|p| !current.contains_key(*p)).cloned());
        let mut entries: Vec<ManifestEntry> = current.values().map(|(_, e)| e.clone()).collect();
        publish::sort_entries(&mut entries);
        let pages = publish::site_pages(&templates, &prog, &entries, &provenance, source.as_ref())
            .map_err(|e| format!("{e:#}"))?;
        let index = Arc::new(pages.index);
        if let Site::Built { index: old, .. } = &self.site
            && *old != index
        {
            update.changed.push(String::new());
        }
        let manifest = Arc::new(pages.manifest);
        let statement = Arc::new(pages.statement);
        let mut files: BTreeMap<String, ServedFile> = current.into_iter().map(|(p, (f, _))| (p, f)).collect();
        // The toegankelijkheidsverklaring every page's footer links to.
        files.insert("toegankelijkheidsverklaring.html".into(), ServedFile { format: Format::Html, bytes: statement });
        self.site = Site::Built { files, index, manifest, warnings: diagnostics };
        update.changed.sort();
        Ok(update)
    }

    /// The renderer of these templates (made anew when they changed); the templates' hash.
    fn renderer_for(&mut self, templates: &crate::render::templates::TemplateSet) -> Result<u64, String> {
        let template_hash = hash_of(&templates.sources);
        if self.renderer.as_ref().is_none_or(|(h, _)| *h != template_hash) {
            let mut r = Renderer::new(templates).map_err(|e| e.to_string())?;
            r.merge_tags = self.opts.merge_tags;
            // The cached files stay served until each is rendered anew (their view hashes
            // include the templates' hash).
            self.renderer = Some((template_hash, r));
        }
        Ok(template_hash)
    }

    fn fail(&mut self, message: String) -> Update {
        let same = matches!(&self.site, Site::Failed { message: m } if *m == message);
        self.site = Site::Failed { message };
        Update { everything: !same, ..Update::default() }
    }
}

/// What to render: each document × format of this update whose view changed (with the view's
/// hash and its cache key), and the cache keys of every document × format there is.
#[allow(clippy::type_complexity)]
fn stale<'d>(
    cache: &HashMap<String, Cached>,
    documents: &'d [Document],
    formats: Formats,
    shared_hash: u64,
) -> (Vec<(&'d Document, Format, u64, String)>, Vec<String>) {
    let mut wanted = Vec::new();
    let mut present = Vec::new();
    for doc in documents {
        let view_hash = view_hash(doc) ^ shared_hash;
        for &format in Format::for_kind(doc.kind) {
            let path = format!("{}.{}", doc.stem, format.extension());
            present.push(path.clone());
            if !formats.includes(format) {
                continue;
            }
            if cache.get(&path).is_some_and(|c| c.view_hash == view_hash) {
                continue;
            }
            wanted.push((doc, format, view_hash, path));
        }
    }
    (wanted, present)
}

/// Render what is wanted, side by side, into the cache; how many were rendered. The first
/// failure stops it (what rendered before it is kept).
fn render_into(
    cache: &mut HashMap<String, Cached>,
    renderer: &Renderer,
    wanted: &[(&Document, Format, u64, String)],
    provenance: &crate::render::views::Provenance,
    date: chrono::NaiveDate,
) -> Result<usize, String> {
    // (the cache key, the view's hash, the files)
    type Rendered = (String, u64, Vec<crate::core::document::RenderedFile>);
    let rendered: Vec<Result<Rendered, crate::render::RenderError>> = wanted
        .par_iter()
        .map(|(doc, format, h, path)| {
            renderer.render_document(doc, *format, provenance, date).map(|f| (path.clone(), *h, f))
        })
        .collect();
    let n = rendered.len();
    for r in rendered {
        let (key, view_hash, rendered_files) = r.map_err(|e| e.to_string())?;
        let files = rendered_files
            .into_iter()
            .map(|file| {
                let entry = ManifestEntry::of(&file);
                (entry.path.clone(), ServedFile { format: file.format, bytes: Arc::new(file.bytes) }, entry)
            })
            .collect();
        cache.insert(key, Cached { view_hash, files });
    }
    Ok(n)
}

fn provenance_key(p: &crate::render::views::Provenance, date: chrono::NaiveDate) -> String {
    format!("{:?}|{date}", (&p.commit, &p.commit_datum, p.gewijzigd, &p.datum))
}

/// A hash of everything a document can show (its whole tree or template context), without
/// building a string of it.
fn view_hash(doc: &Document) -> u64 {
    struct Feed<'a>(&'a mut std::collections::hash_map::DefaultHasher);
    impl std::fmt::Write for Feed<'_> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.write(s.as_bytes());
            Ok(())
        }
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let _ = std::fmt::Write::write_fmt(&mut Feed(&mut h), format_args!("{}|{:?}", doc.stem, doc.content));
    h.finish()
}

fn hash_of<T: Hash + ?Sized>(v: &T) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    v.hash(&mut h);
    h.finish()
}
