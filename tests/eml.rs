//! The newsletter as a message ready to send (`out/nieuwsbrief/even-bijpraten-<edition>.eml`),
//! parsed back with a MIME parser.

use crate::common;
use common::*;
use mail_parser::{MessageParser, MimeHeaders};

const IMAGES: &str = "https://www.example.org/nieuwsbrief/";

/// The real data with the unsubscribe address and Reply-To that koers.yaml may give, built
/// (newsletters only) into `out`.
fn build_with_unsubscribe(dir: &std::path::Path, afmelden: &str) -> std::path::PathBuf {
    let data = dir.join("data");
    copy_dir(&root().join("data"), &data);
    let yaml = std::fs::read_to_string(data.join("koers.yaml")).unwrap();
    let anchor = "  afzender: communicatie@samentwente.nl\n";
    assert!(yaml.contains(anchor));
    // The folder the chart images are put online in (an address for the test, example.org).
    let yaml = yaml.replace(
        anchor,
        &format!(
            "{anchor}  antwoord_aan: info@twentsekoers.nl\n  afmelden: {afmelden}\n  afbeeldingen_url: {IMAGES}\n"
        ),
    );
    std::fs::write(data.join("koers.yaml"), yaml).unwrap();
    // A phase recorded for the April edition, so that its e-mail has the phase chart.
    let project = data.join("projecten/zelfstandigheid-lvb.yaml");
    let yaml = std::fs::read_to_string(&project).unwrap();
    let step = "    periode: 2024-H1\n";
    assert!(yaml.contains(step));
    std::fs::write(&project, yaml.replacen(step, &format!("{step}  - fase: Definitiefase\n    editie: 2025-04\n"), 1))
        .unwrap();
    let out = dir.join("out");
    let o = run(koers()
        .args(["build-report", "--date", "2025-10-15", "--only", "nieuwsbrief", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&out));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    out
}

#[test]
fn the_eml_is_a_multipart_alternative_draft_with_the_email_html() {
    let dir = tempfile::tempdir().unwrap();
    let out = build_with_unsubscribe(dir.path(), "https://www.twentsekoers.nl/afmelden");
    let bytes = std::fs::read(out.join("nieuwsbrief/even-bijpraten-2025-04.eml")).unwrap();
    let msg = MessageParser::default().parse(&bytes).expect("a MIME message");
    let ct = msg.content_type().unwrap();
    assert_eq!((ct.ctype(), ct.subtype()), ("multipart", Some("alternative")));
    assert_eq!(msg.subject(), Some("Even bijpraten... April 2025"));
    let from = msg.from().unwrap().first().unwrap();
    assert_eq!(from.address(), Some("communicatie@samentwente.nl"));
    assert_eq!(from.name(), Some("Twentse Koers"));
    assert_eq!(msg.reply_to().unwrap().first().unwrap().address(), Some("info@twentsekoers.nl"));
    assert!(msg.to().is_none(), "a draft: the sender addresses it");
    assert_eq!(msg.header_raw("X-Unsent").map(str::trim), Some("1"));
    assert_eq!(msg.header_raw("List-Unsubscribe").map(str::trim), Some("<https://www.twentsekoers.nl/afmelden>"));
    assert_eq!(msg.header_raw("List-Unsubscribe-Post").map(str::trim), Some("List-Unsubscribe=One-Click"));
    // The day given with --date (the edition's `verzonden` otherwise), not the wall clock.
    assert_eq!(msg.date().unwrap().to_rfc3339(), "2025-10-15T08:00:00Z");
    // multipart/alternative [text/plain, multipart/related [text/html, image/png]], UTF-8.
    let types: Vec<String> = msg
        .parts
        .iter()
        .map(|p| {
            let ct = p.content_type().unwrap();
            format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or(""))
        })
        .collect();
    assert_eq!(types, ["multipart/alternative", "text/plain", "multipart/related", "text/html", "image/png"]);
    for part in msg.parts.iter().filter(|p| p.content_type().unwrap().ctype() == "text") {
        let ct = part.content_type().unwrap();
        assert_eq!(ct.attribute("charset").map(str::to_lowercase).as_deref(), Some("utf-8"));
    }
    // The chart beside the e-mail travels inline, referred to by cid:; the e-mail HTML (pasted
    // into the mailing tool) shows the hosted copy.
    let png_name = "even-bijpraten-2025-04-fasen.png";
    let png = std::fs::read(out.join("nieuwsbrief").join(png_name)).unwrap();
    let image = &msg.parts[4];
    assert_eq!(image.content_id(), Some("even-bijpraten-2025-04-fasen@koers"));
    assert_eq!(image.contents(), png.as_slice(), "the same PNG as beside the e-mail");
    let email_html = std::fs::read_to_string(out.join("nieuwsbrief/even-bijpraten-2025-04.email.html"))
        .unwrap()
        .replace(&format!("src=\"{IMAGES}{png_name}\""), "src=\"cid:even-bijpraten-2025-04-fasen@koers\"");
    assert!(email_html.contains("cid:"), "the e-mail HTML shows the chart from {IMAGES}");
    let text = std::fs::read_to_string(out.join("nieuwsbrief/even-bijpraten-2025-04.txt")).unwrap();
    // MIME text parts have CRLF line ends on the wire; otherwise they are the files.
    let html_part = msg.body_html(0).unwrap().replace("\r\n", "\n");
    assert!(
        html_part == email_html,
        "the HTML part is the e-mail HTML, its image by cid: ({} and {} bytes)",
        html_part.len(),
        email_html.len()
    );
    let text_part = msg.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(text_part == text, "the text part is the text version:\n{text_part}");
    // In the manifest, with its own format.
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"path\": \"nieuwsbrief/even-bijpraten-2025-04.eml\""), "{manifest}");
    assert!(manifest.contains("\"format\": \"eml\""));
}

#[test]
fn the_eml_is_byte_identical_on_a_rebuild_and_one_click_needs_https() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let first = std::fs::read(
        build_with_unsubscribe(a.path(), "mailto:afmelden@twentsekoers.nl")
            .join("nieuwsbrief/even-bijpraten-2025-Q3.eml"),
    )
    .unwrap();
    let second = std::fs::read(
        build_with_unsubscribe(b.path(), "mailto:afmelden@twentsekoers.nl")
            .join("nieuwsbrief/even-bijpraten-2025-Q3.eml"),
    )
    .unwrap();
    assert!(first == second, "a rebuild gives the same bytes (Date and boundaries fixed)");
    let msg = MessageParser::default().parse(&first).unwrap();
    assert_eq!(msg.header_raw("List-Unsubscribe").map(str::trim), Some("<mailto:afmelden@twentsekoers.nl>"));
    assert!(msg.header_raw("List-Unsubscribe-Post").is_none(), "one-click unsubscribe is a POST to an https URL");
}
