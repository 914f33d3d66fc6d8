//! The document tree as an OpenDocument text (ODF 1.3, `.odt`): the open standard for editable
//! documents of Dutch municipalities.
//!
//! Named styles as LibreOffice names them ("Heading 1…6", "Text body", "Caption", "Table
//! Contents", "List 1", "Numbering 123", …), so that a house style's own styles apply; real
//! footnotes (`text:note`); hyperlinks; headings with their outline level and a bookmark at their
//! anchor; charts as SVG with a PNG fallback, with title and description (alt text); document
//! language nl-NL; title and creator in `meta.xml`. The package: `mimetype` first and stored,
//! every entry with the same timestamp, in a fixed order — the same tree gives the same bytes.

use super::RenderError;
use super::office::{self, CoverLine, OfficeStyles, Pending, Side, TEXT_WIDTH_CM, Theme, xml};
use super::zip::{Method, ZipWriter};
use crate::render::doc::{Block, Chart, Document, Inline, ListStyle, ParagraphStyle, Row, RowStyle, StepState, Table};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

const MIME: &str = "application/vnd.oasis.opendocument.text";

const NS: &str = concat!(
    r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#,
    r#"xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" "#,
    r#"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" "#,
    r#"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" "#,
    r#"xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" "#,
    r#"xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" "#,
    r#"xmlns:xlink="http://www.w3.org/1999/xlink" "#,
    r#"xmlns:dc="http://purl.org/dc/elements/1.1/" "#,
    r#"xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" "#,
    r#"xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" "#,
    r#"xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0""#
);

/// The namespaces of koers' ODF parts: (prefix, URI).
pub(crate) fn namespaces() -> Vec<(&'static str, &'static str)> {
    NS.split_whitespace()
        .filter_map(|d| d.strip_prefix("xmlns:")?.split_once('='))
        .map(|(prefix, uri)| (prefix, uri.trim_matches('"')))
        .collect()
}

/// The document as an ODT file.
pub fn write(doc: &Document, styles: &OfficeStyles) -> Result<Vec<u8>, RenderError> {
    let mut w = Writer::new(doc, &styles.theme);
    w.cover(doc);
    w.contents(doc);
    w.blocks(&doc.blocks, &Ctx::body());
    let content = w.content_xml();
    let styles_xml = match &styles.odt {
        Some(reference) => reference_styles(reference, &styles.theme, doc),
        None => builtin_styles(&styles.theme, doc),
    };
    if let Some(e) = w.error.take() {
        return Err(e);
    }
    let mut images = Vec::new();
    for (name, ext, bytes) in &w.figures {
        let mime = if *ext == "png" { "image/png" } else { "image/jpeg" };
        images.push((format!("Pictures/{name}.{ext}"), mime, bytes.clone()));
    }
    let pngs = office::chart_pngs(&w.charts, "Pictures/")?;
    for ((name, svg), png) in w.charts.iter().zip(pngs) {
        images.push((format!("Pictures/{name}.svg"), "image/svg+xml", svg.as_bytes().to_vec()));
        images.push((format!("Pictures/{name}.png"), "image/png", png));
    }
    let mut manifest = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
"#,
    );
    for (path, mime, _) in &images {
        let _ =
            writeln!(manifest, r#" <manifest:file-entry manifest:full-path="{path}" manifest:media-type="{mime}"/>"#);
    }
    manifest.push_str("</manifest:manifest>\n");

    let mut z = ZipWriter::new();
    z.add("mimetype", MIME.as_bytes(), Method::Stored);
    z.add("META-INF/manifest.xml", manifest.as_bytes(), Method::Deflated);
    z.add("content.xml", content.as_bytes(), Method::Deflated);
    z.add("styles.xml", styles_xml.as_bytes(), Method::Deflated);
    z.add("meta.xml", meta_xml(doc).as_bytes(), Method::Deflated);
    for (path, _, data) in &images {
        // Compressed images gain nothing from deflate.
        let method = if path.ends_with(".png") { Method::Stored } else { Method::Deflated };
        z.add(path, data, method);
    }
    Ok(z.finish())
}

/// Where blocks are written, and the paragraph style their body text takes there.
#[derive(Clone)]
struct Ctx {
    body: &'static str,
    /// In a list item: no tables there (ODF allows paragraphs, headings and lists only).
    in_list: bool,
    /// In a footnote: no footnote in a footnote.
    in_note: bool,
}

impl Ctx {
    fn body() -> Ctx {
        Ctx { body: "Text_20_body", in_list: false, in_note: false }
    }
    fn with_body(&self, body: &'static str) -> Ctx {
        Ctx { body, ..self.clone() }
    }
}

/// An automatic paragraph style: a named style with what a place adds to it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct ParaVariant {
    parent: String,
    break_before: bool,
    keep_with_next: bool,
    align: Option<&'static str>,
    indent: bool,
    bold: bool,
    colour: Option<String>,
    /// Starts the document on the first page's master page (the cover: no header or footer).
    first_page: bool,
}

impl ParaVariant {
    fn of(parent: &str) -> ParaVariant {
        ParaVariant {
            parent: parent.to_string(),
            break_before: false,
            keep_with_next: false,
            align: None,
            indent: false,
            bold: false,
            colour: None,
            first_page: false,
        }
    }
    fn is_plain(&self) -> bool {
        *self == ParaVariant::of(&self.parent)
    }
}

struct Writer<'d> {
    theme: &'d Theme,
    /// A figure that could not be embedded: the document fails with it.
    error: Option<RenderError>,
    body: String,
    /// Automatic paragraph styles by what they are, named P1, P2… in the order of first use.
    paragraph_styles: BTreeMap<ParaVariant, String>,
    /// Per table: its style name, whether it starts a page / keeps with the next, column widths.
    table_styles: Vec<(String, bool, bool, Vec<u32>)>,
    anchors: HashSet<&'d str>,
    pending: Pending,
    /// The last character written in this paragraph was white space (ODF collapses spaces).
    after_space: bool,
    notes: u32,
    note_numbers: HashMap<String, u32>,
    tables: u32,
    charts: Vec<(String, String)>,
    /// Figures from the data: (name, extension, bytes).
    figures: Vec<(String, &'static str, Vec<u8>)>,
    image_names: BTreeSet<String>,
    in_link: bool,
}

impl<'d> Writer<'d> {
    fn new(doc: &'d Document, theme: &'d Theme) -> Writer<'d> {
        Writer {
            theme,
            body: String::new(),
            paragraph_styles: BTreeMap::new(),
            table_styles: Vec::new(),
            anchors: crate::render::doc::anchors(&doc.blocks).into_iter().collect(),
            pending: Pending::default(),
            after_space: true,
            notes: 0,
            note_numbers: HashMap::new(),
            tables: 0,
            charts: Vec::new(),
            figures: Vec::new(),
            error: None,
            image_names: BTreeSet::new(),
            in_link: false,
        }
    }

    // -- paragraphs ----------------------------------------------------------------------------

    /// The style a paragraph of `variant` is written with: the named style itself, or an
    /// automatic one derived from it.
    fn style_name(&mut self, variant: ParaVariant) -> String {
        if variant.is_plain() {
            return variant.parent;
        }
        let next = format!("P{}", self.paragraph_styles.len() + 1);
        self.paragraph_styles.entry(variant).or_insert(next).clone()
    }

    /// Open a paragraph (`text:p`) or heading (`text:h`, with `attrs`), taking what is pending.
    fn open(&mut self, tag: &str, mut variant: ParaVariant, attrs: &str) {
        if std::mem::take(&mut self.pending.page_break) {
            variant.break_before = true;
        }
        if std::mem::take(&mut self.pending.keep_with_next) {
            variant.keep_with_next = true;
        }
        let style = self.style_name(variant);
        let _ = write!(self.body, r#"<{tag} text:style-name="{}"{attrs}>"#, xml(&style));
        for b in std::mem::take(&mut self.pending.bookmarks) {
            let _ = write!(self.body, r#"<text:bookmark text:name="{}"/>"#, xml(&b));
        }
        self.after_space = true;
        self.pending.started = true;
    }

    fn paragraph(&mut self, style: &str, content: &[Inline], cx: &Ctx) {
        self.paragraph_variant(ParaVariant::of(style), content, cx);
    }

    fn paragraph_variant(&mut self, variant: ParaVariant, content: &[Inline], cx: &Ctx) {
        self.open("text:p", variant, "");
        self.inlines(content, cx);
        self.body.push_str("</text:p>");
    }

    fn text_paragraph(&mut self, style: &str, text: &str) {
        self.open("text:p", ParaVariant::of(style), "");
        self.text(text);
        self.body.push_str("</text:p>");
    }

    // -- blocks --------------------------------------------------------------------------------

    fn cover(&mut self, doc: &Document) {
        for (i, (line, content)) in office::cover_lines(&doc.metadata).iter().enumerate() {
            let style = match line {
                CoverLine::Kicker => "Kicker",
                CoverLine::Title => "Title",
                CoverLine::Subtitle => "Subtitle",
                CoverLine::Body => "Text_20_body",
                CoverLine::Small => "Small",
            };
            // The first line puts the cover on its own master page (no header, no footer).
            let variant = ParaVariant { first_page: i == 0, ..ParaVariant::of(style) };
            self.paragraph_variant(variant, content, &Ctx::body());
        }
        // The programme's logo below the title, as the PDF's title page has it.
        if let Some(logo) = &doc.metadata.logo {
            self.image(logo, "Text_20_body", Some(office::LOGO_HEIGHT_CM));
        }
        if self.pending.started {
            self.pending.page_break = true;
            self.pending.started = false;
        }
    }

    /// The table of contents after the title page: a `text:table-of-content` of the outlined
    /// headings down to the document's depth (styles "Contents N"), its entries linked to the
    /// headings' bookmarks. The page numbers are the word processor's: it updates the index.
    fn contents(&mut self, doc: &Document) {
        let entries = office::contents_entries(doc);
        if entries.is_empty() {
            return;
        }
        let depth = doc.metadata.contents_depth.clamp(1, 6);
        let title = office::CONTENTS_TITLE;
        let _ = write!(
            self.body,
            r#"<text:table-of-content text:name="{title}" text:protected="true"><text:table-of-content-source text:outline-level="{depth}" text:use-index-marks="false"><text:index-title-template text:style-name="Contents_20_Heading">{title}</text:index-title-template>"#
        );
        for level in 1..=depth {
            let _ = write!(
                self.body,
                r#"<text:table-of-content-entry-template text:outline-level="{level}" text:style-name="Contents_20_{level}"><text:index-entry-link-start/><text:index-entry-chapter/><text:index-entry-text/><text:index-entry-tab-stop style:type="right" style:leader-char="."/><text:index-entry-page-number/><text:index-entry-link-end/></text:table-of-content-entry-template>"#
            );
        }
        let _ = write!(
            self.body,
            r#"</text:table-of-content-source><text:index-body><text:index-title text:name="{title}_Head">"#
        );
        self.text_paragraph("Contents_20_Heading", title);
        self.body.push_str("</text:index-title>");
        for (level, text, anchor) in entries {
            let style = format!("Contents_20_{level}");
            self.open("text:p", ParaVariant::of(&style), "");
            match anchor.filter(|a| self.anchors.contains(a.as_str())) {
                Some(a) => {
                    let _ = write!(self.body, r##"<text:a xlink:type="simple" xlink:href="#{}">"##, xml(&a));
                    self.text(&text);
                    self.body.push_str("</text:a>");
                }
                None => self.text(&text),
            }
            self.body.push_str("</text:p>");
        }
        self.body.push_str("</text:index-body></text:table-of-content>");
        self.pending.page_break = true;
        self.pending.started = false;
    }

    fn blocks(&mut self, blocks: &[Block], cx: &Ctx) {
        for b in blocks {
            self.block(b, cx);
        }
    }

    /// Long because it is the one match over every kind of block of the tree (a writer knows block
    /// kinds, not documents); each arm is short.
    fn block(&mut self, b: &Block, cx: &Ctx) {
        match b {
            Block::Heading { level, content, anchor, kicker, .. } => {
                let level = (*level).clamp(1, 6);
                if let Some(k) = kicker {
                    let mut v = ParaVariant::of("Kicker");
                    v.keep_with_next = true;
                    self.open("text:p", v, "");
                    self.text(k);
                    self.body.push_str("</text:p>");
                }
                self.pending.bookmarks.extend(anchor.iter().cloned());
                self.open(
                    "text:h",
                    ParaVariant::of(&format!("Heading_20_{level}")),
                    &format!(r#" text:outline-level="{level}""#),
                );
                self.inlines(content, cx);
                self.body.push_str("</text:h>");
            }
            Block::Paragraph { style, content } => {
                let name = match style {
                    ParagraphStyle::Body => cx.body,
                    ParagraphStyle::Muted => "Muted",
                    ParagraphStyle::Small => "Small",
                };
                self.paragraph(name, content, cx);
            }
            Block::List { ordered, start, style, items } => self.list(*ordered, *start, *style, items, cx),
            Block::Table(t) => {
                if cx.in_list {
                    self.flattened(b, cx);
                } else {
                    self.table(t, cx);
                }
            }
            Block::Callout { title, content, link, .. } => {
                if cx.in_list {
                    self.flattened(b, cx);
                    return;
                }
                self.open_table(&[1000]);
                self.body.push_str(
                    r#"<table:table-row><table:table-cell table:style-name="TB" office:value-type="string">"#,
                );
                if let Some(t) = title {
                    self.text_paragraph("Box_20_Title", t);
                }
                let inner = cx.with_body("Box_20_Text");
                self.blocks(content, &inner);
                if let Some(l) = link {
                    self.paragraph("Box_20_Text", &office::callout_link(l), &inner);
                }
                if title.is_none() && content.is_empty() && link.is_none() {
                    self.text_paragraph("Box_20_Text", "");
                }
                self.body.push_str("</table:table-cell></table:table-row></table:table>");
            }
            Block::PhaseLadder { steps } => {
                if cx.in_list || steps.is_empty() {
                    self.flattened(b, cx);
                    return;
                }
                let widths = vec![1000 / steps.len() as u32; steps.len()];
                self.open_table(&widths);
                self.body.push_str("<table:table-row>");
                for (i, s) in steps.iter().enumerate() {
                    let (cell, colour, bold) = match s.state {
                        StepState::Current => ("LC", Some("ffffff".to_string()), true),
                        StepState::Passed => ("LP", Some(self.theme.primary.clone()), false),
                        StepState::Upcoming => ("LU", Some(self.theme.text_muted.clone()), false),
                    };
                    let _ =
                        write!(self.body, r#"<table:table-cell table:style-name="{cell}" office:value-type="string">"#);
                    let mut v = ParaVariant::of("Table_20_Contents");
                    v.align = Some("center");
                    v.bold = bold;
                    v.colour = colour;
                    self.open("text:p", v, "");
                    self.text(&office::step_label(i, &s.name));
                    self.body.push_str("</text:p></table:table-cell>");
                }
                self.body.push_str("</table:table-row></table:table>");
            }
            Block::Facts { items } => {
                if cx.in_list || items.is_empty() {
                    self.flattened(b, cx);
                    return;
                }
                self.open_table(&[300, 700]);
                for f in items {
                    self.body.push_str(
                        r#"<table:table-row><table:table-cell table:style-name="TF" office:value-type="string">"#,
                    );
                    self.paragraph("Fact_20_Label", &f.label, cx);
                    self.body.push_str(
                        r#"</table:table-cell><table:table-cell table:style-name="TF" office:value-type="string">"#,
                    );
                    self.paragraph("Table_20_Contents", &f.value, cx);
                    self.body.push_str("</table:table-cell></table:table-row>");
                }
                self.body.push_str("</table:table>");
            }
            Block::Definitions { items } => {
                for d in items {
                    self.paragraph("Definition_20_Term", &d.term, cx);
                    self.blocks(&d.description, &cx.with_body("Definition"));
                }
            }
            Block::Chart(c) => self.chart(c, cx),
            Block::Signature { names, roles } => {
                self.text_paragraph("Signature", names);
                if let Some(r) = roles {
                    self.text_paragraph("Muted", r);
                }
            }
            Block::Quote { content } => self.blocks(content, &cx.with_body("Quotations")),
            Block::Code { text } => {
                self.open("text:p", ParaVariant::of("Preformatted_20_Text"), "");
                for (i, line) in text.lines().enumerate() {
                    if i > 0 {
                        self.body.push_str("<text:line-break/>");
                        self.after_space = true;
                    }
                    self.text(line);
                }
                self.body.push_str("</text:p>");
            }
            Block::Rule => self.text_paragraph("Horizontal_20_Line", ""),
            Block::Break { kind } => self.pending.hint(*kind),
            Block::Section { anchor, content, .. } => {
                self.pending.bookmarks.extend(anchor.iter().cloned());
                self.blocks(content, cx);
            }
            Block::Figure(f) => self.figure(f),
        }
    }

    /// A figure from the data, as wide as the text, with its alt text.
    fn figure(&mut self, f: &crate::render::doc::Figure) {
        self.image(f, "Chart", None);
    }

    /// An image with its alt text in a paragraph of `style`: `height_cm` high (at most as wide as
    /// the text), else as wide as the text.
    fn image(&mut self, f: &crate::render::doc::Figure, style: &str, height_cm: Option<f64>) {
        let (ext, bytes, (w, h)) = match office::figure_raster(f) {
            Ok(r) => r,
            Err(e) => {
                self.error.get_or_insert(e);
                return;
            }
        };
        let name = office::image_name(&f.id, &mut self.image_names);
        let (width, height) = office::image_size_cm((w, h), height_cm);
        self.open("text:p", ParaVariant::of(style), "");
        let _ = write!(
            self.body,
            concat!(
                r#"<draw:frame draw:style-name="fr1" draw:name="{name}" text:anchor-type="as-char" "#,
                r#"svg:width="{w:.3}cm" svg:height="{h:.3}cm" draw:z-index="0">"#,
                r#"<draw:image xlink:href="Pictures/{name}.{ext}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>"#,
                r#"<svg:desc>{desc}</svg:desc></draw:frame>"#
            ),
            name = xml(&name),
            ext = ext,
            w = width,
            h = height,
            desc = xml(&f.alt),
        );
        self.body.push_str("</text:p>");
        self.figures.push((name, ext, bytes));
    }

    /// A block that has no place here (a table in a list item) as paragraphs of its text.
    fn flattened(&mut self, b: &Block, cx: &Ctx) {
        let mut texts = Vec::new();
        match b {
            Block::Table(t) => {
                if let Some(c) = &t.caption {
                    texts.push(crate::render::doc::inline_text(c));
                }
                let header: Vec<String> =
                    t.columns.iter().map(|c| crate::render::doc::inline_text(&c.header)).collect();
                texts.push(header.join(" | "));
                for r in &t.rows {
                    let cells: Vec<String> = r.cells.iter().map(|c| office::plain_text(c)).collect();
                    texts.push(cells.join(" | "));
                }
            }
            Block::PhaseLadder { steps } => {
                let names: Vec<String> = steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let mark = if s.state == StepState::Current { " (huidige fase)" } else { "" };
                        format!("{}{mark}", office::step_label(i, &s.name))
                    })
                    .collect();
                texts.push(names.join(" › "));
            }
            Block::Facts { items } => texts.extend(items.iter().map(|f| {
                format!("{}: {}", crate::render::doc::inline_text(&f.label), crate::render::doc::inline_text(&f.value))
            })),
            Block::Callout { title, content, link, .. } => {
                texts.extend(title.iter().cloned());
                if !content.is_empty() {
                    texts.push(office::plain_text(content));
                }
                texts.extend(link.iter().map(|l| l.text.clone()));
            }
            _ => {}
        }
        for t in texts {
            self.text_paragraph(cx.body, &t);
        }
    }

    fn list(&mut self, ordered: bool, start: u64, style: ListStyle, items: &[Vec<Block>], cx: &Ctx) {
        let name = match (style, ordered) {
            (ListStyle::Results, _) => "Results",
            (_, true) => "Numbering_20_123",
            (_, false) => "List_20_1",
        };
        let _ = write!(self.body, r#"<text:list text:style-name="{name}">"#);
        let inner = Ctx { body: "List_20_Paragraph", in_list: true, in_note: cx.in_note };
        for (i, item) in items.iter().enumerate() {
            if i == 0 && ordered && start != 1 {
                let _ = write!(self.body, r#"<text:list-item text:start-value="{start}">"#);
            } else {
                self.body.push_str("<text:list-item>");
            }
            if item.is_empty() {
                self.text_paragraph(inner.body, "");
            }
            self.blocks(item, &inner);
            self.body.push_str("</text:list-item>");
        }
        self.body.push_str("</text:list>");
    }

    /// Open a `table:table` with its columns; a page break or keep pending goes to the table.
    fn open_table(&mut self, widths: &[u32]) {
        self.tables += 1;
        let name = format!("Tabel{}", self.tables);
        let page_break = std::mem::take(&mut self.pending.page_break);
        let keep = std::mem::take(&mut self.pending.keep_with_next);
        self.table_styles.push((name.clone(), page_break, keep, widths.to_vec()));
        let _ = write!(self.body, r#"<table:table table:name="{name}" table:style-name="{name}">"#);
        for i in 0..widths.len() {
            let _ = write!(self.body, r#"<table:table-column table:style-name="{name}.{}"/>"#, column_letter(i));
        }
        self.pending.started = true;
    }

    fn table(&mut self, t: &Table, cx: &Ctx) {
        let columns = office::column_count(t);
        if let Some(caption) = &t.caption {
            self.paragraph("Caption", caption, cx);
        }
        self.open_table(&office::column_widths(t, columns));
        let cell_cx = Ctx { body: "Table_20_Contents", in_list: false, in_note: cx.in_note };
        if !t.columns.is_empty() {
            self.body.push_str("<table:table-header-rows><table:table-row>");
            for i in 0..columns {
                self.body.push_str(r#"<table:table-cell table:style-name="TH" office:value-type="string">"#);
                let mut v = ParaVariant::of("Table_20_Heading");
                v.align = alignment(t, i);
                let header = t.columns.get(i).map(|c| c.header.as_slice()).unwrap_or(&[]);
                self.paragraph_variant(v, header, &cell_cx);
                self.body.push_str("</table:table-cell>");
            }
            self.body.push_str("</table:table-row></table:table-header-rows>");
        }
        for row in &t.rows {
            self.row(t, row, columns, &cell_cx);
        }
        self.body.push_str("</table:table>");
    }

    fn row(&mut self, t: &Table, row: &Row, columns: usize, cx: &Ctx) {
        self.body.push_str("<table:table-row>");
        let cell_style = if row.style == RowStyle::Total { "TT" } else { "TD" };
        for i in 0..columns {
            let _ =
                write!(self.body, r#"<table:table-cell table:style-name="{cell_style}" office:value-type="string">"#);
            let mut v = ParaVariant::of("Table_20_Contents");
            v.align = alignment(t, i);
            v.bold = row.style == RowStyle::Total;
            v.indent = row.style == RowStyle::Sub && i == 0;
            match row.cells.get(i).map(Vec::as_slice) {
                None | Some([]) => {
                    self.paragraph_variant(v, &[], cx);
                }
                Some(blocks) => {
                    for b in blocks {
                        match b {
                            Block::Paragraph { style: ParagraphStyle::Body, content } => {
                                self.paragraph_variant(v.clone(), content, cx)
                            }
                            other => self.block(other, cx),
                        }
                    }
                }
            }
            self.body.push_str("</table:table-cell>");
        }
        self.body.push_str("</table:table-row>");
    }

    fn chart(&mut self, c: &Chart, cx: &Ctx) {
        let name = office::image_name(&c.id, &mut self.image_names);
        self.charts.push((name.clone(), c.svg.clone()));
        let width = TEXT_WIDTH_CM;
        let height = width * c.height.max(1) as f64 / c.width.max(1) as f64;
        self.open("text:p", ParaVariant::of("Chart"), "");
        let _ = write!(
            self.body,
            concat!(
                r#"<draw:frame draw:style-name="fr1" draw:name="{name}" text:anchor-type="as-char" "#,
                r#"svg:width="{w:.3}cm" svg:height="{h:.3}cm" draw:z-index="0">"#,
                r#"<draw:image xlink:href="Pictures/{name}.svg" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" draw:mime-type="image/svg+xml"/>"#,
                r#"<draw:image xlink:href="Pictures/{name}.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" draw:mime-type="image/png"/>"#,
                r#"<svg:title>{title}</svg:title><svg:desc>{desc}</svg:desc></draw:frame>"#
            ),
            name = xml(&name),
            w = width,
            h = height,
            title = xml(&c.title),
            desc = xml(&c.description),
        );
        self.body.push_str("</text:p>");
        self.text_paragraph("Caption", &c.title);
        if !cx.in_list {
            self.table(&c.table, cx);
        }
    }

    // -- inlines -------------------------------------------------------------------------------

    fn inlines(&mut self, inlines: &[Inline], cx: &Ctx) {
        for i in inlines {
            self.inline(i, cx);
        }
    }

    fn span(&mut self, style: &str, content: &[Inline], cx: &Ctx) {
        let _ = write!(self.body, r#"<text:span text:style-name="{style}">"#);
        self.inlines(content, cx);
        self.body.push_str("</text:span>");
    }

    fn link(&mut self, href: &str, title: Option<&str>, content: impl FnOnce(&mut Self)) {
        if self.in_link {
            content(self);
            return;
        }
        let title = title.map(|t| format!(r#" office:title="{}""#, xml(t))).unwrap_or_default();
        let _ = write!(
            self.body,
            r#"<text:a xlink:type="simple" xlink:href="{}"{title} text:style-name="Internet_20_link" text:visited-style-name="Visited_20_Internet_20_Link">"#,
            xml(href)
        );
        self.in_link = true;
        content(self);
        self.in_link = false;
        self.body.push_str("</text:a>");
    }

    fn inline(&mut self, i: &Inline, cx: &Ctx) {
        match i {
            Inline::Text { text } => self.text(text),
            Inline::Strong { content } => self.span("Strong_20_Emphasis", content, cx),
            Inline::Emphasis { content } => self.span("Emphasis", content, cx),
            Inline::Strikethrough { content } => self.span("Strikethrough", content, cx),
            Inline::Code { text } => {
                self.body.push_str(r#"<text:span text:style-name="Source_20_Text">"#);
                self.text(text);
                self.body.push_str("</text:span>");
            }
            Inline::Link { url, content } => self.link(url, None, |w| w.inlines(content, cx)),
            Inline::InternalLink { anchor, content } => {
                if self.anchors.contains(anchor.as_str()) {
                    self.link(&format!("#{anchor}"), None, |w| w.inlines(content, cx));
                } else {
                    self.inlines(content, cx);
                }
            }
            Inline::Abbreviation { short, meaning, anchor } => {
                if self.anchors.contains(anchor.as_str()) {
                    self.link(&format!("#{anchor}"), Some(meaning), |w| w.text(short));
                } else {
                    self.text(short);
                }
            }
            Inline::Footnote { id, content } => {
                if cx.in_note {
                    // ODF has no note in a note: its text in brackets.
                    self.text(" (");
                    self.text(&office::plain_text(content));
                    self.text(")");
                    return;
                }
                self.notes += 1;
                let n = self.notes;
                self.note_numbers.insert(id.clone(), n);
                let _ = write!(
                    self.body,
                    r#"<text:note text:id="ftn{n}" text:note-class="footnote"><text:note-citation>{n}</text:note-citation><text:note-body>"#
                );
                let pending = std::mem::take(&mut self.pending);
                let (after_space, in_link) = (self.after_space, self.in_link);
                self.in_link = false;
                let note_cx = Ctx { body: "Footnote", in_list: false, in_note: true };
                if content.is_empty() {
                    self.text_paragraph("Footnote", "");
                }
                self.blocks(content, &note_cx);
                self.pending = pending;
                self.after_space = after_space;
                self.in_link = in_link;
                self.body.push_str("</text:note-body></text:note>");
            }
            Inline::FootnoteRef { id } => {
                if let Some(n) = self.note_numbers.get(id) {
                    let _ = write!(
                        self.body,
                        r#"<text:span text:style-name="Footnote_20_anchor"><text:note-ref text:note-class="footnote" text:reference-format="text" text:ref-name="ftn{n}">{n}</text:note-ref></text:span>"#
                    );
                }
            }
            Inline::LineBreak => {
                self.body.push_str("<text:line-break/>");
                self.after_space = true;
            }
        }
    }

    /// Text in a paragraph: escaped, its spaces kept (ODF collapses a run of spaces and drops
    /// those at the start), tabs and line ends as their elements.
    fn text(&mut self, s: &str) {
        let mut spaces = 0usize;
        let flush = |w: &mut Self, spaces: &mut usize| {
            if *spaces == 0 {
                return;
            }
            let mut n = *spaces;
            if !w.after_space {
                w.body.push(' ');
                n -= 1;
            }
            if n == 1 {
                w.body.push_str("<text:s/>");
            } else if n > 1 {
                let _ = write!(w.body, r#"<text:s text:c="{n}"/>"#);
            }
            w.after_space = true;
            *spaces = 0;
        };
        let mut run = String::new();
        for c in s.chars() {
            match c {
                ' ' => {
                    if !run.is_empty() {
                        self.body.push_str(&xml(&std::mem::take(&mut run)));
                    }
                    spaces += 1;
                }
                '\t' | '\n' | '\r' => {
                    if !run.is_empty() {
                        self.body.push_str(&xml(&std::mem::take(&mut run)));
                    }
                    flush(self, &mut spaces);
                    match c {
                        '\t' => self.body.push_str("<text:tab/>"),
                        '\n' => self.body.push_str("<text:line-break/>"),
                        _ => {}
                    }
                    self.after_space = true;
                }
                c => {
                    flush(self, &mut spaces);
                    run.push(c);
                    self.after_space = false;
                }
            }
        }
        if !run.is_empty() {
            self.body.push_str(&xml(&run));
        }
        flush(self, &mut spaces);
    }

    // -- the parts -----------------------------------------------------------------------------

    /// Long because it writes the automatic styles the body needs (tables and their columns, cells,
    /// lists, images, the paragraph styles of the cover) in one pass, in the order ODF wants them
    /// before the body.
    fn content_xml(&self) -> String {
        let t = self.theme;
        let mut s = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NS} office:version="1.3">
<office:font-face-decls>{fonts}</office:font-face-decls>
<office:automatic-styles>
"#,
            fonts = font_faces(t)
        );
        // The tables, their columns, and the cell styles every table uses.
        for (name, page_break, keep, widths) in &self.table_styles {
            let brk = if *page_break { r#" fo:break-before="page""# } else { "" };
            let keep = if *keep { r#" fo:keep-with-next="always""# } else { "" };
            let _ = writeln!(
                s,
                r#"<style:style style:name="{name}" style:family="table"><style:table-properties style:width="{TEXT_WIDTH_CM}cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"{brk}{keep}/></style:style>"#
            );
            for (i, w) in widths.iter().enumerate() {
                let _ = writeln!(
                    s,
                    r#"<style:style style:name="{name}.{}" style:family="table-column"><style:table-column-properties style:rel-width="{w}*"/></style:style>"#,
                    column_letter(i)
                );
            }
        }
        let cell = |name: &str, props: &str| {
            format!(
                r#"<style:style style:name="{name}" style:family="table-cell"><style:table-cell-properties {props}/></style:style>"#
            )
        };
        let line = format!("0.5pt solid #{}", t.line);
        let pad =
            r#"fo:padding-top="0.08cm" fo:padding-bottom="0.08cm" fo:padding-left="0.12cm" fo:padding-right="0.12cm""#;
        s.push_str(&cell(
            "TH",
            &format!(r##"fo:background-color="#{}" {pad} fo:border-bottom="0.75pt solid #{}" fo:border-top="none" fo:border-left="none" fo:border-right="none""##, t.primary_light, t.primary),
        ));
        s.push_str(&cell(
            "TD",
            &format!(
                r#"{pad} fo:border-bottom="{line}" fo:border-top="none" fo:border-left="none" fo:border-right="none""#
            ),
        ));
        s.push_str(&cell(
            "TT",
            &format!(r##"fo:background-color="#{}" {pad} fo:border-top="1pt solid #{}" fo:border-bottom="{line}" fo:border-left="none" fo:border-right="none""##, t.primary_light, t.primary),
        ));
        s.push_str(&cell(
            "TB",
            &format!(r##"fo:background-color="#{}" fo:padding="0.3cm" fo:border-left="3pt solid #{}" fo:border-top="none" fo:border-bottom="none" fo:border-right="none""##, t.accent_surface, t.accent),
        ));
        s.push_str(&cell("TF", r#"fo:padding-top="0.03cm" fo:padding-bottom="0.03cm" fo:padding-left="0cm" fo:padding-right="0.2cm" fo:border="none""#));
        for (name, fill) in [("LC", &t.primary), ("LP", &t.primary_light), ("LU", &t.surface_grey)] {
            s.push_str(&cell(
                name,
                &format!(r##"fo:background-color="#{fill}" style:vertical-align="middle" fo:padding="0.12cm" fo:border="1.5pt solid #ffffff""##),
            ));
        }
        s.push('\n');
        s.push_str(r#"<style:style style:name="fr1" style:family="graphic" style:parent-style-name="Graphics"><style:graphic-properties style:vertical-pos="top" style:vertical-rel="baseline" fo:border="none" fo:padding="0cm"/></style:style>"#);
        s.push('\n');
        let mut variants: Vec<(&String, &ParaVariant)> = self.paragraph_styles.iter().map(|(v, n)| (n, v)).collect();
        variants.sort_by_key(|(n, _)| n[1..].parse::<u32>().unwrap_or(0));
        for (name, v) in variants {
            let mut para = String::new();
            if v.break_before {
                para.push_str(r#" fo:break-before="page""#);
            }
            if v.keep_with_next {
                para.push_str(r#" fo:keep-with-next="always""#);
            }
            if let Some(a) = v.align {
                let _ = write!(para, r#" fo:text-align="{a}""#);
            }
            if v.indent {
                para.push_str(r#" fo:margin-left="0.45cm""#);
            }
            let mut text = String::new();
            if v.bold {
                text.push_str(r#" fo:font-weight="bold""#);
            }
            if let Some(c) = &v.colour {
                let _ = write!(text, r##" fo:color="#{c}""##);
            }
            let master = if v.first_page { r#" style:master-page-name="First_20_Page""# } else { "" };
            let _ = write!(
                s,
                r#"<style:style style:name="{name}" style:family="paragraph" style:parent-style-name="{}"{master}>"#,
                xml(&v.parent)
            );
            if !para.is_empty() {
                let _ = write!(s, "<style:paragraph-properties{para}/>");
            }
            if !text.is_empty() {
                let _ = write!(s, "<style:text-properties{text}/>");
            }
            s.push_str("</style:style>\n");
        }
        s.push_str("</office:automatic-styles>\n<office:body><office:text>\n");
        s.push_str(&self.body);
        s.push_str("\n</office:text></office:body></office:document-content>\n");
        s
    }
}

/// `fo:text-align` of a column's cells.
fn alignment(t: &Table, column: usize) -> Option<&'static str> {
    office::alignment(t, column).map(|side| match side {
        Side::Start => "start",
        Side::Center => "center",
        Side::End => "end",
    })
}

/// A, B, … Z, AA, AB… (the column names LibreOffice gives).
fn column_letter(i: usize) -> String {
    let mut n = i + 1;
    let mut s = Vec::new();
    while n > 0 {
        s.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn font_faces(t: &Theme) -> String {
    format!(
        r#"<style:font-face style:name="{f}" svg:font-family="{fq}" style:font-family-generic="swiss" style:font-pitch="variable"/><style:font-face style:name="Liberation Mono" svg:font-family="&apos;Liberation Mono&apos;" style:font-family-generic="modern" style:font-pitch="fixed"/>"#,
        f = xml(&t.font),
        fq = xml(&format!("'{}'", t.font)),
    )
}

fn meta_xml(doc: &Document) -> String {
    let m = &doc.metadata;
    let title = match &m.period {
        Some(p) => format!("{} – {p}", m.title),
        None => m.title.clone(),
    };
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {NS} office:version="1.3"><office:meta>
<meta:generator>{}</meta:generator>
<dc:title>{}</dc:title>
"#,
        xml(&m.generator),
        xml(&title)
    );
    if let Some(sub) = &m.subtitle {
        let _ = writeln!(s, "<dc:subject>{}</dc:subject>", xml(sub));
    }
    let _ =
        writeln!(s, "<meta:initial-creator>{0}</meta:initial-creator>\n<dc:creator>{0}</dc:creator>", xml(&m.author));
    if let Some(d) = m.date {
        let _ = writeln!(s, "<meta:creation-date>{d}T00:00:00</meta:creation-date>\n<dc:date>{d}T00:00:00</dc:date>");
    }
    let _ = writeln!(s, "<dc:language>{}</dc:language>", xml(&m.language));
    if m.draft {
        s.push_str("<meta:keyword>concept</meta:keyword>\n");
    }
    s.push_str("</office:meta></office:document-meta>\n");
    s
}

// ---------------------------------------------------------------------------------------------
// styles.xml

/// A named style of koers: (family, name, display name, definition without the element).
struct NamedStyle {
    family: &'static str,
    name: &'static str,
    xml: String,
}

/// A level of the table of contents: indented by its depth, the page number at the right margin.
fn contents_level(depth: u32) -> String {
    format!(
        r#"<style:paragraph-properties fo:margin-left="{:.1}cm" fo:margin-top="{}" fo:margin-bottom="0.08cm"><style:tab-stops><style:tab-stop style:position="16cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties>"#,
        0.5 * depth as f64,
        if depth == 0 { "0.2cm" } else { "0cm" }
    ) + if depth == 0 { r#"<style:text-properties fo:font-weight="bold"/>"# } else { "" }
}

fn paragraph_style(name: &'static str, display: &str, parent: &str, next: Option<&str>, body: String) -> NamedStyle {
    let next = next.map(|n| format!(r#" style:next-style-name="{n}""#)).unwrap_or_default();
    let class = if name.starts_with("Heading") { r#" style:class="text""# } else { "" };
    let parent = if parent.is_empty() { String::new() } else { format!(r#" style:parent-style-name="{parent}""#) };
    let outline =
        name.strip_prefix("Heading_20_").map(|l| format!(r#" style:default-outline-level="{l}""#)).unwrap_or_default();
    NamedStyle {
        family: "paragraph",
        name,
        xml: format!(
            r#"<style:style style:name="{name}" style:display-name="{display}" style:family="paragraph"{parent}{next}{outline}{class}>{body}</style:style>"#
        ),
    }
}

fn text_style(name: &'static str, display: &str, props: &str) -> NamedStyle {
    NamedStyle {
        family: "text",
        name,
        xml: format!(
            r#"<style:style style:name="{name}" style:display-name="{display}" style:family="text"><style:text-properties {props}/></style:style>"#
        ),
    }
}

/// A list style: bullets `markers` (cycled by level), or numbers when `None`.
fn list_style(name: &'static str, display: &str, markers: Option<&[&str]>, marker_style: Option<&str>) -> NamedStyle {
    let mut s = format!(r#"<text:list-style style:name="{name}" style:display-name="{display}">"#);
    for level in 1..=10u32 {
        let indent = 0.635 * level as f64;
        let props = format!(
            r#"<style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="{indent:.3}cm" fo:text-indent="-0.635cm" fo:margin-left="{indent:.3}cm"/></style:list-level-properties>"#
        );
        match markers {
            Some(m) => {
                let marker = m[(level as usize - 1) % m.len()];
                let style = marker_style.map(|s| format!(r#" text:style-name="{s}""#)).unwrap_or_default();
                let _ = write!(
                    s,
                    r#"<text:list-level-style-bullet text:level="{level}"{style} text:bullet-char="{marker}">{props}</text:list-level-style-bullet>"#
                );
            }
            None => {
                let _ = write!(
                    s,
                    r#"<text:list-level-style-number text:level="{level}" style:num-suffix="." style:num-format="1">{props}</text:list-level-style-number>"#
                );
            }
        }
    }
    s.push_str("</text:list-style>");
    NamedStyle { family: "list", name, xml: s }
}

/// koers' named styles, in the theme's colours and font.
///
/// Long because it is a table: one entry per named style (title, headings, body, lists, tables,
/// boxes, notes), a few lines of ODF properties each, in the order of docx::styles so the two can
/// be read side by side.
fn named_styles(t: &Theme) -> Vec<NamedStyle> {
    let pp = |props: &str| format!("<style:paragraph-properties {props}/>");
    let tp = |props: &str| format!("<style:text-properties {props}/>");
    let colour = |c: &str| format!(r##"fo:color="#{c}""##);
    let mut v = vec![
        paragraph_style("Standard", "Standard", "", None, String::new()),
        paragraph_style(
            "Text_20_body",
            "Text body",
            "Standard",
            None,
            pp(r#"fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="115%""#),
        ),
        paragraph_style(
            "Heading",
            "Heading",
            "Standard",
            Some("Text_20_body"),
            pp(r#"fo:margin-top="0.45cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always""#)
                + &tp(&format!(r#"fo:font-weight="bold" style:font-weight-complex="bold" {}"#, colour(&t.primary))),
        ),
    ];
    for (level, size, above) in
        [(1, 22.0, 0.2), (2, 15.0, 0.5), (3, 13.0, 0.4), (4, 11.5, 0.35), (5, 10.5, 0.3), (6, 10.5, 0.3)]
    {
        let name: &'static str =
            ["Heading_20_1", "Heading_20_2", "Heading_20_3", "Heading_20_4", "Heading_20_5", "Heading_20_6"][level - 1];
        v.push(paragraph_style(
            name,
            &format!("Heading {level}"),
            "Heading",
            Some("Text_20_body"),
            pp(&format!(r#"fo:margin-top="{above}cm" fo:margin-bottom="0.2cm""#))
                + &tp(&format!(r#"fo:font-size="{size}pt" style:font-size-complex="{size}pt""#)),
        ));
    }
    v.extend([
        paragraph_style(
            "Title",
            "Title",
            "Heading",
            Some("Subtitle"),
            pp(r#"fo:margin-top="3cm" fo:margin-bottom="0.3cm""#) + &tp(r#"fo:font-size="32pt" style:font-size-complex="32pt""#),
        ),
        paragraph_style(
            "Subtitle",
            "Subtitle",
            "Heading",
            Some("Text_20_body"),
            pp(r#"fo:margin-top="0.1cm" fo:margin-bottom="0.3cm""#)
                + &tp(r#"fo:font-size="18pt" fo:font-weight="normal" style:font-weight-complex="normal""#),
        ),
        paragraph_style(
            "Kicker",
            "Kicker",
            "Standard",
            Some("Text_20_body"),
            pp(r#"fo:margin-top="0.4cm" fo:margin-bottom="0.05cm" fo:keep-with-next="always""#)
                + &tp(&format!(
                    r#"fo:font-size="9.5pt" fo:font-weight="bold" fo:text-transform="uppercase" fo:letter-spacing="0.06em" {}"#,
                    colour(&t.accent_text)
                )),
        ),
        paragraph_style(
            "Contents_20_Heading",
            "Contents Heading",
            "Standard",
            None,
            pp(r#"fo:margin-top="0cm" fo:margin-bottom="0.3cm""#)
                + &tp(&format!(r#"fo:font-size="16pt" fo:font-weight="bold" {}"#, colour(&t.primary))),
        ),
        paragraph_style("Contents_20_1", "Contents 1", "Standard", None, contents_level(0)),
        paragraph_style("Contents_20_2", "Contents 2", "Standard", None, contents_level(1)),
        paragraph_style("Contents_20_3", "Contents 3", "Standard", None, contents_level(2)),
        paragraph_style("Contents_20_4", "Contents 4", "Standard", None, contents_level(3)),
        paragraph_style("Contents_20_5", "Contents 5", "Standard", None, contents_level(4)),
        paragraph_style("Contents_20_6", "Contents 6", "Standard", None, contents_level(5)),
        paragraph_style("Muted", "Muted", "Text_20_body", None, tp(&format!(r#"fo:font-style="italic" {}"#, colour(&t.text_muted)))),
        paragraph_style("Small", "Small", "Text_20_body", None, tp(r#"fo:font-size="9pt" style:font-size-complex="9pt""#)),
        paragraph_style(
            "Caption",
            "Caption",
            "Standard",
            None,
            pp(r#"fo:margin-top="0.15cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always""#)
                + &tp(&format!(r#"fo:font-size="9.5pt" fo:font-style="italic" {}"#, colour(&t.text_muted))),
        ),
        paragraph_style(
            "Chart",
            "Chart",
            "Standard",
            None,
            pp(r#"fo:text-align="center" fo:margin-top="0.3cm" fo:margin-bottom="0cm" fo:keep-with-next="always""#),
        ),
        paragraph_style("Table_20_Contents", "Table Contents", "Standard", None, tp(r#"fo:font-size="9.5pt" style:font-size-complex="9.5pt""#)),
        paragraph_style(
            "Table_20_Heading",
            "Table Heading",
            "Table_20_Contents",
            None,
            tp(&format!(r#"fo:font-weight="bold" style:font-weight-complex="bold" {}"#, colour(&t.primary))),
        ),
        paragraph_style(
            "Fact_20_Label",
            "Fact Label",
            "Table_20_Contents",
            None,
            tp(&colour(&t.text_muted)),
        ),
        paragraph_style(
            "Footnote",
            "Footnote",
            "Standard",
            None,
            pp(r#"fo:margin-left="0.5cm" fo:text-indent="-0.5cm" fo:margin-bottom="0.05cm""#)
                + &tp(r#"fo:font-size="8.5pt" style:font-size-complex="8.5pt""#),
        ),
        paragraph_style("List_20_Paragraph", "List Paragraph", "Text_20_body", None, pp(r#"fo:margin-bottom="0.12cm""#)),
        paragraph_style(
            "Quotations",
            "Quotations",
            "Text_20_body",
            None,
            pp(r#"fo:margin-left="1cm" fo:margin-right="1cm""#) + &tp(r#"fo:font-style="italic""#),
        ),
        paragraph_style(
            "Preformatted_20_Text",
            "Preformatted Text",
            "Standard",
            None,
            pp(r#"fo:margin-bottom="0.25cm""#)
                + &tp(r#"style:font-name="Liberation Mono" fo:font-family="'Liberation Mono'" fo:font-size="9pt""#),
        ),
        paragraph_style(
            "Box_20_Title",
            "Box Title",
            "Standard",
            Some("Box_20_Text"),
            pp(r#"fo:margin-bottom="0.1cm" fo:keep-with-next="always""#)
                + &tp(&format!(r#"fo:font-size="11.5pt" fo:font-weight="bold" {}"#, colour(&t.accent_text))),
        ),
        paragraph_style("Box_20_Text", "Box Text", "Text_20_body", None, String::new()),
        paragraph_style(
            "Definition_20_Term",
            "Definition Term",
            "Text_20_body",
            Some("Definition"),
            pp(r#"fo:margin-bottom="0.05cm" fo:keep-with-next="always""#)
                + &tp(&format!(r#"fo:font-weight="bold" {}"#, colour(&t.primary))),
        ),
        paragraph_style("Definition", "Definition", "Text_20_body", None, pp(r#"fo:margin-left="0.6cm""#)),
        paragraph_style(
            "Signature",
            "Signature",
            "Text_20_body",
            None,
            pp(r#"fo:margin-top="0.3cm" fo:margin-bottom="0cm" fo:keep-with-next="always""#) + &tp(r#"fo:font-weight="bold""#),
        ),
        paragraph_style(
            "Horizontal_20_Line",
            "Horizontal Line",
            "Standard",
            Some("Text_20_body"),
            pp(&format!(r#"fo:margin-bottom="0.3cm" fo:border-bottom="0.5pt solid #{}" fo:padding="0cm""#, t.line))
                + &tp(r#"fo:font-size="6pt""#),
        ),
        paragraph_style(
            "Header",
            "Header",
            "Standard",
            None,
            format!(
                r#"<style:paragraph-properties fo:border-bottom="0.4pt solid #{}" fo:padding-bottom="0.1cm"><style:tab-stops><style:tab-stop style:position="{TEXT_WIDTH_CM}cm" style:type="right"/></style:tab-stops></style:paragraph-properties>"#,
                t.line
            ) + &tp(&format!(r#"fo:font-size="8.5pt" {}"#, colour(&t.text_muted))),
        ),
        paragraph_style(
            "Footer",
            "Footer",
            "Standard",
            None,
            format!(
                r#"<style:paragraph-properties><style:tab-stops><style:tab-stop style:position="{TEXT_WIDTH_CM}cm" style:type="right"/></style:tab-stops></style:paragraph-properties>"#
            ) + &tp(&format!(r#"fo:font-size="8.5pt" {}"#, colour(&t.text_muted))),
        ),
        text_style("Strong_20_Emphasis", "Strong Emphasis", r#"fo:font-weight="bold" style:font-weight-complex="bold""#),
        text_style("Emphasis", "Emphasis", r#"fo:font-style="italic" style:font-style-complex="italic""#),
        text_style("Strikethrough", "Strikethrough", r#"style:text-line-through-style="solid" style:text-line-through-type="single""#),
        text_style("Source_20_Text", "Source Text", r#"style:font-name="Liberation Mono" fo:font-family="'Liberation Mono'" fo:font-size="9pt""#),
        text_style(
            "Internet_20_link",
            "Internet Link",
            &format!(r#"{} style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color""#, colour(&t.primary)),
        ),
        text_style(
            "Visited_20_Internet_20_Link",
            "Visited Internet Link",
            &format!(r#"{} style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color""#, colour(&t.primary)),
        ),
        text_style("Footnote_20_Symbol", "Footnote Symbol", ""),
        text_style("Footnote_20_anchor", "Footnote Anchor", r#"style:text-position="super 58%""#),
        text_style("Results_20_Marker", "Results Marker", &colour(&t.accent)),
        list_style("List_20_1", "List 1", Some(&["•", "–", "◦"]), None),
        list_style("Numbering_20_123", "Numbering 123", None, None),
        list_style("Results", "Results", Some(&["▶", "•", "–"]), Some("Results_20_Marker")),
    ]);
    v.push(NamedStyle {
        family: "graphic",
        name: "Graphics",
        xml: r#"<style:style style:name="Graphics" style:family="graphic"><style:graphic-properties text:anchor-type="as-char" style:vertical-pos="top" style:vertical-rel="baseline" fo:border="none"/></style:style>"#.into(),
    });
    v
}

/// The default style of paragraphs: font, size, colour and the document language.
fn default_paragraph_style(t: &Theme, doc: &Document) -> String {
    let (lang, country) = doc.metadata.language_parts();
    let country = country.map(|c| format!(r#" fo:country="{}""#, xml(c))).unwrap_or_default();
    format!(
        r##"<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/><style:text-properties style:font-name="{font}" fo:font-size="10.5pt" fo:color="#{colour}" fo:language="{lang}"{country} fo:hyphenate="false" style:font-size-complex="10.5pt"/></style:default-style>"##,
        font = xml(&t.font),
        colour = t.text,
        lang = xml(lang),
    )
}

/// The master page of the cover: the page layout of the others, without header and footer.
const FIRST_PAGE: &str = r#"<style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="pm1" style:next-style-name="Standard"/>"#;

const NOTES_CONFIGURATION: &str = r#"<text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_Symbol" text:citation-body-style-name="Footnote_20_anchor" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>"#;

/// The page (A4), its header (programme · title) and footer (date, page x of y).
fn page_styles(doc: &Document) -> String {
    let m = &doc.metadata;
    let title = office::running_title(m);
    format!(
        r#"<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.4cm" fo:margin-bottom="1.2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout></office:automatic-styles>
<office:master-styles>{FIRST_PAGE}<style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header><text:p text:style-name="Header">{author}<text:tab/>{title}</text:p></style:header><style:footer><text:p text:style-name="Footer">{date}<text:tab/>Pagina <text:page-number text:select-page="current">1</text:page-number> van <text:page-count>1</text:page-count></text:p></style:footer></style:master-page></office:master-styles>"#,
        author = xml(&m.author),
        title = xml(&title),
        date = xml(m.date_text.as_deref().unwrap_or("")),
    )
}

fn builtin_styles(t: &Theme, doc: &Document) -> String {
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NS} office:version="1.3">
<office:font-face-decls>{}</office:font-face-decls>
<office:styles>
{}
"#,
        font_faces(t),
        default_paragraph_style(t, doc)
    );
    for n in named_styles(t) {
        s.push_str(&n.xml);
        s.push('\n');
    }
    s.push_str(NOTES_CONFIGURATION);
    s.push_str("\n</office:styles>\n");
    s.push_str(&page_styles(doc));
    s.push_str("\n</office:document-styles>\n");
    s
}

/// A reference document's styles.xml, with koers' named styles it lacks added (so every style
/// the content names exists) and the document's language set on its default paragraph style.
fn reference_styles(r: &office::OdtReference, t: &Theme, doc: &Document) -> String {
    let mut s = r.styles_xml.clone();
    let mut missing = String::new();
    for n in named_styles(t) {
        if !r.names.contains(&(n.family.to_string(), n.name.to_string())) {
            missing.push_str(&n.xml);
            missing.push('\n');
        }
    }
    if !s.contains("text:notes-configuration") {
        missing.push_str(NOTES_CONFIGURATION);
    }
    // The font koers' styles name, when the reference does not declare it.
    if !s.contains(&format!(r#"style:name="{}""#, xml(&t.font))) {
        let faces = font_faces(t);
        if !office::insert_before_close(&mut s, "office:font-face-decls", &faces)
            && let Some(at) = s.find("<office:styles")
        {
            s.insert_str(at, &format!("<office:font-face-decls>{faces}</office:font-face-decls>"));
        }
    }
    office::insert_before_close(&mut s, "office:styles", &missing);
    if !s.contains(r#"style:name="First_20_Page""#) {
        add_first_page(&mut s);
    }
    set_language(&mut s, doc);
    s
}

/// Add the cover's master page to a reference's styles.xml, with the page layout of its
/// "Standard" master page.
fn add_first_page(s: &mut String) {
    let layout = roxmltree::Document::parse(s).ok().and_then(|d| {
        d.descendants()
            .find(|n| n.tag_name().name() == "master-page" && n.attribute((STYLE_NS, "name")) == Some("Standard"))
            .and_then(|n| n.attribute((STYLE_NS, "page-layout-name")).map(str::to_string))
    });
    let Some(layout) = layout else { return };
    let first = format!(
        r#"<style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="{}" style:next-style-name="Standard"/>"#,
        xml(&layout)
    );
    office::insert_before_close(s, "office:master-styles", &first);
}

const STYLE_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

/// Set the document's language on the default paragraph style of a styles.xml (a reference
/// document made in another language keeps its styles, not its language).
fn set_language(s: &mut String, doc: &Document) {
    const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    const FO: &str = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    let (lang, country) = doc.metadata.language_parts();
    let language = format!(
        r#"fo:language="{}"{}"#,
        xml(lang),
        country.map(|c| format!(r#" fo:country="{}""#, xml(c))).unwrap_or_default()
    );
    let Ok(d) = roxmltree::Document::parse(s) else { return };
    let default = d
        .descendants()
        .find(|n| n.has_tag_name((STYLE, "default-style")) && n.attribute((STYLE, "family")) == Some("paragraph"));
    let edit: Option<(std::ops::Range<usize>, String)> = match default {
        None => None,
        Some(ds) => match ds.children().find(|n| n.has_tag_name((STYLE, "text-properties"))) {
            Some(tp) => {
                let mut attrs: Vec<String> = tp
                    .attributes()
                    .filter(|a| !(a.namespace() == Some(FO) && matches!(a.name(), "language" | "country")))
                    .map(|a| {
                        let prefix = a.namespace().and_then(|ns| tp.lookup_prefix(ns)).map(|p| format!("{p}:"));
                        format!(r#"{}{}="{}""#, prefix.unwrap_or_default(), a.name(), xml(a.value()))
                    })
                    .collect();
                attrs.push(language.clone());
                Some((tp.range(), format!("<style:text-properties {}/>", attrs.join(" "))))
            }
            None => match ds.first_child() {
                Some(first) => {
                    Some((first.range().start..first.range().start, format!("<style:text-properties {language}/>")))
                }
                None => Some((
                    ds.range(),
                    format!(
                        r#"<style:default-style style:family="paragraph"><style:text-properties {language}/></style:default-style>"#
                    ),
                )),
            },
        },
    };
    drop(d);
    match edit {
        Some((range, text)) => s.replace_range(range, &text),
        None => {
            let ours = format!(
                r#"<style:default-style style:family="paragraph"><style:text-properties {language}/></style:default-style>"#
            );
            office::insert_before_close(s, "office:styles", &ours);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_libreoffice_names_them() {
        assert_eq!((column_letter(0), column_letter(25), column_letter(26)), ("A".into(), "Z".into(), "AA".into()));
    }

    #[test]
    fn spaces_are_kept_as_odf_collapses_them() {
        let doc = Document { metadata: crate::render::doc::Metadata::new("t", "a"), blocks: vec![] };
        let theme = Theme::builtin();
        let mut w = Writer::new(&doc, &theme);
        w.text(" a  b <c>\td");
        assert_eq!(w.body, r#"<text:s/>a <text:s/>b &lt;c&gt;<text:tab/>d"#);
    }
}
