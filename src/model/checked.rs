//! Stages 1–3 in one call: load a data set, check it and, when it holds no error, resolve its
//! model. `koers check`, every build and every authoring command start here.

use crate::check::ValidateOptions;
use crate::core::diagnostics::{Diagnostic, Diagnostics};
use crate::load::{DataSet, DataSource};
use crate::model::Programme;

/// The result of loading and validating a data directory.
pub struct Checked {
    pub data: DataSet,
    pub diagnostics: Diagnostics,
    /// Present when there are no errors.
    pub programme: Option<Programme>,
}

/// Stages 1–3: load, validate and (when valid) build the model. I/O failure of the data
/// directory itself is an error; problems in the data are diagnostics.
pub fn check(source: &dyn DataSource, opts: &ValidateOptions) -> std::io::Result<Checked> {
    let (data, mut diagnostics) = crate::load::load(source)?;
    // The rules across files need the programme (phases, glossary, declared reports): without a
    // loaded koers.yaml they would only repeat its problem.
    if data.programme.is_some() {
        diagnostics.extend(crate::check::validate(&data, opts));
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
                    Diagnostic::error(&data.root, crate::t!("data-internal-error", detail = broken.to_string()))
                        .hint(crate::t!("data-internal-error-hint")),
                );
                None
            }
        }
    };
    diagnostics.sort();
    Ok(Checked { data, diagnostics, programme })
}
