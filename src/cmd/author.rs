//! The authoring commands — `project new`, `project einde`, `fase`, `resultaat`, `rapportage new`:
//! record a fact in data/ with a lossless edit, only when the result validates.

use super::{EXIT_INVALID, EXIT_OK, paint_error, print_diagnostics};
use crate::flags::{EditArgs, FaseArgs, ProjectCommand, RapportageCommand, ResultaatArgs};
use anyhow::Result;
use koers::authoring::{Outcome, Refusal, Request};
use koers::dates::{Einde, Month, Period, Start};
use koers::diagnostics::{DiagnosticFormat, did_you_mean};
use koers::model::Gemeld;
use koers::phase::Fase;
use koers::validate::ValidateOptions;
use std::io::Write;

pub(crate) fn project(c: ProjectCommand) -> Result<u8> {
    match c {
        ProjectCommand::New(a) => {
            let request = (|| {
                Ok(Request::NewProject {
                    id: a.id.clone(),
                    themalijn: a.themalijn.clone(),
                    naam: a.naam.trim().to_string(),
                    start: Start::parse(&a.start).map_err(|e| arg("--start", e))?,
                    einde: match &a.einde {
                        Some(e) => Einde::parse(e).map_err(|e| arg("--einde", e))?,
                        None => Einde::NogNietBekend,
                    },
                    hoofdproject: a.hoofdproject.clone(),
                })
            })();
            run(&a.edit, request)
        }
        ProjectCommand::Einde(a) => {
            let request = Month::parse(&a.einde)
                .map(|einde| Request::EndProject { project: a.project.clone(), einde })
                .map_err(|e| arg("the end month", e));
            run(&a.edit, request)
        }
    }
}

pub(crate) fn fase(a: FaseArgs) -> Result<u8> {
    let request = (|| {
        Ok(Request::PhaseStep {
            project: a.project.clone(),
            fase: parse_fase(&a.fase)?,
            sinds: Month::parse(&a.sinds).map_err(|e| arg("--sinds", e))?,
            reden: a.reden.clone(),
        })
    })();
    run(&a.edit, request)
}

pub(crate) fn resultaat(a: ResultaatArgs) -> Result<u8> {
    let request = (|| {
        let gemeld = match (&a.periode, &a.editie) {
            (Some(p), _) => Gemeld::Rapportage(Period::parse_half(p).map_err(|e| arg("--periode", e))?),
            (_, Some(e)) => Gemeld::Editie(Period::parse_edition(e).map_err(|e| arg("--editie", e))?),
            (None, None) => return Err(Refusal { message: "give --periode or --editie".into(), hint: None }),
        };
        let maand = a.maand.as_deref().map(Month::parse).transpose().map_err(|e| arg("--maand", e))?;
        Ok(Request::Result { project: a.project.clone(), tekst: a.tekst.clone(), gemeld, maand })
    })();
    run(&a.edit, request)
}

pub(crate) fn rapportage(c: RapportageCommand) -> Result<u8> {
    match c {
        RapportageCommand::New(a) => {
            let request = Period::parse_half(&a.periode)
                .map(|periode| Request::NewReport { periode })
                .map_err(|e| arg("the period", e));
            run(&a.edit, request)
        }
    }
}

fn arg(what: &str, message: String) -> Refusal {
    Refusal { message: format!("{what}: {message}"), hint: None }
}

/// A phase by its name, in any case, with or without "fase": "realisatie" is Realisatiefase.
fn parse_fase(s: &str) -> Result<Fase, Refusal> {
    let norm = |x: &str| x.trim().to_lowercase().trim_end_matches("fase").trim().to_string();
    if let Some(f) = Fase::ALL.iter().find(|f| norm(f.name()) == norm(s)) {
        return Ok(*f);
    }
    let names: Vec<&str> = Fase::names().collect();
    let hint = match did_you_mean(s, names.iter().copied()) {
        Some(n) => format!("did you mean \"{n}\"?"),
        None => format!("the phases are: {}", names.join(", ")),
    };
    Err(Refusal { message: format!("\"{s}\" is not a phase"), hint: Some(hint) })
}

fn refuse(r: &Refusal) -> u8 {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}: {}", paint_error("error"), r.message);
    if let Some(h) = &r.hint {
        let _ = writeln!(err, "  hint: {h}");
    }
    let _ = writeln!(err, "nothing was written");
    EXIT_INVALID
}

/// Load the data, plan the change, validate the result, then write it (or show it).
fn run(a: &EditArgs, request: Result<Request, Refusal>) -> Result<u8> {
    let request = match request {
        Ok(r) => r,
        Err(r) => return Ok(refuse(&r)),
    };
    let data = &a.data.data;
    let opts = ValidateOptions { report_month: Some(koers::driver::current_month()) };
    let (changes, diagnostics, written, redone) = match koers::authoring::record(data, &request, &opts, a.dry_run)? {
        Outcome::Refused(r) => return Ok(refuse(&r)),
        Outcome::Invalid(diagnostics) => {
            print_diagnostics(&diagnostics, DiagnosticFormat::Human);
            let _ = writeln!(
                std::io::stderr(),
                "{}: the data would not be valid with this change; nothing was written",
                paint_error("error")
            );
            return Ok(EXIT_INVALID);
        }
        Outcome::Conflict(rel) => {
            let r = Refusal {
                message: format!("{} changed while koers was editing it", data.join(rel).display()),
                hint: Some(
                    "someone else (another koers command, an editor) is changing it: run the command again".into(),
                ),
            };
            return Ok(refuse(&r));
        }
        Outcome::Done { changes, diagnostics, written, redone } => (changes, diagnostics, written, redone),
    };
    if let Some(rel) = redone {
        let _ = writeln!(
            std::io::stderr(),
            "note: {} changed while koers was editing it; the change was made again on its new content",
            data.join(rel).display()
        );
    }
    if !written {
        print!("{}", changes.diff(data));
        println!("dry run: nothing was written");
        return Ok(EXIT_OK);
    }
    for f in &changes.files {
        for (line, note) in &f.notes {
            println!("{}:{line}: {note}", data.join(&f.rel).display());
        }
    }
    if !diagnostics.items.is_empty() {
        print_diagnostics(&diagnostics, DiagnosticFormat::Human);
    }
    Ok(EXIT_OK)
}
