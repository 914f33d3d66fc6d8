//! The office formats (ODT, DOCX) from the document tree: a tree by hand that uses every block
//! and inline kind (Dutch text, injection attempts in text and addresses), written in both
//! formats, unpacked and checked on their XML; the same tree twice gives the same bytes; a
//! reference document's styles replace the built-in ones. LibreOffice opens both files and shows
//! their text (`#[ignore]`d: it needs `soffice`, which CI installs; see README "Tests").

use koers::render::doc::markdown::{self, Context};
use koers::render::doc::{
    Align, Block, BreakKind, CalloutKind, CalloutLink, Chart, Definition, Document, Fact, Inline, ListStyle, Metadata,
    ParagraphStyle, PhaseStep, Row, RowStyle, StepState, Table, text,
};
use koers::render::office::OfficeStyles;
use koers::render::{docx, odt, zip};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

const INJECTION: &str = r#"<script>alert("x")</script> #eval("x") ]]> & &amp; {{ x }}"#;
const URL: &str = "https://www.twentsekoers.nl/zoek?q=ggd&taal=nl'\"";

fn t(s: &str) -> Vec<Inline> {
    text(s)
}

fn p(s: &str) -> Block {
    Block::paragraph(t(s))
}

const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200" viewBox="0 0 600 200"><title>Projecten per fase</title><desc>Twee projecten in de fase Uitvoering, één in Initiatief.</desc><rect x="0" y="20" width="400" height="40" fill="#005f73"/><text x="10" y="45" font-family="Carlito" font-size="16" fill="#ffffff">2</text><rect x="0" y="90" width="200" height="40" fill="#93cdd7"/><text x="10" y="115" font-family="Carlito" font-size="16">1</text></svg>"##;

/// A document that uses every block and inline kind of the tree.
fn sample() -> Document {
    let glossary = vec![("GGD".to_string(), "Gemeentelijke Gezondheidsdienst".to_string())];
    let cx = Context { glossary: &glossary, heading_level: 3 };
    let mut metadata = Metadata::new("Tussentijdse rapportage", "Twentse Koers");
    metadata.subtitle = Some("Regionaal programma".into());
    metadata.period = Some("Eerste helft 2025".into());
    metadata.publication = Some("Vastgesteld in maart 2025".into());
    metadata.date = chrono::NaiveDate::from_ymd_opt(2025, 9, 30);
    metadata.date_text = Some("30 september 2025".into());
    metadata.website = Some("https://www.twentsekoers.nl".into());
    metadata.email = Some("info@twentsekoers.nl".into());
    metadata.colophon = Some(format!("Gemaakt met koers uit de gegevens van commit abc1234 {INJECTION}"));
    metadata.draft = true;

    let mut projecten = Table::with_headers(&["Project", "Fase", "Startdatum", "Aantal"]);
    projecten.caption = Some(t("Projecten van de themalijn ouderen, met hun fase"));
    projecten.row_headers = true;
    projecten.columns[3].numeric = true;
    projecten.rows.push(Row {
        style: RowStyle::Normal,
        cells: vec![
            vec![Block::paragraph(vec![
                Inline::InternalLink { anchor: "project-valpreventie".into(), content: t("Valpreventie") },
                Inline::Footnote { id: "tabel-1".into(), content: vec![p("Het project loopt door in 2026.")] },
            ])],
            vec![p("Uitvoering")],
            vec![p("maart 2024")],
            vec![p("12")],
        ],
    });
    projecten.rows.push(Row {
        style: RowStyle::Sub,
        cells: vec![
            vec![Block::paragraph(vec![Inline::text("Beweegmaatje"), Inline::FootnoteRef { id: "tabel-1".into() }])],
            vec![p("Initiatief")],
            vec![p("juni 2025")],
            vec![p("3")],
        ],
    });
    projecten.push_text_row(RowStyle::Total, &["Totaal", "", "", "15"]);

    let mut cijfers = Table::with_headers(&["Themalijn", "Initiatief", "Uitvoering"]);
    cijfers.caption = Some(t("De cijfers van deze grafiek"));
    cijfers.row_headers = true;
    cijfers.columns[1].numeric = true;
    cijfers.columns[2].align = Align::Right;
    cijfers.push_text_row(RowStyle::Normal, &["Ouderen", "1", "2"]);

    let blocks = vec![
        Block::Section {
            kind: koers::render::doc::SectionKind::Chapter,
            anchor: Some("voorwoord".into()),
            content: vec![
                Block::heading(1, t("Voorwoord"), None),
                Block::Paragraph {
                    style: ParagraphStyle::Body,
                    content: vec![
                        Inline::text("De regio werkt samen met de "),
                        Inline::Abbreviation {
                            short: "GGD".into(),
                            meaning: "Gemeentelijke Gezondheidsdienst".into(),
                            anchor: "afkortingen".into(),
                        },
                        Inline::text(" aan "),
                        Inline::Strong { content: t("gezond ouder worden") },
                        Inline::text(", "),
                        Inline::Emphasis { content: t("dichtbij huis") },
                        Inline::text(" en "),
                        Inline::Strikethrough { content: t("zonder wachtlijst") },
                        Inline::text(". Zie "),
                        Inline::Link { url: URL.into(), content: t("de website") },
                        Inline::text(" of "),
                        Inline::InternalLink { anchor: "definities".into(), content: t("de definities") },
                        Inline::text("."),
                        Inline::Footnote {
                            id: "voorwoord-1".into(),
                            content: vec![Block::paragraph(vec![
                                Inline::text("Volgens de "),
                                Inline::Link { url: "https://www.ggdtwente.nl".into(), content: t("GGD Twente") },
                                Inline::text(" in 2024."),
                            ])],
                        },
                        Inline::LineBreak,
                        Inline::text("Tweede regel met "),
                        Inline::Code { text: "koers build-report".into() },
                        Inline::text("  en twee spaties."),
                    ],
                },
                Block::Paragraph { style: ParagraphStyle::Body, content: t(INJECTION) },
                Block::Signature { names: "Anna de Vries en Jan Jansen".into(), roles: Some("Programmamanagers".into()) },
                Block::Break { kind: BreakKind::Page },
            ],
        },
        Block::Heading {
            level: 1,
            content: t("Ouderen"),
            anchor: Some("themalijn-ouderen".into()),
            outlined: true,
            kicker: Some("Themalijn".into()),
        },
        Block::Paragraph { style: ParagraphStyle::Muted, content: t("Geen resultaten gemeld in deze periode.") },
        Block::Paragraph { style: ParagraphStyle::Small, content: vec![Inline::Link { url: "https://www.zorgvoorbeter.nl".into(), content: t("https://www.zorgvoorbeter.nl") }] },
        Block::List {
            ordered: false,
            start: 1,
            style: ListStyle::Default,
            items: vec![
                vec![p("Eerste punt"), p("Tweede alinea van het eerste punt")],
                vec![
                    p("Tweede punt"),
                    Block::List {
                        ordered: true,
                        start: 3,
                        style: ListStyle::Default,
                        items: vec![vec![p("Genest drie")], vec![p("Genest vier")]],
                    },
                ],
            ],
        },
        Block::List {
            ordered: true,
            start: 1,
            style: ListStyle::Default,
            items: vec![vec![p("Stap een")], vec![p("Stap twee")]],
        },
        Block::List {
            ordered: false,
            start: 1,
            style: ListStyle::Results,
            items: vec![vec![p("Resultaat: 40 deelnemers")]],
        },
        Block::Table(projecten),
        Block::Callout {
            kind: CalloutKind::Interessant,
            title: Some("Interessant!".into()),
            content: vec![p("Een kader met een verwijzing.")],
            link: Some(CalloutLink { text: "Lees het verslag".into(), url: Some("https://www.twentsekoers.nl/verslag".into()) }),
        },
        Block::Callout {
            kind: CalloutKind::Tip,
            title: Some("Tip!".into()),
            content: vec![p("Een tip zonder adres.")],
            link: Some(CalloutLink { text: "Vraag het ons".into(), url: None }),
        },
        Block::Callout { kind: CalloutKind::Plain, title: None, content: vec![p("Een kader zonder label.")], link: None },
        Block::Break { kind: BreakKind::KeepWithNext },
        Block::Heading {
            level: 2,
            content: t("Valpreventie"),
            anchor: Some("project-valpreventie".into()),
            outlined: true,
            kicker: Some("Project".into()),
        },
        Block::PhaseLadder {
            steps: vec![
                PhaseStep { name: "Initiatief".into(), state: StepState::Passed },
                PhaseStep { name: "Uitvoering".into(), state: StepState::Current },
                PhaseStep { name: "Borging".into(), state: StepState::Upcoming },
            ],
        },
        Block::Facts {
            items: vec![
                Fact { label: t("Startdatum"), value: t("maart 2024") },
                Fact { label: t("Einddatum"), value: t("doorlopend") },
            ],
        },
        Block::heading(3, t("Doelstelling"), None),
    ]
    .into_iter()
    .chain(markdown::blocks(
        "Valpreventie met de GGD[^1] en de huisarts.\n\n### Aanpak\n\n- punt **vet**\n- punt twee\n\n> Een citaat.\n\n```\nregel 1\nregel 2\n```\n\n---\n\n| Kolom | Getal |\n|---|--:|\n| a | 1 |\n\n[^1]: Gemeentelijke gezondheidsdienst Twente.\n",
        &cx,
    ))
    .chain([
        Block::Chart(Chart::new(
            "overzicht",
            "Projecten per fase",
            "Twee projecten in de fase Uitvoering, één in Initiatief.",
            SVG.to_string(),
            (600, 200),
            cijfers,
        )),
        Block::Break { kind: BreakKind::Page },
        Block::heading(1, t("Afkortingen"), Some("afkortingen")),
        {
            let mut a = Table::with_headers(&["Afkorting", "Betekenis"]);
            a.push_text_row(RowStyle::Normal, &["GGD", "Gemeentelijke Gezondheidsdienst"]);
            Block::Table(a)
        },
        Block::heading(1, t("Definities projectfasering"), Some("definities")),
        Block::Definitions {
            items: vec![Definition {
                term: t("Initiatief (Wat willen we?)"),
                description: vec![p("Het idee wordt verkend.")],
            }],
        },
    ])
    .collect();
    Document { metadata, blocks }
}

// ---------------------------------------------------------------------------------------------
// Reading the packages back

fn entries(bytes: &[u8]) -> Vec<zip::Entry> {
    zip::read(bytes).expect("a ZIP archive")
}

pub(crate) fn part(bytes: &[u8], name: &str) -> String {
    let e = entries(bytes).into_iter().find(|e| e.name == name).unwrap_or_else(|| panic!("no {name}"));
    String::from_utf8(e.data).expect("UTF-8")
}

pub(crate) const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
pub(crate) const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
pub(crate) const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The text of an ODF element as a reader sees it: spaces of `text:s`, tabs and line breaks as
/// spaces, paragraphs and headings on lines of their own, notes after it all.
pub(crate) fn odf_text(node: roxmltree::Node, out: &mut String) {
    let mut notes = String::new();
    odf_text_and_notes(node, out, &mut notes);
    out.push_str(&notes);
}

fn odf_text_and_notes(node: roxmltree::Node, out: &mut String, notes: &mut String) {
    for c in node.children() {
        if c.is_text() {
            out.push_str(c.text().unwrap_or(""));
        } else if c.has_tag_name((TEXT, "s")) {
            let n: usize = c.attribute((TEXT, "c")).and_then(|n| n.parse().ok()).unwrap_or(1);
            out.push_str(&" ".repeat(n));
        } else if c.has_tag_name((TEXT, "tab")) || c.has_tag_name((TEXT, "line-break")) {
            out.push(' ');
        } else if c.has_tag_name((TEXT, "note-citation")) {
        } else if c.has_tag_name((TEXT, "note-body")) {
            let mut note = String::new();
            odf_text_and_notes(c, &mut note, notes);
            notes.push_str(&note);
        } else {
            let block = c.has_tag_name((TEXT, "p")) || c.has_tag_name((TEXT, "h"));
            if block {
                out.push('\n');
            }
            odf_text_and_notes(c, out, notes);
            if block {
                out.push('\n');
            }
        }
    }
}

pub(crate) fn docx_text(node: roxmltree::Node, out: &mut String) {
    for c in node.children() {
        if c.has_tag_name((W, "t")) {
            out.push_str(c.text().unwrap_or(""));
        } else if c.has_tag_name((W, "tab")) || c.has_tag_name((W, "br")) {
            out.push(' ');
        } else if c.has_tag_name((W, "p")) {
            out.push('\n');
            docx_text(c, out);
            out.push('\n');
        } else if c.is_element() {
            docx_text(c, out);
        }
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each text of the tree is in `shown` (white space squashed): the texts missing.
fn missing(doc: &Document, shown: &str) -> Vec<String> {
    missing_of(doc.texts(), shown)
}

fn missing_of(texts: Vec<String>, shown: &str) -> Vec<String> {
    let shown = squash(shown);
    texts.into_iter().map(|t| squash(&t)).filter(|t| !shown.contains(t.as_str())).collect()
}

fn count_footnotes(blocks: &[Block]) -> (usize, usize) {
    let json = serde_json::to_value(blocks).unwrap();
    fn walk(v: &serde_json::Value, notes: &mut usize, refs: &mut usize) {
        match v {
            serde_json::Value::Object(o) => {
                match o.get("type").and_then(|t| t.as_str()) {
                    Some("footnote") => *notes += 1,
                    Some("footnote_ref") => *refs += 1,
                    _ => {}
                }
                o.values().for_each(|x| walk(x, notes, refs));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, notes, refs)),
            _ => {}
        }
    }
    let (mut notes, mut refs) = (0, 0);
    walk(&json, &mut notes, &mut refs);
    (notes, refs)
}

// ---------------------------------------------------------------------------------------------
// ODT

#[test]
fn odt_is_an_odf_package_with_mimetype_first_and_stored() {
    let bytes = odt::write(&sample(), &OfficeStyles::builtin()).unwrap();
    assert_eq!(&bytes[30..38], b"mimetype", "mimetype is the first entry, its name right after the header");
    assert_eq!(&bytes[38..77], b"application/vnd.oasis.opendocument.text", "stored, without extra field");
    let entries = entries(&bytes);
    assert_eq!(entries[0].method, zip::Method::Stored);
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    for required in ["META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml"] {
        assert!(names.contains(&required), "{names:?}");
    }
    let manifest = part(&bytes, "META-INF/manifest.xml");
    for name in names.iter().filter(|n| !["mimetype", "META-INF/manifest.xml"].contains(n)) {
        assert!(manifest.contains(&format!(r#"manifest:full-path="{name}""#)), "{name} is not in the manifest");
    }
    for name in ["content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"] {
        roxmltree::Document::parse(&part(&bytes, name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    assert!(part(&bytes, "content.xml").contains(r#"office:version="1.3""#));
}

#[test]
fn odt_shows_every_text_of_the_tree_with_headings_in_their_levels_and_order() {
    let doc = sample();
    let bytes = odt::write(&doc, &OfficeStyles::builtin()).unwrap();
    let content = part(&bytes, "content.xml");
    let x = roxmltree::Document::parse(&content).unwrap();
    let body = x.descendants().find(|n| n.has_tag_name((OFFICE, "text"))).unwrap();
    let mut shown = String::new();
    odf_text(body, &mut shown);
    assert_eq!(missing(&doc, &shown), Vec::<String>::new());

    let headings: Vec<(u8, String)> = x
        .descendants()
        .filter(|n| n.has_tag_name((TEXT, "h")))
        .map(|h| {
            let mut s = String::new();
            odf_text(h, &mut s);
            (h.attribute((TEXT, "outline-level")).unwrap().parse().unwrap(), squash(&s))
        })
        .collect();
    assert_eq!(headings, doc.headings());
    assert!(headings.contains(&(3, "Aanpak".into())), "the Markdown text's own heading, below its section");
    // Each heading in its named style "Heading n" (or an automatic style derived from it, as a
    // heading that starts a page has).
    let parents: BTreeMap<&str, &str> = x
        .descendants()
        .filter(|n| n.has_tag_name((STYLE, "style")))
        .filter_map(|n| Some((n.attribute((STYLE, "name"))?, n.attribute((STYLE, "parent-style-name"))?)))
        .collect();
    for h in x.descendants().filter(|n| n.has_tag_name((TEXT, "h"))) {
        let level = h.attribute((TEXT, "outline-level")).unwrap();
        let style = h.attribute((TEXT, "style-name")).unwrap();
        let named = parents.get(style).copied().unwrap_or(style);
        assert_eq!(named, format!("Heading_20_{level}"));
    }
}

#[test]
fn odt_footnotes_are_notes_links_are_links_and_the_chart_has_its_alt_text() {
    let doc = sample();
    let bytes = odt::write(&doc, &OfficeStyles::builtin()).unwrap();
    let content = part(&bytes, "content.xml");
    let x = roxmltree::Document::parse(&content).unwrap();
    let (notes, refs) = count_footnotes(&doc.blocks);
    let odt_notes: Vec<_> = x.descendants().filter(|n| n.has_tag_name((TEXT, "note"))).collect();
    assert_eq!(odt_notes.len(), notes);
    assert!(odt_notes.iter().all(|n| n.attribute((TEXT, "note-class")) == Some("footnote")));
    let note_refs: Vec<_> = x.descendants().filter(|n| n.has_tag_name((TEXT, "note-ref"))).collect();
    assert_eq!(note_refs.len(), refs);
    assert_eq!(note_refs[0].attribute((TEXT, "ref-name")), odt_notes[1].attribute((TEXT, "id")), "the table's note");
    // The note's text is in the note, not in the paragraph around it.
    let mut body = String::new();
    let note = odt_notes[0];
    odf_text(note.descendants().find(|n| n.has_tag_name((TEXT, "note-body"))).unwrap(), &mut body);
    assert_eq!(squash(&body), "Volgens de GGD Twente in 2024.");

    let links: Vec<(&str, Option<&str>)> = x
        .descendants()
        .filter(|n| n.has_tag_name((TEXT, "a")))
        .map(|a| (a.attribute(("http://www.w3.org/1999/xlink", "href")).unwrap(), a.attribute((OFFICE, "title"))))
        .collect();
    assert!(links.contains(&(URL, None)), "{links:?}");
    assert!(links.contains(&("#afkortingen", Some("Gemeentelijke Gezondheidsdienst"))), "{links:?}");
    assert!(links.contains(&("#definities", None)) && links.contains(&("#project-valpreventie", None)));
    let bookmarks: BTreeSet<&str> = x
        .descendants()
        .filter(|n| n.has_tag_name((TEXT, "bookmark")))
        .filter_map(|b| b.attribute((TEXT, "name")))
        .collect();
    for target in links.iter().filter_map(|(h, _)| h.strip_prefix('#')) {
        assert!(bookmarks.contains(target), "a link to #{target} has its bookmark");
    }
    assert!(bookmarks.contains("voorwoord"), "a section's anchor");

    let svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";
    let draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
    let frame = x.descendants().find(|n| n.has_tag_name((draw, "frame"))).expect("the chart's frame");
    let child = |name: &str| frame.children().find(|c| c.has_tag_name((svg, name))).and_then(|c| c.text());
    assert_eq!(child("title"), Some("Projecten per fase"));
    assert_eq!(child("desc"), Some("Twee projecten in de fase Uitvoering, één in Initiatief."));
    let images: Vec<&str> = frame
        .children()
        .filter(|c| c.has_tag_name((draw, "image")))
        .filter_map(|c| c.attribute(("http://www.w3.org/1999/xlink", "href")))
        .collect();
    assert_eq!(images, ["Pictures/overzicht.svg", "Pictures/overzicht.png"], "SVG with its PNG fallback");
    let png = entries(&bytes).into_iter().find(|e| e.name == "Pictures/overzicht.png").unwrap();
    assert_eq!(&png.data[..8], b"\x89PNG\r\n\x1a\n");
}

#[test]
fn odt_text_from_the_data_is_text_never_markup() {
    let bytes = odt::write(&sample(), &OfficeStyles::builtin()).unwrap();
    let content = part(&bytes, "content.xml");
    let x = roxmltree::Document::parse(&content).unwrap();
    assert!(x.descendants().all(|n| n.tag_name().name() != "script"));
    let texts: Vec<&str> = x.descendants().filter_map(|n| n.text()).collect();
    assert!(texts.iter().any(|t| t.contains(r#"<script>alert("x")</script>"#)), "shown as written");
    assert!(texts.iter().any(|t| t.contains("]]>")));
    assert!(content.contains("&lt;script&gt;") && !content.contains("<script>"));
}

#[test]
fn odt_is_in_dutch_with_its_title_and_every_style_it_names_defined() {
    let doc = sample();
    let bytes = odt::write(&doc, &OfficeStyles::builtin()).unwrap();
    let meta = part(&bytes, "meta.xml");
    assert!(meta.contains("<dc:language>nl-NL</dc:language>"), "{meta}");
    assert!(meta.contains("<dc:title>Tussentijdse rapportage – Eerste helft 2025</dc:title>"), "{meta}");
    assert!(meta.contains("<dc:creator>Twentse Koers</dc:creator>"));
    assert!(meta.contains("<meta:creation-date>2025-09-30T00:00:00</meta:creation-date>"));
    let styles = part(&bytes, "styles.xml");
    let s = roxmltree::Document::parse(&styles).unwrap();
    let default = s
        .descendants()
        .find(|n| n.has_tag_name((STYLE, "default-style")) && n.attribute((STYLE, "family")) == Some("paragraph"))
        .unwrap();
    let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    let tp = default.children().find(|c| c.has_tag_name((STYLE, "text-properties"))).unwrap();
    assert_eq!((tp.attribute((fo, "language")), tp.attribute((fo, "country"))), (Some("nl"), Some("NL")));
    assert_eq!(tp.attribute((STYLE, "font-name")), Some("Carlito"));

    assert_odt_styles_defined(&bytes);
    let display: BTreeSet<&str> = s.descendants().filter_map(|n| n.attribute((STYLE, "display-name"))).collect();
    for name in ["Heading 1", "Heading 2", "Heading 3", "Text body", "List 1", "Numbering 123", "Caption"] {
        assert!(display.contains(name), "the named style {name}");
    }
}

/// Every style content.xml names is defined: automatic there, or named in styles.xml.
fn assert_odt_styles_defined(bytes: &[u8]) {
    let content = part(bytes, "content.xml");
    let styles = part(bytes, "styles.xml");
    let c = roxmltree::Document::parse(&content).unwrap();
    let s = roxmltree::Document::parse(&styles).unwrap();
    let defined: BTreeSet<&str> = c
        .descendants()
        .chain(s.descendants())
        .filter(|n| n.has_tag_name((STYLE, "style")) || n.has_tag_name((TEXT, "list-style")))
        .filter_map(|n| n.attribute((STYLE, "name")))
        .collect();
    for n in c.descendants().chain(s.descendants()) {
        for a in n.attributes().filter(|a| a.name().ends_with("style-name")) {
            assert!(defined.contains(a.value()), "{} names the undefined style {}", n.tag_name().name(), a.value());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// DOCX

fn docx_parts(bytes: &[u8]) -> BTreeMap<String, String> {
    entries(bytes)
        .into_iter()
        .filter(|e| e.name.ends_with(".xml") || e.name.ends_with(".rels"))
        .map(|e| (e.name, String::from_utf8(e.data).unwrap()))
        .collect()
}

#[test]
fn docx_is_a_package_whose_parts_parse_and_refer_to_what_exists() {
    let bytes = docx::write(&sample(), &OfficeStyles::builtin()).unwrap();
    let parts = docx_parts(&bytes);
    for (name, xml) in &parts {
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let types = &parts["[Content_Types].xml"];
    for name in parts.keys().filter(|n| n.starts_with("word/") && !n.contains("_rels")) {
        assert!(types.contains(&format!(r#"PartName="/{name}""#)), "{name} has no content type");
    }
    // Every relationship id the document uses exists, and so does its target.
    let rels = roxmltree::Document::parse(&parts["word/_rels/document.xml.rels"])
        .unwrap()
        .root_element()
        .children()
        .filter(|r| r.is_element())
        .map(|r| {
            (
                r.attribute("Id").unwrap().to_string(),
                (r.attribute("Target").unwrap().to_string(), r.attribute("TargetMode") == Some("External")),
            )
        })
        .collect::<BTreeMap<_, _>>();
    let names: BTreeSet<String> = entries(&bytes).into_iter().map(|e| e.name).collect();
    for (target, external) in rels.values() {
        assert!(*external || names.contains(&format!("word/{target}")), "{target} is missing");
    }
    let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    for part_name in ["word/document.xml", "word/footnotes.xml"] {
        let d = roxmltree::Document::parse(&parts[part_name]).unwrap();
        for n in d.descendants() {
            for a in n.attributes().filter(|a| a.namespace() == Some(r)) {
                assert!(rels.contains_key(a.value()), "{part_name}: {} refers to {}", n.tag_name().name(), a.value());
            }
        }
    }
    assert!(rels.values().any(|(t, ext)| *ext && t == URL), "the hyperlink's address, as written");
}

#[test]
fn docx_shows_every_text_with_headings_footnotes_and_styles_that_exist() {
    let doc = sample();
    let bytes = docx::write(&doc, &OfficeStyles::builtin()).unwrap();
    let parts = docx_parts(&bytes);
    let d = roxmltree::Document::parse(&parts["word/document.xml"]).unwrap();
    let f = roxmltree::Document::parse(&parts["word/footnotes.xml"]).unwrap();
    let mut shown = String::new();
    docx_text(d.root_element(), &mut shown);
    docx_text(f.root_element(), &mut shown);
    assert_eq!(missing(&doc, &shown), Vec::<String>::new());

    let style_of = |p: roxmltree::Node| {
        p.children()
            .find(|c| c.has_tag_name((W, "pPr")))
            .and_then(|pp| pp.children().find(|c| c.has_tag_name((W, "pStyle"))))
            .and_then(|s| s.attribute((W, "val")))
            .map(str::to_string)
    };
    let headings: Vec<(u8, String)> = d
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .filter_map(|p| {
            let level = style_of(p)?.strip_prefix("Heading")?.parse().ok()?;
            let mut s = String::new();
            docx_text(p, &mut s);
            Some((level, squash(&s)))
        })
        .collect();
    assert_eq!(headings, doc.headings());

    // Styles: every one the document names exists; the headings have their outline level.
    let s = roxmltree::Document::parse(&parts["word/styles.xml"]).unwrap();
    let ids: BTreeSet<&str> = s.descendants().filter_map(|n| n.attribute((W, "styleId"))).collect();
    for part_name in
        ["word/document.xml", "word/footnotes.xml", "word/header1.xml", "word/footer1.xml", "word/numbering.xml"]
    {
        let x = roxmltree::Document::parse(&parts[part_name]).unwrap();
        for n in x.descendants().filter(|n| matches!(n.tag_name().name(), "pStyle" | "rStyle" | "tblStyle")) {
            let v = n.attribute((W, "val")).unwrap();
            assert!(ids.contains(v), "{part_name} names the undefined style {v}");
        }
    }
    let h2 = s.descendants().find(|n| n.attribute((W, "styleId")) == Some("Heading2")).unwrap();
    assert!(h2.descendants().any(|n| n.has_tag_name((W, "outlineLvl")) && n.attribute((W, "val")) == Some("1")));
    assert!(h2.descendants().any(|n| n.has_tag_name((W, "name")) && n.attribute((W, "val")) == Some("heading 2")));
    let lang = s.descendants().find(|n| n.has_tag_name((W, "lang"))).unwrap();
    assert_eq!(lang.attribute((W, "val")), Some("nl-NL"));

    // Footnotes: a reference in the text, the note in footnotes.xml; a further reference a field.
    let (notes, refs) = count_footnotes(&doc.blocks);
    let references: Vec<&str> = d
        .descendants()
        .filter(|n| n.has_tag_name((W, "footnoteReference")))
        .filter_map(|n| n.attribute((W, "id")))
        .collect();
    assert_eq!(references.len(), notes);
    let defined: BTreeSet<&str> = f
        .root_element()
        .children()
        .filter(|n| n.has_tag_name((W, "footnote")) && n.attribute((W, "type")).is_none())
        .filter_map(|n| n.attribute((W, "id")))
        .collect();
    assert_eq!(references.iter().copied().collect::<BTreeSet<_>>(), defined);
    let noterefs = d
        .descendants()
        .filter(|n| n.has_tag_name((W, "fldSimple")))
        .filter(|n| n.attribute((W, "instr")).is_some_and(|i| i.contains("NOTEREF")))
        .count();
    assert_eq!(noterefs, refs);
    let mut first_paragraph = String::new();
    let body = d.descendants().find(|n| n.has_tag_name((W, "body"))).unwrap();
    docx_text(body, &mut first_paragraph);
    assert!(!squash(&first_paragraph).contains("Volgens de GGD Twente"), "the note's text is not in the body");

    // Bookmarks for the anchors links go to; the image's alt text; the language and title.
    let anchors: BTreeSet<&str> = d.descendants().filter_map(|n| n.attribute((W, "anchor"))).collect();
    let bookmarks: BTreeSet<&str> = d
        .descendants()
        .filter(|n| n.has_tag_name((W, "bookmarkStart")))
        .filter_map(|n| n.attribute((W, "name")))
        .collect();
    assert!(anchors.contains("afkortingen") && anchors.contains("project_valpreventie"), "{anchors:?}");
    assert!(anchors.is_subset(&bookmarks), "{anchors:?} {bookmarks:?}");
    // The table of contents (a TOC field in its content control) links to the chapters.
    let toc = d.descendants().find(|n| n.has_tag_name((W, "sdtContent"))).expect("the table of contents");
    let instr: String =
        toc.descendants().filter(|n| n.has_tag_name((W, "instrText"))).filter_map(|n| n.text()).collect();
    assert!(instr.contains("TOC \\o"), "{instr}");
    assert!(
        toc.descendants().any(|n| n.attribute((W, "anchor")) == Some("afkortingen")),
        "an entry links to its chapter"
    );
    let tooltip = d
        .descendants()
        .filter(|n| !n.ancestors().any(|a| a.has_tag_name((W, "sdtContent"))))
        .find(|n| n.attribute((W, "anchor")) == Some("afkortingen"))
        .unwrap();
    assert_eq!(tooltip.attribute((W, "tooltip")), Some("Gemeentelijke Gezondheidsdienst"));
    let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    let pr = d.descendants().find(|n| n.has_tag_name((wp, "docPr"))).unwrap();
    assert_eq!(pr.attribute("descr"), Some("Twee projecten in de fase Uitvoering, één in Initiatief."));
    assert_eq!(pr.attribute("title"), Some("Projecten per fase"));
    let core = &parts["docProps/core.xml"];
    assert!(core.contains("<dc:title>Tussentijdse rapportage – Eerste helft 2025</dc:title>"), "{core}");
    assert!(core.contains("<dc:language>nl-NL</dc:language>"));
    assert!(!parts["word/document.xml"].contains("<script>"));
    assert!(!parts["word/document.xml"].contains("</w:tbl><w:tbl>"), "adjacent tables would become one");
}

#[test]
fn docx_lists_restart_at_their_start_and_nest() {
    let bytes = docx::write(&sample(), &OfficeStyles::builtin()).unwrap();
    let parts = docx_parts(&bytes);
    let d = roxmltree::Document::parse(&parts["word/document.xml"]).unwrap();
    let n = roxmltree::Document::parse(&parts["word/numbering.xml"]).unwrap();
    let numbered: Vec<(String, String, String)> = d
        .descendants()
        .filter(|p| p.has_tag_name((W, "p")))
        .filter_map(|p| {
            let num = p.descendants().find(|c| c.has_tag_name((W, "numPr")))?;
            let get = |name: &str| {
                num.children()
                    .find(|c| c.has_tag_name((W, name)))
                    .and_then(|c| c.attribute((W, "val")))
                    .unwrap()
                    .to_string()
            };
            let mut s = String::new();
            docx_text(p, &mut s);
            Some((squash(&s), get("numId"), get("ilvl")))
        })
        .collect();
    let find =
        |t: &str| numbered.iter().find(|(s, _, _)| s == t).unwrap_or_else(|| panic!("{t} in {numbered:?}")).clone();
    assert_eq!(find("Eerste punt").2, "0");
    assert_eq!(find("Genest drie").2, "1", "a nested list one level deeper");
    assert!(
        numbered.iter().all(|(s, _, _)| s != "Tweede alinea van het eerste punt"),
        "only an item's first paragraph is numbered"
    );
    let nested = find("Genest drie").1;
    let num = n
        .descendants()
        .find(|x| x.has_tag_name((W, "num")) && x.attribute((W, "numId")) == Some(nested.as_str()))
        .unwrap();
    let start = num.descendants().find(|x| x.has_tag_name((W, "startOverride"))).and_then(|x| x.attribute((W, "val")));
    assert_eq!(start, Some("3"));
    assert_ne!(find("Stap een").1, nested, "each ordered list numbers anew");
}

// ---------------------------------------------------------------------------------------------
// Both

#[test]
fn the_same_tree_gives_the_same_bytes() {
    let doc = sample();
    let styles = OfficeStyles::builtin();
    assert_eq!(odt::write(&doc, &styles).unwrap(), odt::write(&sample(), &styles).unwrap());
    assert_eq!(docx::write(&doc, &styles).unwrap(), docx::write(&sample(), &styles).unwrap());
}

#[test]
fn the_json_typst_reads_is_tagged_and_complete() {
    let doc = sample();
    let json: serde_json::Value = serde_json::from_str(&doc.to_json()).unwrap();
    assert_eq!(json["metadata"]["language"], "nl-NL");
    assert_eq!(json["metadata"]["date"], "2025-09-30");
    assert_eq!(json["metadata"]["subtitle"], "Regionaal programma");
    let mut types = BTreeSet::new();
    fn walk(v: &serde_json::Value, types: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::Object(o) => {
                if let Some(t) = o.get("type").and_then(|t| t.as_str()) {
                    types.insert(t.to_string());
                }
                o.values().for_each(|x| walk(x, types));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, types)),
            _ => {}
        }
    }
    walk(&json, &mut types);
    let every = [
        "heading",
        "paragraph",
        "list",
        "table",
        "box",
        "phase_ladder",
        "facts",
        "definitions",
        "chart",
        "signature",
        "quote",
        "code",
        "rule",
        "break",
        "section",
        "text",
        "strong",
        "emphasis",
        "strikethrough",
        "link",
        "internal_link",
        "abbreviation",
        "footnote",
        "footnote_ref",
        "line_break",
    ];
    let expected: BTreeSet<String> = every.iter().map(|s| s.to_string()).collect();
    assert_eq!(types, expected, "the sample uses every kind, and the JSON names each");
    let chart = &json["blocks"].as_array().unwrap().iter().find(|b| b["type"] == "chart").unwrap().clone();
    assert_eq!(chart["image"], "grafiek/overzicht.svg");
    assert!(chart.get("svg").is_none(), "the SVG is a file beside the JSON, not in it");
    let heading = &json["blocks"][1];
    assert_eq!(heading["kicker"], "Themalijn");
    assert_eq!(heading["outlined"], true);
}

// ---------------------------------------------------------------------------------------------
// Reference documents

fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new();
    for (name, data) in entries {
        let method = if *name == "mimetype" { zip::Method::Stored } else { zip::Method::Deflated };
        z.add(name, data.as_bytes(), method);
    }
    z.finish()
}

#[test]
fn a_reference_odt_gives_its_styles_and_koers_adds_those_it_lacks() {
    let styles_xml = r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
<office:font-face-decls><style:font-face style:name="Open Sans" svg:font-family="'Open Sans'"/></office:font-face-decls>
<office:styles><style:default-style style:family="paragraph"><style:text-properties style:font-name="Open Sans" fo:language="en" fo:country="GB"/></style:default-style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"><style:text-properties fo:color="#123456" fo:font-size="30pt"/></style:style>
</office:styles><office:automatic-styles/><office:master-styles><style:master-page style:name="Standard"/></office:master-styles></office:document-styles>"##;
    let reference = zip_of(&[("mimetype", "application/vnd.oasis.opendocument.text"), ("styles.xml", styles_xml)]);
    let styles = OfficeStyles::builtin().with_reference_bytes("huisstijl.odt", &reference).unwrap();
    assert!(styles.has_reference(koers::render::office::OfficeFormat::Odt));
    let bytes = odt::write(&sample(), &styles).unwrap();
    let out = part(&bytes, "styles.xml");
    let s = roxmltree::Document::parse(&out).unwrap();
    let h1: Vec<_> = s.descendants().filter(|n| n.attribute((STYLE, "name")) == Some("Heading_20_1")).collect();
    assert_eq!(h1.len(), 1, "the reference's Heading 1, not koers' beside it");
    assert!(out.contains("#123456"));
    assert!(out.contains(r#"style:name="Kicker""#), "a style the reference lacks is koers'");
    assert!(out.contains(r#"fo:language="nl" fo:country="NL""#) && !out.contains(r#"fo:language="en""#), "{out}");
    assert!(out.contains("Open Sans"), "the reference's font stays");
    assert_odt_styles_defined(&bytes);

    let e = OfficeStyles::builtin()
        .with_reference_bytes("kapot.odt", &zip_of(&[("mimetype", "application/vnd.oasis.opendocument.text")]))
        .unwrap_err();
    assert_eq!(e.to_string(), "kapot.odt: the ODT has no styles.xml");
}

#[test]
fn a_reference_docx_gives_its_styles_matched_by_name_as_a_dutch_word_names_them() {
    let styles_xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Open Sans" w:hAnsi="Open Sans"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:basedOn w:val="Standaard"/><w:rPr><w:color w:val="123456"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Kicker"><w:name w:val="Eigen stijl"/></w:style>
</w:styles>"#;
    let reference = zip_of(&[
        ("word/document.xml", "<w:document/>"),
        ("word/styles.xml", styles_xml),
        ("word/theme/theme1.xml", "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"/>"),
    ]);
    let styles = OfficeStyles::builtin().with_reference_bytes("huisstijl.docx", &reference).unwrap();
    let bytes = docx::write(&sample(), &styles).unwrap();
    let parts = docx_parts(&bytes);
    let document = &parts["word/document.xml"];
    assert!(document.contains(r#"<w:pStyle w:val="Kop1"/>"#), "Heading 1 by the reference's id");
    assert!(!document.contains(r#"<w:pStyle w:val="Heading1"/>"#));
    assert!(
        document.contains(r#"<w:pStyle w:val="KoersKicker"/>"#),
        "koers' Kicker, renamed beside the reference's own id Kicker"
    );
    let out = &parts["word/styles.xml"];
    let s = roxmltree::Document::parse(out).unwrap();
    let kop1 = s.descendants().filter(|n| n.attribute((W, "styleId")) == Some("Kop1")).count();
    assert_eq!(kop1, 1);
    let body_text = s.descendants().find(|n| n.attribute((W, "styleId")) == Some("BodyText")).unwrap();
    let based_on = body_text.children().find(|c| c.has_tag_name((W, "basedOn"))).and_then(|b| b.attribute((W, "val")));
    assert_eq!(based_on, Some("Standaard"), "koers' styles build on the reference's Normal");
    assert!(out.contains(r#"<w:lang w:val="nl-NL"/>"#), "{out}");
    assert!(parts.contains_key("word/theme/theme1.xml"), "the reference's theme");
    let ids: BTreeSet<&str> = s.descendants().filter_map(|n| n.attribute((W, "styleId"))).collect();
    let d = roxmltree::Document::parse(document).unwrap();
    for n in d.descendants().filter(|n| matches!(n.tag_name().name(), "pStyle" | "rStyle" | "tblStyle")) {
        assert!(ids.contains(n.attribute((W, "val")).unwrap()), "{:?}", n.attribute((W, "val")));
    }
}

#[test]
fn build_report_writes_both_editable_formats_in_the_styles_of_the_reference_documents_given() {
    use crate::common::{fixture, koers, run, stderr};
    let data = fixture();
    let odt_styles = r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">
<office:styles><style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"><style:text-properties fo:color="#0a0b0c"/></style:style></office:styles></office:document-styles>"##;
    let docx_styles = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:rPr><w:color w:val="0D0E0F"/></w:rPr></w:style></w:styles>"#;
    let given = data.path().join("huisstijl.odt");
    std::fs::write(
        &given,
        zip_of(&[("mimetype", "application/vnd.oasis.opendocument.text"), ("styles.xml", odt_styles)]),
    )
    .unwrap();
    // The DOCX's styles come from templates/reference.docx beside the data, as no --reference-doc
    // gives a DOCX.
    let templates = data.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("reference.docx"), zip_of(&[("word/styles.xml", docx_styles)])).unwrap();
    let out = data.path().join("out");
    let o = run(koers()
        .args(["build-report", "--only", "rapportage,regioplan", "--data"])
        .arg(data.path().join("data"))
        .arg("--out")
        .arg(&out)
        .arg("--reference-doc")
        .arg(&given));
    assert!(o.status.success(), "{}", stderr(&o));
    for kind in ["rapportage/tussentijdse-rapportage-2024-H1", "regioplan/regioplan-2024-2026"] {
        let odt = std::fs::read(out.join(format!("{kind}.odt"))).unwrap();
        assert!(part(&odt, "styles.xml").contains("#0a0b0c"), "{kind}.odt: the given reference's Heading 1");
        assert_odt_styles_defined(&odt);
        let docx = std::fs::read(out.join(format!("{kind}.docx"))).unwrap();
        assert!(part(&docx, "word/styles.xml").contains("0D0E0F"), "{kind}.docx: templates/reference.docx's Heading 1");
        assert!(part(&docx, "word/document.xml").contains(r#"<w:pStyle w:val="Kop1"/>"#), "{kind}.docx");
    }

    // A reference that is no office document: the build stops and names it; the output stays.
    let bad = data.path().join("huisstijl.pdf");
    std::fs::write(&bad, b"%PDF-1.7").unwrap();
    let o = run(koers()
        .args(["build-report", "--data"])
        .arg(data.path().join("data"))
        .arg("--out")
        .arg(&out)
        .arg("--reference-doc")
        .arg(&bad));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("huisstijl.pdf") && err.contains("not an ODT or DOCX document"), "{err}");
    assert!(out.join("rapportage/tussentijdse-rapportage-2024-H1.odt").exists(), "the previous output stays");
}

// ---------------------------------------------------------------------------------------------
// LibreOffice

/// `soffice --headless --convert-to <to>` of `file` into `out`: the converted file. Fails loudly
/// when LibreOffice is not installed or does not convert.
fn soffice(file: &Path, to: &str, out: &Path) -> std::path::PathBuf {
    let profile = out.join("profile");
    let result = Command::new(std::env::var("SOFFICE").unwrap_or_else(|_| "soffice".into()))
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(out)
        .arg(file)
        .output()
        .unwrap_or_else(|e| {
            panic!("LibreOffice (soffice) is needed for this test: {e}. Install it with `apt-get install libreoffice-writer-nogui`, or set SOFFICE.")
        });
    let stderr = String::from_utf8_lossy(&result.stderr);
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert!(result.status.success(), "soffice failed: {stdout}{stderr}");
    assert!(!stderr.to_lowercase().contains("error"), "soffice: {stderr}");
    let ext = to.split(':').next().unwrap();
    let converted = out.join(file.file_stem().unwrap()).with_extension(ext);
    assert!(converted.exists(), "soffice wrote no {}: {stdout}{stderr}", converted.display());
    converted
}

fn check_in_libreoffice(name: &str, bytes: &[u8], doc: &Document) {
    let tmp = tempfile::tempdir().unwrap();
    // KOERS_KEEP_OFFICE=DIR keeps the files and LibreOffice's conversions there, to look at.
    let dir = match std::env::var_os("KOERS_KEEP_OFFICE") {
        Some(keep) => std::path::PathBuf::from(keep).join(name.replace('.', "-")),
        None => tmp.path().to_path_buf(),
    };
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(name);
    std::fs::write(&file, bytes).unwrap();
    let txt = soffice(&file, "txt:Text (encoded):UTF8", &dir);
    let shown = std::fs::read_to_string(&txt).unwrap();
    // LibreOffice's text export leaves out the notes: they are checked in the PDF.
    let pdf = soffice(&file, "pdf", &dir);
    let pdf_text = pdf_extract::extract_text(&pdf).unwrap_or_else(|e| panic!("{name}: the PDF: {e}"));
    // LibreOffice shows each note's number at its reference.
    let missing_everywhere: Vec<String> = missing_of(doc.texts_with_note_numbers(), &shown)
        .into_iter()
        .filter(|t| !squash(&pdf_text).contains(t.as_str()))
        .collect();
    assert_eq!(missing_everywhere, Vec::<String>::new(), "{name}: texts LibreOffice does not show");
    for (_, h) in doc.headings() {
        assert!(squash(&shown).contains(&h), "{name}: heading {h}");
    }
    assert!(squash(&pdf_text).contains("Volgens de GGD Twente in 2024."), "{name}: the footnote in the PDF");
    let pages = lopdf::Document::load(&pdf).unwrap().get_pages().len();
    assert!(pages >= 3, "{name}: {pages} pages: cover, page breaks");
}

#[test]
#[ignore = "needs LibreOffice (soffice); CI installs libreoffice-writer-nogui"]
fn libreoffice_opens_the_odt_and_shows_its_text() {
    let doc = sample();
    check_in_libreoffice("rapportage.odt", &odt::write(&doc, &OfficeStyles::builtin()).unwrap(), &doc);
}

#[test]
#[ignore = "needs LibreOffice (soffice); CI installs libreoffice-writer-nogui"]
fn libreoffice_opens_the_docx_and_shows_its_text() {
    let doc = sample();
    check_in_libreoffice("rapportage.docx", &docx::write(&doc, &OfficeStyles::builtin()).unwrap(), &doc);
}

#[test]
#[ignore = "needs LibreOffice (soffice); CI installs libreoffice-writer-nogui"]
fn documents_with_the_styles_of_a_house_style_libreoffice_made_open_in_libreoffice() {
    // A house style as a user makes one: our document saved again by LibreOffice, in each format.
    let doc = sample();
    let dir = tempfile::tempdir().unwrap();
    let ours = dir.path().join("ons.odt");
    std::fs::write(&ours, odt::write(&doc, &OfficeStyles::builtin()).unwrap()).unwrap();
    let saved = dir.path().join("saved");
    std::fs::create_dir(&saved).unwrap();
    let odt_reference = soffice(&ours, "odt", &saved);
    let docx_reference = soffice(&ours, "docx:MS Word 2007 XML", &saved);
    let styles = OfficeStyles::from_reference(&odt_reference).unwrap().with_reference(&docx_reference).unwrap();
    check_in_libreoffice("huisstijl.odt", &odt::write(&doc, &styles).unwrap(), &doc);
    check_in_libreoffice("huisstijl.docx", &docx::write(&doc, &styles).unwrap(), &doc);
}

#[test]
#[ignore = "needs LibreOffice (soffice); CI installs libreoffice-writer-nogui"]
fn libreoffice_opens_the_built_rapportage_in_both_formats_with_every_heading_and_chart() {
    use koers::render::views::{self, Provenance};
    let prog = crate::common::programme();
    let r = &prog.rapportages[0];
    let tree = views::rapportage::tree(&views::rapportage(&prog, r.periode, false, &Provenance::default()));
    let headings: Vec<String> = tree.headings().into_iter().map(|(_, h)| h).collect();
    assert!(headings.len() > 40, "{} headings", headings.len());
    fn charts_in(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|b| match b {
                Block::Chart(_) => 1,
                Block::Section { content, .. } => charts_in(content),
                _ => 0,
            })
            .sum()
    }
    let charts = charts_in(&tree.blocks);
    assert!(charts >= 5, "{charts} charts");
    let _ = crate::common::built();
    let tmp = tempfile::tempdir().unwrap();
    for ext in ["odt", "docx"] {
        let file = tmp.path().join(format!("rapportage.{ext}"));
        std::fs::write(
            &file,
            crate::common::read(&format!("rapportage/tussentijdse-rapportage-{}.{ext}", r.periode.id())),
        )
        .unwrap();
        let out = tmp.path().join(ext);
        std::fs::create_dir_all(&out).unwrap();
        let shown = squash(&std::fs::read_to_string(soffice(&file, "txt:Text (encoded):UTF8", &out)).unwrap());
        for h in &headings {
            assert!(shown.contains(h.as_str()), "rapportage.{ext}: LibreOffice does not show the heading {h}");
        }
        let pdf = soffice(&file, "pdf", &out);
        let pdf = lopdf::Document::load(&pdf).unwrap();
        let images = pdf
            .objects
            .values()
            .filter(|o| {
                o.as_stream()
                    .is_ok_and(|s| s.dict.get(b"Subtype").is_ok_and(|t| t.as_name().is_ok_and(|n| n == b"Image")))
            })
            .count();
        assert!(images >= charts, "rapportage.{ext}: {images} images in LibreOffice's PDF for {charts} charts");
        let pages = pdf.get_pages().len();
        assert!((20..=60).contains(&pages), "rapportage.{ext}: {pages} pages in LibreOffice");
    }
}
