//! Benchmark: a document tree of 85 pages as LibreOffice lays it out (70 project pages of
//! Markdown texts with footnotes and abbreviations, 7 tables with their charts) built and written
//! as ODT, DOCX and the JSON typst reads. `cargo bench --bench office`; `KOERS_BENCH_RUNS=n` runs.

mod common;
use common::measure;
use koers::render::doc::markdown::{self, Context};
use koers::render::doc::{
    Block, CalloutKind, CalloutLink, Chart, Document, Fact, ListStyle, Metadata, PhaseStep, RowStyle, StepState, Table,
    text,
};
use koers::render::office::OfficeStyles;
use koers::render::{docx, odt};

const PARAGRAPH: &str = "In de regio Twente werken veertien gemeenten, de GGD en de zorgverzekeraar samen aan \
    gezond ouder worden. Het project brengt huisartsen, wijkverpleging en welzijn bij elkaar, zodat inwoners \
    dichtbij huis de juiste ondersteuning krijgen[^1]. We meten de voortgang met **vaste indicatoren** en \
    bespreken die elk kwartaal met de _kerngroep_. De resultaten delen we op [de website](https://www.twentsekoers.nl) \
    en in de nieuwsbrief; zo blijft iedereen op de hoogte van wat er bereikt is en wat nog nodig is in de \
    komende periode, met aandacht voor de inwoner en de professional.\n\n[^1]: Zie het regioplan, hoofdstuk 3.\n";

fn svg(n: usize) -> String {
    let mut s = String::from(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="700" height="420" viewBox="0 0 700 420"><title>Tijdlijn</title>"##,
    );
    for i in 0..n {
        let y = 10 + i * 40;
        s.push_str(&format!(
            r##"<rect x="{}" y="{y}" width="{}" height="28" fill="#56a9b8"/><text x="8" y="{}" font-family="Carlito" font-size="13">Project {i}</text>"##,
            200 + i * 7,
            300 - i * 9,
            y + 19
        ));
    }
    s.push_str("</svg>");
    s
}

fn tree(charts: bool) -> Document {
    let glossary = vec![("GGD".to_string(), "Gemeentelijke Gezondheidsdienst".to_string())];
    let cx = Context { glossary: &glossary, heading_level: 4 };
    let mut blocks = Vec::new();
    for t in 0..7 {
        blocks.push(Block::Break { kind: koers::render::doc::BreakKind::Page });
        blocks.push(Block::heading(1, text(format!("Themalijn {t}")), Some(&format!("themalijn-{t}"))));
        blocks.extend(markdown::blocks(PARAGRAPH, &cx));
        let mut table = Table::with_headers(&["Project", "Fase", "Startdatum", "Einddatum"]);
        table.caption = Some(text(format!("Projecten van themalijn {t}")));
        for p in 0..10 {
            table.push_text_row(
                RowStyle::Normal,
                &[&format!("Project {t}.{p}"), "Uitvoering", "maart 2024", "doorlopend"],
            );
        }
        if charts {
            blocks.push(Block::Chart(Chart::new(
                &format!("tijdlijn-{t}"),
                "Tijdlijn van de projecten",
                "Tien projecten, elk in de fase Uitvoering.",
                svg(10),
                (700, 420),
                table.clone(),
            )));
        }
        blocks.push(Block::Table(table));
        for p in 0..10 {
            blocks.push(Block::Break { kind: koers::render::doc::BreakKind::Page });
            blocks.push(Block::Heading {
                level: 3,
                content: text(format!("Project {t}.{p}")),
                anchor: Some(format!("project-{t}-{p}")),
                outlined: true,
                kicker: Some("Project".into()),
            });
            blocks.push(Block::PhaseLadder {
                steps: ["Initiatief", "Verkenning", "Ontwerp", "Uitvoering", "Borging", "Afgerond"]
                    .iter()
                    .enumerate()
                    .map(|(i, n)| PhaseStep {
                        name: n.to_string(),
                        state: [StepState::Passed, StepState::Current, StepState::Upcoming][i.min(4) / 2],
                    })
                    .collect(),
            });
            blocks.push(Block::Facts {
                items: vec![
                    Fact { label: text("Startdatum"), value: text("maart 2024") },
                    Fact { label: text("Einddatum"), value: text("doorlopend") },
                ],
            });
            for _ in 0..3 {
                blocks.extend(markdown::blocks(PARAGRAPH, &cx));
            }
            blocks.push(Block::List {
                ordered: false,
                start: 1,
                style: ListStyle::Results,
                items: (0..4)
                    .map(|i| markdown::blocks(&format!("Resultaat {i} met de GGD: **40** deelnemers"), &cx))
                    .collect(),
            });
            blocks.push(Block::Callout {
                kind: CalloutKind::Interessant,
                title: Some("Interessant!".into()),
                content: markdown::blocks("Lees hoe de GGD dit aanpakt in het verslag.", &cx),
                link: Some(CalloutLink {
                    text: "Naar het verslag".into(),
                    url: Some("https://www.twentsekoers.nl".into()),
                }),
            });
        }
    }
    blocks.push(Block::heading(1, text("Afkortingen"), Some("afkortingen")));
    let mut metadata = Metadata::new("Tussentijdse rapportage", "Twentse Koers");
    metadata.period = Some("Eerste helft 2025".into());
    Document { metadata, blocks }
}

fn main() {
    let runs: usize = std::env::var("KOERS_BENCH_RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    let styles = OfficeStyles::builtin();
    let doc = tree(true);
    let plain = tree(false);
    let words: usize = doc.texts().iter().map(|t| t.split_whitespace().count()).sum();
    let odt_bytes = odt::write(&doc, &styles).unwrap();
    let docx_bytes = docx::write(&doc, &styles).unwrap();
    // KOERS_BENCH_OFFICE_OUT=DIR writes the files there (to count their pages in LibreOffice).
    if let Some(dir) = std::env::var_os("KOERS_BENCH_OFFICE_OUT") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::write(dir.join("bench.odt"), &odt_bytes).unwrap();
        std::fs::write(dir.join("bench.docx"), &docx_bytes).unwrap();
    }
    println!(
        "tree: {} blocks, {words} words (85 pages in LibreOffice), 7 charts; ODT {} bytes, DOCX {} bytes, JSON {} bytes",
        doc.blocks.len(),
        odt_bytes.len(),
        docx_bytes.len(),
        doc.to_json().len()
    );
    println!(
        "without the charts: ODT {} bytes, DOCX {} bytes",
        odt::write(&plain, &styles).unwrap().len(),
        docx::write(&plain, &styles).unwrap().len()
    );
    measure("build the tree (Markdown parsed into it)", runs, || {
        std::hint::black_box(tree(true));
    });
    measure("ODT", runs, || {
        std::hint::black_box(odt::write(&doc, &styles).unwrap());
    });
    measure("DOCX", runs, || {
        std::hint::black_box(docx::write(&doc, &styles).unwrap());
    });
    measure("ODT without the charts", runs, || {
        std::hint::black_box(odt::write(&plain, &styles).unwrap());
    });
    measure("DOCX without the charts", runs, || {
        std::hint::black_box(docx::write(&plain, &styles).unwrap());
    });
    measure("JSON", runs, || {
        std::hint::black_box(doc.to_json());
    });
}
