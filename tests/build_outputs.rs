//! `koers build-report` on the real data: every document, every format, checked on content.
//! One build is shared by the tests of this file (it takes about a second).

use crate::common;
use common::*;
use scraper::Html;
use serde_json::Value;
use std::path::Path;

fn table_rows() -> Vec<Vec<String>> {
    std::fs::read_to_string(root().join("tests/fixtures/tabellen-2024-H1.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').map(String::from).collect())
        .collect()
}

#[test]
fn manifest_lists_every_file_with_its_hash() {
    let m: Value = serde_json::from_slice(&read("manifest.json")).unwrap();
    assert_eq!(m["generator"], format!("koers {}", env!("CARGO_PKG_VERSION")));
    let docs = m["documents"].as_array().unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for d in docs {
        let path = d["path"].as_str().unwrap();
        let bytes = read(path);
        use sha2::Digest;
        let hash: String = sha2::Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(d["sha256"], hash, "{path}");
        assert!(
            ["rapportage", "regioplan", "nieuwsbrief", "informatiepakket"].contains(&d["document"].as_str().unwrap())
        );
        assert!(["md", "html", "pdf", "email", "txt", "odt", "docx", "eml"].contains(&d["format"].as_str().unwrap()));
        seen.insert((
            d["document"].as_str().unwrap().to_string(),
            d["period"].as_str().unwrap().to_string(),
            d["format"].as_str().unwrap().to_string(),
        ));
    }
    for f in ["md", "html", "pdf"] {
        assert!(seen.contains(&("rapportage".into(), "2024-H1".into(), f.into())), "rapportage 2024-H1 {f}");
        assert!(seen.contains(&("regioplan".into(), "2024-2026".into(), f.into())), "regioplan {f}");
    }
    for f in ["md", "html", "pdf"] {
        assert!(seen.contains(&("informatiepakket".into(), "2024-10-31".into(), f.into())), "informatiepakket {f}");
    }
    for e in ["2025-04", "2025-Q3"] {
        for f in ["email", "html", "txt", "md"] {
            assert!(seen.contains(&("nieuwsbrief".into(), e.into(), f.into())), "nieuwsbrief {e} {f}");
        }
    }
    // Every file in out/ is in the manifest (plus the manifest, the index and the toegankelijkheidsverklaring).
    let files = snapshot(&built().out);
    assert_eq!(files.len(), docs.len() + 3);
}

#[test]
fn rapportage_pdf_has_every_project_phase_and_result() {
    let pdf = read("rapportage/tussentijdse-rapportage-2024-H1.pdf");
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let pages = doc.get_pages().len();
    assert!((20..=30).contains(&pages), "page count {pages} (seed 003: 20)");
    let t = squash(&pdf_text(&pdf));
    assert!(t.contains("Tussentijdse rapportage"));
    assert!(t.contains("Januari t/m juni 2024"));
    assert!(t.contains("Inhoudsopgave"));
    assert!(t.contains(&format!("Pagina 3 van {pages}")), "page numbers in the footer");
    for row in table_rows() {
        let name = squash(&row[1]);
        assert!(t.contains(&name), "project {name} in the PDF");
        assert!(t.contains(&format!("Huidige fase: {}", row[2])), "phase {} of {name}", row[2]);
    }
    // The results of the period, e.g. Welzijn op recept's and Valpreventie's.
    for needle in [
        "In maart was er een inspiratiesessie voor de POH",
        "Tarieven vastgesteld voor inkoop valpreventieve beweeginterventies",
        "Een jaarlijkse afname van het valletsel bij thuiswonende ouderen",
        "Met doorlopend bedoelen we dat dit project de volledige looptijd van de huidige werkagenda heeft",
        "Definities projectfasering",
        "Verloskundig Samenwerkingsverband",
    ] {
        assert!(t.contains(needle), "PDF lacks: {needle}");
    }
    // Not a result of a later period.
    assert!(!t.contains("Speaking Minds"), "a 2025 newsletter result leaked into 2024-H1");
}

#[test]
fn rapportage_pdf_is_tagged_and_titled() {
    let pdf = read("rapportage/tussentijdse-rapportage-2024-H1.pdf");
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    assert!(catalog.get(b"StructTreeRoot").is_ok(), "tagged PDF");
    let lang = catalog.get(b"Lang").unwrap().as_str().unwrap();
    assert_eq!(lang, b"nl-NL");
    let raw = String::from_utf8_lossy(&pdf);
    assert!(raw.contains("pdfuaid:part"), "PDF/UA identification in XMP");
    assert!(raw.contains("Tussentijdse rapportage"), "title in the metadata");
}

#[test]
fn rapportage_html_structure() {
    let html = Html::parse_document(&text("rapportage/tussentijdse-rapportage-2024-H1.html"));
    let root = html.select(&sel("html")).next().unwrap();
    assert_eq!(root.value().attr("lang"), Some("nl"));
    assert!(html.select(&sel("nav.toc a[href='#themalijn-ouderen']")).next().is_some());
    assert_eq!(html.select(&sel("link[rel=stylesheet], script")).count(), 0, "self-contained");
    assert!(!text("rapportage/tussentijdse-rapportage-2024-H1.html").contains("src=\"http"));
    let rows: Vec<Vec<String>> = html
        .select(&sel("section table tbody tr"))
        .filter(|tr| tr.select(&sel("td")).count() == 3)
        .map(|tr| {
            let th = tr.select(&sel("th a")).next().unwrap().text().collect::<String>();
            let mut v = vec![th];
            // A cell's text without its footnote marks (their numbers).
            v.extend(tr.select(&sel("td")).map(|td| {
                td.descendants()
                    .filter_map(|n| n.value().as_text().map(|t| (n, t)))
                    .filter(|(n, _)| !n.ancestors().any(|a| a.value().as_element().is_some_and(|e| e.name() == "sup")))
                    .map(|(_, t)| t.to_string())
                    .collect::<String>()
            }));
            v
        })
        .collect();
    let expected: Vec<Vec<String>> = table_rows().into_iter().map(|r| r[1..].to_vec()).collect();
    assert_eq!(rows, expected);
    assert!(html.select(&sel("thead th[scope=col]")).count() >= 8);
    assert_eq!(html.select(&sel("section.project")).count(), 32);
    let active: Vec<String> =
        html.select(&sel("ol.fasen li[aria-current=step]")).map(|li| li.text().collect()).collect();
    assert_eq!(active.len(), 32);
    assert_eq!(active.iter().filter(|a| *a == "Realisatiefase").count(), 15);
    assert!(html.select(&sel("meta[name=viewport]")).next().is_some(), "readable on a phone");
}

/// The Markdown tables are GFM tables whose rows are the 32 rows of 003.
#[test]
fn rapportage_markdown_tables() {
    let md = text("rapportage/tussentijdse-rapportage-2024-H1.md");
    let rows: Vec<Vec<String>> = md
        .lines()
        .filter(|l| {
            l.starts_with("| ")
                && !l.starts_with("| Project")
                && !l.starts_with("| ---")
                && l.matches(" | ").count() == 3
        })
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| {
                    let c = c.trim().trim_start_matches("↳ ");
                    let c = c.split("[^").next().unwrap();
                    // A project's name links to its page: `[name](#slug)`.
                    let c = match c.strip_prefix('[').and_then(|c| c.split_once("](#")) {
                        Some((name, _)) => name,
                        None => c,
                    };
                    c.replace('\\', "")
                })
                .collect()
        })
        .collect();
    let expected: Vec<Vec<String>> = table_rows().into_iter().map(|r| r[1..].to_vec()).collect();
    assert_eq!(rows, expected);
    // A GFM parser sees the tables and the footnotes: four project tables and the glossary.
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.footnotes = true;
    let html = Html::parse_fragment(&comrak::markdown_to_html(&md, &options));
    // Four project tables, the glossary, and the numbers of the charts: the phase distribution and
    // one timeline per themalijn.
    assert_eq!(html.select(&sel("table")).count(), 10);
    let glossary = md.split("## Afkortingen").nth(1).unwrap();
    let glossary_rows = glossary
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Afkorting") && !l.starts_with("| ---"))
        .count();
    assert!(glossary_rows > 20, "{glossary_rows}");
    assert_eq!(
        html.select(&sel("table tbody tr")).count(),
        // the project tables, the glossary, the distribution (four themalijnen and the total) and
        // the timelines (every project once)
        32 + glossary_rows + 5 + 32,
        "32 projects and the abbreviations used"
    );
    assert!(html.select(&sel("section.footnotes li")).count() >= 8, "table notes as footnotes");
    assert!(md.contains(
        "[^noot-bestaanszekerheid-1]: De opdracht en financiering van dit project is gekoppeld aan deze einddatum."
    ));
    assert!(md.contains("## Afkortingen"));
    // As 003 counts them.
    assert!(md.contains("We werken aan dit thema met 7 projecten."));
    assert!(md.contains("We werken aan dit thema met 5 projecten en 6 subprojecten."));
    assert!(md.contains("| GGD | Gemeenschappelijke gezondheidsdienst |"));
}

#[test]
fn regioplan_in_three_formats() {
    let md = text("regioplan/regioplan-2024-2026.md");
    assert!(md.starts_with("# Regioplan Twentse Koers 2024"));
    for h in [
        "## Inleiding",
        "### Project | Welzijn op recept",
        "#### Aanleiding",
        "#### Inwonerparticipatie",
        "#### Effect voor de inwoner",
        "#### Raakvlakken met andere regionale plannen",
        "### Overkoepelend doel",
    ] {
        assert!(md.contains(h), "regioplan.md lacks {h}");
    }
    assert!(!md.contains("Project | Artificial Intelligence"), "projects added after adoption stay out");
    assert!(!md.contains("Project | Positieve gezondheid"));
    assert!(!md.contains("## Themalijn | Jeugd"), "the plan has no jeugd section");
    // The plan's own order of themalijnen (002), not the rapportage's.
    let order: Vec<usize> = [
        "## Themalijn | Ouderen",
        "## Themalijn | Mentale gezondheid",
        "## Themalijn | Preventie en gezondheid",
        "## Themalijn | Bestaanszekerheid",
    ]
    .iter()
    .map(|h| md.find(h).unwrap_or_else(|| panic!("{h}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // Every "Project | <naam>" of the plan (seed 002), with the plan's own names.
    if let Some(entry) = std::fs::read_dir(root().join("../shared/seeds"))
        .ok()
        .and_then(|mut d| d.find(|e| e.as_ref().is_ok_and(|e| e.file_name().to_string_lossy().starts_with("002_"))))
    {
        let seed = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let headings: Vec<String> = seed
            .lines()
            .filter_map(|l| l.trim().strip_prefix("Project |"))
            .map(|n| format!("### Project | {}", n.trim()))
            .collect();
        assert_eq!(headings.len(), 24);
        for h in headings {
            assert!(md.contains(&h), "regioplan.md lacks {h}");
        }
    }
    let html = Html::parse_document(&text("regioplan/regioplan-2024-2026.html"));
    assert!(html.select(&sel("section.project h3#project-valpreventie")).next().is_some());
    assert!(html.select(&sel("section.footnotes, .footnotes")).next().is_some(), "footnotes rendered");
    let pdf = read("regioplan/regioplan-2024-2026.pdf");
    let t = squash(&pdf_text(&pdf));
    assert!(t.contains("Regioplan Twentse Koers"));
    assert!(t.contains("Raakvlakken met andere regionale plannen"));
    assert!(t.contains("Valpreventie"));
}

#[test]
fn newsletter_email_is_mail_safe() {
    let raw = text("nieuwsbrief/even-bijpraten-2025-04.email.html");
    let html = Html::parse_document(&raw);
    assert_eq!(html.select(&sel("html")).next().unwrap().value().attr("lang"), Some("nl"));
    assert_eq!(html.select(&sel("script, link[rel=stylesheet]")).count(), 0);
    let container = html.select(&sel("table.container")).next().unwrap();
    assert_eq!(container.value().attr("width"), Some("600"));
    // CSS inlined on the elements.
    let h3 = html.select(&sel("h3")).next().unwrap();
    assert!(h3.value().attr("style").unwrap_or("").contains("color"), "inline style on h3");
    for p in html.select(&sel("td p")).take(5) {
        assert!(p.value().attr("style").is_some(), "inline style on every paragraph");
    }
    // Hidden preheader, dark-mode meta, merge tags verbatim, absolute links, alt texts.
    let pre = html.select(&sel("div.preheader")).next().unwrap();
    assert!(
        pre.value().attr("style").unwrap().contains("display: none")
            || pre.value().attr("style").unwrap().contains("display:none")
    );
    assert!(html.select(&sel("meta[name=color-scheme]")).next().is_some());
    assert!(raw.contains("Deze e-mail is verstuurd aan {{email}}."), "merge tag intact");
    assert!(raw.contains("href=\"{{unsubscribe}}\""));
    for a in html.select(&sel("a")) {
        let href = a.value().attr("href").unwrap();
        assert!(
            href.starts_with("https://") || href.starts_with("mailto:") || href.starts_with("{{"),
            "absolute link: {href}"
        );
    }
    for img in html.select(&sel("img")) {
        assert!(img.value().attr("alt").is_some());
    }
    let headings: Vec<String> = html.select(&sel("h3")).map(|h| h.text().collect()).collect();
    assert_eq!(&headings[..3], ["Kinderarmoede", "Bereik vergroten aanpak geldzorgen", "Alcoholontmoediging"]);
    let themes: Vec<String> = html.select(&sel("h2.thema")).map(|h| h.text().collect()).collect();
    assert_eq!(
        themes,
        ["Thema bestaanszekerheid", "Thema preventie en gezondheid", "Thema mentale gezondheid", "Thema ouderen"]
    );
    // The blocks in the edition's order: the Uitgelicht block between two ouderen updates.
    let order: Vec<String> = html.select(&sel("h2, h3, h4")).map(|h| h.text().collect()).collect();
    let at = |h: &str| order.iter().position(|x| x == h).unwrap_or_else(|| panic!("no heading {h}: {order:?}"));
    let uitgelicht = at("Uitgelicht: Campagne \"Praat samen over later\" van start op 6 mei");
    assert_eq!(at("Gezond en zelfredzaam ouder worden") + 1, uitgelicht);
    assert_eq!(uitgelicht + 1, at("Samenwerken in de wijk"));
    assert_eq!(*order.last().unwrap(), "We koersen samen");
    // The footer: "Lees meer" and the web address (LinkedIn only with its address, which no source gives).
    let slot: Vec<(String, Option<String>)> = html
        .select(&sel("td.slot p"))
        .map(|p| {
            (p.text().collect(), p.select(&sel("a")).next().and_then(|a| a.value().attr("href").map(String::from)))
        })
        .collect();
    let tail: Vec<_> = slot.iter().rev().take(2).rev().cloned().collect();
    assert_eq!(
        tail,
        [
            ("Lees meer".to_string(), Some("https://www.twentsekoers.nl".to_string())),
            ("www.twentsekoers.nl".to_string(), Some("https://www.twentsekoers.nl".to_string())),
        ]
    );
    assert!(!raw.contains("LinkedIn"));
    // A link line without an address is not printed: it would promise a link that is not there.
    let line = "In het nieuwsbericht op onze website lees je meer over de voorstelling en de première.";
    assert!(!raw.contains(line));
    // Nothing but the e-mail's own blocks: no "view in browser" line, no subtitle.
    assert!(!raw.contains("Bekijk deze e-mail"));
}

#[test]
fn newsletter_quarterly_edition_and_text_version() {
    let txt = text("nieuwsbrief/even-bijpraten-2025-Q3.txt");
    for line in txt.lines() {
        assert!(line.chars().count() <= 72, "line over 72 columns: {line}");
    }
    for needle in [
        "EVALUATIE TWENTSE KOERS",
        "WERKBEZOEK 5 NOVEMBER",
        "== THEMA BESTAANSZEKERHEID ==",
        "Welzijn op recept",
        "Jongeren en Schulden",
        "Deze e-mail is verstuurd aan {{email}}.",
        "Als u geen nieuwsbrief meer wilt ontvangen, kunt u zich hier afmelden:\n{{unsubscribe}}\n",
        "\nwww.twentsekoers.nl\n",
    ] {
        assert!(txt.contains(needle), "Q3 txt lacks {needle}");
    }
    // Link lines and LinkedIn without an address are left out.
    for absent in ["Lees hier het hele artikel", "Werkwijze\n", "LinkedIn"] {
        assert!(!txt.contains(absent), "Q3 txt has {absent}");
    }
    // The Q3 edition's own shape: no "Thema ouderen" heading and no "Lees meer" (seed 001).
    assert!(!txt.contains("THEMA OUDEREN") && !txt.contains("Lees meer"), "{txt}");
    // The bullets of "Gezond en zelfredzaam ouder worden" in the edition's order, across projects.
    let bullets: Vec<usize> =
        ["- In juli namen we", "- Sinds mei 2025", "- In Enschede heeft een Bennie Oud", "- In afstemming met"]
            .iter()
            .map(|b| txt.find(b).unwrap_or_else(|| panic!("{b}")))
            .collect();
    assert!(bullets.windows(2).all(|w| w[0] < w[1]), "{bullets:?}");
    // A list item's paragraphs stay paragraphs in the text version.
    assert!(txt.contains("reacties).\n\n  Dit geeft inzicht"), "{txt}");
    // A subproject's update under its parent's heading, as the April seed shows it.
    let april = text("nieuwsbrief/even-bijpraten-2025-04.md");
    assert!(
        april.contains("### Respijtzorg\n\n#### Samenwerkingskracht mantelzorg – een ontwerpend onderzoek\n"),
        "{april}"
    );
    let md = text("nieuwsbrief/even-bijpraten-2025-Q3.md");
    assert_eq!(md.matches("### Gezond en zelfredzaam ouder worden").count(), 1, "updates under one heading are merged");
    assert!(md.starts_with("# Even bijpraten... Q3 - 2025"));
    assert!(md.contains("## Thema preventie en gezondheid"));
    assert!(md.contains("### Valpreventie"));
    let web = Html::parse_document(&text("nieuwsbrief/even-bijpraten-2025-Q3.html"));
    let h2: Vec<String> = web.select(&sel("h2")).map(|h| h.text().collect()).collect();
    assert_eq!(
        h2,
        [
            "Evaluatie Twentse Koers",
            "Werkbezoek 5 november",
            "Thema bestaanszekerheid",
            "Thema preventie en gezondheid",
            "Klankbordgroep Regioplan",
            "We koersen samen"
        ]
    );
    // The update without a heading of its own in the e-mail follows the bullets, under theirs.
    let doorstroom = web
        .select(&sel("main p"))
        .find(|p| p.text().collect::<String>().starts_with("In onderlinge afstemming"))
        .expect("the Doorstroom Wlz update");
    let section = doorstroom.parent().and_then(scraper::ElementRef::wrap).unwrap();
    assert_eq!(
        section.select(&sel("h3")).map(|h| h.text().collect::<String>()).collect::<Vec<_>>(),
        ["Gezond en zelfredzaam ouder worden"]
    );
    assert!(
        web.select(&sel("main a")).all(|a| a.text().collect::<String>() != "Lees hier het hele artikel"),
        "no address is known"
    );
}

#[test]
fn index_links_every_document() {
    let html = Html::parse_document(&text("index.html"));
    assert_eq!(html.select(&sel("html")).next().unwrap().value().attr("lang"), Some("nl"));
    let links: Vec<String> = html.select(&sel("td a")).map(|a| a.value().attr("href").unwrap().to_string()).collect();
    let m: Value = serde_json::from_slice(&read("manifest.json")).unwrap();
    for d in m["documents"].as_array().unwrap() {
        let path = d["path"].as_str().unwrap();
        if path.ends_with(".png") {
            // The chart image beside the e-mail: part of the e-mail, not a format of its own.
            assert!(path.starts_with("nieuwsbrief/even-bijpraten-") && path.ends_with("-fasen.png"), "{path}");
            continue;
        }
        assert!(links.contains(&path.to_string()), "index links {path}");
    }
}

fn build_into(out: &Path, extra: &[&str]) -> std::process::Output {
    run(koers()
        .args(["build-report", "--date", "2025-10-15", "--data"])
        .arg(root().join("data"))
        .arg("--out")
        .arg(out)
        .args(extra))
}

#[test]
fn builds_are_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    assert!(build_into(&a, &["--only", "rapportage,nieuwsbrief", "--period", "2024-H1,2025-04"]).status.success());
    assert!(build_into(&b, &["--only", "rapportage,nieuwsbrief", "--period", "2024-H1,2025-04"]).status.success());
    let (sa, sb) = (snapshot(&a), snapshot(&b));
    assert_eq!(sa.keys().collect::<Vec<_>>(), sb.keys().collect::<Vec<_>>());
    for (k, v) in &sa {
        assert!(v == &sb[k], "{k} differs between two builds");
    }
}

#[test]
fn regioplan_sections_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = build_into(&out, &["--only", "regioplan", "--themalijn", "ouderen", "--format", "md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = std::fs::read_to_string(out.join("regioplan/regioplan-ouderen.md")).unwrap();
    assert!(md.contains("## Themalijn | Ouderen"));
    assert!(md.contains("### Project | Respijtzorg"));
    assert!(!md.contains("## Inleiding"), "a section leaves the general chapters out");
    assert!(!md.contains("Themalijn bestaanszekerheid"));
    let o = build_into(&out, &["--only", "regioplan", "--project", "positieve-gezondheid", "--format", "md,html"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = std::fs::read_to_string(out.join("regioplan/regioplan-project-positieve-gezondheid.md")).unwrap();
    assert!(md.contains("### Project | Positieve gezondheid"), "asked for explicitly, a later project is rendered");
    assert!(md.contains("Toegevoegd aan de werkagenda in juli 2024"));
    let o = build_into(&out, &["--only", "regioplan", "--project", "bestaat-niet"]);
    // A request that does not fit the data (README "Exit codes").
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no such project"));
}
