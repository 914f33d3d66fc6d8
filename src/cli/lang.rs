//! The language of this run's messages, chosen before the command line is parsed (its `--help`
//! and its errors are in that language too): `--lang`, else `KOERS_LANG`, else the locale.

use koers::core::i18n::Lang;
use std::ffi::OsString;

/// The language the command line asks for. A `--lang` value that is not a language is left to
/// clap, which refuses it with the values it takes.
pub(crate) fn choose(args: &[OsString]) -> Lang {
    flag(args)
        .or_else(|| std::env::var("KOERS_LANG").ok().as_deref().and_then(Lang::from_code))
        .unwrap_or_else(|| Lang::from_locale(|name| std::env::var(name).ok()))
}

/// The value of `--lang X` or `--lang=X` (the last one given), up to a lone `--`.
fn flag(args: &[OsString]) -> Option<Lang> {
    let mut found = None;
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = it.next() {
        if arg == "--" {
            break;
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            found = Lang::from_code(value).or(found);
        } else if arg == "--lang" {
            found = it.next().as_deref().and_then(Lang::from_code).or(found);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_flag_is_found_in_either_spelling_before_a_lone_dash_dash() {
        assert_eq!(flag(&args(&["koers", "check", "--lang", "nl"])), Some(Lang::Nl));
        assert_eq!(flag(&args(&["koers", "--lang=en", "check"])), Some(Lang::En));
        assert_eq!(flag(&args(&["koers", "--lang=nl", "--lang", "en"])), Some(Lang::En));
        assert_eq!(flag(&args(&["koers", "check"])), None);
        assert_eq!(flag(&args(&["koers", "--", "--lang", "nl"])), None);
    }
}
