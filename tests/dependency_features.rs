//! `cargo test --release` after `cargo run --release` compiles no dependency a second time
//! (issue #25): a dev-dependency that turns on a feature of a crate the run build already
//! compiled makes cargo compile that crate again, and everything above it — once it was memchr's
//! `use_std`, and with it regex, serde_json, gix and the whole typst stack. So the features cargo
//! resolves for each shared crate must be the same with and without the dev-dependencies:
//! `cargo tree -e no-dev -f '{p} {f}'` against `cargo tree -f '{p} {f}'`.
//!
//! A crate is compiled once for the target (the binary's dependencies) and once for the host
//! (build scripts, proc-macros and their dependencies), each with its own features; the two sides
//! are compared separately, so a dev-dependency's proc-macro that needs a crate on the host with
//! other features — a new unit, nothing compiled again — does not count.

use std::collections::{BTreeMap, BTreeSet};

use crate::common;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Target,
    Host,
}

/// Each crate ("name vX.Y.Z") on each side with the feature sets `cargo tree` resolves for it.
type Features = BTreeMap<(String, Side), BTreeSet<String>>;

fn cargo_tree(extra: &[&str]) -> Features {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let o = std::process::Command::new(cargo)
        .current_dir(common::root())
        .args(["tree", "--locked", "--offline", "--charset", "utf8", "--prefix", "indent", "--format", "{p}|{f}"])
        .args(extra)
        .output()
        .expect("run cargo tree");
    assert!(o.status.success(), "cargo tree {extra:?} failed:\n{}", String::from_utf8_lossy(&o.stderr));
    parse_tree(&String::from_utf8(o.stdout).unwrap())
}

/// The indented tree: four characters a level; a `[build-dependencies]` line stands at its
/// parent's depth and puts the lines below it, one level deeper, on the host side; so does a
/// proc-macro, for itself and everything below it.
fn parse_tree(text: &str) -> Features {
    let mut out = Features::new();
    // (depth, on the host side) of the current line's ancestors.
    let mut ancestors: Vec<(usize, bool)> = Vec::new();
    // depth → the section ("build-dependencies", "dev-dependencies") the next lines at that depth are in.
    let mut sections: BTreeMap<usize, String> = BTreeMap::new();
    for line in text.lines() {
        let prefix = line.chars().take_while(|c| matches!(c, '│' | '├' | '└' | '─' | ' ')).count();
        let body: String = line.chars().skip(prefix).collect();
        if body.is_empty() {
            continue;
        }
        let depth = prefix / 4;
        sections.retain(|&d, _| d <= depth);
        if let Some(section) = body.strip_prefix('[').and_then(|b| b.strip_suffix(']')) {
            sections.insert(depth + 1, section.to_string());
            continue;
        }
        while ancestors.last().is_some_and(|&(d, _)| d >= depth) {
            ancestors.pop();
        }
        let (package, features) = body.split_once('|').unwrap_or_else(|| panic!("not `{{p}}|{{f}}`: {line}"));
        let proc_macro = package.contains(" (proc-macro)");
        let host = ancestors.last().is_some_and(|&(_, host)| host)
            || proc_macro
            || sections.get(&depth).is_some_and(|s| s == "build-dependencies");
        ancestors.push((depth, host));
        let package = package.replace(" (proc-macro)", "");
        let features = features.trim_end_matches(" (*)").trim().to_string();
        let side = if host { Side::Host } else { Side::Target };
        out.entry((package.trim().to_string(), side)).or_default().insert(features);
    }
    out
}

#[test]
fn dev_dependencies_widen_no_feature_of_a_crate_the_run_build_compiles() {
    let run = cargo_tree(&["--edges", "no-dev"]);
    let test = cargo_tree(&[]);
    // The parse saw both sides and the dev-dependencies, so the comparison below is not empty.
    assert!(run.keys().any(|(p, side)| p.starts_with("typst ") && *side == Side::Target), "{run:?}");
    assert!(run.keys().any(|(p, side)| p.starts_with("proc-macro2 ") && *side == Side::Host), "{run:?}");
    assert!(test.len() > run.len(), "the dev-dependencies add crates: {} against {}", test.len(), run.len());

    let widened: Vec<String> = run
        .iter()
        .filter(|(key, features)| test.get(*key) != Some(features))
        .map(|((package, side), features)| {
            format!(
                "{package} ({side:?}): {features:?} for `cargo build`, {:?} for `cargo test`",
                test.get(&(package.clone(), *side))
            )
        })
        .collect();
    assert!(
        widened.is_empty(),
        "the dev-dependencies change the features of crates `cargo build --release` compiles, so \
         `cargo test --release` would compile them, and every crate above them, again:\n  {}\n\
         Turn the feature on in [dependencies] (with a comment), or choose the dev-dependency so it \
         needs no other features (`cargo tree -e features -i CRATE` shows who turns it on).",
        widened.join("\n  ")
    );
}

#[test]
fn the_tree_parse_puts_build_dependencies_and_proc_macros_on_the_host_side() {
    let tree = "\
koers v0.1.0 (/k)|
├── chrono v0.4.45|alloc,std
│   └── num-traits v0.2.19|std
│       [build-dependencies]
│       └── autocfg v1.5.1|
├── serde v1.0.229|derive,std
│   └── serde_derive v1.0.229 (proc-macro)|default
│       └── syn v2.0.119|full (*)
└── typst v0.15.1|
[dev-dependencies]
└── lopdf v0.36.0|
";
    let parsed = parse_tree(tree);
    let side = |p: &str| parsed.keys().find(|(name, _)| name == p).map(|(_, s)| *s);
    assert_eq!(side("num-traits v0.2.19"), Some(Side::Target));
    assert_eq!(side("autocfg v1.5.1"), Some(Side::Host));
    assert_eq!(side("serde_derive v1.0.229"), Some(Side::Host));
    assert_eq!(side("syn v2.0.119"), Some(Side::Host));
    assert_eq!(side("typst v0.15.1"), Some(Side::Target), "the section ended with its parent");
    assert_eq!(side("lopdf v0.36.0"), Some(Side::Target));
    assert_eq!(parsed[&("syn v2.0.119".to_string(), Side::Host)], BTreeSet::from(["full".to_string()]));
}
