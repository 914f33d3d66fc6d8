//! One document, every format, the same text: for each document of the real data, every text its
//! view holds — paragraph, bullet, box, table cell, footnote, heading — appears in each format it
//! is made in (Markdown, HTML, PDF, e-mail, plain text). The formats are separate templates; this
//! is what keeps them from drifting apart.
//!
//! Texts are compared as words: markup, punctuation, case, line breaks and hyphenation are ignored.
//! Each block of a text (paragraph, list item, cell; cut at footnote references, whose numbers
//! differ per format) is checked in runs of six words; in a PDF a run may cross a page, over the
//! running footer and header.

use crate::{common, office};

use common::{built, programme, read};
use koers::core::document::RegioplanSelection;
use koers::render::views::{self, MergeTags, Provenance};
use serde_json::Value;

/// Keys whose values are not text a reader sees, or that a format shows on purpose in its own way.
const NOT_TEXT: &[&str] = &[
    // identifiers, anchors, addresses and file names
    "id",
    "url",
    "link_url",
    "lees_meer_url",
    "href",
    "label",
    "anker",
    "bestand",
    "png",
    "verdeling_png",
    "stem",
    "webversie_url",
    "periode",
    "editie",
    // the programme's address block (website, e-mail): each format's colophon has its own
    "programma",
    // markers and classes
    "sterren",
    "klasse",
    "soort",
    "plaats",
    "sleutel",
    "kleur",
    "patroon",
    // the charts: their SVG and its numbers are checked by tests/charts.rs
    "svg",
    "grafieken",
    "verdeling",
    "tijdlijnen",
    "tijdlijn",
    "overzicht",
    // the provenance stamp is a colophon line whose wording differs per format
    "bron",
    "generator",
    "commit",
    "commit_datum",
    "datum",
    // merge tags of the mailing tool (e-mail only)
    "merge_tags",
    "tag_afmelden",
    "tag_voorkeuren",
    "tag_webversie",
];

/// Every text of a view with where it stands.
fn texts(v: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) => out.push((path.to_string(), s.clone())),
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                texts(x, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, x) in map {
                if !NOT_TEXT.contains(&k.as_str()) {
                    texts(x, &format!("{path}.{k}"), out);
                }
            }
        }
        _ => {}
    }
}

/// Markdown to the text of its blocks (paragraph, list item, heading, table cell), each cut at
/// footnote references: the words a reader sees, in runs that no format may interrupt.
fn segments(markdown: &str) -> Vec<String> {
    let html = koers::core::markdown::to_html(markdown);
    let doc = scraper::Html::parse_fragment(&html);
    let mut out = vec![String::new()];
    for node in doc.root_element().descendants() {
        if let Some(e) = node.value().as_element() {
            // A new block, or a footnote reference: a new segment.
            if matches!(
                e.name(),
                "p" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "td" | "th" | "dt" | "dd" | "sup"
            ) {
                out.push(String::new());
            }
            continue;
        }
        if let Some(t) = node.value().as_text() {
            let in_ref = node.ancestors().any(|a| a.value().as_element().is_some_and(|e| e.name() == "sup"));
            if in_ref {
                out.push(String::new());
            } else {
                let last = out.last_mut().unwrap();
                last.push_str(t);
                last.push(' ');
            }
        }
    }
    out.retain(|s| !s.trim().is_empty());
    out
}

/// The whole text of a Markdown document, as a reader sees it.
fn plain(markdown: &str) -> String {
    segments(markdown).join(" ")
}

/// Only letters and digits, lowercased: what survives every format.
fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn html_text(bytes: &[u8]) -> String {
    let doc = scraper::Html::parse_document(std::str::from_utf8(bytes).unwrap());
    let body = common::sel("body");
    let root = doc.select(&body).next().unwrap();
    // Scripts and styles are not text; everything else (including the chart's SVG labels) is.
    let mut out = String::new();
    for node in root.descendants() {
        if let Some(t) = node.value().as_text() {
            let code = node
                .ancestors()
                .any(|a| a.value().as_element().is_some_and(|e| matches!(e.name(), "script" | "style")));
            if !code {
                out.push_str(t);
                out.push(' ');
            }
        }
    }
    out
}

/// Where the words are looked for: one text, or the pages of a PDF.
enum Haystack {
    Text(String),
    /// Normalised text per page. A run may cross a page: its start ends a page (before the
    /// running footer and the page's footnotes) and its end begins the next (after the running
    /// header, and a repeated table header).
    Pages(Vec<Page>),
}

struct Page {
    text: String,
    /// How much (normalised) text the footnotes at the page's foot take.
    notes: usize,
}

impl Page {
    /// A page's text, with the footnotes of `notes` (their normalised texts) that stand on it.
    fn new(text: String, notes: &[String]) -> Page {
        // Each note with its number (at most three digits).
        let notes = notes.iter().filter(|n| text.contains(n.as_str())).map(|n| n.len() + 3).sum();
        Page { text, notes }
    }
}

impl Haystack {
    fn contains(&self, run: &str) -> bool {
        match self {
            Haystack::Text(t) => t.contains(run),
            Haystack::Pages(pages) => {
                pages.iter().any(|p| p.text.contains(run))
                    || run.char_indices().skip(1).any(|(k, _)| {
                        let (a, b) = run.split_at(k);
                        pages.windows(2).any(|w| {
                            w[0].text.rfind(a).is_some_and(|i| w[0].text.len() - (i + a.len()) <= FOOTER + w[0].notes)
                                && w[1].text.find(b).is_some_and(|i| i <= HEADER)
                        })
                    })
            }
        }
    }
}

/// At most this much (normalised) text follows the start of a run at a page's end: the footer,
/// and the other cells of a table row that continues on the next page.
const FOOTER: usize = 200;
/// At most this much precedes a page's first line: the running header and a repeated table header.
const HEADER: usize = 240;

/// The texts with a run of six words (of one block) that does not appear in `hay`.
fn missing(texts: &[(String, String)], hay: &Haystack) -> Vec<String> {
    let mut out = Vec::new();
    for (path, t) in texts {
        for segment in segments(t) {
            let words: Vec<String> = segment.split_whitespace().map(norm).filter(|w| !w.is_empty()).collect();
            if words.is_empty() {
                continue;
            }
            let runs: Vec<String> = if words.len() <= 6 {
                vec![words.concat()]
            } else {
                words.windows(6).step_by(3).map(|w| w.concat()).chain([words[words.len() - 6..].concat()]).collect()
            };
            if let Some(run) = runs.iter().find(|r| !hay.contains(r)) {
                out.push(format!("{path}: {:?} (at {run:?})", t.chars().take(100).collect::<String>()));
                break;
            }
        }
    }
    out
}

fn check_document(name: &str, view: &Value, files: &[(&str, Haystack)]) {
    let mut all = Vec::new();
    texts(view, "", &mut all);
    assert!(all.len() > 5, "{name}: the view has only {} texts", all.len());
    let mut problems = Vec::new();
    for (file, text) in files {
        for m in missing(&all, text) {
            problems.push(format!("{file}: missing {m}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{name}: {} texts of the view are missing from a format:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

fn bron() -> Provenance {
    Provenance::default()
}

/// The text of a part of an office document (ODT or DOCX) under its element `root`, as a reader
/// sees it: paragraphs on lines of their own, an ODT's notes after the text.
fn office_text(bytes: &[u8], part: &str, root: &str) -> String {
    let xml = office::part(bytes, part);
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{part}: {e}"));
    let (prefix, name) = root.split_once(':').unwrap();
    let ns = if prefix == "w" { office::W } else { office::OFFICE };
    let node = doc.descendants().find(|n| n.has_tag_name((ns, name))).unwrap_or_else(|| panic!("{part}: no {root}"));
    let mut out = String::new();
    if prefix == "w" {
        office::docx_text(node, &mut out)
    } else {
        office::odf_text(node, &mut out)
    }
    out
}

/// The footnotes of a Markdown document (`[^id]:` and its indented lines), each as a PDF shows it
/// at a page's foot: its text, normalised, and room for its number.
fn footnotes(markdown: &str) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    let mut open = false;
    for line in markdown.lines() {
        if let Some((_, rest)) = line.strip_prefix("[^").and_then(|l| l.split_once("]:")) {
            notes.push(rest.to_string());
            open = true;
        } else if open && (line.starts_with("    ") || line.is_empty()) {
            let note = notes.last_mut().unwrap();
            note.push(' ');
            note.push_str(line);
        } else {
            open = false;
        }
    }
    notes.iter().map(|n| norm(&plain(n))).filter(|n| !n.is_empty()).collect()
}

fn formats(stem: &str, kinds: &[&str]) -> Vec<(&'static str, Haystack)> {
    let _ = built();
    let notes = footnotes(std::str::from_utf8(&read(&format!("{stem}.md"))).unwrap());
    let mut out = Vec::new();
    for k in kinds {
        let bytes = read(&format!("{stem}.{k}"));
        let text = match *k {
            "md" => Haystack::Text(norm(&plain(std::str::from_utf8(&bytes).unwrap()))),
            "html" | "email.html" => Haystack::Text(norm(&html_text(&bytes))),
            "pdf" => Haystack::Pages(
                pdf_extract::extract_text_from_mem_by_pages(&bytes)
                    .unwrap()
                    .iter()
                    .map(|p| Page::new(norm(p), &notes))
                    .collect(),
            ),
            "txt" => Haystack::Text(norm(std::str::from_utf8(&bytes).unwrap())),
            "odt" => Haystack::Text(norm(&office_text(&bytes, "content.xml", "office:body"))),
            "docx" => Haystack::Text(norm(&format!(
                "{} {}",
                office_text(&bytes, "word/document.xml", "w:body"),
                office_text(&bytes, "word/footnotes.xml", "w:footnotes")
            ))),
            other => panic!("{other}"),
        };
        let label: &'static str = match *k {
            "md" => "Markdown",
            "html" => "HTML",
            "email.html" => "e-mail",
            "pdf" => "PDF",
            "odt" => "ODT",
            "docx" => "DOCX",
            _ => "text",
        };
        out.push((label, text));
    }
    out
}

#[test]
fn the_rapportage_says_the_same_in_every_format() {
    let prog = programme();
    for r in &prog.rapportages {
        let view = serde_json::to_value(views::rapportage(&prog, r.periode, false, &bron())).unwrap();
        let stem = format!("rapportage/tussentijdse-rapportage-{}", r.periode.id());
        check_document(&stem, &view, &formats(&stem, &["md", "html", "pdf", "odt", "docx"]));
    }
}

#[test]
fn the_regioplan_says_the_same_in_every_format() {
    let prog = programme();
    let view = views::regioplan(&prog, &RegioplanSelection::default(), &bron()).unwrap();
    let stem = format!("regioplan/regioplan-{}", view.periode);
    let view = serde_json::to_value(&view).unwrap();
    check_document(&stem, &view, &formats(&stem, &["md", "html", "pdf", "odt", "docx"]));
}

#[test]
fn the_informatiepakket_says_the_same_in_every_format() {
    let prog = programme();
    let view = views::informatiepakket(&prog, &bron()).unwrap();
    let stem = format!("informatiepakket/informatiepakket-{}", view.datum);
    let view = serde_json::to_value(&view).unwrap();
    check_document(&stem, &view, &formats(&stem, &["md", "html", "pdf", "odt", "docx"]));
}

#[test]
fn each_newsletter_says_the_same_in_every_format() {
    let prog = programme();
    for e in &prog.edities {
        let view = serde_json::to_value(views::nieuwsbrief(&prog, e, MergeTags::default(), &bron())).unwrap();
        let stem = format!("nieuwsbrief/even-bijpraten-{}", e.periode.id());
        check_document(&stem, &view, &formats(&stem, &["email.html", "txt", "md"]));
        // The web page is the public archive copy: it leaves out the e-mail's personal footer (the
        // recipient's address as a merge tag, "add the sender to your address book").
        let mut web = view.clone();
        for personal in ["tag_email", "afzender"] {
            web.as_object_mut().unwrap().remove(personal);
        }
        check_document(&stem, &web, &formats(&stem, &["html"]));
    }
}
