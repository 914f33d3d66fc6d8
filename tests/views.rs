//! The views of the real data, before any template lays them out: the one structure of each
//! document that every format renders (tests/formats.rs checks that the formats show all of it).
//! Here: each box stands in the section it names, the project pages follow the table order, every
//! result reported in the period is on its project's page, the newsletter shows every result of
//! its edition.

use crate::common;
use common::programme;

use koers::core::document::RegioplanSelection;
use koers::render::views::{self, MergeTags, Provenance};
use serde_json::Value;

/// A value as the templates see it.
fn json(v: &impl serde::Serialize) -> Value {
    serde_json::to_value(v).unwrap()
}

#[test]
fn every_box_of_a_rapportage_stands_in_the_section_it_names() {
    let prog = programme();
    assert!(!prog.rapportages.is_empty());
    let mut boxes_seen = 0;
    // The boxes as koers.yaml writes them.
    let (set, _) = koers::load::load(&koers::load::DirSource { root: common::root().join("data") }).unwrap();
    let written = json(&set.programme.as_ref().unwrap().data.rapportages);
    for (i, r) in prog.rapportages.iter().enumerate() {
        let view = json(&views::rapportage(&prog, r.periode, false, &Provenance::default()));
        // A renamed field fails here instead of reading as "no boxes".
        assert_eq!(written[i]["periode"], r.periode.id(), "koers.yaml lists the rapportages in their order");
        let declared = written[i]["interessant"].as_array().cloned().expect("the rapportage's interessant boxes");
        let mut shown = 0;
        for (section, plaats) in [
            ("kaders_algemene_informatie", "algemene_informatie"),
            ("kaders_programmaorganisatie_begin", "programmaorganisatie_begin"),
            ("kaders_programmaorganisatie", "programmaorganisatie"),
            ("kaders_definities", "definities"),
        ] {
            let boxes = view[section].as_array().unwrap();
            let texts: Vec<&Value> = boxes.iter().map(|b| &b["tekst"]).collect();
            let want: Vec<&Value> = declared.iter().filter(|k| k["plaats"] == plaats).map(|k| &k["tekst"]).collect();
            assert_eq!(texts, want, "{}: the boxes of {section}, in the order koers.yaml lists them", r.periode);
            shown += boxes.len();
        }
        assert_eq!(shown, declared.len(), "{}: every box of the rapportage is shown once", r.periode);
        boxes_seen += shown;
    }
    assert!(boxes_seen > 0, "the real data's rapportage has boxes; none were compared");
}

#[test]
fn project_pages_follow_the_table_order_and_show_the_period_s_results_and_boxes() {
    let prog = programme();
    let periode = prog.rapportages.last().expect("a rapportage").periode;
    let view = json(&views::rapportage(&prog, periode, false, &Provenance::default()));
    let themalijnen = view["themalijnen"].as_array().unwrap();
    let ids: Vec<&str> = themalijnen.iter().map(|t| t["id"].as_str().unwrap()).collect();
    // The themalijnen with a project running or reporting in the period, in their order (from the
    // model, not from what the view shows).
    let want: Vec<&str> = prog
        .themalijnen
        .iter()
        .filter(|t| t.projecten.iter().any(|p| p.in_rapportage(&periode)))
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(ids, want, "themalijnen in their order");
    assert!(ids.len() >= 4, "{ids:?}");

    let mut pages = 0;
    for tv in themalijnen {
        let t = prog.themalijnen.iter().find(|t| tv["id"] == t.id.as_str()).unwrap();
        let shown: Vec<&str> = tv["projecten"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
        // The pages are the page order of the themalijn, of the projects running or reporting in
        // the period.
        let in_order: Vec<&str> = t
            .paginavolgorde
            .iter()
            .map(String::as_str)
            .filter(|id| prog.project(id).is_some_and(|p| p.in_rapportage(&periode)))
            .collect();
        assert_eq!(shown, in_order, "{}: project pages in the themalijn's page order", t.id);
        for page in tv["projecten"].as_array().unwrap() {
            pages += 1;
            let id = page["id"].as_str().unwrap();
            let project = prog.project(id).unwrap();
            let blokken = page["blokken"].as_array().unwrap();
            // Every result reported in the period, in the source's order, under "Gerealiseerde resultaten".
            let results: Vec<Value> = project.resultaten_in_rapportage(periode).map(|r| json(&r.tekst)).collect();
            let shown_results: Vec<Value> = blokken
                .iter()
                .filter(|b| b["soort"] == "resultaten")
                .flat_map(|r| r["items"].as_array().unwrap().clone())
                .collect();
            assert_eq!(shown_results, results, "{id}: the results of {periode}");
            // The project's boxes of the period stand on its page, after everything else.
            let boxes: Vec<Value> =
                project.interessant.iter().filter(|(h, _)| *h == periode).map(|(_, k)| json(&k.tekst)).collect();
            let shown_boxes: Vec<Value> =
                blokken.iter().filter(|b| b["soort"] == "kader").map(|k| k["tekst"].clone()).collect();
            assert_eq!(shown_boxes, boxes, "{id}: the boxes of {periode}");
            let first_box = blokken.iter().position(|b| b["soort"] == "kader").unwrap_or(blokken.len());
            assert!(blokken[first_box..].iter().all(|b| b["soort"] == "kader"), "{id}: boxes come last");
        }
    }
    // Every project that reported a result in the period has its page.
    for p in prog.projects().filter(|p| p.resultaten_in_rapportage(periode).next().is_some()) {
        let on_a_page =
            themalijnen.iter().flat_map(|t| t["projecten"].as_array().unwrap()).any(|page| page["id"] == p.id.as_str());
        assert!(on_a_page, "{} reported in {periode} but has no page", p.id);
    }
    assert!(pages > 20, "the real data has some 30 project pages, the view {pages}");
}

/// Every result reported in an edition is shown in it (the e-mail may repeat one under a second
/// heading, as the seed of 2025-04 does).
#[test]
fn a_newsletter_shows_every_result_of_its_edition() {
    let prog = programme();
    assert!(!prog.edities.is_empty());
    for editie in &prog.edities {
        let view = json(&views::nieuwsbrief(&prog, editie, MergeTags::Braces, &Provenance::default()));
        let text = view["blokken"].to_string();
        let mut results = 0;
        for p in prog.projects() {
            for r in p.resultaten_in_editie(editie.periode) {
                results += 1;
                let needle = json(&r.tekst).to_string();
                let needle = needle.trim_matches('"');
                assert!(text.contains(needle), "{}: {} — {needle}", editie.periode, p.id);
            }
        }
        // Each edition of the real data reports results: none compared would prove nothing.
        assert!(results > 0, "{}: no result recorded for the edition", editie.periode);
    }
}

#[test]
fn the_regioplan_has_a_section_per_themalijn_with_its_own_projects() {
    let prog = programme();
    let view = json(&views::regioplan(&prog, &RegioplanSelection::default(), &Provenance::default()).unwrap());
    // A section per themalijn the plan describes (a themalijn without regioplan text has none).
    let ids: Vec<&str> = view["themalijnen"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    // (from the model: a themalijn with a text of its own in the plan, or a project the plan describes)
    let described: Vec<&str> = prog
        .themalijnen
        .iter()
        .filter(|t| {
            t.projecten.iter().any(|p| p.regioplan_has_text())
                || ["introductie", "overkoepelend_doel", "aanpak", "partners"]
                    .iter()
                    .any(|k| !json(&t.regioplan)[k].is_null())
        })
        .map(|t| t.id.as_str())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "one section per themalijn: {ids:?}");
    let mut described_sorted = described.clone();
    described_sorted.sort();
    assert_eq!(sorted, described_sorted, "a section for each themalijn the plan describes");
    assert!(ids.len() >= 4, "{ids:?}");
    for t in view["themalijnen"].as_array().unwrap() {
        for p in t["projecten"].as_array().unwrap() {
            let project = prog.project(p["id"].as_str().unwrap()).unwrap();
            assert_eq!(t["id"], project.themalijn.as_str(), "{} stands in its own themalijn's section", project.id);
        }
    }
    // A section alone: that themalijn only.
    let sel = RegioplanSelection { themalijn: Some("ouderen".into()), ..RegioplanSelection::default() };
    let section = json(&views::regioplan(&prog, &sel, &Provenance::default()).unwrap());
    let ids: Vec<&str> = section["themalijnen"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["ouderen"]);
}
