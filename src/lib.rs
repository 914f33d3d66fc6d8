//! `koers`: the report generator of a regional health programme (Twentse Koers first) as a library.
//!
//! [`driver`] runs a build in stages, each in its own module:
//!
//! 1. `load` — read the YAML files of a data directory (or of a git commit), parse them, check
//!    their structure against the schema derived from `data_files`; months, periods and dates
//!    become typed values here ([`dates::TextValue`]);
//! 2. [`validate`] — the rules across values and files: phases, dates, references;
//! 3. [`model`] — the validated data resolved into one ordered [`model::Programme`];
//! 4. `plan` — which documents to make; [`render`] — each document's view rendered through
//!    templates to Markdown, HTML, e-mail, plain text and PDF (typst, embedded);
//! 5. `output` — files written atomically with a manifest.
//!
//! Beside the pipeline: [`authoring`] records new facts in the data by lossless edits (the
//! authoring commands), [`newsletter_draft`] writes the frame of a new edition, and [`preview`]
//! keeps the documents in memory for `koers serve`, re-rendering only what a change affects.
//!
//! The `koers` binary is a thin command line over [`check`] and [`build`].

pub mod authoring;
pub mod changes;
pub(crate) mod data_files;
pub mod dates;
pub mod diagnostics;
pub mod doc;
pub mod driver;
pub mod figure;
pub mod git;
pub(crate) mod informatiepakket;
pub mod init;
pub mod load;
pub mod markdown;
pub mod model;
pub mod named;
pub mod newsletter_draft;
pub(crate) mod out_guard;
pub(crate) mod output;
pub mod phase;
pub(crate) mod plan;
pub mod preview;
pub mod refusal;
pub mod render;
pub mod schema;
pub mod status;
pub mod text;
pub mod validate;
pub(crate) mod yaml_tree;

pub use driver::{BuildOptions, BuildReport, Checked, build, check};
pub use refusal::Refusal;
