//! The document tree as a Word document (Office Open XML, `.docx`), written by hand.
//!
//! Named styles with Word's names ("heading 1…6", "Body Text", "Title", "caption", "footnote
//! text", "List Paragraph", "Hyperlink"), so that a house style's styles apply — matched by name,
//! since a Dutch Word names "heading 1" `Kop1`; real footnotes (`footnotes.xml`), a further
//! reference to one as a NOTEREF field; lists in `numbering.xml`; hyperlinks by relationship;
//! headings with bookmarks at their anchors; charts as PNG (with the SVG for Word 2016 and
//! later) with title and description (alt text); language nl-NL; title and creator in
//! `docProps/core.xml`. Fixed timestamps and entry order: the same tree gives the same bytes.

use super::RenderError;
use super::office::{self, CoverLine, DocxReference, OfficeStyles, Pending, Side, TEXT_WIDTH_CM, Theme, xml};
use super::zip::{Method, ZipWriter};
use crate::render::doc::{Block, Chart, Document, Inline, ListStyle, ParagraphStyle, Row, RowStyle, StepState, Table};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Twentieths of a point in a centimetre.
const TWIPS_PER_CM: f64 = 566.929;
/// English Metric Units in a centimetre.
const EMU_PER_CM: f64 = 360_000.0;

/// The document as a DOCX file.
///
/// Long because it assembles the package in one place: the body, then the relationships in the
/// numbering the writer used, then every part of the ZIP in its fixed order (byte-identical
/// builds).
pub fn write(doc: &Document, styles: &OfficeStyles) -> Result<Vec<u8>, RenderError> {
    let ids = StyleIds::new(styles.docx.as_ref());
    let mut w = Writer::new(doc, &styles.theme, &ids);
    w.cover(doc);
    w.contents(doc);
    w.blocks(&doc.blocks, &Ctx::body());
    let body = std::mem::take(&mut w.out);

    let mut rels: Vec<(String, String, String, bool)> = Vec::new(); // id, type, target, external
    let rel = |rels: &mut Vec<(String, String, String, bool)>, kind: &str, target: String, external: bool| {
        let id = format!("rId{}", rels.len() + 1);
        rels.push((id.clone(), format!("{REL}/{kind}"), target, external));
        id
    };
    rel(&mut rels, "styles", "styles.xml".into(), false);
    rel(&mut rels, "numbering", "numbering.xml".into(), false);
    rel(&mut rels, "footnotes", "footnotes.xml".into(), false);
    rel(&mut rels, "settings", "settings.xml".into(), false);
    rel(&mut rels, "fontTable", "fontTable.xml".into(), false);
    let header = rel(&mut rels, "header", "header1.xml".into(), false);
    let footer = rel(&mut rels, "footer", "footer1.xml".into(), false);
    let theme_xml = styles.docx.as_ref().and_then(|r| r.theme_xml.clone());
    if theme_xml.is_some() {
        rel(&mut rels, "theme", "theme/theme1.xml".into(), false);
    }
    // The hyperlinks' and images' relationships follow, numbered as the writer gave them.
    let fixed = rels.len();
    let mut body = body;
    let mut notes = std::mem::take(&mut w.footnotes);
    for (i, (kind, target, external)) in w.relations.iter().enumerate() {
        let id = format!("rId{}", fixed + i + 1);
        rels.push((id.clone(), format!("{REL}/{kind}"), target.clone(), *external));
        let placeholder = format!("\u{1}{i}\u{1}");
        body = body.replace(&placeholder, &id);
        notes = notes.replace(&placeholder, &id);
    }
    if let Some(e) = w.error.take() {
        return Err(e);
    }
    let mut images = Vec::new();
    for (name, ext, bytes) in &w.figures {
        images.push((format!("word/media/{name}.{ext}"), bytes.clone()));
    }
    let pngs = office::chart_pngs(&w.charts, "word/media/")?;
    for ((name, svg), png) in w.charts.iter().zip(pngs) {
        images.push((format!("word/media/{name}.png"), png));
        images.push((format!("word/media/{name}.svg"), svg.as_bytes().to_vec()));
    }

    let title_page = doc.metadata.cover;
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {NS}><w:body>{body}<w:sectPr><w:headerReference w:type="default" r:id="{header}"/><w:footerReference w:type="default" r:id="{footer}"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1361" w:right="1247" w:bottom="1247" w:left="1247" w:header="567" w:footer="567" w:gutter="0"/>{title}</w:sectPr></w:body></w:document>
"#,
        title = if title_page { "<w:titlePg/>" } else { "" },
    );
    let footnotes = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>{notes}</w:footnotes>
"#
    );
    let relationships = |only_links: bool| {
        let mut s = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        );
        for (id, kind, target, external) in &rels {
            if only_links && !(kind.ends_with("/hyperlink") || kind.ends_with("/image")) {
                continue;
            }
            let mode = if *external { r#" TargetMode="External""# } else { "" };
            let _ = write!(s, r#"<Relationship Id="{id}" Type="{kind}" Target="{}"{mode}/>"#, xml(target));
        }
        s.push_str("</Relationships>\n");
        s
    };
    let document_rels = relationships(false);
    // Footnotes may hold hyperlinks too: the same ids serve them.
    let footnote_rels = relationships(true);

    let mut z = ZipWriter::new();
    z.add("[Content_Types].xml", content_types(theme_xml.is_some()).as_bytes(), Method::Deflated);
    z.add("_rels/.rels", PACKAGE_RELS.as_bytes(), Method::Deflated);
    z.add("docProps/core.xml", core_xml(doc).as_bytes(), Method::Deflated);
    z.add("docProps/app.xml", app_xml(doc).as_bytes(), Method::Deflated);
    z.add("word/document.xml", document.as_bytes(), Method::Deflated);
    z.add("word/_rels/document.xml.rels", document_rels.as_bytes(), Method::Deflated);
    z.add("word/_rels/footnotes.xml.rels", footnote_rels.as_bytes(), Method::Deflated);
    z.add("word/styles.xml", styles_xml(&styles.theme, styles.docx.as_ref(), &ids, doc).as_bytes(), Method::Deflated);
    z.add("word/numbering.xml", w.numbering_xml().as_bytes(), Method::Deflated);
    z.add("word/footnotes.xml", footnotes.as_bytes(), Method::Deflated);
    z.add("word/settings.xml", settings_xml(doc).as_bytes(), Method::Deflated);
    z.add("word/fontTable.xml", font_table(&styles.theme).as_bytes(), Method::Deflated);
    z.add("word/header1.xml", header_xml(doc, &ids).as_bytes(), Method::Deflated);
    z.add("word/footer1.xml", footer_xml(doc, &ids).as_bytes(), Method::Deflated);
    if let Some(theme) = &theme_xml {
        z.add("word/theme/theme1.xml", theme, Method::Deflated);
    }
    for (path, data) in &images {
        let method = if path.ends_with(".png") { Method::Stored } else { Method::Deflated };
        z.add(path, data, method);
    }
    Ok(z.finish())
}

const NS: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
    r#"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#
);

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>
"#;

fn content_types(theme: bool) -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpg" ContentType="image/jpeg"/><Default Extension="svg" ContentType="image/svg+xml"/><Override PartName="/word/document.xml" ContentType="{main}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="{main}.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="{main}.numbering+xml"/><Override PartName="/word/footnotes.xml" ContentType="{main}.footnotes+xml"/><Override PartName="/word/settings.xml" ContentType="{main}.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="{main}.fontTable+xml"/><Override PartName="/word/header1.xml" ContentType="{main}.header+xml"/><Override PartName="/word/footer1.xml" ContentType="{main}.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
    );
    if theme {
        s.push_str(r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>"#);
    }
    s.push_str("</Types>\n");
    s
}

// ---------------------------------------------------------------------------------------------
// Styles

/// One of koers' named styles, with Word's name for it.
struct Style {
    kind: &'static str,
    id: &'static str,
    name: &'static str,
    based_on: Option<&'static str>,
    next: Option<&'static str>,
    /// `w:pPr`, `w:rPr`, `w:tblPr` as they apply.
    body: String,
}

/// Long because it is a table: one entry per named style, a few lines of OOXML properties each, in
/// the order of odt's named_styles so the two can be read side by side.
fn styles(t: &Theme) -> Vec<Style> {
    let p = |id, name, based_on, next, body: String| Style { kind: "paragraph", id, name, based_on, next, body };
    let c = |id, name, body: String| Style { kind: "character", id, name, based_on: None, next: None, body };
    let size = |pt: f64| format!(r#"<w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, (pt * 2.0).round() as u32);
    let colour = |c: &str| format!(r#"<w:color w:val="{}"/>"#, c.to_ascii_uppercase());
    let mut v = vec![
        p("Normal", "Normal", None, None, String::new()),
        p(
            "BodyText",
            "Body Text",
            Some("Normal"),
            None,
            r#"<w:pPr><w:spacing w:after="140" w:line="276" w:lineRule="auto"/></w:pPr>"#.into(),
        ),
    ];
    let headings: [(&str, &str, f64, u32); 6] = [
        ("Heading1", "heading 1", 22.0, 120),
        ("Heading2", "heading 2", 15.0, 280),
        ("Heading3", "heading 3", 13.0, 240),
        ("Heading4", "heading 4", 11.5, 200),
        ("Heading5", "heading 5", 10.5, 180),
        ("Heading6", "heading 6", 10.5, 180),
    ];
    for (level, (id, name, pt, before)) in headings.into_iter().enumerate() {
        v.push(p(
            id,
            name,
            Some("Normal"),
            Some("BodyText"),
            format!(
                r#"<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="120"/><w:outlineLvl w:val="{level}"/></w:pPr><w:rPr><w:b/><w:bCs/>{}{}</w:rPr>"#,
                colour(&t.primary),
                size(pt)
            ),
        ));
    }
    v.extend([
        p(
            "Title",
            "Title",
            Some("Normal"),
            Some("Subtitle"),
            format!(r#"<w:pPr><w:spacing w:before="1700" w:after="160"/></w:pPr><w:rPr><w:b/><w:bCs/>{}{}</w:rPr>"#, colour(&t.primary), size(32.0)),
        ),
        p(
            "Subtitle",
            "Subtitle",
            Some("Normal"),
            Some("BodyText"),
            format!(r#"<w:pPr><w:spacing w:after="160"/></w:pPr><w:rPr>{}{}</w:rPr>"#, colour(&t.primary), size(18.0)),
        ),
        p(
            "Kicker",
            "Kicker",
            Some("Normal"),
            Some("BodyText"),
            format!(
                r#"<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="20"/></w:pPr><w:rPr><w:b/><w:bCs/><w:caps/>{}<w:spacing w:val="12"/>{}</w:rPr>"#,
                colour(&t.accent_text),
                size(9.5)
            ),
        ),
        p(
            "TOCHeading",
            "TOC Heading",
            Some("Normal"),
            Some("TOC1"),
            format!(r#"<w:pPr><w:spacing w:after="160"/></w:pPr><w:rPr><w:b/><w:bCs/>{}{}</w:rPr>"#, colour(&t.primary), size(16.0)),
        ),
        p("TOC1", "toc 1", Some("Normal"), None, toc_level(0)),
        p("TOC2", "toc 2", Some("Normal"), None, toc_level(1)),
        p("TOC3", "toc 3", Some("Normal"), None, toc_level(2)),
        p("TOC4", "toc 4", Some("Normal"), None, toc_level(3)),
        p("TOC5", "toc 5", Some("Normal"), None, toc_level(4)),
        p("TOC6", "toc 6", Some("Normal"), None, toc_level(5)),
        p("Muted", "Muted", Some("BodyText"), None, format!("<w:rPr><w:i/><w:iCs/>{}</w:rPr>", colour(&t.text_muted))),
        p("Small", "Small", Some("BodyText"), None, format!("<w:rPr>{}</w:rPr>", size(9.0))),
        p(
            "Caption",
            "caption",
            Some("Normal"),
            None,
            format!(r#"<w:pPr><w:keepNext/><w:spacing w:before="80" w:after="120"/></w:pPr><w:rPr><w:i/><w:iCs/>{}{}</w:rPr>"#, colour(&t.text_muted), size(9.5)),
        ),
        p("Chart", "Chart", Some("Normal"), None, r#"<w:pPr><w:keepNext/><w:spacing w:before="160" w:after="0"/><w:jc w:val="center"/></w:pPr>"#.into()),
        p("TableContents", "Table Contents", Some("Normal"), None, format!(r#"<w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr>{}</w:rPr>"#, size(9.5))),
        p("TableHeading", "Table Heading", Some("TableContents"), None, format!("<w:rPr><w:b/><w:bCs/>{}</w:rPr>", colour(&t.primary))),
        p("FactLabel", "Fact Label", Some("TableContents"), None, format!("<w:rPr>{}</w:rPr>", colour(&t.text_muted))),
        p(
            "FootnoteText",
            "footnote text",
            Some("Normal"),
            None,
            format!(r#"<w:pPr><w:spacing w:after="20" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr>{}</w:rPr>"#, size(8.5)),
        ),
        p("ListParagraph", "List Paragraph", Some("BodyText"), None, r#"<w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/></w:pPr>"#.into()),
        p("Quote", "Quote", Some("BodyText"), None, r#"<w:pPr><w:ind w:left="567" w:right="567"/></w:pPr><w:rPr><w:i/><w:iCs/></w:rPr>"#.into()),
        p(
            "HTMLPreformatted",
            "HTML Preformatted",
            Some("Normal"),
            None,
            format!(r#"<w:rPr><w:rFonts w:ascii="Liberation Mono" w:hAnsi="Liberation Mono" w:cs="Liberation Mono"/>{}</w:rPr>"#, size(9.0)),
        ),
        p(
            "BoxTitle",
            "Box Title",
            Some("Normal"),
            Some("BoxText"),
            format!(r#"<w:pPr><w:keepNext/><w:spacing w:after="60"/></w:pPr><w:rPr><w:b/><w:bCs/>{}{}</w:rPr>"#, colour(&t.accent_text), size(11.5)),
        ),
        p("BoxText", "Box Text", Some("BodyText"), None, String::new()),
        p(
            "DefinitionTerm",
            "Definition Term",
            Some("BodyText"),
            Some("Definition"),
            format!(r#"<w:pPr><w:keepNext/><w:spacing w:after="20"/></w:pPr><w:rPr><w:b/><w:bCs/>{}</w:rPr>"#, colour(&t.primary)),
        ),
        p("Definition", "Definition", Some("BodyText"), None, r#"<w:pPr><w:ind w:left="340"/></w:pPr>"#.into()),
        p("Signature", "Signature", Some("BodyText"), None, r#"<w:pPr><w:keepNext/><w:spacing w:before="160" w:after="0"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr>"#.into()),
        p(
            "HorizontalLine",
            "Horizontal Line",
            Some("Normal"),
            Some("BodyText"),
            format!(r#"<w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="{}"/></w:pBdr><w:spacing w:after="160"/></w:pPr><w:rPr>{}</w:rPr>"#, t.line.to_ascii_uppercase(), size(6.0)),
        ),
        p(
            "Header",
            "header",
            Some("Normal"),
            None,
            format!(
                r#"<w:pPr><w:pBdr><w:bottom w:val="single" w:sz="3" w:space="2" w:color="{}"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="{tab}"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr>{}{}</w:rPr>"#,
                t.line.to_ascii_uppercase(),
                colour(&t.text_muted),
                size(8.5),
                tab = twips(TEXT_WIDTH_CM)
            ),
        ),
        p(
            "Footer",
            "footer",
            Some("Normal"),
            None,
            format!(
                r#"<w:pPr><w:tabs><w:tab w:val="right" w:pos="{tab}"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr>{}{}</w:rPr>"#,
                colour(&t.text_muted),
                size(8.5),
                tab = twips(TEXT_WIDTH_CM)
            ),
        ),
        c("Hyperlink", "Hyperlink", format!(r#"<w:rPr>{}<w:u w:val="single"/></w:rPr>"#, colour(&t.primary))),
        c("FootnoteReference", "footnote reference", r#"<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>"#.into()),
        c(
            "HTMLCode",
            "HTML Code",
            format!(r#"<w:rPr><w:rFonts w:ascii="Liberation Mono" w:hAnsi="Liberation Mono" w:cs="Liberation Mono"/>{}</w:rPr>"#, size(9.0)),
        ),
        c("ResultsMarker", "Results Marker", format!("<w:rPr>{}</w:rPr>", colour(&t.accent))),
        Style {
            kind: "table",
            id: "KoersTable",
            name: "Koers Table",
            based_on: None,
            next: None,
            body: r#"<w:pPr><w:spacing w:after="0"/></w:pPr><w:tblPr><w:tblCellMar><w:top w:w="45" w:type="dxa"/><w:left w:w="70" w:type="dxa"/><w:bottom w:w="45" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar></w:tblPr>"#.into(),
        },
    ]);
    v
}

/// The style ids the document uses: koers' own, or those of the reference document that have
/// the same names.
struct StyleIds {
    ids: HashMap<&'static str, String>,
}

impl StyleIds {
    fn new(reference: Option<&DocxReference>) -> StyleIds {
        let theme = Theme::builtin();
        let mut ids = HashMap::new();
        for s in styles(&theme) {
            let id = match reference {
                None => s.id.to_string(),
                Some(r) => match r.ids.get(&s.name.to_lowercase()) {
                    Some(theirs) => theirs.clone(),
                    None if r.all_ids.contains(s.id) => format!("Koers{}", s.id),
                    None => s.id.to_string(),
                },
            };
            ids.insert(s.id, id);
        }
        StyleIds { ids }
    }

    fn get(&self, ours: &str) -> String {
        self.ids.get(ours).cloned().unwrap_or_else(|| ours.to_string())
    }
}

fn style_xml(s: &Style, ids: &StyleIds) -> String {
    let default = if s.id == "Normal" { r#" w:default="1""# } else { "" };
    let mut x = format!(
        r#"<w:style w:type="{}"{default} w:styleId="{}"><w:name w:val="{}"/>"#,
        s.kind,
        xml(&ids.get(s.id)),
        s.name
    );
    if let Some(b) = s.based_on {
        let _ = write!(x, r#"<w:basedOn w:val="{}"/>"#, xml(&ids.get(b)));
    }
    if let Some(n) = s.next {
        let _ = write!(x, r#"<w:next w:val="{}"/>"#, xml(&ids.get(n)));
    }
    x.push_str("<w:qFormat/>");
    x.push_str(&s.body);
    x.push_str("</w:style>");
    x
}

fn language(doc: &Document) -> String {
    let (lang, country) = doc.metadata.language_parts();
    match country {
        Some(c) => format!("{lang}-{c}"),
        None => lang.to_string(),
    }
}

fn styles_xml(t: &Theme, reference: Option<&DocxReference>, ids: &StyleIds, doc: &Document) -> String {
    let lang = xml(&language(doc));
    match reference {
        None => {
            let mut s = format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{f}" w:eastAsia="{f}" w:hAnsi="{f}" w:cs="{f}"/><w:color w:val="{c}"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="{lang}" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
                f = xml(&t.font),
                c = t.text.to_ascii_uppercase(),
            );
            s.push_str(r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#);
            for st in styles(t) {
                s.push_str(&style_xml(&st, ids));
            }
            s.push_str("</w:styles>\n");
            s
        }
        Some(r) => {
            let mut s = r.styles_xml.clone();
            let missing: String = styles(t)
                .iter()
                .filter(|st| !r.ids.contains_key(&st.name.to_lowercase()))
                .map(|st| style_xml(st, ids))
                .collect();
            office::insert_before_close(&mut s, "w:styles", &missing);
            set_language(&mut s, &lang);
            s
        }
    }
}

fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    n.children().find(|c| c.has_tag_name((W_NS, name)))
}

/// Set the language of the document defaults of a reference's styles.xml.
fn set_language(s: &mut String, lang: &str) {
    let Ok(d) = roxmltree::Document::parse(s) else { return };
    let root = d.root_element();
    let ours = format!(r#"<w:lang w:val="{lang}"/>"#);
    let edit = match child(root, "docDefaults") {
        None => {
            let first = root.first_child().map(|c| c.range().start).unwrap_or(root.range().end);
            Some((
                first..first,
                format!("<w:docDefaults><w:rPrDefault><w:rPr>{ours}</w:rPr></w:rPrDefault></w:docDefaults>"),
            ))
        }
        Some(dd) => match child(dd, "rPrDefault") {
            None => Some(match dd.first_child() {
                Some(c) => {
                    (c.range().start..c.range().start, format!("<w:rPrDefault><w:rPr>{ours}</w:rPr></w:rPrDefault>"))
                }
                // <w:docDefaults/>: give it content.
                None => (
                    dd.range(),
                    format!("<w:docDefaults><w:rPrDefault><w:rPr>{ours}</w:rPr></w:rPrDefault></w:docDefaults>"),
                ),
            }),
            Some(rd) => match child(rd, "rPr") {
                None => Some(match rd.first_child() {
                    Some(c) => (c.range().start..c.range().start, format!("<w:rPr>{ours}</w:rPr>")),
                    None => (rd.range(), format!("<w:rPrDefault><w:rPr>{ours}</w:rPr></w:rPrDefault>")),
                }),
                Some(rpr) => match child(rpr, "lang") {
                    Some(l) => {
                        let mut attrs: Vec<String> = l
                            .attributes()
                            .filter(|a| !(a.namespace() == Some(W_NS) && a.name() == "val"))
                            .map(|a| {
                                let prefix = a.namespace().and_then(|ns| l.lookup_prefix(ns)).map(|p| format!("{p}:"));
                                format!(r#"{}{}="{}""#, prefix.unwrap_or_default(), a.name(), xml(a.value()))
                            })
                            .collect();
                        attrs.insert(0, format!(r#"w:val="{lang}""#));
                        Some((l.range(), format!("<w:lang {}/>", attrs.join(" "))))
                    }
                    None => {
                        // Before the elements that follow w:lang in a w:rPr, else at its end.
                        let after = rpr.children().find(|c| {
                            c.is_element() && matches!(c.tag_name().name(), "eastAsianLayout" | "specVanish" | "oMath")
                        });
                        match after {
                            Some(a) => Some((a.range().start..a.range().start, ours.clone())),
                            None => {
                                let end = rpr.range().end;
                                let close = "</w:rPr>".len();
                                if s[rpr.range()].ends_with("/>") {
                                    Some((rpr.range(), format!("<w:rPr>{ours}</w:rPr>")))
                                } else {
                                    Some((end - close..end - close, ours.clone()))
                                }
                            }
                        }
                    }
                },
            },
        },
    };
    drop(d);
    if let Some((range, text)) = edit {
        s.replace_range(range, &text);
    }
}

// ---------------------------------------------------------------------------------------------
// The document body

#[derive(Clone)]
struct Ctx {
    /// Our id of the style of body paragraphs here.
    body: &'static str,
    /// The depth of the list the blocks are in (0: none), and whether the next paragraph is
    /// the first of its item (it gets the number or bullet).
    list: Option<(u32, u32)>,
    in_note: bool,
}

impl Ctx {
    fn body() -> Ctx {
        Ctx { body: "BodyText", list: None, in_note: false }
    }
    fn with_body(&self, body: &'static str) -> Ctx {
        Ctx { body, ..self.clone() }
    }
}

/// Run formatting.
#[derive(Clone, Default)]
struct Fmt {
    bold: bool,
    italic: bool,
    strike: bool,
    code: bool,
    link: bool,
    colour: Option<String>,
}

/// Paragraph properties.
#[derive(Clone, Default)]
struct Para {
    style: &'static str,
    keep_next: bool,
    page_break: bool,
    /// numId, level.
    number: Option<(u32, u32)>,
    /// Left indent in twips.
    indent: Option<u32>,
    align: Option<&'static str>,
    /// The runs' formatting in this paragraph (table header, total row, current phase).
    runs: Fmt,
}

struct Writer<'d> {
    theme: &'d Theme,
    ids: &'d StyleIds,
    out: String,
    footnotes: String,
    /// Relationships to add: (type, target, external); referred to as `\u{1}index\u{1}`.
    relations: Vec<(&'static str, String, bool)>,
    url_relations: BTreeMap<String, usize>,
    /// Word bookmark names of the document's anchors.
    bookmarks: HashMap<String, String>,
    bookmark_ids: u32,
    pending: Pending,
    notes: u32,
    note_numbers: HashMap<String, u32>,
    /// The footnote mark to put at the start of the next paragraph (in a footnote).
    note_mark: bool,
    /// Lists: (abstract numbering, start) per numId, from 1.
    nums: Vec<(u32, u64)>,
    charts: Vec<(String, String)>,
    /// Figures from the data: (name, extension, bytes).
    figures: Vec<(String, &'static str, Vec<u8>)>,
    /// A figure that could not be embedded: the document fails with it.
    error: Option<RenderError>,
    image_names: BTreeSet<String>,
    drawings: u32,
    fmt: Fmt,
    in_link: bool,
}

/// The abstract numberings of numbering.xml.
const BULLETS: u32 = 1;
const NUMBERS: u32 = 2;
const RESULTS: u32 = 3;

fn twips(cm: f64) -> u32 {
    (cm * TWIPS_PER_CM).round() as u32
}

/// A Word bookmark name for an anchor: letters, digits and `_`, starting with a letter, at most
/// 40 characters, unique in the document.
fn bookmark_name(anchor: &str, taken: &BTreeSet<String>) -> String {
    let mut base: String = anchor.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).take(34).collect();
    if !base.starts_with(|c: char| c.is_ascii_alphabetic()) {
        base.insert(0, 'k');
    }
    let mut name = base.clone();
    let mut n = 1;
    while taken.contains(&name) {
        n += 1;
        name = format!("{base}_{n}");
    }
    name
}

impl<'d> Writer<'d> {
    fn new(doc: &'d Document, theme: &'d Theme, ids: &'d StyleIds) -> Writer<'d> {
        let mut taken = BTreeSet::new();
        let mut bookmarks = HashMap::new();
        for a in crate::render::doc::anchors(&doc.blocks) {
            if !bookmarks.contains_key(a) {
                let name = bookmark_name(a, &taken);
                taken.insert(name.clone());
                bookmarks.insert(a.to_string(), name);
            }
        }
        Writer {
            theme,
            ids,
            out: String::new(),
            footnotes: String::new(),
            relations: Vec::new(),
            url_relations: BTreeMap::new(),
            bookmarks,
            bookmark_ids: 0,
            pending: Pending::default(),
            notes: 0,
            note_numbers: HashMap::new(),
            note_mark: false,
            nums: Vec::new(),
            charts: Vec::new(),
            figures: Vec::new(),
            error: None,
            image_names: BTreeSet::new(),
            drawings: 0,
            fmt: Fmt::default(),
            in_link: false,
        }
    }

    fn relation(&mut self, kind: &'static str, target: String, external: bool) -> String {
        let i = if kind == "hyperlink" {
            match self.url_relations.get(&target) {
                Some(i) => *i,
                None => {
                    self.relations.push((kind, target.clone(), external));
                    self.url_relations.insert(target, self.relations.len() - 1);
                    self.relations.len() - 1
                }
            }
        } else {
            self.relations.push((kind, target, external));
            self.relations.len() - 1
        };
        format!("\u{1}{i}\u{1}")
    }

    // -- paragraphs ----------------------------------------------------------------------------

    fn open(&mut self, mut p: Para) {
        p.page_break |= std::mem::take(&mut self.pending.page_break);
        p.keep_next |= std::mem::take(&mut self.pending.keep_with_next);
        let _ = write!(self.out, r#"<w:p><w:pPr><w:pStyle w:val="{}"/>"#, xml(&self.ids.get(p.style)));
        if p.keep_next {
            self.out.push_str("<w:keepNext/>");
        }
        if p.page_break {
            self.out.push_str("<w:pageBreakBefore/>");
        }
        if let Some((num, level)) = p.number {
            let _ = write!(self.out, r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>"#);
        }
        if let Some(left) = p.indent {
            let _ = write!(self.out, r#"<w:ind w:left="{left}"/>"#);
        }
        if let Some(a) = p.align {
            let _ = write!(self.out, r#"<w:jc w:val="{a}"/>"#);
        }
        self.out.push_str("</w:pPr>");
        for name in std::mem::take(&mut self.pending.bookmarks) {
            if let Some(b) = self.bookmarks.get(&name).cloned() {
                self.bookmark_ids += 1;
                let id = self.bookmark_ids;
                let _ = write!(self.out, r#"<w:bookmarkStart w:id="{id}" w:name="{b}"/><w:bookmarkEnd w:id="{id}"/>"#);
            }
        }
        if std::mem::take(&mut self.note_mark) {
            let _ = write!(
                self.out,
                r#"<w:r><w:rPr><w:rStyle w:val="{}"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>"#,
                xml(&self.ids.get("FootnoteReference"))
            );
        }
        self.fmt = p.runs;
        self.pending.started = true;
    }

    fn close(&mut self) {
        self.out.push_str("</w:p>");
        self.fmt = Fmt::default();
    }

    /// A paragraph's properties in a list item: the first paragraph of an item gets its marker.
    fn para(&self, style: &'static str, cx: &Ctx) -> Para {
        let mut p = Para { style, ..Para::default() };
        if let Some((num, level)) = cx.list {
            p.style = "ListParagraph";
            p.indent = Some(720 + 360 * level);
            p.number = Some((num, level));
        }
        p
    }

    fn paragraph(&mut self, p: Para, content: &[Inline], cx: &Ctx) {
        self.open(p);
        self.inlines(content, cx);
        self.close();
    }

    fn text_paragraph(&mut self, p: Para, text: &str) {
        self.open(p);
        self.run(text);
        self.close();
    }

    fn styled(style: &'static str) -> Para {
        Para { style, ..Para::default() }
    }

    // -- blocks --------------------------------------------------------------------------------

    fn cover(&mut self, doc: &Document) {
        for (line, content) in office::cover_lines(&doc.metadata) {
            let style = match line {
                CoverLine::Kicker => "Kicker",
                CoverLine::Title => "Title",
                CoverLine::Subtitle => "Subtitle",
                CoverLine::Body => "BodyText",
                CoverLine::Small => "Small",
            };
            self.paragraph(Self::styled(style), &content, &Ctx::body());
        }
        // The programme's logo below the title, as the PDF's title page has it.
        if let Some(logo) = &doc.metadata.logo {
            self.image(logo, "BodyText", Some(office::LOGO_HEIGHT_CM), &Ctx::body());
        }
        if self.pending.started {
            self.pending.page_break = true;
            self.pending.started = false;
        }
    }

    /// The table of contents after the title page: a TOC field of the outlined headings down to
    /// the document's depth (styles "TOC Heading", "toc N"), its entries linked to the headings'
    /// bookmarks. Word fills in the page numbers: the settings ask it to update fields on opening.
    fn contents(&mut self, doc: &Document) {
        let entries = office::contents_entries(doc);
        if entries.is_empty() {
            return;
        }
        let depth = doc.metadata.contents_depth.clamp(1, 6);
        self.out.push_str(r#"<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>"#);
        self.text_paragraph(Self::styled("TOCHeading"), office::CONTENTS_TITLE);
        for (i, (level, text, anchor)) in entries.iter().enumerate() {
            const STYLES: [&str; 6] = ["TOC1", "TOC2", "TOC3", "TOC4", "TOC5", "TOC6"];
            self.open(Self::styled(STYLES[(*level as usize).clamp(1, 6) - 1]));
            if i == 0 {
                let _ = write!(
                    self.out,
                    r#"<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-{depth}" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
                );
            }
            match anchor.as_ref().and_then(|a| self.bookmarks.get(a)).cloned() {
                Some(b) => {
                    let _ = write!(self.out, r#"<w:hyperlink w:anchor="{}" w:history="1">"#, xml(&b));
                    self.run(text);
                    self.out.push_str("</w:hyperlink>");
                }
                None => self.run(text),
            }
            self.close();
        }
        self.out.push_str(r#"<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:sdtContent></w:sdt>"#);
        self.pending.page_break = true;
        self.pending.started = false;
    }

    fn blocks(&mut self, blocks: &[Block], cx: &Ctx) {
        let mut cx = cx.clone();
        for b in blocks {
            self.block(b, &cx);
            // Only the first paragraph of a list item carries its marker.
            if let Some((num, level)) = cx.list
                && num != 0
                && !matches!(b, Block::Break { .. } | Block::Section { .. })
            {
                cx.list = Some((0, level));
            }
        }
    }

    /// Long because it is the one match over every kind of block of the tree (a writer knows block
    /// kinds, not documents); each arm is short.
    fn block(&mut self, b: &Block, cx: &Ctx) {
        match b {
            Block::Heading { level, content, anchor, kicker, .. } => {
                let level = (*level).clamp(1, 6);
                if let Some(k) = kicker {
                    let p = Para { keep_next: true, ..Self::styled("Kicker") };
                    self.text_paragraph(p, k);
                }
                self.pending.bookmarks.extend(anchor.iter().cloned());
                let style =
                    ["Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6"][level as usize - 1];
                self.paragraph(Self::styled(style), content, cx);
            }
            Block::Paragraph { style, content } => {
                let name = match style {
                    ParagraphStyle::Body => cx.body,
                    ParagraphStyle::Muted => "Muted",
                    ParagraphStyle::Small => "Small",
                };
                let p = self.item_para(name, cx);
                self.paragraph(p, content, cx);
            }
            Block::List { ordered, start, style, items } => {
                let abstract_num = match (style, ordered) {
                    (ListStyle::Results, _) => RESULTS,
                    (_, true) => NUMBERS,
                    (_, false) => BULLETS,
                };
                self.nums.push((abstract_num, *start));
                let num = self.nums.len() as u32;
                let level = cx.list.map_or(0, |(_, l)| (l + 1).min(8));
                for item in items {
                    let inner = Ctx { body: "ListParagraph", list: Some((num, level)), in_note: cx.in_note };
                    if item.is_empty() {
                        let p = self.item_para("ListParagraph", &inner);
                        self.text_paragraph(p, "");
                    }
                    self.blocks(item, &inner);
                }
            }
            Block::Table(t) => self.table(t, cx),
            Block::Callout { title, content, link, .. } => {
                self.open_table(&[twips(TEXT_WIDTH_CM)], None);
                let _ = write!(
                    self.out,
                    r#"<w:tr><w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/><w:tcBorders><w:left w:val="single" w:sz="24" w:space="0" w:color="{}"/></w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="{}"/><w:tcMar><w:top w:w="140" w:type="dxa"/><w:left w:w="200" w:type="dxa"/><w:bottom w:w="100" w:type="dxa"/><w:right w:w="200" w:type="dxa"/></w:tcMar></w:tcPr>"#,
                    twips(TEXT_WIDTH_CM),
                    self.theme.accent.to_ascii_uppercase(),
                    self.theme.accent_surface.to_ascii_uppercase()
                );
                let inner = Ctx { body: "BoxText", list: None, in_note: cx.in_note };
                if let Some(t) = title {
                    self.text_paragraph(Self::styled("BoxTitle"), t);
                }
                self.blocks(content, &inner);
                if let Some(l) = link {
                    self.paragraph(Self::styled("BoxText"), &office::callout_link(l), &inner);
                }
                self.end_cell();
                self.out.push_str("</w:tr>");
                self.close_table();
            }
            Block::PhaseLadder { steps } => {
                if steps.is_empty() {
                    return;
                }
                let width = twips(TEXT_WIDTH_CM) / steps.len() as u32;
                self.open_table(&vec![width; steps.len()], None);
                self.out.push_str("<w:tr>");
                for (i, s) in steps.iter().enumerate() {
                    let (fill, colour, bold) = match s.state {
                        StepState::Current => (&self.theme.primary, "ffffff".to_string(), true),
                        StepState::Passed => (&self.theme.primary_light, self.theme.primary.clone(), false),
                        StepState::Upcoming => (&self.theme.surface_grey, self.theme.text_muted.clone(), false),
                    };
                    let _ = write!(
                        self.out,
                        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:tcBorders><w:top w:val="single" w:sz="12" w:space="0" w:color="FFFFFF"/><w:left w:val="single" w:sz="12" w:space="0" w:color="FFFFFF"/><w:bottom w:val="single" w:sz="12" w:space="0" w:color="FFFFFF"/><w:right w:val="single" w:sz="12" w:space="0" w:color="FFFFFF"/></w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="{}"/><w:vAlign w:val="center"/></w:tcPr>"#,
                        fill.to_ascii_uppercase()
                    );
                    let p = Para {
                        align: Some("center"),
                        runs: Fmt { bold, colour: Some(colour), ..Fmt::default() },
                        ..Self::styled("TableContents")
                    };
                    self.text_paragraph(p, &office::step_label(i, &s.name));
                    self.out.push_str("</w:tc>");
                }
                self.out.push_str("</w:tr>");
                self.close_table();
            }
            Block::Facts { items } => {
                let total = twips(TEXT_WIDTH_CM);
                self.open_table(&[total * 3 / 10, total * 7 / 10], None);
                for f in items {
                    self.out.push_str("<w:tr>");
                    for (i, (content, style)) in
                        [(&f.label, "FactLabel"), (&f.value, "TableContents")].into_iter().enumerate()
                    {
                        let w = if i == 0 { total * 3 / 10 } else { total * 7 / 10 };
                        let _ = write!(self.out, r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>"#);
                        self.paragraph(Self::styled(style), content, cx);
                        self.out.push_str("</w:tc>");
                    }
                    self.out.push_str("</w:tr>");
                }
                self.close_table();
            }
            Block::Definitions { items } => {
                for d in items {
                    self.paragraph(Self::styled("DefinitionTerm"), &d.term, cx);
                    self.blocks(&d.description, &cx.with_body("Definition"));
                }
            }
            Block::Chart(c) => self.chart(c, cx),
            Block::Signature { names, roles } => {
                self.text_paragraph(Self::styled("Signature"), names);
                if let Some(r) = roles {
                    self.text_paragraph(Self::styled("Muted"), r);
                }
            }
            Block::Quote { content } => self.blocks(content, &cx.with_body("Quote")),
            Block::Code { text } => {
                let p = self.item_para("HTMLPreformatted", cx);
                self.open(p);
                for (i, line) in text.lines().enumerate() {
                    if i > 0 {
                        self.out.push_str("<w:r><w:br/></w:r>");
                    }
                    self.run(line);
                }
                self.close();
            }
            Block::Rule => self.text_paragraph(Self::styled("HorizontalLine"), ""),
            Block::Break { kind } => self.pending.hint(*kind),
            Block::Figure(f) => self.figure(f, cx),
            Block::Section { anchor, content, .. } => {
                self.pending.bookmarks.extend(anchor.iter().cloned());
                self.blocks(content, cx);
            }
        }
    }

    /// A paragraph of `style`, or the paragraph of a list item when in one.
    fn item_para(&self, style: &'static str, cx: &Ctx) -> Para {
        match cx.list {
            Some((0, level)) => Para { style: "ListParagraph", indent: Some(720 + 360 * level), ..Para::default() },
            Some(_) => self.para(style, cx),
            None => Self::styled(style),
        }
    }

    /// Open a `w:tbl` with its grid; a pending page break becomes a paragraph before it (Word
    /// ignores one inside a table).
    fn open_table(&mut self, widths: &[u32], caption: Option<&str>) {
        if std::mem::take(&mut self.pending.page_break) {
            self.out.push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#);
        }
        self.pending.keep_with_next = false;
        let _ = write!(
            self.out,
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="{}"/><w:tblW w:w="{}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>"#,
            xml(&self.ids.get("KoersTable")),
            widths.iter().sum::<u32>()
        );
        if let Some(c) = caption {
            let _ = write!(self.out, r#"<w:tblCaption w:val="{}"/>"#, xml(c));
        }
        self.out.push_str("</w:tblPr><w:tblGrid>");
        for w in widths {
            let _ = write!(self.out, r#"<w:gridCol w:w="{w}"/>"#);
        }
        self.out.push_str("</w:tblGrid>");
        self.pending.started = true;
    }

    /// Close a table, and keep it apart from a table that follows (Word and LibreOffice join
    /// adjacent tables into one) by a line 8 points high.
    fn close_table(&mut self) {
        self.out.push_str(
            r#"</w:tbl><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="160" w:lineRule="exact"/><w:rPr><w:sz w:val="8"/></w:rPr></w:pPr></w:p>"#,
        );
    }

    /// Close a table cell: it must end in a paragraph.
    fn end_cell(&mut self) {
        if self.out.ends_with("</w:tbl>") || self.out.ends_with("</w:tcPr>") {
            self.out.push_str("<w:p/>");
        }
        self.out.push_str("</w:tc>");
    }

    fn table(&mut self, t: &Table, cx: &Ctx) {
        let columns = office::column_count(t);
        let caption = t.caption.as_ref().map(|c| crate::render::doc::inline_text(c));
        if let Some(c) = &t.caption {
            self.paragraph(Self::styled("Caption"), c, cx);
        }
        let total = twips(TEXT_WIDTH_CM) - cx.list.map_or(0, |(_, l)| 720 + 360 * l);
        let widths: Vec<u32> = office::column_widths(t, columns).iter().map(|w| total * w / 1000).collect();
        self.open_table(&widths, caption.as_deref());
        let cell_cx = Ctx { body: "TableContents", list: None, in_note: cx.in_note };
        let line = self.theme.line.to_ascii_uppercase();
        if !t.columns.is_empty() {
            self.out.push_str("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
            for (i, w) in widths.iter().enumerate() {
                let _ = write!(
                    self.out,
                    r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="{}"/></w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="{}"/></w:tcPr>"#,
                    self.theme.primary.to_ascii_uppercase(),
                    self.theme.primary_light.to_ascii_uppercase()
                );
                let p = Para { align: alignment(t, i), ..Self::styled("TableHeading") };
                self.paragraph(p, t.columns.get(i).map(|c| c.header.as_slice()).unwrap_or(&[]), &cell_cx);
                self.out.push_str("</w:tc>");
            }
            self.out.push_str("</w:tr>");
        }
        for row in &t.rows {
            self.row(t, row, &widths, &line, &cell_cx);
        }
        self.close_table();
    }

    fn row(&mut self, t: &Table, row: &Row, widths: &[u32], line: &str, cx: &Ctx) {
        self.out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (i, w) in widths.iter().enumerate() {
            let _ = write!(
                self.out,
                r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:tcBorders>{}<w:bottom w:val="single" w:sz="4" w:space="0" w:color="{line}"/></w:tcBorders>{}</w:tcPr>"#,
                if row.style == RowStyle::Total {
                    format!(
                        r#"<w:top w:val="single" w:sz="8" w:space="0" w:color="{}"/>"#,
                        self.theme.primary.to_ascii_uppercase()
                    )
                } else {
                    String::new()
                },
                if row.style == RowStyle::Total {
                    format!(
                        r#"<w:shd w:val="clear" w:color="auto" w:fill="{}"/>"#,
                        self.theme.primary_light.to_ascii_uppercase()
                    )
                } else {
                    String::new()
                },
            );
            let p = Para {
                align: alignment(t, i),
                indent: (row.style == RowStyle::Sub && i == 0).then_some(255),
                runs: Fmt { bold: row.style == RowStyle::Total, ..Fmt::default() },
                ..Self::styled("TableContents")
            };
            match row.cells.get(i).map(Vec::as_slice) {
                None | Some([]) => self.paragraph(p, &[], cx),
                Some(blocks) => {
                    for b in blocks {
                        match b {
                            Block::Paragraph { style: ParagraphStyle::Body, content } => {
                                self.paragraph(p.clone(), content, cx)
                            }
                            other => self.block(other, cx),
                        }
                    }
                }
            }
            self.end_cell();
        }
        self.out.push_str("</w:tr>");
    }

    fn chart(&mut self, c: &Chart, cx: &Ctx) {
        let name = office::image_name(&c.id, &mut self.image_names);
        self.charts.push((name.clone(), c.svg.clone()));
        let png = self.relation("image", format!("media/{name}.png"), false);
        let svg = self.relation("image", format!("media/{name}.svg"), false);
        let width_cm = TEXT_WIDTH_CM - cx.list.map_or(0.0, |(_, l)| (720 + 360 * l) as f64 / TWIPS_PER_CM);
        let cx_emu = (width_cm * EMU_PER_CM).round() as u64;
        let cy_emu = cx_emu * c.height.max(1) as u64 / c.width.max(1) as u64;
        self.drawings += 1;
        let id = self.drawings;
        let p = self.item_para("Chart", cx);
        let p = Para { style: if cx.list.is_some() { p.style } else { "Chart" }, ..p };
        self.open(p);
        let _ = write!(
            self.out,
            concat!(
                r#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{id}" name="{name}" descr="{desc}" title="{title}"/>"#,
                r#"<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">"#,
                r#"<pic:pic><pic:nvPicPr><pic:cNvPr id="{id}" name="{name}.png" descr="{desc}" title="{title}"/><pic:cNvPicPr/></pic:nvPicPr>"#,
                r#"<pic:blipFill><a:blip r:embed="{png}"><a:extLst><a:ext uri="{{96DAC541-7B7A-43D3-8B79-37D633B846F1}}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="{svg}"/></a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#,
                r#"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#
            ),
            cx = cx_emu,
            cy = cy_emu,
            id = id,
            name = xml(&name),
            desc = xml(&c.description),
            title = xml(&c.title),
            png = png,
            svg = svg,
        );
        self.close();
        self.text_paragraph(Self::styled("Caption"), &c.title);
        self.table(&c.table, &Ctx { list: cx.list.map(|(_, l)| (0, l)), ..cx.clone() });
    }

    /// A figure from the data, as wide as the text, with its alt text.
    fn figure(&mut self, f: &crate::render::doc::Figure, cx: &Ctx) {
        self.image(f, "Chart", None, cx);
    }

    /// An image with its alt text in a paragraph of `style`: `height_cm` high (at most as wide as
    /// the text), else as wide as the text.
    fn image(&mut self, f: &crate::render::doc::Figure, style: &'static str, height_cm: Option<f64>, cx: &Ctx) {
        let (ext, bytes, (w, h)) = match office::figure_raster(f) {
            Ok(r) => r,
            Err(e) => {
                self.error.get_or_insert(e);
                return;
            }
        };
        let name = office::image_name(&f.id, &mut self.image_names);
        let rel = self.relation("image", format!("media/{name}.{ext}"), false);
        let (width, height) = office::image_size_cm((w, h), height_cm);
        let cx_emu = (width * EMU_PER_CM).round() as u64;
        let cy_emu = match height_cm {
            Some(_) => (height * EMU_PER_CM).round() as u64,
            None => cx_emu * h.max(1) as u64 / w.max(1) as u64,
        };
        self.drawings += 1;
        let id = self.drawings;
        let p = self.item_para(style, cx);
        self.open(p);
        let _ = write!(
            self.out,
            concat!(
                r#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{id}" name="{name}" descr="{desc}"/>"#,
                r#"<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">"#,
                r#"<pic:pic><pic:nvPicPr><pic:cNvPr id="{id}" name="{name}.{ext}" descr="{desc}"/><pic:cNvPicPr/></pic:nvPicPr>"#,
                r#"<pic:blipFill><a:blip r:embed="{rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#,
                r#"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#
            ),
            cx = cx_emu,
            cy = cy_emu,
            id = id,
            name = xml(&name),
            ext = ext,
            desc = xml(&f.alt),
            rel = rel,
        );
        self.close();
        self.figures.push((name, ext, bytes));
    }

    // -- inlines -------------------------------------------------------------------------------

    fn inlines(&mut self, inlines: &[Inline], cx: &Ctx) {
        for i in inlines {
            self.inline(i, cx);
        }
    }

    fn with_fmt(&mut self, change: impl FnOnce(&mut Fmt), f: impl FnOnce(&mut Self)) {
        let saved = self.fmt.clone();
        change(&mut self.fmt);
        f(self);
        self.fmt = saved;
    }

    fn hyperlink(&mut self, target: &str, tooltip: Option<&str>, f: impl FnOnce(&mut Self)) {
        if self.in_link {
            f(self);
            return;
        }
        let tooltip = tooltip.map(|t| format!(r#" w:tooltip="{}""#, xml(t))).unwrap_or_default();
        let _ = write!(self.out, "<w:hyperlink {target}{tooltip} w:history=\"1\">");
        self.in_link = true;
        self.with_fmt(|f| f.link = true, f);
        self.in_link = false;
        self.out.push_str("</w:hyperlink>");
    }

    fn inline(&mut self, i: &Inline, cx: &Ctx) {
        match i {
            Inline::Text { text } => self.run(text),
            Inline::Strong { content } => self.with_fmt(|f| f.bold = true, |w| w.inlines(content, cx)),
            Inline::Emphasis { content } => self.with_fmt(|f| f.italic = true, |w| w.inlines(content, cx)),
            Inline::Strikethrough { content } => self.with_fmt(|f| f.strike = true, |w| w.inlines(content, cx)),
            Inline::Code { text } => self.with_fmt(|f| f.code = true, |w| w.run(text)),
            Inline::Link { url, content } => {
                let rel = self.relation("hyperlink", url.clone(), true);
                self.hyperlink(&format!(r#"r:id="{rel}""#), None, |w| w.inlines(content, cx));
            }
            Inline::InternalLink { anchor, content } => match self.bookmarks.get(anchor).cloned() {
                Some(b) => self.hyperlink(&format!(r#"w:anchor="{b}""#), None, |w| w.inlines(content, cx)),
                None => self.inlines(content, cx),
            },
            Inline::Abbreviation { short, meaning, anchor } => match self.bookmarks.get(anchor).cloned() {
                Some(b) => self.hyperlink(&format!(r#"w:anchor="{b}""#), Some(meaning), |w| w.run(short)),
                None => self.run(short),
            },
            Inline::Footnote { id, content } => {
                if cx.in_note {
                    self.run(&format!(" ({})", office::plain_text(content)));
                    return;
                }
                self.notes += 1;
                let n = self.notes;
                self.note_numbers.insert(id.clone(), n);
                self.bookmark_ids += 1;
                let bm = self.bookmark_ids;
                let _ = write!(
                    self.out,
                    r#"<w:bookmarkStart w:id="{bm}" w:name="_RefNote{n}"/><w:r><w:rPr><w:rStyle w:val="{}"/></w:rPr><w:footnoteReference w:id="{n}"/></w:r><w:bookmarkEnd w:id="{bm}"/>"#,
                    xml(&self.ids.get("FootnoteReference"))
                );
                // The note's blocks, written to footnotes.xml.
                let body = std::mem::take(&mut self.out);
                let saved = (std::mem::take(&mut self.pending), self.fmt.clone(), self.in_link);
                self.in_link = false;
                self.note_mark = true;
                let note_cx = Ctx { body: "FootnoteText", list: None, in_note: true };
                if content.is_empty() || !matches!(content.first(), Some(Block::Paragraph { .. })) {
                    self.text_paragraph(Self::styled("FootnoteText"), "");
                }
                self.blocks(content, &note_cx);
                self.note_mark = false;
                let note = std::mem::replace(&mut self.out, body);
                (self.pending, self.fmt, self.in_link) = saved;
                let _ = write!(self.footnotes, r#"<w:footnote w:id="{n}">{note}</w:footnote>"#);
            }
            Inline::FootnoteRef { id } => {
                if let Some(n) = self.note_numbers.get(id) {
                    let _ = write!(
                        self.out,
                        r#"<w:fldSimple w:instr=" NOTEREF _RefNote{n} \f \h "><w:r><w:rPr><w:rStyle w:val="{}"/></w:rPr><w:t>{n}</w:t></w:r></w:fldSimple>"#,
                        xml(&self.ids.get("FootnoteReference"))
                    );
                }
            }
            Inline::LineBreak => self.out.push_str("<w:r><w:br/></w:r>"),
        }
    }

    fn rpr(&self) -> String {
        let f = &self.fmt;
        let mut s = String::new();
        if f.link {
            let _ = write!(s, r#"<w:rStyle w:val="{}"/>"#, xml(&self.ids.get("Hyperlink")));
        } else if f.code {
            let _ = write!(s, r#"<w:rStyle w:val="{}"/>"#, xml(&self.ids.get("HTMLCode")));
        }
        if f.bold {
            s.push_str("<w:b/><w:bCs/>");
        }
        if f.italic {
            s.push_str("<w:i/><w:iCs/>");
        }
        if f.strike {
            s.push_str("<w:strike/>");
        }
        if let Some(c) = &f.colour {
            let _ = write!(s, r#"<w:color w:val="{}"/>"#, c.to_ascii_uppercase());
        }
        if s.is_empty() { s } else { format!("<w:rPr>{s}</w:rPr>") }
    }

    /// A run of text: escaped, spaces kept, tabs and line ends as their elements.
    fn run(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let rpr = self.rpr();
        let _ = write!(self.out, "<w:r>{rpr}");
        let mut part = String::new();
        let flush = |out: &mut String, part: &mut String| {
            if !part.is_empty() {
                let _ = write!(out, r#"<w:t xml:space="preserve">{}</w:t>"#, xml(part));
                part.clear();
            }
        };
        for c in text.chars() {
            match c {
                '\t' => {
                    flush(&mut self.out, &mut part);
                    self.out.push_str("<w:tab/>");
                }
                '\n' => {
                    flush(&mut self.out, &mut part);
                    self.out.push_str("<w:br/>");
                }
                '\r' => {}
                c => part.push(c),
            }
        }
        flush(&mut self.out, &mut part);
        self.out.push_str("</w:r>");
    }

    fn numbering_xml(&self) -> String {
        let mut s = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">"#
        );
        let marker_style = xml(&self.ids.get("ResultsMarker"));
        for (id, kind) in [(BULLETS, "bullet"), (NUMBERS, "decimal"), (RESULTS, "results")] {
            let _ = write!(s, r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="hybridMultilevel"/>"#);
            for level in 0..9u32 {
                let indent = 720 + 360 * level;
                let (fmt, text, rpr) = match kind {
                    "decimal" => ("decimal", format!("%{}.", level + 1), String::new()),
                    "results" if level == 0 => (
                        "bullet",
                        "▶".to_string(),
                        format!(r#"<w:rPr><w:rStyle w:val="{marker_style}"/><w:sz w:val="16"/></w:rPr>"#),
                    ),
                    _ => ("bullet", ["•", "–", "◦"][level as usize % 3].to_string(), String::new()),
                };
                let _ = write!(
                    s,
                    r#"<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr>{rpr}</w:lvl>"#
                );
            }
            s.push_str("</w:abstractNum>");
        }
        for (i, (abstract_num, start)) in self.nums.iter().enumerate() {
            let _ = write!(s, r#"<w:num w:numId="{}"><w:abstractNumId w:val="{abstract_num}"/>"#, i + 1);
            if *abstract_num == NUMBERS {
                // Every ordered list starts anew, at its own start, at any level.
                for level in 0..9 {
                    let _ = write!(
                        s,
                        r#"<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>"#
                    );
                }
            }
            s.push_str("</w:num>");
        }
        s.push_str("</w:numbering>\n");
        s
    }
}

/// `w:jc` of a column's cells.
fn alignment(t: &Table, column: usize) -> Option<&'static str> {
    office::alignment(t, column).map(|side| match side {
        Side::Start => "left",
        Side::Center => "center",
        Side::End => "right",
    })
}

/// A level of the table of contents: indented by its depth, the page number at the right margin.
fn toc_level(depth: u32) -> String {
    let bold = if depth == 0 { "<w:rPr><w:b/><w:bCs/></w:rPr>" } else { "" };
    format!(
        r#"<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9060"/></w:tabs><w:spacing w:before="{}" w:after="40"/><w:ind w:left="{}"/></w:pPr>{bold}"#,
        if depth == 0 { 120 } else { 0 },
        240 * depth
    )
}

fn settings_xml(doc: &Document) -> String {
    // With a table of contents Word updates its fields (the page numbers) on opening.
    let update = if office::contents_entries(doc).is_empty() { "" } else { r#"<w:updateFields w:val="true"/>"# };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="708"/><w:characterSpacingControl w:val="doNotCompress"/>{update}<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="{}"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>
"#,
        xml(&language(doc))
    )
}

fn font_table(t: &Theme) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="{W_NS}"><w:font w:name="{}"><w:altName w:val="Calibri"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font><w:font w:name="Liberation Mono"><w:altName w:val="Courier New"/><w:charset w:val="00"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font></w:fonts>
"#,
        xml(&t.font)
    )
}

fn header_xml(doc: &Document, ids: &StyleIds) -> String {
    let m = &doc.metadata;
    let title = office::running_title(m);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="{}"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p></w:hdr>
"#,
        xml(&ids.get("Header")),
        xml(&m.author),
        xml(&title)
    )
}

fn footer_xml(doc: &Document, ids: &StyleIds) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="{}"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">Pagina </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> van </w:t></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>
"#,
        xml(&ids.get("Footer")),
        xml(doc.metadata.date_text.as_deref().unwrap_or(""))
    )
}

fn core_xml(doc: &Document) -> String {
    let m = &doc.metadata;
    let title = match &m.period {
        Some(p) => format!("{} – {p}", m.title),
        None => m.title.clone(),
    };
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title>"#,
        xml(&title)
    );
    if let Some(sub) = &m.subtitle {
        let _ = write!(s, "<dc:subject>{}</dc:subject>", xml(sub));
    }
    let _ = write!(s, "<dc:creator>{}</dc:creator>", xml(&m.author));
    if m.draft {
        s.push_str("<cp:keywords>concept</cp:keywords>");
    }
    let _ = write!(s, "<dc:language>{}</dc:language>", xml(&m.language));
    if let Some(d) = m.date {
        let _ = write!(s, r#"<dcterms:created xsi:type="dcterms:W3CDTF">{d}T00:00:00Z</dcterms:created>"#);
    }
    s.push_str("</cp:coreProperties>\n");
    s
}

fn app_xml(doc: &Document) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>{}</Application></Properties>
"#,
        xml(&doc.metadata.generator)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bookmark_names_are_what_word_accepts() {
        let mut taken = BTreeSet::new();
        let a = bookmark_name("project-samen-indiceren", &taken);
        assert_eq!(a, "project_samen_indiceren");
        taken.insert(a);
        assert_eq!(bookmark_name("project_samen-indiceren", &taken), "project_samen_indiceren_2");
        assert_eq!(bookmark_name("2024-h1", &taken), "k2024_h1");
        assert!(bookmark_name(&"x".repeat(80), &taken).len() <= 40);
    }

    #[test]
    fn the_language_of_a_reference_becomes_the_documents() {
        let mut s = format!(
            r#"<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"#
        );
        set_language(&mut s, "nl-NL");
        assert!(s.contains(r#"<w:lang w:val="nl-NL" w:eastAsia="zh-CN"/>"#), "{s}");
        let mut s = format!(r#"<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault/></w:docDefaults></w:styles>"#);
        set_language(&mut s, "nl-NL");
        assert!(s.contains(r#"<w:rPrDefault><w:rPr><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault>"#), "{s}");
        let mut s = format!(r#"<w:styles xmlns:w="{W_NS}"><w:style/></w:styles>"#);
        set_language(&mut s, "nl-NL");
        assert!(s.contains(r#"<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault></w:docDefaults><w:style/>"#), "{s}");
    }
}
