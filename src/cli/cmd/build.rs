//! `koers build-report`: validate, render and write every document (or the ones asked for).

use super::{Exit, error_line, list_written, print_build_diagnostics, progress};
use crate::cli::flags::BuildArgs;
use anyhow::Result;
use koers::core::diagnostics::DiagnosticFormat;
use koers::core::document::RegioplanSelection;

pub(crate) fn run(a: BuildArgs) -> Result<Exit> {
    let mut opts = koers::BuildOptions::new(&a.data.data, &a.out);
    opts.periods = a.period;
    opts.only = a.only;
    opts.formats = a.format;
    opts.regioplan =
        RegioplanSelection { themalijn: a.themalijn, project: a.project, met_latere_projecten: a.with_later_projects };
    opts.templates_dir = a.templates;
    opts.date = a.date;
    opts.rev = a.rev;
    opts.merge_tags = a.merge_tags;
    opts.force = a.force;
    opts.draft = a.draft;
    opts.colophon = a.colophon;
    opts.reference_docs = a.reference_doc;
    progress(&koers::t!(
        "cmd-build-progress",
        data = a.data.data.display().to_string(),
        out = a.out.display().to_string()
    ));
    let started = std::time::Instant::now();
    let report = koers::build(&opts)?;
    print_build_diagnostics(&report.diagnostics, a.message_format, &a.data.data);
    if report.diagnostics.has_errors() {
        error_line(&koers::t!("cmd-build-invalid", out = a.out.display().to_string()));
        return Ok(Exit::Invalid);
    }
    let json = a.message_format == DiagnosticFormat::Json;
    list_written(report.files.iter().map(|f| a.out.join(&f.path)), a.quiet || json);
    let mut seconds = format!("{:.2}", started.elapsed().as_secs_f64());
    if koers::core::i18n::language() == koers::core::i18n::Lang::Nl {
        seconds = seconds.replace('.', ","); // 0,42 s
    }
    progress(&koers::t!("cmd-build-wrote", count = report.files.len(), seconds = seconds));
    Ok(Exit::Ok)
}
