//! The data's diagnostics in Dutch (#23): `koers check` over every broken fixture in a Dutch
//! locale says what is wrong in Dutch, with no English left of the old messages; a path in a
//! file is said in words ("de plaats van kader 1 van rapportage 1"); a month written in words
//! gets "bedoelt u 2024-02?". The same runs with `--lang en` give the English texts that
//! tests/check_fixtures.rs asserts.

use crate::common;
use common::*;
use std::path::Path;
use std::process::Output;

fn cases() -> Vec<std::path::PathBuf> {
    let dir = root().join("tests/fixtures/broken");
    let mut cases: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    assert!(cases.len() >= 40, "the broken fixtures, found {}", cases.len());
    cases
}

/// `koers check` on a materialised fixture in a Dutch locale, with `extra` arguments.
fn check(data: &Path, extra: &[&str]) -> Output {
    run(koers()
        .env("LANG", "nl_NL.UTF-8")
        .env("NO_COLOR", "1")
        .arg("check")
        .args(extra)
        .args(["--date", "2024-10-01", "--data"])
        .arg(data))
}

/// The lines a person reads as the tool's own words: each message, each hint, the summary
/// (not the quoted source lines, which are the user's).
fn own_lines(err: &str) -> Vec<&str> {
    err.lines()
        .filter(|l| !l.starts_with("  --> ") && !l.trim_start().starts_with(|c: char| c.is_ascii_digit() || c == '|'))
        .collect()
}

/// Words of the old English messages that no Dutch message may contain.
const ENGLISH: &[&str] = &["is not", "must be", "missing", "did you mean", "hint:", "error:", "warning:", " the "];

#[test]
fn every_broken_fixture_is_reported_in_dutch() {
    let mut failures = Vec::new();
    for case in cases() {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let tmp = materialise(&case);
        let out = check(tmp.path(), &[]);
        let err = stderr(&out);
        if out.status.code() != Some(1) {
            failures.push(format!("{name}: exit code {:?}\n{err}", out.status.code()));
        }
        if !err.lines().any(|l| l.starts_with("fout: ")) {
            failures.push(format!("{name}: no Dutch error message\n{err}"));
        }
        for line in own_lines(&err) {
            let lower = line.to_lowercase();
            if let Some(word) = ENGLISH.iter().find(|w| lower.contains(*w)) {
                failures.push(format!("{name}: English \"{word}\" in `{line}`"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_broken_fixture_keeps_its_english_messages_with_lang_en() {
    let mut failures = Vec::new();
    for case in cases() {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let tmp = materialise(&case);
        let english = check(tmp.path(), &["--lang", "en"]);
        let default =
            run(koers().env("NO_COLOR", "1").args(["check", "--date", "2024-10-01", "--data"]).arg(tmp.path()));
        // --lang en in a Dutch locale says exactly what an English locale says ...
        if stderr(&english) != stderr(&default) {
            failures.push(format!("{name}: --lang en differs from the English locale\n{}", stderr(&english)));
        }
        // ... and that is every message expected.txt lists, word for word.
        let err = stderr(&english);
        for line in std::fs::read_to_string(case.join("expected.txt")).unwrap().lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let line = line.split(" | ").next().unwrap();
            let message = line.splitn(3, ' ').nth(2).unwrap();
            if !err.contains(&format!("error: {message}\n")) {
                failures.push(format!("{name}: lacks `error: {message}`\n{err}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The Dutch and the English output of one fixture.
fn both(fixture: &str) -> (String, String) {
    let tmp = materialise(&root().join("tests/fixtures/broken").join(fixture));
    (stderr(&check(tmp.path(), &[])), stderr(&check(tmp.path(), &["--lang", "en"])))
}

#[test]
fn the_phase_typo_in_dutch() {
    let (nl, en) = both("03-phase-typo");
    assert!(nl.contains("fout: \"Vorbereidingsfase\" is geen fase van de ladder in koers.yaml"), "{nl}");
    assert!(nl.contains("= tip: bedoelt u \"Voorbereidingsfase\"?"), "{nl}");
    assert!(nl.contains("1 fout, 0 waarschuwingen"), "{nl}");
    assert!(en.contains("error: \"Vorbereidingsfase\" is not a phase of the ladder in koers.yaml"), "{en}");
    assert!(en.contains("= hint: did you mean \"Voorbereidingsfase\"?"), "{en}");
}

#[test]
fn a_month_in_words_gets_the_month_to_write() {
    let (nl, en) = both("12-month-as-words");
    assert!(
        nl.contains("fout: \"februari 2024\" is geen maand: schrijf die als JJJJ-MM, bijvoorbeeld 2024-03"),
        "{nl}"
    );
    assert!(nl.contains("= tip: bedoelt u 2024-02?"), "{nl}");
    assert!(en.contains("error: \"februari 2024\" is not a month: write it as YYYY-MM, e.g. 2024-03"), "{en}");
    assert!(en.contains("= hint: did you mean 2024-02?"), "{en}");
    // A value that is not a month in words keeps the hint on how to write one.
    let (nl, en) = both("11-month-out-of-range");
    assert!(nl.contains("fout: maand 13 in \"2024-13\" bestaat niet: de maanden lopen van 01 tot en met 12"), "{nl}");
    assert!(nl.contains("= tip: een maand schrijft u als JJJJ-MM (2024-03); MM-JJJJ (03-2024) mag ook"), "{nl}");
    assert!(!nl.contains("bedoelt u"), "{nl}");
    assert!(en.contains("= hint: months are written YYYY-MM (2024-03); MM-YYYY (03-2024) is accepted too"), "{en}");
}

#[test]
fn a_missing_required_key_in_dutch_without_the_schema_s_english() {
    let (nl, en) = both("06-missing-required");
    assert!(nl.contains("fout: het verplichte veld \"themalijn\" ontbreekt\n"), "{nl}");
    // The schema's description is English: the Dutch hint goes without it.
    assert!(nl.contains("= tip: voeg hier \"themalijn:\" toe\n"), "{nl}");
    assert!(en.contains("error: the required key \"themalijn\" is missing\n"), "{en}");
    assert!(en.contains("= hint: add \"themalijn:\" here (Id of the themalijn"), "{en}");
}

#[test]
fn the_end_before_the_start_in_dutch() {
    let (nl, en) = both("13-end-before-start");
    assert!(nl.contains("fout: het einde (2024-01) ligt vóór de start (2024-02)"), "{nl}");
    assert!(nl.contains("= tip: draai ze om of verbeter een van de twee maanden"), "{nl}");
    assert!(en.contains("error: the end (2024-01) is before the start (2024-02)"), "{en}");
}

#[test]
fn a_place_in_a_file_is_said_in_words() {
    let (nl, en) = both("33-rapportage-box-placement");
    assert!(
        nl.contains("fout: de plaats van kader 1 van rapportage 1 heeft de onbekende waarde \"voorwoord\""),
        "{nl}"
    );
    assert!(nl.contains("= tip: toegestaan: algemene_informatie"), "{nl}");
    assert!(en.contains("error: \"rapportages[1].interessant[1].plaats\" has the unknown value \"voorwoord\""), "{en}");
    // A key outside any list stays the key itself.
    let (nl, _) = both("05-wrong-type");
    assert!(
        nl.contains("fout: \"voetnoten\" moet een lijst (regels die beginnen met \"- \") zijn, maar is tekst"),
        "{nl}"
    );
}

#[test]
fn the_json_format_keeps_its_keys_and_gives_dutch_messages() {
    let tmp = materialise(&root().join("tests/fixtures/broken/03-phase-typo"));
    let out = check(tmp.path(), &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &json["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["message"], "\"Vorbereidingsfase\" is geen fase van de ladder in koers.yaml");
    assert_eq!(d["hint"], "bedoelt u \"Voorbereidingsfase\"?");
}
