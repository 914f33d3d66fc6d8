//! Stage 5 — write: the whole build into a temporary directory beside the output directory, then
//! swapped into place in one step. A failed build leaves the previous output exactly as it was;
//! a lock file keeps two builds from writing at once.

use crate::dates::{Month, Parsed, Period, PeriodChoice};
use crate::diagnostics::Diagnostics;
use crate::git;
use crate::load::{DataSource, DirSource};
use crate::out_guard;
use crate::render::templates::TemplateSet;
use crate::render::views::{MergeTags, Provenance, RegioplanSelection};
use crate::render::{DocumentKind, Format, Job, RenderedFile, Renderer};
use crate::validate::ValidateOptions;
use anyhow::{Context, Result, anyhow, bail};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};

pub const GENERATOR: &str = concat!("koers ", env!("CARGO_PKG_VERSION"));

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub data_dir: PathBuf,
    pub out_dir: PathBuf,
    /// Template directory; default: `templates/` beside the data directory, if it exists.
    pub templates_dir: Option<PathBuf>,
    /// Only these periods: half years (2024-H1) for the rapportage, months or quarters for the
    /// newsletter.
    pub periods: Vec<PeriodChoice>,
    /// Only these documents (all when empty).
    pub only: Vec<DocumentKind>,
    /// Only these formats (all when empty).
    pub formats: Vec<Format>,
    pub regioplan: RegioplanSelection,
    /// The document date; default: the source commit's date, else the latest month in the data.
    pub date: Option<chrono::NaiveDate>,
    /// Build the data and templates as they were at this git revision.
    pub rev: Option<String>,
    pub merge_tags: MergeTags,
    /// Validate and render, but write nothing (`koers check --render`).
    pub dry_run: bool,
    /// Allow a rapportage for a half year koers.yaml does not declare, marked as a draft (CONCEPT).
    pub draft: bool,
    /// Replace an output directory that koers did not write (never the data, templates,
    /// repository root, home or `/`).
    pub force: bool,
}

impl BuildOptions {
    /// A build of only some documents or formats: it adds to the existing output instead of
    /// replacing it.
    pub fn is_partial(&self) -> bool {
        !self.periods.is_empty()
            || !self.only.is_empty()
            || !self.formats.is_empty()
            || self.regioplan.themalijn.is_some()
            || self.regioplan.project.is_some()
    }

    pub fn new(data_dir: impl Into<PathBuf>, out_dir: impl Into<PathBuf>) -> Self {
        BuildOptions {
            data_dir: data_dir.into(),
            out_dir: out_dir.into(),
            templates_dir: None,
            periods: vec![],
            only: vec![],
            formats: vec![],
            regioplan: RegioplanSelection::default(),
            date: None,
            rev: None,
            merge_tags: MergeTags::default(),
            dry_run: false,
            draft: false,
            force: false,
        }
    }
}

/// The outcome of a build.
#[derive(Debug)]
pub struct BuildReport {
    pub diagnostics: Diagnostics,
    /// The files written (relative to the output directory), empty when the data was invalid.
    pub files: Vec<ManifestEntry>,
    pub provenance: Provenance,
}

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
    commit: String,
    date: Option<String>,
    /// The data in the work tree differs from the commit.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    modified: bool,
}

/// Load, validate, render and (unless `dry_run`) write. Invalid data is not an `Err`: the report
/// carries the diagnostics and nothing is written. `Err` is for I/O, git and template failures.
pub fn build(opts: &BuildOptions) -> Result<BuildReport> {
    let (report, _) = build_in_memory_and_write(opts, !opts.dry_run)?;
    Ok(report)
}

/// Validate and render without writing: the report and the rendered files.
pub fn build_in_memory(opts: &BuildOptions) -> Result<(BuildReport, Vec<RenderedFile>)> {
    build_in_memory_and_write(opts, false)
}

fn build_in_memory_and_write(opts: &BuildOptions, write: bool) -> Result<(BuildReport, Vec<RenderedFile>)> {
    let repo = git::Repo::discover(&opts.data_dir);
    // Before any work: the output path must be one koers may replace.
    let protected = write.then(|| protected_paths(opts, repo.as_ref()));
    if let Some(protected) = &protected {
        out_guard::check(&opts.out_dir, protected, opts.force)?;
    }
    let prepared = prepare(opts, repo.as_ref())?;
    let source = prepared.source_info();
    let Prepared { diagnostics, programme, provenance, templates, date, .. } = prepared;
    let Some(prog) = programme else {
        return Ok((BuildReport { diagnostics, files: vec![], provenance: Provenance::default() }, vec![]));
    };
    let jobs = plan_jobs(&prog, opts)?;
    let mut renderer = Renderer::new(&templates).map_err(|e| anyhow!(e))?;
    renderer.merge_tags = opts.merge_tags;
    let formats: Vec<Format> = if opts.formats.is_empty() {
        vec![Format::Md, Format::Html, Format::Pdf, Format::Email, Format::Txt, Format::Eml]
    } else {
        opts.formats.clone()
    };
    let rendered = renderer.render_all(&prog, &jobs, &formats, &provenance, date).map_err(|e| anyhow!(e))?;
    let entries: Vec<ManifestEntry> = rendered
        .iter()
        .map(|f| ManifestEntry {
            document: f.document,
            period: f.period.clone(),
            format: f.format,
            path: f.path.to_string_lossy().replace('\\', "/"),
            sha256: sha256_hex(&f.bytes),
            title: f.title.clone(),
        })
        .collect();
    if write {
        // The manifest and the index describe everything in out/ after this build.
        let finish = |all: &[ManifestEntry]| -> Result<Vec<(&'static str, Vec<u8>)>> {
            let index = render_index(&templates, &prog, all, &provenance)?;
            let statement = render_statement(&templates, &prog, all, &provenance)?;
            Ok(vec![
                ("manifest.json", render_manifest(source.as_ref(), all)?),
                ("index.html", index),
                ("toegankelijkheidsverklaring.html", statement),
            ])
        };
        let protected = protected.as_ref().expect("computed when writing");
        let target = OutputTarget { path: &opts.out_dir, protected, force: opts.force };
        write_atomically(&target, &rendered, &entries, opts.is_partial(), finish)?;
    }
    Ok((BuildReport { diagnostics, files: entries, provenance }, rendered))
}

/// Stages 1–3 and what every document shares: the data loaded and validated (from the work tree
/// or a git revision), the templates, the document date and the provenance stamp.
pub struct Prepared {
    pub diagnostics: Diagnostics,
    /// Present when the data is valid.
    pub programme: Option<crate::model::Programme>,
    pub provenance: Provenance,
    pub templates: TemplateSet,
    pub date: chrono::NaiveDate,
    commit: Option<git::CommitInfo>,
    gewijzigd: bool,
}

pub fn prepare(opts: &BuildOptions, repo: Option<&git::Repo>) -> Result<Prepared> {
    let (source, templates): (Box<dyn DataSource>, TemplateSet) = match &opts.rev {
        Some(rev) => {
            let repo = repo.ok_or_else(|| anyhow!("--rev needs the data directory to be inside a git repository"))?;
            let snapshot = repo.snapshot(rev, &opts.data_dir, opts.templates_dir.as_deref())?;
            let mut templates = TemplateSet::embedded();
            templates.override_from(snapshot.templates.clone());
            (Box::new(snapshot), templates)
        }
        None => (Box::new(DirSource { root: opts.data_dir.clone() }), load_templates(opts)?),
    };
    let commit = match (repo, &opts.rev) {
        (Some(r), Some(rev)) => r.commit_info(rev).ok(),
        (Some(r), None) => r.commit_info("HEAD").ok(),
        _ => None,
    };
    // The work tree may differ from the commit: then the stamp says so.
    let gewijzigd = match (&repo, &opts.rev, &commit) {
        (Some(r), None, Some(_)) => r.differs_from_head(&opts.data_dir, source.as_ref()),
        _ => false,
    };

    let report_month = opts.date.map(Month::of).unwrap_or_else(current_month);
    let mut checked = crate::check(source.as_ref(), &ValidateOptions { report_month: Some(report_month) })?;
    for path in &templates.ignored {
        let known: Vec<&str> = templates.sources.keys().map(String::as_str).collect();
        checked.diagnostics.push(
            crate::diagnostics::Diagnostic::warning(path, "this file is not a template koers uses; it is ignored")
                .hint(format!("template files are: {}", known.join(", "))),
        );
    }
    let Some(prog) = checked.programme else {
        return Ok(Prepared {
            diagnostics: checked.diagnostics,
            programme: None,
            provenance: Provenance::default(),
            templates,
            date: chrono::NaiveDate::default(),
            commit,
            gewijzigd,
        });
    };

    let date = opts
        .date
        .or_else(|| commit.as_ref().map(|c| c.date))
        .or_else(|| latest_month(&prog).map(|m| m.first_day()))
        .unwrap_or_else(|| chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid"));
    let provenance = Provenance {
        generator: GENERATOR.to_string(),
        commit: commit.as_ref().map(|c| c.short.clone()),
        commit_datum: commit.as_ref().map(|c| c.date.to_string()),
        gewijzigd,
        datum: date.to_string(),
        datum_nl: format!("{} {}", chrono::Datelike::day(&date), Month::of(date).dutch()),
    };

    Ok(Prepared {
        diagnostics: checked.diagnostics,
        programme: Some(prog),
        provenance,
        templates,
        date,
        commit,
        gewijzigd,
    })
}

impl Prepared {
    /// The commit the data came from, if it is in a git repository.
    pub fn source_info(&self) -> Option<SourceInfo> {
        self.commit.as_ref().map(|c| SourceInfo {
            commit: c.short.clone(),
            date: Some(c.date.to_string()),
            modified: self.gewijzigd,
        })
    }
}

/// `manifest.json`: what koers wrote (the output guard reads it back) and from which commit.
pub fn render_manifest(source: Option<&SourceInfo>, entries: &[ManifestEntry]) -> Result<Vec<u8>> {
    let manifest = Manifest { generator: GENERATOR, source, documents: entries };
    let mut json = serde_json::to_string_pretty(&manifest)?;
    json.push('\n');
    Ok(json.into_bytes())
}

/// The index page of the output: every document with its formats.
pub fn render_index(
    templates: &TemplateSet,
    prog: &crate::model::Programme,
    entries: &[ManifestEntry],
    bron: &Provenance,
) -> Result<Vec<u8>> {
    render_site_page("index.html", templates, prog, entries, bron)
}

/// The toegankelijkheidsverklaring (accessibility statement) of the output, beside the index.
pub fn render_statement(
    templates: &TemplateSet,
    prog: &crate::model::Programme,
    entries: &[ManifestEntry],
    bron: &Provenance,
) -> Result<Vec<u8>> {
    render_site_page("toegankelijkheidsverklaring.html", templates, prog, entries, bron)
}

/// A page of the output beside the documents, from the index's context.
fn render_site_page(
    template: &str,
    templates: &TemplateSet,
    prog: &crate::model::Programme,
    entries: &[ManifestEntry],
    bron: &Provenance,
) -> Result<Vec<u8>> {
    let env =
        crate::render::tera_env::environment(crate::render::tera_env::Lang::Html, templates).map_err(|e| anyhow!(e))?;
    let ctx = index_context(prog, entries, bron);
    Ok(crate::render::tera_env::render(&env, template, &ctx).map_err(|e| anyhow!(e))?.into_bytes())
}

/// A draft edition file: the edition's frame to fill in and a block for each project with results
/// reported in it, under its thema heading, in table order.
pub fn draft_edition_yaml(prog: &crate::model::Programme, period: Period) -> String {
    use std::fmt::Write;
    let mut s = String::from("# yaml-language-server: $schema=../schema/nieuwsbrief.schema.json\n");
    let titel = match period.kind {
        crate::dates::PeriodKind::Quarter(q) => {
            format!("Even bijpraten... Q{q} - {}", period.first.year)
        }
        _ => format!("Even bijpraten... {}", period.dutch()),
    };
    let _ = writeln!(s, "titel: \"{titel}\"");
    s.push_str("inleiding: |\n  We verzenden iedere maand een update naar jou als betrokken BO- of AO-lid.\n");
    s.push_str("# highlights: |\n#   Deze maand lees je o.a. over ...\n");
    s.push_str(
        "# The blocks of the newsletter, in the order they stand: a \"thema\" heading, a \"project\" update\n\
         # (its results reported in this edition), an \"item\", the \"uitgelicht\" block. Reorder, remove or\n\
         # add blocks; every result reported in this edition must be shown in one.\n",
    );
    s.push_str(&draft_changes(prog, period));
    let mut blocks = String::new();
    for t in &prog.themalijnen {
        let mut thema = false;
        for p in &t.projecten {
            let n = p.resultaten_in_editie(period).count();
            if n == 0 {
                continue;
            }
            if !thema {
                thema = true;
                let _ = writeln!(blocks, "  - thema: {}  # Thema {}", t.id, t.naam.to_lowercase());
            }
            let _ =
                writeln!(blocks, "  - project: {}  # {}: {} result{}", p.id, p.naam, n, if n == 1 { "" } else { "s" });
            // What the updates say, to help choose (comments: not part of the data).
            for r in p.resultaten_in_editie(period) {
                let first: String = r.tekst.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(90).collect();
                let _ = writeln!(blocks, "    #   {first}…");
            }
        }
    }
    let example = |kind: &str| format!("  # - {kind}:\n  #     titel: ...\n  #     tekst: |\n  #       ...\n");
    if blocks.is_empty() {
        s.push_str("blokken: []  # no results are reported in this edition yet: add them to the project files\n");
        s.push_str(&example("item"));
    } else {
        s.push_str("blokken:\n");
        s.push_str(&example("item"));
        s.push_str(&blocks);
        s.push_str(&example("uitgelicht"));
    }
    s
}

/// Comment lines for a draft edition: what changed since the edition before it (or, for the first
/// edition, since the latest rapportage before it) — the same comparison as `koers changes` and
/// the rapportage's "Wat is er veranderd".
fn draft_changes(prog: &crate::model::Programme, period: Period) -> String {
    use crate::changes::{Stand, compare};
    use std::fmt::Write;
    let vorige_editie = prog.edities.iter().map(|e| e.periode).filter(|e| e.last < period.first).max_by_key(|e| e.last);
    let (oud, sinds) = match vorige_editie {
        Some(e) => (Stand::editie(prog, e), format!("edition {}", e.id())),
        None => match prog.rapportage_periods().into_iter().filter(|r| r.last < period.first).max() {
            Some(r) => (Stand::rapportage(prog, r), format!("rapportage {}", r.id())),
            None => return String::new(),
        },
    };
    let lijst = compare(&oud, &Stand::editie(prog, period));
    let mut lines = Vec::new();
    for w in &lijst {
        let naam = &w.project.naam;
        for f in &w.fasen {
            let van = f.van.map(|v| v.name()).unwrap_or("–");
            let sinds = f.sinds.map(|m| format!(" (sinds {})", m.table())).unwrap_or_default();
            let reden = f.reden.as_deref().filter(|_| f.terug()).map(|r| format!(" — terug: {r}")).unwrap_or_default();
            lines.push(format!("fase: {naam}: {van} → {}{sinds}{reden}", f.naar));
        }
        if w.nieuw {
            lines.push(format!("nieuw project: {naam}"));
        }
        if let Some(m) = w.beeindigd {
            lines.push(format!("beëindigd: {naam} ({})", m.table()));
        }
    }
    let zonder: Vec<&str> = lijst.iter().filter(|w| w.zonder_resultaten).map(|w| w.project.naam.as_str()).collect();
    if !zonder.is_empty() {
        lines.push(format!("zonder resultaten voor deze editie: {}", zonder.join(", ")));
    }
    let mut out = format!("# What changed since {sinds}, according to the data (koers changes computes the same):\n");
    if lines.is_empty() {
        out.push_str("#   nothing\n");
    }
    for l in lines {
        let one: String = l.split_whitespace().collect::<Vec<_>>().join(" ");
        let _ = writeln!(out, "#   {one}");
    }
    out
}

/// What the output may never replace: the data, the templates, the repository root, the home
/// directory.
fn protected_paths(opts: &BuildOptions, repo: Option<&git::Repo>) -> out_guard::Protected {
    let templates = opts.templates_dir.clone().or_else(|| opts.data_dir.parent().map(|p| p.join("templates")));
    out_guard::Protected {
        data_dir: Some(opts.data_dir.clone()),
        templates_dir: templates.filter(|t| t.is_dir()),
        repo_root: repo.map(|r| r.workdir().to_path_buf()),
        home: std::env::home_dir(),
    }
}

/// The directory of templates overriding the built-in ones: `--templates`, else `templates/`
/// beside the data directory when it exists.
pub fn templates_dir(opts: &BuildOptions) -> Option<PathBuf> {
    match &opts.templates_dir {
        Some(d) => Some(d.clone()),
        None => opts.data_dir.parent().map(|p| p.join("templates")).filter(|p| p.is_dir()),
    }
}

fn load_templates(opts: &BuildOptions) -> Result<TemplateSet> {
    match templates_dir(opts) {
        Some(d) => TemplateSet::with_overrides(&d).with_context(|| format!("reading templates from {}", d.display())),
        None => Ok(TemplateSet::embedded()),
    }
}

pub fn current_month() -> Month {
    // Only for validation ("results not after today"): outputs never depend on the clock.
    let secs =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    let date = chrono::DateTime::from_timestamp(secs, 0).map(|d| d.date_naive()).unwrap_or_default();
    Month::of(date)
}

/// The latest month that occurs in the data: the last month of the latest report period or
/// newsletter edition.
fn latest_month(prog: &crate::model::Programme) -> Option<Month> {
    let reports = prog.rapportages.iter().map(|r| r.periode.last);
    let editions = prog.edities.iter().map(|e| e.periode.last);
    reports.chain(editions).max()
}

/// The documents to build: every rapportage koers.yaml declares, the regioplan, every edition,
/// the informatiepakket.
pub fn plan_jobs(prog: &crate::model::Programme, opts: &BuildOptions) -> Result<Vec<Job>> {
    let wanted = |k: DocumentKind| opts.only.is_empty() || opts.only.contains(&k);
    let halves: Vec<Period> =
        opts.periods.iter().filter_map(|p| if let PeriodChoice::Half(h) = p { Some(*h) } else { None }).collect();
    let editions: Vec<Period> =
        opts.periods.iter().filter_map(|p| if let PeriodChoice::Edition(e) = p { Some(*e) } else { None }).collect();
    let mut jobs = Vec::new();
    if wanted(DocumentKind::Rapportage) && (opts.periods.is_empty() || !halves.is_empty()) {
        let declared = prog.rapportage_periods();
        if halves.is_empty() {
            jobs.extend(declared.into_iter().map(|p| Job::Rapportage { periode: p, concept: false }));
        } else {
            for h in halves {
                let concept = !declared.contains(&h);
                if concept && !opts.draft {
                    bail!(
                        "--period {h}: koers.yaml declares no rapportage for {h}. Declare it under \"rapportages\" in koers.yaml, or build a draft with --draft (marked CONCEPT)"
                    );
                }
                jobs.push(Job::Rapportage { periode: h, concept });
            }
        }
    }
    if wanted(DocumentKind::Regioplan) && opts.periods.is_empty() {
        if let Some(t) = &opts.regioplan.themalijn
            && !prog.themalijnen.iter().any(|x| &x.id == t)
        {
            bail!(
                "--themalijn {t}: there is no such themalijn (known: {})",
                prog.themalijnen.iter().map(|t| t.id.as_str()).collect::<Vec<_>>().join(", ")
            );
        }
        if let Some(p) = &opts.regioplan.project
            && prog.project(p).is_none()
        {
            bail!("--project {p}: there is no such project");
        }
        if prog.regioplan.is_some() {
            jobs.push(Job::Regioplan(opts.regioplan.clone()));
        }
    }
    if wanted(DocumentKind::Nieuwsbrief) && (opts.periods.is_empty() || !editions.is_empty()) {
        if editions.is_empty() {
            jobs.extend(prog.edities.iter().map(|e| Job::Nieuwsbrief(e.periode)));
        } else {
            for e in editions {
                if !prog.edities.iter().any(|x| x.periode == e) {
                    bail!("--period {e}: there is no newsletter edition file nieuwsbrief/{e}.yaml");
                }
                jobs.push(Job::Nieuwsbrief(e));
            }
        }
    }
    if wanted(DocumentKind::Informatiepakket) && opts.periods.is_empty() && prog.informatiepakket.is_some() {
        jobs.push(Job::Informatiepakket);
    }
    Ok(jobs)
}

/// The front page's view of the latest rapportage in the output: its phase distribution, what
/// changed since the rapportage before it, and every project with a link to its page.
#[derive(Serialize)]
struct Voorpagina {
    titel: String,
    pad: String,
    overzicht: crate::render::chart::Grafiek,
    wijzigingen: Option<crate::changes::Wijzigingen>,
    /// The first rapportage: nothing to compare with.
    eerste: bool,
    themalijnen: Vec<VoorpaginaThemalijn>,
}

#[derive(Serialize)]
struct VoorpaginaThemalijn {
    naam: String,
    projecten: Vec<VoorpaginaProject>,
}

#[derive(Serialize)]
struct VoorpaginaProject {
    naam: String,
    fase: Option<&'static str>,
    href: String,
}

fn voorpagina(prog: &crate::model::Programme, entries: &[ManifestEntry]) -> Option<Voorpagina> {
    // The latest rapportage in HTML (a draft counts: it is the latest the reader can open).
    let (e, periode) = entries
        .iter()
        .filter(|e| e.document == DocumentKind::Rapportage && e.format == Format::Html)
        .filter_map(|e| Some((e, Period::parse_half(&e.period).ok()?)))
        .max_by_key(|(e, p)| (*p, !e.path.contains("-concept")))?;
    let stand = crate::changes::Stand::rapportage(prog, periode);
    let themalijnen = prog
        .themalijnen
        .iter()
        .map(|t| VoorpaginaThemalijn {
            naam: t.naam.clone(),
            projecten: t
                .projecten
                .iter()
                .filter(|p| stand.toont(p))
                .map(|p| VoorpaginaProject {
                    naam: p.naam.clone(),
                    fase: p.fase_op(periode.last).map(crate::phase::Fase::name),
                    href: format!("{}#project-{}", e.path, p.id),
                })
                .collect(),
        })
        .filter(|t| !t.projecten.is_empty())
        .collect();
    Some(Voorpagina {
        titel: e.title.clone(),
        pad: e.path.clone(),
        overzicht: crate::render::chart::fasenverdeling(
            &stand,
            "fasen-voorpagina",
            &format!("stand eind {}", periode.last.dutch()),
        ),
        eerste: crate::changes::vorige_rapportage(prog, periode).is_none(),
        wijzigingen: crate::changes::sinds_vorige_rapportage(prog, periode),
        themalijnen,
    })
}

fn index_context(prog: &crate::model::Programme, entries: &[ManifestEntry], bron: &Provenance) -> tera::Context {
    let naam = prog.naam.as_str();
    #[derive(Serialize)]
    struct Doc<'a> {
        document: &'a str,
        period: &'a str,
        title: &'a str,
        files: Vec<(&'a str, &'a str)>,
    }
    let mut docs: Vec<Doc> = Vec::new();
    // The chart images beside the e-mail are part of it, not a format of their own.
    for e in entries.iter().filter(|e| !e.path.ends_with(".png")) {
        let key = (e.document.as_str(), e.title.as_str());
        match docs.iter_mut().find(|d| (d.document, d.title) == key) {
            Some(d) => d.files.push((e.format.as_str(), &e.path)),
            None => docs.push(Doc {
                document: e.document.as_str(),
                period: &e.period,
                title: &e.title,
                files: vec![(e.format.as_str(), &e.path)],
            }),
        }
    }
    let mut ctx = tera::Context::new();
    ctx.insert("programma", naam);
    ctx.insert("programma_info", &crate::render::views::programme_info(prog));
    ctx.insert("documenten", &docs);
    ctx.insert("voorpagina", &voorpagina(prog, entries));
    ctx.insert("bron", bron);
    // Links from these pages to the others are relative to out/ itself.
    ctx.insert("wortel", "");
    let t = prog.toegankelijkheid.clone().unwrap_or_default();
    ctx.insert("organisatie", &t.organisatie);
    ctx.insert("status", &t.status.map(|s| s.dutch()));
    ctx.insert("datum", &t.datum);
    ctx.insert(
        "datum_nl",
        &t.datum.and_then(Parsed::valid).map(|d| format!("{} {}", chrono::Datelike::day(&d.0), Month::of(d.0).dutch())),
    );
    ctx.insert("contact", &t.contact.or_else(|| prog.email.clone()));
    ctx.insert("bekende_problemen", &t.bekende_problemen);
    ctx.insert("klachten", &t.klachten);
    ctx
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
