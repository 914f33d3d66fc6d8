//! Layer 5 — pipeline: one build, load → check → model → plan → render → publish, as
//! `koers build-report` runs it ([`build`]); [`plan`] chooses the documents; [`preview`] keeps
//! them in memory for `koers serve`.
//!
//! Imports: every layer below it; nothing imports it but the command line.
//!
//! `koers check` is the same without writing, and `koers serve` keeps what [`prepare`] made (see
//! [`preview`]). Each stage is its own module; this one only calls them in order.

pub mod plan;
pub mod preview;

use crate::check::ValidateOptions;
use crate::core::dates::{Month, PeriodChoice};
use crate::core::diagnostics::{Diagnostic, Diagnostics};
use crate::core::document::RegioplanSelection;
use crate::core::document::{DocumentKind, Format, RenderedFile};
use crate::load::git;
use crate::load::{DataSource, DirSource};
use crate::model::Programme;
pub use crate::model::checked::{Checked, check};
use crate::pipeline::plan::{Selection, plan_jobs};
use crate::publish::guard;
use crate::publish::{self, ManifestEntry, OutputTarget, SourceInfo};
use crate::render::Renderer;
use crate::render::templates::TemplateSet;
use crate::render::views::{MergeTags, Provenance};
use anyhow::{Context, Result, anyhow};
use std::path::PathBuf;

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
    /// The document date (`--date`): it replaces each document's own date (publication, adoption,
    /// sending) and is the report date of validation. Default: each document's date from the data.
    pub date: Option<chrono::NaiveDate>,
    /// Build the data and templates as they were at this git revision.
    pub rev: Option<String>,
    pub merge_tags: MergeTags,
    /// Validate and render, but write nothing (`koers check --render`).
    pub dry_run: bool,
    /// Allow a rapportage for a half year koers.yaml does not declare, marked as a draft (CONCEPT).
    pub draft: bool,
    /// Print the provenance (version, commit) on the documents, not only in their metadata.
    pub colophon: bool,
    /// The day the data is validated as of: no result may be reported or dated after it. Default:
    /// today (`koers check --date` sets it; a build's `--date` is a publication date and does not).
    pub report_date: Option<chrono::NaiveDate>,
    /// Replace an output directory that koers did not write (never the data, templates,
    /// repository root, home or `/`).
    pub force: bool,
    /// Reference documents (`--reference-doc`, `.odt`/`.ott` or `.docx`/`.dotx`) whose styles the
    /// editable formats take, as pandoc's; `reference.odt` and `reference.docx` in the templates
    /// directory are used when none of their format is given.
    pub reference_docs: Vec<PathBuf>,
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

    /// Which documents the options ask for.
    pub fn selection(&self) -> Selection<'_> {
        Selection { periods: &self.periods, only: &self.only, regioplan: &self.regioplan, draft: self.draft }
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
            colophon: false,
            report_date: None,
            force: false,
            reference_docs: Vec::new(),
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
        guard::check(&opts.out_dir, protected, opts.force)?;
    }
    let prepared = prepare(opts, repo.as_ref())?;
    let source = prepared.source_info();
    let Prepared { diagnostics, programme, provenance, templates, date, .. } = prepared;
    let Some(prog) = programme else {
        return Ok((BuildReport { diagnostics, files: vec![], provenance: Provenance::default() }, vec![]));
    };
    let jobs = plan_jobs(&prog, &opts.selection())?;
    let mut renderer = Renderer::new(&templates)?;
    renderer.merge_tags = opts.merge_tags;
    for path in reference_docs(opts) {
        renderer.office = std::mem::take(&mut renderer.office).with_reference(&path)?;
    }
    let formats: Vec<Format> =
        if opts.formats.is_empty() { crate::core::named::Named::ALL.to_vec() } else { opts.formats.clone() };
    let rendered = renderer.render_all(&prog, &jobs, &formats, &provenance, date)?;
    let entries: Vec<ManifestEntry> = rendered.iter().map(ManifestEntry::of).collect();
    if write {
        let protected = protected.as_ref().expect("computed when writing");
        let target = OutputTarget { path: &opts.out_dir, protected, force: opts.force };
        let site =
            publish::Site { templates: &templates, programme: &prog, provenance: &provenance, source: source.as_ref() };
        publish::publish(&target, &rendered, opts.is_partial(), &site)?;
    }
    Ok((BuildReport { diagnostics, files: entries, provenance }, rendered))
}

/// Stages 1–3 and what every document shares: the data loaded and validated (from the work tree
/// or a git revision), the templates, the document date and the provenance stamp.
pub struct Prepared {
    pub diagnostics: Diagnostics,
    /// Present when the data is valid.
    pub programme: Option<Programme>,
    pub provenance: Provenance,
    pub templates: TemplateSet,
    pub date: chrono::NaiveDate,
    commit: Option<git::CommitInfo>,
    gewijzigd: bool,
}

pub fn prepare(opts: &BuildOptions, repo: Option<&git::Repo>) -> Result<Prepared> {
    let (source, templates): (Box<dyn DataSource>, TemplateSet) = match &opts.rev {
        Some(rev) => {
            let repo = repo.ok_or_else(|| anyhow!(crate::t!("build-rev-needs-git")))?;
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

    let report_month = opts.report_date.map(Month::of).unwrap_or_else(current_month);
    let mut checked = check(source.as_ref(), &ValidateOptions { report_month: Some(report_month) })?;
    for path in &templates.ignored {
        let known: Vec<&str> = templates.sources.keys().map(String::as_str).collect();
        checked.diagnostics.push(
            Diagnostic::warning(path, crate::t!("build-template-ignored"))
                .hint(crate::t!("build-template-ignored-hint", templates = known.join(", "))),
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
        .ok_or_else(|| anyhow!(crate::t!("build-no-date")))?;
    let provenance =
        Provenance::new(commit.as_ref().map(|c| (c.short.clone(), c.date)), gewijzigd, date, opts.date, opts.colophon);
    let mut templates = templates;
    templates.apply_huisstijl(&prog.kleuren);

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

/// What the output may never replace: the data, the templates, the repository root, the home
/// directory.
fn protected_paths(opts: &BuildOptions, repo: Option<&git::Repo>) -> guard::Protected {
    let templates = opts.templates_dir.clone().or_else(|| opts.data_dir.parent().map(|p| p.join("templates")));
    guard::Protected {
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

/// The reference documents of the editable formats: those given, and for a format none of them
/// is, `reference.odt` or `reference.docx` in the templates directory.
fn reference_docs(opts: &BuildOptions) -> Vec<PathBuf> {
    let mut docs = opts.reference_docs.clone();
    let given = |exts: &[&str]| {
        opts.reference_docs.iter().any(|p| {
            p.extension().and_then(|e| e.to_str()).is_some_and(|e| exts.contains(&e.to_ascii_lowercase().as_str()))
        })
    };
    if let Some(dir) = templates_dir(opts).filter(|_| opts.rev.is_none()) {
        for (name, exts) in [("reference.odt", &["odt", "ott"][..]), ("reference.docx", &["docx", "dotx"][..])] {
            let path = dir.join(name);
            if !given(exts) && path.is_file() {
                docs.push(path);
            }
        }
    }
    docs
}

fn load_templates(opts: &BuildOptions) -> Result<TemplateSet> {
    match templates_dir(opts) {
        Some(d) => TemplateSet::with_overrides(&d)
            .with_context(|| crate::t!("build-reading-templates", dir = d.display().to_string())),
        None => Ok(TemplateSet::embedded()),
    }
}

/// This month, by the clock.
pub fn current_month() -> Month {
    // Only for validation ("results not after today"): outputs never depend on the clock.
    let secs =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    let date = chrono::DateTime::from_timestamp(secs, 0).map(|d| d.date_naive()).unwrap_or_default();
    Month::of(date)
}

/// The latest month that occurs in the data: the last month of the latest report period or
/// newsletter edition.
fn latest_month(prog: &Programme) -> Option<Month> {
    let reports = prog.rapportages.iter().map(|r| r.periode.last);
    let editions = prog.edities.iter().map(|e| e.periode.last);
    reports.chain(editions).max()
}
