//! `koers changes --since REV`: what changed in the data since a commit.

use super::EXIT_OK;
use crate::flags::{ChangesArgs, ChangesFormat};
use anyhow::{Context, Result};
use koers::load::DirSource;
use koers::validate::ValidateOptions;

pub(crate) fn run(a: ChangesArgs) -> Result<u8> {
    let repo = koers::git::Repo::discover(&a.data.data)
        .context("koers changes needs the data directory to be inside a git repository")?;
    // Two states of the data are compared whatever their dates: no report-date check.
    let any_date = ValidateOptions { report_month: None };
    let old = koers::check(&repo.snapshot(&a.since, &a.data.data, None)?, &any_date)?;
    let new = koers::check(&DirSource { root: a.data.data.clone() }, &any_date)?;
    let old = koers::changes::programme_of(old, &format!("at {}", a.since)).map_err(anyhow::Error::msg)?;
    let new = koers::changes::programme_of(new, "in the work tree").map_err(anyhow::Error::msg)?;
    let list = koers::changes::diff(&old, &new);
    match a.format {
        ChangesFormat::Human => print!("{}", koers::changes::render_human(&a.since, &list)),
        ChangesFormat::Json => {
            println!("{}", serde_json::to_string_pretty(&serde_json::json!({"since": a.since, "changes": list}))?)
        }
    }
    Ok(EXIT_OK)
}
