//! `koers newsletter EDITION`: one edition into out/, to standard output, or — as an authoring
//! change — a draft edition file (`--new`) or the results recorded since added to it (`--update`).

use super::{Exit, list_written, print_build_diagnostics};
use crate::cli::flags::NewsletterArgs;
use anyhow::Result;
use koers::Refusal;
use koers::authoring::Request;
use koers::core::dates::PeriodChoice;
use koers::core::document::DocumentKind;
use std::io::Write;

pub(crate) fn run(a: NewsletterArgs) -> Result<Exit> {
    let period = a.edition;
    if a.new {
        return super::author::run(&a.data.data, a.dry_run, &Request::NewEdition { editie: period });
    }
    if a.update {
        return super::author::run(&a.data.data, a.dry_run, &Request::UpdateEdition { editie: period });
    }
    // Before any work: an edition without a file is drafted first.
    let id = period.id();
    let file = a.data.data.join("nieuwsbrief").join(format!("{id}.yaml"));
    if a.data.data.is_dir() && !file.exists() && !file.with_extension("yml").exists() {
        let file = file.display().to_string();
        return Err(Refusal::new(koers::t!("cmd-newsletter-no-edition-file", id = id.as_str(), file = file))
            .hint(koers::t!("cmd-newsletter-draft-it", id = id.as_str()))
            .into());
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
        opts.formats = vec![format.format()];
        opts.dry_run = true;
        let (report, files) = koers::pipeline::build_in_memory(&opts)?;
        print_build_diagnostics(&report.diagnostics, a.message_format, &a.data.data);
        if report.diagnostics.has_errors() {
            return Ok(Exit::Invalid);
        }
        let mut out = std::io::stdout().lock();
        // The document itself; the chart images beside the e-mail are files, not text.
        for f in files.iter().filter(|f| f.path.extension().is_none_or(|e| e != "png")) {
            out.write_all(&f.bytes)?;
        }
        return Ok(Exit::Ok);
    }
    let report = koers::build(&opts)?;
    print_build_diagnostics(&report.diagnostics, a.message_format, &a.data.data);
    if report.diagnostics.has_errors() {
        return Ok(Exit::Invalid);
    }
    let json = a.message_format == koers::core::diagnostics::DiagnosticFormat::Json;
    list_written(report.files.iter().map(|f| a.out.join(&f.path)), a.quiet || json);
    Ok(Exit::Ok)
}
