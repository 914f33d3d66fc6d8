//! The parts of the document tree ([`crate::render::doc`]) that the kinds of document share: Markdown
//! texts of the data parsed once into blocks (their abbreviations linked to the glossary),
//! headings, sections, boxes, charts, figures and the glossary. Each kind's module builds its
//! [`doc::Document`] from its view with these.

use super::{FiguurView, InteressantView};
use crate::model::content::Afkorting;
use crate::render::chart::Grafiek;
use crate::render::doc::{self, Block, CalloutKind, CalloutLink, Inline, SectionKind};

/// Turns the texts of one document into blocks: its glossary links every abbreviation it lists.
pub(crate) struct Teksten {
    glossary: Vec<(String, String)>,
}

impl Teksten {
    /// Texts linked to this glossary (abbreviation, meaning).
    pub(crate) fn new(afkortingen: &[Afkorting]) -> Teksten {
        Teksten { glossary: afkortingen.iter().map(|a| (a.afkorting.clone(), a.betekenis.clone())).collect() }
    }

    fn context(&self, heading_level: u8) -> doc::markdown::Context<'_> {
        doc::markdown::Context { glossary: &self.glossary, heading_level }
    }

    /// A Markdown text as blocks; its own headings at `heading_level` and below.
    pub(crate) fn md(&self, text: &str, heading_level: u8) -> Vec<Block> {
        doc::markdown::blocks(text, &self.context(heading_level))
    }
}

/// A heading listed in the table of contents.
pub(crate) fn kop(level: u8, text: &str, anchor: Option<&str>) -> Block {
    Block::heading(level, doc::text(text), anchor)
}

/// A heading with a small label above it ("Themalijn", "Project").
pub(crate) fn kop_met_label(level: u8, text: &str, anchor: Option<&str>, label: &str) -> Block {
    Block::Heading {
        level,
        content: doc::text(text),
        anchor: anchor.map(str::to_string),
        outlined: true,
        kicker: Some(label.to_string()),
    }
}

/// A heading of a part of a section, not in the table of contents ("Doelstelling").
pub(crate) fn tussenkop(level: u8, text: &str) -> Block {
    Block::Heading { level, content: doc::text(text), anchor: None, outlined: false, kicker: None }
}

pub(crate) fn alinea(text: impl Into<String>) -> Block {
    Block::paragraph(doc::text(text))
}

pub(crate) fn alinea_stijl(style: doc::ParagraphStyle, content: Vec<Inline>) -> Block {
    Block::Paragraph { style, content }
}

pub(crate) fn sectie(kind: SectionKind, anchor: &str, content: Vec<Block>) -> Block {
    Block::Section { kind, anchor: Some(anchor.to_string()), content }
}

/// A chapter: a section whose first block is its level-1 heading.
pub(crate) fn hoofdstuk(anchor: &str, titel: &str, mut content: Vec<Block>) -> Block {
    content.insert(0, kop(1, titel, Some(anchor)));
    sectie(SectionKind::Chapter, anchor, content)
}

/// A box "Interessant!", "Tip!" or without a label; its link line only with an address.
pub(crate) fn kader(i: &InteressantView, t: &Teksten) -> Block {
    Block::Callout {
        kind: match i.label {
            Some("Interessant!") => CalloutKind::Interessant,
            Some("Tip!") => CalloutKind::Tip,
            _ => CalloutKind::Plain,
        },
        title: i.label.map(str::to_string),
        content: i.tekst.as_deref().map(|x| t.md(x, 4)).unwrap_or_default(),
        link: match (&i.link_tekst, &i.link_url) {
            (Some(text), Some(url)) => Some(CalloutLink { text: text.clone(), url: Some(url.clone()) }),
            _ => None,
        },
    }
}

/// A chart with its numbers as a table.
pub(crate) fn grafiek(g: &Grafiek, placement: doc::ChartPlacement) -> Block {
    let columns = g
        .tabel
        .kolommen
        .iter()
        .enumerate()
        .map(|(i, k)| doc::Column {
            header: doc::text(k.as_str()),
            align: if g.tabel.numeriek && i > 0 { doc::Align::Right } else { doc::Align::Default },
            numeric: g.tabel.numeriek && i > 0,
        })
        .collect();
    let rows = g
        .tabel
        .rijen
        .iter()
        .map(|r| doc::Row {
            style: if r.totaal { doc::RowStyle::Total } else { doc::RowStyle::Normal },
            cells: std::iter::once(&r.kop).chain(&r.cellen).map(|c| vec![alinea(c.as_str())]).collect(),
        })
        .collect();
    let table = doc::Table {
        caption: Some(doc::text(g.tabel.bijschrift.as_str())),
        columns,
        row_headers: true,
        rows,
        side_by_side: false,
    };
    let mut chart = doc::Chart::new(&g.id, &g.titel, &g.beschrijving, g.svg.clone(), (g.breedte, g.hoogte), table);
    chart.description_pdf = g.beschrijving_pdf.clone();
    chart.placement = placement;
    Block::Chart(chart)
}

/// A figure from the data.
pub(crate) fn figuur(f: &FiguurView, id: &str) -> Block {
    Block::Figure(doc::Figure {
        id: id.to_string(),
        image: f.typst.trim_start_matches('/').to_string(),
        mime: f.mime.to_string(),
        alt: f.alt.clone(),
        bytes: f.bytes.clone(),
    })
}

/// The glossary as a table of abbreviations and their meanings (the abbreviations are the
/// glossary itself, so not linked), in two halves side by side where it is long.
pub(crate) fn afkortingen(afk: &[Afkorting], caption: &str) -> Block {
    let mut table = doc::Table::with_headers(&["Afkorting", "Betekenis"]);
    table.caption = Some(doc::text(caption));
    table.row_headers = true;
    table.side_by_side = true;
    for a in afk {
        table.push_text_row(doc::RowStyle::Normal, &[&a.afkorting, &a.betekenis]);
    }
    Block::Table(table)
}

/// The document's metadata shared by the kinds: the programme as author, its contact, the
/// provenance for the colophon (printed only with `--colophon`).
pub(crate) fn metadata(
    kind: &str,
    titel: &str,
    programma: &super::ProgrammeInfo,
    bron: &super::Provenance,
) -> doc::Metadata {
    let mut m = doc::Metadata::new(titel, programma.naam.as_str());
    m.kind = kind.to_string();
    m.website = programma.website_kort.clone();
    m.email = programma.email.clone();
    m.website_url = programma.website.clone();
    m.colophon = bron.colofon.clone();
    m.generator = bron.beschrijving.clone();
    m.logo = programma.logo.as_ref().map(|l| {
        Box::new(doc::Figure {
            id: "logo".into(),
            image: l.file(),
            mime: l.kind.mime().into(),
            alt: l.alt.clone(),
            bytes: l.bytes.clone(),
        })
    });
    m
}
