//! koers serves any region from its data: an invented second region (`tests/fixtures/zuidwest`,
//! "Zorgzaam Zuidwest" in the Zuidwesthoek) with its own names, municipalities, a phase ladder of
//! four steps and its own colours is built in every format, and nothing of Twente shows.

use crate::common::{copy_dir, koers, pdf_text, root, run, squash, stderr};
use koers::render::zip;
use std::path::{Path, PathBuf};
use std::process::Output;

const LADDER: [&str; 4] = ["Verkennen", "Ontwerpen", "Uitvoeren", "Verankeren"];

/// The region's data in a fresh directory, built in every format with the typst sources kept.
fn build() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (tmp, data) = region_edited(&[]);
    let (out, typ) = (tmp.path().join("out"), tmp.path().join("typst"));
    let o = run(koers()
        .args(["build-report", "--date", "2024-10-15", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&out)
        .env("KOERS_TYPST_SOURCES", &typ));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (tmp, out, typ)
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() { out.extend(files(&p)) } else { out.push(p) }
    }
    out.sort();
    out
}

/// What a reader (or a search) finds in a file: the text of a PDF, every XML part of an ODT or
/// DOCX, an e-mail with its quoted-printable lines joined, any other text as it is.
fn readable(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).unwrap();
    match path.extension().and_then(|e| e.to_str()) {
        Some("pdf") => Some(pdf_text(&bytes)),
        Some("odt" | "docx") => Some(
            zip::read(&bytes)
                .unwrap()
                .into_iter()
                .filter(|e| e.name.ends_with(".xml"))
                .map(|e| String::from_utf8(e.data).unwrap())
                .collect(),
        ),
        Some("eml") => Some(String::from_utf8(bytes).unwrap().replace("=\r\n", "").replace("=\n", "")),
        Some("png") => None,
        _ => Some(String::from_utf8(bytes).unwrap()),
    }
}

#[test]
fn another_region_is_built_from_its_data_alone() {
    let (_tmp, out, typ) = build();
    let all = files(&out);
    let kinds: Vec<&str> = all.iter().filter_map(|p| p.extension()?.to_str()).collect();
    for ext in ["md", "html", "pdf", "odt", "docx", "eml", "txt"] {
        assert!(kinds.contains(&ext), "no .{ext} among {all:?}");
    }
    // Nothing of Twente in any output, nor the six phases of its ladder.
    for p in all.iter().chain(&files(&typ)) {
        let Some(text) = readable(p) else { continue };
        let lower = text.to_lowercase();
        for word in ["twent", "menzis", "overijssel", "initiatiefase", "borgingsfase"] {
            assert!(!lower.contains(word), "{} mentions {word}", p.display());
        }
    }
    let rapportage = out.join("rapportage/tussentijdse-rapportage-2024-H1");
    let html = std::fs::read_to_string(rapportage.with_extension("html")).unwrap();
    assert!(html.contains("Zorgzaam Zuidwest"));
    // The ladder: its four names, in its order, in the chart's legend and its axis label.
    let doc = scraper::Html::parse_document(&html);
    let legend: Vec<&str> = doc
        .select(&crate::common::sel("svg g.legenda"))
        .filter_map(|g| g.value().attr("data-fase"))
        .filter(|f| *f != "geen")
        .collect();
    // Each chart's legend: the distribution's and the timeline's.
    assert_eq!(legend.len(), 2 * LADDER.len(), "{legend:?}");
    assert!(legend.chunks(LADDER.len()).all(|c| c == LADDER), "{legend:?}");
    assert!(html.contains("← 1. Verkennen … 4. Verankeren →"), "the distribution's axis label");
    // The phase definitions in the PDF, in ladder order.
    let pdf = squash(&pdf_text(&std::fs::read(rapportage.with_extension("pdf")).unwrap()));
    let at: Vec<usize> = LADDER
        .iter()
        .map(|f| pdf.find(&format!("{f} (")).unwrap_or_else(|| panic!("{f} not defined in the PDF: {pdf}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    // The colours: the HTML's theme, the e-mail, the PDF's data, the charts and the DOCX styles.
    assert!(html.contains("--koers-kleur-primair: #3b1f6b;"), "the HTML theme");
    let email = std::fs::read_to_string(out.join("nieuwsbrief/even-bijpraten-2024-05.email.html")).unwrap();
    assert!(email.contains("#3b1f6b") && !email.contains("#005f73"), "the e-mail's resolved colours");
    let sources = typ.join("rapportage_tussentijdse-rapportage-2024-H1-local");
    let huisstijl = std::fs::read_to_string(sources.join("huisstijl.json")).unwrap();
    assert!(huisstijl.contains("\"primair\":\"#3b1f6b\"") && huisstijl.contains("\"accent-licht\":\"#e8f4ea\""));
    let chart = std::fs::read_to_string(sources.join("grafiek/tijdlijn-gezondheid.svg")).unwrap();
    assert!(chart.contains("stroke=\"#3b1f6b\"") && !chart.contains("#005f73"), "the timeline's lines");
    assert!(chart.contains("fill=\"#e8f4ea\"") && chart.contains("stroke=\"#1f5e2c\""), "the report period");
    // The phase styles: tints of the region's primary colour, none of koers' teal ones, each at
    // the luminance of koers' own, so that the labels on them keep their contrast.
    let teal = ["#eef6f7", "#c6e3e8", "#93cdd7", "#56a9b8", "#1b7686", "#003f4c", "#0b3640", "#7a9aa0"];
    let verdeling = std::fs::read_to_string(out.join("nieuwsbrief/even-bijpraten-2024-05.html")).unwrap();
    for svg in [&chart, &verdeling] {
        let left: Vec<_> = teal.iter().filter(|c| svg.contains(*c)).collect();
        assert!(left.is_empty(), "teal phase styles in a purple region: {left:?}");
    }
    for (koers_tint, tint) in [("#eef6f7", "#f5f4f7"), ("#003f4c", "#442a72")] {
        let lum = |h: &str| koers::core::kleur::luminance(koers::core::kleur::rgb(h).unwrap());
        assert!((lum(koers_tint) - lum(tint)).abs() < 0.01, "{tint} has the luminance of {koers_tint}");
        assert!(chart.contains(&format!("fill=\"{tint}\"")), "the tint {tint} of #3b1f6b in the timeline");
    }
    let docx = readable(&rapportage.with_extension("docx")).unwrap();
    assert!(docx.contains("3B1F6B") || docx.contains("3b1f6b"), "the DOCX styles");
    logo_is_shown(&out, &sources);
}

/// The alt text of the region's logo in koers.yaml (markup in it is text).
const LOGO_ALT: &str = "Logo van Zorgzaam Zuidwest <samen> & \"gezond\"";

/// The logo of koers.yaml (`huisstijl.logo`, an SVG) in the HTML pages' header, in the e-mail and
/// inside the message ready to send, and on the PDF's title page.
fn logo_is_shown(out: &Path, sources: &Path) {
    use base64::Engine;
    let svg = std::fs::read(root().join("tests/fixtures/zuidwest/logo.svg")).unwrap();
    // The HTML pages: an <img> in the header, its alt text, a data: URL of the logo's bytes.
    for page in
        ["rapportage/tussentijdse-rapportage-2024-H1.html", "nieuwsbrief/even-bijpraten-2024-05.html", "index.html"]
    {
        let html = std::fs::read_to_string(out.join(page)).unwrap();
        let doc = scraper::Html::parse_document(&html);
        let imgs: Vec<_> = doc.select(&crate::common::sel("header.cover img.logo")).collect();
        assert_eq!(imgs.len(), 1, "{page}: one logo in the header");
        assert_eq!(imgs[0].value().attr("alt"), Some(LOGO_ALT), "{page}");
        let src = imgs[0].value().attr("src").unwrap();
        let data = src.strip_prefix("data:image/svg+xml;base64,").unwrap_or_else(|| panic!("{page}: {src:.60}"));
        assert_eq!(base64::engine::general_purpose::STANDARD.decode(data).unwrap(), svg, "{page}: the logo's bytes");
        assert!(!html.contains("<samen>"), "{page}: the alt text is escaped");
    }
    // The message ready to send: the logo as a PNG (rendered from the SVG), inline, by cid:.
    let png = std::fs::read(out.join("nieuwsbrief/even-bijpraten-2024-05-logo.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "the SVG logo rendered to PNG beside the e-mail");
    let eml = std::fs::read(out.join("nieuwsbrief/even-bijpraten-2024-05.eml")).unwrap();
    let msg = mail_parser::MessageParser::default().parse(&eml).unwrap();
    use mail_parser::MimeHeaders;
    let part = msg
        .parts
        .iter()
        .find(|p| p.content_id() == Some("even-bijpraten-2024-05-logo@koers"))
        .expect("the logo inside the message");
    let ct = part.content_type().unwrap();
    assert_eq!((ct.ctype(), ct.subtype()), ("image", Some("png")));
    assert_eq!(part.contents(), png.as_slice(), "the PNG beside the e-mail");
    let html = scraper::Html::parse_document(msg.body_html(0).unwrap().as_ref());
    let img = html.select(&crate::common::sel("img[src=\"cid:even-bijpraten-2024-05-logo@koers\"]")).next();
    assert_eq!(img.expect("the e-mail refers to the logo by cid:").value().attr("alt"), Some(LOGO_ALT));
    // The e-mail to paste: the region gives no afbeeldingen_url, so no image that cannot load.
    let email = std::fs::read_to_string(out.join("nieuwsbrief/even-bijpraten-2024-05.email.html")).unwrap();
    assert!(!email.contains("logo.png") && !email.contains("cid:"), "no logo without a hosted copy");
    // The PDF: the logo is a file in typst's world, /huisstijl.json names it and its alt text,
    // and the title page draws it.
    assert_eq!(std::fs::read(sources.join("logo.svg")).unwrap(), svg);
    let huisstijl: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sources.join("huisstijl.json")).unwrap()).unwrap();
    assert_eq!(huisstijl["logo"], serde_json::json!({"pad": "/logo.svg", "alt": LOGO_ALT}));
    // typst draws an SVG as paths (no image XObject); its tagged PDF gives the figure the alt text.
    let pdf = lopdf::Document::load(out.join("rapportage/tussentijdse-rapportage-2024-H1.pdf")).unwrap();
    let alts: Vec<String> = pdf
        .objects
        .values()
        .filter_map(|o| match o {
            lopdf::Object::Dictionary(d) => d.get(b"Alt").ok(),
            _ => None,
        })
        .filter_map(|a| a.as_str().ok())
        .map(|b| match b.strip_prefix(&[0xFE, 0xFF]) {
            Some(u) => {
                String::from_utf16_lossy(&u.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect::<Vec<_>>())
            }
            None => String::from_utf8_lossy(b).into_owned(),
        })
        .collect();
    assert!(alts.iter().any(|a| a == LOGO_ALT), "the logo with its alt text in the PDF: {alts:?}");
}

#[test]
fn a_logo_is_checked_where_koers_yaml_names_it() {
    let cases = [
        ("logo: ../logo.svg", "the logo \"../logo.svg\" is not a path inside the data directory"),
        ("logo: nergens.svg", "the logo \"nergens.svg\" cannot be read: there is no such file"),
        ("logo: regioplan.yaml", "\"regioplan.yaml\" is not a PNG or SVG image"),
    ];
    for (line, message) in cases {
        let (_tmp, data) = region_with("logo: logo.svg", line);
        let o = check(&data);
        assert_eq!(o.status.code(), Some(1), "{line}");
        let err = stderr(&o);
        assert!(err.contains(&format!("error: {message}")), "{line}: {err}");
        assert!(err.contains("koers.yaml:32:9"), "{line}: at the logo's value: {err}");
    }
}

#[test]
fn a_phase_not_on_the_ladder_is_reported_where_it_stands() {
    let (_tmp, data) = region_edited(&[
        ("projecten/wandelen.yaml", "fase: Uitvoeren", "fase: Realisatiefase"),
        ("projecten/fietsen.yaml", "fase: Verkennen", "fase: verkenen"),
    ]);
    let o = check(&data);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("error: \"Realisatiefase\" is not a phase of the ladder in koers.yaml"), "{err}");
    assert!(err.contains("projecten/wandelen.yaml:9:11"), "{err}");
    assert!(
        err.contains(
            "the phases of the ladder in koers.yaml (\"fasen\") are: Verkennen, Ontwerpen, Uitvoeren, Verankeren"
        ),
        "{err}"
    );
    assert!(err.contains("projecten/fietsen.yaml:6:11"), "{err}");
    assert!(err.contains("did you mean \"Verkennen\"?"), "{err}");
}

#[test]
fn house_style_colours_are_checked() {
    let (_tmp, data) = region_edited(&[
        ("koers.yaml", "primair: \"#3b1f6b\"", "primair: \"#c8b8e8\""),
        ("koers.yaml", "accent: \"#2e8540\"", "accent: groen"),
    ]);
    let o = check(&data);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("\"groen\" is not a colour of the form #rrggbb"), "{err}");
    assert!(err.contains("koers.yaml:29:13"), "{err}");
    // Checked once the colours are well-formed: light lilac text on white is unreadable.
    crate::common::edit(&data.join("koers.yaml"), "accent: groen", "accent: \"#2e8540\"");
    let o = check(&data);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("text in primair #c8b8e8 on white has a contrast of"), "{err}");
    assert!(err.contains("koers.yaml:27:14"), "{err}");
}

/// The region's data in a fresh directory with `koers.yaml` edited.
fn region_with(from: &str, to: &str) -> (tempfile::TempDir, PathBuf) {
    region_edited(&[("koers.yaml", from, to)])
}

/// The region's data in a fresh directory, with each (file, from, to) edit made.
fn region_edited(edits: &[(&str, &str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy_dir(&root().join("tests/fixtures/zuidwest"), &data);
    for (file, from, to) in edits {
        crate::common::edit(&data.join(file), from, to);
    }
    (tmp, data)
}

/// `koers check` on a copy of the region's data, on its report date.
fn check(data: &Path) -> Output {
    run(koers().args(["check", "--date", "2024-10-15", "--data"]).arg(data).env("NO_COLOR", "1"))
}

#[test]
fn a_logo_s_alt_text_is_checked_and_defaults_to_the_programme_s_name() {
    // Empty: an error at its value.
    let (_t, data) = region_with("  logo_alt: Logo van Zorgzaam Zuidwest <samen> & \"gezond\"", "  logo_alt: \" \"");
    let o = check(&data);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("error: the logo's alt text is empty"), "{}", stderr(&o));
    assert!(stderr(&o).contains("koers.yaml:33:13"), "{}", stderr(&o));
    // Without a logo: a warning, the data is valid.
    let (_t, data) = region_with("  logo: logo.svg\n", "");
    let o = check(&data);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning: logo_alt is given, but there is no logo"), "{}", stderr(&o));
    // Left out: "Logo van" and the programme's name.
    let (tmp, data) = region_with("  logo_alt: Logo van Zorgzaam Zuidwest <samen> & \"gezond\"\n", "");
    let out = tmp.path().join("out");
    let o = run(koers()
        .args(["build-report", "--format", "html", "--date", "2024-10-15", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&out));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = std::fs::read_to_string(out.join("rapportage/tussentijdse-rapportage-2024-H1.html")).unwrap();
    let doc = scraper::Html::parse_document(&page);
    let img = doc.select(&crate::common::sel("header.cover img.logo")).next().expect("the logo");
    assert_eq!(img.value().attr("alt"), Some("Logo van Zorgzaam Zuidwest"));
}

#[test]
fn a_png_logo_is_an_image_on_the_pdf_cover_and_a_jpeg_is_refused() {
    let (tmp, data) = region_with("  logo: logo.svg", "  logo: logo.png");
    std::fs::write(data.join("logo.png"), crate::truth::PNG).unwrap();
    let out = tmp.path().join("out");
    let o = run(koers()
        .args(["build-report", "--only", "rapportage", "--format", "pdf", "--date", "2024-10-15", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&out));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let pdf = lopdf::Document::load(out.join("rapportage/tussentijdse-rapportage-2024-H1.pdf")).unwrap();
    let first = *pdf.get_pages().get(&1).unwrap();
    let sizes: Vec<(i64, i64)> = pdf.get_page_images(first).unwrap().iter().map(|i| (i.width, i.height)).collect();
    assert!(sizes.contains(&(2, 1)), "the 2×1 PNG logo on the cover: {sizes:?}");
    // A JPEG (by its content, whatever its name) is refused at the logo's line.
    let (_t, data) = region_with("  logo: logo.svg", "  logo: logo.jpg");
    std::fs::write(data.join("logo.jpg"), b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
        .unwrap();
    let o = check(&data);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("is a JPEG image, not a PNG or SVG"), "{}", stderr(&o));
    assert!(stderr(&o).contains("koers.yaml:32:9"), "{}", stderr(&o));
}

#[test]
fn the_editable_formats_show_the_logo_on_their_title_page() {
    let (_tmp, out, _) = build();
    let part = |file: &str, name: &str| -> String {
        let bytes = std::fs::read(out.join(file)).unwrap();
        let entries = koers::render::zip::read(&bytes).unwrap();
        let e = entries.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("{file}: no {name}"));
        String::from_utf8(e.data.clone()).unwrap()
    };
    let alt = LOGO_ALT.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    // ODT: a frame with the logo and its description, before the first heading.
    let odt = part("rapportage/tussentijdse-rapportage-2024-H1.odt", "content.xml");
    let frame = odt.find(&format!("<svg:desc>{alt}</svg:desc>")).expect("the logo's frame with its alt text");
    assert!(frame < odt.find("<text:h").unwrap(), "the logo stands on the title page");
    assert!(odt[..frame].contains("Pictures/logo.png"), "its picture");
    // DOCX: a drawing whose description is the alt text, before the first heading.
    let docx = part("rapportage/tussentijdse-rapportage-2024-H1.docx", "word/document.xml");
    let drawing = docx.find(&format!("descr=\"{alt}\"")).expect("the logo's drawing with its alt text");
    assert!(drawing < docx.find("w:val=\"Heading1\"").unwrap(), "the logo stands on the title page");
}
