//! Layer 6 — the command line: the flags ([`flags`], one table for help, man page and
//! completions), their texts in the run's language from `locales/{nl,en}/cli.ftl` and clap's
//! parse errors in Dutch ([`help`]), the language of its messages ([`lang`]) and one module per
//! command ([`cmd`]), each a thin call into the library's pipeline or authoring with its outcome
//! printed and turned into an exit code.
//!
//! Imports: the `koers` library (mostly `pipeline` and `authoring`); nothing imports it.

pub(crate) mod cmd;
pub(crate) mod flags;
pub(crate) mod help;
pub(crate) mod lang;
