//! Golden outputs: the small fixture data set (tests/fixtures/valid) built into every document in
//! every format and compared, file by file, with tests/golden/build/. Text formats are compared
//! byte for byte; a PDF by its extracted text (`<file>.pdf.txt`), a chart image by its SHA-256
//! (`<file>.png.sha256`), the stylesheets the HTML pages inline once each (`styles/<hash>.css`,
//! named in the page). A change to a view or a template shows up here as a diff to review.
//!
//! `KOERS_UPDATE_GOLDEN=1 cargo test --release --test main -- golden_outputs::` rewrites the golden files
//! (and removes those of files the build no longer writes).

use crate::common;

use common::{copy_dir, koers, pdf_text, root, run, snapshot, stderr};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// What is kept of an output file in the golden directory: (golden file name, contents), and the
/// stylesheets its `<style>` elements held. Every HTML page inlines the same stylesheet: a golden
/// page names it (`styles/<hash>.css`) and the stylesheet is kept once.
fn golden_form(path: &str, bytes: &[u8], styles: &mut BTreeMap<String, Vec<u8>>) -> (String, Vec<u8>) {
    if path.ends_with(".pdf") {
        (format!("{path}.txt"), pdf_text(bytes).into_bytes())
    } else if path.ends_with(".png") {
        (format!("{path}.sha256"), format!("{}\n", sha256_hex(bytes)).into_bytes())
    } else if path.ends_with(".html") {
        let mut rest = std::str::from_utf8(bytes).expect("HTML is UTF-8");
        let mut page = String::new();
        while let Some(open) = rest.find("<style>") {
            let close = open + rest[open..].find("</style>").expect("a closed <style>");
            let css = &rest[open + "<style>".len()..close];
            let name = format!("styles/{}.css", &sha256_hex(css.as_bytes())[..12]);
            page.push_str(&rest[..open]);
            page.push_str(&format!("<style>/* {name} */</style>"));
            styles.insert(name, css.as_bytes().to_vec());
            rest = &rest[close + "</style>".len()..];
        }
        page.push_str(rest);
        (path.to_string(), page.into_bytes())
    } else {
        (path.to_string(), bytes.to_vec())
    }
}

#[test]
fn every_document_in_every_format_matches_its_golden_file() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy_dir(&root().join("tests/fixtures/valid"), &data);
    let out = tmp.path().join("out");
    let o = run(koers().args(["build-report", "--data"]).arg(&data).arg("--out").arg(&out));
    assert!(o.status.success(), "{}", stderr(&o));

    let mut styles = BTreeMap::new();
    let mut actual: BTreeMap<String, Vec<u8>> = snapshot(&out)
        .into_iter()
        .filter(|(path, _)| !path.starts_with(".koers"))
        .map(|(path, bytes)| golden_form(&path, &bytes, &mut styles))
        .collect();
    assert!(!styles.is_empty(), "the HTML pages inline their stylesheet");
    actual.extend(styles);
    // Every kind of document in every format it is made in, and the pages beside them.
    for expected in [
        "index.html",
        "manifest.json",
        "toegankelijkheidsverklaring.html",
        "rapportage/tussentijdse-rapportage-2024-H1.md",
        "rapportage/tussentijdse-rapportage-2024-H1.html",
        "rapportage/tussentijdse-rapportage-2024-H1.pdf.txt",
        "regioplan/regioplan-2024-2026.md",
        "regioplan/regioplan-2024-2026.html",
        "regioplan/regioplan-2024-2026.pdf.txt",
        "nieuwsbrief/even-bijpraten-2024-05.md",
        "nieuwsbrief/even-bijpraten-2024-05.html",
        "nieuwsbrief/even-bijpraten-2024-05.email.html",
        "nieuwsbrief/even-bijpraten-2024-05.txt",
        "nieuwsbrief/even-bijpraten-2024-05.eml",
        "nieuwsbrief/even-bijpraten-2024-05-fasen.png.sha256",
    ] {
        assert!(actual.contains_key(expected), "the build wrote no {expected}: {:?}", actual.keys());
    }

    let dir = root().join("tests/golden/build");
    if std::env::var_os("KOERS_UPDATE_GOLDEN").is_some() {
        let _ = std::fs::remove_dir_all(&dir);
        for (path, bytes) in &actual {
            let file = dir.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, bytes).unwrap();
        }
        return;
    }
    let expected = snapshot(&dir);
    let mut problems = Vec::new();
    for (path, bytes) in &actual {
        match expected.get(path) {
            None => problems.push(format!("{path}: new output without a golden file")),
            Some(want) if want != bytes => {
                let (got, want) = (String::from_utf8_lossy(bytes), String::from_utf8_lossy(want));
                let line = got.lines().zip(want.lines()).position(|(a, b)| a != b).map_or(
                    format!("line {} (one is longer)", got.lines().count().min(want.lines().count()) + 1),
                    |i| {
                        format!(
                            "line {}:\n  got:  {}\n  want: {}",
                            i + 1,
                            got.lines().nth(i).unwrap(),
                            want.lines().nth(i).unwrap()
                        )
                    },
                );
                problems.push(format!("{path} differs from its golden file, first at {line}"));
            }
            Some(_) => {}
        }
    }
    for path in expected.keys().filter(|p| !actual.contains_key(*p)) {
        problems.push(format!("{path}: golden file of an output the build no longer writes"));
    }
    assert!(
        problems.is_empty(),
        "{}\n(review the change; if it is intended, run with KOERS_UPDATE_GOLDEN=1 and commit tests/golden/build)",
        problems.join("\n")
    );
}
