//! koers serves any region from its data: an invented second region (`tests/fixtures/zuidwest`,
//! "Zorgzaam Zuidwest" in the Zuidwesthoek) with its own names, municipalities, a phase ladder of
//! four steps and its own colours is built in every format, and nothing of Twente shows.

use crate::common::{copy_dir, koers, pdf_text, root, run, squash, stderr};
use koers::render::zip;
use std::path::{Path, PathBuf};

const LADDER: [&str; 4] = ["Verkennen", "Ontwerpen", "Uitvoeren", "Verankeren"];

/// The region's data in a fresh directory, built in every format with the typst sources kept.
fn build() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy_dir(&root().join("tests/fixtures/zuidwest"), &data);
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
    let docx = readable(&rapportage.with_extension("docx")).unwrap();
    assert!(docx.contains("3B1F6B") || docx.contains("3b1f6b"), "the DOCX styles");
}

#[test]
fn a_phase_not_on_the_ladder_is_reported_where_it_stands() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy_dir(&root().join("tests/fixtures/zuidwest"), &data);
    crate::common::edit(&data.join("projecten/wandelen.yaml"), "fase: Uitvoeren", "fase: Realisatiefase");
    crate::common::edit(&data.join("projecten/fietsen.yaml"), "fase: Verkennen", "fase: verkenen");
    let o = run(koers().args(["check", "--date", "2024-10-15", "--data"]).arg(&data).env("NO_COLOR", "1"));
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
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy_dir(&root().join("tests/fixtures/zuidwest"), &data);
    crate::common::edit(&data.join("koers.yaml"), "primair: \"#3b1f6b\"", "primair: \"#c8b8e8\"");
    crate::common::edit(&data.join("koers.yaml"), "accent: \"#2e8540\"", "accent: groen");
    let o = run(koers().args(["check", "--date", "2024-10-15", "--data"]).arg(&data).env("NO_COLOR", "1"));
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("\"groen\" is not a colour of the form #rrggbb"), "{err}");
    assert!(err.contains("koers.yaml:29:13"), "{err}");
    // Checked once the colours are well-formed: light lilac text on white is unreadable.
    crate::common::edit(&data.join("koers.yaml"), "accent: groen", "accent: \"#2e8540\"");
    let o = run(koers().args(["check", "--date", "2024-10-15", "--data"]).arg(&data).env("NO_COLOR", "1"));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("text in primair #c8b8e8 on white has a contrast of"), "{err}");
    assert!(err.contains("koers.yaml:27:14"), "{err}");
}
