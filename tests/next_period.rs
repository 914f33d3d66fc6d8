//! The next half year: a copy of the fixture data gets what a secretary records for 2024-H2 — a
//! new result, a phase step, a new project and an ended project — and the 2024-H2 rapportage
//! shows exactly those, while the 2024-H1 rapportage keeps telling the first half year.

use crate::common;
use common::*;
use std::path::Path;

fn append(path: &Path, text: &str) {
    let mut s = std::fs::read_to_string(path).unwrap();
    s.push_str(text);
    std::fs::write(path, s).unwrap();
}

fn build(data: &Path, out: &Path, period: &str) -> String {
    let o = run(koers()
        .args(["build-report", "--date", "2025-01-15", "--only", "rapportage", "--format", "md", "--period", period])
        .arg("--data")
        .arg(data)
        .arg("--out")
        .arg(out));
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::read_to_string(out.join(format!("rapportage/tussentijdse-rapportage-{period}.md"))).unwrap()
}

/// The "Gerealiseerde resultaten" bullets of a project page in the Markdown rapportage: the
/// page's heading is "Project | <name>" (or "Subproject van … | <name>").
fn results_of(md: &str, project: &str) -> Vec<String> {
    let mut lines = md.lines();
    lines
        .find(|l| l.starts_with("#### ") && l.ends_with(&format!(" | {project}")))
        .unwrap_or_else(|| panic!("no page for {project}:\n{md}"));
    let page: Vec<&str> =
        lines.take_while(|l| !(l.starts_with("#### ") || l.starts_with("### ") || l.starts_with("## "))).collect();
    let at = page.iter().position(|l| *l == "##### Gerealiseerde resultaten").expect("results heading");
    page[at + 1..]
        .iter()
        .take_while(|l| !l.starts_with('#'))
        .filter_map(|l| l.strip_prefix("- "))
        .map(str::to_string)
        .collect()
}

/// A line of Markdown with its links as their text: `[name](#slug)` as `name`.
fn unlink(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        match rest[open..].find("](#").map(|c| open + c) {
            Some(close) if !rest[open + 1..close].contains('[') => {
                let end = rest[close..].find(')').map_or(rest.len(), |e| close + e + 1);
                out.push_str(&rest[..open]);
                out.push_str(&rest[open + 1..close]);
                rest = &rest[end..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The project table's row of a project (its name links to the project's page; the timeline's
/// table has a row of the same name, without a link), its links as their text.
fn table_row(md: &str, project: &str) -> String {
    md.lines()
        .filter(|l| l.contains("](#"))
        .map(unlink)
        .find(|l| l.starts_with(&format!("| {project}")) || l.starts_with(&format!("| ↳ {project}")))
        .unwrap_or_else(|| panic!("no table row for {project}:\n{md}"))
}

#[test]
fn the_next_half_year_shows_exactly_what_was_recorded() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy_dir(&root().join("tests/fixtures/valid"), &data);
    let before_h1 = build(&data, &tmp.path().join("before"), "2024-H1");

    // What was recorded for 2024-H2.
    edit(&data.join("koers.yaml"), "rapportages:\n", "rapportages:\n  - periode: 2024-H2\n");
    append(
        &data.join("projecten/wandelen.yaml"),
        "  - periode: 2024-H2\n    tekst: Een wandelroute langs de Dinkel is geopend.\n",
    );
    edit(
        &data.join("projecten/fietsen.yaml"),
        "fasen:\n  - fase: Initiatiefase\n    periode: 2024-H1\n",
        "fasen:\n  - fase: Initiatiefase\n    periode: 2024-H1\n  - fase: Definitiefase\n    sinds: 2024-09\n",
    );
    edit(&data.join("projecten/fietsen-jong.yaml"), "einde: nog niet bekend", "einde: 2024-10");
    std::fs::write(
        data.join("projecten/zwemmen.yaml"),
        "naam: Zwemmen\nthemalijn: gezondheid\nstart: 2024-08\neinde: doorlopend\nfasen:\n  - fase: Initiatiefase\n    sinds: 2024-08\nresultaten:\n  - periode: 2024-H2\n    tekst: Een zwemclub doet mee.\n",
    )
    .unwrap();
    edit(
        &data.join("themalijnen/gezondheid.yaml"),
        "projecten: [wandelen, fietsen, fietsen-jong]",
        "projecten: [wandelen, fietsen, fietsen-jong, zwemmen]",
    );
    let o = run(koers().args(["check", "--date", "2025-01-15", "--data"]).arg(&data));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let h2 = build(&data, &tmp.path().join("after"), "2024-H2");
    // The results of 2024-H2, and only those.
    assert_eq!(results_of(&h2, "Wandelen"), ["Een wandelroute langs de Dinkel is geopend."]);
    assert_eq!(results_of(&h2, "Zwemmen"), ["Een zwemclub doet mee."]);
    for project in ["Fietsen voor jongeren", "Fietsen"] {
        assert!(results_of(&h2, project).is_empty(), "{project} reported nothing in 2024-H2");
    }
    for old in [
        "Een wandelgroep is gestart met de GGD.",
        "Tien wandelingen georganiseerd.",
        "Jongeren zijn bevraagd.",
        "Een fietsroute is uitgezet.",
    ] {
        assert!(!h2.contains(old), "a 2024-H1 result in the 2024-H2 report: {old}");
    }
    assert!(!h2.contains("Een nieuwsbriefbericht over wandelen."), "a newsletter update is not a rapportage result");
    // The phase step, the new project and the ended project in the table.
    assert!(table_row(&h2, "Fietsen |").contains("| Definitiefase |"), "{}", table_row(&h2, "Fietsen |"));
    assert!(
        table_row(&h2, "Zwemmen").contains("| Initiatiefase | 08-2024 | doorlopend"),
        "{}",
        table_row(&h2, "Zwemmen")
    );
    assert!(
        table_row(&h2, "Fietsen voor jongeren").contains("| 10-2024 |"),
        "{}",
        table_row(&h2, "Fietsen voor jongeren")
    );
    // The texts of 2024-H1 (voorwoord) belong to 2024-H1 only.
    assert!(!h2.contains("Een kort voorwoord."));

    // The 2024-H1 rapportage still tells the first half year: its results, its phases, no new
    // project. (The end month is not dated in the model, so the ended project's new end shows.)
    let after_h1 = build(&data, &tmp.path().join("after-h1"), "2024-H1");
    assert!(!after_h1.contains("Zwemmen"), "a project that started in 2024-08 is not in 2024-H1");
    assert!(!after_h1.contains("Een wandelroute langs de Dinkel"));
    assert!(table_row(&after_h1, "Fietsen |").contains("| Initiatiefase |"));
    let changed: Vec<(&str, &str)> =
        before_h1.lines().zip(after_h1.lines()).filter(|(a, b)| a != b && !a.starts_with('*')).collect();
    assert_eq!(
        changed,
        [
            // The end in the numbers of the themalijn's timeline (before the table).
            (
                "| Fietsen voor jongeren | 02-2024 | nog niet bekend | Initiatiefase per juni 2024 | Initiatiefase |",
                "| Fietsen voor jongeren | 02-2024 | 10-2024 | Initiatiefase per juni 2024 | Initiatiefase |"
            ),
            (
                "| ↳ [Fietsen voor jongeren](#subproject-van-fietsen--fietsen-voor-jongeren) | Initiatiefase | 02-2024 | nog niet bekend |",
                "| ↳ [Fietsen voor jongeren](#subproject-van-fietsen--fietsen-voor-jongeren) | Initiatiefase | 02-2024 | 10-2024 |"
            ),
            // And on the project's page.
            (
                "Huidige fase: **Initiatiefase** · Startdatum 02-2024 · Einddatum nog niet bekend",
                "Huidige fase: **Initiatiefase** · Startdatum 02-2024 · Einddatum 10-2024"
            ),
        ],
        "only the end month differs"
    );
}
