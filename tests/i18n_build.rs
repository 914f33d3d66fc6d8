//! What building and previewing say, in Dutch for a Dutch locale and in English with `--lang en`:
//! the output guard's refusals, a broken template, a period koers.yaml does not declare, and the
//! pages of `koers serve` (its error page and its "Not found" page, with `<html lang>` to match).

use crate::common;
use crate::serve::{Server, eventually};
use common::{copy_dir, koers, root, run, stderr};
use std::path::Path;
use std::process::Command;

/// A copy of tests/fixtures/valid as `data/` in a fresh directory.
fn workspace() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/valid"), &tmp.path().join("data"));
    tmp
}

/// koers in Dutch (the locale), from `dir`.
fn dutch(dir: &Path) -> Command {
    let mut cmd = koers();
    cmd.current_dir(dir).env("LANG", "nl_NL.UTF-8");
    cmd
}

/// koers in Dutch's locale, but with `--lang en`.
fn english(dir: &Path) -> Command {
    let mut cmd = dutch(dir);
    cmd.args(["--lang", "en"]);
    cmd
}

const BUILD: &[&str] = &["build-report", "--date", "2024-10-01", "--data", "data"];

#[test]
fn a_directory_koers_did_not_write_is_refused_in_dutch() {
    let tmp = workspace();
    std::fs::create_dir(tmp.path().join("out")).unwrap();
    std::fs::write(tmp.path().join("out/notities.txt"), "van mij").unwrap();

    let o = run(dutch(tmp.path()).args(BUILD).args(["--out", "out"]));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(
            "koers vervangt out niet: de map is niet leeg en heeft geen manifest.json van koers. koers vervangt \
             alleen een map die het zelf heeft geschreven. Kies een andere --out, of geef --force om deze map \
             met alles erin te vervangen"
        ),
        "{err}"
    );
    assert!(!err.contains("refusing"), "English left in the Dutch refusal: {err}");
    assert_eq!(std::fs::read_to_string(tmp.path().join("out/notities.txt")).unwrap(), "van mij");

    let o = run(english(tmp.path()).args(BUILD).args(["--out", "out"]));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "refusing to replace out: it is not empty and has no koers manifest.json. koers replaces only a \
             directory it wrote itself. Choose another --out, or pass --force to replace this directory and \
             everything in it"
        ),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_file_koers_did_not_list_is_named_in_dutch() {
    let tmp = workspace();
    let o = run(dutch(tmp.path()).args(BUILD).args(["--out", "out", "--only", "nieuwsbrief", "--format", "md"]));
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::write(tmp.path().join("out/eigen.txt"), "van mij").unwrap();

    let o = run(dutch(tmp.path()).args(BUILD).args(["--out", "out"]));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("er staan bestanden in die niet in de manifest.json van koers staan (eigen.txt)"),
        "{}",
        stderr(&o)
    );
    let o = run(english(tmp.path()).args(BUILD).args(["--out", "out"]));
    assert!(
        stderr(&o).contains("it holds files that koers' manifest.json does not list (eigen.txt)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_data_directory_is_never_the_output_in_dutch() {
    let tmp = workspace();
    let before = common::snapshot(&tmp.path().join("data"));
    let o = run(dutch(tmp.path()).args(BUILD).args(["--out", "data", "--force"]));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "koers schrijft de uitvoer niet naar data: dat is de gegevensmap, en koers vervangt de uitvoermap in \
             zijn geheel. Kies een andere --out (standaard out/); --force verandert hier niets aan"
        ),
        "{}",
        stderr(&o)
    );
    let o = run(english(tmp.path()).args(BUILD).args(["--out", "data", "--force"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("refusing to write the output to data: it is the data directory"), "{}", stderr(&o));
    assert_eq!(common::snapshot(&tmp.path().join("data")), before);
}

#[test]
fn a_broken_template_is_reported_in_dutch() {
    let tmp = workspace();
    let templates = tmp.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("nieuwsbrief.md"), "{% for x in %}").unwrap();
    std::fs::write(templates.join("nieuwsbrief.text"), "verkeerde naam").unwrap();

    let o = run(dutch(tmp.path()).args(BUILD).args(["--out", "out"]));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("sjabloon *.md: "), "{err}");
    assert!(err.contains("nieuwsbrief.md:1:13"), "the place in the template: {err}");
    assert!(!err.contains("template *.md"), "{err}");
    assert!(!tmp.path().join("out").exists());

    let o = run(english(tmp.path()).args(BUILD).args(["--out", "out"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("template *.md: "), "{}", stderr(&o));

    // The template repaired: the misnamed file is pointed out, in Dutch.
    std::fs::remove_file(templates.join("nieuwsbrief.md")).unwrap();
    let o = run(dutch(tmp.path()).args(BUILD).args(["--out", "out", "--format", "md"]));
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("dit bestand is geen sjabloon dat koers gebruikt; het wordt genegeerd"), "{err}");
    assert!(err.contains("de sjabloonbestanden zijn: "), "{err}");
    let o = run(english(tmp.path()).args(BUILD).args(["--out", "out", "--format", "md"]));
    assert!(stderr(&o).contains("this file is not a template koers uses; it is ignored"), "{}", stderr(&o));
}

#[test]
fn a_period_koers_yaml_does_not_declare_is_refused_in_dutch() {
    let tmp = workspace();
    let o = run(dutch(tmp.path()).args(BUILD).args(["--out", "out", "--period", "2031-H1"]));
    let err = stderr(&o);
    assert!(err.contains("--period 2031-H1: koers.yaml noemt geen rapportage voor 2031-H1"), "{err}");
    assert!(
        err.contains(
            "voeg die toe met `koers rapportage new 2031-H1`, of maak een concept met --draft (gemarkeerd als CONCEPT)"
        ),
        "{err}"
    );
    let o2 = run(english(tmp.path()).args(BUILD).args(["--out", "out", "--period", "2031-H1"]));
    assert_eq!(o.status.code(), o2.status.code(), "the exit code does not depend on the language");
    assert!(stderr(&o2).contains("--period 2031-H1: koers.yaml declares no rapportage for 2031-H1"), "{}", stderr(&o2));
}

/// `koers serve --port 0` over the valid fixture as data/ (laid over by `setup`), in a Dutch
/// locale, in English with `english`: the server and the line it printed after its address.
fn serve(english: bool, setup: impl FnOnce(&Path)) -> (Server, String) {
    let valid = root().join("tests/fixtures/valid");
    let mut env = vec![("LANG", "nl_NL.UTF-8")];
    if english {
        env.push(("KOERS_LANG", "en"));
    }
    let s = Server::launch(
        &[],
        |d| {
            std::fs::remove_dir_all(d.join("data")).unwrap();
            copy_dir(&valid, &d.join("data"));
            setup(d);
        },
        &env,
    );
    assert!(eventually(60, || !s.printed.lock().unwrap().is_empty()), "serve printed no second line");
    let line = s.printed.lock().unwrap()[0].clone();
    (s, line)
}

fn html_lang(page: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(page);
    let html = doc.select(&scraper::Selector::parse("html").unwrap()).next()?;
    html.value().attr("lang").map(str::to_string)
}

fn texts(page: &str, selector: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(page);
    doc.select(&scraper::Selector::parse(selector).unwrap()).map(|e| e.text().collect::<String>()).collect()
}

#[test]
fn serve_says_where_it_is_and_what_is_not_there_in_dutch() {
    let (s, second_line) = serve(false, |_| {});
    assert!(second_line.starts_with("gemaakt in "), "{second_line:?}");
    assert!(second_line.contains("(maakt de documenten opnieuw zodra u opslaat; Ctrl-C stopt)"), "{second_line:?}");
    let (status, page) = s.text("/rapportage/bestaat-niet.html");
    assert_eq!(status, 404);
    assert_eq!(html_lang(&page).as_deref(), Some("nl"), "{page}");
    assert_eq!(texts(&page, "title"), ["Niet gevonden"], "{page}");
    assert!(page.contains("Er is geen document op /rapportage/bestaat-niet.html."), "{page}");
    assert_eq!(texts(&page, "a"), ["Alle documenten"], "{page}");
    drop(s);

    let (s, second_line) = serve(true, |_| {});
    assert!(second_line.starts_with("built in "), "{second_line:?}");
    let (status, page) = s.text("/rapportage/bestaat-niet.html");
    assert_eq!(status, 404);
    assert_eq!(html_lang(&page).as_deref(), Some("en"), "{page}");
    assert_eq!(texts(&page, "title"), ["Not found"], "{page}");
    assert!(page.contains("There is no document at /rapportage/bestaat-niet.html."), "{page}");
    assert_eq!(texts(&page, "a"), ["All documents"], "{page}");
}

#[test]
fn serve_shows_invalid_data_in_dutch() {
    let phase_typo = |d: &Path| {
        copy_dir(&root().join("tests/fixtures/broken/03-phase-typo"), &d.join("data"));
        std::fs::remove_file(d.join("data/expected.txt")).unwrap();
    };
    let (s, _) = serve(false, phase_typo);
    for path in ["/", "/rapportage/wat-dan-ook.html"] {
        let (status, page) = s.text(path);
        assert_eq!(status, 500, "{path}");
        assert_eq!(html_lang(&page).as_deref(), Some("nl"), "{path}: {page}");
        assert_eq!(texts(&page, "h1"), ["De gegevens bevatten 1 fout"], "{path}");
        assert_eq!(texts(&page, "title"), ["koers: De gegevens bevatten 1 fout"], "{path}");
        assert!(
            page.contains(
                "Elke pagina toont dit totdat het probleem is opgelost; de pagina laadt vanzelf opnieuw wanneer u opslaat."
            ),
            "{path}: {page}"
        );
        let severities = texts(&page, "li > strong");
        assert_eq!(severities.first().map(String::as_str), Some("fout"), "{path}: {severities:?}");
        assert!(severities.iter().all(|s| s == "fout" || s == "waarschuwing"), "{path}: {severities:?}");
        let summary = texts(&page, "main > p.summary");
        assert!(summary.len() == 1 && summary[0].starts_with("1 fout, "), "{path}: {summary:?}");
    }
    drop(s);

    let (s, _) = serve(true, phase_typo);
    let (status, page) = s.text("/");
    assert_eq!(status, 500);
    assert_eq!(html_lang(&page).as_deref(), Some("en"), "{page}");
    assert_eq!(texts(&page, "h1"), ["The data has 1 error"]);
    assert!(page.contains("Every page shows this until the problem is fixed; it reloads by itself when you save."));
    assert_eq!(texts(&page, "li > strong").first().map(String::as_str), Some("error"));
}

/// The worker the preview renders in is another process: it speaks the server's language too
/// (a page the worker made says so in Dutch).
#[test]
fn a_template_error_in_the_preview_is_in_dutch() {
    let (s, _) = serve(false, |d| {
        std::fs::create_dir_all(d.join("templates")).unwrap();
        std::fs::write(d.join("templates/nieuwsbrief.md"), "{% for x in %}").unwrap();
    });
    let (status, page) = s.text("/");
    assert_eq!(status, 500);
    assert_eq!(html_lang(&page).as_deref(), Some("nl"), "{page}");
    assert_eq!(texts(&page, "h1"), ["Een document kon niet worden gemaakt"], "{page}");
    assert!(page.contains("sjabloon *.md: "), "{page}");
}
