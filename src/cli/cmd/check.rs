//! `koers check`: build-report without writing (`--data-only`: load and validate only).

use super::{Exit, print_diagnostics, progress};
use crate::cli::flags::CheckArgs;
use anyhow::Result;
use koers::check::ValidateOptions;
use koers::core::dates::Month;
use koers::load::DirSource;

pub(crate) fn run(a: CheckArgs) -> Result<Exit> {
    if !a.data_only {
        let mut opts = koers::BuildOptions::new(&a.data.data, "out");
        opts.date = a.date;
        opts.report_date = a.date;
        opts.dry_run = true;
        let report = koers::build(&opts)?;
        print_diagnostics(&report.diagnostics, a.message_format);
        if report.diagnostics.has_errors() {
            return Ok(Exit::Invalid);
        }
        progress(&koers::t!("cmd-check-rendered", count = report.files.len()));
        return Ok(Exit::Ok);
    }
    let checked = koers::check(
        &DirSource { root: a.data.data.clone() },
        &ValidateOptions { report_month: Some(today_month(a.date)) },
    )?;
    print_diagnostics(&checked.diagnostics, a.message_format);
    Ok(Exit::of_diagnostics(&checked.diagnostics))
}

pub(crate) fn today_month(date: Option<chrono::NaiveDate>) -> Month {
    date.map(Month::of).unwrap_or_else(koers::pipeline::current_month)
}
