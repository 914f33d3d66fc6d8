//! Issue #23 points 4, 5 and 6: `koers newsletter` as the communications officer meets it — its
//! warnings counted, a missing edition answered with `--new`, `--new --dry-run`, results recorded
//! after the draft added by `--update` (and by `koers resultaat --editie`), `--stdout` offering
//! only what it prints, and a pasted e-mail that never refers to an image it cannot load.

use crate::common;

use common::{copy_dir, edit, fixture, koers, root, run, snapshot, stderr, stdout};

#[test]
fn the_warnings_of_the_data_are_counted_not_printed() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(koers()
        .current_dir(dir.path())
        .args(["newsletter", "2025-04", "--data"])
        .arg(root().join("data"))
        .args(["--out", "out"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The real data has warnings (`koers check` shows them): one line counts them.
    let check = run(koers().args(["check", "--data-only", "--data"]).arg(root().join("data")));
    let summary = stderr(&check).lines().last().unwrap().to_string();
    let n: usize = summary.strip_prefix("0 errors, ").unwrap().split(' ').next().unwrap().parse().unwrap();
    assert!(n > 1, "{summary}");
    assert_eq!(stderr(&o), format!("{n} warnings in the data (run `koers check` to see them)\n"));
    // The files written, one a line, though standard output is not a terminal.
    let listed: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
    assert!(listed.contains(&"out/nieuwsbrief/even-bijpraten-2025-04.email.html".to_string()), "{listed:?}");
    for f in &listed {
        assert!(dir.path().join(f).is_file(), "{f} is listed but not written");
    }
    let o = run(koers()
        .current_dir(dir.path())
        .args(["newsletter", "2025-04", "--quiet", "--data"])
        .arg(root().join("data"))
        .args(["--out", "out"]));
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), String::new()));
}

#[test]
fn a_missing_edition_suggests_drafting_it_and_the_draft_can_be_previewed() {
    let tmp = fixture();
    let o = run(koers().current_dir(tmp.path()).args(["newsletter", "2024-06"]));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("hint: draft it with `koers newsletter 2024-06 --new`"), "{}", stderr(&o));
    assert!(!tmp.path().join("out").exists());
    // --new --dry-run: the draft as a diff, nothing written.
    let before = snapshot(tmp.path());
    let o = run(koers().current_dir(tmp.path()).args(["newsletter", "2024-06", "--new", "--dry-run"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("--- /dev/null\n+++ data/nieuwsbrief/2024-06.yaml\n"), "{out}");
    assert!(out.contains("+titel: \"Even bijpraten... Juni 2024\""), "{out}");
    assert!(out.ends_with("dry run: nothing was written\n"), "{out}");
    assert_eq!(snapshot(tmp.path()), before, "--dry-run wrote something");
    // For real: the file, and where it is.
    let o = run(koers().current_dir(tmp.path()).args(["newsletter", "2024-06", "--new"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("data/nieuwsbrief/2024-06.yaml:"), "{}", stdout(&o));
    assert!(tmp.path().join("data/nieuwsbrief/2024-06.yaml").is_file());
}

#[test]
fn results_recorded_after_the_draft_are_added_by_a_command() {
    let tmp = fixture();
    let data = tmp.path().join("data");
    let edition = data.join("nieuwsbrief/2024-05.yaml");
    let koers_in = |args: &[&str]| run(koers().current_dir(tmp.path()).args(args));
    // A result recorded by hand for an edition that exists: the edition no longer validates.
    let long =
        "Een fietsroute langs alle scholen is geopend, met borden die de weg wijzen naar elke school in de regio.";
    let p = data.join("projecten/fietsen.yaml");
    std::fs::write(&p, std::fs::read_to_string(&p).unwrap() + &format!("  - editie: 2024-05\n    tekst: {long}\n"))
        .unwrap();
    assert_eq!(koers_in(&["check", "--data-only"]).status.code(), Some(1));
    let o = koers_in(&["newsletter", "2024-05", "--update"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "data/nieuwsbrief/2024-05.yaml:8: a block for project fietsen: its result recorded for edition 2024-05\n"
    );
    let text = std::fs::read_to_string(&edition).unwrap();
    // After the theme's last block, before "uitgelicht"; the result's text as a comment, cut
    // between words.
    assert!(
        text.contains(
            "  - project: wandelen\n  - project: fietsen\n    # Een fietsroute langs alle scholen is geopend, met borden die de weg wijzen naar elke…\n  - uitgelicht:\n"
        ),
        "{text}"
    );
    let check = koers_in(&["check", "--data-only"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    // Again: nothing to add.
    let o = koers_in(&["newsletter", "2024-05", "--update"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("nothing to change"), "{}", stdout(&o));
    assert_eq!(std::fs::read_to_string(&edition).unwrap(), text);
    // `koers resultaat --editie` for an edition that exists adds the block itself.
    let o = koers_in(&["resultaat", "fietsen-jong", "Jongeren fietsen mee.", "--editie", "2024-05"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("data/nieuwsbrief/2024-05.yaml:10: a block for project fietsen-jong"),
        "{}",
        stdout(&o)
    );
    let check = koers_in(&["check", "--data-only"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn stdout_offers_only_the_formats_it_prints() {
    let help = stdout(&run(koers().args(["newsletter", "--help"])));
    let values = help.split("--stdout <FORMAT>").nth(1).unwrap().split("\n      --").next().unwrap();
    for f in ["email:", "html:", "txt:", "md:"] {
        assert!(values.contains(f), "{values}");
    }
    assert!(!values.contains("pdf"), "--stdout lists pdf: {values}");
    let tmp = fixture();
    let o = run(koers().current_dir(tmp.path()).args(["newsletter", "2024-05", "--stdout", "pdf"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("[possible values: email, html, txt, md]"), "{}", stderr(&o));
}

/// The real data with an April 2025 phase chart (a phase recorded for the edition), and
/// optionally the address its images are online at.
fn april_with_chart(afbeeldingen_url: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&root().join("data"), &data);
    edit(
        &data.join("projecten/zelfstandigheid-lvb.yaml"),
        "    periode: 2024-H1\n",
        "    periode: 2024-H1\n  - fase: Definitiefase\n    editie: 2025-04\n",
    );
    if let Some(url) = afbeeldingen_url {
        let anchor = "  afzender: communicatie@samentwente.nl\n";
        edit(&data.join("koers.yaml"), anchor, &format!("{anchor}  afbeeldingen_url: {url}\n"));
    }
    dir
}

#[test]
fn the_pasted_email_never_refers_to_an_image_it_cannot_load() {
    let png = "even-bijpraten-2025-04-fasen.png";
    let print = |dir: &tempfile::TempDir, format: &str| {
        let o = run(koers().current_dir(dir.path()).args(["newsletter", "2025-04", "--stdout", format]));
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        stdout(&o)
    };
    // Without an address: no image at all, but the chart's description (and, in Markdown, its table).
    let dir = april_with_chart(None);
    let email = print(&dir, "email");
    let html = scraper::Html::parse_document(&email);
    assert_eq!(html.select(&common::sel("img")).count(), 0, "{email}");
    assert!(email.contains("Het programma in één oogopslag"));
    let md = print(&dir, "md");
    assert!(md.contains("## Het programma in één oogopslag") && !md.contains(png), "{md}");
    // With it: the hosted copy, by its full https address.
    let dir = april_with_chart(Some("https://www.example.org/nieuwsbrief"));
    let email = print(&dir, "email");
    let html = scraper::Html::parse_document(&email);
    let srcs: Vec<&str> = html.select(&common::sel("img")).map(|i| i.value().attr("src").unwrap()).collect();
    assert_eq!(srcs, [format!("https://www.example.org/nieuwsbrief/{png}")]);
    assert!(print(&dir, "md").contains(&format!("](https://www.example.org/nieuwsbrief/{png})")));
    // An address that is not https is an error at its place in koers.yaml.
    let dir = april_with_chart(Some("http://www.example.org/nieuwsbrief/"));
    let o = run(koers().current_dir(dir.path()).args(["check", "--data-only"]));
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("\"http://www.example.org/nieuwsbrief/\" is not an https:// address of a folder"), "{err}");
    assert!(err.contains("--> data/koers.yaml:"), "{err}");
}
