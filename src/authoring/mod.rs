//! Layer 4 — authoring: record the next period's facts in the data without editing YAML by hand,
//! draft a newsletter edition ([`newsletter_draft`]) and start a new programme ([`init`]).
//!
//! Imports: `model` (a change is checked as `koers check` would), `check`, `load` and `core`.
//!
//! Each request (a new project, a phase step, a result, a project's end, a report period) becomes
//! a [`ChangeSet`]: new texts for one or more data files, made by lossless line edits
//! ([`yaml_text`]). The change set is validated as if it were written ([`ChangeSet::check`], the
//! same rules as `koers check`); only valid data is written ([`ChangeSet::write`]), each file
//! atomically and only if it is still as it was read ([`write`]: no lost update when two
//! commands, or a command and an editor, change a file at once). A request that names something
//! unknown fails before any of that, with a "did you mean". [`record`] does all of it.

pub mod init;
pub mod newsletter_draft;
mod write;
pub mod yaml_text;

use crate::check::ValidateOptions;
use crate::core::dates::{Edition, Einde, Month, Period, PeriodKind, Start};
use crate::core::diagnostics::{Diagnostics, did_you_mean};
use crate::core::phase::{Fase, Ladder};
use crate::load::data_files as df;
use crate::load::{DataSet, DataSource, DirSource, Loaded};
use crate::model::Programme;
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
pub use write::WriteError;
use yaml_text::YamlText;

/// What to record.
#[derive(Debug, Clone)]
pub enum Request {
    /// `koers project new`.
    NewProject { id: String, themalijn: String, naam: String, start: Start, einde: Einde, hoofdproject: Option<String> },
    /// `koers fase`: the project is in `fase` (a name on the ladder of koers.yaml) since `sinds`.
    PhaseStep { project: String, fase: String, sinds: Month, reden: Option<String> },
    /// `koers resultaat`: a result, reported in a rapportage (`Gemeld::Rapportage`) or a newsletter edition.
    Result { project: String, tekst: String, gemeld: crate::model::Gemeld, maand: Option<Month> },
    /// `koers project einde`.
    EndProject { project: String, einde: Month },
    /// `koers rapportage new`: declare the rapportage of a half year in koers.yaml.
    NewReport { periode: Period },
    /// `koers newsletter EDITIE --new`: the draft file of an edition, with a project block for
    /// each project whose results are recorded for it.
    NewEdition { editie: Period },
    /// `koers newsletter EDITIE --update`: a project block in the edition's file for each result
    /// recorded for the edition that no block shows yet.
    UpdateEdition { editie: Period },
}

impl Request {
    /// Whether planning the request needs the whole programme, and so data that validates.
    pub fn needs_valid_data(&self) -> bool {
        matches!(self, Request::NewEdition { .. })
    }
}

pub use crate::core::refusal::Refusal;

/// One file's new text.
#[derive(Debug, Clone)]
pub struct FileChange {
    /// Relative to the data directory.
    pub rel: PathBuf,
    /// None for a new file.
    pub before: Option<String>,
    pub after: String,
    /// What changed, by 1-based line of the new text.
    pub notes: Vec<(usize, String)>,
}

/// The files a request changes.
#[derive(Debug, Clone, Default)]
pub struct ChangeSet {
    pub files: Vec<FileChange>,
}

impl ChangeSet {
    fn edit(&mut self, set: &DataSet, rel: &Path) -> &mut FileChange {
        if let Some(i) = self.files.iter().position(|f| f.rel == rel) {
            return &mut self.files[i];
        }
        let text = source_text(set, rel).unwrap_or_default();
        self.files.push(FileChange { rel: rel.to_path_buf(), before: Some(text.clone()), after: text, notes: vec![] });
        self.files.last_mut().expect("just pushed")
    }

    /// Validate the data as it would be with these changes: every diagnostic (the same rules as
    /// `koers check`).
    pub fn check(&self, data_dir: &Path, opts: &ValidateOptions) -> io::Result<Diagnostics> {
        let overlay = Overlay {
            base: DirSource { root: data_dir.to_path_buf() },
            files: self.files.iter().map(|f| (f.rel.clone(), f.after.clone().into_bytes())).collect(),
        };
        Ok(crate::model::checked::check(&overlay, opts)?.diagnostics)
    }

    /// Write every changed file, each atomically (a temporary file renamed into place), under the
    /// data directory's lock and only if every file is still as it was read (`before`):
    /// otherwise nothing is written and [`WriteError::Changed`] names the file.
    pub fn write(&self, data_dir: &Path) -> Result<(), WriteError> {
        write::write(self, data_dir, 1)
    }

    /// A unified diff of every change (for `--dry-run`), paths shown under `shown_root`.
    pub fn diff(&self, shown_root: &Path) -> String {
        let mut out = String::new();
        for f in &self.files {
            let shown = shown_root.join(&f.rel).display().to_string();
            let before = f.before.as_deref().unwrap_or("");
            let old_name = if f.before.is_some() { shown.clone() } else { "/dev/null".to_string() };
            let diff = similar::TextDiff::from_lines(before, f.after.as_str());
            out.push_str(&diff.unified_diff().context_radius(2).header(&old_name, &shown).to_string());
        }
        out
    }
}

/// What became of a request ([`record`]).
#[derive(Debug)]
pub enum Outcome {
    /// Not carried out as asked; nothing was written.
    Refused(Refusal),
    /// The request is made from valid data only ([`Request::needs_valid_data`]) and the data has
    /// errors (these); nothing was written.
    InvalidBefore(Diagnostics),
    /// The data records this already: nothing to change.
    Unchanged,
    /// The data would be invalid with the change; nothing was written. `before` are the data's
    /// diagnostics without the change, `after` with it (every error, and the warnings of the
    /// files it touches), so that the errors the change brings can be told from those it found.
    Invalid { before: Diagnostics, after: Diagnostics },
    /// Valid, and written (or, on a dry run, not): `diagnostics` are the warnings of the files it
    /// touches; `redone` names a file that changed while koers was editing it, after which the
    /// change was made again on its new content.
    Done { changes: ChangeSet, diagnostics: Diagnostics, written: bool, redone: Option<PathBuf> },
    /// A file changed while koers was editing it, and again when the change was made anew:
    /// nothing was written.
    Conflict(PathBuf),
}

/// Carry out a request on the data directory: load it, plan the change, validate the data as it
/// would be, and (unless `dry_run`) write it. When a file the change touches is changed by someone
/// else in between, the whole of it is done once more on the new content; if it changes again,
/// the outcome is a [`Outcome::Conflict`].
pub fn record(data_dir: &Path, request: &Request, opts: &ValidateOptions, dry_run: bool) -> io::Result<Outcome> {
    let mut redone = None;
    let mut attempt = 1;
    loop {
        let before = crate::model::checked::check(&DirSource { root: data_dir.to_path_buf() }, opts)?;
        if request.needs_valid_data() && before.diagnostics.has_errors() {
            let errors = before.diagnostics.items.iter().filter(|d| d.is_error()).cloned().collect();
            return Ok(Outcome::InvalidBefore(Diagnostics { items: errors }));
        }
        let changes = match plan(&before.data, before.programme.as_ref(), request) {
            Ok(c) => c,
            Err(r) => return Ok(Outcome::Refused(r)),
        };
        if changes.files.is_empty() {
            return Ok(Outcome::Unchanged);
        }
        let after = changes.check(data_dir, opts)?;
        // Problems in the files this change touches; the data's other warnings are `koers check`'s.
        let touched: Vec<PathBuf> = changes.files.iter().map(|f| data_dir.join(&f.rel)).collect();
        let diagnostics = Diagnostics {
            items: after.items.iter().filter(|d| d.is_error() || touched.contains(&d.file)).cloned().collect(),
        };
        if after.has_errors() {
            return Ok(Outcome::Invalid { before: before.diagnostics, after: diagnostics });
        }
        if dry_run {
            return Ok(Outcome::Done { changes, diagnostics, written: false, redone });
        }
        write::test_pause("before-write", attempt);
        match write::write(&changes, data_dir, attempt) {
            Ok(()) => return Ok(Outcome::Done { changes, diagnostics, written: true, redone }),
            Err(WriteError::Changed(rel)) if attempt == 1 => redone = Some(rel),
            Err(WriteError::Changed(rel)) => return Ok(Outcome::Conflict(rel)),
            Err(WriteError::Io(e)) => return Err(e),
        }
        attempt += 1;
    }
}

/// The data directory with some files replaced or added.
struct Overlay {
    base: DirSource,
    files: BTreeMap<PathBuf, Vec<u8>>,
}

impl DataSource for Overlay {
    fn files(&self) -> io::Result<Vec<(PathBuf, Vec<u8>)>> {
        let mut all: BTreeMap<PathBuf, Vec<u8>> = self.base.files()?.into_iter().collect();
        all.extend(self.files.iter().map(|(p, b)| (p.clone(), b.clone())));
        Ok(all.into_iter().collect())
    }
    fn display_root(&self) -> PathBuf {
        self.base.display_root()
    }
    fn read(&self, rel: &Path) -> io::Result<Vec<u8>> {
        self.base.read(rel)
    }
}

fn source_text(set: &DataSet, rel: &Path) -> Option<String> {
    let files = set
        .programme
        .iter()
        .map(|l| &l.file)
        .chain(set.themalijnen.values().map(|l| &l.file))
        .chain(set.projecten.values().map(|l| &l.file))
        .chain(set.edities.values().map(|l| &l.file));
    files.into_iter().find(|f| f.rel == rel).map(|f| f.text.clone())
}

/// Turn a request into the changes it makes, given the loaded data (and the programme it makes,
/// when the data is valid). No change (an empty change set) when there is nothing to record.
pub fn plan(set: &DataSet, programme: Option<&Programme>, request: &Request) -> Result<ChangeSet, Refusal> {
    let mut changes = ChangeSet::default();
    match request {
        Request::NewProject { id, themalijn, naam, start, einde, hoofdproject } => {
            new_project(set, &mut changes, id, themalijn, naam, *start, *einde, hoofdproject.as_deref())?
        }
        Request::PhaseStep { project, fase, sinds, reden } => {
            phase_step(set, &mut changes, project, fase, *sinds, reden.as_deref())?
        }
        Request::Result { project, tekst, gemeld, maand } => {
            result(set, &mut changes, project, tekst, *gemeld, *maand)?
        }
        Request::EndProject { project, einde } => end_project(set, &mut changes, project, *einde)?,
        Request::NewReport { periode } => new_report(set, &mut changes, *periode)?,
        Request::NewEdition { editie } => {
            let prog = programme.ok_or_else(|| {
                Refusal::new(crate::t!("cmd-edition-needs-valid-data"))
                    .hint(crate::t!("cmd-edition-needs-valid-data-hint"))
            })?;
            new_edition(set, prog, &mut changes, *editie)?
        }
        Request::UpdateEdition { editie } => update_edition(set, &mut changes, *editie)?,
    }
    Ok(changes)
}

fn project_file<'a>(
    set: &'a DataSet,
    id: &str,
) -> Result<&'a crate::load::Loaded<crate::load::data_files::ProjectFile>, Refusal> {
    set.projecten.get(id).ok_or_else(|| {
        let r = Refusal::new(crate::t!("cmd-no-project", id = id));
        match did_you_mean(id, set.projecten.keys().map(String::as_str)) {
            Some(s) => r.hint(crate::t!("cmd-did-you-mean", suggestion = s)),
            None => r.hint(crate::t!("cmd-no-project-hint")),
        }
    })
}

fn edit_failed(rel: &Path, e: String) -> Refusal {
    Refusal::new(crate::t!("cmd-cannot-edit", file = rel.display().to_string(), reason = e))
}

/// A new project file, and the project added to its themalijn's list (and page order).
#[allow(clippy::too_many_arguments)]
fn new_project(
    set: &DataSet,
    changes: &mut ChangeSet,
    id: &str,
    themalijn: &str,
    naam: &str,
    start: Start,
    einde: Einde,
    hoofdproject: Option<&str>,
) -> Result<(), Refusal> {
    let t = new_project_allowed(set, id, themalijn, naam, hoofdproject)?;
    let rel = PathBuf::from("projecten").join(format!("{id}.yaml"));
    changes.files.push(FileChange {
        rel,
        before: None,
        after: new_project_file(themalijn, naam, start, einde, hoofdproject),
        notes: vec![(2, crate::t!("cmd-note-new-project", id = id, naam = naam, themalijn = themalijn))],
    });
    list_in_themalijn(set, changes, (themalijn, t), id, hoofdproject)
}

/// Whether a project with this id, name, themalijn and main project can be added: its themalijn
/// when it can, else why not.
fn new_project_allowed<'s>(
    set: &'s DataSet,
    id: &str,
    themalijn: &str,
    naam: &str,
    hoofdproject: Option<&str>,
) -> Result<&'s Loaded<df::ThemalijnFile>, Refusal> {
    if !crate::check::is_valid_id(id) {
        return Err(
            Refusal::new(crate::t!("cmd-project-id-invalid", id = id)).hint(crate::t!("cmd-project-id-invalid-hint"))
        );
    }
    if let Some(p) = set.projecten.get(id) {
        return Err(Refusal::new(crate::t!("cmd-project-exists", id = id, file = p.file.path.display().to_string()))
            .hint(crate::t!("cmd-project-exists-hint")));
    }
    let Some(t) = set.themalijnen.get(themalijn) else {
        let r = Refusal::new(crate::t!("cmd-no-themalijn", themalijn = themalijn));
        let known: Vec<&str> = set.themalijnen.keys().map(String::as_str).collect();
        return Err(match did_you_mean(themalijn, known.iter().copied()) {
            Some(s) => r.hint(crate::t!("cmd-did-you-mean", suggestion = s)),
            None => r.hint(crate::t!("cmd-no-themalijn-hint", list = known.join(", "))),
        });
    };
    if naam.trim().is_empty() {
        return Err(Refusal::new(crate::t!("cmd-project-needs-name")));
    }
    if let Some(h) = hoofdproject {
        let parent = project_file(set, h)?;
        if parent.data.themalijn != themalijn {
            return Err(Refusal::new(crate::t!(
                "cmd-main-project-other-themalijn",
                main = h,
                its = parent.data.themalijn.as_str(),
                themalijn = themalijn
            ))
            .hint(crate::t!("cmd-main-project-other-themalijn-hint")));
        }
        if parent.data.hoofdproject.is_some() {
            return Err(Refusal::new(crate::t!("cmd-main-project-is-subproject", main = h)));
        }
    }
    Ok(t)
}

/// The text of a new project file: its fields, and where the rest of it is recorded.
fn new_project_file(themalijn: &str, naam: &str, start: Start, einde: Einde, hoofdproject: Option<&str>) -> String {
    let mut text = String::from("# yaml-language-server: $schema=../schema/project.schema.json\n");
    let mut fields: Vec<(&str, String)> = vec![("naam", naam.to_string()), ("themalijn", themalijn.to_string())];
    if let Some(h) = hoofdproject {
        fields.push(("hoofdproject", h.to_string()));
    }
    fields.push(("start", start_text(start)));
    fields.push(("einde", einde_text(einde)));
    for (k, v) in &fields {
        text.push_str(&yaml_text::one_line_field(k, v));
        text.push('\n');
    }
    text.push_str(
        "# Leg de fase vast met `koers fase`, resultaten met `koers resultaat`; de doelstelling en de\n\
         # teksten voor het Regioplan schrijft u hier (zie README, \"Data format\").\n",
    );
    text
}

/// The themalijn lists a new project: a subproject after its main project and that project's
/// subprojects, else at the end; its page order likewise.
fn list_in_themalijn(
    set: &DataSet,
    changes: &mut ChangeSet,
    (themalijn, t): (&str, &Loaded<df::ThemalijnFile>),
    id: &str,
    hoofdproject: Option<&str>,
) -> Result<(), Refusal> {
    let list = &t.data.projecten;
    let after = match hoofdproject {
        Some(h) => {
            let parent_at = list.iter().position(|p| p == h);
            parent_at.map(|at| {
                let mut last = at;
                for (i, p) in list.iter().enumerate().skip(at + 1) {
                    if set.projecten.get(p).and_then(|x| x.data.hoofdproject.as_deref()) == Some(h) {
                        last = i;
                    } else {
                        break;
                    }
                }
                last
            })
        }
        None => None,
    };
    let t_rel = t.file.rel.clone();
    let change = changes.edit(set, &t_rel);
    let mut doc = YamlText::new(&change.after);
    let line = doc.insert_scalar_item("projecten", after, id).map_err(|e| edit_failed(&t_rel, e))?;
    change.notes.push((line, crate::t!("cmd-note-listed", id = id, themalijn = themalijn)));
    if let Some(order) = &t.data.paginavolgorde {
        let after_page = after.and_then(|a| order.iter().position(|p| p == &list[a]));
        let line = doc.insert_scalar_item("paginavolgorde", after_page, id).map_err(|e| edit_failed(&t_rel, e))?;
        change.notes.push((line, crate::t!("cmd-note-page-order", id = id, themalijn = themalijn)));
    }
    change.after = doc.text();
    Ok(())
}

fn phase_step(
    set: &DataSet,
    changes: &mut ChangeSet,
    project: &str,
    fase: &str,
    sinds: Month,
    reden: Option<&str>,
) -> Result<(), Refusal> {
    let ladder = set.ladder();
    let fase = parse_fase(&ladder, fase)?;
    let p = project_file(set, project)?;
    // The steps as recorded (those on the ladder); the new one goes where its month puts it.
    let steps: Vec<(Fase, Option<Month>)> =
        p.data.fasen.iter().filter_map(|s| Some((ladder.find(&s.fase)?.clone(), s.bekend_vanaf()))).collect();
    if let Some((_, Some(m))) = steps.iter().find(|(_, m)| *m == Some(sinds)) {
        return Err(Refusal::new(crate::t!("cmd-phase-step-exists", project = project, month = m.to_string()))
            .hint(crate::t!("cmd-phase-step-exists-hint", file = p.file.path.display().to_string())));
    }
    let at = steps.iter().position(|(_, m)| m.is_some_and(|m| m > sinds)).unwrap_or(steps.len());
    let previous = at.checked_sub(1).map(|i| &steps[i].0);
    if previous == Some(&fase) {
        return Err(Refusal::new(crate::t!(
            "cmd-phase-already",
            project = project,
            fase = fase.name(),
            sinds = sinds.to_string()
        ))
        .hint(crate::t!("cmd-phase-already-hint")));
    }
    let reden = reden.map(str::trim).filter(|r| !r.is_empty());
    if let Some(prev) = previous
        && fase < *prev
        && reden.is_none()
    {
        return Err(Refusal::new(crate::t!(
            "cmd-fase-step-back-needs-reason",
            project = project,
            from = prev.name(),
            fase = fase.name()
        ))
        .hint(crate::t!("cmd-fase-step-back-needs-reason-hint")));
    }
    let rel = p.file.rel.clone();
    let change = changes.edit(set, &rel);
    let mut doc = YamlText::new(&change.after);
    let sinds_text = sinds.to_string();
    let mut fields: Vec<(&str, &str)> = vec![("fase", fase.name()), ("sinds", &sinds_text)];
    if let Some(r) = reden {
        fields.push(("reden", r));
    }
    let before = (at < steps.len()).then_some(at);
    let line = doc.insert_mapping_item("fasen", before, &fields, &[]).map_err(|e| edit_failed(&rel, e))?;
    change
        .notes
        .push((line, crate::t!("cmd-note-phase", project = project, fase = fase.name(), sinds = sinds_text.as_str())));
    change.after = doc.text();
    Ok(())
}

/// A phase of the ladder by its name, in any case, with or without "fase": "realisatie" is
/// Realisatiefase when the ladder has it.
fn parse_fase(ladder: &Ladder, s: &str) -> Result<Fase, Refusal> {
    let norm = |x: &str| x.trim().to_lowercase().trim_end_matches("fase").trim().to_string();
    if let Some(f) = ladder.all().iter().find(|f| norm(f.name()) == norm(s)) {
        return Ok(f.clone());
    }
    let names: Vec<&str> = ladder.names().collect();
    let hint = match did_you_mean(s, names.iter().copied()) {
        Some(n) => crate::t!("cmd-did-you-mean", suggestion = n),
        None => crate::t!("cmd-not-a-phase-hint", list = names.join(", ")),
    };
    Err(Refusal::new(crate::t!("cmd-not-a-phase", fase = s)).hint(hint))
}

fn result(
    set: &DataSet,
    changes: &mut ChangeSet,
    project: &str,
    tekst: &str,
    gemeld: crate::model::Gemeld,
    maand: Option<Month>,
) -> Result<(), Refusal> {
    use crate::model::Gemeld;
    let p = project_file(set, project)?;
    if tekst.trim().is_empty() {
        return Err(Refusal::new(crate::t!("cmd-result-no-text")));
    }
    let period = match gemeld {
        Gemeld::Rapportage(h) | Gemeld::Editie(h) => h,
    };
    if let Some(m) = maand
        && !period.contains(m)
    {
        return Err(Refusal::new(crate::t!("cmd-result-month-outside", month = m.to_string(), period = period.id()))
            .hint(crate::t!("cmd-result-month-outside-hint")));
    }
    // In time order: after the last result reported in the same period or earlier.
    let reported_in = |r: &crate::load::data_files::Resultaat| -> Option<Period> {
        match (r.periode, r.editie) {
            (Some(h), _) => h.valid().map(|h| h.0),
            (_, Some(e)) => e.valid().map(|e| e.0),
            _ => None,
        }
    };
    let results = &p.data.resultaten;
    let before = results.iter().position(|r| reported_in(r).is_some_and(|q| q.first > period.first));
    let rel = p.file.rel.clone();
    let change = changes.edit(set, &rel);
    let mut doc = YamlText::new(&change.after);
    let (key, id) = match gemeld {
        Gemeld::Rapportage(h) => ("periode", h.id()),
        Gemeld::Editie(e) => ("editie", e.id()),
    };
    let maand_text = maand.map(|m| m.to_string());
    let mut fields: Vec<(&str, &str)> = vec![(key, &id)];
    if let Some(m) = &maand_text {
        fields.push(("maand", m));
    }
    fields.push(("tekst", tekst));
    let line = doc.insert_mapping_item("resultaten", before, &fields, &[]).map_err(|e| edit_failed(&rel, e))?;
    change.notes.push((line, crate::t!("cmd-note-result", project = project, gemeld = gemeld.label())));
    change.after = doc.text();
    // An edition whose file exists shows every result recorded for it: a project without a block
    // there gets one (a block without "resultaten" shows the new result by itself).
    if let Gemeld::Editie(editie) = gemeld
        && let Some(e) = set.edities.get(&Edition(editie))
        && !e.data.blokken.iter().any(|b| b.project.as_deref() == Some(project))
    {
        let mut texts = results_for(&p.data, editie);
        texts.push(tekst);
        add_project_blocks(set, changes, editie, &[(project, texts)])?;
    }
    Ok(())
}

fn end_project(set: &DataSet, changes: &mut ChangeSet, project: &str, einde: Month) -> Result<(), Refusal> {
    let p = project_file(set, project)?;
    let rel = p.file.rel.clone();
    let change = changes.edit(set, &rel);
    let mut doc = YamlText::new(&change.after);
    let (line, old) =
        doc.set_top_level_value("einde", &einde.to_string(), "start").map_err(|e| edit_failed(&rel, e))?;
    let einde = einde.to_string();
    let note = match old {
        Some(was) => crate::t!("cmd-note-project-ends-was", project = project, einde = einde.as_str(), was = was),
        None => crate::t!("cmd-note-project-ends", project = project, einde = einde.as_str()),
    };
    change.notes.push((line, note));
    change.after = doc.text();
    Ok(())
}

fn new_report(set: &DataSet, changes: &mut ChangeSet, periode: Period) -> Result<(), Refusal> {
    if !matches!(periode.kind, PeriodKind::Half(_)) {
        return Err(Refusal::new(crate::t!("cmd-report-not-half-year", periode = periode.to_string()))
            .hint(crate::t!("cmd-report-not-half-year-hint")));
    }
    let Some(prog) = &set.programme else {
        return Err(Refusal::new(crate::t!("cmd-report-programme-not-loaded")));
    };
    if prog.data.rapportages.iter().any(|r| r.periode.valid().map(|h| h.0) == Some(periode)) {
        return Err(Refusal::new(crate::t!("cmd-report-exists", periode = periode.to_string()))
            .hint(crate::t!("cmd-report-exists-hint")));
    }
    let before = prog.data.rapportages.iter().position(|r| r.periode.valid().is_some_and(|h| h.0 > periode));
    let rel = prog.file.rel.clone();
    let change = changes.edit(set, &rel);
    let mut doc = YamlText::new(&change.after);
    let id = periode.id();
    let comments: Vec<String> = [
        "De teksten van deze rapportage, in Markdown. Vul in wat de rapportage zegt; laat weg wat",
        "ze niet heeft (een ontbrekende tekst wordt niet afgedrukt).",
        "gepubliceerd: JJJJ-MM   (of JJJJ-MM-DD; zolang die ontbreekt, is de rapportage een concept)",
        "versie: Publieksversie",
        "voorwoord: |",
        "  ...",
        "ondertekening:",
        "  namen: ...",
        "  functies: ...",
        "algemene_informatie: |",
        "  ...",
        "programmaorganisatie: |",
        "  ...",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let line = doc
        .insert_mapping_item("rapportages", before, &[("periode", &id)], &comments)
        .map_err(|e| edit_failed(&rel, e))?;
    change.notes.push((line, crate::t!("cmd-note-report", id = id.as_str())));
    change.after = doc.text();
    Ok(())
}

fn new_edition(set: &DataSet, prog: &Programme, changes: &mut ChangeSet, editie: Period) -> Result<(), Refusal> {
    let id = editie.id();
    if let Some(e) = set.edities.get(&Edition(editie)) {
        return Err(Refusal::new(crate::t!(
            "cmd-edition-exists",
            id = id.as_str(),
            file = e.file.path.display().to_string()
        ))
        .hint(crate::t!("cmd-edition-exists-hint", id = id.as_str())));
    }
    let rel = PathBuf::from("nieuwsbrief").join(format!("{id}.yaml"));
    let after = crate::authoring::newsletter_draft::draft_edition_yaml(prog, editie);
    let blocks = after.lines().filter(|l| l.starts_with("  - project: ")).count();
    let note = crate::t!("cmd-note-edition-draft", id = id.as_str(), blocks = blocks);
    changes.files.push(FileChange { rel, before: None, after, notes: vec![(2, note)] });
    Ok(())
}

/// A project block for every project with results recorded for the edition that no block shows.
fn update_edition(set: &DataSet, changes: &mut ChangeSet, editie: Period) -> Result<(), Refusal> {
    let id = editie.id();
    let Some(e) = set.edities.get(&Edition(editie)) else {
        if set.failed_ids.contains(&id) {
            return Err(Refusal::new(crate::t!("cmd-edition-not-loaded", id = id.as_str()))
                .hint(crate::t!("cmd-edition-not-loaded-hint")));
        }
        return Err(Refusal::new(crate::t!("cmd-no-edition", id = id.as_str()))
            .hint(crate::t!("cmd-newsletter-draft-it", id = id.as_str())));
    };
    let mut missing: Vec<(&str, Vec<&str>)> = Vec::new();
    for pid in projects_in_table_order(set) {
        let texts = results_for(&set.projecten[pid].data, editie);
        let recorded = texts.len();
        if recorded == 0 {
            continue;
        }
        let blocks: Vec<(usize, &crate::load::data_files::NieuwsbriefBlok)> =
            e.data.blokken.iter().enumerate().filter(|(_, b)| b.project.as_deref() == Some(pid)).collect();
        if blocks.is_empty() {
            missing.push((pid, texts));
            continue;
        }
        // A block without "resultaten" shows them all; blocks that choose show only those.
        if blocks.iter().any(|(_, b)| b.resultaten.is_none()) {
            continue;
        }
        let shown: Vec<u32> = blocks.iter().flat_map(|(_, b)| b.resultaten.iter().flatten().copied()).collect();
        if let Some(nr) = (1..=recorded as u32).find(|nr| !shown.contains(nr)) {
            let (at, _) = blocks[0];
            return Err(Refusal::new(crate::t!(
                "cmd-edition-result-not-shown",
                nr = nr,
                project = pid,
                id = id.as_str(),
                block = at + 1,
                file = e.file.path.display().to_string()
            ))
            .hint(crate::t!("cmd-edition-result-not-shown-hint", nr = nr)));
        }
    }
    add_project_blocks(set, changes, editie, &missing)
}

/// Every project id, themalijn by themalijn in document order, each in its table order.
fn projects_in_table_order(set: &DataSet) -> Vec<&str> {
    let mut themalijnen: Vec<(&String, &crate::load::Loaded<crate::load::data_files::ThemalijnFile>)> =
        set.themalijnen.iter().collect();
    themalijnen.sort_by_key(|(id, t)| (t.data.volgorde, *id));
    let mut out: Vec<&str> = themalijnen
        .iter()
        .flat_map(|(_, t)| t.data.projecten.iter().map(String::as_str))
        .filter(|p| set.projecten.contains_key(*p))
        .collect();
    // A project its themalijn does not list (an error `koers check` reports) still counts.
    out.extend(set.projecten.keys().map(String::as_str).filter(|p| !out.contains(p)).collect::<Vec<_>>());
    out
}

/// What a block of an edition is about, for placing new blocks among them.
#[derive(Clone, PartialEq)]
enum Slot {
    /// A "thema" heading or a project block: its themalijn.
    Themalijn(String),
    Uitgelicht,
    Other,
}

/// The texts of a project's results recorded for an edition, in file order.
fn results_for(p: &crate::load::data_files::ProjectFile, editie: Period) -> Vec<&str> {
    p.resultaten
        .iter()
        .filter(|r| r.editie.and_then(crate::core::dates::Parsed::valid) == Some(Edition(editie)))
        .map(|r| r.tekst.as_str())
        .collect()
}

/// Add a `project:` block for each of `projects` (with the texts of its results for the edition,
/// shown as comments) to the edition's file: after the last block of its themalijn, or — when the
/// edition has none — with a "thema" heading before the "uitgelicht" block (at the end when there
/// is none).
fn add_project_blocks(
    set: &DataSet,
    changes: &mut ChangeSet,
    editie: Period,
    projects: &[(&str, Vec<&str>)],
) -> Result<(), Refusal> {
    let Some(e) = set.edities.get(&Edition(editie)) else { return Ok(()) };
    if projects.is_empty() {
        return Ok(());
    }
    let themalijn_of = |pid: &str| set.projecten.get(pid).map(|p| p.data.themalijn.clone());
    let mut slots: Vec<Slot> = e
        .data
        .blokken
        .iter()
        .map(|b| match (&b.thema, &b.project, &b.uitgelicht) {
            (Some(t), _, _) => Slot::Themalijn(t.clone()),
            (_, Some(p), _) => themalijn_of(p).map(Slot::Themalijn).unwrap_or(Slot::Other),
            (_, _, Some(_)) => Slot::Uitgelicht,
            _ => Slot::Other,
        })
        .collect();
    let rel = e.file.rel.clone();
    let id = editie.id();
    let change = changes.edit(set, &rel);
    let mut doc = YamlText::new(&change.after);
    // A note's line moves down when lines are inserted above it.
    fn insert_note(notes: &mut Vec<(usize, String)>, line: usize, lines: usize, note: String) {
        for (l, _) in notes.iter_mut().filter(|(l, _)| *l >= line) {
            *l += lines;
        }
        notes.push((line, note));
    }
    for (pid, results) in projects {
        let Some(t) = themalijn_of(pid) else { continue };
        let at = match slots.iter().rposition(|s| *s == Slot::Themalijn(t.clone())) {
            Some(i) => i + 1,
            None => {
                let at = slots.iter().position(|s| *s == Slot::Uitgelicht).unwrap_or(slots.len());
                let before = (at < slots.len()).then_some(at);
                let line = doc
                    .insert_mapping_item("blokken", before, &[("thema", &t)], &[])
                    .map_err(|e| edit_failed(&rel, e))?;
                insert_note(&mut change.notes, line, 1, crate::t!("cmd-note-thema-heading", themalijn = t.as_str()));
                slots.insert(at, Slot::Themalijn(t.clone()));
                at + 1
            }
        };
        let comments: Vec<String> =
            results.iter().map(|r| crate::core::text::cut_at_word(&crate::core::text::one_line(r), 90)).collect();
        let before = (at < slots.len()).then_some(at);
        let line = doc
            .insert_mapping_item("blokken", before, &[("project", pid)], &comments)
            .map_err(|e| edit_failed(&rel, e))?;
        let note = crate::t!("cmd-note-project-block", count = results.len(), project = *pid, id = id.as_str());
        insert_note(&mut change.notes, line, 1 + comments.len(), note);
        slots.insert(at, Slot::Themalijn(t));
    }
    change.after = doc.text();
    Ok(())
}

fn start_text(s: Start) -> String {
    match s {
        Start::Month(m) => m.to_string(),
        Start::BeforeWerkagenda => "voor huidige werkagenda".into(),
    }
}

fn einde_text(e: Einde) -> String {
    match e {
        Einde::Month(m) => m.to_string(),
        Einde::Doorlopend => "doorlopend".into(),
        Einde::NogNietBekend => "nog niet bekend".into(),
    }
}
