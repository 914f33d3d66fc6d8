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
    if dir.exists() {
        if !dir.is_dir() {
            return Err(Refusal::new(koers::t!("cmd-init-not-a-directory", dir = dir.display().to_string()))
                .hint(koers::t!("cmd-init-not-a-directory-hint"))
                .into());
        }
        let others = std::fs::read_dir(dir)
            .with_context(|| koers::t!("cmd-reading", path = dir.display().to_string()))?
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name() != ".git")
            .count();
        if others > 0 {
            return Err(Refusal::new(koers::t!("cmd-init-not-empty", dir = dir.display().to_string(), count = others))
                .hint(koers::t!("cmd-init-not-empty-hint"))
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
        super::error_line(&koers::t!("cmd-init-invalid"));
        return Ok(Exit::Invalid);
    }
    let mut written = Vec::new();
    for (rel, text) in &source.files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| koers::t!("cmd-creating", path = parent.display().to_string()))?;
        }
        // create_new: never over a file that appeared meanwhile.
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .with_context(|| koers::t!("cmd-writing", path = path.display().to_string()))?;
        std::io::Write::write_all(&mut f, text.as_bytes())
            .with_context(|| koers::t!("cmd-writing", path = path.display().to_string()))?;
        written.push(path);
    }
    list_written(&written, a.quiet);
    progress(&koers::t!("cmd-init-done", dir = dir.display().to_string()));
    Ok(Exit::Ok)
}
