//! The generic HTML and Markdown writers (`koers::render::{html, md}`) on a hand-built document
//! tree with every block and inline kind: the HTML parsed back with scraper, the Markdown with a
//! GFM parser (comrak), and their structure checked — heading levels and ids, the table of
//! contents, table headers with their scope, footnotes linked both ways, abbreviations with their
//! meaning, internal links that lead somewhere, and hostile text that stays text.

use crate::common::sel;
use koers::render::doc::{
    Align, Block, BreakKind, CalloutKind, CalloutLink, Chart, Column, Definition, Document, Fact, Figure, Inline,
    ListStyle, Metadata, ParagraphStyle, PhaseStep, Row, RowStyle, SectionKind, StepState, Table, text,
};
use koers::render::{html, md};
use scraper::{ElementRef, Html};

/// Text that would be markup in either format, if it were not escaped.
const HOSTILE: &str = "<script>alert(1)</script> & *niet vet* _niet schuin_ [geen link](https://x.nl) www.x.nl info@x.nl `geen code` # | ~~weg~~ &amp; \\ <b>";

fn p(content: Vec<Inline>) -> Block {
    Block::paragraph(content)
}

fn heading(level: u8, t: &str, anchor: Option<&str>, kicker: Option<&str>, outlined: bool) -> Block {
    Block::Heading {
        level,
        content: text(t),
        anchor: anchor.map(str::to_string),
        outlined,
        kicker: kicker.map(str::to_string),
    }
}

/// A document with every block and inline kind of `koers::render::doc`.
fn document() -> Document {
    let mut m = Metadata::new("Proefdocument", "Proefprogramma");
    m.period = Some("Eerste helft 2025".into());
    m.publication = Some("Vastgesteld in maart 2025".into());
    m.email = Some("info@proef.nl".into());
    m.website = Some("www.proef.nl".into());
    m.website_url = Some("https://www.proef.nl".into());
    m.contents_depth = 2;
    let note = |id: &str, t: &str| Inline::Footnote { id: id.into(), content: vec![p(text(t))] };
    let mut table = Table {
        caption: Some(text("Projecten <en> hun fase")),
        columns: vec![
            Column { header: text("Project"), align: Align::Default, numeric: false },
            Column { header: text("Fase"), align: Align::Default, numeric: false },
            Column { header: text("Aantal"), align: Align::Right, numeric: true },
        ],
        row_headers: true,
        rows: Vec::new(),
        side_by_side: false,
    };
    table.rows.push(Row {
        style: RowStyle::Normal,
        cells: vec![
            vec![p(vec![Inline::InternalLink { anchor: "project-a".into(), content: text("Project A") }])],
            vec![p(vec![Inline::text("Realisatiefase"), note("tabel-1", "Sinds maart.")])],
            vec![p(text("3"))],
        ],
    });
    table.push_text_row(RowStyle::Sub, &["Deelproject | B", "Initiatiefase", "1"]);
    table.push_text_row(RowStyle::Total, &["Totaal", "", "4"]);
    let chart_table = {
        let mut t = Table::with_headers(&["Fase", "Aantal"]);
        t.caption = Some(text("Projecten per fase"));
        t.row_headers = true;
        t.columns[1].numeric = true;
        t.push_text_row(RowStyle::Normal, &["Realisatiefase", "3"]);
        t.push_text_row(RowStyle::Total, &["Totaal", "3"]);
        t
    };
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"g-t\" width=\"10\" height=\"10\"><title id=\"g-t\">Fasen</title><rect width=\"10\" height=\"10\"/></svg>".to_string();
    let chapter = vec![
        heading(1, "Hoofdstuk <één>", Some("hoofdstuk"), Some("Themalijn"), true),
        p(vec![
            Inline::text(HOSTILE),
            Inline::text(" "),
            Inline::Strong { content: text("vet") },
            Inline::text(" "),
            Inline::Emphasis { content: text("schuin") },
            Inline::text(" "),
            Inline::Strikethrough { content: text("doorgehaald") },
            Inline::text(" "),
            Inline::Code { text: "a `b` c".into() },
            Inline::text(" "),
            Inline::Link { url: "https://example.org/a?b=1&c=2".into(), content: text("een link") },
            Inline::text(" naar "),
            Inline::InternalLink { anchor: "afkortingen".into(), content: text("de afkortingen") },
            Inline::text(" en "),
            Inline::InternalLink { anchor: "nergens".into(), content: text("nergens heen") },
            Inline::text(". De "),
            Inline::Abbreviation {
                short: "GGD".into(),
                meaning: "Gemeentelijke \"Gezondheids\" <dienst>".into(),
                anchor: "afkortingen".into(),
            },
            Inline::text(" werkt mee"),
            note("n1", "Een noot met <b>tekst</b>."),
            Inline::text(" en nog eens"),
            Inline::FootnoteRef { id: "n1".into() },
            Inline::LineBreak,
            Inline::text("na de regel."),
        ]),
        p(text("1. niet een lijst")),
        p(text("- geen opsomming")),
        Block::Paragraph { style: ParagraphStyle::Muted, content: text("Geen resultaten.") },
        Block::Paragraph { style: ParagraphStyle::Small, content: text("Klein.") },
        heading(2, "Paragraaf", None, None, true),
        heading(3, "Tussenkop", None, None, false),
        Block::List {
            ordered: true,
            start: 3,
            style: ListStyle::Default,
            items: vec![vec![p(text("drie"))], vec![p(text("vier"))]],
        },
        Block::List {
            ordered: false,
            start: 1,
            style: ListStyle::Results,
            items: vec![
                vec![p(text("resultaat"))],
                vec![
                    p(text("met een lijst")),
                    Block::List {
                        ordered: false,
                        start: 1,
                        style: ListStyle::Default,
                        items: vec![vec![p(text("genest"))]],
                    },
                ],
            ],
        },
        Block::Table(table),
        Block::Callout {
            kind: CalloutKind::Interessant,
            title: Some("Interessant!".into()),
            content: vec![p(text("In het kader."))],
            link: Some(CalloutLink { text: "Lees meer".into(), url: Some("https://example.org/meer".into()) }),
        },
        Block::PhaseLadder {
            steps: vec![
                PhaseStep { name: "Initiatiefase".into(), state: StepState::Passed },
                PhaseStep { name: "Realisatiefase".into(), state: StepState::Current },
                PhaseStep { name: "Borgingsfase".into(), state: StepState::Upcoming },
            ],
        },
        Block::Facts { items: vec![Fact { label: text("Voor:"), value: text("Het bestuur") }] },
        Block::Definitions {
            items: vec![Definition { term: text("Realisatiefase"), description: vec![p(text("Er wordt gedaan."))] }],
        },
        Block::Chart(Chart::new(
            "fasen",
            "Projecten per fase",
            "Drie projecten in realisatie.",
            svg,
            (10, 10),
            chart_table,
        )),
        Block::Signature { names: "A. Voorzitter".into(), roles: Some("Voorzitter".into()) },
        Block::Quote { content: vec![p(text("Een citaat."))] },
        Block::Code { text: "regel 1\n```\nregel <3>".into() },
        Block::Rule,
        Block::Break { kind: BreakKind::Page },
        Block::Figure(Figure {
            id: "figuur-1".into(),
            image: "figuur/figuur-1.png".into(),
            mime: "image/png".into(),
            alt: "Een \"figuur\" <met> alt".into(),
            bytes: std::sync::Arc::new(vec![0x89, b'P', b'N', b'G']),
        }),
    ];
    let project = Block::Section {
        kind: SectionKind::Project,
        anchor: Some("project-a".into()),
        content: vec![heading(2, "Project A", Some("project-a"), Some("Project"), true), p(text("Over A."))],
    };
    let mut chapter = chapter;
    chapter.push(project);
    let glossary = {
        let mut t = Table::with_headers(&["Afkorting", "Betekenis"]);
        t.caption = Some(text("Afkortingen"));
        t.row_headers = true;
        t.push_text_row(RowStyle::Normal, &["GGD", "Gemeentelijke Gezondheidsdienst"]);
        Block::Table(t)
    };
    Document {
        metadata: m,
        blocks: vec![
            Block::Section { kind: SectionKind::Chapter, anchor: Some("hoofdstuk".into()), content: chapter },
            Block::Section {
                kind: SectionKind::Chapter,
                anchor: Some("afkortingen".into()),
                content: vec![heading(1, "Afkortingen", Some("afkortingen"), None, true), glossary],
            },
        ],
    }
}

fn inner(e: ElementRef) -> String {
    e.text().collect()
}

/// The page as base.html would show it: the writer's parts in a shell.
fn page() -> Html {
    let page = html::write(&document());
    Html::parse_document(&format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><title>{}</title></head><body><header>{}</header><main>{}</main><footer>{}</footer></body></html>",
        page.language,
        html::escape(&page.title),
        page.cover,
        page.body,
        page.footer
    ))
}

#[test]
fn html_headings_have_their_levels_ids_and_contents() {
    let doc = page();
    let headings: Vec<(String, Option<String>, String)> = doc
        .select(&sel("h1, h2, h3, h4, h5, h6"))
        .map(|h| (h.value().name().to_string(), h.value().attr("id").map(str::to_string), inner(h)))
        .collect();
    let expect = |n: &str, id: Option<&str>, t: &str| (n.to_string(), id.map(str::to_string), t.to_string());
    assert_eq!(
        headings,
        [
            // The title page holds the h1: a chapter is an h2.
            expect("h1", None, "Proefdocument"),
            expect("h2", Some("inhoud"), "Inhoudsopgave"),
            expect("h2", Some("hoofdstuk"), "Hoofdstuk <één>"),
            expect("h3", Some("kop-1"), "Paragraaf"),
            expect("h4", None, "Tussenkop"),
            expect("h3", Some("project-a"), "Project A"),
            expect("h2", Some("afkortingen"), "Afkortingen"),
        ]
    );
    // The label above a heading.
    let kicker = doc.select(&sel("span.bovenschrift")).next().unwrap();
    assert_eq!(inner(kicker), "Themalijn");
    // The table of contents: the outlined headings, nested, each a link to its heading.
    let toc: Vec<(String, String)> =
        doc.select(&sel("nav.toc a")).map(|a| (a.value().attr("href").unwrap().to_string(), inner(a))).collect();
    assert_eq!(
        toc,
        [
            ("#hoofdstuk".to_string(), "Themalijn Hoofdstuk <één>".to_string()),
            ("#kop-1".into(), "Paragraaf".into()),
            ("#project-a".into(), "Project Project A".into()),
            ("#afkortingen".into(), "Afkortingen".into()),
        ]
    );
    assert_eq!(doc.select(&sel("nav.toc > ol > li > ol > li")).count(), 2, "the level-2 headings nested");
    // A section is labelled by its heading; a project is set apart.
    assert!(doc.select(&sel("section.project[aria-labelledby=project-a]")).next().is_some());
    assert!(doc.select(&sel("section[aria-labelledby=hoofdstuk]")).next().is_some());
    // Every id once.
    let mut ids: Vec<&str> = doc.select(&sel("[id]")).map(|e| e.value().attr("id").unwrap()).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids");
}

#[test]
fn html_text_is_escaped_never_markup() {
    let doc = page();
    assert_eq!(doc.select(&sel("main script, main b")).count(), 0, "markup from the text");
    let body: String = doc.select(&sel("main")).next().map(inner).unwrap();
    assert!(body.contains(HOSTILE), "the hostile text as it was");
    assert!(body.contains("regel 1\n```\nregel <3>"), "the code block's text");
    let abbr = doc.select(&sel("a[href='#afkortingen'] > abbr")).next().expect("the abbreviation");
    assert_eq!(abbr.value().attr("title"), Some("Gemeentelijke \"Gezondheids\" <dienst>"));
    assert_eq!(inner(abbr), "GGD");
    let link = doc.select(&sel("a[href^='https://example.org/a']")).next().unwrap();
    assert_eq!(link.value().attr("href"), Some("https://example.org/a?b=1&c=2"));
    let img = doc.select(&sel("figure.figuur img")).next().unwrap();
    assert_eq!(img.value().attr("alt"), Some("Een \"figuur\" <met> alt"));
    assert!(img.value().attr("src").unwrap().starts_with("data:image/png;base64,"));
    assert_eq!(
        doc.select(&sel("title")).next().map(inner).unwrap(),
        "Proefdocument – Eerste helft 2025 – Proefprogramma"
    );
}

#[test]
fn html_links_lead_somewhere_and_footnotes_lead_both_ways() {
    let doc = page();
    for a in doc.select(&sel("a[href^='#']")) {
        let id = &a.value().attr("href").unwrap()[1..];
        assert!(doc.select(&sel(&format!("[id='{id}']"))).next().is_some(), "#{id} leads nowhere");
    }
    // A link to an anchor the document does not have is its text.
    assert!(doc.select(&sel("a[href='#nergens']")).next().is_none());
    assert!(inner(doc.select(&sel("main")).next().unwrap()).contains("nergens heen"));
    // Notes numbered in document order: the paragraph's note is 1, referred to twice.
    let refs: Vec<(String, Option<String>, String)> = doc
        .select(&sel("sup.noot a"))
        .map(|a| (a.value().attr("href").unwrap().to_string(), a.value().attr("id").map(str::to_string), inner(a)))
        .collect();
    assert_eq!(
        refs,
        [
            ("#voetnoot-1".to_string(), Some("voetnoot-1-ref".to_string()), "1".to_string()),
            ("#voetnoot-1".into(), Some("voetnoot-1-ref-2".into()), "1".into()),
            ("#voetnoot-2".into(), Some("voetnoot-2-ref".into()), "2".into()),
        ]
    );
    let note = doc.select(&sel("li#voetnoot-1")).next().expect("the note");
    assert!(inner(note).contains("Een noot met <b>tekst</b>."));
    let back: Vec<&str> = note.select(&sel("a.footnote-backref")).map(|a| a.value().attr("href").unwrap()).collect();
    assert_eq!(back, ["#voetnoot-1-ref", "#voetnoot-1-ref-2"]);
    // The table's note is listed after its part (before the next heading), numbered on.
    let lists: Vec<Option<&str>> = doc.select(&sel(".footnotes ol")).map(|ol| ol.value().attr("start")).collect();
    assert_eq!(lists, [None, Some("2")], "the paragraph's note before the heading, the table's after");
    assert_eq!(doc.select(&sel("footer a[href='https://www.proef.nl']")).count(), 1);
}

#[test]
fn html_tables_boxes_ladders_and_charts() {
    let doc = page();
    let table = doc
        .select(&sel("table"))
        .find(|t| t.select(&sel("caption")).next().map(inner).as_deref() == Some("Projecten <en> hun fase"))
        .expect("the table with its caption");
    let heads: Vec<(String, Option<&str>)> =
        table.select(&sel("thead th")).map(|th| (inner(th), th.value().attr("scope"))).collect();
    assert_eq!(
        heads,
        [("Project".to_string(), Some("col")), ("Fase".into(), Some("col")), ("Aantal".into(), Some("col"))]
    );
    let row_heads: Vec<String> = table.select(&sel("tbody th[scope=row]")).map(inner).collect();
    assert_eq!(row_heads, ["Project A", "Deelproject | B", "Totaal"]);
    assert_eq!(table.select(&sel("tr.sub")).count(), 1);
    assert_eq!(table.select(&sel("tr.totaal")).count(), 1);
    assert_eq!(table.select(&sel("td.getal")).count(), 3, "the numbers set as numbers");
    // Every table's header cells say what they head.
    for th in doc.select(&sel("th")) {
        assert!(matches!(th.value().attr("scope"), Some("col" | "row")), "{}", th.html());
    }
    let aside = doc.select(&sel("aside.interessant[aria-label='Interessant!']")).next().expect("the box");
    assert_eq!(aside.select(&sel("p.link a[href='https://example.org/meer']")).map(inner).next().unwrap(), "Lees meer");
    let steps: Vec<(String, Option<&str>)> =
        doc.select(&sel("ol.fasen li")).map(|li| (inner(li), li.value().attr("aria-current"))).collect();
    assert_eq!(
        steps,
        [("Initiatiefase".to_string(), None), ("Realisatiefase".into(), Some("step")), ("Borgingsfase".into(), None)]
    );
    assert_eq!(doc.select(&sel("ol[start='3'] li")).count(), 2);
    assert_eq!(doc.select(&sel("ul.resultaten > li > ul > li")).map(inner).collect::<Vec<_>>(), ["genest"]);
    assert_eq!(doc.select(&sel("ul.resultaten > li > p")).count(), 0, "an item's line is its text");
    assert_eq!(doc.select(&sel("dl.feiten dt")).map(inner).collect::<Vec<_>>(), ["Voor:"]);
    assert_eq!(doc.select(&sel("dl.definities dd p")).map(inner).collect::<Vec<_>>(), ["Er wordt gedaan."]);
    assert_eq!(doc.select(&sel("p.zacht")).map(inner).collect::<Vec<_>>(), ["Geen resultaten."]);
    let chart = doc.select(&sel("figure.grafiek#grafiek-fasen")).next().expect("the chart");
    assert_eq!(chart.select(&sel("figcaption")).map(inner).next().unwrap(), "Projecten per fase");
    assert!(chart.select(&sel("svg title")).next().is_some(), "the SVG inline, its title inside");
    let cells: Vec<String> = chart.select(&sel("details table tbody tr > *")).map(inner).collect();
    assert_eq!(cells, ["Realisatiefase", "3", "Totaal", "3"]);
    assert_eq!(doc.select(&sel("blockquote p")).map(inner).next().unwrap(), "Een citaat.");
    assert_eq!(doc.select(&sel("p.ondertekening strong")).map(inner).next().unwrap(), "A. Voorzitter");
    assert_eq!(doc.select(&sel("hr")).count(), 1);
}

/// The Markdown parsed by a GFM parser, with the slugs GitHub gives headings as their ids.
fn markdown() -> (String, Html) {
    let md = md::write(&document(), "figuren");
    let mut o = comrak::Options::default();
    o.extension.table = true;
    o.extension.footnotes = true;
    o.extension.strikethrough = true;
    o.extension.autolink = true;
    o.extension.header_id_prefix = Some(String::new());
    let html = Html::parse_fragment(&comrak::markdown_to_html(&md, &o));
    (md, html)
}

#[test]
fn markdown_headings_and_links_come_back() {
    let (md, html) = markdown();
    let headings: Vec<(String, String)> =
        html.select(&sel("h1, h2, h3, h4, h5, h6")).map(|h| (h.value().name().to_string(), inner(h))).collect();
    let h = |n: &str, t: &str| (n.to_string(), t.to_string());
    assert_eq!(
        headings,
        [
            h("h1", "Proefdocument — Eerste helft 2025"),
            h("h2", "Themalijn | Hoofdstuk <één>"),
            h("h3", "Paragraaf"),
            h("h4", "Tussenkop"),
            h("h3", "Project | Project A"),
            h("h2", "Afkortingen"),
        ]
    );
    // Internal links and abbreviations lead to the slug of their heading.
    let targets: Vec<&str> = html
        .select(&sel("a[href^='#']"))
        .filter(|a| {
            a.value().attr("data-footnote-ref").is_none()
                && !a.value().has_class("footnote-backref", scraper::CaseSensitivity::CaseSensitive)
        })
        .filter(|a| !a.value().has_class("anchor", scraper::CaseSensitivity::CaseSensitive))
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(targets, ["#afkortingen", "#afkortingen", "#project--project-a"], "{md}");
    for t in targets {
        assert!(html.select(&sel(&format!("[id='{}']", &t[1..]))).next().is_some(), "{t} leads nowhere:\n{md}");
    }
    assert!(!md.contains("](#nergens"), "a link to an anchor the document lacks is its text");
    assert!(md.starts_with("# Proefdocument — Eerste helft 2025\n\nProefprogramma · Vastgesteld in maart 2025\n"));
}

#[test]
fn markdown_text_is_escaped_never_markup() {
    let (md, html) = markdown();
    let first = html.select(&sel("p")).find(|p| inner(*p).starts_with("<script>")).expect("the paragraph");
    assert!(inner(first).starts_with(HOSTILE), "{}\n{md}", inner(first));
    // Nothing of the hostile text became markup: the only emphasis, links and code are the tree's.
    assert_eq!(first.select(&sel("script, b")).count(), 0);
    assert_eq!(first.select(&sel("em")).map(inner).collect::<Vec<_>>(), ["schuin"]);
    assert_eq!(first.select(&sel("strong")).map(inner).collect::<Vec<_>>(), ["vet"]);
    assert_eq!(first.select(&sel("del")).map(inner).collect::<Vec<_>>(), ["doorgehaald"]);
    assert_eq!(first.select(&sel("code")).map(inner).collect::<Vec<_>>(), ["a `b` c"]);
    assert_eq!(
        first.select(&sel("a[href^='https']")).map(|a| a.value().attr("href").unwrap()).collect::<Vec<_>>(),
        ["https://example.org/a?b=1&c=2"]
    );
    assert_eq!(first.select(&sel("br")).count(), 1, "the line break");
    // A line that would start a list stays a paragraph.
    let paras: Vec<String> = html.select(&sel("p")).map(inner).collect();
    assert!(paras.contains(&"1. niet een lijst".to_string()), "{paras:?}");
    assert!(paras.contains(&"- geen opsomming".to_string()), "{paras:?}");
    assert_eq!(html.select(&sel("pre code")).map(inner).next().unwrap(), "regel 1\n```\nregel <3>\n");
    let img = html.select(&sel("img")).next().unwrap();
    assert_eq!(img.value().attr("src"), Some("figuren/figuur-1.png"));
    assert_eq!(img.value().attr("alt"), Some("Een \"figuur\" <met> alt"));
}

#[test]
fn markdown_tables_lists_and_footnotes_come_back() {
    let (md, html) = markdown();
    let tables: Vec<Vec<Vec<String>>> = html
        .select(&sel("table"))
        .map(|t| t.select(&sel("tr")).map(|tr| tr.select(&sel("th, td")).map(inner).collect()).collect())
        .collect();
    assert_eq!(tables.len(), 3, "{md}");
    assert_eq!(tables[0][0], ["Project", "Fase", "Aantal"]);
    assert_eq!(tables[0][1][0], "Project A");
    assert!(tables[0][1][1].starts_with("Realisatiefase"), "{:?}", tables[0][1]);
    assert_eq!(tables[0][2], ["↳ Deelproject | B", "Initiatiefase", "1"]);
    assert_eq!(tables[0][3], ["Totaal", "", "4"]);
    let align: Vec<Option<&str>> = html
        .select(&sel("table"))
        .next()
        .unwrap()
        .select(&sel("thead th"))
        .map(|th| th.value().attr("align"))
        .collect();
    assert_eq!(align, [None, None, Some("right")]);
    assert_eq!(tables[1], [vec!["Fase", "Aantal"], vec!["Realisatiefase", "3"], vec!["Totaal", "3"]]);
    assert_eq!(html.select(&sel("table strong")).map(inner).collect::<Vec<_>>(), ["Totaal", "4", "Totaal", "3"]);
    // Footnotes: the paragraph's note referred to twice, the table's once.
    let notes: Vec<String> = html.select(&sel("section.footnotes li")).map(inner).collect();
    assert_eq!(notes.len(), 2, "{md}");
    assert!(notes[0].contains("Een noot met <b>tekst</b>."), "{notes:?}");
    assert!(notes[1].contains("Sinds maart."), "{notes:?}");
    assert_eq!(html.select(&sel("sup a[data-footnote-ref]")).count(), 3);
    assert!(md.contains("[^n1]") && md.contains("[^tabel-1]: Sinds maart."), "{md}");
    // Lists: numbered from 3; the results with a nested list.
    assert_eq!(html.select(&sel("ol[start='3'] li")).map(inner).collect::<Vec<_>>(), ["drie", "vier"]);
    assert_eq!(html.select(&sel("ul li ul li")).map(inner).collect::<Vec<_>>(), ["genest"]);
    let loose = html
        .select(&sel("li > p"))
        .filter(|p| {
            !p.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().has_class("footnotes", scraper::CaseSensitivity::CaseSensitive))
        })
        .count();
    assert_eq!(loose, 0, "tight lists, a nested list too:\n{md}");
    // The box as a quote, its title and link; the phase ladder, facts, definitions, signature.
    let quote = html.select(&sel("blockquote")).next().unwrap();
    assert_eq!(quote.select(&sel("strong")).map(inner).next().unwrap(), "Interessant!");
    assert_eq!(
        quote.select(&sel("a")).map(|a| a.value().attr("href").unwrap()).next().unwrap(),
        "https://example.org/meer"
    );
    assert!(md.contains("Fase: Initiatiefase → **Realisatiefase** → Borgingsfase"));
    assert!(md.contains("**Voor:** Het bestuur"));
    assert!(md.contains("**Realisatiefase**: Er wordt gedaan."));
    assert!(md.contains("**A. Voorzitter**  \nVoorzitter"));
    assert_eq!(html.select(&sel("hr")).count(), 1);
}

#[test]
fn the_writers_are_deterministic() {
    assert_eq!(html::write(&document()), html::write(&document()));
    assert_eq!(md::write(&document(), "figuren"), md::write(&document(), "figuren"));
}
