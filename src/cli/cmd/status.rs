//! `koers status` (alias `projecten`): where every project stands, as a table or as JSON.

use super::{Exit, print_diagnostics};
use crate::cli::flags::{StatusArgs, StatusFormat};
use anyhow::Result;
use koers::check::ValidateOptions;
use koers::core::diagnostics::DiagnosticFormat;
use koers::load::DirSource;
use std::io::Write;

pub(crate) fn run(a: StatusArgs) -> Result<Exit> {
    let nu = koers::pipeline::current_month();
    let checked = koers::check(&DirSource { root: a.data.data.clone() }, &ValidateOptions { report_month: Some(nu) })?;
    let Some(prog) = checked.programme else {
        print_diagnostics(&checked.diagnostics, DiagnosticFormat::Human);
        return Ok(Exit::Invalid);
    };
    let rows = koers::model::status::status(&prog, nu);
    let text = match a.format {
        StatusFormat::Table => koers::model::status::table(&rows),
        StatusFormat::Json => {
            let json = serde_json::json!({"version": 1, "maand": nu.to_string(), "projecten": rows});
            serde_json::to_string_pretty(&json)? + "\n"
        }
    };
    // A reader that stops early (`| head`) is no error.
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(Exit::Ok),
    }
}
