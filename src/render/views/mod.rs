//! What each document shows, computed from the model: grouped, ordered and numbered, so that the
//! templates only lay it out. The same view feeds the Markdown, HTML and typst templates.
//! One module per document; the parts they share are here.

pub mod informatiepakket;
pub mod nieuwsbrief;
pub mod rapportage;
pub mod regioplan;

pub use informatiepakket::informatiepakket;
pub use nieuwsbrief::{MergeTags, nieuwsbrief};
pub use rapportage::rapportage;
pub use regioplan::{RegioplanSelection, regioplan};

use crate::data_files::{self as df, Markdown};
use crate::model::Programme;
use serde::Serialize;
use std::collections::BTreeSet;

/// Where a document comes from: shown in its colophon.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Provenance {
    pub generator: String,
    /// Short hash of the source commit, when the data is in a git repository.
    pub commit: Option<String>,
    /// Date of the source commit (YYYY-MM-DD).
    pub commit_datum: Option<String>,
    /// The data in the work tree differs from the commit.
    pub gewijzigd: bool,
    /// The document date (from --date, the commit, or the data).
    pub datum: String,
    /// The document date in Dutch ("22 november 2026").
    pub datum_nl: String,
}

#[derive(Debug, Serialize)]
pub struct ProgrammeInfo {
    pub naam: String,
    pub regio: String,
    pub website: Option<String>,
    pub website_kort: Option<String>,
    pub email: Option<String>,
    pub linkedin: Option<String>,
}

pub fn programme_info(p: &Programme) -> ProgrammeInfo {
    ProgrammeInfo {
        naam: p.naam.clone(),
        regio: p.regio.clone(),
        website: p.website.clone(),
        website_kort: p
            .website
            .as_deref()
            .map(|w| w.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/').to_string()),
        email: p.email.clone(),
        linkedin: p.linkedin.clone(),
    }
}

/// A box beside the text: "Interessant!", "Tip!" or an unlabelled line, with its link line.
#[derive(Debug, Serialize)]
pub struct InteressantView {
    /// "Interessant!", "Tip!", or none.
    pub label: Option<&'static str>,
    pub tekst: Markdown,
    /// The link line; shown as plain text when there is no address.
    pub link_tekst: Option<String>,
    pub link_url: Option<String>,
}

pub(crate) fn interessant(i: &df::Interessant) -> InteressantView {
    InteressantView {
        label: match i.soort.unwrap_or_default() {
            df::KaderSoort::Interessant => Some("Interessant!"),
            df::KaderSoort::Tip => Some("Tip!"),
            df::KaderSoort::Tekst => None,
        },
        tekst: i.tekst.clone(),
        link_tekst: i.link.as_ref().map(|l| l.tekst.clone()),
        link_url: i.link.as_ref().and_then(|l| l.url.clone()).filter(|u| crate::validate::is_safe_url(u)),
    }
}

/// The glossary entries whose abbreviation occurs as a word in the document (case-insensitive,
/// as a reader reads the glossary: "Zvw" is its "ZVW"), alphabetically.
pub fn used_abbreviations(prog: &Programme, view: &impl Serialize) -> Vec<df::Afkorting> {
    let json = serde_json::to_value(view).unwrap_or_default();
    let mut words = BTreeSet::new();
    collect_words(&json, &mut words);
    prog.afkortingen.iter().filter(|a| words.contains(&a.afkorting.to_lowercase())).cloned().collect()
}

fn collect_words(v: &serde_json::Value, out: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::String(s) => {
            for w in s.split(|c: char| !c.is_alphanumeric()) {
                if !w.is_empty() {
                    out.insert(w.to_lowercase());
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_words(x, out)),
        serde_json::Value::Object(o) => {
            o.iter().filter(|(k, _)| *k != "afkortingen").for_each(|(_, x)| collect_words(x, out))
        }
        _ => {}
    }
}
