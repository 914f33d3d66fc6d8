//! The Informatiepakket (seed 004) built from data/: every amount of the baten and lasten tables,
//! every fte line and every total in Markdown, HTML and PDF, in 004's order; the section headings
//! in 004's order; a stated total that differs from the sum of its lines is an error with file,
//! line and column. The expected values are transcribed from 004 here, so the tests do not need
//! ../shared/seeds (the ignored test at the end checks the transcription against the seed).

use crate::common;
use common::*;
use scraper::{ElementRef, Html};

/// 004, "Baten" column: label and amount, in the table's order.
const BATEN: &[(&str, &str)] = &[
    ("SPUK IZA", "€ 5.326.438"),
    ("SPUK GALA – Programma 15", "€ 211.356"),
    ("SPUK GALA 2023", "€ 169.711"),
    ("SPUK cliëntondersteuning", "€ 75.601"),
    ("Provincie Overijssel", "€ 492.832"),
];

/// 004, "Lasten" column.
const LASTEN: &[(&str, &str)] = &[
    ("Programmaorganisatie algemeen", "€ 1.846.422"),
    ("Themalijn Bestaanszekerheid", "€ 592.428"),
    ("Themalijn Mentale Gezondheid", "€ 493.013"),
    ("Themalijn Preventie en Gezondheid", "€ 677.381"),
    ("Themalijn Ouderen", "€ 337.380"),
    ("Overig budget projecten", "€ 160.000"),
    ("Lokale inzet en bekostiging", "€ 1.085.570"),
    ("Bijdragen aan gemeenten", "€ 700.000"),
    ("Positief resultaat", "€ 383.744"),
];

/// 004's totals, the same on both sides.
const TOTALEN: &[(&str, &str)] =
    &[("Totaal", "€ 6.275.938"), ("Risicoreserve", "€ 496.165"), ("Totaal incl. reserve", "€ 6.772.103")];

/// 004, "Personele organisatie": fte and role, in order; then the stated totals.
const FTE: &[(&str, &str)] = &[
    ("1,0", "Manager"),
    ("3,31", "Themaleiders"),
    ("0,88", "Teamcoördinator"),
    ("0,77", "Programmasecretaris"),
    ("1,0", "Kwartiermaker datagedreven werken"),
    ("1,55", "Managementassistenten"),
    ("8,95", "Regionale projectleiders"),
    ("14,09", "Allround (lokale) projectleiders"),
    ("1,66", "Projectmedewerkers"),
];
const FTE_TOTAAL: &str = "33,21 fte";
const MEDEWERKERS: &str = "42 medewerkers";

/// 004's section headings, in its order (the numbered chapters as 004 numbers them).
const KOPPEN: &[&str] = &[
    "Informatiepakket Twentse Koers",
    "Vooraf",
    "Strategisch en domeinoverstijgend",
    "1. De basis voor Twentse Koers",
    "Ontstaansgeschiedenis",
    "Integrale samenwerkingsagenda Twente",
    "Governance en afspraken",
    "Bestuurlijk Overleg (BO)",
    "Programmateam",
    "Ambtelijk Overleg (AO)",
    "Programmaoverleg",
    "Personele organisatie",
    "Twentse Koers en SamenTwente",
    "2. De context van Twentse Koers",
    "Visie Twentse Koers",
    "Algemene uitgangspunten",
    "Inhoudelijke uitgangspunten",
    "3. Bouwstenen: Taken en activiteiten",
    "4. Financiën Twentse Koers",
    "5. Gebruikte bronnen",
];

/// The informatiepakket of the real data's build (`common::built`), in a format.
fn read(ext: &str) -> Vec<u8> {
    common::read(&format!("informatiepakket/informatiepakket-2024-10-31.{ext}"))
}

fn text(ext: &str) -> String {
    String::from_utf8(read(ext)).unwrap()
}

fn inner(e: ElementRef) -> String {
    squash(&e.text().collect::<String>())
}

/// Every needle occurs in `haystack`, each after the previous one.
fn assert_in_order(haystack: &str, needles: &[String], what: &str) {
    let mut at = 0;
    for n in needles {
        match haystack[at..].find(n.as_str()) {
            Some(i) => at += i + n.len(),
            None => panic!("{what}: `{n}` is missing or out of order (searched from byte {at})"),
        }
    }
}

/// The rows (label, amount) a side's table should have: its lines, then the three totals.
fn side(lines: &[(&str, &str)]) -> Vec<(String, String)> {
    lines.iter().chain(TOTALEN).map(|(l, a)| (l.to_string(), a.to_string())).collect()
}

/// The sides of the budget table in an HTML fragment, baten and lasten side by side as in 004:
/// each side's rows (label, amount), a trailing note mark removed, its empty rows left out.
fn table_rows(html: &Html) -> Vec<Vec<(String, String)>> {
    let tables: Vec<ElementRef> = html
        .select(&sel("table"))
        .filter(|t| t.select(&sel("thead th")).next().is_some_and(|th| inner(th) == "Baten"))
        .collect();
    assert_eq!(tables.len(), 1, "one budget table");
    let heads: Vec<String> = tables[0].select(&sel("thead th")).map(inner).collect();
    assert_eq!(heads.len(), 4, "{heads:?}");
    assert_eq!(heads[2], "Lasten");
    let rows: Vec<Vec<String>> =
        tables[0].select(&sel("tbody tr")).map(|tr| tr.select(&sel("th, td")).map(inner).collect()).collect();
    (0..2)
        .map(|side| {
            rows.iter()
                .inspect(|cells| assert_eq!(cells.len(), 4, "{cells:?}"))
                .map(|cells| (cells[2 * side].trim_end_matches('*').to_string(), cells[2 * side + 1].clone()))
                .filter(|(label, amount)| !label.is_empty() || !amount.is_empty())
                .collect()
        })
        .collect()
}

#[test]
fn markdown_has_every_amount_and_total_of_004() {
    let md = text("md");
    // A GFM parser sees the table: baten beside lasten, each with its lines and totals.
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.footnotes = true;
    let html = Html::parse_fragment(&comrak::markdown_to_html(&md, &options));
    assert_eq!(table_rows(&html), vec![side(BATEN), side(LASTEN)]);
    // The note on the lasten line, below the table.
    assert!(md.contains("| Lokale inzet en bekostiging\\* | € 1.085.570 |"), "{md}");
    assert!(md.contains("\\* Het bedrag voor de lokale inzet en bekostiging betreft voor 2024 geen volledig jaar"));
    // The staffing, in 004's order, with the total.
    let fte: Vec<String> = FTE.iter().map(|(f, r)| format!("- {f} {r}")).collect();
    assert_in_order(&md, &fte, "fte lines in the Markdown");
    assert!(md.contains(&format!("uit {MEDEWERKERS} (excl. Bedrijfsvoering via SamenTwente)")));
    assert!(md.contains(&format!("personele omvang van de organisatie **{FTE_TOTAAL}**.")));
    // The title block.
    assert!(md.starts_with(
        "# Informatiepakket Twentse Koers\n\n**Voor:** Algemeen Bestuur SamenTwente  \n**Afschrift aan:** Bestuurlijk Overleg Twentse Koers  \n**Datum:** 31 oktober 2024\n"
    ));
}

#[test]
fn html_has_every_amount_and_total_of_004() {
    let html = Html::parse_document(&text("html"));
    assert_eq!(html.select(&sel("html")).next().unwrap().value().attr("lang"), Some("nl"));
    assert_eq!(html.select(&sel("link[rel=stylesheet], script")).count(), 0, "self-contained");
    assert_eq!(table_rows(&html), vec![side(BATEN), side(LASTEN)]);
    // Header cells for the columns and the rows.
    let budget = html.select(&sel("section#financien, section[aria-labelledby=financien]")).next().unwrap();
    assert_eq!(budget.select(&sel("thead th[scope=col]")).count(), 4);
    assert_eq!(budget.select(&sel("tbody tr")).count(), BATEN.len().max(LASTEN.len()) + TOTALEN.len());
    let fte: Vec<String> = html
        .select(&sel("ul li"))
        .map(inner)
        .filter(|li| FTE.iter().any(|(f, r)| li.starts_with(&format!("{f} {r}"))))
        .collect();
    assert_eq!(fte.len(), FTE.len());
    for (li, (f, r)) in fte.iter().zip(FTE) {
        assert!(li.starts_with(&format!("{f} {r}")), "{li} vs {f} {r}");
    }
    let body = squash(&html.root_element().text().collect::<String>());
    assert!(body.contains(&format!("{MEDEWERKERS} (excl. Bedrijfsvoering via SamenTwente)")));
    assert!(body.contains(&format!("personele omvang van de organisatie {FTE_TOTAAL}.")));
    let adres: Vec<String> = html.select(&sel("header dl.feiten dt, header dl.feiten dd")).map(inner).collect();
    assert_eq!(
        adres,
        [
            "Voor:",
            "Algemeen Bestuur SamenTwente",
            "Afschrift aan:",
            "Bestuurlijk Overleg Twentse Koers",
            "Datum:",
            "31 oktober 2024"
        ]
    );
}

#[test]
fn pdf_has_every_amount_and_total_of_004() {
    let pdf = read("pdf");
    let t = squash(&pdf_text(&pdf));
    assert!(t.contains("Lokale inzet en bekostiging* € 1.085.570"), "the note's mark");
    assert!(t.contains("* Het bedrag voor de lokale inzet en bekostiging betreft voor 2024 geen volledig jaar"));
    // Each side's lines in order, each label followed by its amount (the note's mark aside).
    let unmarked = squash(&t.replace('*', " "));
    for (what, lines) in [("baten", BATEN), ("lasten", LASTEN)] {
        let needles: Vec<String> = lines.iter().map(|(l, a)| format!("{l} {a}")).collect();
        assert_in_order(&unmarked, &needles, what);
    }
    // Baten and lasten side by side, as in 004: each total twice, in order.
    let totals: Vec<String> = TOTALEN.iter().map(|(l, a)| format!("{l} {a} {l} {a}")).collect();
    assert_in_order(&t, &totals, "totals");
    let fte: Vec<String> = FTE.iter().map(|(f, r)| format!("{f} {r}")).collect();
    assert_in_order(&t, &fte, "fte lines in the PDF");
    assert!(t.contains(&format!("{MEDEWERKERS} (excl. Bedrijfsvoering via SamenTwente)")), "{t}");
    assert!(t.contains(&format!("personele omvang van de organisatie {FTE_TOTAAL}")), "{t}");
    assert!(
        t.contains(
            "Voor: Algemeen Bestuur SamenTwente Afschrift aan: Bestuurlijk Overleg Twentse Koers Datum: 31 oktober 2024"
        ),
        "{t}"
    );
    // The themalijnen with their financing (from the themalijn files).
    assert_in_order(
        &t,
        &[
            "1 Themalijn bestaanszekerheid".into(),
            "SPUK GALA programma 15".into(),
            "5 Themalijn jeugd".into(),
            "actielijn 3: sociale basis jeugd".into(),
        ],
        "bouwstenen",
    );
    // Tagged like the other PDFs.
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    assert!(catalog.get(b"StructTreeRoot").is_ok(), "tagged PDF");
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"nl-NL");
    assert!(String::from_utf8_lossy(&pdf).contains("pdfuaid:part"), "PDF/UA identification");
}

#[test]
fn headings_follow_004() {
    // HTML: exactly 004's headings, in order (the table of contents aside).
    let html = Html::parse_document(&text("html"));
    let headings: Vec<String> = html
        .select(&sel("h1, h2, h3, h4"))
        .filter(|h| !h.ancestors().filter_map(ElementRef::wrap).any(|a| a.value().name() == "nav"))
        .map(inner)
        .collect();
    assert_eq!(headings, KOPPEN);
    // Markdown: exactly 004's headings in order; the themalijnen of the bouwstenen stand as the
    // row headers of its table (a cell's paragraphs apart by a line break).
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.footnotes = true;
    let md = Html::parse_fragment(&comrak::markdown_to_html(&text("md"), &options));
    let headings: Vec<String> = md.select(&sel("h1, h2, h3, h4")).map(inner).collect();
    let (ours, extra): (Vec<String>, Vec<String>) = headings.into_iter().partition(|h| KOPPEN.contains(&h.as_str()));
    assert_eq!(ours, KOPPEN);
    assert!(extra.is_empty(), "{extra:?}");
    let firsts: Vec<String> = md
        .select(&sel("table"))
        .filter(|t| t.select(&sel("thead th")).next().is_some_and(|th| inner(th) == "Bouwsteen"))
        .flat_map(|t| {
            t.select(&sel("tbody tr")).map(|tr| inner(tr.select(&sel("td")).next().unwrap())).collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        firsts,
        [
            "1 Themalijn bestaanszekerheid",
            "2 Themalijn preventie en gezondheid",
            "3 Themalijn mentale gezondheid",
            "4 Themalijn ouderen",
            "5 Themalijn jeugd"
        ]
    );
    // PDF: the headings' text in order.
    let t = squash(&pdf_text(&read("pdf")));
    let koppen: Vec<String> = KOPPEN.iter().map(|k| k.to_string()).collect();
    assert_in_order(&t, &koppen, "headings in the PDF");
}

/// A copy of data/ with one stated value replaced; `koers check` on it.
fn check_with(replace: &str, by: &str, nth: usize) -> (i32, serde_json::Value, String) {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), tmp.path());
    let file = tmp.path().join("informatiepakket.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    let (at, _) = yaml.match_indices(replace).nth(nth).unwrap_or_else(|| panic!("`{replace}` #{nth} in the data"));
    let changed = format!("{}{by}{}", &yaml[..at], &yaml[at + replace.len()..]);
    std::fs::write(&file, &changed).unwrap();
    let o = run(koers()
        .args(["check", "--data-only", "--format", "json", "--date", "2025-10-15", "--data"])
        .arg(tmp.path()));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)));
    (o.status.code().unwrap(), json, changed)
}

/// Line and 1-based column of the value after `key` in its `nth` occurrence.
fn position(yaml: &str, key: &str, nth: usize) -> (u64, u64) {
    let (at, _) = yaml.match_indices(key).nth(nth).unwrap();
    let line = yaml[..at].matches('\n').count() as u64 + 1;
    let line_start = yaml[..at].rfind('\n').map_or(0, |i| i + 1);
    (line, (yaml[line_start..at].chars().count() + key.chars().count()) as u64 + 1)
}

fn errors(json: &serde_json::Value) -> Vec<&serde_json::Value> {
    json["diagnostics"].as_array().unwrap().iter().filter(|d| d["severity"] == "error").collect()
}

#[test]
fn a_stated_total_that_differs_from_the_sum_is_an_error_at_its_place() {
    // The baten total off by one euro.
    let (code, json, yaml) = check_with("totaal: 6275938", "totaal: 6275939", 0);
    assert_eq!(code, 1, "{json:#}");
    let errs = errors(&json);
    assert_eq!(errs.len(), 1, "one error, no follow-up about the balance: {json:#}");
    let e = errs[0];
    assert!(e["file"].as_str().unwrap().ends_with("informatiepakket.yaml"), "{e}");
    assert_eq!((e["line"].as_u64().unwrap(), e["column"].as_u64().unwrap()), position(&yaml, "totaal: ", 0));
    assert_eq!(
        e["message"],
        "the stated total of the baten (€ 6.275.939) differs from the sum of its 5 lines (€ 6.275.938)"
    );
    assert!(e["hint"].as_str().unwrap().contains("correct the total to 6275938"), "{e}");

    // The lasten total including the reserve.
    let (code, json, yaml) = check_with("totaal_incl_reserve: 6772103", "totaal_incl_reserve: 6772000", 1);
    assert_eq!(code, 1);
    let errs = errors(&json);
    assert_eq!(errs.len(), 1, "{json:#}");
    assert_eq!(
        (errs[0]["line"].as_u64().unwrap(), errs[0]["column"].as_u64().unwrap()),
        position(&yaml, "totaal_incl_reserve: ", 1)
    );
    assert!(errs[0]["message"].as_str().unwrap().contains("(€ 6.275.938 + € 496.165 = € 6.772.103)"), "{}", errs[0]);

    // The fte total.
    let (code, json, yaml) = check_with("totaal_fte: 33.21", "totaal_fte: 33.12", 0);
    assert_eq!(code, 1);
    let errs = errors(&json);
    assert_eq!(errs.len(), 1, "{json:#}");
    assert_eq!(
        (errs[0]["line"].as_u64().unwrap(), errs[0]["column"].as_u64().unwrap()),
        position(&yaml, "totaal_fte: ", 0)
    );
    assert_eq!(errs[0]["message"], "the stated total of 33,12 fte differs from the sum of its 9 roles (33,21 fte)");
    assert!(errs[0]["hint"].as_str().unwrap().contains("correct the total to 33.21"));
}

#[test]
fn the_texts_count_the_owners_of_koers_yaml() {
    // 004 speaks of "17 eigenaren" in several places; koers.yaml lists 17. One number changed: a
    // warning at that number, and still exit code 0.
    let (code, json, yaml) = check_with("alle 17 eigenaren getekende", "alle 18 eigenaren getekende", 0);
    assert_eq!(code, 0, "{json:#}");
    let warnings: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["message"].as_str().unwrap().contains("eigenaren"))
        .collect();
    assert_eq!(warnings.len(), 1, "{json:#}");
    assert_eq!(warnings[0]["severity"], "warning");
    assert_eq!(warnings[0]["message"], "the text speaks of 18 eigenaren, but koers.yaml lists 17 owners");
    let (line, column) =
        position(&yaml, "alle ", yaml[..yaml.find("alle 18 eigenaren").unwrap()].matches("alle ").count());
    assert_eq!((warnings[0]["line"].as_u64().unwrap(), warnings[0]["column"].as_u64().unwrap()), (line, column));
}

#[test]
fn a_budget_that_does_not_balance_is_an_error() {
    // A lasten line and its stated totals changed together: each side adds up, but they differ.
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), tmp.path());
    let file = tmp.path().join("informatiepakket.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    let lasten = yaml.find("  lasten:").unwrap();
    let (head, tail) = yaml.split_at(lasten);
    let tail = tail
        .replace("bedrag: 383744", "bedrag: 383745")
        .replace("totaal: 6275938", "totaal: 6275939")
        .replace("totaal_incl_reserve: 6772103", "totaal_incl_reserve: 6772104");
    std::fs::write(&file, format!("{head}{tail}")).unwrap();
    let o = run(koers()
        .args(["check", "--data-only", "--format", "json", "--date", "2025-10-15", "--data"])
        .arg(tmp.path()));
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let errs = errors(&json);
    assert_eq!(errs.len(), 1, "{json:#}");
    assert_eq!(
        errs[0]["message"],
        "the budget does not balance: the baten add up to € 6.275.938, the lasten to € 6.275.939"
    );
}

#[test]
fn the_informatiepakket_is_built_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = run(koers()
        .args(["build-report", "--format", "md", "--date", "2025-10-15", "--data"])
        .arg(root().join("data"))
        .arg("--out")
        .arg(&out));
    assert!(o.status.success(), "{}", stderr(&o));
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let entry = m["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["document"] == "informatiepakket")
        .expect("the informatiepakket in the manifest");
    assert_eq!(entry["path"], "informatiepakket/informatiepakket-2024-10-31.md");
    assert_eq!(entry["period"], "2024-10-31");
    assert_eq!(entry["title"], "Informatiepakket Twentse Koers");
}

/// The transcription above against seed 004 itself: its headings, amounts and fte lines occur in
/// the seed in the same order.
#[test]
#[ignore = "needs ../shared/seeds"]
fn transcription_matches_seed_004() {
    let dir = root().join("../shared/seeds");
    let path = std::fs::read_dir(&dir)
        .expect("../shared/seeds")
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("004_"))
        .expect("seed 004");
    let seed = squash(&std::fs::read_to_string(path).unwrap());
    let koppen: Vec<String> = KOPPEN.iter().map(|k| k.to_string()).collect();
    assert_in_order(&seed, &koppen, "004's headings");
    // The tables' amounts in 004's order (004 prints baten and lasten side by side, so the
    // columns are checked one at a time).
    for lines in [BATEN, LASTEN] {
        let amounts: Vec<String> = lines.iter().map(|(_, a)| a.to_string()).collect();
        assert_in_order(&seed, &amounts, "amounts");
    }
    for (l, a) in TOTALEN {
        assert!(seed.contains(&format!("{l} {a} {l} {a}")), "{l} {a}");
    }
    let fte: Vec<String> = FTE.iter().map(|(f, r)| format!("{f} {r}")).collect();
    assert_in_order(&seed, &fte, "fte");
    assert!(seed.contains("33,21 fte") && seed.contains("42 medewerkers"));
}

/// Text from the data is data: labels, roles and texts with HTML or typst code in them are shown
/// literally in every format.
#[test]
fn text_from_yaml_cannot_inject_html_or_typst() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy_dir(&root().join("tests/fixtures/valid"), &data);
    let hostile = r##"titel: "Pakket <b>x</b> #panic()"
voor: "Bestuur ]) #set page(fill: red)"
datum: 2024-10-31
personeel:
  peildatum: 2024-11-01
  functies:
    - { functie: "Manager <script>alert(1)</script>", fte: 1.5, omschrijving: "#strong[y] $x^2$" }
bouwstenen:
  themalijnen:
    - themalijn: gezondheid
      duiding: "Duiding <img src=x onerror=alert(1)> #panic()"
      projecten: [ { project: wandelen, naam: "Wandelen ] #panic() [" } ]
begroting:
  jaar: 2024
  kolom: "Begroting | #x"
  baten:
    posten: [ { post: "Subsidie <i>a</i> #panic()", bedrag: 1000, noot: "Noot // weg ]" } ]
  lasten:
    posten: [ { post: "Lasten * _b_ `c`", bedrag: 1000 } ]
"##;
    std::fs::write(data.join("informatiepakket.yaml"), hostile).unwrap();
    let out = tmp.path().join("out");
    let o = run(koers()
        .args(["build-report", "--only", "informatiepakket", "--date", "2024-10-01", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&out));
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(out.join("informatiepakket/informatiepakket-2024-10-31.html")).unwrap();
    assert!(!html.contains("<script>alert") && !html.contains("<img src=x") && !html.contains("<b>x</b>"), "{html}");
    assert!(html.contains("Manager &lt;script&gt;alert(1)&lt;/script&gt;"));
    let pdf = std::fs::read(out.join("informatiepakket/informatiepakket-2024-10-31.pdf")).unwrap();
    let t = squash(&pdf_text(&pdf));
    for literal in [
        "Pakket <b>x</b> #panic()",
        "Bestuur ]) #set page(fill: red)",
        "#strong[y] $x^2$",
        "Wandelen ] #panic() [",
        "Subsidie <i>a</i> #panic()",
        "Noot // weg ]",
        "Lasten * _b_ `c`",
        "1,5 Manager <script>alert(1)</script>",
        "€ 1.000",
    ] {
        assert!(t.contains(literal), "PDF lacks `{literal}`: {t}");
    }
    let md = std::fs::read_to_string(out.join("informatiepakket/informatiepakket-2024-10-31.md")).unwrap();
    assert!(!md.contains("<script>") && md.contains("Begroting \\| \\#x"), "{md}");
}
