//! The integration tests, as one test binary (`autotests = false` and one `[[test]]` in
//! Cargo.toml): one link of the typst stack instead of one per file, and the real data built
//! once for all of them (`common::built`). Each file of `tests/` is a module here, so its tests
//! are named after it: `cargo test --release -- authoring::` runs those of tests/authoring.rs.
//! A test file that is not declared here would not run: `every_test_file_is_a_module` fails then.

mod common;

mod accessibility;
mod authoring;
mod build_outputs;
mod charts;
mod check_fixtures;
mod dependency_features;
mod diagnostic_order;
mod eml;
mod exit_codes;
mod formats;
mod fuzz;
mod glossary;
mod golden_outputs;
mod i18n;
mod i18n_build;
mod i18n_cli;
mod i18n_commands;
mod i18n_data;
mod informatiepakket;
mod init;
mod layers;
mod newsletter;
mod next_period;
mod office;
mod output_safety;
mod pdf_passes;
mod pdf_structure;
mod pipeline;
mod readme;
mod real_data;
mod regions;
mod robustness;
mod seeds;
mod serve;
mod status;
mod truth;
mod views;
mod writers;

/// Every `tests/*.rs` but this file is declared as a module above: with `autotests = false`
/// cargo no longer finds test files by itself.
#[test]
fn every_test_file_is_a_module() {
    let dir = common::root().join("tests");
    let main = std::fs::read_to_string(dir.join("main.rs")).unwrap();
    let declared: std::collections::BTreeSet<String> = main
        .lines()
        .filter_map(|l| l.strip_prefix("mod ")?.strip_suffix(';'))
        .filter(|m| *m != "common")
        .map(str::to_string)
        .collect();
    let files: std::collections::BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|stem| stem != "main")
        .collect();
    assert_eq!(
        files.difference(&declared).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "test files not declared as `mod NAME;` in tests/main.rs (they would not run)"
    );
}
