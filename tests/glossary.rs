//! The glossary is a reader's tool: in a document with one, every abbreviation it lists links to it
//! (HTML with the meaning as the link's title, Markdown, and PDF as an internal link), as the
//! rapportage's "Tip!" tells the reader; a document without a glossary links nothing.

use crate::common;
use common::*;

fn build() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = run(koers()
        .args([
            "build-report",
            "--date",
            "2024-10-01",
            "--only",
            "rapportage,nieuwsbrief",
            "--period",
            "2024-H1,2024-05",
            "--data",
        ])
        .arg(root().join("tests/fixtures/valid"))
        .arg("--out")
        .arg(&out));
    assert!(o.status.success(), "{}", stderr(&o));
    (tmp, out)
}

#[test]
fn abbreviations_link_to_the_glossary_in_every_format() {
    let (_tmp, out) = build();
    let base = out.join("rapportage/tussentijdse-rapportage-2024-H1");
    // The fixture's text "Een wandelgroep is gestart met de GGD." and its glossary entry GGD.
    let html = std::fs::read_to_string(base.with_extension("html")).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let links: Vec<(String, String)> = doc
        .select(&scraper::Selector::parse("main ul.resultaten a[href='#afkortingen'] abbr").unwrap())
        .map(|a| (a.text().collect(), a.value().attr("title").unwrap_or("").to_string()))
        .collect();
    assert!(links.contains(&("GGD".to_string(), "Gemeentelijke gezondheidsdienst".to_string())), "{links:?}");
    assert!(doc.select(&scraper::Selector::parse("h2#afkortingen").unwrap()).next().is_some(), "the link target");
    let md = std::fs::read_to_string(base.with_extension("md")).unwrap();
    assert!(md.contains("[GGD](#afkortingen)"), "{md}");
    assert!(md.contains("## Afkortingen"));
    // The PDF: on the page with that result, an internal link (no URI) — the GGD.
    let bytes = std::fs::read(base.with_extension("pdf")).unwrap();
    let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).unwrap();
    let page_no =
        pages.iter().position(|p| squash(p).contains("Een wandelgroep is gestart met de")).unwrap() as u32 + 1;
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let page_id = pdf.get_pages()[&page_no];
    let internal = pdf
        .get_page_annotations(page_id)
        .unwrap_or_default()
        .into_iter()
        .filter(|annot| annot.get(b"Subtype").ok().and_then(|s| s.as_name().ok()) == Some(b"Link".as_slice()))
        .filter(|annot| {
            let action = annot.get(b"A").ok().and_then(|a| match a {
                lopdf::Object::Dictionary(d) => Some(d.clone()),
                lopdf::Object::Reference(r) => pdf.get_dictionary(*r).ok().cloned(),
                _ => None,
            });
            action.is_none_or(|a| a.get(b"URI").is_err())
        })
        .count();
    assert!(internal >= 1, "no internal link on the page of the result with GGD (page {page_no})");
    let text = squash(&pdf_text(&bytes));
    assert!(text.contains("Afkortingen"));
}

#[test]
fn a_document_without_a_glossary_links_no_abbreviation() {
    let (_tmp, out) = build();
    for ext in ["html", "email.html", "md"] {
        let s = std::fs::read_to_string(out.join(format!("nieuwsbrief/even-bijpraten-2024-05.{ext}"))).unwrap();
        assert!(!s.contains("#afkortingen"), "{ext}");
    }
}
