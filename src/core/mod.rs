//! Layer 0 — the shared vocabulary: typed months, periods and days with their Dutch notation
//! ([`dates`]), the phase ladder's names ([`phase`]), diagnostics and refusals, the Markdown
//! options of texts from the data, the language of messages and their catalogues ([`i18n`]), the addresses a document may link to ([`url`]), and the names every stage uses for documents and formats.
//!
//! Imports: nothing of koers (only external crates). Every other layer may import it.

pub mod dates;
pub mod diagnostics;
pub mod document;
pub mod i18n;
pub mod kleur;
pub mod markdown;
pub mod named;
pub mod notation;
pub mod phase;
pub mod refusal;
pub mod text;
pub mod url;
