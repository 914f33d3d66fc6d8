//! What a build makes: the kinds of document, the formats, one document to render ([`Job`]) and a
//! rendered file not yet written. The plan makes jobs, the renderer rendered files, the publisher
//! writes them; all three speak of them in these words.

use crate::core::dates::Period;
use serde::Serialize;
use std::path::PathBuf;

/// What made the documents, as their metadata says: "koers 0.1.0".
pub const GENERATOR: &str = concat!("koers ", env!("CARGO_PKG_VERSION"));

/// The kinds of document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// The half-yearly progress report (tussentijdse rapportage).
    Rapportage,
    /// The Regioplan, or a section of it.
    Regioplan,
    /// The "Even bijpraten" newsletter.
    Nieuwsbrief,
    /// The Informatiepakket: owners, governance, staffing, themalijnen and budget.
    Informatiepakket,
}

impl DocumentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Rapportage => "rapportage",
            DocumentKind::Regioplan => "regioplan",
            DocumentKind::Nieuwsbrief => "nieuwsbrief",
            DocumentKind::Informatiepakket => "informatiepakket",
        }
    }
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown (GitHub-flavoured, with tables and footnotes).
    Md,
    /// A self-contained HTML page.
    Html,
    /// A tagged PDF (PDF/UA-1, PDF/A-2a), typeset by typst.
    Pdf,
    /// E-mail-safe HTML with inlined CSS (newsletter only).
    Email,
    /// Plain text wrapped at 72 columns (newsletter only).
    Txt,
    /// A message ready to send: MIME multipart/alternative of the text and the e-mail HTML
    /// (newsletter only).
    Eml,
    /// An editable OpenDocument text (ODF 1.3), the open standard for revisable documents.
    Odt,
    /// An editable Word document (Office Open XML).
    Docx,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Email => "email",
            Format::Txt => "txt",
            Format::Eml => "eml",
            Format::Odt => "odt",
            Format::Docx => "docx",
        }
    }

    /// The file name extension: `html`, `pdf`, … and `email.html` for the e-mail.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Email => "email.html",
            other => other.as_str(),
        }
    }

    /// The formats a document kind is made in.
    pub fn for_kind(kind: DocumentKind) -> &'static [Format] {
        match kind {
            DocumentKind::Rapportage | DocumentKind::Regioplan | DocumentKind::Informatiepakket => {
                &[Format::Md, Format::Html, Format::Pdf, Format::Odt, Format::Docx]
            }
            DocumentKind::Nieuwsbrief => &[Format::Email, Format::Html, Format::Txt, Format::Md, Format::Eml],
        }
    }
}

impl super::named::Named for DocumentKind {
    const ALL: &'static [Self] =
        &[DocumentKind::Rapportage, DocumentKind::Regioplan, DocumentKind::Nieuwsbrief, DocumentKind::Informatiepakket];
    fn name(self) -> &'static str {
        self.as_str()
    }
}

impl super::named::Named for Format {
    const ALL: &'static [Self] =
        &[Format::Md, Format::Html, Format::Pdf, Format::Email, Format::Txt, Format::Eml, Format::Odt, Format::Docx];
    fn name(self) -> &'static str {
        self.as_str()
    }
}

/// One document to render.
#[derive(Debug, Clone)]
pub enum Job {
    /// The rapportage of a half year; `concept`: one koers.yaml does not declare, built as a draft.
    Rapportage {
        periode: Period,
        concept: bool,
    },
    Regioplan(RegioplanSelection),
    Nieuwsbrief(Period),
    Informatiepakket,
}

impl Job {
    pub fn kind(&self) -> DocumentKind {
        match self {
            Job::Rapportage { .. } => DocumentKind::Rapportage,
            Job::Regioplan(_) => DocumentKind::Regioplan,
            Job::Nieuwsbrief(_) => DocumentKind::Nieuwsbrief,
            Job::Informatiepakket => DocumentKind::Informatiepakket,
        }
    }
}

/// The period a document covers: the months of a rapportage or a newsletter edition, or the
/// text of another kind's (the regioplan's years 2024-2026, the informatiepakket's day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentPeriod {
    Months(Period),
    Text(String),
}

impl DocumentPeriod {
    /// The months, if it is a span of whole months.
    pub fn months(&self) -> Option<Period> {
        match self {
            DocumentPeriod::Months(p) => Some(*p),
            DocumentPeriod::Text(_) => None,
        }
    }

    /// As the manifest and the index show it: 2024-H1, 2025-04, 2025-Q3, 2024-2026, 2024-10-31.
    pub fn id(&self) -> String {
        match self {
            DocumentPeriod::Months(p) => p.id(),
            DocumentPeriod::Text(t) => t.clone(),
        }
    }

    /// Read back from a manifest: a half year or an edition's month or quarter becomes months.
    pub fn parse(s: &str) -> DocumentPeriod {
        match Period::parse_half(s).or_else(|_| Period::parse_edition(s)) {
            Ok(p) if p.id() == s => DocumentPeriod::Months(p),
            _ => DocumentPeriod::Text(s.to_string()),
        }
    }
}

/// Ordered as their texts are (the manifest's order).
impl Ord for DocumentPeriod {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.id().cmp(&other.id())
    }
}

impl PartialOrd for DocumentPeriod {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for DocumentPeriod {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.id())
    }
}

impl<'de> serde::Deserialize<'de> for DocumentPeriod {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(|s| DocumentPeriod::parse(&s))
    }
}

/// A rendered file, not yet written.
#[derive(Debug, Clone)]
pub struct RenderedFile {
    pub document: DocumentKind,
    pub period: DocumentPeriod,
    /// A draft (`--concept`), which the index shows only where no final version of its period is.
    pub draft: bool,
    pub format: Format,
    /// Title for the index.
    pub title: String,
    /// Path relative to the output directory.
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Which part of the Regioplan to render.
#[derive(Debug, Clone, Default)]
pub struct RegioplanSelection {
    /// Only this themalijn's section.
    pub themalijn: Option<String>,
    /// Only this project's section.
    pub project: Option<String>,
    /// Include projects added after the plan was adopted.
    pub met_latere_projecten: bool,
}
