//! Accessibility of the HTML outputs (WCAG 2.1 AA, EN 301 549) and the e-mail.
//!
//! Two kinds of test:
//! - the page structure, the theme and the e-mail, checked in Rust on the real data's build
//!   (always run);
//! - axe-core in headless Chromium and the Nu HTML Checker (vnu), which need Chromium, a Java
//!   runtime and the npm packages of `tools/a11y/` (`npm ci` there): `#[ignore]`d in a plain
//!   `cargo test --release`, run by `.ci/run` (`--include-ignored`), which installs what they
//!   need. Where something is missing they fail with a message that names it — never a silent skip.

use crate::common;
use common::*;
use scraper::{ElementRef, Html};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The real data, built once for every test of this binary (`common::built`).
fn built() -> &'static Path {
    &common::built().out
}

/// Every HTML file of the build, by path relative to out/; the e-mails apart.
fn html_files(email: bool) -> Vec<PathBuf> {
    snapshot(built())
        .into_keys()
        .filter(|p| p.ends_with(".html") && p.ends_with(".email.html") == email)
        .map(|p| built().join(p))
        .collect()
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

fn rel(p: &Path) -> String {
    p.strip_prefix(built()).unwrap_or(p).display().to_string()
}

#[test]
fn every_page_has_the_structure_of_a_government_page() {
    let pages = html_files(false);
    assert!(pages.len() >= 7, "{pages:?}");
    assert!(pages.iter().any(|p| p.ends_with("toegankelijkheidsverklaring.html")));
    for page in &pages {
        let name = rel(page);
        let doc = Html::parse_document(&read(page));
        assert_eq!(doc.select(&sel("html")).next().unwrap().value().attr("lang"), Some("nl"), "{name}");
        let title: String = doc.select(&sel("title")).next().map(|t| t.text().collect()).unwrap_or_default();
        assert!(!title.trim().is_empty(), "{name}: a title");
        // The skip link is the first link of the page and leads to main.
        let first = doc.select(&sel("body a")).next().unwrap_or_else(|| panic!("{name}: no links"));
        assert!(
            first.value().has_class("skiplink", scraper::CaseSensitivity::CaseSensitive),
            "{name}: skip link first"
        );
        let target = first.value().attr("href").unwrap().trim_start_matches('#');
        let main: Vec<ElementRef> = doc.select(&sel("main")).collect();
        assert_eq!(main.len(), 1, "{name}: one main");
        assert_eq!(main[0].value().attr("id"), Some(target), "{name}: the skip link leads to main");
        // Landmarks: one banner header, one main, one contentinfo footer, directly in body.
        for landmark in ["body > header", "body > main", "body > footer"] {
            assert_eq!(doc.select(&sel(landmark)).count(), 1, "{name}: {landmark}");
        }
        // One h1, and no heading level skipped.
        let levels: Vec<usize> =
            doc.select(&sel("h1, h2, h3, h4, h5, h6")).map(|h| h.value().name()[1..].parse().unwrap()).collect();
        assert_eq!(levels.iter().filter(|l| **l == 1).count(), 1, "{name}: one h1 ({levels:?})");
        assert_eq!(levels[0], 1, "{name}: the h1 comes first");
        for w in levels.windows(2) {
            assert!(w[1] <= w[0] + 1, "{name}: heading h{} after h{}", w[1], w[0]);
        }
        // Tables: a caption, header cells with a scope.
        for table in doc.select(&sel("table")) {
            let caption: String = table.select(&sel("caption")).next().map(|c| c.text().collect()).unwrap_or_default();
            assert!(!caption.trim().is_empty(), "{name}: a table without caption: {}", &table.html()[..120]);
            let th: Vec<ElementRef> = table.select(&sel("th")).collect();
            assert!(!th.is_empty(), "{name}: a table without header cells ({caption})");
            for cell in th {
                assert!(
                    matches!(cell.value().attr("scope"), Some("col" | "row" | "colgroup" | "rowgroup")),
                    "{name}: a header cell without scope in \"{caption}\": {}",
                    cell.html()
                );
            }
        }
        // In-page links lead somewhere.
        for a in doc.select(&sel("a[href^='#']")) {
            let id = &a.value().attr("href").unwrap()[1..];
            assert!(doc.select(&sel(&format!("[id='{id}']"))).next().is_some(), "{name}: #{id} leads nowhere");
        }
        // The footer links to the toegankelijkheidsverklaring, which exists.
        let footer = doc.select(&sel("body > footer")).next().unwrap();
        let link = footer
            .select(&sel("a"))
            .find(|a| a.value().attr("href").unwrap_or("").ends_with("toegankelijkheidsverklaring.html"))
            .unwrap_or_else(|| panic!("{name}: the footer links to the toegankelijkheidsverklaring"));
        let href = link.value().attr("href").unwrap();
        assert!(page.parent().unwrap().join(href).is_file(), "{name}: {href} exists");
        // Visible focus and a print style come with the stylesheet.
        let css: String = doc.select(&sel("style")).map(|s| s.text().collect::<String>()).collect();
        assert!(css.contains(":focus-visible") && css.contains("@media print"), "{name}");
        // Self-contained: no external requests.
        for el in doc.select(&sel("img, script, link, iframe, source, video, audio")) {
            let src = el.value().attr("src").or(el.value().attr("href")).unwrap_or("");
            assert!(!src.contains("://"), "{name}: external resource {src}");
        }
    }
}

#[test]
fn the_toegankelijkheidsverklaring_has_the_fields_of_the_model_statement() {
    let doc = Html::parse_document(&read(&built().join("toegankelijkheidsverklaring.html")));
    let fields: Vec<(String, String)> = doc
        .select(&sel("dl.verklaring dt"))
        .map(|dt| {
            let dd = dt.next_siblings().filter_map(ElementRef::wrap).next().unwrap();
            (dt.text().collect(), dd.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect();
    let field = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str()).unwrap_or_else(|| panic!("{k}"));
    // From koers.yaml where it knows; clearly open where nothing says.
    assert_eq!(field("Naam van de website"), "Twentse Koers – documenten");
    assert_eq!(field("Adres (URL)"), "www.twentsekoers.nl");
    assert_eq!(field("Contact"), "info@twentsekoers.nl");
    // The date of the commit the documents were made from (no clock: the same data, the same page).
    let o = std::process::Command::new("git").args(["log", "-1", "--format=%cs"]).current_dir(root()).output().unwrap();
    let day = chrono::NaiveDate::parse_from_str(String::from_utf8(o.stdout).unwrap().trim(), "%Y-%m-%d").unwrap();
    assert_eq!(
        field("Datum onderzoek"),
        format!("{} (bij het maken van de documenten)", koers::core::dates::day_dutch(day))
    );
    assert_eq!(field("Naam organisatie"), "nog in te vullen");
    assert!(field("Status").starts_with("nog in te vullen"), "{}", field("Status"));
    assert_eq!(field("Datum ondertekening"), "nog in te vullen");
    let headings: Vec<String> = doc.select(&sel("h2")).map(|h| h.text().collect()).collect();
    for h in ["Hoe is de toegankelijkheid onderzocht?", "Bekende problemen", "Klachten en bezwaar"] {
        assert!(headings.iter().any(|x| x == h), "{h}: {headings:?}");
    }
    let text: String = doc.root_element().text().collect();
    assert!(text.contains("axe-core") && text.contains("Nu HTML Checker"), "how it was measured");
    assert!(
        text.contains("Tussentijdse rapportage januari t/m juni 2024 (HTML, MD, PDF, ODT, DOCX)"),
        "the documents it covers"
    );
}

/// The relative luminance of a #rrggbb colour (WCAG 2.x).
fn luminance(hex: &str) -> f64 {
    let hex = hex.trim().trim_start_matches('#');
    let channel = |i: usize| {
        let v = u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
        if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn the_theme_is_one_file_of_tokens_whose_text_colours_keep_4_5_to_1() {
    let theme = koers::render::theme_properties(&read(&root().join("templates/theme.css")));
    let token =
        |n: &str| theme.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str()).unwrap_or_else(|| panic!("--{n}"));
    // Text on the surfaces it stands on, light and dark (the e-mail's dark mode).
    let pairs = [
        ("koers-kleur-tekst", "koers-kleur-achtergrond"),
        ("koers-kleur-tekst", "koers-kleur-accent-vlak"),
        ("koers-kleur-primair", "koers-kleur-achtergrond"),
        ("koers-kleur-primair", "koers-kleur-primair-licht"),
        ("koers-kleur-primair", "koers-kleur-vlak"),
        ("koers-kleur-primair", "koers-kleur-rij"),
        ("koers-kleur-op-primair", "koers-kleur-primair"),
        ("koers-kleur-accent-tekst", "koers-kleur-achtergrond"),
        ("koers-kleur-accent-tekst", "koers-kleur-accent-vlak"),
        ("koers-kleur-tekst-zacht", "koers-kleur-achtergrond"),
        ("koers-kleur-tekst-zacht", "koers-kleur-vlak"),
        ("koers-kleur-tekst-zacht", "koers-kleur-vlak-grijs"),
        ("koers-kleur-tekst-zacht", "koers-email-achtergrond"),
        ("koers-kleur-focus", "koers-kleur-focus-achtergrond"),
        ("koers-donker-tekst", "koers-donker-vlak"),
        ("koers-donker-tekst", "koers-donker-achtergrond"),
        ("koers-donker-tekst", "koers-donker-accent-vlak"),
        ("koers-donker-link", "koers-donker-vlak"),
        ("koers-donker-link", "koers-donker-accent-vlak"),
        ("koers-donker-accent-tekst", "koers-donker-vlak"),
        ("koers-donker-accent-tekst", "koers-donker-accent-vlak"),
        ("koers-kleur-op-primair", "koers-donker-primair"),
    ];
    for (fg, bg) in pairs {
        let ratio = contrast(token(fg), token(bg));
        assert!(ratio >= 4.5, "--{fg} on --{bg}: {ratio:.2}:1");
    }
    // The orange of the old theme failed on its tinted box (4.0:1) and on white (4.49:1).
    assert!(contrast("#b85f00", "#fdf0e1") < 4.5 && contrast("#b85f00", "#ffffff") < 4.5);
    // Every other stylesheet uses the tokens, not colours of its own.
    for name in ["document.css", "nieuwsbrief.email.html"] {
        let text = read(&root().join("templates").join(name));
        let style = text.split("<style>").nth(1).map(|s| s.split("</style>").next().unwrap()).unwrap_or(&text);
        let hex: Vec<&str> = style
            .match_indices('#')
            .filter(|(i, _)| style[i + 1..].starts_with(|c: char| c.is_ascii_hexdigit()))
            .map(|(i, _)| &style[i..(i + 7).min(style.len())])
            .collect();
        assert!(hex.is_empty(), "{name} has colours of its own: {hex:?}");
    }
}

#[test]
fn the_email_is_accessible_and_under_gmails_clipping_size() {
    for file in html_files(true) {
        let name = rel(&file);
        let raw = read(&file);
        assert!(raw.len() < 100 * 1024, "{name}: {} bytes (Gmail clips at about 102 KB)", raw.len());
        assert!(!raw.contains("var(--"), "{name}: theme tokens are resolved in the e-mail");
        let doc = Html::parse_document(&raw);
        assert_eq!(doc.select(&sel("html")).next().unwrap().value().attr("lang"), Some("nl"), "{name}");
        let wrapper = doc.select(&sel("body > div[role=article]")).next().unwrap_or_else(|| panic!("{name}: wrapper"));
        assert_eq!(wrapper.value().attr("lang"), Some("nl"), "{name}: lang on the wrapper");
        let label = wrapper.value().attr("aria-label").unwrap_or("");
        let title: String = doc.select(&sel("title")).next().unwrap().text().collect();
        assert_eq!(label, title, "{name}: the wrapper is labelled with the title");
        assert!(wrapper.select(&sel("table.wrapper")).next().is_some(), "{name}: the layout inside the wrapper");
        for table in doc.select(&sel("table")) {
            assert_eq!(table.value().attr("role"), Some("presentation"), "{name}: a layout table without role");
        }
        for img in doc.select(&sel("img")) {
            assert!(img.value().attr("alt").is_some(), "{name}: an image without alt");
        }
        assert_eq!(doc.select(&sel("h1")).count(), 1, "{name}: the title is the one h1");
        // Dark mode: the media query carries the dark tokens' colours.
        let style: String = doc.select(&sel("style")).map(|s| s.text().collect::<String>()).collect();
        let dark = style.split("prefers-color-scheme: dark").nth(1).unwrap_or_else(|| panic!("{name}: dark mode"));
        assert!(dark.contains("#1b2629") && dark.contains("#e8eeef") && dark.contains("#0b3c47"), "{name}: {dark}");
    }
}

// ---- axe-core and the Nu HTML Checker: need Chromium, Java and tools/a11y/node_modules ----

fn tools() -> PathBuf {
    root().join("tools/a11y")
}

fn need_npm_packages() {
    let nm = tools().join("node_modules");
    for p in ["axe-core/axe.min.js", "puppeteer-core/package.json", "vnu-jar/build/dist/vnu.jar"] {
        assert!(
            nm.join(p).is_file(),
            "missing {}: run `npm ci --ignore-scripts` in tools/a11y (.ci/run does this)",
            nm.join(p).display()
        );
    }
}

fn need_program(program: &str, arg: &str, what: &str) {
    let ok = Command::new(program).arg(arg).output().map(|o| o.status.success()).unwrap_or(false);
    assert!(
        ok,
        "{what} is needed: `{program} {arg}` did not run (Debian: apt-get install -y chromium default-jre-headless; .ci/run installs them)"
    );
}

fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

/// Run axe.mjs over files; the violations, as readable lines.
fn axe(args: &[&str], files: &[PathBuf]) -> Vec<String> {
    need_npm_packages();
    need_program("node", "--version", "Node.js");
    need_program(&chromium(), "--version", "Chromium");
    let o = Command::new("node")
        .arg(tools().join("axe.mjs"))
        .args(args)
        .args(files)
        .env("CHROMIUM", chromium())
        .output()
        .expect("run node");
    assert!(o.status.success(), "axe.mjs failed: {}", String::from_utf8_lossy(&o.stderr));
    let results: serde_json::Value = serde_json::from_slice(&o.stdout).expect("axe.mjs prints JSON");
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), files.len(), "one result per file");
    let mut problems = Vec::new();
    for r in results {
        for v in r["violations"].as_array().unwrap() {
            for n in v["nodes"].as_array().unwrap() {
                problems.push(format!(
                    "{} {args:?}: {} ({}) at {}: {}",
                    rel(Path::new(r["file"].as_str().unwrap())),
                    v["id"].as_str().unwrap(),
                    v["help"].as_str().unwrap(),
                    n["target"].as_str().unwrap(),
                    n["summary"].as_str().unwrap_or("").replace('\n', " ")
                ));
            }
        }
    }
    problems
}

#[test]
#[ignore = "needs Chromium, Java and the npm packages axe-core and vnu-jar; run by .ci/run"]
fn axe_finds_no_violations_in_any_html_output() {
    let pages = html_files(false);
    let emails = html_files(true);
    let all: Vec<PathBuf> = pages.iter().chain(&emails).cloned().collect();
    let mut problems = axe(&[], &all);
    // Reflow: readable at 320 CSS px, which is 1280 px at 400 % zoom (WCAG 1.4.10).
    problems.extend(axe(&["--width", "320"], &all));
    // The e-mail's dark mode keeps its contrast.
    problems.extend(axe(&["--dark"], &emails));
    assert!(problems.is_empty(), "{} axe violations:\n{}", problems.len(), problems.join("\n"));
}

#[test]
#[ignore = "needs Chromium, Java and the npm packages axe-core and vnu-jar; run by .ci/run"]
fn the_nu_html_checker_finds_no_errors() {
    need_npm_packages();
    need_program("java", "-version", "A Java runtime");
    // Every HTML output but the e-mail, whose merge tags and Outlook properties are not HTML.
    let pages = html_files(false);
    let o = Command::new("java")
        .arg("-jar")
        .arg(tools().join("node_modules/vnu-jar/build/dist/vnu.jar"))
        .args(["--errors-only", "--format", "json", "--exit-zero-always"])
        .args(&pages)
        .output()
        .expect("run java");
    let report: serde_json::Value = serde_json::from_slice(&o.stderr)
        .unwrap_or_else(|e| panic!("vnu prints JSON on stderr ({e}): {}", String::from_utf8_lossy(&o.stderr)));
    let errors: Vec<String> = report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["type"] == "error" || m["subType"] == "fatal")
        .map(|m| {
            format!(
                "{}:{}: {}",
                m["url"].as_str().unwrap_or("").rsplit("/out/").next().unwrap_or(""),
                m["lastLine"],
                m["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert!(errors.is_empty(), "{} errors:\n{}", errors.len(), errors.join("\n"));
}
