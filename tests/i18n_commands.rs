//! Issue #23: the commands' own messages in Dutch in a Dutch locale (refusals, notes, the status
//! table, `koers changes`, `koers init`, the counted warnings of a build), and in English with
//! `--lang en` — run on copies of the real data and of the fixtures.

use crate::common;

use common::{copy_dir, fixture, git_at, koers, root, run, snapshot, stderr, stdout};
use std::path::Path;
use std::process::{Command, Output};

/// koers in a Dutch locale.
fn koers_nl() -> Command {
    let mut cmd = koers();
    cmd.env("LANG", "nl_NL.UTF-8");
    cmd
}

/// A copy of data/; commands run there with `--data data`.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), &dir.path().join("data"));
    dir
}

fn in_dir(mut cmd: Command, dir: &Path, args: &[&str]) -> Output {
    run(cmd.current_dir(dir).args(args).args(["--data", "data"]))
}

#[test]
fn an_unknown_project_is_refused_in_dutch_with_a_suggestion() {
    let ws = workspace();
    let before = snapshot(ws.path());
    let args = ["fase", "valpreventy", "Realisatiefase", "--sinds", "2024-10"];
    let o = in_dir(koers_nl(), ws.path(), &args);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "fout: er is geen project \"valpreventy\" (geen bestand projecten/valpreventy.yaml)\n  \
         tip: bedoelt u \"valpreventie\"?\ner is niets geschreven\n"
    );
    // The same in English with --lang en, whatever the locale.
    let o = in_dir(koers_nl(), ws.path(), &[&args[..], &["--lang", "en"]].concat());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "error: there is no project \"valpreventy\" (no file projecten/valpreventy.yaml)\n  \
         hint: did you mean \"valpreventie\"?\nnothing was written\n"
    );
    // An unknown phase and an unknown themalijn likewise.
    let o = in_dir(koers_nl(), ws.path(), &["fase", "valpreventie", "Realisatiefse", "--sinds", "2024-10"]);
    assert!(
        stderr(&o).contains("fout: \"Realisatiefse\" is geen fase\n  tip: bedoelt u \"Realisatiefase\"?"),
        "{}",
        stderr(&o)
    );
    let new = ["project", "new", "nieuw", "--themalijn", "oudren", "--naam", "X", "--start", "2025-01"];
    let o = in_dir(koers_nl(), ws.path(), &new);
    assert!(
        stderr(&o).contains("fout: er is geen themalijn \"oudren\"\n  tip: bedoelt u \"ouderen\"?"),
        "{}",
        stderr(&o)
    );
    assert_eq!(snapshot(ws.path()), before, "a refused command wrote something");
}

#[test]
fn a_step_back_without_a_reason_is_refused_in_dutch() {
    let ws = workspace();
    let args = ["fase", "valpreventie", "Initiatiefase", "--sinds", "2024-10"];
    let o = in_dir(koers_nl(), ws.path(), &args);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("terug naar Initiatiefase is een stap terug, en een stap terug heeft een reden nodig\n"),
        "{err}"
    );
    assert!(err.contains("  tip: geef die op met --reden \"...\" (de reden staat in de rapportage)\n"), "{err}");
    assert!(!err.contains("step back") && !err.contains("hint"), "English left in: {err}");
    let o = in_dir(koers(), ws.path(), &[&args[..], &["--lang", "en"]].concat());
    let err = stderr(&o);
    assert!(err.contains("back to Initiatiefase is a step back, and a step back needs a reason\n"), "{err}");
    assert!(err.contains("  hint: give it with --reden \"...\" (it is shown in the rapportage)\n"), "{err}");
}

#[test]
fn a_recorded_change_is_reported_in_dutch() {
    let ws = workspace();
    let args = ["fase", "valpreventie", "Realisatiefase", "--sinds", "2024-10"];
    let o = in_dir(koers_nl(), ws.path(), &[&args[..], &["--dry-run"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).ends_with("proefrun: er is niets geschreven\n"), "{}", stdout(&o));
    let o = in_dir(koers_nl(), ws.path(), &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains(": valpreventie: Realisatiefase sinds 2024-10\n"), "{}", stdout(&o));
    // Once more: nothing to change.
    let o = in_dir(koers_nl(), ws.path(), &args);
    let err = stderr(&o);
    assert!(err.contains("fout: valpreventie heeft al een fasestap in 2024-10\n  tip: pas die stap aan in "), "{err}");
    let o = in_dir(koers(), ws.path(), &args);
    assert!(
        stderr(&o).contains("error: valpreventie already records a phase step in 2024-10\n  hint: edit that step in ")
    );
}

#[test]
fn a_missing_edition_is_refused_in_dutch() {
    let ws = workspace();
    let o = in_dir(koers_nl(), ws.path(), &["newsletter", "2099-01"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.starts_with("fout: er is geen editie 2099-01: "), "{err}");
    assert!(err.contains("bestaat niet\n  tip: maak er een concept van met `koers newsletter 2099-01 --new`"), "{err}");
    let o = in_dir(koers_nl(), ws.path(), &["newsletter", "2099-01", "--update"]);
    assert!(
        stderr(&o).contains("fout: er is geen editie 2099-01 (geen bestand nieuwsbrief/2099-01.yaml)"),
        "{}",
        stderr(&o)
    );
    let o = in_dir(koers(), ws.path(), &["newsletter", "2099-01"]);
    assert!(stderr(&o).contains("hint: draft it with `koers newsletter 2099-01 --new`"), "{}", stderr(&o));
}

#[test]
fn the_status_table_has_its_headings_in_both_languages() {
    let tmp = fixture();
    for lang in ["nl", "en"] {
        let o = run(koers_nl().current_dir(tmp.path()).args(["status", "--lang", lang]));
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let table = stdout(&o);
        let rows: Vec<Vec<&str>> =
            table.lines().map(|l| l.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect()).collect();
        // The words of the data, which the secretary reads, in both.
        assert_eq!(rows[0], ["project", "themalijn", "fase", "sinds", "start", "einde", "resultaten"], "{table}");
        assert_eq!(rows[2][3], "per 2024-06", "{table}");
    }
}

#[test]
fn changes_are_listed_in_dutch() {
    let tmp = fixture();
    let d = tmp.path();
    let data = d.join("data");
    // Not in a git repository: an error in Dutch.
    let o = run(koers_nl().args(["changes", "--since", "HEAD", "--data"]).arg(&data));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("fout: koers changes werkt alleen als de gegevensmap in een git-repository staat"),
        "{}",
        stderr(&o)
    );
    git_at(d, &["init", "-q", "-b", "main"], "2024-09-01T10:00:00Z");
    git_at(d, &["add", "."], "2024-09-01T10:00:00Z");
    git_at(d, &["commit", "-q", "-m", "eerste"], "2024-09-01T10:00:00Z");
    let o = run(koers_nl().args(["changes", "--since", "HEAD", "--data"]).arg(&data));
    assert_eq!(stdout(&o), "Geen wijzigingen in de gegevens sinds HEAD.\n", "{}", stderr(&o));
    let p = data.join("projecten/fietsen.yaml");
    let changed = std::fs::read_to_string(&p).unwrap().replace(
        "fasen:\n  - fase: Initiatiefase\n    periode: 2024-H1\n",
        "fasen:\n  - fase: Initiatiefase\n    sinds: 2024-01\n  - fase: Definitiefase\n    sinds: 2024-06\n",
    ) + "  - periode: 2024-H1\n    tekst: De tweede fietsroute is open.\n";
    std::fs::write(&p, changed).unwrap();
    let o = run(koers_nl().args(["changes", "--since", "HEAD", "--data"]).arg(&data));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "Wijzigingen in de gegevens sinds HEAD:\n\
         - fase: Fietsen: Initiatiefase → Definitiefase (sinds 2024-06)\n\
         - resultaat (rapportage 2024-H1): Fietsen: De tweede fietsroute is open.\n"
    );
    let o = run(koers_nl().args(["changes", "--lang", "en", "--since", "HEAD", "--data"]).arg(&data));
    assert_eq!(
        stdout(&o),
        "Changes in the data since HEAD:\n\
         - phase: Fietsen: Initiatiefase → Definitiefase (since 2024-06)\n\
         - result (rapportage 2024-H1): Fietsen: De tweede fietsroute is open.\n"
    );
}

#[test]
fn init_speaks_dutch_in_a_dutch_locale_and_english_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notities.txt"), "van mij").unwrap();
    let args = ["init", ".", "--naam", "X", "--regio", "Y", "--project-start", "2025-01"];
    let o = run(koers_nl().current_dir(dir.path()).args(args));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "fout: . is niet leeg (er staat 1 bestand of map in); koers init schrijft alleen in een nieuwe of lege map, \
         zodat het niets overschrijft\n  tip: geef een nieuwe map, bijvoorbeeld: koers init mijn-programma --naam … --regio …\n"
    );
    let o = run(koers().current_dir(dir.path()).args(args));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).starts_with("error: . is not empty (it holds 1 file or directory); "), "{}", stderr(&o));
    assert!(stderr(&o).contains("\n  hint: give a new directory, for example: "), "{}", stderr(&o));
    // A file is no directory.
    let o = run(koers_nl().current_dir(dir.path()).args([
        "init",
        "notities.txt",
        "--naam",
        "X",
        "--regio",
        "Y",
        "--project-start",
        "2025-01",
    ]));
    assert_eq!(stderr(&o), "fout: notities.txt is geen map\n  tip: geef een nieuwe of een lege map\n");
    // A programme that would not validate: its diagnostics, then one line; nothing written.
    let new = dir.path().join("nieuw");
    let invalid =
        ["init", "nieuw", "--naam", "X", "--regio", "Y", "--project-start", "2025-01", "--website", "geen-url"];
    let o = run(koers_nl().current_dir(dir.path()).args(invalid));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o)
            .ends_with("fout: het nieuwe programma zou niet geldig zijn (zie hierboven); er is niets geschreven\n"),
        "{}",
        stderr(&o)
    );
    assert!(!new.exists());
    let o = run(koers().current_dir(dir.path()).args(invalid));
    assert!(
        stderr(&o).ends_with("error: the new programme would not be valid (see above); nothing was written\n"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_build_counts_the_warnings_about_the_data_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let data = root().join("data");
    let check = run(koers().args(["check", "--data-only", "--data"]).arg(&data));
    let summary = stderr(&check).lines().last().unwrap().to_string();
    let n: usize = summary.strip_prefix("0 errors, ").unwrap().split(' ').next().unwrap().parse().unwrap();
    assert!(n > 1, "{summary}");
    let o =
        run(koers_nl().current_dir(dir.path()).args(["newsletter", "2025-04", "--out", "out", "--data"]).arg(&data));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), format!("{n} waarschuwingen in de gegevens (`koers check` toont ze)\n"));
    let o = run(koers_nl()
        .current_dir(dir.path())
        .args(["newsletter", "2025-04", "--lang", "en", "--out", "out-en", "--data"])
        .arg(&data));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), format!("{n} warnings in the data (run `koers check` to see them)\n"));
}

/// What a command writes into a data file does not depend on who ran it: the comments it adds
/// are Dutch, as the data is, in an English session too (only its messages change).
#[test]
fn the_comments_written_into_data_are_dutch_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), &dir.path().join("data"));
    let args = ["rapportage", "new", "2024-H2", "--dry-run"];
    let nl = run(koers_nl().current_dir(dir.path()).args(args));
    let en = run(koers().current_dir(dir.path()).args(args));
    let diff = |o: &Output| stdout(o).lines().filter(|l| l.starts_with('+')).map(str::to_string).collect::<Vec<_>>();
    assert_eq!(diff(&nl), diff(&en));
    assert!(diff(&en).iter().any(|l| l.contains("# De teksten van deze rapportage, in Markdown.")), "{}", stdout(&en));
    assert!(
        stdout(&nl).contains("proefrun: er is niets geschreven")
            && stdout(&en).contains("dry run: nothing was written")
    );
}
