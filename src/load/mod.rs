//! Layer 1 — load: the data files as they are written. Reads the YAML files of a data directory
//! (or of a git commit: [`git`]), parses them (`yaml_tree` keeps every value's line and
//! column), checks their structure against the schema derived from the file types
//! ([`data_files`], [`schema`]), and reads the images they refer to ([`figure`]).
//!
//! Imports: `core` only. The file types of [`data_files`] go no further than the model.
//!
//! Stage 1 — load: read every data file, parse it, check its structure and deserialise it.
//!
//! Loading never stops at the first problem: a broken file is reported and skipped, the rest is
//! loaded, so that one run of `koers check` shows everything that needs fixing.

pub mod data_files;
pub mod figure;
pub mod git;
pub mod schema;
pub(crate) mod yaml_tree;

use crate::core::dates::{Edition, TextValue};
use crate::core::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::load::data_files::{
    InformatiepakketFile, NieuwsbriefFile, ProgrammeFile, ProjectFile, RegioplanFile, ThemalijnFile,
};
use schema::FileKind;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use yaml_tree::Node;

/// Where data files come from: a directory, or a directory as it was at a git commit.
pub trait DataSource: Sync {
    /// All files below the data directory: (path relative to it, contents), in path order.
    fn files(&self) -> io::Result<Vec<(PathBuf, Vec<u8>)>>;
    /// How paths are shown in diagnostics (the data directory as the user named it).
    fn display_root(&self) -> PathBuf;
    /// A file the data refers to (an image), by its path relative to the data directory. Only a
    /// file inside the data directory is read: a path that leaves it (`..`, absolute, or a
    /// symbolic link pointing outside) is refused.
    fn read(&self, rel: &Path) -> io::Result<Vec<u8>>;
    /// Data files and directories that are not read, relative to the data directory: on disk,
    /// symbolic links (a link may point anywhere; koers reads only the data directory's own files).
    fn skipped(&self) -> Vec<PathBuf> {
        vec![]
    }
}

/// Whether a relative path stays below its root by its components alone (no `..`, no root).
pub fn stays_inside(rel: &Path) -> bool {
    rel.components().all(|c| matches!(c, std::path::Component::Normal(_) | std::path::Component::CurDir))
}

/// A data directory on disk.
pub struct DirSource {
    pub root: PathBuf,
}

impl DataSource for DirSource {
    fn files(&self) -> io::Result<Vec<(PathBuf, Vec<u8>)>> {
        let meta = std::fs::metadata(&self.root).map_err(|e| {
            io::Error::new(
                e.kind(),
                crate::t!("data-dir-unreadable", dir = self.root.display().to_string(), error = e.to_string()),
            )
        })?;
        if !meta.is_dir() {
            return Err(io::Error::other(crate::t!("data-dir-not-a-dir", dir = self.root.display().to_string())));
        }
        let mut out = Vec::new();
        walk(&self.root, Path::new(""), 0, &mut out)?;
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }

    fn display_root(&self) -> PathBuf {
        self.root.clone()
    }

    fn read(&self, rel: &Path) -> io::Result<Vec<u8>> {
        let outside = || io::Error::new(io::ErrorKind::PermissionDenied, crate::t!("data-file-outside"));
        if !stays_inside(rel) {
            return Err(outside());
        }
        let root = self.root.canonicalize()?;
        let path = root.join(rel).canonicalize()?;
        if !path.starts_with(&root) {
            return Err(outside());
        }
        let meta = std::fs::metadata(&path)?;
        if !meta.is_file() {
            return Err(io::Error::other(crate::t!("data-not-a-file")));
        }
        if meta.len() > crate::load::figure::MAX_BYTES as u64 {
            // Not read whole: the check reports its size.
            return Ok(vec![0; crate::load::figure::MAX_BYTES + 1]);
        }
        std::fs::read(&path)
    }

    fn skipped(&self) -> Vec<PathBuf> {
        let mut links = Vec::new();
        let mut dirs = vec![(PathBuf::new(), 0)];
        while let Some((rel, depth)) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(self.root.join(&rel)) else { continue };
            for entry in entries.flatten() {
                let rel_path = rel.join(entry.file_name());
                if entry.file_name().to_string_lossy().starts_with('.') {
                    continue;
                }
                match entry.file_type() {
                    Ok(ft) if ft.is_dir() && depth < 2 => dirs.push((rel_path, depth + 1)),
                    // A linked data file, or a linked directory (of data files).
                    Ok(ft) if ft.is_symlink() && (is_yaml(&rel_path) || entry.path().is_dir()) => links.push(rel_path),
                    _ => {}
                }
            }
        }
        links.sort();
        links
    }
}

fn walk(root: &Path, rel: &Path, depth: usize, out: &mut Vec<(PathBuf, Vec<u8>)>) -> io::Result<()> {
    for entry in std::fs::read_dir(root.join(rel))? {
        let entry = entry?;
        let name = entry.file_name();
        let rel_path = rel.join(&name);
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let ft = entry.file_type()?;
        if ft.is_dir() && depth < 2 {
            walk(root, &rel_path, depth + 1, out)?;
        } else if ft.is_file() && is_yaml(&rel_path) {
            out.push((rel_path.clone(), std::fs::read(root.join(&rel_path))?));
        }
    }
    Ok(())
}

fn is_yaml(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

/// A parsed file: where it is, its text (for source lines in diagnostics) and its tree (for positions).
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as shown to the user, e.g. `data/projecten/valpreventie.yaml`.
    pub path: PathBuf,
    /// Path relative to the data directory.
    pub rel: PathBuf,
    pub text: String,
    pub tree: Node,
}

impl SourceFile {
    /// The position of a value in this file.
    pub fn pos(&self, path: &[yaml_tree::Step]) -> Pos {
        self.tree.locate(path)
    }

    pub fn error_at(&self, path: &[yaml_tree::Step], message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.path, message).at(self.pos(path), &self.text)
    }

    pub fn warning_at(&self, path: &[yaml_tree::Step], message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(&self.path, message).at(self.pos(path), &self.text)
    }

    /// The file stem: the id of a project, themalijn or edition.
    pub fn id(&self) -> String {
        self.rel.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
    }
}

/// A data file with its typed contents.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub file: SourceFile,
    pub data: T,
}

/// Everything in the data directory that loaded, keyed by id (the file stem) in id order.
#[derive(Debug, Clone, Default)]
pub struct DataSet {
    pub root: PathBuf,
    pub programme: Option<Loaded<ProgrammeFile>>,
    pub regioplan: Option<Loaded<RegioplanFile>>,
    pub informatiepakket: Option<Loaded<InformatiepakketFile>>,
    pub themalijnen: BTreeMap<String, Loaded<ThemalijnFile>>,
    pub projecten: BTreeMap<String, Loaded<ProjectFile>>,
    /// Newsletter editions, by the period their file is named after.
    pub edities: BTreeMap<Edition, Loaded<NieuwsbriefFile>>,
    /// Files that claim what an earlier file holds already (e.g. `x.yaml` and `x.yml`, or
    /// `koers.yaml` and `koers.yml`); only the first of each is loaded.
    pub duplicate_ids: Vec<Duplicate>,
    /// Ids of files that exist but could not be loaded (their problems are reported already).
    pub failed_ids: std::collections::BTreeSet<String>,
    /// The images the data refers to that could be read and are usable, by their path as written.
    pub figuren: BTreeMap<String, crate::load::figure::Figuur>,
    /// The programme's logo (`huisstijl.logo` in koers.yaml), read and checked, with its alt text.
    pub logo: Option<crate::load::figure::Figuur>,
}

impl DataSet {
    /// The phase ladder of koers.yaml (`fasen`), in its order; empty without a loaded koers.yaml.
    pub fn ladder(&self) -> crate::core::phase::Ladder {
        crate::core::phase::Ladder::new(
            self.programme.iter().flat_map(|p| p.data.fasen.iter().map(|f| f.naam.as_str())),
        )
    }
}

/// A second file for the same id (or the same programme, regioplan or informatiepakket file).
#[derive(Debug, Clone)]
pub struct Duplicate {
    /// The id, or the name of the file without its extension.
    pub id: String,
    /// The file that is loaded and the one that is not, both as shown to the user.
    pub first: PathBuf,
    pub second: PathBuf,
}

/// Load all data files from `source`. I/O failure of the directory itself is an `Err`; every
/// problem inside a file is a diagnostic.
pub fn load(source: &dyn DataSource) -> io::Result<(DataSet, Diagnostics)> {
    let root = source.display_root();
    let files = source.files()?;
    let mut set = DataSet { root: root.clone(), ..Default::default() };
    let mut diags = Diagnostics::default();
    let mut seen_programme = false;
    // What each file holds (its kind and id) and the first file that held it.
    let mut claimed: BTreeMap<String, PathBuf> = BTreeMap::new();

    for (rel, bytes) in files {
        let shown = root.join(&rel);
        let Some(kind) = FileKind::of(&rel) else {
            if !rel.starts_with("schema") {
                diags.push(
                    Diagnostic::warning(&shown, crate::t!("data-file-ignored"))
                        .hint(crate::t!("data-file-ignored-hint")),
                );
            }
            continue;
        };
        let stem = rel.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        // An edition file is named after its month or quarter: the name read once, as its period.
        let edition = (kind == FileKind::Nieuwsbrief).then(|| Edition::parse_text(&stem));
        let claim = kind.claim(&stem, edition.as_ref());
        if let Some(first) = claimed.get(&claim) {
            let id = match kind {
                FileKind::Themalijn | FileKind::Project | FileKind::Nieuwsbrief => stem,
                _ => claim,
            };
            set.duplicate_ids.push(Duplicate { id, first: first.clone(), second: shown });
            continue;
        }
        claimed.insert(claim, shown.clone());
        let (text, tree) = match yaml_tree::parse(&shown, &bytes) {
            Ok(ok) => ok,
            Err(d) => {
                diags.push(d);
                if kind == FileKind::Programme {
                    seen_programme = true;
                }
                set.failed_ids.insert(rel.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default());
                continue;
            }
        };
        let file = SourceFile { path: shown.clone(), rel: rel.clone(), text, tree };
        let structural = schema::check(kind, &shown, &file.text, &file.tree);
        // A file whose only problems are unknown keys is still loaded (without them), so that
        // the rest of it is checked too.
        let ok = !structural.diagnostics.has_errors() || structural.only_unknown_keys;
        let mut file = file;
        for path in &structural.unknown_keys {
            file.tree.remove(path);
        }
        // What serde reads: the tree, with each date text as the check converted it.
        let json = ok.then(|| file.tree.to_json(&structural.converted));
        diags.extend(structural.diagnostics);
        if kind == FileKind::Programme {
            seen_programme = true;
        }
        store(&mut set, (kind, edition), file, json, &mut diags);
    }
    load_figures(source, &mut set, &mut diags);
    for rel in source.skipped() {
        diags.push(
            Diagnostic::warning(root.join(&rel), crate::t!("data-symlink-skipped"))
                .hint(crate::t!("data-symlink-skipped-hint")),
        );
    }
    if !seen_programme {
        diags.push(
            Diagnostic::error(root.join("koers.yaml"), crate::t!("data-programme-file-missing"))
                .hint(crate::t!("data-programme-file-missing-hint")),
        );
    }
    Ok((set, diags))
}

impl FileKind {
    /// The kind of a file by its path in the data directory; `None` for a file that is not
    /// part of the data format (the `schema/` directory's files, or any other).
    fn of(rel: &Path) -> Option<FileKind> {
        let parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        Some(match parts.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            [f] if f.starts_with("koers.") => FileKind::Programme,
            [f] if f.starts_with("regioplan.") => FileKind::Regioplan,
            [f] if f.starts_with("informatiepakket.") => FileKind::Informatiepakket,
            ["themalijnen", _] => FileKind::Themalijn,
            ["projecten", _] => FileKind::Project,
            ["nieuwsbrief", _] => FileKind::Nieuwsbrief,
            _ => return None,
        })
    }

    /// What a file of this kind holds: `koers`, `themalijnen/<id>`, `nieuwsbrief/<edition>`;
    /// two files that hold the same are one too many.
    fn claim(self, stem: &str, edition: Option<&Result<Edition, String>>) -> String {
        match self {
            FileKind::Programme => "koers".to_string(),
            FileKind::Regioplan => "regioplan".to_string(),
            FileKind::Informatiepakket => "informatiepakket".to_string(),
            FileKind::Themalijn => format!("themalijnen/{stem}"),
            FileKind::Project => format!("projecten/{stem}"),
            // `2025-04` and `04-2025` name the same edition.
            FileKind::Nieuwsbrief => {
                format!("nieuwsbrief/{}", edition.and_then(|e| e.as_ref().ok()).map_or(stem.to_string(), |e| e.0.id()))
            }
        }
    }
}

/// Add a loaded file to the data set by its kind; its typed data when its structure allows
/// (`json`, what it deserialises from), else only its id as one that failed.
fn store(
    set: &mut DataSet,
    (kind, edition): (FileKind, Option<Result<Edition, String>>),
    file: SourceFile,
    json: Option<serde_json::Value>,
    diags: &mut Diagnostics,
) {
    let id = file.id();
    match kind {
        FileKind::Programme => {
            if let Some(l) = json.and_then(|j| typed::<ProgrammeFile>(file, j, diags)) {
                set.programme = Some(l);
            }
        }
        FileKind::Regioplan => {
            if let Some(l) = json.and_then(|j| typed::<RegioplanFile>(file, j, diags)) {
                set.regioplan = Some(l);
            }
        }
        FileKind::Informatiepakket => {
            if let Some(l) = json.and_then(|j| typed::<InformatiepakketFile>(file, j, diags)) {
                set.informatiepakket = Some(l);
            }
        }
        FileKind::Themalijn => insert(set, |s| &mut s.themalijnen, id.clone(), id, json, file, diags),
        FileKind::Project => insert(set, |s| &mut s.projecten, id.clone(), id, json, file, diags),
        // An edition file's name is its period, read with its kind.
        FileKind::Nieuwsbrief => match edition {
            Some(Ok(edition)) => insert(set, |s| &mut s.edities, edition, id, json, file, diags),
            None => unreachable!("the load reads an edition file's name with its kind"),
            Some(Err(message)) => {
                diags.push(
                    Diagnostic::error(&file.path, crate::t!("data-edition-file-name", message = message))
                        .at(file.tree.pos, &file.text)
                        .hint(crate::t!("data-edition-file-name-hint")),
                );
                set.failed_ids.insert(id);
            }
        },
    }
}

/// Read and check every image a loaded file refers to (a themalijn's `ambitie_figuur`): each
/// problem is an error at the place that names the file.
fn load_figures(source: &dyn DataSource, set: &mut DataSet, diags: &mut Diagnostics) {
    let mut figuren = BTreeMap::new();
    for t in set.themalijnen.values() {
        let Some(f) = &t.data.ambitie_figuur else { continue };
        let at = |key: &str| [yaml_tree::Step::Key("ambitie_figuur".into()), yaml_tree::Step::Key(key.into())];
        if f.alt.trim().is_empty() {
            diags.push(
                t.file.error_at(&at("alt"), crate::t!("data-figure-no-alt")).hint(crate::t!("data-figure-no-alt-hint")),
            );
        }
        let bytes = match source.read(Path::new(&f.bestand)) {
            Ok(b) => b,
            Err(e) => {
                let why = unreadable(&e);
                diags.push(
                    t.file
                        .error_at(
                            &at("bestand"),
                            crate::t!("data-figure-unreadable", file = f.bestand.as_str(), why = why),
                        )
                        .hint(crate::t!("data-figure-unreadable-hint")),
                );
                continue;
            }
        };
        match crate::load::figure::check(&f.bestand, &bytes) {
            Ok(kind) => {
                let figuur = crate::load::figure::Figuur {
                    bestand: f.bestand.clone(),
                    kind,
                    bytes: std::sync::Arc::new(bytes),
                    alt: f.alt.trim().to_string(),
                };
                figuren.insert(f.bestand.clone(), figuur);
            }
            Err((message, hint)) => diags.push(t.file.error_at(&at("bestand"), message).hint(hint)),
        }
    }
    set.figuren = figuren;
    set.logo = load_logo(source, set, diags);
}

/// Why a file the data names cannot be read, as a diagnostic says it.
fn unreadable(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => crate::t!("data-no-such-file"),
        _ => e.to_string(),
    }
}

/// The logo's alt text: `logo_alt`, else "Logo van" and the programme's name; `None` (an error)
/// when `logo_alt` is empty.
fn logo_alt(p: &Loaded<ProgrammeFile>, diags: &mut Diagnostics) -> Option<String> {
    let naam = p.data.naam.trim();
    match p.data.huisstijl.as_ref().and_then(|h| h.logo_alt.as_deref()) {
        Some(a) if a.trim().is_empty() => {
            let at = [yaml_tree::Step::Key("huisstijl".into()), yaml_tree::Step::Key("logo_alt".into())];
            diags.push(
                p.file
                    .error_at(&at, crate::t!("data-logo-alt-empty"))
                    .hint(crate::t!("data-logo-alt-empty-hint", name = naam)),
            );
            None
        }
        Some(a) => Some(a.trim().to_string()),
        None => Some(format!("Logo van {naam}")),
    }
}

/// Read and check the logo of koers.yaml (`huisstijl.logo`): a PNG or SVG file inside the data
/// directory, with its alt text (`logo_alt`, else "Logo van" and the programme's name). Each
/// problem is an error at the key that names it.
fn load_logo(source: &dyn DataSource, set: &DataSet, diags: &mut Diagnostics) -> Option<crate::load::figure::Figuur> {
    let p = set.programme.as_ref()?;
    let h = p.data.huisstijl.as_ref()?;
    let at = |key: &str| [yaml_tree::Step::Key("huisstijl".into()), yaml_tree::Step::Key(key.into())];
    let Some(bestand) = &h.logo else {
        if h.logo_alt.is_some() {
            diags.push(
                p.file
                    .warning_at(&at("logo_alt"), crate::t!("data-logo-alt-without-logo"))
                    .hint(crate::t!("data-logo-alt-without-logo-hint")),
            );
        }
        return None;
    };
    use crate::load::figure::MAX_BYTES;
    let where_ = || crate::t!("data-logo-where-hint");
    let alt = logo_alt(p, diags);
    let rel = Path::new(bestand);
    if bestand.trim().is_empty() || !stays_inside(rel) {
        diags
            .push(p.file.error_at(&at("logo"), crate::t!("data-logo-outside", file = bestand.as_str())).hint(where_()));
        return None;
    }
    let bytes = match source.read(rel) {
        Ok(b) => b,
        Err(e) => {
            let why = unreadable(&e);
            diags.push(
                p.file
                    .error_at(&at("logo"), crate::t!("data-logo-unreadable", file = bestand.as_str(), why = why))
                    .hint(where_()),
            );
            return None;
        }
    };
    let kind = match crate::load::figure::check(bestand, &bytes) {
        Ok(crate::load::figure::ImageKind::Jpeg) => {
            diags.push(
                p.file
                    .error_at(&at("logo"), crate::t!("data-logo-jpeg", file = bestand.as_str()))
                    .hint(crate::t!("data-logo-jpeg-hint")),
            );
            return None;
        }
        Ok(kind) => kind,
        Err(_) if crate::load::figure::ImageKind::sniff(&bytes).is_none() && bytes.len() <= MAX_BYTES => {
            diags.push(
                p.file
                    .error_at(&at("logo"), crate::t!("data-logo-not-an-image", file = bestand.as_str()))
                    .hint(crate::t!("data-logo-not-an-image-hint")),
            );
            return None;
        }
        Err((message, hint)) => {
            diags.push(p.file.error_at(&at("logo"), message).hint(hint));
            return None;
        }
    };
    if crate::load::figure::pixel_size(kind, &bytes).is_none_or(|(w, h)| w == 0 || h == 0) {
        diags.push(
            p.file
                .error_at(&at("logo"), crate::t!("data-logo-no-size", file = bestand.as_str()))
                .hint(crate::t!("data-logo-no-size-hint")),
        );
        return None;
    }
    Some(crate::load::figure::Figuur { bestand: bestand.clone(), kind, bytes: std::sync::Arc::new(bytes), alt: alt? })
}

/// Add a loaded file under `key` (its id, or for an edition its period); the loop has made sure
/// no other file holds that key (`x.yaml` and `x.yml`).
fn insert<K: Ord, T: DeserializeOwned>(
    set: &mut DataSet,
    map: impl Fn(&mut DataSet) -> &mut BTreeMap<K, Loaded<T>>,
    key: K,
    id: String,
    json: Option<serde_json::Value>,
    file: SourceFile,
    diags: &mut Diagnostics,
) {
    match json.and_then(|j| typed::<T>(file, j, diags)) {
        Some(l) => {
            map(set).insert(key, l);
        }
        None => {
            set.failed_ids.insert(id);
        }
    }
}

fn typed<T: DeserializeOwned>(file: SourceFile, json: serde_json::Value, diags: &mut Diagnostics) -> Option<Loaded<T>> {
    match serde_json::from_value::<T>(json) {
        Ok(data) => Some(Loaded { file, data }),
        Err(e) => {
            // The schema check should have caught this; report it rather than panic.
            diags.push(
                Diagnostic::error(&file.path, crate::t!("data-file-does-not-match", error = e.to_string()))
                    .at(file.tree.pos, &file.text),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dates::{Month, Parsed, Start};

    /// Data files in memory.
    struct Files(Vec<(&'static str, &'static str)>);

    impl DataSource for Files {
        fn files(&self) -> io::Result<Vec<(PathBuf, Vec<u8>)>> {
            Ok(self.0.iter().map(|(p, t)| (PathBuf::from(p), t.as_bytes().to_vec())).collect())
        }
        fn display_root(&self) -> PathBuf {
            PathBuf::from("data")
        }
        fn read(&self, _: &Path) -> io::Result<Vec<u8>> {
            Err(io::ErrorKind::NotFound.into())
        }
    }

    /// A valid month loads as its value, an invalid one as `Invalid` with its diagnostic: each
    /// text converted once, by the structural check.
    #[test]
    fn a_valid_and_an_invalid_month() {
        let project =
            "naam: X\nthemalijn: ouderen\nstart: 2024-01\neinde: doorlopend\ntoegevoegd_na_regioplan: juli 2024\n";
        let (set, diags) = load(&Files(vec![("projecten/x.yaml", project)])).unwrap();
        let p = &set.projecten["x"].data;
        assert_eq!(p.start, Parsed::Valid(Start::Month(Month { year: 2024, month: 1 })));
        assert_eq!(p.toegevoegd_na_regioplan, Some(Parsed::Invalid));
        let d = diags.items.iter().find(|d| d.file.ends_with("projecten/x.yaml")).expect("the invalid month");
        assert_eq!((d.line, d.column), (5, 26));
        assert_eq!(d.message, "\"juli 2024\" is not a month: write it as YYYY-MM, e.g. 2024-03");
        assert_eq!(d.hint.as_deref(), Some("did you mean 2024-07?"));
    }
}
