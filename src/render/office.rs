//! What the office writers ([`super::odt`], [`super::docx`]) share: the house style they start
//! from (the colours and body font of `theme.css`), a user's reference document whose styles
//! replace it (`--reference-doc huisstijl.odt|.docx`, as pandoc and Quarto have it), and the
//! layout decisions both make the same way.

use super::zip;
use crate::render::doc::{Align, Block, BreakKind, CalloutLink, Inline, Metadata, Table};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// The colours (`rrggbb`, no `#`) and body font of the built-in styles: the tokens of `theme.css`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Headings, links, table header text: `--koers-kleur-primair`.
    pub primary: String,
    /// Table header cells, passed phases: `--koers-kleur-primair-licht`.
    pub primary_light: String,
    /// The box's border: `--koers-kleur-accent`.
    pub accent: String,
    /// Accent text (box titles, kickers): `--koers-kleur-accent-tekst`.
    pub accent_text: String,
    /// The box's background: `--koers-kleur-accent-vlak`.
    pub accent_surface: String,
    /// Body text: `--koers-kleur-tekst`.
    pub text: String,
    /// Muted text: `--koers-kleur-tekst-zacht`.
    pub text_muted: String,
    /// Rules and table lines: `--koers-kleur-lijn`.
    pub line: String,
    /// Upcoming phases: `--koers-kleur-vlak-grijs`.
    pub surface_grey: String,
    /// The first family of `--koers-lettertype`.
    pub font: String,
}

impl Theme {
    /// The theme of koers' own `theme.css`.
    pub fn builtin() -> Theme {
        let css = super::templates::EMBEDDED.iter().find(|(n, _)| *n == "theme.css").map(|(_, s)| *s).unwrap_or("");
        Theme::from_css(css)
    }

    /// The theme of a `theme.css`: each token it defines as a `#rrggbb` colour (or a font list)
    /// replaces koers' default; the rest keep theirs.
    pub fn from_css(css: &str) -> Theme {
        let props = super::theme_properties(css);
        let get = |name: &str, default: &str| -> String {
            props
                .iter()
                .rev()
                .find(|(n, _)| n == name)
                .and_then(|(_, v)| hex_colour(v))
                .unwrap_or_else(|| default.to_string())
        };
        let font = props
            .iter()
            .rev()
            .find(|(n, _)| n == "koers-lettertype")
            .and_then(|(_, v)| v.split(',').next())
            .map(|f| f.trim().trim_matches(['"', '\'']).to_string())
            .filter(|f| !f.is_empty() && f.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-'))
            .unwrap_or_else(|| "Carlito".to_string());
        Theme {
            primary: get("koers-kleur-primair", "005f73"),
            primary_light: get("koers-kleur-primair-licht", "d8ecef"),
            accent: get("koers-kleur-accent", "ee7d00"),
            accent_text: get("koers-kleur-accent-tekst", "9a4f00"),
            accent_surface: get("koers-kleur-accent-vlak", "fdf0e1"),
            text: get("koers-kleur-tekst", "1e1e1e"),
            text_muted: get("koers-kleur-tekst-zacht", "5c5c5c"),
            line: get("koers-kleur-lijn", "d0d0d0"),
            surface_grey: get("koers-kleur-vlak-grijs", "f0f0f0"),
            font,
        }
    }
}

/// `#rgb` or `#rrggbb` as lower-case `rrggbb`.
fn hex_colour(v: &str) -> Option<String> {
    let h = v.trim().strip_prefix('#')?;
    if !h.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    match h.len() {
        6 => Some(h.to_ascii_lowercase()),
        3 => Some(h.chars().flat_map(|c| [c, c]).collect::<String>().to_ascii_lowercase()),
        _ => None,
    }
}

/// The styles an office document is written with: the built-in ones (from the theme), or those
/// of a reference document — an ODT's for the ODT, a DOCX's for the DOCX.
#[derive(Debug, Clone)]
pub struct OfficeStyles {
    pub(crate) theme: Theme,
    pub(crate) odt: Option<OdtReference>,
    pub(crate) docx: Option<DocxReference>,
}

/// The styles of a reference ODT: its `styles.xml` (named, automatic and master styles).
#[derive(Debug, Clone)]
pub(crate) struct OdtReference {
    pub styles_xml: String,
    /// The names of its named styles, by family ("paragraph", "text", "list"…).
    pub names: BTreeSet<(String, String)>,
}

/// The styles of a reference DOCX: `word/styles.xml`, and its theme when it has one.
#[derive(Debug, Clone)]
pub(crate) struct DocxReference {
    pub styles_xml: String,
    pub theme_xml: Option<Vec<u8>>,
    /// Its styles' ids by their name in lower case ("heading 1" → "Kop1" in a Dutch Word).
    pub ids: BTreeMap<String, String>,
    /// Every style id it defines.
    pub all_ids: BTreeSet<String>,
}

/// Which office format a reference document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficeFormat {
    Odt,
    Docx,
}

/// A reference document that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct ReferenceError {
    pub file: String,
    pub message: String,
}

impl Default for OfficeStyles {
    fn default() -> Self {
        OfficeStyles::builtin()
    }
}

impl OfficeStyles {
    /// koers' own styles, in the colours and font of its `theme.css`.
    pub fn builtin() -> OfficeStyles {
        OfficeStyles::with_theme(Theme::builtin())
    }

    /// The built-in styles in the colours and font of `theme`.
    pub fn with_theme(theme: Theme) -> OfficeStyles {
        OfficeStyles { theme, odt: None, docx: None }
    }

    /// The styles of a reference document (`.odt`/`.ott` or `.docx`/`.dotx`): used for the files
    /// of its format; the other format keeps the built-in styles.
    pub fn from_reference(path: &Path) -> Result<OfficeStyles, ReferenceError> {
        OfficeStyles::builtin().with_reference(path)
    }

    /// These styles with a reference document's for its format.
    pub fn with_reference(self, path: &Path) -> Result<OfficeStyles, ReferenceError> {
        let bytes = std::fs::read(path).map_err(|e| ReferenceError {
            file: path.display().to_string(),
            message: crate::t!("build-reference-unreadable", error = e.to_string()),
        })?;
        self.with_reference_bytes(&path.display().to_string(), &bytes)
    }

    /// As [`OfficeStyles::with_reference`], from the document's bytes; `file` names it in errors.
    pub fn with_reference_bytes(mut self, file: &str, bytes: &[u8]) -> Result<OfficeStyles, ReferenceError> {
        let fail = |message: String| ReferenceError { file: file.to_string(), message };
        let entries = zip::read(bytes).map_err(|e| fail(crate::t!("build-reference-not-zip", error = e)))?;
        let entry = |name: &str| entries.iter().find(|e| e.name == name).map(|e| e.data.as_slice());
        let utf8 = |name: &str, data: &[u8]| {
            String::from_utf8(data.to_vec()).map_err(|_| fail(crate::t!("build-reference-not-utf8", name = name)))
        };
        if let Some(mime) = entry("mimetype") {
            let mime = String::from_utf8_lossy(mime);
            if !mime.starts_with("application/vnd.oasis.opendocument.text") {
                return Err(fail(crate::t!("build-reference-not-text", mime = mime.to_string())));
            }
            let styles = entry("styles.xml").ok_or_else(|| fail(crate::t!("build-reference-odt-no-styles")))?;
            let styles_xml = utf8("styles.xml", styles)?;
            self.odt = Some(odt_reference(styles_xml).map_err(fail)?);
            Ok(self)
        } else if let Some(styles) = entry("word/styles.xml") {
            let styles_xml = utf8("word/styles.xml", styles)?;
            let theme_xml = entry("word/theme/theme1.xml").map(<[u8]>::to_vec);
            self.docx = Some(docx_reference(styles_xml, theme_xml).map_err(fail)?);
            Ok(self)
        } else {
            Err(fail(crate::t!("build-reference-neither")))
        }
    }

    /// Whether a reference document gives the styles of `format`.
    pub fn has_reference(&self, format: OfficeFormat) -> bool {
        match format {
            OfficeFormat::Odt => self.odt.is_some(),
            OfficeFormat::Docx => self.docx.is_some(),
        }
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }
}

const STYLE_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
const OFFICE_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const TEXT_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn odt_reference(styles_xml: String) -> Result<OdtReference, String> {
    let doc = roxmltree::Document::parse(&styles_xml)
        .map_err(|e| crate::t!("build-reference-xml-invalid", part = "styles.xml", error = e.to_string()))?;
    let styles = doc
        .descendants()
        .find(|n| n.has_tag_name((OFFICE_NS, "styles")))
        .ok_or_else(|| crate::t!("build-reference-odt-no-named-styles"))?;
    let mut names = BTreeSet::new();
    for n in styles.children().filter(|n| n.is_element()) {
        let name = n.attribute((STYLE_NS, "name"));
        let family = if n.has_tag_name((STYLE_NS, "style")) {
            n.attribute((STYLE_NS, "family")).unwrap_or("")
        } else if n.has_tag_name((TEXT_NS, "list-style")) {
            "list"
        } else {
            continue;
        };
        if let Some(name) = name {
            names.insert((family.to_string(), name.to_string()));
        }
    }
    drop(doc);
    let styles_xml = declare_namespaces(styles_xml, &crate::render::odt::namespaces())?;
    Ok(OdtReference { styles_xml, names })
}

fn docx_reference(styles_xml: String, theme_xml: Option<Vec<u8>>) -> Result<DocxReference, String> {
    let doc = roxmltree::Document::parse(&styles_xml)
        .map_err(|e| crate::t!("build-reference-xml-invalid", part = "word/styles.xml", error = e.to_string()))?;
    let root = doc.root_element();
    if !root.has_tag_name((W_NS, "styles")) {
        return Err(crate::t!("build-reference-docx-not-styles"));
    }
    let mut ids = BTreeMap::new();
    let mut all_ids = BTreeSet::new();
    for s in root.children().filter(|n| n.has_tag_name((W_NS, "style"))) {
        let Some(id) = s.attribute((W_NS, "styleId")) else { continue };
        all_ids.insert(id.to_string());
        let name = s
            .children()
            .find(|n| n.has_tag_name((W_NS, "name")))
            .and_then(|n| n.attribute((W_NS, "val")))
            .unwrap_or(id);
        ids.entry(name.to_lowercase()).or_insert_with(|| id.to_string());
    }
    drop(doc);
    let styles_xml = declare_namespaces(styles_xml, &[("w", W_NS)])?;
    Ok(DocxReference { styles_xml, theme_xml, ids, all_ids })
}

/// The reference's styles part with every namespace prefix koers' own styles use declared on its
/// root element (a reference may leave out those it does not use itself). A prefix the reference
/// binds to another namespace cannot take koers' styles: an error.
fn declare_namespaces(mut xml: String, wanted: &[(&str, &str)]) -> Result<String, String> {
    let doc = roxmltree::Document::parse(&xml)
        .map_err(|e| crate::t!("build-reference-styles-invalid", error = e.to_string()))?;
    let root = doc.root_element();
    let mut missing = String::new();
    for (prefix, uri) in wanted {
        match root.namespaces().find(|n| n.name() == Some(prefix)) {
            Some(n) if n.uri() == *uri => {}
            Some(n) => {
                return Err(crate::t!(
                    "build-reference-prefix-taken",
                    prefix = *prefix,
                    bound = n.uri().to_string(),
                    uri = *uri
                ));
            }
            None => {
                let _ = write!(missing, " xmlns:{prefix}=\"{uri}\"");
            }
        }
    }
    // Right after the root element's name.
    let start = root.range().start;
    let name_end = xml[start..]
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .map(|i| start + i)
        .ok_or_else(|| crate::t!("build-reference-styles-unended"))?;
    drop(doc);
    xml.insert_str(name_end, &missing);
    Ok(xml)
}

/// Insert `addition` right before the closing tag `</{close}>` of a part, or fail to.
pub(crate) fn insert_before_close(xml: &mut String, close: &str, addition: &str) -> bool {
    match xml.rfind(&format!("</{close}>")) {
        Some(at) => {
            xml.insert_str(at, addition);
            true
        }
        None => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Shared layout decisions

/// The width of the text block in centimetres: A4 (21 cm) less 2 × 2.2 cm margins.
pub(crate) const TEXT_WIDTH_CM: f64 = 16.6;

/// Relative widths of a table's columns (sum 1000): by the length of their longest text, so a
/// column of dates stays narrow and one of descriptions gets the room, none below a share.
pub(crate) fn column_widths(t: &Table, columns: usize) -> Vec<u32> {
    let mut longest = vec![4usize; columns];
    let mut note = |i: usize, len: usize| {
        if let Some(l) = longest.get_mut(i) {
            *l = (*l).max(len.min(60));
        }
    };
    for (i, c) in t.columns.iter().enumerate() {
        // Headers may wrap at their words.
        let word = crate::render::doc::inline_text(&c.header).split_whitespace().map(|w| w.chars().count()).max();
        note(i, word.unwrap_or(0));
    }
    for r in &t.rows {
        for (i, cell) in r.cells.iter().enumerate() {
            note(i, blocks_len(cell));
        }
    }
    let total: usize = longest.iter().sum();
    let mut widths: Vec<u32> = longest.iter().map(|l| ((l * 1000) / total.max(1)) as u32).collect();
    let floor = 400 / columns.max(1) as u32;
    for w in &mut widths {
        *w = (*w).max(floor);
    }
    let sum: u32 = widths.iter().sum();
    widths.iter().map(|w| w * 1000 / sum.max(1)).collect()
}

fn blocks_len(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph { content, .. } => inlines_len(content),
            Block::List { items, .. } => items.iter().map(|i| blocks_len(i)).max().unwrap_or(0) + 2,
            _ => 30,
        })
        .max()
        .unwrap_or(0)
}

fn inlines_len(inlines: &[Inline]) -> usize {
    crate::render::doc::inline_text(inlines).chars().count()
}

/// What the next paragraph (or table) of an office document takes on: a page break, keeping
/// with the next, the bookmarks of anchors.
#[derive(Debug, Default)]
pub(crate) struct Pending {
    pub page_break: bool,
    pub keep_with_next: bool,
    pub bookmarks: Vec<String>,
    /// Something was written since the last page break (a break is weak: none on an empty page).
    pub started: bool,
}

impl Pending {
    /// A break hint of the tree.
    pub fn hint(&mut self, kind: BreakKind) {
        match kind {
            BreakKind::Page => self.page_break(),
            BreakKind::KeepWithNext => self.keep_with_next = true,
        }
    }

    /// A new page before what follows, unless the page is empty.
    pub fn page_break(&mut self) {
        if self.started {
            self.page_break = true;
            self.started = false;
        }
    }
}

/// What a line of the title page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CoverLine {
    /// The programme, above the title; also "Concept".
    Kicker,
    Title,
    Subtitle,
    Body,
    Small,
}

/// The lines of a document's title page, in order (none without a cover).
pub(crate) fn cover_lines(m: &Metadata) -> Vec<(CoverLine, Vec<Inline>)> {
    if !m.cover {
        return Vec::new();
    }
    let text = |s: &String| crate::render::doc::text(s.clone());
    let mut lines = vec![(CoverLine::Kicker, text(&m.author)), (CoverLine::Title, text(&m.title))];
    lines.extend([&m.subtitle, &m.period].into_iter().flatten().map(|l| (CoverLine::Subtitle, text(l))));
    if m.draft {
        lines.push((CoverLine::Kicker, crate::render::doc::text("Concept")));
    }
    lines.extend([&m.publication, &m.email].into_iter().flatten().map(|l| (CoverLine::Body, text(l))));
    if let Some(w) = &m.website {
        lines.push((CoverLine::Body, vec![Inline::Link { url: w.clone(), content: text(w) }]));
    }
    lines.extend(m.colophon.iter().map(|c| (CoverLine::Small, text(c))));
    lines
}

/// The running header's title: the document's title and, when it has one, its period.
pub(crate) fn running_title(m: &Metadata) -> String {
    match &m.period {
        Some(p) => format!("{} · {p}", m.title),
        None => m.title.clone(),
    }
}

/// The link line of a box, in bold: a link when it has an address.
pub(crate) fn callout_link(link: &CalloutLink) -> Vec<Inline> {
    let shown = crate::render::doc::text(link.text.clone());
    match &link.url {
        Some(url) => vec![Inline::Strong { content: vec![Inline::Link { url: url.clone(), content: shown }] }],
        None => vec![Inline::Strong { content: shown }],
    }
}

/// How many columns a table has: its headers, or its longest row.
pub(crate) fn column_count(t: &Table) -> usize {
    t.columns.len().max(t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0)).max(1)
}

/// Where a column's cells align, if not at the start: numbers at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Start,
    Center,
    End,
}

pub(crate) fn alignment(t: &Table, column: usize) -> Option<Side> {
    let c = t.columns.get(column)?;
    match c.align {
        Align::Left => Some(Side::Start),
        Align::Center => Some(Side::Center),
        Align::Right => Some(Side::End),
        Align::Default if c.numeric => Some(Side::End),
        Align::Default => None,
    }
}

/// A step of the phase ladder as shown: "2. Uitvoering".
pub(crate) fn step_label(index: usize, name: &str) -> String {
    format!("{}. {name}", index + 1)
}

/// The text of blocks on one line (a note in a note, which neither format allows).
pub(crate) fn plain_text(blocks: &[Block]) -> String {
    let mut texts = Vec::new();
    crate::render::doc::blocks_texts(blocks, &mut texts);
    texts.join(" ")
}

/// A chart's file name in the package, unique in the document: its id, made safe.
/// How high the programme's logo stands on a title page (the PDF's cover: 22 mm).
pub(crate) const LOGO_HEIGHT_CM: f64 = 2.2;

/// An image of `w`×`h` pixels on the page, in cm: `height_cm` high and no wider than the text,
/// else as wide as the text.
pub(crate) fn image_size_cm((w, h): (u32, u32), height_cm: Option<f64>) -> (f64, f64) {
    let ratio = h.max(1) as f64 / w.max(1) as f64;
    match height_cm {
        Some(hc) if hc / ratio <= TEXT_WIDTH_CM => (hc / ratio, hc),
        _ => (TEXT_WIDTH_CM, TEXT_WIDTH_CM * ratio),
    }
}

pub(crate) fn image_name(id: &str, taken: &mut BTreeSet<String>) -> String {
    let base: String =
        id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).take(60).collect();
    let base = if base.is_empty() { "grafiek".to_string() } else { base };
    let mut name = base.clone();
    let mut n = 1;
    while !taken.insert(name.clone()) {
        n += 1;
        name = format!("{base}-{n}");
    }
    name
}

/// The charts' SVGs, given as (file name, SVG), as PNG at twice their CSS size (sharp when
/// printed or zoomed), rasterised side by side; `dir` prefixes the names in errors.
pub(crate) fn chart_pngs(charts: &[(String, String)], dir: &str) -> Result<Vec<Vec<u8>>, super::RenderError> {
    use rayon::prelude::*;
    charts.par_iter().map(|(name, svg)| super::chart::png(svg, 2.0, &format!("{dir}{name}.png"))).collect()
}

/// Text for XML element content and attribute values: escaped, without the characters XML 1.0
/// does not allow.
pub(crate) fn xml(s: &str) -> String {
    let mut out = super::chart::xml(s);
    out.retain(|c| !matches!(c, '\u{fffe}' | '\u{ffff}'));
    out
}

/// A raster image as the office formats embed it: its file extension, bytes and size in pixels.
pub(crate) type Raster = (&'static str, Vec<u8>, (u32, u32));

/// A figure as the office formats embed it: a raster image (an SVG is rasterised at twice its
/// size, with the embedded fonts).
pub(crate) fn figure_raster(f: &crate::render::doc::Figure) -> Result<Raster, super::RenderError> {
    use crate::load::figure::{ImageKind, pixel_size};
    let kind = ImageKind::sniff(&f.bytes)
        .ok_or_else(|| super::RenderError::file(&f.image, crate::t!("build-figure-not-an-image")))?;
    let size = pixel_size(kind, &f.bytes).unwrap_or((800, 600));
    Ok(match kind {
        ImageKind::Png => ("png", f.bytes.to_vec(), size),
        ImageKind::Jpeg => ("jpg", f.bytes.to_vec(), size),
        ImageKind::Svg => {
            let svg = String::from_utf8_lossy(&f.bytes);
            ("png", super::chart::png(&svg, 2.0, &f.image)?, size)
        }
    })
}

/// The title of the editable formats' table of contents.
pub(crate) const CONTENTS_TITLE: &str = "Inhoudsopgave";

/// The entries of a document's table of contents, as the paged formats list them: its outlined
/// headings down to its depth, in order, as (level, text, anchor). Empty without contents.
pub(crate) fn contents_entries(doc: &crate::render::doc::Document) -> Vec<(u8, String, Option<String>)> {
    fn walk(blocks: &[Block], depth: u8, out: &mut Vec<(u8, String, Option<String>)>) {
        for b in blocks {
            match b {
                Block::Heading { level, content, anchor, outlined: true, .. } if *level <= depth => {
                    out.push((*level, crate::render::doc::inline_text(content), anchor.clone()))
                }
                Block::Section { content, .. } => walk(content, depth, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    if doc.metadata.contents {
        walk(&doc.blocks, doc.metadata.contents_depth.clamp(1, 6), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_theme_comes_from_theme_css() {
        let t = Theme::builtin();
        assert_eq!((t.primary.as_str(), t.accent_surface.as_str(), t.font.as_str()), ("005f73", "fdf0e1", "Carlito"));
        let t = Theme::from_css(":root { --koers-kleur-primair: #ABC; --koers-lettertype: \"Open Sans\", Arial; }");
        assert_eq!((t.primary.as_str(), t.font.as_str()), ("aabbcc", "Open Sans"));
        assert_eq!(t.text, "1e1e1e", "a token the file does not set keeps koers' value");
    }

    #[test]
    fn a_reference_that_is_no_office_document_is_refused_with_its_name() {
        let e = OfficeStyles::builtin().with_reference_bytes("huisstijl.pdf", b"%PDF-1.7").unwrap_err();
        assert!(e.to_string().starts_with("huisstijl.pdf: not an ODT or DOCX document"), "{e}");
        let mut z = zip::ZipWriter::new();
        z.add("mimetype", b"application/vnd.oasis.opendocument.spreadsheet", zip::Method::Stored);
        let e = OfficeStyles::builtin().with_reference_bytes("x.ods", &z.finish()).unwrap_err();
        assert!(e.to_string().contains("not a text document"), "{e}");
    }
}
