//! Issue #23 point 8: orientation. `koers status` (alias `projecten`) shows every project with its
//! themalijn, current phase and since when, start, end and results per period — as a table, and as
//! JSON for scripts; `build-report` lists the files it wrote, also when standard output is not a
//! terminal.

use crate::common;

use common::{edit, fixture, koers, run, stderr, stdout};

#[test]
fn status_is_a_table_of_every_project() {
    let tmp = fixture();
    let o = run(koers().current_dir(tmp.path()).arg("status"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let table = stdout(&o);
    let rows: Vec<Vec<&str>> =
        table.lines().map(|l| l.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect()).collect();
    assert_eq!(rows[0], ["project", "themalijn", "fase", "sinds", "start", "einde", "resultaten"], "{table}");
    // Phase since the month the data states; a phase only reported is "per" that report's end.
    assert_eq!(
        rows[1],
        ["wandelen", "gezondheid", "Realisatiefase", "2024-03", "2023-01", "doorlopend", "2024-05 1, 2024-H1 2"]
    );
    assert_eq!(
        rows[2],
        ["fietsen", "gezondheid", "Initiatiefase", "per 2024-06", "voor huidige werkagenda", "2025-12", "2024-H1 1"]
    );
    assert_eq!(rows[3][0], "↳ fietsen-jong", "a subproject is marked: {table}");
    assert_eq!(rows.len(), 4, "{table}");
    // The columns line up.
    let at = |l: &str| l.find("gezondheid").map(|i| l[..i].chars().count());
    assert!(table.lines().skip(1).all(|l| at(l) == table.lines().next().and_then(|h| h.find("themalijn"))), "{table}");
    // The alias.
    assert_eq!(stdout(&run(koers().current_dir(tmp.path()).arg("projecten"))), table);
}

#[test]
fn status_as_json_for_scripts() {
    let tmp = fixture();
    let o = run(koers().current_dir(tmp.path()).args(["status", "--format", "json"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["version"], 1);
    let p = &v["projecten"];
    assert_eq!(p.as_array().unwrap().len(), 3);
    assert_eq!(p[0]["id"], "wandelen");
    assert_eq!(
        p[0]["fase"],
        serde_json::json!({"naam": "Realisatiefase", "sinds": "2024-03", "bekend_vanaf": "2024-03"})
    );
    assert_eq!(
        p[0]["resultaten"],
        serde_json::json!([{"periode": "2024-05", "aantal": 1}, {"periode": "2024-H1", "aantal": 2}])
    );
    assert_eq!(p[1]["fase"]["gemeld"], "rapportage 2024-H1");
    assert!(p[1]["fase"].get("sinds").is_none(), "no month is invented: {}", p[1]);
    assert_eq!(p[2]["hoofdproject"], "fietsen");
    // Invalid data: the diagnostics, exit 1, no table.
    edit(&tmp.path().join("data/themalijnen/jeugd.yaml"), "volgorde: 2", "volgorde: twee");
    let o = run(koers().current_dir(tmp.path()).args(["status", "--format", "json"]));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).contains("error: \"volgorde\""), "{}", stderr(&o));
}

#[test]
fn build_report_lists_the_files_it_wrote_unless_quiet() {
    let tmp = fixture();
    let o = run(koers().current_dir(tmp.path()).args(["build-report", "--format", "md"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let listed: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
    assert!(listed.contains(&"out/rapportage/tussentijdse-rapportage-2024-H1.md".to_string()), "{listed:?}");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("out/manifest.json")).unwrap()).unwrap();
    let documents = manifest["documents"].as_array().unwrap();
    for d in documents {
        let path = format!("out/{}", d["path"].as_str().unwrap());
        assert!(listed.contains(&path), "{path} written but not listed: {listed:?}");
    }
    let o = run(koers().current_dir(tmp.path()).args(["build-report", "--format", "md", "--quiet"]));
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), String::new()));
}
