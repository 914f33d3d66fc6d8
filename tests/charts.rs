//! The charts (phase distribution, phase timeline) and "Wat is er veranderd": their numbers read
//! back from the built SVG, tables, alt texts and PDF structure, against the model.

use crate::common;
use common::*;
use koers::core::dates::{Month, Period};
use koers::core::phase::Fase;
use scraper::{ElementRef, Html};
use std::collections::BTreeMap;

fn h1() -> Period {
    Period::parse_half("2024-H1").unwrap()
}

type Counts = BTreeMap<String, BTreeMap<String, usize>>;

/// Per themalijn name (and "Totaal"): the projects that had started by the end of the period, per
/// the phase the data states for the period, straight from the model.
fn model_counts(prog: &koers::model::Programme, p: Period) -> Counts {
    let mut out = Counts::new();
    for t in &prog.themalijnen {
        let started = |x: &&koers::model::Project| x.start.month().is_none_or(|s| s <= p.last);
        for pr in t.projecten.iter().filter(|x| x.in_rapportage(&p)).filter(started) {
            let f = pr.fase_bekend_in(&p).unwrap().fase.name().to_string();
            *out.entry(t.naam.clone()).or_default().entry(f.clone()).or_default() += 1;
            *out.entry("Totaal".into()).or_default().entry(f).or_default() += 1;
        }
    }
    out
}

/// The distribution as the SVG draws it: per row, the count of each segment.
fn svg_counts(svg: ElementRef, prog: &koers::model::Programme) -> Counts {
    let naam = |id: &str| {
        if id == "totaal" {
            "Totaal".to_string()
        } else {
            prog.themalijnen.iter().find(|t| t.id == id).unwrap().naam.clone()
        }
    };
    let mut out = Counts::new();
    for rij in svg.select(&sel("g.rij")) {
        let id = rij.value().attr("data-rij").unwrap();
        let mut sum = 0;
        for seg in rij.select(&sel("g.segment")) {
            let f = seg.value().attr("data-fase").unwrap().to_string();
            let n: usize = seg.value().attr("data-aantal").unwrap().parse().unwrap();
            // The number is printed in the segment, not only in an attribute.
            let printed: Vec<String> = seg.select(&sel("text")).map(|t| t.text().collect()).collect();
            assert_eq!(printed, [n.to_string()], "{id} {f}");
            sum += n;
            out.entry(naam(id)).or_default().insert(f, n);
        }
        assert_eq!(rij.value().attr("data-totaal").unwrap(), sum.to_string());
    }
    out
}

/// The same numbers from the chart's table.
fn table_counts(figure: ElementRef) -> Counts {
    let table = figure.select(&sel("table")).next().expect("a table under the chart");
    let heads: Vec<String> = table.select(&sel("thead th")).map(|t| t.text().collect()).collect();
    assert_eq!(heads[0], "Themalijn");
    assert!(table.select(&sel("caption")).next().is_some());
    let mut out = Counts::new();
    for tr in table.select(&sel("tbody tr")) {
        let kop: String = tr.select(&sel("th[scope=row]")).next().unwrap().text().collect();
        let cells: Vec<String> = tr.select(&sel("td")).map(|t| t.text().collect()).collect();
        for (h, c) in heads[1..].iter().zip(&cells) {
            let n: usize = c.parse().unwrap();
            if n > 0 && h != "Totaal" {
                out.entry(kop.clone()).or_default().insert(h.clone(), n);
            }
        }
    }
    out
}

fn figure<'a>(doc: &'a Html, id: &str) -> ElementRef<'a> {
    doc.select(&sel(&format!("figure#grafiek-{id}"))).next().unwrap_or_else(|| panic!("no chart {id}"))
}

#[test]
fn distribution_svg_and_table_match_the_model() {
    let prog = programme();
    let expected = model_counts(&prog, h1());
    // 32 projects in the report, 4 of which started after June 2024.
    assert_eq!(expected["Totaal"].values().sum::<usize>(), 28);
    for (file, id) in
        [("rapportage/tussentijdse-rapportage-2024-H1.html", "fasen-2024-H1"), ("index.html", "fasen-voorpagina")]
    {
        let doc = Html::parse_document(&text(file));
        let fig = figure(&doc, id);
        let svg = fig.select(&sel("svg")).next().unwrap();
        assert_eq!(svg_counts(svg, &prog), expected, "{file}: SVG");
        assert_eq!(table_counts(fig), expected, "{file}: table");
        // Accessible: an image with a title and a description that states the numbers.
        assert_eq!(svg.value().attr("role"), Some("img"));
        let labelled: Vec<&str> = svg.value().attr("aria-labelledby").unwrap().split(' ').collect();
        let title: String = svg.select(&sel("title")).next().unwrap().text().collect();
        let desc: String = svg.select(&sel("desc")).next().unwrap().text().collect();
        assert_eq!(labelled, [format!("{id}-titel"), format!("{id}-desc")]);
        assert_eq!(title, "Projecten per fase, stand eind juni 2024");
        let totaal = prog
            .ladder
            .all()
            .iter()
            .map(|f| format!("{} {}", f.name(), expected["Totaal"].get(f.name()).copied().unwrap_or(0)))
            .collect::<Vec<_>>()
            .join(", ");
        assert!(desc.contains(&format!("In totaal 24 projecten en 4 subprojecten: {totaal}.")), "{desc}");
        // Phases are told apart by pattern too: every phase but the darkest has one.
        let legend = svg.select(&sel("g.legenda")).count();
        assert_eq!(legend, 6);
        let patterns = svg.select(&sel("pattern")).count();
        assert_eq!(patterns, 5);
    }
}

#[test]
fn timelines_show_every_project_with_its_period_and_open_ends() {
    let prog = programme();
    let doc = Html::parse_document(&text("rapportage/tussentijdse-rapportage-2024-H1.html"));
    let mut projects = 0;
    for t in prog.themalijnen.iter().filter(|t| !t.projecten.is_empty()) {
        let fig = figure(&doc, &format!("tijdlijn-{}", t.id));
        let svg = fig.select(&sel("svg")).next().unwrap();
        let band = svg.select(&sel("rect.periode")).next().expect("the report period is marked");
        assert_eq!((band.value().attr("data-van"), band.value().attr("data-tot")), (Some("2024-01"), Some("2024-06")));
        let rows: Vec<ElementRef> = svg.select(&sel("g.project")).collect();
        let ids: Vec<&str> = rows.iter().map(|r| r.value().attr("data-project").unwrap()).collect();
        let expected: Vec<&str> =
            t.projecten.iter().filter(|p| p.in_rapportage(&h1())).map(|p| p.id.as_str()).collect();
        assert_eq!(ids, expected, "{}: rows in table order", t.id);
        for (row, p) in rows.iter().zip(t.projecten.iter()) {
            projects += 1;
            assert_eq!(row.value().attr("data-einde"), Some(p.einde.table().as_str()));
            assert_eq!(row.value().attr("data-fase"), p.fase_bekend_in(&h1()).map(|s| s.fase.name()));
            let open =
                row.select(&sel(".open-einde")).next().map(|e| e.value().attr("data-einde").unwrap().to_string());
            match p.einde {
                koers::core::dates::Einde::Month(_) => {
                    assert!(open.is_none(), "{}", p.id);
                    assert!(row.select(&sel("line.einde")).next().is_some(), "{}: a closed end", p.id);
                }
                e => assert_eq!(open.as_deref(), Some(e.table().as_str()), "{}: an open end", p.id),
            }
            // The known phases end at the report period; what comes after is drawn as expected run.
            for seg in row.select(&sel("g.fase")) {
                let tot = Month::parse(seg.value().attr("data-tot").unwrap()).unwrap();
                assert!(tot <= h1().last, "{}", p.id);
                let fase = seg.value().attr("data-fase").unwrap();
                let van = Month::parse(seg.value().attr("data-van").unwrap()).unwrap();
                assert_eq!(p.fase_op(van).as_ref().map(Fase::name), Some(fase), "{}", p.id);
            }
            if p.start == koers::core::dates::Start::BeforeWerkagenda {
                assert!(row.select(&sel(".open-start")).next().is_some(), "{}", p.id);
            }
        }
        // The table under it has every project with its phase.
        let rows_in_table = fig.select(&sel("tbody tr")).count();
        assert_eq!(rows_in_table, expected.len());
        let desc: String = svg.select(&sel("desc")).next().unwrap().text().collect();
        for p in t.projecten.iter() {
            assert!(
                desc.contains(&format!(" {}: start {}, einde {};", p.tabelnaam, p.start.table(), p.einde.table())),
                "{desc}"
            );
        }
    }
    assert_eq!(projects, 32);
}

#[test]
fn a_project_started_after_the_period_is_never_given_a_phase_at_its_end() {
    // The report (written later) states a phase of a project that started after its period: the
    // chart's text says so, and no "per juni 2024" before the project's own start.
    let prog = programme();
    let html = text("rapportage/tussentijdse-rapportage-2024-H1.html");
    let doc = Html::parse_document(&html);
    let descs: Vec<String> = doc.select(&sel("figure svg desc")).map(|d| d.text().collect()).collect();
    let mut later = 0;
    for p in prog.themalijnen.iter().flat_map(|t| &t.projecten).filter(|p| p.in_rapportage(&h1())) {
        let Some(start) = p.start.month() else { continue };
        if start <= h1().last || p.fase_bekend_in(&h1()).is_none() {
            continue;
        }
        later += 1;
        let head = format!("{}: start {}, einde {};", p.tabelnaam, p.start.table(), p.einde.table());
        let desc = descs.iter().find(|d| d.contains(&head)).unwrap_or_else(|| panic!("no timeline names {head}"));
        let rest = &desc[desc.find(&head).unwrap() + head.len()..];
        let own = rest.split(". ").next().unwrap().trim_end_matches('.');
        let fase = p.fase_bekend_in(&h1()).unwrap().fase.name();
        assert_eq!(own, format!(" {fase} volgens de rapportage over januari t/m juni 2024"), "{}", p.id);
    }
    assert_eq!(
        later, 4,
        "Artificial Intelligence, Positieve gezondheid, Samenwerkingskracht mantelzorg, Technologie in woningen"
    );
}

#[test]
fn email_has_a_png_with_the_numbers_as_alt_text() {
    // A phase recorded for the edition: its newsletter shows the chart (the real editions have
    // none, see tests/truth.rs).
    let tmp = fixture();
    let data = tmp.path().join("data");
    edit(&data.join("projecten/fietsen.yaml"), "    periode: 2024-H1\n", "    editie: 2024-05\n");
    // The e-mail HTML shows the chart from where it is online (without an address: no image).
    let online = "https://www.example.org/nieuwsbrief/";
    edit(
        &data.join("koers.yaml"),
        "  afzender: nieuws@example.org\n",
        &format!("  afzender: nieuws@example.org\n  afbeeldingen_url: {online}\n"),
    );
    let out = tmp.path().join("out");
    let o = run(koers().args(["build-report", "--only", "nieuwsbrief", "--data"]).arg(&data).arg("--out").arg(&out));
    assert!(o.status.success(), "{}", stderr(&o));
    let prog = programme_of(&data);
    let read_out = |rel: &str| std::fs::read(out.join(rel)).unwrap();
    let edition = "2024-05";
    let mail = Html::parse_document(
        &String::from_utf8(read_out(&format!("nieuwsbrief/even-bijpraten-{edition}.email.html"))).unwrap(),
    );
    let img = mail.select(&sel("img")).next().expect("the chart image");
    let src = img.value().attr("src").unwrap();
    let file = src.strip_prefix(online).unwrap_or_else(|| panic!("{src} is not below {online}"));
    assert_eq!(file, format!("even-bijpraten-{edition}-fasen.png"));
    // The PNG beside the e-mail, to put online there.
    let png = read_out(&format!("nieuwsbrief/{file}"));
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert_eq!(width, 1280, "drawn at twice the SVG's 640 px");
    // The alt text states the numbers of the model: the phases recorded for the edition.
    let e = Period::parse_edition(edition).unwrap();
    let shown: Vec<_> =
        prog.projects().filter(|p| p.loopt_in(&e) || p.resultaten_in_editie(e).next().is_some()).collect();
    let known = |f: &str| shown.iter().filter(|p| p.fase_bekend_in(&e).map(|s| s.fase.name()) == Some(f)).count();
    let alt = img.value().attr("alt").unwrap();
    let totaal = prog.ladder.names().map(|f| format!("{f} {}", known(f))).collect::<Vec<_>>().join(", ");
    let unknown = shown.iter().filter(|p| p.fase_bekend_in(&e).is_none()).count();
    // Fietsen's phase is reported in the edition, Wandelen's is dated; Fietsen jong's is known only
    // from the rapportage of June.
    assert!(known("Initiatiefase") == 1 && known("Realisatiefase") == 1 && unknown == 1);
    assert!(alt.contains(&format!("{totaal}, fase niet vastgelegd {unknown}.")), "{alt}");
    assert!(alt.contains("stand eind mei 2024"), "{alt}");
    // The web version inlines the same chart as SVG.
    let web = Html::parse_document(
        &std::fs::read_to_string(out.join(format!("nieuwsbrief/even-bijpraten-{edition}.html"))).unwrap(),
    );
    let svg = figure(&web, &format!("fasen-{edition}"));
    let desc: String = svg.select(&sel("desc")).next().unwrap().text().collect();
    assert_eq!(desc, alt);
    // The text version states the numbers too.
    let txt = squash(&std::fs::read_to_string(out.join(format!("nieuwsbrief/even-bijpraten-{edition}.txt"))).unwrap());
    assert!(txt.contains(&format!("{totaal}, fase niet vastgelegd {unknown}.")));
    // The index lists the e-mail once, not its image as a format of its own.
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!index.contains(".png"));
}

/// Every /Alt text of the PDF's structure tree.
fn pdf_alt_texts(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut out = Vec::new();
    for obj in doc.objects.values() {
        if let Ok(dict) = obj.as_dict()
            && let Ok(alt) = dict.get(b"Alt")
            && let Ok(bytes) = alt.as_str()
        {
            let s = if bytes.starts_with(&[0xfe, 0xff]) {
                let units: Vec<u16> = bytes[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
                String::from_utf16_lossy(&units)
            } else {
                String::from_utf8_lossy(bytes).into_owned()
            };
            out.push(s);
        }
    }
    out
}

#[test]
fn pdf_charts_are_images_with_the_numbers_as_alt_text() {
    let prog = programme();
    let pdf = read("rapportage/tussentijdse-rapportage-2024-H1.pdf");
    let alts = pdf_alt_texts(&pdf);
    let expected = model_counts(&prog, h1());
    let totaal = prog
        .ladder
        .all()
        .iter()
        .map(|f| format!("{} {}", f.name(), expected["Totaal"].get(f.name()).copied().unwrap_or(0)))
        .collect::<Vec<_>>()
        .join(", ");
    assert!(
        alts.iter().any(|a| a.contains(&format!("In totaal 24 projecten en 4 subprojecten: {totaal}."))),
        "{alts:?}"
    );
    let timelines = alts.iter().filter(|a| a.starts_with("Per project de looptijd van start tot einde")).count();
    assert_eq!(timelines, 4, "one timeline per themalijn with projects");
    // The chart's labels are vector text in the PDF.
    let text = squash(&pdf_text(&pdf));
    assert!(text.contains("Het programma in één oogopslag"));
    // Its caption as the other formats write it: the sources number no figure.
    assert!(text.contains("Projecten per fase, stand eind juni 2024"));
    assert!(!text.contains("Figuur 1"), "{text}");
}

#[test]
fn charts_are_byte_identical_between_builds() {
    let again = build_real_data(&[]);
    let a = snapshot(&built().out);
    let b = snapshot(&again.out);
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(v == &b[k], "{k} differs between two builds");
    }
    assert!(a.keys().filter(|k| k.ends_with(".pdf")).count() >= 3);
}

#[test]
fn names_with_markup_are_text_in_the_svg() {
    let tmp = fixture();
    let data = tmp.path().join("data");
    edit(&data.join("projecten/fietsen.yaml"), "naam: Fietsen", "naam: \"Fietsen <b>&amp; co</b> & 'zo'\"");
    // A phase recorded for the edition, so that its e-mail has the chart (a PNG) too.
    edit(&data.join("projecten/fietsen.yaml"), "    periode: 2024-H1\n", "    editie: 2024-05\n");
    let out = tmp.path().join("out");
    let o = run(koers().args(["build-report", "--date", "2024-10-01", "--data"]).arg(&data).arg("--out").arg(&out));
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(out.join("rapportage/tussentijdse-rapportage-2024-H1.html")).unwrap();
    let doc = Html::parse_document(&html);
    let svg = figure(&doc, "tijdlijn-gezondheid").select(&sel("svg")).next().unwrap();
    assert!(svg.select(&sel("b")).next().is_none(), "no element from the data");
    let labels: String = svg.select(&sel("g.project text")).flat_map(|t| t.text()).collect();
    assert!(labels.contains("Fietsen <b>&amp; co</b> & 'zo'"), "{labels}");
    // The SVG is well-formed XML on its own: the PDF (typst parses it) and the PNG were made.
    assert!(out.join("rapportage/tussentijdse-rapportage-2024-H1.pdf").exists());
    assert!(out.join("nieuwsbrief/even-bijpraten-2024-05-fasen.png").exists());
}

#[test]
fn what_changed_since_the_previous_rapportage_in_a_draft_and_the_newsletter_draft() {
    let tmp = fixture();
    let data = tmp.path().join("data");
    // After 2024-H1: Wandelen steps up, then back with a reason; Fietsen ends; Zwemmen is new.
    edit(
        &data.join("projecten/wandelen.yaml"),
        "    sinds: 2024-03\n",
        "    sinds: 2024-03\n  - fase: Borgingsfase\n    sinds: 2024-09\n  - fase: Definitiefase\n    sinds: 2024-11\n    reden: De regionale ambitie wordt opnieuw vastgesteld.\n",
    );
    edit(&data.join("projecten/fietsen.yaml"), "einde: 12-2025", "einde: 2024-10");
    std::fs::write(
        data.join("projecten/zwemmen.yaml"),
        "naam: Zwemmen\nthemalijn: gezondheid\nstart: 2024-08\neinde: nog niet bekend\nfasen:\n  - fase: Initiatiefase\n    sinds: 2024-08\n",
    )
    .unwrap();
    edit(&data.join("themalijnen/gezondheid.yaml"), "fietsen-jong]", "fietsen-jong, zwemmen]");
    let out = tmp.path().join("out");
    let o = run(koers()
        .args([
            "build-report",
            "--date",
            "2025-01-15",
            "--period",
            "2024-H2",
            "--draft",
            "--format",
            "md,html",
            "--data",
        ])
        .arg(&data)
        .arg("--out")
        .arg(&out));
    assert!(o.status.success(), "{}", stderr(&o));
    let md = std::fs::read_to_string(out.join("rapportage/tussentijdse-rapportage-2024-H2-concept.md")).unwrap();
    let section = md
        .split("## Wat is er veranderd sinds de vorige rapportage")
        .nth(1)
        .expect("the section")
        .split("\n## ")
        .next()
        .unwrap();
    assert!(section.contains("Vergeleken met de rapportage januari t/m juni 2024: 2 faseovergangen, 1 nieuw project, 1 beëindigd project en 4 lopende projecten zonder resultaten."), "{section}");
    // Each project links to its page (the slug of its heading "Project | Wandelen").
    assert!(
        section.contains("- [Wandelen](#project--wandelen): Realisatiefase → Borgingsfase (sinds 09-2024)\n"),
        "{section}"
    );
    assert!(
        section.contains("- [Wandelen](#project--wandelen): Borgingsfase → Definitiefase (sinds 11-2024); een stap terug: De regionale ambitie wordt opnieuw vastgesteld.\n"),
        "{section}"
    );
    assert!(section.contains("#### Nieuwe projecten\n\n- [Zwemmen](#project--zwemmen)\n"), "{section}");
    assert!(section.contains("#### Beëindigde projecten\n\n- Fietsen (einddatum 10-2024)\n"), "{section}");
    assert!(md.contains("#### Project | Wandelen\n") && md.contains("#### Project | Zwemmen\n"), "the links' targets");
    // The HTML links the steps to the project pages.
    let html = std::fs::read_to_string(out.join("rapportage/tussentijdse-rapportage-2024-H2-concept.html")).unwrap();
    let doc = Html::parse_document(&html);
    let links: Vec<&str> =
        doc.select(&sel("section[aria-labelledby=wijzigingen] a")).map(|a| a.value().attr("href").unwrap()).collect();
    assert!(links.contains(&"#project-zwemmen") && links.contains(&"#project-wandelen"), "{links:?}");
    // The index, the front page, shows the latest report (the draft) and the same changes.
    let index = Html::parse_document(&std::fs::read_to_string(out.join("index.html")).unwrap());
    let wijz: String = index.select(&sel("section.wijzigingen")).next().unwrap().text().collect();
    assert!(wijz.contains("Wandelen: Realisatiefase → Borgingsfase (sinds 09-2024)"), "{wijz}");
    assert!(wijz.contains("Nieuw: Zwemmen"), "{wijz}");
    // The first rapportage has no such section.
    let o = run(koers()
        .args(["build-report", "--date", "2025-01-15", "--period", "2024-H1", "--format", "md", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&out));
    assert!(o.status.success(), "{}", stderr(&o));
    let md = std::fs::read_to_string(out.join("rapportage/tussentijdse-rapportage-2024-H1.md")).unwrap();
    assert!(!md.contains("Wat is er veranderd"));
    // The newsletter draft lists the same changes since the edition before it.
    let o = run(koers().args(["newsletter", "2024-11", "--new", "--date", "2025-01-15", "--data"]).arg(&data));
    assert!(o.status.success(), "{}", stderr(&o));
    let draft = std::fs::read_to_string(data.join("nieuwsbrief/2024-11.yaml")).unwrap();
    assert!(draft.contains("# Wat er veranderd is sinds editie 2024-05"), "{draft}");
    assert!(draft.contains("#   fase: Wandelen: Realisatiefase → Borgingsfase (sinds 09-2024)\n"), "{draft}");
    assert!(
        draft.contains("#   fase: Wandelen: Borgingsfase → Definitiefase (sinds 11-2024) — terug: De regionale"),
        "{draft}"
    );
    assert!(draft.contains("#   nieuw project: Zwemmen\n"), "{draft}");
    assert!(draft.contains("#   beëindigd: Fietsen (10-2024)\n"), "{draft}");
}
