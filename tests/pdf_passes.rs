//! typst lays a PDF out again until its page numbers stop changing. The house style (`koers.typ`)
//! makes typst's first pass lay out the same pages as its second — the table of contents stands
//! in with its entries before typst knows the headings, and a link to a label keeps its text —
//! so the reports take two passes, not three. Counted in typst's timing trace
//! (`KOERS_TYPST_TIMING`), one document per run.

use crate::common;

use common::*;

/// The layout passes of one PDF of the real data: the distinct `iter (n)` scopes of its trace.
fn passes(only: &str, extra: &[&str]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let trace = dir.path().join("trace");
    std::fs::create_dir(&trace).unwrap();
    let o = run(koers()
        .env("KOERS_TYPST_TIMING", &trace)
        .args(["build-report", "--date", "2025-10-15", "--format", "pdf", "--only", only])
        .args(extra)
        .arg("--data")
        .arg(root().join("data"))
        .arg("--out")
        .arg(dir.path().join("out")));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let files: Vec<_> = std::fs::read_dir(&trace).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 1, "one trace: {files:?}");
    let events: serde_json::Value = serde_json::from_slice(&std::fs::read(&files[0]).unwrap()).unwrap();
    let iterations: std::collections::BTreeSet<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["name"].as_str())
        .filter(|n| n.starts_with("iter ("))
        .collect();
    iterations.len()
}

#[test]
fn the_regioplan_pdf_is_laid_out_twice() {
    assert_eq!(passes("regioplan", &[]), 2);
}

#[test]
fn a_regioplan_section_is_laid_out_twice() {
    assert_eq!(passes("regioplan", &["--themalijn", "ouderen"]), 2);
}

#[test]
fn the_rapportage_pdf_is_laid_out_twice() {
    assert_eq!(passes("rapportage", &["--period", "2024-H1"]), 2);
}
