//! The command line itself in Dutch and English: `--help`, `koers help`, the man page, the
//! completions and clap's parse errors, from `locales/{nl,en}/cli.ftl`. (That every command and
//! argument has a text in both catalogues, and no `cli-` message is left over, is checked by the
//! binary's own unit test, `cli::help::tests`, which walks the clap command.)

use crate::common::{koers, run, stderr, stdout};

fn dutch(args: &[&str]) -> std::process::Output {
    run(koers().env("LANG", "nl_NL.UTF-8").args(args))
}

fn assert_no_english(text: &str) {
    for english in
        ["Usage:", "Options:", "Commands:", "Arguments:", "Print help", "Print version", "[default:", "possible values"]
    {
        assert!(!text.contains(english), "{english:?} in Dutch output:\n{text}");
    }
}

#[test]
fn help_is_dutch_with_a_dutch_locale() {
    let o = dutch(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    let help = stdout(&o);
    for dutch in [
        "Gebruik: koers [OPTIES] <OPDRACHT>",
        "Opdrachten:",
        "Opties:",
        "Toon deze hulp",
        "Toon de versie",
        "Afsluitcodes: 0 gelukt",
        "Controleer de gegevens",
    ] {
        assert!(help.contains(dutch), "{dutch:?} not in:\n{help}");
    }
    assert_no_english(&help);

    let help = stdout(&dutch(&["build-report", "--help"]));
    for dutch in [
        "Gebruik: koers build-report [OPTIES]",
        "Opties:",
        "--period <PERIODE>",
        "--out <MAP>",
        "De uitvoermap",
        "[standaard: out]",
        "Mogelijke waarden:",
        "Een getagde PDF",
    ] {
        assert!(help.contains(dutch), "{dutch:?} not in:\n{help}");
    }
    assert_no_english(&help);
}

#[test]
fn help_of_a_command_is_dutch_either_way_asked() {
    let by_command = stdout(&dutch(&["help", "fase"]));
    assert!(by_command.contains("Argumenten:\n  <PROJECT>  Het id van het project"), "{by_command}");
    assert!(by_command.contains("Leg een fasestap vast"), "{by_command}");
    assert_no_english(&by_command);
    assert_eq!(by_command, stdout(&dutch(&["fase", "--help"])));
    let nested = stdout(&dutch(&["help", "project", "new"]));
    assert!(nested.contains("Maak projecten/ID.yaml"), "{nested}");
}

#[test]
fn the_english_help_is_as_it_was() {
    let help = stdout(&run(koers().env("LANG", "nl_NL.UTF-8").args(["--lang", "en", "--help"])));
    for english in [
        "Usage: koers [OPTIONS] <COMMAND>",
        "Commands:",
        "Options:",
        "  -h, --help         Print help",
        "Exit codes: 0 success",
        "  help          Print this message or the help of the given subcommand(s)",
    ] {
        assert!(help.contains(english), "{english:?} not in:\n{help}");
    }
    assert!(!help.contains("Gebruik"), "{help}");
    let fase = stdout(&run(koers().args(["help", "fase"])));
    assert!(fase.contains("Arguments:\n  <PROJECT>  The project's id\n  <FASE>"), "{fase}");
}

#[test]
fn the_man_page_and_completions_are_dutch() {
    let man = stdout(&dutch(&["man"]));
    for dutch in [
        ".SH NAAM",
        ".SH OVERZICHT",
        ".SH BESCHRIJVING",
        ".SH OPTIES",
        ".SH OPDRACHTEN",
        ".SH VERSIE",
        "Toon deze hulp",
        ".SH VERDER",
        "Mogelijke waarden:",
        "Afsluitcodes:",
    ] {
        assert!(man.contains(dutch), "{dutch:?} not in the man page");
    }
    for english in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", "Print help", "Possible values"] {
        assert!(!man.contains(english), "{english:?} in the Dutch man page");
    }
    let english = stdout(&run(koers().arg("man")));
    assert!(english.contains(".SH NAME") && english.contains(".SH SUBCOMMANDS"));
    let fish = stdout(&dutch(&["completions", "fish"]));
    assert!(fish.contains("Controleer de gegevens"), "{fish}");
    assert!(!fish.contains("Validate the data"));
}

#[test]
fn an_unknown_option_is_refused_in_dutch_with_a_suggestion() {
    let o = dutch(&["build-report", "--perod", "2024-H1"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("fout: onbekende optie '--perod'"), "{err}");
    assert!(err.contains("bedoelt u '--period'?"), "{err}");
    assert!(err.contains("Gebruik: koers build-report"), "{err}");
    assert!(!err.contains("error") && !err.contains("Usage"), "{err}");
    let en = run(koers().args(["--lang", "en", "build-report", "--perod", "2024-H1"]));
    assert_eq!(en.status.code(), Some(2));
    assert!(stderr(&en).contains("error: unexpected argument '--perod' found"), "{}", stderr(&en));
    assert!(stderr(&en).contains("tip: a similar argument exists: '--period'"), "{}", stderr(&en));
}

#[test]
fn the_other_parse_errors_are_dutch() {
    let cases: &[(&[&str], &str)] = &[
        (&["bild-report"], "onbekende opdracht 'bild-report'"),
        (
            &["newsletter", "2024-05", "--stdout", "pdf"],
            "ongeldige waarde 'pdf' voor '--stdout <FORMAAT>'\n  [mogelijke waarden: email, html, txt, md]",
        ),
        (&["fase"], "deze verplichte argumenten ontbreken:\n  --sinds <JJJJ-MM>"),
        (&["newsletter", "2024-05", "--new", "--update"], "'--new' kan niet samen met '--update' gebruikt worden"),
        (&["build-report", "--out"], "'--out <MAP>' vraagt om een waarde"),
        (
            &["check", "--date", "2024-13-01"],
            "ongeldige waarde '2024-13-01' voor '--date <DATUM>': \"2024-13-01\" is geen datum",
        ),
        (&["serve", "--port", "70000"], "\"70000\" is geen poort"),
        (&["serve", "--host", "x"], "\"x\" is geen IP-adres"),
        (
            &["fase", "p", "x", "--sinds", "juli"],
            "ongeldige waarde 'juli' voor '--sinds <JJJJ-MM>': \"juli\" is geen maand",
        ),
        // A month in words gets the month to write, as in the data.
        (
            &["fase", "p", "x", "--sinds", "juli 2024"],
            "\"juli 2024\" is geen maand: schrijf die als JJJJ-MM, bijvoorbeeld 2024-03; bedoelt u 2024-07?",
        ),
        (&["project", "einde", "p", "dec 2026"], "; bedoelt u 2026-12?"),
        (&["newsletter", "april 2025"], "\"april 2025\" is geen editie"),
        (&["newsletter", "april 2025"], "; bedoelt u 2025-04?"),
    ];
    for (args, expected) in cases {
        let o = dutch(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.starts_with("fout: "), "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {expected:?} not in:\n{err}");
        assert!(err.contains("Meer informatie: probeer '--help'."), "{err}");
    }
}

#[test]
fn koers_lang_chooses_and_a_language_koers_lacks_is_refused() {
    let help = stdout(&run(koers().env("KOERS_LANG", "nl").arg("--help")));
    assert!(help.contains("Gebruik:") && help.contains("Toon deze hulp"), "{help}");
    let o = run(koers().args(["fase", "p", "x", "--sinds", "jul 2024"]));
    assert!(
        stderr(&o).contains("\"jul 2024\" is not a month: write it as YYYY-MM, e.g. 2024-03; did you mean 2024-07?")
    );
    let o = run(koers().args(["--lang", "xx", "check"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("invalid value 'xx' for '--lang <LANG>'"), "{}", stderr(&o));
    let o = dutch(&["--lang", "xx", "check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("ongeldige waarde 'xx' voor '--lang <TAAL>'"), "{}", stderr(&o));
}
