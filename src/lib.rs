//! `koers`: the Twentse Koers report generator as a library.
//!
//! The pipeline runs in stages, each in its own module:
//!
//! 1. [`load`] — read the YAML files of a data directory (or of a git commit), parse them and
//!    check their structure against the schema derived from [`data_files`];
//! 2. [`validate`] — phases, dates and references across files;
//! 3. [`model`] — the validated data resolved into one ordered [`model::Programme`];
//! 4. [`render`] — documents (rapportage, regioplan, nieuwsbrief, informatiepakket) rendered through templates to
//!    Markdown, HTML, e-mail, plain text and PDF (typst, embedded);
//! 5. [`output`] — files written atomically with a manifest and an index.
//!
//! Beside the pipeline: [`authoring`] records new facts in the data by lossless edits (the
//! authoring commands), and [`preview`] keeps the documents in memory for `koers serve`,
//! re-rendering only what a change affects.
//!
//! The `koers` binary is a thin command line over [`check`] and [`build`].

pub mod authoring;
pub mod changes;
pub mod data_files;
pub mod dates;
pub mod diagnostics;
pub mod git;
pub mod informatiepakket;
pub mod load;
pub mod markdown;
pub mod model;
pub mod out_guard;
pub mod output;
pub mod phase;
pub mod preview;
pub mod render;
pub mod schema;
pub mod validate;
pub mod yaml_tree;

use diagnostics::Diagnostics;
use load::{DataSet, DataSource};
use model::Programme;

/// The result of loading and validating a data directory.
pub struct Checked {
    pub data: DataSet,
    pub diagnostics: Diagnostics,
    /// Present when there are no errors.
    pub programme: Option<Programme>,
}

/// Stages 1–3: load, validate and (when valid) build the model. I/O failure of the data
/// directory itself is an error; problems in the data are diagnostics.
pub fn check(source: &dyn DataSource, opts: &validate::ValidateOptions) -> std::io::Result<Checked> {
    let (data, mut diagnostics) = load::load(source)?;
    // The rules across files need the programme (phases, glossary, declared reports): without a
    // loaded koers.yaml they would only repeat its problem.
    if data.programme.is_some() {
        diagnostics.extend(validate::validate(&data, opts));
    }
    let programme = if diagnostics.has_errors() {
        None
    } else {
        match Programme::from_data(&data) {
            Ok(programme) => Some(programme),
            // A rule the validation should have enforced did not hold: a defect of koers, and
            // never a build that silently leaves something out.
            Err(broken) => {
                diagnostics.push(
                    diagnostics::Diagnostic::error(&data.root, format!("internal error: {broken}"))
                        .hint("koers accepted data it cannot build; please report this with the data"),
                );
                None
            }
        }
    };
    diagnostics.sort();
    Ok(Checked { data, diagnostics, programme })
}

pub use output::{BuildOptions, BuildReport, build};
