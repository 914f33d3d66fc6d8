//! `koers newsletter EDITION`: one edition into out/, to standard output, or a draft edition file.

use super::check::today_month;
use super::{EXIT_INVALID, EXIT_OK, print_build_diagnostics, print_diagnostics};
use crate::flags::NewsletterArgs;
use anyhow::{Context, Result, bail};
use koers::authoring::{ChangeSet, FileChange, WriteError};
use koers::dates::{Period, PeriodChoice};
use koers::diagnostics::DiagnosticFormat;
use koers::load::DirSource;
use koers::render::{DocumentKind, Format};
use koers::validate::ValidateOptions;
use std::io::Write;

pub(crate) fn run(a: NewsletterArgs) -> Result<u8> {
    let period = a.edition;
    if a.new {
        return draft_edition(&a.data.data, period, a.date, a.message_format);
    }
    let mut opts = koers::BuildOptions::new(&a.data.data, &a.out);
    opts.periods = vec![PeriodChoice::Edition(period)];
    opts.only = vec![DocumentKind::Nieuwsbrief];
    opts.merge_tags = a.merge_tags;
    opts.date = a.date;
    opts.colophon = a.colophon;
    opts.templates_dir = a.templates;
    opts.force = a.force;
    if let Some(format) = a.stdout {
        if !Format::for_kind(DocumentKind::Nieuwsbrief).contains(&format) {
            bail!("--stdout {}: the newsletter is made as email, html, txt or md", format.as_str());
        }
        opts.formats = vec![format];
        opts.dry_run = true;
        let (report, files) = koers::driver::build_in_memory(&opts)?;
        print_diagnostics(&report.diagnostics, a.message_format);
        if report.diagnostics.has_errors() {
            return Ok(EXIT_INVALID);
        }
        let mut out = std::io::stdout().lock();
        // The document itself; the chart images beside the e-mail are files, not text.
        for f in files.iter().filter(|f| f.path.extension().is_none_or(|e| e != "png")) {
            out.write_all(&f.bytes)?;
        }
        return Ok(EXIT_OK);
    }
    let report = koers::build(&opts)?;
    print_diagnostics(&report.diagnostics, a.message_format);
    if report.diagnostics.has_errors() {
        return Ok(EXIT_INVALID);
    }
    for f in &report.files {
        println!("{}", a.out.join(&f.path).display());
    }
    Ok(EXIT_OK)
}

fn draft_edition(
    data: &std::path::Path,
    period: Period,
    date: Option<chrono::NaiveDate>,
    format: DiagnosticFormat,
) -> Result<u8> {
    let checked = koers::check(
        &DirSource { root: data.to_path_buf() },
        &ValidateOptions { report_month: Some(today_month(date)) },
    )?;
    print_build_diagnostics(&checked.diagnostics, format, data);
    let Some(prog) = checked.programme else {
        return Ok(EXIT_INVALID);
    };
    let path = data.join("nieuwsbrief").join(format!("{}.yaml", period.id()));
    if path.exists() {
        bail!("{} already exists; edit it, or remove it to draft anew", path.display());
    }
    let text = koers::newsletter_draft::draft_edition_yaml(&prog, period);
    // Written atomically, and only while no file of that name exists (an editor may have made one
    // meanwhile).
    let rel = std::path::PathBuf::from("nieuwsbrief").join(format!("{}.yaml", period.id()));
    let draft = ChangeSet { files: vec![FileChange { rel, before: None, after: text, notes: vec![] }] };
    match draft.write(data) {
        Ok(()) => {}
        Err(WriteError::Changed(_)) => bail!("{} already exists; edit it, or remove it to draft anew", path.display()),
        Err(WriteError::Io(e)) => return Err(e).with_context(|| format!("writing {}", path.display())),
    }
    println!("{}", path.display());
    Ok(EXIT_OK)
}
