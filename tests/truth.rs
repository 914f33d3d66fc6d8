//! What koers adds to the documents is true on the day they are published: no build provenance
//! on a page, publication dates from the data, charts that draw only dated facts, no call to
//! click a link that is not there, the whole glossary, figures from the data — and the layout of
//! the seed (dense pages, chapters on new pages, no near-empty page).

use crate::common;
use common::*;
use koers::core::dates::{Month, Period};
use scraper::Html;
use std::path::{Path, PathBuf};

const RAPPORTAGE: &str = "rapportage/tussentijdse-rapportage-2024-H1";

fn out_text(b: &Built, rel: &str) -> String {
    std::fs::read_to_string(b.out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn out_pdf(b: &Built, rel: &str) -> String {
    squash(&pdf_text(&std::fs::read(b.out.join(rel)).unwrap()))
}

/// The text a reader of an HTML page sees (the body, without scripts and styles).
fn visible(html: &str) -> String {
    let doc = Html::parse_document(html);
    let body = doc.select(&sel("body")).next().expect("a body");
    squash(&body.text().collect::<Vec<_>>().join(" "))
}

/// The short hash of the commit the data is in.
fn head() -> String {
    let o = std::process::Command::new("git").args(["rev-parse", "--short=7", "HEAD"]).current_dir(root()).output();
    let o = o.expect("git runs (the tests run in the repository)");
    String::from_utf8(o.stdout).unwrap().trim().to_string()
}

/// The PDF's document information dictionary entry `key`, decoded.
fn pdf_info(pdf: &[u8], key: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let info = doc.trailer.get(b"Info").and_then(|r| doc.dereference(r)).unwrap().1.as_dict().unwrap().clone();
    let bytes = info.get(key).unwrap().as_str().unwrap();
    if bytes.starts_with(&[0xfe, 0xff]) {
        let units: Vec<u16> = bytes[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

fn files_with(b: &Built, ext: &str) -> Vec<PathBuf> {
    snapshot(&b.out).keys().filter(|k| k.ends_with(ext)).map(|k| b.out.join(k)).collect()
}

#[test]
fn no_build_provenance_stands_on_any_page() {
    let b = built();
    let hash = head();
    assert_eq!(hash.len(), 7);
    let mut pages = Vec::new();
    for f in files_with(b, ".pdf") {
        pages.push((f.clone(), squash(&pdf_text(&std::fs::read(&f).unwrap()))));
    }
    for f in files_with(b, ".html") {
        pages.push((f.clone(), visible(&std::fs::read_to_string(&f).unwrap())));
    }
    for ext in [".md", ".txt"] {
        for f in files_with(b, ext) {
            pages.push((f.clone(), std::fs::read_to_string(&f).unwrap()));
        }
    }
    assert!(pages.len() >= 15, "{} pages", pages.len());
    for (f, text) in &pages {
        for stamp in [hash.as_str(), "Gemaakt met", "van commit", "koers 0.", "niet-vastgelegde"] {
            assert!(!text.contains(stamp), "{} shows \"{stamp}\"", f.display());
        }
    }
    // The provenance is metadata: the PDF's Creator, the HTML generator, the manifest.
    let creator = pdf_info(&std::fs::read(b.out.join(format!("{RAPPORTAGE}.pdf"))).unwrap(), b"Creator");
    assert!(creator.starts_with("koers ") && creator.contains(&format!("commit {hash}")), "{creator}");
    let html = out_text(b, &format!("{RAPPORTAGE}.html"));
    let doc = Html::parse_document(&html);
    let generator = doc.select(&sel("meta[name=generator]")).next().unwrap().value().attr("content").unwrap();
    assert!(generator.contains(&format!("commit {hash}")), "{generator}");
    let manifest: serde_json::Value = serde_json::from_str(&out_text(b, "manifest.json")).unwrap();
    assert!(manifest.to_string().contains(&hash), "{manifest}");
}

#[test]
fn the_colophon_prints_the_provenance_when_asked() {
    let b = build_real_data(&["--colophon", "--only", "rapportage", "--format", "pdf,html"]);
    let hash = head();
    let pdf = squash(&pdf_text(&std::fs::read(b.out.join(format!("{RAPPORTAGE}.pdf"))).unwrap()));
    assert!(pdf.contains(&format!("Gemaakt met koers {}", env!("CARGO_PKG_VERSION"))), "{pdf}");
    assert!(pdf.contains(&hash));
    let html = visible(&std::fs::read_to_string(b.out.join(format!("{RAPPORTAGE}.html"))).unwrap());
    assert!(html.contains(&format!("commit {hash}")), "{html}");
}

#[test]
fn each_document_shows_its_own_publication_date() {
    let b = built();
    let rapportage = out_pdf(b, &format!("{RAPPORTAGE}.pdf"));
    assert!(rapportage.contains("oktober 2024 | Publieksversie"), "the cover as seed 003's");
    assert!(!rapportage.contains("CONCEPT"));
    let regioplan = out_pdf(b, "regioplan/regioplan-2024-2026.pdf");
    assert!(regioplan.contains("Vastgesteld in december 2023"));
    let pakket = out_pdf(b, "informatiepakket/informatiepakket-2024-10-31.pdf");
    assert!(pakket.contains("31 oktober 2024"));
    // The date of the commit the data is in is metadata, never a footer.
    let o = std::process::Command::new("git").args(["log", "-1", "--format=%cs"]).current_dir(root()).output();
    let day =
        chrono::NaiveDate::parse_from_str(String::from_utf8(o.unwrap().stdout).unwrap().trim(), "%Y-%m-%d").unwrap();
    let dutch = koers::core::dates::day_dutch(day);
    for text in [&rapportage, &regioplan] {
        assert!(!text.contains(&dutch), "the commit date {dutch} on a page");
    }
}

fn build(data: &Path, out: &Path, args: &[&str]) -> std::process::Output {
    run(koers().arg("build-report").args(args).arg("--data").arg(data).arg("--out").arg(out))
}

#[test]
fn a_rapportage_without_a_publication_date_is_a_draft_until_it_has_one() {
    let tmp = fixture();
    let data = tmp.path().join("data");
    edit(&data.join("koers.yaml"), "    gepubliceerd: 2024-10\n", "");
    let out = tmp.path().join("out");
    let o = build(&data, &out, &["--only", "rapportage", "--format", "pdf,html"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = squash(&pdf_text(&std::fs::read(out.join(format!("{RAPPORTAGE}-concept.pdf"))).unwrap()));
    assert!(pdf.contains("Tussentijdse rapportage (CONCEPT)"), "{pdf}");
    assert!(!out.join(format!("{RAPPORTAGE}.pdf")).exists());
    // --date gives it one.
    let out2 = tmp.path().join("out2");
    let o = build(&data, &out2, &["--only", "rapportage", "--format", "pdf", "--date", "2024-10-15"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = squash(&pdf_text(&std::fs::read(out2.join(format!("{RAPPORTAGE}.pdf"))).unwrap()));
    assert!(pdf.contains("15 oktober 2024") && !pdf.contains("CONCEPT"), "{pdf}");
}

#[test]
fn the_message_is_dated_by_the_day_it_is_sent_and_only_then() {
    let b = built();
    let eml = out_text(b, "nieuwsbrief/even-bijpraten-2025-04.eml");
    let head = eml.split("\r\n\r\n").next().unwrap();
    assert!(!head.lines().any(|l| l.starts_with("Date:")), "no send day in the data, no Date:\n{head}");
    let tmp = fixture();
    let data = tmp.path().join("data");
    edit(&data.join("nieuwsbrief/2024-05.yaml"), "titel:", "verzonden: 2024-05-17\ntitel:");
    let out = tmp.path().join("out");
    let o = build(&data, &out, &["--only", "nieuwsbrief", "--format", "eml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let eml = std::fs::read_to_string(out.join("nieuwsbrief/even-bijpraten-2024-05.eml")).unwrap();
    let parsed = mail_parser::MessageParser::default().parse(eml.as_bytes()).unwrap();
    let date = parsed.date().expect("a Date");
    assert_eq!((date.year, date.month, date.day), (2024, 5, 17));
}

#[test]
fn a_phase_is_drawn_from_the_month_it_is_known_never_back_to_the_start() {
    let prog = programme();
    let h1 = Period::parse_half("2024-H1").unwrap();
    let html = text(&format!("{RAPPORTAGE}.html"));
    let doc = Html::parse_document(&html);
    let mut drawn = 0;
    for g in doc.select(&sel("svg g.project")) {
        let id = g.value().attr("data-project").unwrap();
        let p = prog.project(id).unwrap();
        let first_known = p.fasen.iter().map(|s| s.bekend_vanaf()).min();
        for seg in g.select(&sel("g.fase")) {
            let van = Month::parse(seg.value().attr("data-van").unwrap()).unwrap();
            assert!(
                first_known.is_some_and(|k| van >= k),
                "{id}: a phase drawn from {van}, known from {first_known:?}"
            );
            drawn += 1;
        }
        for m in g.select(&sel("g.fase-per")) {
            let per = Month::parse(m.value().attr("data-per").unwrap()).unwrap();
            assert!(p.fasen.iter().any(|s| s.bekend_vanaf() == per), "{id}: a marker at {per}");
            drawn += 1;
        }
        // Before a phase is known the bar says so.
        if let Some(k) = first_known
            && p.start.month().is_some_and(|s| s < k)
        {
            let unknown = g.select(&sel("rect.zonder-fase")).next();
            assert!(
                unknown
                    .is_some_and(|r| r.value().attr("data-van") == p.start.month().map(|m| m.to_string()).as_deref()),
                "{id}"
            );
        }
    }
    assert!(drawn >= 28, "every project that runs has its known phase drawn ({drawn})");
    // The tables under the charts and in Markdown say when each phase is known.
    let md = text(&format!("{RAPPORTAGE}.md"));
    for t in [&html, &md] {
        assert!(!t.contains("vanaf de start"));
        assert!(t.contains("Realisatiefase per juni 2024"));
    }
    let _ = h1;
}

#[test]
fn a_dated_phase_is_drawn_from_its_month() {
    let tmp = fixture();
    let data = tmp.path().join("data");
    let out = tmp.path().join("out");
    let o = build(&data, &out, &["--only", "rapportage", "--format", "html"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(out.join(format!("{RAPPORTAGE}.html"))).unwrap();
    let doc = Html::parse_document(&html);
    let wandelen = doc.select(&sel("g.project[data-project=wandelen]")).next().unwrap();
    let van: Vec<&str> = wandelen.select(&sel("g.fase")).map(|g| g.value().attr("data-van").unwrap()).collect();
    assert_eq!(
        van,
        ["2023-01", "2024-03"],
        "Definitiefase since its start month 2023-01, Realisatiefase since 2024-03"
    );
}

#[test]
fn the_overview_counts_what_it_says_at_a_moment_the_data_has() {
    let prog = programme();
    let h1 = Period::parse_half("2024-H1").unwrap();
    let shown: Vec<_> = prog.projects().filter(|p| p.in_rapportage(&h1)).collect();
    let later: Vec<_> = shown.iter().filter(|p| p.start.month().is_some_and(|s| s > h1.last)).collect();
    let counted: Vec<_> = shown.iter().filter(|p| p.start.month().is_none_or(|s| s <= h1.last)).collect();
    let sub = counted.iter().filter(|p| p.is_subproject()).count();
    assert!(!later.is_empty() && sub > 0);
    let html = text(&format!("{RAPPORTAGE}.html"));
    let doc = Html::parse_document(&html);
    let desc: String = doc.select(&sel("figure#grafiek-fasen-2024-H1 svg desc")).next().unwrap().text().collect();
    assert!(desc.contains(&format!("In totaal {} projecten en {sub} subprojecten", counted.len() - sub)), "{desc}");
    assert!(desc.contains(&format!("Niet meegeteld: {} projecten die later zijn gestart", later.len())), "{desc}");
    for p in &later {
        assert!(desc.contains(&p.tabelnaam), "{desc}");
    }
    assert!(desc.contains("stand eind juni 2024"));
}

#[test]
fn a_newsletter_shows_the_phases_only_when_they_are_recorded_for_its_edition() {
    let b = built();
    for e in ["2025-04", "2025-Q3"] {
        for ext in ["html", "email.html", "md", "txt"] {
            let t = out_text(b, &format!("nieuwsbrief/even-bijpraten-{e}.{ext}"));
            assert!(!t.contains("in één oogopslag") && !t.to_uppercase().contains("OOGOPSLAG"), "{e}.{ext}");
        }
        assert!(!b.out.join(format!("nieuwsbrief/even-bijpraten-{e}-fasen.png")).exists());
    }
    // A phase recorded for the edition: the chart, with the edition's moment.
    let tmp = fixture();
    let data = tmp.path().join("data");
    edit(
        &data.join("projecten/fietsen.yaml"),
        "  - fase: Initiatiefase\n    periode: 2024-H1\n",
        "  - fase: Initiatiefase\n    editie: 2024-05\n",
    );
    let out = tmp.path().join("out");
    let o = build(&data, &out, &["--only", "nieuwsbrief", "--date", "2024-06-01"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(out.join("nieuwsbrief/even-bijpraten-2024-05.html")).unwrap();
    assert!(html.contains("Het programma in één oogopslag") && html.contains("stand eind mei 2024"), "{html}");
    assert!(out.join("nieuwsbrief/even-bijpraten-2024-05-fasen.png").exists());
}

#[test]
fn a_link_line_without_an_address_is_a_warning_and_never_printed() {
    let o = run(koers().args(["check", "--message-format", "json", "--data"]).arg(root().join("data")));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let lines: Vec<(String, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["message"].as_str().unwrap().contains("has no address"))
        .map(|d| {
            let file = d["file"].as_str().unwrap().to_string();
            let line = d["line"].as_u64().unwrap() as usize;
            let src = std::fs::read_to_string(&file).unwrap();
            let at = src.lines().nth(line - 1).unwrap().to_string();
            assert_eq!(d["severity"], "warning");
            (file, at)
        })
        .collect();
    assert!(lines.len() >= 10, "{lines:?}");
    let b = built();
    let outputs: Vec<(PathBuf, String)> = snapshot(&b.out)
        .into_iter()
        .filter(|(k, _)| !k.ends_with(".png") && !k.ends_with(".json"))
        .map(|(k, v)| {
            let t = if k.ends_with(".pdf") { squash(&pdf_text(&v)) } else { squash(&String::from_utf8_lossy(&v)) };
            (b.out.join(k), t)
        })
        .collect();
    for (file, at) in &lines {
        // The warning points at the line's own text.
        let tekst = at.split("tekst:").nth(1).unwrap_or_else(|| panic!("{file}: {at}"));
        let tekst = tekst.trim().trim_end_matches('}').trim().trim_matches('"').trim();
        assert!(tekst.len() > 5, "{at}");
        for (f, t) in &outputs {
            assert!(!t.contains(tekst), "{} prints the line \"{tekst}\" without its link", f.display());
        }
    }
    // The abbreviation tip is true (the abbreviations are links), and it stays.
    assert!(out_pdf(b, &format!("{RAPPORTAGE}.pdf")).contains("Klik op de afkorting"));
}

#[test]
fn the_rapportage_lists_the_whole_glossary() {
    let prog = programme();
    assert_eq!(prog.afkortingen.len(), 31, "seed 003's 31 entries");
    let html = Html::parse_document(&text(&format!("{RAPPORTAGE}.html")));
    let rows: Vec<String> = html
        .select(&sel("section[aria-labelledby=afkortingen] tbody tr th"))
        .map(|t| t.text().collect::<String>().trim().to_string())
        .collect();
    for a in &prog.afkortingen {
        assert!(rows.contains(&a.afkorting), "{} missing from {rows:?}", a.afkorting);
    }
    let pdf = squash(&pdf_text(&read(&format!("{RAPPORTAGE}.pdf"))));
    for a in ["OZJT", "SEH", "VSO"] {
        assert!(pdf.contains(&format!("{a} ")), "{a}");
    }
}

/// A PNG of 2×1 pixels.
pub(crate) const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x02, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x7b, 0x40, 0xe8, 0xdd, 0x00, 0x00, 0x00, 0x0d, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0x00, 0x04, 0xff, 0x01, 0x07, 0x00, 0x01, 0xff, 0xe2, 0x23, 0x9e,
    0x59, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

#[test]
fn an_ambition_figure_from_the_data_stands_in_every_format() {
    let tmp = fixture();
    let data = tmp.path().join("data");
    std::fs::create_dir(data.join("figuren")).unwrap();
    std::fs::write(data.join("figuren/ambitie.png"), PNG).unwrap();
    edit(
        &data.join("themalijnen/gezondheid.yaml"),
        "naam:",
        "ambitie_figuur:\n  bestand: figuren/ambitie.png\n  alt: Vier doelen voor <een> gezonde regio\nnaam:",
    );
    let out = tmp.path().join("out");
    let o = build(&data, &out, &["--only", "rapportage"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let sentence = "In het figuur hieronder staat de ambitie van de themalijn";
    let html = std::fs::read_to_string(out.join(format!("{RAPPORTAGE}.html"))).unwrap();
    let doc = Html::parse_document(&html);
    let img = doc.select(&sel("figure.figuur img")).next().expect("the figure in the HTML");
    assert_eq!(img.value().attr("alt"), Some("Vier doelen voor <een> gezonde regio"));
    assert!(img.value().attr("src").unwrap().starts_with("data:image/png;base64,"), "self-contained");
    assert!(html.contains(sentence));
    let md = std::fs::read_to_string(out.join(format!("{RAPPORTAGE}.md"))).unwrap();
    assert!(md.contains("](figuren/ambitie-gezondheid.png)") && md.contains(sentence), "{md}");
    assert_eq!(std::fs::read(out.join("rapportage/figuren/ambitie-gezondheid.png")).unwrap(), PNG);
    let pdf = std::fs::read(out.join(format!("{RAPPORTAGE}.pdf"))).unwrap();
    assert!(squash(&pdf_text(&pdf)).contains(sentence));
    assert!(String::from_utf8_lossy(&pdf).contains("/Alt"), "the image has alt text in the PDF");
    // Without a figure neither the sentence nor a placeholder.
    assert!(!text(&format!("{RAPPORTAGE}.html")).contains(sentence));
}

#[test]
fn a_figure_that_cannot_be_used_is_an_error_at_its_line() {
    let cases: [(&str, &[u8], &str, &str); 4] = [
        ("figuren/er-is-niets.png", PNG, "alt: Doelen", "there is no such file"),
        ("../buiten.png", PNG, "alt: Doelen", "outside the data directory"),
        ("figuren/a.png", b"GIF89a....", "alt: Doelen", "is not a PNG, JPEG or SVG image"),
        ("figuren/a.png", PNG, "alt: \"\"", "has no alt text"),
    ];
    for (bestand, bytes, alt, message) in cases {
        let tmp = fixture();
        let data = tmp.path().join("data");
        std::fs::create_dir(data.join("figuren")).unwrap();
        std::fs::write(data.join("figuren/a.png"), bytes).unwrap();
        std::fs::write(tmp.path().join("buiten.png"), PNG).unwrap();
        edit(
            &data.join("themalijnen/gezondheid.yaml"),
            "naam:",
            &format!("ambitie_figuur:\n  bestand: {bestand}\n  {alt}\nnaam:"),
        );
        let o = run(koers().args(["check", "--message-format", "json", "--data"]).arg(&data));
        assert_eq!(o.status.code(), Some(1), "{bestand}: {}", stdout(&o));
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let d = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["message"].as_str().unwrap().contains(message))
            .unwrap_or_else(|| panic!("{bestand}: no \"{message}\" in {json:#}"));
        assert!(d["file"].as_str().unwrap().ends_with("themalijnen/gezondheid.yaml"));
        assert_eq!(d["line"], if message.contains("alt") { 4 } else { 3 }, "{d}");
    }
}

/// The page fills of the PDFs of one build (KOERS_TYPST_LAYOUT), by document.
fn layouts(args: &[&str]) -> Vec<(String, Vec<serde_json::Value>)> {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("layout");
    std::fs::create_dir(&report).unwrap();
    let o = run(koers()
        .env("KOERS_TYPST_LAYOUT", &report)
        .args(["build-report", "--format", "pdf"])
        .args(args)
        .arg("--data")
        .arg(root().join("data"))
        .arg("--out")
        .arg(dir.path().join("out")));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut out: Vec<(String, Vec<serde_json::Value>)> = std::fs::read_dir(&report)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let pages: Vec<serde_json::Value> = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), pages)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The pages that hold less than a third of what a full page holds, but for a chapter's last
/// page (the next starts a chapter, or it is the last) and the cover.
fn near_empty(pages: &[serde_json::Value], chapter_end_allowed: bool) -> Vec<(u64, f64)> {
    let cov = |p: &serde_json::Value| p["coverage"].as_f64().unwrap();
    let mut full: Vec<f64> = pages.iter().map(cov).collect();
    full.sort_by(f64::total_cmp);
    let typical = full[full.len() / 2];
    pages
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            let last_of_chapter = pages.get(i + 1).is_none_or(|n| n["chapter_start"] == true);
            *i > 0 && cov(p) < typical / 3.0 && !(chapter_end_allowed && last_of_chapter)
        })
        .map(|(_, p)| (p["page"].as_u64().unwrap(), cov(p)))
        .collect()
}

#[test]
fn the_rapportage_is_dense_like_the_seed_and_its_chapters_start_on_new_pages() {
    let docs = layouts(&["--only", "rapportage"]);
    assert_eq!(docs.len(), 1);
    let pages = &docs[0].1;
    assert!(pages.len() <= 30, "{} pages (seed 003: 20)", pages.len());
    let chapters = pages.iter().filter(|p| p["chapter_start"] == true).count();
    assert!(chapters >= 10, "voorwoord … definities: {chapters}");
    assert_eq!(near_empty(pages, true), vec![], "pages less than a third full that are not a chapter's last");
}

#[test]
fn the_regioplan_has_no_near_empty_page() {
    let docs = layouts(&["--only", "regioplan"]);
    let pages = &docs[0].1;
    assert_eq!(near_empty(pages, false), vec![], "near-empty pages of {} in all", pages.len());
}

#[test]
fn a_cover_title_never_breaks_a_span_of_years() {
    let pdf = read("regioplan/regioplan-2024-2026.pdf");
    let pages = pdf_extract::extract_text_from_mem_by_pages(&pdf).unwrap();
    let cover = &pages[0];
    assert!(squash(cover).contains("Regioplan Twentse Koers 2024–2026"), "{cover}");
    assert!(!cover.lines().any(|l| l.trim().ends_with("2024–")), "{cover}");
}

#[test]
fn no_pdf_page_prints_text_over_other_text() {
    // The informatiepakket's bouwstenen table is taller than a page: as an unbreakable figure its
    // last rows were printed over its second one and the page footer.
    let docs = layouts(&[]);
    assert_eq!(docs.len(), 3, "{:?}", docs.iter().map(|d| &d.0).collect::<Vec<_>>());
    for (doc, pages) in &docs {
        let bad: Vec<(u64, u64)> = pages
            .iter()
            .filter(|p| p["overlaps"].as_u64().unwrap() > 0)
            .map(|p| (p["page"].as_u64().unwrap(), p["overlaps"].as_u64().unwrap()))
            .collect();
        assert_eq!(bad, vec![], "{doc}: (page, pairs of text runs laid over each other)");
    }
}
