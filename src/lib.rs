//! `koers`: the report generator of a regional health programme (any region: its names, phases and
//! colours are data) as a library.
//!
//! Each folder of `src/` is a layer; a layer imports only the layers below it (tests/layers.rs
//! checks it):
//!
//! ```text
//! cli → pipeline → publish → {render, authoring} → model → check → load → core
//! ```
//!
//! - [`core`] — the shared vocabulary: typed months, periods and days with their Dutch notation,
//!   the phase names, diagnostics, refusals, document kinds and formats;
//! - [`load`] — stage 1: read the YAML files of a data directory (or of a git commit), parse them
//!   and check their structure against the schema derived from the file types;
//! - [`check`] — stage 2: the rules across values and files: phases, dates, references;
//! - [`model`] — stage 3: the checked data resolved into one ordered [`model::Programme`];
//! - [`render`] — stage 4: each document's view and typed tree, rendered in every format;
//!   [`authoring`], beside it, records new facts in the data by lossless edits;
//! - [`publish`] — stage 5: the files written atomically with a manifest and an index;
//! - [`pipeline`] — the stages in order: [`build`] (`koers build-report`), [`check()`]
//!   (`koers check`), the plan of which documents to make, and the preview of `koers serve`.
//!
//! The `koers` binary (`src/main.rs`, `src/cli/`) is a thin command line over the pipeline and
//! authoring.

pub mod authoring;
pub mod check;
pub mod core;
pub mod load;
pub mod model;
pub mod pipeline;
pub mod publish;
pub mod render;

pub use core::refusal::Refusal;
pub use pipeline::{BuildOptions, BuildReport, Checked, build, check};
