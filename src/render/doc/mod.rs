//! The typed document: one tree of blocks and inline runs that every output format renders.
//!
//! A document kind builds its [`Document`] once from the model; Markdown texts from the data are
//! parsed once into the same tree ([`markdown`]). The writers (ODT, DOCX; typst reads the JSON)
//! render any tree generically: they know block kinds, not document kinds. Text in the tree is
//! always data — a writer escapes it for its format, nothing in it is ever markup.
//!
//! # JSON shape
//!
//! `serde_json::to_string(&document)` is the contract with the typst templates (which read it as
//! `json("/document.json")`). Every field is always present (`null` when absent, `[]` when
//! empty), enums are tagged with `"type"`, names are `snake_case`:
//!
//! ```json
//! {
//!   "metadata": {"title": "Tussentijdse rapportage", "subtitle": null, "period": "Eerste helft 2025",
//!                "language": "nl-NL", "author": "Gezond Rivierenland", "publication": null,
//!                "date": "2025-09-30", "date_text": "30 september 2025", "website": null,
//!                "email": null, "website_url": null, "colophon": "Gemaakt met koers 0.1.0", "generator": "koers 0.1.0",
//!                "draft": false, "cover": true, "contents": true},
//!   "blocks": [
//!     {"type": "heading", "level": 1, "anchor": "voorwoord", "outlined": true, "kicker": null,
//!      "content": [{"type": "text", "text": "Voorwoord"}]},
//!     {"type": "paragraph", "style": "body", "content": [
//!        {"type": "text", "text": "De "},
//!        {"type": "abbreviation", "short": "GGD", "meaning": "Gemeentelijke Gezondheidsdienst",
//!         "anchor": "afkortingen"},
//!        {"type": "text", "text": " werkt mee"},
//!        {"type": "footnote", "id": "n1", "content": [
//!           {"type": "paragraph", "style": "body", "content": [{"type": "text", "text": "Sinds 2024."}]}]},
//!        {"type": "text", "text": "."}]},
//!     {"type": "break", "kind": "page"}
//!   ]
//! }
//! ```
//!
//! Blocks (`"type"`): `heading` {level 1–6, content, anchor, outlined, kicker}; `paragraph`
//! {style: body|muted|small, content}; `list` {ordered, start, style: default|results, items:
//! [[block]]}; `table` {caption, columns: [{header, align: default|left|center|right, numeric}],
//! row_headers, rows: [{style: normal|sub|total, cells: [[block]]}]}; `box` {kind:
//! interessant|tip|plain, title, content, link: {text, url}}; `phase_ladder` {steps: [{name, state:
//! passed|current|upcoming}]}; `facts` {items: [{label, value}]}; `definitions` {items: [{term,
//! description: [block]}]}; `chart` {id, title, description, image, width, height, table};
//! `signature` {names, roles}; `quote` {content}; `code` {text}; `rule`; `break` {kind:
//! page|keep_with_next}; `section` {anchor, content}.
//!
//! Inlines (`"type"`): `text` {text}; `strong`, `emphasis`, `strikethrough` {content}; `code`
//! {text}; `link` {url, content} (a web or mail address only); `internal_link` {anchor, content};
//! `abbreviation` {short, meaning, anchor}; `footnote` {id, content: [block]} (the note, at its
//! place); `footnote_ref` {id} (a further reference to a note given before); `line_break`.

pub mod markdown;

use serde::Serialize;
use std::collections::HashMap;

/// A whole document: what describes it, and its content.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    pub metadata: Metadata,
    pub blocks: Vec<Block>,
}

/// What describes a document: its title page (when `cover`) and the file's metadata.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metadata {
    pub title: String,
    pub subtitle: Option<String>,
    /// The period as readers say it: "Eerste helft 2025".
    pub period: Option<String>,
    /// BCP 47: "nl-NL".
    pub language: String,
    /// Who publishes it: the programme.
    pub author: String,
    /// A line on the title page about its publication: "Vastgesteld in maart 2024".
    pub publication: Option<String>,
    /// The document date.
    pub date: Option<chrono::NaiveDate>,
    /// The document date in words: "30 september 2025".
    pub date_text: Option<String>,
    /// The programme's web address and e-mail address, for the title page.
    pub website: Option<String>,
    pub email: Option<String>,
    /// The web address in full (`https://…`), for a link to it; `website` is how it is shown.
    pub website_url: Option<String>,
    /// Where the document comes from, as a sentence for the title page ("Gemaakt met …").
    pub colophon: Option<String>,
    /// The program that made it, for the file's metadata only: "koers 0.1.0".
    pub generator: String,
    /// Not yet adopted (a concept).
    pub draft: bool,
    /// A title page before the content.
    pub cover: bool,
    /// A table of contents after the title page.
    pub contents: bool,
    /// The deepest heading level the table of contents lists.
    pub contents_depth: u8,
    /// The kind of document (`rapportage`, `regioplan`, `informatiepakket`): a house style may
    /// set each apart.
    pub kind: String,
    /// Each chapter (a section of kind `chapter`) starts on a new page in the paged formats;
    /// otherwise chapters follow each other, set apart by space.
    pub chapters_on_new_pages: bool,
    /// The programme's logo, for the title page and the page's header (not in the JSON: typst
    /// reads its file and alt text from `/huisstijl.json`).
    #[serde(skip)]
    pub logo: Option<Box<Figure>>,
}

impl Metadata {
    /// Metadata with a title, in Dutch (nl-NL), by `author`, made by this koers; the rest empty.
    pub fn new(title: impl Into<String>, author: impl Into<String>) -> Metadata {
        Metadata {
            title: title.into(),
            subtitle: None,
            period: None,
            language: "nl-NL".into(),
            author: author.into(),
            publication: None,
            date: None,
            date_text: None,
            website: None,
            email: None,
            website_url: None,
            colophon: None,
            generator: concat!("koers ", env!("CARGO_PKG_VERSION")).into(),
            draft: false,
            cover: true,
            contents: true,
            contents_depth: 2,
            kind: String::new(),
            chapters_on_new_pages: true,
            logo: None,
        }
    }

    /// The language's primary subtag and region: ("nl", Some("NL")) for "nl-NL".
    pub fn language_parts(&self) -> (&str, Option<&str>) {
        let mut parts = self.language.split('-');
        let lang = parts.next().unwrap_or("nl");
        let region = parts.find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()));
        (lang, region)
    }
}

/// A block of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A heading: `level` 1 is a chapter. `outlined`: listed in the table of contents (a heading
    /// inside a Markdown text is not). `kicker`: a small label shown above it ("Themalijn").
    Heading {
        level: u8,
        content: Vec<Inline>,
        anchor: Option<String>,
        outlined: bool,
        kicker: Option<String>,
    },
    Paragraph {
        style: ParagraphStyle,
        content: Vec<Inline>,
    },
    /// Each item is a list of blocks (a nested list is a block of its item).
    List {
        ordered: bool,
        start: u64,
        style: ListStyle,
        items: Vec<Vec<Block>>,
    },
    Table(Table),
    /// A box beside the text: "Interessant!", "Tip!" or without a label.
    #[serde(rename = "box")]
    Callout {
        kind: CalloutKind,
        title: Option<String>,
        content: Vec<Block>,
        link: Option<CalloutLink>,
    },
    /// The phases of a project, in order, and where it stands.
    PhaseLadder {
        steps: Vec<PhaseStep>,
    },
    /// Key facts as label–value pairs ("Startdatum: maart 2024").
    Facts {
        items: Vec<Fact>,
    },
    /// Terms and their descriptions (the phase definitions).
    Definitions {
        items: Vec<Definition>,
    },
    Chart(Chart),
    /// Who signs a text: names, and their functions below.
    Signature {
        names: String,
        roles: Option<String>,
    },
    Quote {
        content: Vec<Block>,
    },
    /// Preformatted text, its lines kept.
    Code {
        text: String,
    },
    /// A horizontal rule between parts of a text.
    Rule,
    /// A hint to the paged formats.
    Break {
        kind: BreakKind,
    },
    /// A group of blocks (a chapter, a project), with an anchor to link to it.
    Section {
        kind: SectionKind,
        anchor: Option<String>,
        content: Vec<Block>,
    },
    /// An image from the data (a themalijn's ambition figure), with its alt text.
    Figure(Figure),
}

/// What a section is: a chapter (its first block is a level-1 heading), a project's part of a
/// report (kept together at its start), or another group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Chapter,
    Project,
    #[default]
    Part,
}

/// An image from the data: its file beside the JSON (`figuur/<name>`), its alt text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Unique in its document.
    pub id: String,
    /// The file's path beside the JSON: `figuur/<id>.<ext>`.
    pub image: String,
    /// `image/png`, `image/jpeg`, `image/svg+xml`.
    pub mime: String,
    pub alt: String,
    /// The bytes (not in the JSON: the file at `image` is).
    #[serde(skip)]
    pub bytes: std::sync::Arc<Vec<u8>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphStyle {
    #[default]
    Body,
    /// Set apart in a quieter colour: "Geen resultaten gemeld in deze periode."
    Muted,
    /// Smaller: notes under a table, source addresses.
    Small,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ListStyle {
    #[default]
    Default,
    /// The results of a period, with their own marker.
    Results,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CalloutKind {
    Interessant,
    Tip,
    Plain,
}

/// The link line of a box; without an address it is shown as text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalloutLink {
    pub text: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhaseStep {
    pub name: String,
    pub state: StepState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    Passed,
    Current,
    Upcoming,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    pub label: Vec<Inline>,
    pub value: Vec<Inline>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Definition {
    pub term: Vec<Inline>,
    pub description: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakKind {
    /// Start a new page here, unless the page is still empty.
    Page,
    /// Keep the next block on one page with the block after it.
    KeepWithNext,
}

/// A table: a header row (the columns' headers), rows of cells, a caption.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub caption: Option<Vec<Inline>>,
    pub columns: Vec<Column>,
    /// The first cell of each row heads that row.
    pub row_headers: bool,
    pub rows: Vec<Row>,
    /// A long two-column table (the glossary) may stand in two halves side by side.
    pub side_by_side: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub header: Vec<Inline>,
    pub align: Align,
    /// The cells are numbers (aligned right, in figures of one width).
    pub numeric: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    #[default]
    Default,
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub style: RowStyle,
    /// One cell a column; a cell is blocks (most often one paragraph).
    pub cells: Vec<Vec<Block>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RowStyle {
    #[default]
    Normal,
    /// A subproject under the row before: indented.
    Sub,
    /// A total, set apart.
    Total,
}

/// A chart: its image with alt text, and the same numbers as a table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    /// Unique in its document.
    pub id: String,
    /// Caption and the image's title.
    pub title: String,
    /// The numbers in words: the image's alt text.
    pub description: String,
    /// The image's path beside the JSON: `grafiek/<id>.svg`.
    pub image: String,
    /// The size of the image in CSS pixels.
    pub width: u32,
    pub height: u32,
    pub table: Table,
    /// The alt text a PDF can hold (PDF/A limits a string): `description`, shortened if need be.
    pub description_pdf: String,
    /// Where a paged format puts it: where it stands, or at the foot of the page (else the next).
    pub placement: ChartPlacement,
    /// The SVG document itself (not in the JSON: the file at `image` is).
    #[serde(skip)]
    pub svg: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ChartPlacement {
    #[default]
    Inline,
    Bottom,
}

impl Chart {
    /// A chart whose image is the file `grafiek/<id>.svg`.
    pub fn new(id: &str, title: &str, description: &str, svg: String, size: (u32, u32), table: Table) -> Chart {
        Chart {
            id: id.to_string(),
            title: title.to_string(),
            description: description.to_string(),
            image: format!("grafiek/{id}.svg"),
            width: size.0,
            height: size.1,
            table,
            description_pdf: description.to_string(),
            placement: ChartPlacement::Inline,
            svg,
        }
    }
}

/// An inline run of text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Strong {
        content: Vec<Inline>,
    },
    Emphasis {
        content: Vec<Inline>,
    },
    Strikethrough {
        content: Vec<Inline>,
    },
    Code {
        text: String,
    },
    /// A link to a web or mail address (`https:`, `http:`, `mailto:`).
    Link {
        url: String,
        content: Vec<Inline>,
    },
    /// A link to an anchor in the same document.
    InternalLink {
        anchor: String,
        content: Vec<Inline>,
    },
    /// An abbreviation of the glossary as written, with its meaning and the glossary's anchor.
    Abbreviation {
        short: String,
        meaning: String,
        anchor: String,
    },
    /// A footnote at its place: `id` names it for later references.
    Footnote {
        id: String,
        content: Vec<Block>,
    },
    /// A further reference to the footnote `id` given before.
    FootnoteRef {
        id: String,
    },
    LineBreak,
}

// ---------------------------------------------------------------------------------------------
// Building

impl Inline {
    pub fn text(s: impl Into<String>) -> Inline {
        Inline::Text { text: s.into() }
    }
}

/// Plain text as inlines: one text run (none when empty).
pub fn text(s: impl Into<String>) -> Vec<Inline> {
    let s = s.into();
    if s.is_empty() { Vec::new() } else { vec![Inline::Text { text: s }] }
}

impl Block {
    /// A body paragraph.
    pub fn paragraph(content: Vec<Inline>) -> Block {
        Block::Paragraph { style: ParagraphStyle::Body, content }
    }

    /// A heading listed in the table of contents.
    pub fn heading(level: u8, content: Vec<Inline>, anchor: Option<&str>) -> Block {
        Block::Heading { level, content, anchor: anchor.map(str::to_string), outlined: true, kicker: None }
    }
}

impl Table {
    /// A table with these column headers (plain text) and no rows yet.
    pub fn with_headers(headers: &[&str]) -> Table {
        Table {
            caption: None,
            columns: headers
                .iter()
                .map(|h| Column { header: text(*h), align: Align::Default, numeric: false })
                .collect(),
            row_headers: false,
            rows: Vec::new(),
            side_by_side: false,
        }
    }

    /// Add a row of plain-text cells.
    pub fn push_text_row(&mut self, style: RowStyle, cells: &[&str]) {
        self.rows.push(Row { style, cells: cells.iter().map(|c| vec![Block::paragraph(text(*c))]).collect() });
    }
}

// ---------------------------------------------------------------------------------------------
// Reading

impl Document {
    /// The JSON the typst templates read (see the module documentation for its shape).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a document serialises")
    }

    /// Every text a reader sees in the document, one string per paragraph-like unit (a heading, a
    /// paragraph, a table cell, a footnote, a title-page line…), in document order: what each
    /// format must show. A footnote's text comes right after the unit that refers to it; runs
    /// within a unit are joined as they are shown (a line break as a space).
    pub fn texts(&self) -> Vec<String> {
        self.collect_texts(false)
    }

    /// As [`Document::texts`], with each footnote's number at its reference, as a paged format
    /// shows it (the notes numbered 1, 2, … in document order; a further reference shows the
    /// number of its note).
    pub fn texts_with_note_numbers(&self) -> Vec<String> {
        self.collect_texts(true)
    }

    fn collect_texts(&self, numbers: bool) -> Vec<String> {
        let mut c = Texts { out: Vec::new(), numbers: numbers.then(HashMap::new), in_note: false };
        let m = &self.metadata;
        if m.cover {
            let lines =
                [Some(&m.author), Some(&m.title), m.subtitle.as_ref(), m.period.as_ref(), m.publication.as_ref()];
            c.out.extend(lines.into_iter().flatten().cloned());
            c.out.extend([m.email.as_ref(), m.website.as_ref(), m.colophon.as_ref()].into_iter().flatten().cloned());
        }
        c.blocks(&self.blocks);
        let mut out = c.out;
        out.retain(|t| !t.trim().is_empty());
        out
    }
    /// The headings in order, as (level, text).
    pub fn headings(&self) -> Vec<(u8, String)> {
        let mut out = Vec::new();
        fn walk(blocks: &[Block], out: &mut Vec<(u8, String)>) {
            for b in blocks {
                match b {
                    Block::Heading { level, content, .. } => out.push((*level, inline_text(content))),
                    Block::Section { content, .. } | Block::Quote { content } => walk(content, out),
                    Block::Callout { content, .. } => walk(content, out),
                    Block::List { items, .. } => items.iter().for_each(|i| walk(i, out)),
                    _ => {}
                }
            }
        }
        walk(&self.blocks, &mut out);
        out
    }
}

/// The text of inlines as shown, without their footnotes.
pub fn inline_text(inlines: &[Inline]) -> String {
    let mut c = Texts { out: Vec::new(), numbers: None, in_note: false };
    let mut s = String::new();
    c.inlines(inlines, &mut s, &mut Vec::new());
    s
}

/// The texts of blocks, one string per paragraph-like unit (without note numbers).
pub(crate) fn blocks_texts(blocks: &[Block], out: &mut Vec<String>) {
    let mut c = Texts { out: std::mem::take(out), numbers: None, in_note: false };
    c.blocks(blocks);
    *out = c.out;
}

/// Collects the texts of a document; with `numbers`, each footnote's number (by its id).
struct Texts {
    out: Vec<String>,
    numbers: Option<HashMap<String, usize>>,
    in_note: bool,
}

impl Texts {
    fn inlines(&mut self, inlines: &[Inline], s: &mut String, notes: &mut Vec<Vec<Block>>) {
        for i in inlines {
            match i {
                Inline::Text { text } | Inline::Code { text } => s.push_str(text),
                Inline::Strong { content }
                | Inline::Emphasis { content }
                | Inline::Strikethrough { content }
                | Inline::Link { content, .. }
                | Inline::InternalLink { content, .. } => self.inlines(content, s, notes),
                Inline::Abbreviation { short, .. } => s.push_str(short),
                Inline::Footnote { id, content } => {
                    // A note in a note is shown in brackets at its place.
                    if self.in_note {
                        let mut inner = Texts { out: Vec::new(), numbers: None, in_note: true };
                        inner.blocks(content);
                        s.push_str(&format!(" ({})", inner.out.join(" ")));
                        continue;
                    }
                    if let Some(numbers) = &mut self.numbers {
                        let n = numbers.len() + 1;
                        numbers.insert(id.clone(), n);
                        s.push_str(&n.to_string());
                    }
                    notes.push(content.clone());
                }
                Inline::FootnoteRef { id } => {
                    if let Some(n) = self.numbers.as_ref().and_then(|m| m.get(id)) {
                        s.push_str(&n.to_string());
                    }
                }
                Inline::LineBreak => s.push(' '),
            }
        }
    }

    fn unit(&mut self, inlines: &[Inline]) {
        let mut s = String::new();
        let mut notes = Vec::new();
        self.inlines(inlines, &mut s, &mut notes);
        self.out.push(s);
        for n in notes {
            let outer = std::mem::replace(&mut self.in_note, true);
            self.blocks(&n);
            self.in_note = outer;
        }
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            match b {
                Block::Heading { content, kicker, .. } => {
                    self.out.extend(kicker.iter().cloned());
                    self.unit(content);
                }
                Block::Paragraph { content, .. } => self.unit(content),
                Block::List { items, .. } => items.iter().for_each(|i| self.blocks(i)),
                Block::Table(t) => self.table(t),
                Block::Callout { title, content, link, .. } => {
                    self.out.extend(title.iter().cloned());
                    self.blocks(content);
                    self.out.extend(link.iter().map(|l| l.text.clone()));
                }
                Block::PhaseLadder { steps } => self.out.extend(steps.iter().map(|s| s.name.clone())),
                Block::Facts { items } => items.iter().for_each(|f| {
                    self.unit(&f.label);
                    self.unit(&f.value);
                }),
                Block::Definitions { items } => items.iter().for_each(|d| {
                    self.unit(&d.term);
                    self.blocks(&d.description);
                }),
                Block::Chart(c) => {
                    self.out.push(c.title.clone());
                    self.table(&c.table);
                }
                Block::Signature { names, roles } => self.out.extend(std::iter::once(names).chain(roles).cloned()),
                Block::Quote { content } | Block::Section { content, .. } => self.blocks(content),
                Block::Code { text } => self.out.extend(text.lines().map(str::to_string)),
                Block::Figure(f) => self.out.push(f.alt.clone()),
                Block::Rule | Block::Break { .. } => {}
            }
        }
    }

    fn table(&mut self, t: &Table) {
        if let Some(c) = &t.caption {
            self.unit(c);
        }
        t.columns.iter().for_each(|c| self.unit(&c.header));
        for r in &t.rows {
            r.cells.iter().for_each(|c| self.blocks(c));
        }
    }
}

/// Every anchor a block of the document defines (headings and sections), in order.
pub fn anchors(blocks: &[Block]) -> Vec<&str> {
    let mut out = Vec::new();
    fn walk<'b>(blocks: &'b [Block], out: &mut Vec<&'b str>) {
        for b in blocks {
            match b {
                Block::Heading { anchor: Some(a), .. } => out.push(a),
                Block::Section { anchor, content, .. } => {
                    out.extend(anchor.as_deref());
                    walk(content, out);
                }
                Block::Callout { content, .. } | Block::Quote { content } => walk(content, out),
                Block::List { items, .. } => items.iter().for_each(|i| walk(i, out)),
                Block::Definitions { items } => items.iter().for_each(|d| walk(&d.description, out)),
                Block::Table(t) => t.rows.iter().flat_map(|r| &r.cells).for_each(|c| walk(c, out)),
                _ => {}
            }
        }
    }
    walk(blocks, &mut out);
    out
}
