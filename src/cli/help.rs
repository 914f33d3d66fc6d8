//! The command line's words in the language of the run: every command's about, every flag's and
//! argument's help, the possible values' help and the exit codes text come from the catalogue
//! (`locales/{nl,en}/cli.ftl`), by an id composed of the command path and the part
//! (`cli-build-report-about`, `cli-build-report-out`, `cli-value-format-pdf`), applied to the
//! clap [`Command`] by one walk ([`command`]) — so `--help`, `koers help`, the man page and the
//! completions all follow. Clap's own words (the `--help`/`--version` flags, the `help` command,
//! the section headings, `[default: …]`) are set or rewritten here too, and its parse errors are
//! rendered in Dutch by [`render_error`].

use crate::cli::flags::Cli;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Command, CommandFactory};
use koers::core::i18n::{self, Arg as Value, Lang};
use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;

thread_local! {
    /// The language of the command being built (`Cli::command()` reads it through [`value_help`]).
    static BUILDING: Cell<Option<Lang>> = const { Cell::new(None) };
    /// The ids looked up, for the catalogue check of the tests.
    static USED: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
    /// The values whose help the catalogue lacks.
    static MISSING_VALUES: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// The catalogue text `id` in `lang`, if the catalogue has it.
fn lookup(lang: Lang, id: &str) -> Option<String> {
    USED.with(|u| u.borrow_mut().insert(id.to_string()));
    i18n::has_message(lang, id).then(|| i18n::message_in(lang, id, &[]))
}

fn lang_now() -> Lang {
    BUILDING.with(Cell::get).unwrap_or_else(i18n::language)
}

/// A catalogue id from words: lowercase, anything but letters and digits a hyphen.
fn id_of(parts: &[&str]) -> String {
    let mut id = String::from("cli");
    for p in parts.iter().filter(|p| !p.is_empty()) {
        id.push('-');
        for c in p.chars() {
            let c = if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' };
            if c != '-' || !id.ends_with('-') {
                id.push(c);
            }
        }
        while id.ends_with('-') {
            id.pop();
        }
    }
    id
}

/// `DiagnosticFormat` → `diagnostic-format`.
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// The help of the value `name` of the closed set `T` (`cli-value-<set>-<name>`), for
/// [`choice`](crate::cli::flags), from the catalogue (a value it lacks fails the catalogue test).
pub(crate) fn value_help<T>(name: &str) -> String {
    let set = std::any::type_name::<T>().rsplit("::").next().unwrap_or_default();
    let id = id_of(&["value", &kebab(set), name]);
    lookup(lang_now(), &id).unwrap_or_else(|| {
        MISSING_VALUES.with(|m| m.borrow_mut().insert(id.clone()));
        i18n::message_in(lang_now(), &id, &[])
    })
}

/// The command line in `lang`: every text from the catalogue, built (help subcommands and flags
/// made), with clap's own words in `lang`. `bin_name` is the name usage lines show.
pub(crate) fn command(lang: Lang, bin_name: &str) -> Command {
    built(lang, bin_name, true)
}

/// The command line for the man page and the completions: as [`command`], but clap's notes
/// (`[default: …]`, the possible values) left to them, as in English.
pub(crate) fn command_for_pages(lang: Lang) -> Command {
    built(lang, "koers", false)
}

fn built(lang: Lang, bin_name: &str, notes: bool) -> Command {
    let previous = BUILDING.with(|b| b.replace(Some(lang)));
    let cmd = Cli::command();
    BUILDING.with(|b| b.set(previous));
    let mut cmd = texts(cmd, &[], lang).bin_name(bin_name.to_string());
    cmd.build();
    clap_words(cmd, lang, notes)
}

/// The catalogue's about, help and after-help on a command and its arguments, recursively.
fn texts(mut cmd: Command, path: &[String], lang: Lang) -> Command {
    let words: Vec<&str> = path.iter().map(String::as_str).collect();
    let part = |last: &str| {
        let mut w = words.clone();
        w.push(last);
        id_of(&w)
    };
    if let Some(about) = lookup(lang, &part("about")) {
        cmd = cmd.about(about);
    }
    if let Some(after) = lookup(lang, &part("after-help")) {
        cmd = cmd.after_help(after);
    }
    // Every argument in turn (clap moves a changed one to the end: changing all keeps the order).
    // A hidden command takes no shared text: only what its own ids say.
    let hidden = cmd.is_hide_set();
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for arg in ids {
        let text =
            lookup(lang, &part(&arg)).or_else(|| if hidden { None } else { lookup(lang, &id_of(&["arg", &arg])) });
        cmd = cmd.mut_arg(&arg, |a| match text {
            Some(text) => a.help(text),
            None => a,
        });
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for sub in subs {
        let mut p = path.to_vec();
        p.push(sub.clone());
        cmd = cmd.mut_subcommand(&sub, |s| texts(s, &p, lang));
    }
    cmd
}

/// Clap's own words on a built command: the `-h`/`-V` flags' and the `help` command's help, and
/// in Dutch the section headings and the usage heading.
fn clap_words(mut cmd: Command, lang: Lang, notes: bool) -> Command {
    let t = |id: &str| i18n::message_in(lang, id, &[]);
    // A heading is a `&'static str` to clap (without its `string` feature): made once a run.
    let leak = |id: &str| -> &'static str { Box::leak(t(id).into_boxed_str()) };
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |mut a| {
            let help = a.get_help().map(|h| h.to_string());
            let replaced = match (id.as_str(), help.as_deref()) {
                ("help", Some("Print help")) => Some("cli-help-flag"),
                ("help", Some("Print help (see more with '--help')")) => Some("cli-help-flag-more"),
                ("version", Some("Print version")) => Some("cli-version-flag"),
                ("subcommand", Some("Print help for the subcommand(s)")) => Some("cli-help-command-arg"),
                _ => None,
            };
            if let Some(m) = replaced {
                a = a.help(t(m));
            }
            if id == "help" && a.get_long_help().is_some() {
                a = a.long_help(t("cli-help-flag-summary"));
            }
            if let Some(names) = value_names(&a, lang) {
                a = a.value_names(names.into_iter().map(|n| -> &'static str { Box::leak(n.into_boxed_str()) }));
            }
            if lang != Lang::En {
                let heading = if a.is_positional() { "cli-heading-arguments" } else { "cli-heading-options" };
                a = a.help_heading(leak(heading));
                if let Some(index) = a.get_index() {
                    // Under a heading of their own, arguments are listed by display order.
                    a = a.display_order(index);
                }
                if notes {
                    a = inline_notes(a, lang);
                }
            }
            a
        });
    }
    if lang != Lang::En {
        let usage = t("cli-heading-usage");
        let bold = *cmd.get_styles().get_usage();
        cmd = cmd
            .subcommand_help_heading(leak("cli-heading-commands"))
            .subcommand_value_name(leak("cli-value-name-command"))
            .help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{bold}{usage}:{bold:#} {{usage}}\n\n{{all-args}}{{after-help}}"
            ));
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(&sub, |mut s| {
            if sub == "help" && s.get_about().map(|a| a.to_string()).as_deref() == Some(HELP_ABOUT) {
                s = s.about(t("cli-help-command"));
            }
            clap_words(s, lang, notes)
        });
    }
    cmd
}

/// The placeholders of an argument's values (`<DIR>`, `<YYYY-MM>`) in `lang`:
/// `cli-value-name-<name>`, where the catalogue has it.
fn value_names(a: &clap::Arg, lang: Lang) -> Option<Vec<String>> {
    let names = a.get_value_names()?;
    let translated: Vec<String> = names
        .iter()
        .map(|n| lookup(lang, &id_of(&["value-name", n.as_str()])).unwrap_or_else(|| n.to_string()))
        .collect();
    (translated.iter().zip(names).any(|(t, n)| t != n.as_str())).then_some(translated)
}

/// Clap's notes after an argument's help (`[default: …]`, `[possible values: …]`, `[env: …]`)
/// written into the help in `lang` instead, so they wrap with it.
fn inline_notes(mut a: clap::Arg, lang: Lang) -> clap::Arg {
    let t = |id: &str| i18n::message_in(lang, id, &[]);
    let Some(help) = a.get_help().map(|h| h.to_string()) else { return a };
    // As clap orders them: the environment variable, the default, the possible values.
    let mut notes = Vec::new();
    if let Some(env) = a.get_env().filter(|_| !a.is_hide_env_set()) {
        notes.push(format!("{}{}]", t("cli-inline-env"), env.to_string_lossy()));
        a = a.hide_env(true);
    }
    let defaults: Vec<String> = a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() && !a.is_hide_default_value_set() && a.get_action().takes_values() {
        notes.push(format!("{}{}]", t("cli-inline-default"), defaults.join(", ")));
        a = a.hide_default_value(true);
    }
    let values = a.get_possible_values();
    let shown: Vec<&clap::builder::PossibleValue> = values.iter().filter(|v| !v.is_hide_set()).collect();
    // The long help lists values that have help, one a line, instead of naming them.
    let mut list = String::new();
    let mut long_notes = notes.clone();
    if a.get_action().takes_values() && !a.is_hide_possible_values_set() && !shown.is_empty() {
        let names: Vec<&str> = shown.iter().map(|v| v.get_name()).collect();
        let note = format!("{}{}]", t("cli-inline-possible-values"), names.join(", "));
        if shown.iter().any(|v| v.get_help().is_some()) {
            let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0) + 1;
            list = format!("\n\n{}", t("cli-inline-possible-values-list"));
            for v in &shown {
                let help = v.get_help().map(|h| h.to_string()).unwrap_or_default();
                list.push_str(&format!("\n- {:<width$} {help}", format!("{}:", v.get_name())));
            }
        } else {
            long_notes.push(note.clone());
        }
        notes.push(note);
        a = a.hide_possible_values(true);
    }
    if notes.is_empty() {
        return a;
    }
    let short = format!("{help} {}", notes.join(" "));
    let mut long = format!("{help}{list}");
    if !long_notes.is_empty() {
        long.push_str("\n\n");
        long.push_str(&long_notes.join("\n"));
    }
    a.help(short).long_help(long)
}

const HELP_ABOUT: &str = "Print this message or the help of the given subcommand(s)";

/// Clap's words inside its rendered help and man page (the defaults, the possible values, the
/// environment variable, the usage's `[OPTIONS]`), in Dutch; English as it is.
pub(crate) fn clap_inline_words(text: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    let t = |id: &str| i18n::message_in(lang, id, &[]);
    let mut out = text.to_string();
    for (en, id) in [
        ("[default: ", "cli-inline-default"),
        ("[possible values: ", "cli-inline-possible-values"),
        ("Possible values:", "cli-inline-possible-values-list"),
        ("[env: ", "cli-inline-env"),
        ("[aliases: ", "cli-inline-aliases"),
        ("[alias: ", "cli-inline-alias"),
        ("[OPTIONS]", "cli-inline-options"),
        ("[options]", "cli-inline-options-man"),
        ("<subcommands>", "cli-inline-subcommands-man"),
    ] {
        out = out.replace(en, &t(id));
    }
    out
}

/// The man page's section titles (`.SH NAME` …) in `lang`, and clap's inline words.
pub(crate) fn man_page(roff: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return roff.to_string();
    }
    let t = |id: &str| i18n::message_in(lang, id, &[]);
    let mut out = String::with_capacity(roff.len());
    for line in clap_inline_words(roff, lang).split_inclusive('\n') {
        let title = line.strip_prefix(".SH ").map(|l| l.trim_end());
        let id = match title {
            Some("NAME") => Some("cli-manpage-name"),
            Some("SYNOPSIS") => Some("cli-manpage-synopsis"),
            Some("DESCRIPTION") => Some("cli-manpage-description"),
            Some("OPTIONS") => Some("cli-manpage-options"),
            Some("SUBCOMMANDS") => Some("cli-manpage-subcommands"),
            // clap_mangen titles the commands with their help heading.
            Some(h) if h == t("cli-heading-commands") => Some("cli-manpage-subcommands"),
            Some("EXTRA") => Some("cli-manpage-extra"),
            Some("VERSION") => Some("cli-manpage-version"),
            Some("AUTHORS") => Some("cli-manpage-authors"),
            _ => None,
        };
        match id {
            Some(id) => {
                out.push_str(".SH ");
                out.push_str(&t(id));
                out.push('\n');
            }
            None => out.push_str(line),
        }
    }
    out
}

/// Remove ANSI styling (for output that is not a terminal, or `NO_COLOR`).
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn styled(text: &str, to_stderr: bool) -> String {
    use std::io::IsTerminal;
    let terminal = if to_stderr { std::io::stderr().is_terminal() } else { std::io::stdout().is_terminal() };
    if crate::cli::cmd::color_on(terminal) { text.to_string() } else { plain(text) }
}

/// Print a clap error (or the help or version it carries) in `lang`: English as clap prints it;
/// Dutch rendered here from the error's kind and context.
pub(crate) fn print_error(e: &clap::Error, lang: Lang) {
    use std::io::Write;
    if lang == Lang::En {
        let _ = e.print();
        return;
    }
    let to_stderr = e.use_stderr();
    let text = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            clap_inline_words(&e.render().ansi().to_string(), lang)
        }
        _ => render_error(e, lang),
    };
    let text = styled(&text, to_stderr);
    if to_stderr {
        let _ = write!(std::io::stderr(), "{text}");
    } else {
        let _ = write!(std::io::stdout(), "{text}");
    }
}

fn context_str(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => v.first().map(|s| s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn context_list(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
        _ => Vec::new(),
    }
}

fn quoted(list: &[String]) -> String {
    list.iter().map(|v| format!("'{v}'")).collect::<Vec<_>>().join(", ")
}

/// A clap parse error in `lang`, from its kind and context: what is wrong, a suggestion, the
/// usage and where to read more. A kind without a message of its own keeps clap's sentence in a
/// Dutch frame.
pub(crate) fn render_error(e: &clap::Error, lang: Lang) -> String {
    let t = |id: &str, args: &[(&str, Value<'_>)]| i18n::message_in(lang, id, args);
    let s = |v: &str| Value::from(v.to_string());
    let mut tips: Vec<String> = Vec::new();
    let message = error_message(e, lang, &mut tips);
    // Clap's colours: the label as its "error:", the heading as its "Usage:".
    let styles = clap::builder::Styles::styled();
    let (red, bold) = (*styles.get_error(), *styles.get_usage());
    let mut out = format!("{red}{}:{red:#} {message}\n", t("cli-error-label", &[]));
    for tip in &tips {
        out.push_str(&format!("\n  {}\n", t("cli-error-tip", &[("tip", s(tip))])));
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = plain(&usage.to_string());
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        let heading = t("cli-heading-usage", &[]);
        out.push_str(&format!("\n{bold}{heading}:{bold:#} {}\n", clap_inline_words(usage, lang)));
    }
    out.push_str(&format!("\n{}\n", t("cli-error-more", &[])));
    out
}

/// What is wrong, in `lang`, by the error's kind; suggestions go to `tips`.
fn error_message(e: &clap::Error, lang: Lang, tips: &mut Vec<String>) -> String {
    let t = |id: &str, args: &[(&str, Value<'_>)]| i18n::message_in(lang, id, args);
    let s = |v: &str| Value::from(v.to_string());
    let arg = context_str(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context_str(e, ContextKind::InvalidValue).unwrap_or_default();
    let valid = context_list(e, ContextKind::ValidValue);
    match e.kind() {
        ErrorKind::UnknownArgument => {
            for suggested in context_list(e, ContextKind::SuggestedArg) {
                tips.push(t("cli-error-did-you-mean", &[("suggestion", s(&suggested))]));
            }
            if arg.starts_with('-') {
                t("cli-error-unknown-option", &[("arg", s(&arg))])
            } else {
                t("cli-error-unexpected-argument", &[("arg", s(&arg))])
            }
        }
        ErrorKind::InvalidSubcommand => {
            for suggested in context_list(e, ContextKind::SuggestedSubcommand) {
                tips.push(t("cli-error-did-you-mean", &[("suggestion", s(&suggested))]));
            }
            let command = context_str(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            t("cli-error-unknown-command", &[("command", s(&command))])
        }
        ErrorKind::InvalidValue if value.is_empty() => t("cli-error-value-missing", &[("arg", s(&arg))]),
        ErrorKind::InvalidValue => {
            let mut m = t("cli-error-invalid-value", &[("value", s(&value)), ("arg", s(&arg))]);
            if !valid.is_empty() {
                m.push('\n');
                m.push_str(&t("cli-error-accepted-values", &[("values", s(&valid.join(", ")))]));
            }
            for suggested in context_list(e, ContextKind::SuggestedValue) {
                tips.push(t("cli-error-did-you-mean", &[("suggestion", s(&suggested))]));
            }
            m
        }
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(e).map(|r| r.to_string()).unwrap_or_default();
            t("cli-error-value-refused", &[("value", s(&value)), ("arg", s(&arg)), ("reason", s(&reason))])
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = context_list(e, ContextKind::InvalidArg);
            let mut m = t("cli-error-missing-required", &[("count", Value::from(missing.len()))]);
            for a in &missing {
                m.push_str("\n  ");
                m.push_str(a);
            }
            m
        }
        ErrorKind::MissingSubcommand => t("cli-error-missing-command", &[]),
        ErrorKind::ArgumentConflict => {
            let others = context_list(e, ContextKind::PriorArg);
            if others.is_empty() {
                t("cli-error-conflict-self", &[("arg", s(&arg))])
            } else {
                t("cli-error-conflict", &[("arg", s(&arg)), ("other", s(&quoted(&others)))])
            }
        }
        ErrorKind::NoEquals => t("cli-error-no-equals", &[("arg", s(&arg))]),
        ErrorKind::TooManyValues => t("cli-error-too-many-values", &[("value", s(&value)), ("arg", s(&arg))]),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            t("cli-error-wrong-number-of-values", &[("arg", s(&arg))])
        }
        ErrorKind::InvalidUtf8 => t("cli-error-invalid-utf8", &[]),
        _ => {
            // Clap's own sentence (its first line, without "error: ").
            let own = plain(&e.render().to_string());
            let first = own.lines().next().unwrap_or_default();
            let first = first.strip_prefix("error: ").unwrap_or(first).to_string();
            t("cli-error-other", &[("message", s(&first))])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command (but the hidden ones), every argument and every possible value with help
    /// has a non-empty text in both languages from the catalogue, and every `cli-` id of the
    /// catalogues is used by a command, an argument, a value or a literal in src/cli.
    #[test]
    fn every_command_and_argument_has_help_in_both_languages_and_no_cli_message_is_left_over() {
        USED.with(|u| u.borrow_mut().clear());
        MISSING_VALUES.with(|m| m.borrow_mut().clear());
        for lang in Lang::ALL {
            let cmd = command(lang, "koers");
            walk(&cmd, lang, &mut Vec::new());
            // Clap's words are in the catalogue too.
            let help = clap_inline_words(&cmd.clone().render_long_help().to_string(), lang);
            assert!(!help.is_empty());
        }
        let missing = MISSING_VALUES.with(|m| m.borrow().clone());
        assert!(missing.is_empty(), "values without help in a catalogue: {missing:?}");
        let used = USED.with(|u| u.borrow().clone());
        let sources = [
            include_str!("help.rs"),
            include_str!("flags.rs"),
            include_str!("mod.rs"),
            include_str!("lang.rs"),
            include_str!("../main.rs"),
        ]
        .concat();
        for (lang, file, text) in i18n::CATALOGUES {
            if file != "cli.ftl" {
                continue;
            }
            for line in text.lines() {
                let Some((id, _)) = line.split_once(" =") else { continue };
                if !id.starts_with("cli-") || id.contains(' ') {
                    continue;
                }
                let literal = format!("\"{id}\"");
                assert!(
                    used.contains(id) || sources.contains(&literal),
                    "locales/{}/cli.ftl: {id} is used by no command, argument or value",
                    lang.code()
                );
            }
        }
    }

    fn walk(cmd: &Command, lang: Lang, path: &mut Vec<String>) {
        if cmd.is_hide_set() {
            return;
        }
        let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
        assert!(!about.trim().is_empty(), "{}: `koers {}` has no about", lang.code(), path.join(" "));
        // The shell of `koers completions` has only its values (clap_complete's), no help.
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set() && a.get_id() != "shell") {
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            assert!(
                !help.trim().is_empty(),
                "{}: `koers {}` {} has no help",
                lang.code(),
                path.join(" "),
                arg.get_id()
            );
            // The placeholders as written in flags.rs (the English command's) are in both.
            let names = if lang == Lang::En && arg.get_action().takes_values() {
                arg.get_value_names().unwrap_or_default()
            } else {
                &[]
            };
            for name in names {
                let id = id_of(&["value-name", name.as_str()]);
                assert!(
                    Lang::ALL.iter().all(|l| i18n::has_message(*l, &id)),
                    "the placeholder <{name}> of `koers {}` {} has no {id} in both catalogues",
                    path.join(" "),
                    arg.get_id()
                );
            }
            for v in arg.get_possible_values() {
                if let Some(h) = v.get_help() {
                    assert!(!h.to_string().trim().is_empty(), "{}: value {} has no help", lang.code(), v.get_name());
                }
            }
        }
        for sub in cmd.get_subcommands() {
            path.push(sub.get_name().to_string());
            walk(sub, lang, path);
            path.pop();
        }
    }
}
