//! `koers changes --since REV`: what changed in the data since a commit.

use super::Exit;
use crate::cli::flags::{ChangesArgs, ChangesFormat};
use anyhow::{Context, Result};
use koers::Refusal;
use koers::check::ValidateOptions;
use koers::load::DirSource;

pub(crate) fn run(a: ChangesArgs) -> Result<Exit> {
    let repo = koers::load::git::Repo::discover(&a.data.data).with_context(|| koers::t!("cmd-changes-needs-git"))?;
    // Two states of the data are compared whatever their dates: no report-date check.
    let any_date = ValidateOptions { report_month: None };
    let old = koers::check(&repo.snapshot(&a.since, &a.data.data, None)?, &any_date)?;
    let new = koers::check(&DirSource { root: a.data.data.clone() }, &any_date)?;
    let Some(old) = old.programme else {
        return Err(Refusal::new(koers::t!(
            "cmd-changes-old-invalid",
            since = a.since.as_str(),
            errors = old.diagnostics.error_count()
        ))
        .hint(koers::t!("cmd-changes-old-invalid-hint"))
        .into());
    };
    let Some(new) = new.programme else {
        return Err(Refusal::new(koers::t!("cmd-changes-new-invalid", errors = new.diagnostics.error_count()))
            .hint(koers::t!("cmd-changes-new-invalid-hint"))
            .into());
    };
    let list = koers::model::changes::diff(&old, &new);
    match a.format {
        ChangesFormat::Human => print!("{}", koers::model::changes::render_human(&a.since, &list)),
        ChangesFormat::Json => {
            println!("{}", serde_json::to_string_pretty(&serde_json::json!({"since": a.since, "changes": list}))?)
        }
    }
    Ok(Exit::Ok)
}
