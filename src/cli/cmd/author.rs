//! The authoring commands — `project new`, `project einde`, `fase`, `resultaat`, `rapportage new`,
//! and `newsletter --new` / `--update`: record a fact in data/ with a lossless edit, only when the
//! result validates.

use super::{Exit, error_line, print_diagnostics};
use crate::cli::flags::{EditArgs, FaseArgs, ProjectCommand, RapportageCommand, ResultaatArgs};
use anyhow::Result;
use koers::authoring::{Outcome, Refusal, Request};
use koers::check::ValidateOptions;
use koers::core::dates::Einde;
use koers::core::diagnostics::{Diagnostic, DiagnosticFormat, Diagnostics};
use koers::model::Gemeld;
use std::io::Write;
use std::path::Path;

pub(crate) fn project(c: ProjectCommand) -> Result<Exit> {
    match c {
        ProjectCommand::New(a) => {
            let request = Request::NewProject {
                id: a.id.clone(),
                themalijn: a.themalijn.clone(),
                naam: a.naam.trim().to_string(),
                start: a.start,
                einde: a.einde.unwrap_or(Einde::NogNietBekend),
                hoofdproject: a.hoofdproject.clone(),
            };
            edit(&a.edit, Ok(request))
        }
        ProjectCommand::Einde(a) => {
            edit(&a.edit, Ok(Request::EndProject { project: a.project.clone(), einde: a.einde }))
        }
    }
}

pub(crate) fn fase(a: FaseArgs) -> Result<Exit> {
    let request = Ok(Request::PhaseStep {
        project: a.project.clone(),
        fase: a.fase.clone(),
        sinds: a.sinds,
        reden: a.reden.clone(),
    });
    edit(&a.edit, request)
}

pub(crate) fn resultaat(a: ResultaatArgs) -> Result<Exit> {
    // clap requires exactly one of the two.
    let gemeld = match (a.periode, a.editie) {
        (Some(p), _) => Gemeld::Rapportage(p),
        (_, Some(e)) => Gemeld::Editie(e),
        (None, None) => unreachable!("clap requires --periode or --editie"),
    };
    edit(&a.edit, Ok(Request::Result { project: a.project.clone(), tekst: a.tekst.clone(), gemeld, maand: a.maand }))
}

pub(crate) fn rapportage(c: RapportageCommand) -> Result<Exit> {
    match c {
        RapportageCommand::New(a) => edit(&a.edit, Ok(Request::NewReport { periode: a.periode })),
    }
}

fn refuse(r: &Refusal) -> Exit {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}: {}", super::paint_error(&koers::t!("cmd-error-label")), r.message);
    if let Some(h) = &r.hint {
        let _ = writeln!(err, "  {}: {h}", koers::t!("cmd-hint-label"));
    }
    let _ = writeln!(err, "{}", koers::t!("cmd-nothing-written"));
    Exit::Invalid
}

fn edit(a: &EditArgs, request: Result<Request, Refusal>) -> Result<Exit> {
    match request {
        Ok(r) => run(&a.data.data, a.dry_run, &r),
        Err(r) => Ok(refuse(&r)),
    }
}

/// The errors of `after` that `before` had too (the same file and message; lines may have moved
/// in a file the change touched), and those the change brings.
fn split_errors(before: &Diagnostics, after: &Diagnostics) -> (Diagnostics, Diagnostics) {
    let key = |d: &Diagnostic| (d.file.clone(), d.message.clone(), d.hint.clone());
    let mut old: Vec<_> = before.items.iter().filter(|d| d.is_error()).map(key).collect();
    let (mut existing, mut new) = (Diagnostics::default(), Diagnostics::default());
    for d in after.items.iter().filter(|d| d.is_error()) {
        match old.iter().position(|k| *k == key(d)) {
            Some(i) => {
                old.remove(i);
                existing.push(d.clone());
            }
            None => new.push(d.clone()),
        }
    }
    (existing, new)
}

/// The files of some diagnostics, each once, in order: "data/a.yaml, data/b.yaml".
fn files_of(d: &Diagnostics) -> String {
    let mut files: Vec<String> = d.items.iter().map(|x| x.file.display().to_string()).collect();
    files.dedup();
    files.join(", ")
}

/// What the change itself does to the data's validity.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Change {
    /// It brings no error of its own.
    AddsNone,
    /// It brings errors of its own (printed before).
    AddsErrors,
    /// It could not be made: it needs valid data (a draft edition).
    NeedsValidData,
}

/// Errors the data had before the change: printed, and said to be none of the change's doing.
fn report_broken_before(existing: &Diagnostics, change: Change) {
    print_diagnostics(existing, DiagnosticFormat::Human);
    let files = files_of(existing);
    let one_file = existing.items.iter().all(|d| d.file == existing.items[0].file);
    let files = files.as_str();
    let message = match (one_file, change) {
        (true, Change::NeedsValidData) => koers::t!("cmd-author-invalid-before-file", files = files),
        (false, Change::NeedsValidData) => koers::t!("cmd-author-invalid-before-files", files = files),
        (true, Change::AddsNone) => koers::t!("cmd-author-broken-before-file", files = files),
        (false, Change::AddsNone) => koers::t!("cmd-author-broken-before-files", files = files),
        (true, Change::AddsErrors) => koers::t!("cmd-author-also-broken-file", files = files),
        (false, Change::AddsErrors) => koers::t!("cmd-author-also-broken-files", files = files),
    };
    error_line(&message);
}

/// Load the data, plan the change, validate the result, then write it (or show it).
pub(crate) fn run(data: &Path, dry_run: bool, request: &Request) -> Result<Exit> {
    let opts = ValidateOptions { report_month: Some(koers::pipeline::current_month()) };
    let (changes, diagnostics, written, redone) = match koers::authoring::record(data, request, &opts, dry_run)? {
        Outcome::Refused(r) => return Ok(refuse(&r)),
        Outcome::InvalidBefore(existing) => {
            report_broken_before(&existing, Change::NeedsValidData);
            let _ = writeln!(std::io::stderr(), "{}", koers::t!("cmd-nothing-written"));
            return Ok(Exit::Invalid);
        }
        Outcome::Unchanged => {
            match request {
                Request::UpdateEdition { editie } => {
                    println!("{}", koers::t!("cmd-author-edition-unchanged", id = editie.id()))
                }
                _ => println!("{}", koers::t!("cmd-author-unchanged")),
            }
            return Ok(Exit::Ok);
        }
        Outcome::Invalid { before, after } => {
            let (existing, new) = split_errors(&before, &after);
            if !new.items.is_empty() {
                print_diagnostics(&new, DiagnosticFormat::Human);
                error_line(&koers::t!("cmd-author-would-be-invalid"));
            }
            if !existing.items.is_empty() {
                let change = if new.items.is_empty() { Change::AddsNone } else { Change::AddsErrors };
                report_broken_before(&existing, change);
            }
            let _ = writeln!(std::io::stderr(), "{}", koers::t!("cmd-nothing-written"));
            return Ok(Exit::Invalid);
        }
        Outcome::Conflict(rel) => {
            let r = Refusal {
                message: koers::t!("cmd-author-conflict", file = data.join(rel).display().to_string()),
                hint: Some(koers::t!("cmd-author-conflict-hint")),
            };
            return Ok(refuse(&r));
        }
        Outcome::Done { changes, diagnostics, written, redone } => (changes, diagnostics, written, redone),
    };
    if let Some(rel) = redone {
        let _ = writeln!(
            std::io::stderr(),
            "{}: {}",
            koers::t!("cmd-note-label"),
            koers::t!("cmd-author-redone", file = data.join(rel).display().to_string())
        );
    }
    if !written {
        print!("{}", changes.diff(data));
        println!("{}", koers::t!("cmd-author-dry-run"));
        return Ok(Exit::Ok);
    }
    for f in &changes.files {
        let mut notes = f.notes.clone();
        notes.sort();
        for (line, note) in &notes {
            println!("{}:{line}: {note}", data.join(&f.rel).display());
        }
    }
    if !diagnostics.items.is_empty() {
        print_diagnostics(&diagnostics, DiagnosticFormat::Human);
    }
    Ok(Exit::Ok)
}
