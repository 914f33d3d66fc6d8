//! The library's layers import in one direction (issue #24): each folder of `src/` is a layer,
//!
//!   cli → pipeline → publish → {render, authoring} → model → check → load → core
//!
//! and a file may name (`crate::…` or `koers::…`, outside comments) its own layer and the layers
//! below it, never one above it nor its peer. Each layer's `mod.rs` says in its module doc what
//! it owns and what it may import (a line starting `//! Imports:`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::common;

/// The layers, lowest first, with their rank; peers share a rank and may not import each other.
const LAYERS: &[(&str, u8)] = &[
    ("core", 0),
    ("load", 1),
    ("check", 2),
    ("model", 3),
    ("render", 4),
    ("authoring", 4),
    ("publish", 5),
    ("pipeline", 6),
    ("cli", 7),
];

fn rank(layer: &str) -> Option<u8> {
    LAYERS.iter().find(|(l, _)| *l == layer).map(|(_, r)| *r)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its comments (line comments; koers has no block comments), so a
/// doc link to a higher layer is not an import.
fn code(text: &str) -> String {
    text.lines()
        .map(|l| {
            let t = l.trim_start();
            if t.starts_with("//") { "" } else { l }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a text names by `crate::x` (or `koers::x`).
fn named_layers(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for root in ["crate::", "koers::"] {
        for (at, _) in code.match_indices(root) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let rest = &code[at + root.len()..];
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if rank(&name).is_some() {
                found.insert(name);
            }
        }
    }
    found
}

/// Every import across layers that goes up or sideways: (file, its layer, the layer it names).
fn violations(src: &Path) -> Vec<(String, String, String)> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut bad = Vec::new();
    for f in files {
        let rel = f.strip_prefix(src).unwrap();
        let Some(layer) =
            rel.components().next().and_then(|c| c.as_os_str().to_str()).filter(|_| rel.components().count() > 1)
        else {
            continue; // lib.rs and main.rs: the roots, which declare the layers
        };
        let own = rank(layer).unwrap_or_else(|| panic!("src/{layer}/ is not a layer of LAYERS"));
        let text = std::fs::read_to_string(&f).unwrap();
        for named in named_layers(&code(&text)) {
            let theirs = rank(&named).unwrap();
            if named != layer && theirs >= own {
                bad.push((format!("src/{}", rel.display()), layer.to_string(), named));
            }
        }
    }
    bad
}

#[test]
fn imports_go_one_way() {
    let bad = violations(&common::root().join("src"));
    assert!(
        bad.is_empty(),
        "imports up or sideways (file, its layer, the layer it names):\n{}",
        bad.iter().map(|(f, l, n)| format!("  {f} ({l}) names {n}")).collect::<Vec<_>>().join("\n")
    );
}

/// The files of the layers above the model that name the data files' types: what the model hands
/// on is typed once (a date, an address, a reference), so no stage after it sees a file's raw value.
fn data_file_types_past_the_model(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for layer in ["render", "publish", "pipeline", "cli"] {
        if src.join(layer).is_dir() {
            rust_files(&src.join(layer), &mut files);
        }
    }
    files.sort();
    files
        .into_iter()
        .filter(|f| {
            let c = code(&std::fs::read_to_string(f).unwrap());
            c.contains("load::data_files") || c.contains("data_files::")
        })
        .map(|f| f.strip_prefix(src).unwrap().display().to_string())
        .collect()
}

#[test]
fn no_data_file_type_past_the_model() {
    assert_eq!(data_file_types_past_the_model(&common::root().join("src")), Vec::<String>::new());
    // It finds one.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("render/views")).unwrap();
    std::fs::write(dir.path().join("render/views/x.rs"), "// load::data_files in a comment\nfn f() {}\n").unwrap();
    std::fs::write(dir.path().join("render/views/y.rs"), "use crate::load::data_files::Link;\n").unwrap();
    assert_eq!(data_file_types_past_the_model(dir.path()), vec!["render/views/y.rs".to_string()]);
}

/// The public fields of the model's types that hold a data file's type: a whole file
/// (`…File`), a value not yet converted (`Parsed<…>`), or any type named through `data_files`.
/// The plain value types `model::content` hands on as they loaded are named through it.
fn file_types_in_the_model(model: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(model, &mut files);
    files.sort();
    let mut found = Vec::new();
    for f in files {
        for (i, line) in code(&std::fs::read_to_string(&f).unwrap()).lines().enumerate() {
            let l = line.trim();
            let Some(field) = l.strip_prefix("pub ").filter(|x| !x.starts_with("fn ") && !x.starts_with("use ")) else {
                continue;
            };
            let Some((_, ty)) = field.split_once(':') else { continue };
            let file_type =
                ty.split(|c: char| !c.is_alphanumeric() && c != '_').any(|w| w.ends_with("File") && w.len() > 4);
            if file_type || ty.contains("Parsed<") || ty.contains("df::") || ty.contains("data_files::") {
                found.push(format!("{}:{}: {l}", f.strip_prefix(model).unwrap().display(), i + 1));
            }
        }
    }
    found
}

#[test]
fn the_model_holds_no_data_file_type() {
    assert_eq!(file_types_in_the_model(&common::root().join("src/model")), Vec::<String>::new());
    // It finds each kind.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mod.rs"),
        "pub struct E {\n    pub data: df::NieuwsbriefFile,\n    pub dag: Option<Parsed<Day>>,\n    pub x: Vec<df::Orgaan>,\n    pub ok: Vec<content::Orgaan>,\n}\npub fn of(f: &df::ProjectFile) {}\n",
    )
    .unwrap();
    assert_eq!(file_types_in_the_model(dir.path()).len(), 3, "{:?}", file_types_in_the_model(dir.path()));
}

#[test]
fn the_check_finds_an_import_up_or_sideways() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    for (layer, text) in [
        (
            "model",
            "use crate::core::dates::Month;\nuse crate::load::DataSet;\n/// [`crate::pipeline`] in a doc comment\n",
        ),
        ("render", "use crate::model::Programme;\nfn f() { crate::authoring::record(); }\n"),
        ("check", "pub use crate::pipeline::build;\n"),
        ("core", "use koers::load::DataSet;\n"),
    ] {
        std::fs::create_dir_all(src.join(layer)).unwrap();
        std::fs::write(src.join(layer).join("mod.rs"), text).unwrap();
    }
    let found: Vec<(String, String)> = violations(src).into_iter().map(|(_, l, n)| (l, n)).collect();
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(found, vec![pair("check", "pipeline"), pair("core", "load"), pair("render", "authoring")]);
}

#[test]
fn every_layer_is_a_folder_that_says_what_it_may_import() {
    let src = common::root().join("src");
    let folders: BTreeSet<String> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let layers: BTreeSet<String> = LAYERS.iter().map(|(l, _)| l.to_string()).collect();
    assert_eq!(folders, layers, "the folders of src/ are the layers");
    let flat: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rs") && n != "lib.rs" && n != "main.rs")
        .collect();
    assert!(flat.is_empty(), "modules outside a layer: {flat:?}");
    for layer in layers {
        let doc = std::fs::read_to_string(src.join(&layer).join("mod.rs")).unwrap();
        assert!(
            doc.lines().take_while(|l| l.starts_with("//!")).any(|l| l.starts_with("//! Imports:")),
            "src/{layer}/mod.rs does not say what it may import"
        );
    }
}

/// The functions of a source text longer than `limit` lines whose doc comment gives no reason
/// ("Long because …"): (name, first line, lines).
fn long_functions_without_reason(text: &str, limit: usize) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        let t = t.strip_prefix("pub(crate) ").or_else(|| t.strip_prefix("pub ")).unwrap_or(t);
        let t = t.strip_prefix("async ").unwrap_or(t);
        let Some(rest) = t.strip_prefix("fn ") else { continue };
        if line.trim_end().ends_with(';') {
            continue; // a trait's declaration
        }
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        // The body: from the signature to the line where its braces balance, counting the braces
        // of code only (not of strings, characters or comments; a string over several lines is
        // rare enough in a long function to be ignored).
        let (mut depth, mut opened, mut end) = (0i64, false, i);
        for (j, l) in lines.iter().enumerate().skip(i) {
            for c in code_of_line(l).chars() {
                match c {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            end = j;
            if opened && depth <= 0 {
                break;
            }
        }
        let length = end - i + 1;
        let doc: Vec<&str> = lines[..i]
            .iter()
            .rev()
            .map(|l| l.trim_start())
            .take_while(|l| l.starts_with("///") || l.starts_with("#["))
            .collect();
        if length > limit && !doc.iter().any(|l| l.contains("Long because")) {
            found.push((name, i + 1, length));
        }
    }
    found
}

/// A line without its string and character literals and its comment.
fn code_of_line(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                while let Some(d) = chars.next() {
                    match d {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            // A character literal ('{', '\''); a lifetime ('a) has no closing quote.
            '\'' => {
                let rest: String = chars.clone().take(4).collect();
                if let Some(close) = rest.char_indices().skip(1).find(|(_, c)| *c == '\'').map(|(i, _)| i) {
                    for _ in 0..=close {
                        chars.next();
                    }
                }
            }
            '/' if chars.peek() == Some(&'/') => break,
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn no_function_is_long_without_a_reason() {
    let mut files = Vec::new();
    rust_files(&common::root().join("src"), &mut files);
    files.sort();
    let mut long = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (name, line, length) in long_functions_without_reason(&text, 80) {
            long.push(format!("  {}:{line} {name}: {length} lines", f.display()));
        }
    }
    assert!(
        long.is_empty(),
        "functions over 80 lines whose doc says no \"Long because …\" (split them, or say why not):\n{}",
        long.join("\n")
    );
}

#[test]
fn the_length_check_counts_a_body_and_reads_the_reason() {
    let body = |n: usize| (0..n).map(|i| format!("    let x{i} = {i};\n")).collect::<String>();
    let text = format!(
        "/// Short.\nfn short() {{\n{}}}\n\n/// Long.\npub fn long(a: u8) -> u8 {{\n    let s = \"}} {{{{ }}\"; let c = '}}';\n{}    a\n}}\n\n/// Long because it is a table.\nfn table() {{\n{}}}\n",
        body(10),
        body(90),
        body(90)
    );
    assert_eq!(long_functions_without_reason(&text, 80), vec![("long".to_string(), 16, 94)]);
}
