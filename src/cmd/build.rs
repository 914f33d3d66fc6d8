//! `koers build-report`: validate, render and write every document (or the ones asked for).

use super::{EXIT_INVALID, EXIT_OK, paint_error, print_build_diagnostics, progress};
use crate::flags::BuildArgs;
use anyhow::Result;
use koers::render::views::RegioplanSelection;
use std::io::Write;

pub(crate) fn run(a: BuildArgs) -> Result<u8> {
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
    progress(&format!("koers: building {} → {}", a.data.data.display(), a.out.display()));
    let started = std::time::Instant::now();
    let report = koers::build(&opts)?;
    print_build_diagnostics(&report.diagnostics, a.message_format, &a.data.data);
    if report.diagnostics.has_errors() {
        let _ = writeln!(
            std::io::stderr(),
            "{}: the data is invalid; nothing was written ({} is unchanged)",
            paint_error("error"),
            a.out.display()
        );
        return Ok(EXIT_INVALID);
    }
    for f in &report.files {
        progress(&format!("  {}", a.out.join(&f.path).display()));
    }
    progress(&format!("wrote {} files in {:.2} s", report.files.len(), started.elapsed().as_secs_f64()));
    Ok(EXIT_OK)
}
