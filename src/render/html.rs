//! The HTML of any document tree ([`crate::render::doc`]): one writer for every kind of document, by
//! block and inline kind. It makes the parts of the page — the title block, the body (table of
//! contents, content, footnotes) and the footer line — and `base.html` (a template a designer may
//! override, styled by `theme.css` and `document.css`) puts them in the page shell.
//!
//! Every text of the tree is data: it is escaped, never read as markup. The only markup that is
//! not the writer's own is a chart's SVG, which koers draws itself ([`crate::render::chart`]).
//!
//! Footnotes are numbered 1, 2, … in document order, as the paged formats number them; each stands
//! in a list at the end of the part that refers to it (before the next heading or section, or at
//! the end of its section), with a link back to each reference.

use crate::render::doc::{
    Align, Block, CalloutKind, Chart, Document, Figure, Inline, ListStyle, Metadata, ParagraphStyle, RowStyle,
    SectionKind, StepState, Table, inline_text,
};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

/// The parts of a document's page, each a fragment of HTML, for `base.html`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The page's `<title>`, as text (the template escapes it).
    pub title: String,
    /// The language's primary subtag (`nl`), for `<html lang>`.
    pub language: String,
    /// The title block: the programme, the title and the lines under it.
    pub cover: String,
    /// The table of contents (when the document has one), the content and its footnotes.
    pub body: String,
    /// The line of the footer about who publishes the document.
    pub footer: String,
}

/// Escape text for HTML content and attribute values.
pub use crate::core::text::escape_markup as escape;

/// The page of a document.
pub fn write(doc: &Document) -> Page {
    let m = &doc.metadata;
    let mut w = Writer::new(doc);
    // A document without a title page begins with its title block: the blocks before its first
    // section stand in the page's header.
    let lead = if !m.cover && doc.blocks.iter().any(|b| matches!(b, Block::Section { .. })) {
        doc.blocks.iter().take_while(|b| !matches!(b, Block::Section { .. })).count()
    } else {
        0
    };
    let mut cover = String::new();
    let _ = writeln!(cover, "<p class=\"programma\">{}</p>", escape(&m.author));
    if m.cover {
        let _ = writeln!(cover, "<h1>{}</h1>", escape(&m.title));
        for (class, line) in [("periode", &m.subtitle), ("periode", &m.period), ("publicatie", &m.publication)] {
            if let Some(line) = line {
                let _ = writeln!(cover, "<p class=\"{class}\">{}</p>", escape(line));
            }
        }
    }
    w.blocks(&doc.blocks[..lead]);
    w.flush_notes();
    cover.push_str(&std::mem::take(&mut w.out));
    if m.contents {
        w.toc(&doc.blocks[lead..]);
    }
    w.blocks(&doc.blocks[lead..]);
    w.flush_notes();
    Page { title: page_title(m), language: m.language_parts().0.to_string(), cover, body: w.out, footer: footer(m) }
}

/// The page's title: the document's title with what sets it apart, and who publishes it.
fn page_title(m: &Metadata) -> String {
    let mut parts = vec![m.title.as_str()];
    parts.extend(m.subtitle.as_deref());
    parts.extend(m.period.as_deref());
    if !m.cover {
        parts.extend(m.date_text.as_deref());
    }
    if !m.title.contains(&m.author) {
        parts.push(&m.author);
    }
    parts.join(" – ")
}

/// "Programme · e-mail · website", the addresses as links.
fn footer(m: &Metadata) -> String {
    let mut s = format!("<p>{}", escape(&m.author));
    if let Some(e) = &m.email {
        let _ = write!(s, " · <a href=\"mailto:{}\">{}</a>", escape(e), escape(e));
    }
    if let Some(site) = &m.website {
        match &m.website_url {
            Some(url) => {
                let _ = write!(s, " · <a href=\"{}\">{}</a>", escape(url), escape(site));
            }
            None => {
                let _ = write!(s, " · {}", escape(site));
            }
        }
    }
    s.push_str("</p>");
    s
}

/// A footnote waiting for the end of its part: its number, its HTML and how often it was referred to.
struct Note {
    number: usize,
    html: String,
    references: usize,
}

struct Writer {
    out: String,
    /// Added to a heading's level: 1 when the title page holds the page's `h1`.
    shift: u8,
    /// The anchors the document defines: an internal link to another is shown as its text.
    anchors: HashSet<String>,
    /// The ids given to headings that have no anchor of their own but are listed in the contents.
    heading_ids: HashMap<*const Block, String>,
    /// Each footnote's number by its id (the latest note of that id).
    numbers: HashMap<String, usize>,
    pending: Vec<Note>,
    notes: usize,
    /// How deep in a container (list, table, box, quote, note) the writer is: notes are listed
    /// only at the top.
    depth: usize,
    in_note: bool,
    tables: usize,
    contents_depth: u8,
}

fn level_of(shift: u8, level: u8) -> u8 {
    (level.saturating_add(shift)).clamp(1, 6)
}

impl Writer {
    fn new(doc: &Document) -> Writer {
        let anchors: HashSet<String> =
            crate::render::doc::anchors(&doc.blocks).into_iter().map(str::to_string).collect();
        let mut w = Writer {
            out: String::new(),
            shift: u8::from(doc.metadata.cover),
            anchors,
            heading_ids: HashMap::new(),
            numbers: HashMap::new(),
            pending: Vec::new(),
            notes: 0,
            depth: 0,
            in_note: false,
            tables: 0,
            contents_depth: doc.metadata.contents_depth,
        };
        if doc.metadata.contents {
            // Headings the contents list without an anchor get one: kop-1, kop-2, …
            let mut n = 0;
            let mut taken = w.anchors.clone();
            for h in outlined(&doc.blocks, w.contents_depth) {
                if let Block::Heading { anchor: None, .. } = h {
                    let id = loop {
                        n += 1;
                        let id = format!("kop-{n}");
                        if taken.insert(id.clone()) {
                            break id;
                        }
                    };
                    w.heading_ids.insert(h as *const Block, id);
                }
            }
        }
        w
    }

    fn heading_id(&self, b: &Block) -> Option<String> {
        match b {
            Block::Heading { anchor: Some(a), .. } => Some(a.clone()),
            _ => self.heading_ids.get(&(b as *const Block)).cloned(),
        }
    }

    /// The table of contents: the outlined headings down to the document's depth, nested.
    fn toc(&mut self, blocks: &[Block]) {
        let entries: Vec<(u8, String, String)> = outlined(blocks, self.contents_depth)
            .into_iter()
            .filter_map(|h| {
                let Block::Heading { level, content, kicker, .. } = h else { return None };
                let text = match kicker {
                    Some(k) => format!("{k} {}", inline_text(content)),
                    None => inline_text(content),
                };
                Some((*level, self.heading_id(h)?, text))
            })
            .collect();
        if entries.is_empty() {
            return;
        }
        self.out.push_str("<nav class=\"toc\" aria-labelledby=\"inhoud\">\n<h2 id=\"inhoud\">Inhoudsopgave</h2>\n");
        toc_list(&entries, &mut self.out);
        self.out.push_str("\n</nav>\n");
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            self.block(b);
        }
    }

    /// Blocks inside a container (a list item, a cell, a box): their notes wait for its end.
    fn nested(&mut self, blocks: &[Block]) {
        self.depth += 1;
        self.blocks(blocks);
        self.depth -= 1;
    }

    /// Long because it is the one match over every kind of block of the tree (a writer knows block
    /// kinds, not documents); each arm is short.
    fn block(&mut self, b: &Block) {
        match b {
            Block::Heading { level, content, kicker, .. } => {
                self.flush_notes();
                if let Some(k) = kicker {
                    let _ = writeln!(self.out, "<span class=\"bovenschrift\">{}</span>", escape(k));
                }
                let h = level_of(self.shift, *level);
                let id = self.heading_id(b).map(|a| format!(" id=\"{}\"", escape(&a))).unwrap_or_default();
                let _ = write!(self.out, "<h{h}{id}>");
                self.inlines(content);
                let _ = writeln!(self.out, "</h{h}>");
            }
            Block::Paragraph { style, content } => {
                // A paragraph of one link alone (a source's address) is a target of its own.
                let alone = matches!(content.as_slice(), [Inline::Link { .. }]);
                let class = match (style, alone) {
                    (ParagraphStyle::Body, false) => "",
                    (ParagraphStyle::Body, true) => " class=\"link\"",
                    (ParagraphStyle::Muted, _) => " class=\"zacht\"",
                    (ParagraphStyle::Small, false) => " class=\"klein\"",
                    (ParagraphStyle::Small, true) => " class=\"klein link\"",
                };
                let _ = write!(self.out, "<p{class}>");
                self.inlines(content);
                self.out.push_str("</p>\n");
            }
            Block::List { ordered, start, style, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                self.out.push('<');
                self.out.push_str(tag);
                if *style == ListStyle::Results {
                    self.out.push_str(" class=\"resultaten\"");
                }
                if *ordered && *start != 1 {
                    let _ = write!(self.out, " start=\"{start}\"");
                }
                self.out.push_str(">\n");
                for item in items {
                    self.out.push_str("<li>");
                    self.cell(item);
                    self.out.push_str("</li>\n");
                }
                let _ = writeln!(self.out, "</{tag}>");
            }
            Block::Table(t) => self.table(t, None),
            Block::Callout { kind, title, content, link } => {
                let label = title.as_ref().map(|t| format!(" aria-label=\"{}\"", escape(t))).unwrap_or_default();
                let kind = match kind {
                    CalloutKind::Interessant => "interessant",
                    CalloutKind::Tip => "tip",
                    CalloutKind::Plain => "tekst",
                };
                let _ = write!(self.out, "<aside class=\"interessant kader-{kind}\"{label}>");
                if let Some(t) = title {
                    let _ = write!(self.out, "<strong>{}</strong>", escape(t));
                }
                self.out.push('\n');
                self.nested(content);
                if let Some(l) = link {
                    match &l.url {
                        Some(url) => {
                            let _ = writeln!(
                                self.out,
                                "<p class=\"link\"><a href=\"{}\">{}</a></p>",
                                escape(url),
                                escape(&l.text)
                            );
                        }
                        None => {
                            let _ = writeln!(self.out, "<p class=\"link\">{}</p>", escape(&l.text));
                        }
                    }
                }
                self.out.push_str("</aside>\n");
            }
            Block::PhaseLadder { steps } => {
                self.out.push_str("<ol class=\"fasen\" aria-label=\"Projectfasen\">");
                for s in steps {
                    let attrs = match s.state {
                        StepState::Passed => " class=\"voorbij\"",
                        StepState::Current => " class=\"actief\" aria-current=\"step\"",
                        StepState::Upcoming => "",
                    };
                    let _ = write!(self.out, "<li{attrs}>{}</li>", escape(&s.name));
                }
                self.out.push_str("</ol>\n");
            }
            Block::Facts { items } => {
                self.out.push_str("<dl class=\"feiten\">\n");
                self.depth += 1;
                for f in items {
                    self.out.push_str("<dt>");
                    self.inlines(&f.label);
                    self.out.push_str("</dt><dd>");
                    self.inlines(&f.value);
                    self.out.push_str("</dd>\n");
                }
                self.depth -= 1;
                self.out.push_str("</dl>\n");
            }
            Block::Definitions { items } => {
                self.out.push_str("<dl class=\"definities\">\n");
                for d in items {
                    self.out.push_str("<dt>");
                    self.inlines(&d.term);
                    self.out.push_str("</dt><dd>");
                    self.nested(&d.description);
                    self.out.push_str("</dd>\n");
                }
                self.out.push_str("</dl>\n");
            }
            Block::Chart(c) => self.chart(c),
            Block::Signature { names, roles } => {
                let _ = write!(self.out, "<p class=\"ondertekening\"><strong>{}</strong>", escape(names));
                if let Some(r) = roles {
                    let _ = write!(self.out, "<br>{}", escape(r));
                }
                self.out.push_str("</p>\n");
            }
            Block::Quote { content } => {
                self.out.push_str("<blockquote>\n");
                self.nested(content);
                self.out.push_str("</blockquote>\n");
            }
            Block::Code { text } => {
                let _ = writeln!(self.out, "<pre><code>{}</code></pre>", escape(text));
            }
            Block::Rule => self.out.push_str("<hr>\n"),
            // The page is not paged: a break is a hint for print only.
            Block::Break { .. } => {}
            Block::Section { kind, anchor, content } => {
                self.flush_notes();
                let heading = match content.first() {
                    Some(h @ Block::Heading { .. }) => self.heading_id(h),
                    _ => None,
                };
                let mut attrs = String::new();
                if *kind == SectionKind::Project {
                    attrs.push_str(" class=\"project\"");
                }
                if let Some(a) = anchor.as_ref().filter(|a| heading.as_ref() != Some(*a)) {
                    let _ = write!(attrs, " id=\"{}\"", escape(a));
                }
                if let Some(h) = &heading {
                    let _ = write!(attrs, " aria-labelledby=\"{}\"", escape(h));
                }
                let _ = writeln!(self.out, "<section{attrs}>");
                self.blocks(content);
                self.flush_notes();
                self.out.push_str("</section>\n");
            }
            Block::Figure(f) => self.figure(f),
        }
    }

    /// The blocks of a list item or a table cell: one paragraph is its text alone (and so is a
    /// paragraph with lists under it).
    fn cell(&mut self, blocks: &[Block]) {
        match blocks {
            [Block::Paragraph { style: ParagraphStyle::Body, content }, rest @ ..]
                if rest.iter().all(|b| matches!(b, Block::List { .. })) =>
            {
                self.depth += 1;
                self.inlines(content);
                if !rest.is_empty() {
                    self.out.push('\n');
                    self.blocks(rest);
                }
                self.depth -= 1;
            }
            _ => {
                self.out.push('\n');
                self.nested(blocks);
            }
        }
    }

    /// A table; `class` for a chart's table.
    fn table(&mut self, t: &Table, class: Option<&str>) {
        self.tables += 1;
        let caption_id = format!("tabel-{}", self.tables);
        if class.is_some() {
            self.out.push_str("<div class=\"tabel-wrap\">\n");
        } else if t.caption.is_some() {
            // A table wider than the screen scrolls: a region the keyboard can reach.
            let _ = writeln!(
                self.out,
                "<div class=\"tabel-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{caption_id}\">"
            );
        } else {
            let _ = writeln!(
                self.out,
                "<div class=\"tabel-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tabel {}\">",
                self.tables
            );
        }
        let mut classes: Vec<&str> = class.into_iter().collect();
        if t.columns.iter().any(|c| c.numeric) {
            classes.push("numeriek");
        }
        if classes.is_empty() {
            self.out.push_str("<table>\n");
        } else {
            let _ = writeln!(self.out, "<table class=\"{}\">", classes.join(" "));
        }
        self.depth += 1;
        if let Some(c) = &t.caption {
            let _ = write!(self.out, "<caption id=\"{caption_id}\">");
            self.inlines(c);
            self.out.push_str("</caption>\n");
        }
        let cell_class = |i: usize| -> &'static str {
            let c = &t.columns[i.min(t.columns.len().saturating_sub(1))];
            match (c.numeric, c.align) {
                (true, _) | (_, Align::Right) => " class=\"getal\"",
                (_, Align::Center) => " class=\"midden\"",
                _ => "",
            }
        };
        if !t.columns.is_empty() {
            self.out.push_str("<thead><tr>");
            for (i, c) in t.columns.iter().enumerate() {
                let _ = write!(self.out, "<th scope=\"col\"{}>", cell_class(i));
                self.inlines(&c.header);
                self.out.push_str("</th>");
            }
            self.out.push_str("</tr></thead>\n");
        }
        self.out.push_str("<tbody>\n");
        for r in &t.rows {
            match r.style {
                RowStyle::Normal => self.out.push_str("<tr>"),
                RowStyle::Sub => self.out.push_str("<tr class=\"sub\">"),
                RowStyle::Total => self.out.push_str("<tr class=\"totaal\">"),
            }
            for (i, c) in r.cells.iter().enumerate() {
                let (tag, scope) = if i == 0 && t.row_headers { ("th", " scope=\"row\"") } else { ("td", "") };
                let _ = write!(self.out, "<{tag}{scope}{}>", if i == 0 && t.row_headers { "" } else { cell_class(i) });
                self.cell(c);
                let _ = write!(self.out, "</{tag}>");
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table>\n</div>\n");
        self.depth -= 1;
    }

    /// A chart: its caption, the SVG (its title and description inside), and its numbers as a
    /// table to open.
    fn chart(&mut self, c: &Chart) {
        let _ = writeln!(
            self.out,
            "<figure class=\"grafiek\" id=\"grafiek-{}\">\n<figcaption>{}</figcaption>",
            escape(&c.id),
            escape(&c.title)
        );
        // koers draws the SVG itself: its texts are escaped where it is made.
        self.out.push_str(c.svg.trim_end());
        self.out.push_str("\n<details>\n<summary>De cijfers van deze grafiek als tabel</summary>\n");
        self.table(&c.table, Some("grafiek-tabel"));
        self.out.push_str("</details>\n</figure>\n");
    }

    fn figure(&mut self, f: &Figure) {
        use base64::Engine;
        let data = base64::engine::general_purpose::STANDARD.encode(&*f.bytes);
        let _ = writeln!(
            self.out,
            "<figure class=\"figuur\"><img src=\"data:{};base64,{data}\" alt=\"{}\"></figure>",
            escape(&f.mime),
            escape(&f.alt)
        );
    }

    fn inlines(&mut self, inlines: &[Inline]) {
        for i in inlines {
            self.inline(i);
        }
    }

    fn inline(&mut self, i: &Inline) {
        match i {
            Inline::Text { text } => self.out.push_str(&escape(text)),
            Inline::Strong { content } => self.wrap("strong", content),
            Inline::Emphasis { content } => self.wrap("em", content),
            Inline::Strikethrough { content } => self.wrap("del", content),
            Inline::Code { text } => {
                let _ = write!(self.out, "<code>{}</code>", escape(text));
            }
            Inline::Link { url, content } => {
                let _ = write!(self.out, "<a href=\"{}\">", escape(url));
                self.inlines(content);
                self.out.push_str("</a>");
            }
            Inline::InternalLink { anchor, content } => {
                if self.anchors.contains(anchor) {
                    let _ = write!(self.out, "<a href=\"#{}\">", escape(anchor));
                    self.inlines(content);
                    self.out.push_str("</a>");
                } else {
                    self.inlines(content);
                }
            }
            Inline::Abbreviation { short, meaning, anchor } => {
                let abbr = format!("<abbr title=\"{}\">{}</abbr>", escape(meaning), escape(short));
                if self.anchors.contains(anchor) {
                    let _ = write!(self.out, "<a href=\"#{}\">{abbr}</a>", escape(anchor));
                } else {
                    self.out.push_str(&abbr);
                }
            }
            Inline::Footnote { id, content } => {
                if self.in_note {
                    // A note in a note stands in brackets at its place.
                    self.out.push_str(" (");
                    let before = self.out.len();
                    self.note_inline(content);
                    if self.out.len() == before {
                        self.out.truncate(before - 2);
                    } else {
                        self.out.push(')');
                    }
                    return;
                }
                self.notes += 1;
                let n = self.notes;
                self.numbers.insert(id.clone(), n);
                let saved = std::mem::take(&mut self.out);
                self.in_note = true;
                self.nested(content);
                self.in_note = false;
                let html = std::mem::replace(&mut self.out, saved);
                self.pending.push(Note { number: n, html, references: 0 });
                self.reference(n);
            }
            Inline::FootnoteRef { id } => {
                if let Some(n) = self.numbers.get(id).copied() {
                    self.reference(n);
                }
            }
            Inline::LineBreak => self.out.push_str("<br>"),
        }
    }

    /// The inlines of a note's blocks, in a line (a note in a note).
    fn note_inline(&mut self, blocks: &[Block]) {
        let mut texts = Vec::new();
        crate::render::doc::blocks_texts(blocks, &mut texts);
        self.out.push_str(&escape(&texts.join(" ")));
    }

    /// A reference to note `n`: its number, linking to the note, the note linking back.
    fn reference(&mut self, n: usize) {
        let k = match self.pending.iter_mut().find(|p| p.number == n) {
            Some(note) => {
                note.references += 1;
                note.references
            }
            // The note is listed already: the reference leads to it, without a way back.
            None => 0,
        };
        let id = match k {
            0 => String::new(),
            1 => format!(" id=\"voetnoot-{n}-ref\""),
            k => format!(" id=\"voetnoot-{n}-ref-{k}\""),
        };
        let _ = write!(
            self.out,
            "<sup class=\"noot\"><a href=\"#voetnoot-{n}\"{id} aria-label=\"voetnoot {n}\">{n}</a></sup>"
        );
    }

    fn wrap(&mut self, tag: &str, content: &[Inline]) {
        let _ = write!(self.out, "<{tag}>");
        self.inlines(content);
        let _ = write!(self.out, "</{tag}>");
    }

    /// List the notes referred to since the last list, at the top level only.
    fn flush_notes(&mut self) {
        if self.depth > 0 || self.pending.is_empty() {
            return;
        }
        let notes = std::mem::take(&mut self.pending);
        let start = notes[0].number;
        if start == 1 {
            self.out.push_str("<div class=\"footnotes\">\n<ol>\n");
        } else {
            let _ = write!(self.out, "<div class=\"footnotes\">\n<ol start=\"{start}\">\n");
        }
        for note in notes {
            let n = note.number;
            let mut back = String::new();
            for k in 1..=note.references {
                let (target, label) = match k {
                    1 => (format!("voetnoot-{n}-ref"), format!("Terug naar de verwijzing naar voetnoot {n}")),
                    k => (format!("voetnoot-{n}-ref-{k}"), format!("Terug naar verwijzing {k} naar voetnoot {n}")),
                };
                let _ = write!(back, " <a href=\"#{target}\" class=\"footnote-backref\" aria-label=\"{label}\">↩</a>");
            }
            let html = note.html.trim_end();
            // The way back at the end of the note's last paragraph, else after it.
            let body = match html.strip_suffix("</p>") {
                Some(rest) => format!("{rest}{back}</p>"),
                None => format!("{html}{back}"),
            };
            let _ = writeln!(self.out, "<li id=\"voetnoot-{n}\">{body}</li>");
        }
        self.out.push_str("</ol>\n</div>\n");
    }
}

/// A nested list of (level, id, text): each entry holds the deeper ones after it.
fn toc_list(entries: &[(u8, String, String)], out: &mut String) {
    out.push_str("<ol>");
    let mut i = 0;
    while i < entries.len() {
        let (level, id, text) = &entries[i];
        let mut j = i + 1;
        while j < entries.len() && entries[j].0 > *level {
            j += 1;
        }
        let _ = write!(out, "<li><a href=\"#{}\">{}</a>", escape(id), escape(text));
        if j > i + 1 {
            out.push('\n');
            toc_list(&entries[i + 1..j], out);
        }
        out.push_str("</li>\n");
        i = j;
    }
    out.push_str("</ol>");
}

/// The headings the table of contents lists: outlined, no deeper than `depth`, in order.
fn outlined(blocks: &[Block], depth: u8) -> Vec<&Block> {
    let mut out = Vec::new();
    fn walk<'b>(blocks: &'b [Block], depth: u8, out: &mut Vec<&'b Block>) {
        for b in blocks {
            match b {
                Block::Heading { level, outlined: true, .. } if *level <= depth => out.push(b),
                Block::Section { content, .. } => walk(content, depth, out),
                _ => {}
            }
        }
    }
    walk(blocks, depth, &mut out);
    out
}

/// The logo of a document's metadata for the page shell (`base.html`): its alt text and a
/// `data:` URL (the page is self-contained).
pub fn logo(f: &Figure) -> serde_json::Value {
    use base64::Engine;
    let data = base64::engine::general_purpose::STANDARD.encode(&*f.bytes);
    serde_json::json!({ "alt": f.alt, "data_url": format!("data:{};base64,{data}", f.mime) })
}
