//! What each document shows, computed from the model: grouped, ordered and numbered, so that the
//! templates only lay it out. The same view feeds the Markdown, HTML and typst templates.
//! One module per document; the parts they share are here.

pub mod informatiepakket;
pub mod nieuwsbrief;
pub mod rapportage;
pub mod regioplan;
pub(crate) mod tree;

pub use informatiepakket::informatiepakket;
pub use nieuwsbrief::{MergeTags, nieuwsbrief};
pub use rapportage::rapportage;
pub use regioplan::regioplan;

use crate::model::Programme;
use crate::model::content::{self, Markdown};
use crate::model::content::{Kader, KaderSoort};
use serde::Serialize;
use std::collections::BTreeSet;

/// Where a build's documents come from. This is metadata — the PDF's Creator, the HTML
/// `<meta name="generator">`, the manifest — and printed on a page only when asked for
/// (`--colophon`): a public page states what its data states, not how it was built.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Provenance {
    pub generator: String,
    /// Short hash of the source commit, when the data is in a git repository.
    pub commit: Option<String>,
    /// Date of the source commit (YYYY-MM-DD).
    pub commit_datum: Option<String>,
    /// The data in the work tree differs from the commit.
    pub gewijzigd: bool,
    /// All of the above in one line: "koers 0.1.0, gegevens van commit a07ff94 (2026-11-23)".
    pub beschrijving: String,
    /// The line printed on the documents with `--colophon`; `None` without it.
    pub colofon: Option<String>,
    /// The build's reference date (YYYY-MM-DD): `--date`, else the commit's date, else the first
    /// day of the latest month in the data. Metadata only: the PDF's creation date (PDF/A requires
    /// one) where a document has no day of its own, and the accessibility statement's test date.
    pub datum: String,
    /// The same in Dutch ("22 november 2026").
    pub datum_nl: String,
    /// The document date given with `--date`: it replaces each document's own date
    /// (publication, adoption, sending). `None`: each document's date comes from the data.
    #[serde(skip)]
    pub documentdatum: Option<chrono::NaiveDate>,
}

impl Provenance {
    /// The provenance of a build: the generator, the commit the data comes from (if any),
    /// whether the work tree differs from it, and what is printed with `--colophon`.
    pub fn new(
        commit: Option<(String, chrono::NaiveDate)>,
        gewijzigd: bool,
        datum: chrono::NaiveDate,
        documentdatum: Option<chrono::NaiveDate>,
        colofon: bool,
    ) -> Provenance {
        let generator = crate::core::document::GENERATOR.to_string();
        let mut beschrijving = generator.clone();
        if let Some((hash, date)) = &commit {
            beschrijving.push_str(&format!(", gegevens van commit {hash} ({date})"));
            if gewijzigd {
                beschrijving.push_str(" met niet-vastgelegde wijzigingen");
            }
        }
        Provenance {
            colofon: colofon.then(|| format!("Gemaakt met {beschrijving}")),
            beschrijving,
            generator,
            commit_datum: commit.as_ref().map(|(_, d)| d.to_string()),
            commit: commit.map(|(h, _)| h),
            gewijzigd,
            datum: datum.to_string(),
            datum_nl: crate::core::dates::day_dutch(datum),
            documentdatum,
        }
    }
}

/// A figure from the data as a document shows it.
#[derive(Debug, Clone, Serialize)]
pub struct FiguurView {
    pub alt: String,
    /// A `data:` URL: the self-contained HTML embeds the image.
    pub data_url: String,
    /// Its path beside the Markdown, relative to the Markdown file (`figuren/…`).
    pub pad: String,
    /// Its path in the output directory (the document's folder, then `pad`).
    #[serde(skip)]
    pub uitvoer: String,
    /// Its path in typst's world.
    pub typst: String,
    /// `image/png`, `image/jpeg`, `image/svg+xml`.
    pub mime: &'static str,
    #[serde(skip)]
    pub bytes: std::sync::Arc<Vec<u8>>,
}

impl FiguurView {
    /// `naam` names the file in the output (e.g. `ambitie-ouderen`), `map` the document's folder.
    pub fn new(f: &crate::load::figure::Figuur, naam: &str, map: &str) -> FiguurView {
        let file = format!("{naam}.{}", f.kind.extension());
        FiguurView {
            alt: f.alt.clone(),
            data_url: f.data_url(),
            pad: format!("figuren/{file}"),
            uitvoer: format!("{map}/figuren/{file}"),
            typst: format!("/figuur/{file}"),
            mime: f.kind.mime(),
            bytes: f.bytes.clone(),
        }
    }
}

/// The programme's logo as the documents show it: at the top of the HTML pages and the e-mail,
/// on the PDF's and the editable formats' title page.
#[derive(Debug, Clone, Serialize)]
pub struct LogoView {
    /// What the logo shows (`logo_alt`, else "Logo van" and the programme's name).
    pub alt: String,
    /// A `data:` URL: the self-contained HTML embeds the logo.
    pub data_url: String,
    #[serde(skip)]
    pub kind: crate::load::figure::ImageKind,
    #[serde(skip)]
    pub bytes: std::sync::Arc<Vec<u8>>,
}

impl LogoView {
    pub fn new(f: &crate::load::figure::Figuur) -> LogoView {
        LogoView { alt: f.alt.clone(), data_url: f.data_url(), kind: f.kind, bytes: f.bytes.clone() }
    }

    /// Its file in typst's world (and in the editable formats' tree): `logo.svg` or `logo.png`.
    pub fn file(&self) -> String {
        format!("logo.{}", self.kind.extension())
    }

    /// Its size in pixels (an SVG's own size), as the data was checked to have.
    pub fn size(&self) -> (u32, u32) {
        crate::load::figure::pixel_size(self.kind, &self.bytes).unwrap_or((1, 1))
    }
}

#[derive(Debug, Serialize)]
pub struct ProgrammeInfo {
    pub naam: String,
    pub regio: String,
    pub website: Option<String>,
    pub website_kort: Option<String>,
    pub email: Option<String>,
    pub linkedin: Option<String>,
    /// The logo (for the views to place; not part of the templates' `programma`).
    #[serde(skip)]
    pub logo: Option<LogoView>,
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
        logo: p.logo.as_ref().map(LogoView::new),
    }
}

/// A box beside the text: "Interessant!", "Tip!" or an unlabelled line, with its link line.
#[derive(Debug, Serialize)]
pub struct InteressantView {
    /// "Interessant!", "Tip!", or none.
    pub label: Option<&'static str>,
    pub tekst: Option<Markdown>,
    /// The link line, only when it has an address: a line without one would promise a link that
    /// is not there (`koers check` warns of it), so the box prints its text alone.
    pub link_tekst: Option<String>,
    pub link_url: Option<String>,
}

/// A box as the documents show it.
pub(crate) fn interessant(k: &Kader) -> InteressantView {
    InteressantView {
        label: match k.soort {
            KaderSoort::Interessant => Some("Interessant!"),
            KaderSoort::Tip => Some("Tip!"),
            KaderSoort::Tekst => None,
        },
        tekst: k.tekst.clone(),
        link_tekst: k.link.as_ref().map(|l| l.tekst.clone()),
        link_url: k.link.as_ref().map(|l| l.url.to_string()),
    }
}

/// The glossary entries whose abbreviation occurs as a word in the document (case-insensitive,
/// as a reader reads the glossary: "Zvw" is its "ZVW"), alphabetically.
pub fn used_abbreviations(prog: &Programme, view: &impl Serialize) -> Vec<content::Afkorting> {
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
