//! The language koers speaks to its user: every message of the command line (diagnostics,
//! refusals, progress, `--help`, the man page) comes from a Project Fluent catalogue in
//! `locales/{nl,en}/*.ftl`, by id, through [`t!`](crate::t). The documents themselves are Dutch
//! whatever the language: this is only what the tool says.
//!
//! The language is chosen once per process, by the command line ([`set_language`]): `--lang`,
//! else `KOERS_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: Dutch when it names `nl`),
//! else English. A library caller that chooses nothing gets English.
//!
//! Both catalogues hold every message with the same variables (`tests/i18n.rs` checks it, and
//! that every id the code uses exists); an id missing at run time shows as the English text, or
//! as the id itself, never as nothing.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language of the catalogues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The code `--lang` takes and the catalogue's folder name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// `nl`, `en`, or a locale name such as `nl_NL.UTF-8`, `nl-BE` or `en_GB`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let lang = code.split(['_', '-', '.', '@']).next().unwrap_or("");
        match lang.to_ascii_lowercase().as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the locale in `LC_ALL`, `LC_MESSAGES` and `LANG` (the first one set,
    /// as POSIX reads them): Dutch for a Dutch locale, English for any other or none. GNU's
    /// `LANGUAGE` list goes first, as gettext reads it, unless the locale is `C`/`POSIX`.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let set = |name: &str| var(name).filter(|v| !v.is_empty());
        let locale = set("LC_ALL").or_else(|| set("LC_MESSAGES")).or_else(|| set("LANG"));
        let plain = locale.as_deref().is_none_or(|l| l == "C" || l == "POSIX" || l.starts_with("C."));
        if !plain
            && let Some(list) = set("LANGUAGE")
            && let Some(lang) = list.split(':').find_map(Lang::from_code)
        {
            return lang;
        }
        locale.as_deref().and_then(Lang::from_code).unwrap_or(Lang::En)
    }

    fn index(self) -> u8 {
        self as u8
    }
}

/// Catalogue files, by language: one file an area of the code.
pub const CATALOGUES: [(Lang, &str, &str); 8] = [
    (Lang::Nl, "cli.ftl", include_str!("../../locales/nl/cli.ftl")),
    (Lang::Nl, "data.ftl", include_str!("../../locales/nl/data.ftl")),
    (Lang::Nl, "commands.ftl", include_str!("../../locales/nl/commands.ftl")),
    (Lang::Nl, "build.ftl", include_str!("../../locales/nl/build.ftl")),
    (Lang::En, "cli.ftl", include_str!("../../locales/en/cli.ftl")),
    (Lang::En, "data.ftl", include_str!("../../locales/en/data.ftl")),
    (Lang::En, "commands.ftl", include_str!("../../locales/en/commands.ftl")),
    (Lang::En, "build.ftl", include_str!("../../locales/en/build.ftl")),
];

static LANGUAGE: AtomicU8 = AtomicU8::new(Lang::En as u8);

/// Choose the language of this process's messages (the command line does, once, at start).
pub fn set_language(lang: Lang) {
    LANGUAGE.store(lang.index(), Ordering::Relaxed);
}

/// The language messages are given in now.
pub fn language() -> Lang {
    if LANGUAGE.load(Ordering::Relaxed) == Lang::Nl.index() { Lang::Nl } else { Lang::En }
}

struct Bundles {
    nl: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

static BUNDLES: LazyLock<Bundles> = LazyLock::new(|| Bundles { nl: bundle(Lang::Nl), en: bundle(Lang::En) });

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = lang.code().parse().expect("a language identifier");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around values: messages go to terminals, logs and JSON.
    bundle.set_use_isolating(false);
    for (l, name, text) in CATALOGUES {
        if l != lang {
            continue;
        }
        // A catalogue that does not parse is a defect of this build (tests/i18n.rs parses each).
        let resource = FluentResource::try_new(text.to_string())
            .unwrap_or_else(|(_, errors)| panic!("locales/{}/{name}: {errors:?}", lang.code()));
        bundle.add_resource(resource).unwrap_or_else(|errors| panic!("locales/{}/{name}: {errors:?}", lang.code()));
    }
    bundle
}

/// A value given to a message.
pub type Arg<'a> = FluentValue<'a>;

/// The message `id` in the current language, with its variables.
pub fn message(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    message_in(language(), id, args)
}

/// The message `id` in `lang`: the English text if `lang`'s catalogue lacks it, else the id.
pub fn message_in(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    for bundle in [bundle_of(lang), bundle_of(Lang::En)] {
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
            return text.into_owned();
        }
    }
    id.to_string()
}

/// Whether the catalogue of `lang` has the message `id`.
pub fn has_message(lang: Lang, id: &str) -> bool {
    bundle_of(lang).get_message(id).is_some_and(|m| m.value().is_some())
}

fn bundle_of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::Nl => &BUNDLES.nl,
        Lang::En => &BUNDLES.en,
    }
}

/// A message from the catalogues, in the current language: `t!("id")`, or with variables
/// `t!("id", name = value, count = n)`. A value is anything Fluent takes (text, numbers).
#[macro_export]
macro_rules! t {
    ($id:literal $(,)?) => {
        $crate::core::i18n::message($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::core::i18n::message(
            $id,
            &[$((stringify!($name), $crate::core::i18n::Arg::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dutch_locale_is_dutch_and_any_other_english() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "nl_NL.UTF-8")])), Lang::Nl);
        assert_eq!(Lang::from_locale(env(&[("LANG", "nl_BE.UTF-8")])), Lang::Nl);
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
        // LC_ALL before LC_MESSAGES before LANG; an empty one does not count.
        assert_eq!(Lang::from_locale(env(&[("LC_ALL", "en_GB.UTF-8"), ("LANG", "nl_NL.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[("LC_ALL", ""), ("LC_MESSAGES", "nl_NL"), ("LANG", "en_US")])), Lang::Nl);
        // GNU LANGUAGE is a list, read first unless the locale is C.
        assert_eq!(Lang::from_locale(env(&[("LANGUAGE", "fr:nl"), ("LANG", "en_US.UTF-8")])), Lang::Nl);
        assert_eq!(Lang::from_locale(env(&[("LANGUAGE", "nl"), ("LANG", "C.UTF-8")])), Lang::En);
    }

    #[test]
    fn a_message_is_given_in_the_language_asked_with_its_values() {
        let one = [("count", Arg::from(1))];
        let three = [("count", Arg::from(3))];
        assert_eq!(message_in(Lang::En, "diagnostics-errors", &one), "1 error");
        assert_eq!(message_in(Lang::En, "diagnostics-errors", &three), "3 errors");
        assert_eq!(message_in(Lang::Nl, "diagnostics-errors", &one), "1 fout");
        assert_eq!(message_in(Lang::Nl, "diagnostics-errors", &three), "3 fouten");
        assert_eq!(message_in(Lang::Nl, "no-such-message", &[]), "no-such-message");
    }
}
