//! The message catalogues (`locales/{nl,en}/*.ftl`): both languages hold every message with the
//! same variables, every id the code asks for exists with the variables the code gives, and no
//! message is left over. Ids the command line composes at run time (its help, `cli-…`) are checked
//! by the tests of the command line, which walk its commands.

use crate::common::root;
use koers::core::i18n::{CATALOGUES, Lang};
use std::collections::{BTreeMap, BTreeSet};

/// Ids composed at run time rather than written as a literal in a `t!` call.
const COMPOSED: &[&str] = &["cli-"];

/// The messages of one catalogue text: id → the variables it uses.
fn messages(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() && current.is_none() {
            continue;
        }
        let starts_entry = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        let body = if starts_entry {
            let (id, rest) = line.split_once('=').unwrap_or_else(|| panic!("not a message: {line}"));
            let id = id.trim().to_string();
            assert!(!out.contains_key(&id), "the message {id} is defined twice");
            out.insert(id.clone(), BTreeSet::new());
            current = Some(id);
            rest
        } else {
            line
        };
        if let Some(id) = &current {
            out.get_mut(id).unwrap().extend(variables(body));
        }
    }
    out
}

fn variables(text: &str) -> Vec<String> {
    let mut vars = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('$') {
        let name: String =
            rest[at + 1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect();
        vars.push(name.clone());
        rest = &rest[at + 1 + name.len()..];
    }
    vars
}

/// Every message of a language, across its catalogue files.
fn catalogue(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for (l, name, text) in CATALOGUES {
        if l != lang {
            continue;
        }
        if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(text.to_string()) {
            panic!("locales/{}/{name} does not parse: {errors:?}", lang.code());
        }
        for (id, vars) in messages(text) {
            assert!(all.insert(id.clone(), vars).is_none(), "{id} is in two files of locales/{}", lang.code());
        }
    }
    all
}

/// A `t!("id", a = …, b = …)` call in the source: its id and the names of its values.
#[derive(Debug)]
struct Call {
    file: String,
    id: String,
    names: BTreeSet<String>,
}

/// The `t!` calls of a Rust source text: the id literal, then `name = value` at the top level of
/// the call's parentheses.
fn calls(file: &str, src: &str) -> Vec<Call> {
    let mut out = Vec::new();
    let bytes = src.as_bytes();
    let mut from = 0;
    while let Some(found) = src[from..].find("t!(") {
        let start = from + found;
        from = start + 3;
        // Only the macro, not a name that ends in t (`format!(` has no `t!(`; `print!(` neither).
        if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
            continue;
        }
        // Not in a comment (the macro's own documentation shows calls).
        let line_start = src[..start].rfind('\n').map_or(0, |n| n + 1);
        if src[line_start..start].trim_start().starts_with("//") {
            continue;
        }
        let mut depth = 1;
        let mut i = start + 3;
        let mut in_str = false;
        let mut top_level = String::new();
        while i < bytes.len() && depth > 0 {
            let c = bytes[i] as char;
            let outer = depth == 1;
            if in_str {
                if c == '\\' {
                    i += 1;
                } else if c == '"' {
                    in_str = false;
                }
            } else {
                match c {
                    '"' => in_str = true,
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => depth -= 1,
                    _ => {}
                }
            }
            if outer {
                top_level.push(c);
            }
            i += 1;
        }
        let text = top_level.trim_start();
        let Some(literal) = text.strip_prefix('"') else { continue };
        let id = literal.split('"').next().unwrap().to_string();
        let mut names = BTreeSet::new();
        for part in text.split(',').skip(1) {
            if let Some((name, _)) = part.split_once('=') {
                let name = name.trim();
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    names.insert(name.to_string());
                }
            }
        }
        out.push(Call { file: file.to_string(), id, names });
    }
    out
}

fn source_calls() -> Vec<Call> {
    fn walk(dir: &std::path::Path, out: &mut Vec<Call>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let src = std::fs::read_to_string(&path).unwrap();
                out.extend(calls(&path.display().to_string(), &src));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("src"), &mut out);
    out
}

#[test]
fn both_languages_have_every_message_with_the_same_variables() {
    let (nl, en) = (catalogue(Lang::Nl), catalogue(Lang::En));
    let only_nl: Vec<_> = nl.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !nl.contains_key(*k)).collect();
    assert!(only_nl.is_empty() && only_en.is_empty(), "only in nl: {only_nl:?}; only in en: {only_en:?}");
    for (id, vars) in &nl {
        assert_eq!(vars, &en[id], "{id}: the Dutch and English texts use other variables");
    }
}

#[test]
fn every_message_the_code_asks_for_exists_with_the_values_it_gives() {
    let en = catalogue(Lang::En);
    let calls = source_calls();
    assert!(calls.len() > 5, "the scan finds the t! calls ({} found)", calls.len());
    let mut wrong = Vec::new();
    for call in &calls {
        match en.get(&call.id) {
            None => wrong.push(format!("{}: no message {}", call.file, call.id)),
            Some(vars) if vars != &call.names => {
                wrong.push(format!("{}: {} uses {:?}, the call gives {:?}", call.file, call.id, vars, call.names))
            }
            Some(_) => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let used: BTreeSet<&str> = calls.iter().map(|c| c.id.as_str()).collect();
    let unused: Vec<_> =
        en.keys().filter(|id| !used.contains(id.as_str()) && !COMPOSED.iter().any(|p| id.starts_with(p))).collect();
    assert!(unused.is_empty(), "messages no code asks for: {unused:?}");
}

#[test]
fn the_scan_reads_ids_and_value_names() {
    let src = r#"let a = t!("one-thing"); let b = crate::t!(
        "two-things", count = v.len(), name = format!("{x}", x = 1), what = t!("inner"));"#;
    let found = calls("x.rs", src);
    let ids: Vec<_> = found.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["one-thing", "two-things", "inner"]);
    assert_eq!(found[1].names, BTreeSet::from(["count".to_string(), "name".to_string(), "what".to_string()]));
    assert!(found[0].names.is_empty());
}

#[test]
fn the_dutch_messages_are_dutch() {
    // The command line in a Dutch locale: its summary line and its labels.
    let dir = tempfile::tempdir().unwrap();
    let o =
        crate::common::run(crate::common::koers().env("LANG", "nl_NL.UTF-8").args(["check", "--data"]).arg(dir.path()));
    let err = crate::common::stderr(&o);
    assert!(err.contains("fout:") && err.contains("1 fout, 0 waarschuwingen"), "{err}");
    let o = crate::common::run(crate::common::koers().args(["check", "--lang", "en", "--data"]).arg(dir.path()));
    let err = crate::common::stderr(&o);
    assert!(err.contains("error:") && err.contains("1 error, 0 warnings"), "{err}");
}
