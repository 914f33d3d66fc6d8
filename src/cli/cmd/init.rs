//! `koers init [DIR]`: a new programme in an empty directory, validated before it is written.

use super::{Exit, list_written, print_diagnostics, progress};
use crate::cli::flags::InitArgs;
use anyhow::{Context, Result};
use koers::Refusal;
use koers::authoring::init::{InMemory, InitOptions};
use koers::check::ValidateOptions;
use koers::core::diagnostics::DiagnosticFormat;

pub(crate) fn run(a: InitArgs) -> Result<Exit> {
    let dir = &a.dir;
    // Messages in Dutch: this is the secretary's first command.
    if dir.exists() {
        if !dir.is_dir() {
            return Err(Refusal::new(format!("{} is geen map", dir.display()))
                .hint("geef een nieuwe of een lege map")
                .into());
        }
        let others = std::fs::read_dir(dir)
            .with_context(|| format!("reading {}", dir.display()))?
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name() != ".git")
            .count();
        if others > 0 {
            return Err(Refusal::new(format!(
                "{} is niet leeg (er staan {others} bestanden of mappen in); koers init schrijft alleen in een nieuwe of lege map, zodat het niets overschrijft",
                dir.display()
            ))
            .hint("geef een nieuwe map, bijvoorbeeld: koers init mijn-programma --naam … --regio …")
            .into());
        }
    }
    let nu = koers::pipeline::current_month();
    let opts = InitOptions {
        naam: a.naam.trim().to_string(),
        regio: a.regio.trim().to_string(),
        gemeenten: a.gemeenten.iter().map(|g| g.trim().to_string()).filter(|g| !g.is_empty()).collect(),
        email: a.email.clone(),
        website: a.website.clone(),
        themalijn: a.themalijn.clone(),
        project: a.project.clone(),
        project_start: a.project_start,
        werkagenda_einde: a.werkagenda_einde,
        fasen: match a.fasen.iter().map(|f| f.trim().to_string()).filter(|f| !f.is_empty()).collect::<Vec<_>>() {
            f if f.is_empty() => koers::authoring::init::STANDAARD_FASEN.map(String::from).to_vec(),
            f => f,
        },
        nu,
    };
    let files = koers::authoring::init::files(&opts);
    // The programme must validate as written: a bad address or month is reported, nothing written.
    let source = InMemory { root: dir.clone(), files };
    let checked = koers::check(&source, &ValidateOptions { report_month: Some(nu) })?;
    if checked.diagnostics.has_errors() {
        print_diagnostics(&checked.diagnostics, DiagnosticFormat::Human);
        super::error_line("het nieuwe programma zou niet geldig zijn (zie hierboven); er is niets geschreven");
        return Ok(Exit::Invalid);
    }
    let mut written = Vec::new();
    for (rel, text) in &source.files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        // create_new: never over a file that appeared meanwhile.
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .with_context(|| format!("writing {}", path.display()))?;
        std::io::Write::write_all(&mut f, text.as_bytes()).with_context(|| format!("writing {}", path.display()))?;
        written.push(path);
    }
    list_written(&written, a.quiet);
    progress(&format!(
        "nieuw programma in {}: lees README.md daar; `koers check` controleert de gegevens, `koers build-report` maakt de documenten",
        dir.display()
    ));
    Ok(Exit::Ok)
}
