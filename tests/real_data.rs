//! The real Twentse Koers data in data/: valid and complete. Its faithfulness to the source
//! documents in ../shared/seeds is tested in tests/seeds.rs.

use crate::common;
use common::*;
use koers::core::dates::Period;
use std::collections::BTreeSet;

#[test]
fn check_passes_on_the_real_data() {
    let out =
        run(koers().args(["check", "--format", "json", "--date", "2026-11-22", "--data"]).arg(root().join("data")));
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["errors"], 0);
    // No noise: every warning is something a user can act on. The real data's are the link lines
    // whose address no source gives (the documents leave them out until it is added).
    for d in json["diagnostics"].as_array().unwrap() {
        assert!(d["message"].as_str().unwrap().contains("has no address"), "{d:#}");
    }
}

/// The 32 rows of the project tables of the Tussentijdse rapportage 2024-H1, from the fixture
/// transcribed from seed 003, against the model: name, phase at the end of the period, start, end.
#[test]
fn the_32_table_rows_of_2024_h1() {
    let prog = programme();
    let period = Period::parse_half("2024-H1").unwrap();
    let expected: Vec<Vec<String>> = std::fs::read_to_string(root().join("tests/fixtures/tabellen-2024-H1.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').map(String::from).collect())
        .collect();
    assert_eq!(expected.len(), 32);
    let mut actual = Vec::new();
    for t in &prog.themalijnen {
        for p in t.projecten.iter().filter(|p| p.in_rapportage(&period)) {
            actual.push(vec![
                t.id.clone(),
                p.tabelnaam.clone(),
                p.fase_op(period.last).map(|f| f.name().to_string()).unwrap_or_default(),
                p.start.table(),
                p.einde.table(),
            ]);
        }
    }
    assert_eq!(actual, expected);
    let counts: Vec<(String, usize)> = prog.themalijnen.iter().map(|t| (t.id.clone(), t.projecten.len())).collect();
    assert_eq!(
        counts,
        vec![
            ("bestaanszekerheid".into(), 7),
            ("preventie-en-gezondheid".into(), 8),
            ("mentale-gezondheid".into(), 6),
            ("ouderen".into(), 11),
            ("jeugd".into(), 0),
        ]
    );
}

#[test]
fn parents_and_later_additions() {
    let prog = programme();
    let parent = |id: &str| prog.project(id).unwrap().hoofdproject.clone();
    assert_eq!(parent("samen-indiceren").as_deref(), Some("samenwerken-in-de-wijk"));
    for id in ["bennie-oud", "reablement", "scholing-huishoudelijke-ondersteuning"] {
        assert_eq!(parent(id).as_deref(), Some("gezond-en-zelfredzaam-ouder-worden"), "{id}");
    }
    assert_eq!(parent("samenwerkingskracht-mantelzorg").as_deref(), Some("respijtzorg"));
    assert_eq!(parent("technologie-in-woningen").as_deref(), Some("wonen-en-zorg"));
    let later: BTreeSet<&str> =
        prog.projects().filter(|p| p.toegevoegd_na_regioplan.is_some()).map(|p| p.id.as_str()).collect();
    assert_eq!(later, BTreeSet::from(["artificial-intelligence", "positieve-gezondheid"]));
    assert_eq!(prog.afkortingen.len(), 31, "the abbreviation list of 003");
    assert_eq!(prog.gemeenten.len(), 14);
    assert_eq!(prog.eigenaren.len(), 17);
}

/// Every data file names its JSON Schema on the first line, and the schema exists.
#[test]
fn every_data_file_points_editors_to_its_schema() {
    let data = root().join("data");
    for (rel, bytes) in snapshot(&data) {
        if !rel.ends_with(".yaml") {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        let first = text.lines().next().unwrap_or("");
        let schema =
            first.strip_prefix("# yaml-language-server: $schema=").unwrap_or_else(|| panic!("{rel}: no schema line"));
        let dir = data.join(&rel).parent().unwrap().to_path_buf();
        assert!(dir.join(schema).is_file(), "{rel}: {schema} does not exist");
    }
}
