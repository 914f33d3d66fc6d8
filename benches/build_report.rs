//! Benchmark: the full `build-report` on the real data (all documents, all formats), in process.
//!
//! `cargo bench` prints the minimum and median wall time over repeated runs, for the in-memory
//! render (load → validate → model → render) and for the complete build including the atomic
//! write. No timing is asserted anywhere in the tests; this is where speed is measured.

mod common;
use common::measure;

fn main() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let runs: usize = std::env::var("KOERS_BENCH_RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    let tmp = tempfile::tempdir().expect("temp dir");
    // KOERS_BENCH_DATA=DIR times another data directory (e.g. one of scripts/synthetic-data.py).
    let data = std::env::var_os("KOERS_BENCH_DATA").map_or_else(|| root.join("data"), std::path::PathBuf::from);
    let mut opts = koers::BuildOptions::new(data.clone(), tmp.path().join("out"));
    opts.date = chrono::NaiveDate::from_ymd_opt(2025, 10, 15);

    let (report, files) = koers::pipeline::build_in_memory(&opts).expect("build");
    assert!(!report.diagnostics.has_errors());
    println!(
        "{}: {} documents/files, {} bytes",
        data.display(),
        files.len(),
        files.iter().map(|f| f.bytes.len()).sum::<usize>()
    );

    measure("check (load + validate + model)", runs, || {
        let src = koers::load::DirSource { root: data.clone() };
        let c = koers::check(
            &src,
            &koers::check::ValidateOptions { report_month: Some(koers::core::dates::Month { year: 2026, month: 11 }) },
        )
        .unwrap();
        assert!(c.programme.is_some());
    });
    measure("build-report in memory (all formats)", runs, || {
        koers::pipeline::build_in_memory(&opts).unwrap();
    });
    measure("build-report with atomic write (all formats)", runs, || {
        koers::build(&opts).unwrap();
    });
    let mut pdf_only = opts.clone();
    pdf_only.formats = vec![koers::core::document::Format::Pdf];
    measure("PDFs only", runs, || {
        koers::pipeline::build_in_memory(&pdf_only).unwrap();
    });
    let mut md_html = opts.clone();
    md_html.formats = vec![
        koers::core::document::Format::Md,
        koers::core::document::Format::Html,
        koers::core::document::Format::Email,
        koers::core::document::Format::Txt,
    ];
    measure("Markdown, HTML, e-mail and text only", runs, || {
        koers::pipeline::build_in_memory(&md_html).unwrap();
    });
}
