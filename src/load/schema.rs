//! JSON Schemas of the data files, derived from the Rust types, and the structural check of a
//! parsed YAML tree against them.
//!
//! The check walks the whole tree and reports every problem (unknown key with "did you mean",
//! wrong type, missing field, value outside a fixed list) instead of stopping at the first, as a
//! plain serde deserialisation would.

use crate::core::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::load::data_files::{
    InformatiepakketFile, NieuwsbriefFile, ProgrammeFile, ProjectFile, RegioplanFile, ThemalijnFile,
};
use crate::load::yaml_tree::{Key, Node, Value};
use serde_json::Value as J;
use std::path::Path;

/// The kinds of data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Programme,
    Regioplan,
    Themalijn,
    Project,
    Nieuwsbrief,
    Informatiepakket,
}

impl FileKind {
    pub const ALL: [FileKind; 6] = [
        FileKind::Programme,
        FileKind::Regioplan,
        FileKind::Themalijn,
        FileKind::Project,
        FileKind::Nieuwsbrief,
        FileKind::Informatiepakket,
    ];

    /// File name of the schema, as the `$schema` lines of the data files refer to it.
    pub fn schema_file(self) -> &'static str {
        match self {
            FileKind::Programme => "koers.schema.json",
            FileKind::Regioplan => "regioplan.schema.json",
            FileKind::Themalijn => "themalijn.schema.json",
            FileKind::Project => "project.schema.json",
            FileKind::Nieuwsbrief => "nieuwsbrief.schema.json",
            FileKind::Informatiepakket => "informatiepakket.schema.json",
        }
    }

    pub fn schema(self) -> J {
        let s = match self {
            FileKind::Programme => schemars::schema_for!(ProgrammeFile),
            FileKind::Regioplan => schemars::schema_for!(RegioplanFile),
            FileKind::Themalijn => schemars::schema_for!(ThemalijnFile),
            FileKind::Project => schemars::schema_for!(ProjectFile),
            FileKind::Nieuwsbrief => schemars::schema_for!(NieuwsbriefFile),
            FileKind::Informatiepakket => schemars::schema_for!(InformatiepakketFile),
        };
        s.to_value()
    }
}

/// Check `root` against the schema of `kind`; every problem becomes a diagnostic.
pub fn check(kind: FileKind, file: &Path, source: &str, root: &Node) -> StructureReport {
    let schema = kind.schema();
    let mut checker = Checker {
        root_schema: &schema,
        file,
        source,
        diags: Diagnostics::default(),
        unknown: vec![],
        other_errors: false,
        path_steps: vec![],
        converted: Converted::new(),
    };
    checker.check(root, &schema, "");
    StructureReport {
        converted: checker.converted,
        diagnostics: checker.diags,
        unknown_keys: checker.unknown,
        only_unknown_keys: !checker.other_errors,
    }
}

/// The outcome of the structural check of one file.
pub struct StructureReport {
    pub diagnostics: Diagnostics,
    /// Paths of keys the format does not know.
    pub unknown_keys: Vec<Vec<crate::load::yaml_tree::Step>>,
    /// True when every error is an unknown key: the rest of the file can still be checked.
    pub only_unknown_keys: bool,
    /// Every date text of the file, converted (by its path): what the deserialisation reads in
    /// its place ([`Node::to_json`]).
    pub converted: Converted,
}

/// Converted date texts by their path in the file, as JSON for the deserialisation.
pub type Converted = std::collections::HashMap<Vec<crate::load::yaml_tree::Step>, J>;

struct Checker<'a> {
    root_schema: &'a J,
    file: &'a Path,
    source: &'a str,
    diags: Diagnostics,
    unknown: Vec<Vec<crate::load::yaml_tree::Step>>,
    other_errors: bool,
    path_steps: Vec<crate::load::yaml_tree::Step>,
    converted: Converted,
}

impl<'a> Checker<'a> {
    fn resolve(&self, mut schema: &'a J) -> &'a J {
        while let Some(r) = schema.get("$ref").and_then(J::as_str) {
            let Some(ptr) = r.strip_prefix('#') else {
                break;
            };
            match self.root_schema.pointer(ptr) {
                Some(s) => schema = s,
                None => break,
            }
        }
        schema
    }

    fn error(&mut self, node_pos: crate::core::diagnostics::Pos, message: String, hint: Option<String>) {
        self.other_errors = true;
        self.push(node_pos, message, hint);
    }

    fn push(&mut self, node_pos: crate::core::diagnostics::Pos, message: String, hint: Option<String>) {
        let mut d = Diagnostic::error(self.file, message).at(node_pos, self.source);
        if let Some(h) = hint {
            d = d.hint(h);
        }
        self.diags.push(d);
    }

    /// A value that must be one of `allowed`, with the nearest one suggested.
    fn check_allowed(&mut self, pos: crate::core::diagnostics::Pos, s: &str, allowed: &[&str], field: &str) {
        if !allowed.contains(&s) {
            let hint = match did_you_mean(s, allowed.iter().copied()) {
                Some(best) => crate::t!("data-schema-did-you-mean-allowed", best = best, allowed = allowed.join(", ")),
                None => crate::t!("data-schema-allowed", allowed = allowed.join(", ")),
            };
            self.error(pos, crate::t!("data-schema-unknown-value", field = field, value = s), Some(hint));
        }
    }

    /// Check `node` against `schema` (and what it contains against theirs): its type, its text
    /// format (a month, period or date), its allowed values, its keys.
    fn check(&mut self, node: &Node, schema: &'a J, path: &str) {
        let schema = self.resolve(schema);
        if self.documented_enum(node, schema, path) {
            return;
        }
        for combinator in ["anyOf", "oneOf"] {
            if let Some(J::Array(branches)) = schema.get(combinator) {
                let branches: Vec<&J> = branches.iter().map(|b| self.resolve(b)).collect();
                let is_null_branch = |b: &J| b.get("type").and_then(J::as_str) == Some("null");
                if matches!(node.value, Value::Null) && branches.iter().any(|b| is_null_branch(b)) {
                    return;
                }
                if let Some(main) = branches.into_iter().find(|b| !is_null_branch(b)) {
                    return self.check(node, main, path);
                }
                return;
            }
        }
        let types: Vec<&str> = match schema.get("type") {
            Some(J::String(t)) => vec![t.as_str()],
            Some(J::Array(ts)) => ts.iter().filter_map(J::as_str).collect(),
            _ => vec![],
        };
        if matches!(node.value, Value::Null) && types.contains(&"null") {
            return;
        }
        let field = crate::core::diagnostics::place(path);
        let describe = schema.get("description").and_then(J::as_str).map(|d| d.replace('\n', " "));
        let expected = types.iter().find(|t| **t != "null").copied();
        let matches_type = matches!(
            (expected, &node.value),
            (None, _)
                | (Some("string"), Value::Str(_))
                | (Some("integer"), Value::Int(_))
                | (Some("number"), Value::Int(_) | Value::Float(_))
                | (Some("boolean"), Value::Bool(_))
                | (Some("array"), Value::Seq(_))
                | (Some("object"), Value::Map(_))
        );
        if !matches_type {
            self.wrong_type(node, expected, path, &field, describe);
            return;
        }
        if let (Some(format), Value::Str(s)) = (schema.get("format").and_then(J::as_str), &node.value) {
            self.convert(node, format, s);
        }
        if let (Some(J::Array(allowed)), Value::Str(s)) = (schema.get("enum"), &node.value) {
            let allowed: Vec<&str> = allowed.iter().filter_map(J::as_str).collect();
            self.check_allowed(node.pos, s, &allowed, &field);
        }
        if let (Some(min), Value::Int(i)) = (schema.get("minimum").and_then(J::as_f64), &node.value)
            && (*i as f64) < min
        {
            self.error(
                node.pos,
                crate::t!(
                    "data-schema-below-minimum",
                    field = field.as_str(),
                    min = min.to_string(),
                    value = i.to_string()
                ),
                None,
            );
        }
        match &node.value {
            Value::Seq(items) => self.check_items(items, schema, path),
            Value::Map(entries) => self.check_keys(node, entries, schema, path),
            _ => {}
        }
    }

    /// A month, period or date: converted here, once, where every text of the file is checked.
    /// The deserialisation reads the converted value in place of the text (`converted`); a text
    /// that does not parse is reported, and loads as invalid.
    fn convert(&mut self, node: &Node, format: &str, s: &str) {
        let converted = match crate::core::dates::convert_text(format, s) {
            None => return,
            Some(Ok(c)) => c,
            Some(Err((message, how))) => {
                // Not fatal to the file: the value loads as invalid, the file's other rules still run.
                self.push(node.pos, message, Some(how));
                crate::core::dates::Converted::Invalid
            }
        };
        let json = serde_json::to_value(converted).expect("a converted date is JSON");
        self.converted.insert(self.path_steps.clone(), json);
    }

    /// A documented enum: schemars writes `oneOf` with one `const` per variant. True when the
    /// schema is one (and `node` has been checked against it).
    fn documented_enum(&mut self, node: &Node, schema: &'a J, path: &str) -> bool {
        let Some(J::Array(branches)) = schema.get("oneOf") else { return false };
        let consts: Vec<&str> =
            branches.iter().filter_map(|b| self.resolve(b).get("const").and_then(J::as_str)).collect();
        if consts.is_empty() || consts.len() != branches.len() {
            return false;
        }
        let field = crate::core::diagnostics::place(path);
        match &node.value {
            Value::Str(s) => self.check_allowed(node.pos, s, &consts, &field),
            other => self.error(
                node.pos,
                crate::t!(
                    "data-schema-wrong-type",
                    field = field,
                    want = crate::t!("data-want-text"),
                    actual = other.described()
                ),
                Some(crate::t!("data-schema-allowed", allowed = consts.join(", "))),
            ),
        }
        true
    }

    /// A value of another type than the schema's, with how to write it.
    fn wrong_type(&mut self, node: &Node, expected: Option<&str>, path: &str, field: &str, describe: Option<String>) {
        let want = match expected.unwrap_or("") {
            "string" => crate::t!("data-want-text"),
            "integer" => crate::t!("data-want-whole-number"),
            "number" => crate::t!("data-want-number"),
            "boolean" => crate::t!("data-want-boolean"),
            "array" => crate::t!("data-want-list"),
            "object" => crate::t!("data-want-mapping"),
            other => other.to_string(),
        };
        // The schema's descriptions are English: a Dutch hint goes without them.
        let describe = describe.filter(|_| crate::core::i18n::language() == crate::core::i18n::Lang::En);
        let hint = match (&node.value, expected) {
            (Value::Map(_), Some("array")) => Some(crate::t!("data-schema-hint-write-a-list")),
            (Value::Seq(_), Some("object")) => Some(crate::t!("data-schema-hint-not-a-list")),
            (Value::Seq(_) | Value::Map(_), Some("string")) => Some(crate::t!("data-schema-hint-long-text")),
            (Value::Int(_) | Value::Float(_), Some("string"))
                if path.ends_with("maand")
                    || path.ends_with("start")
                    || path.ends_with("einde")
                    || path.ends_with("sinds") =>
            {
                Some(crate::t!("data-schema-hint-write-a-month"))
            }
            _ => describe,
        };
        self.error(
            node.pos,
            crate::t!("data-schema-wrong-type", field = field, want = want, actual = node.value.described()),
            hint,
        );
    }

    /// Each item of a list against the schema of the list's items.
    fn check_items(&mut self, items: &[Node], schema: &'a J, path: &str) {
        if let Some(item_schema) = schema.get("items") {
            for (i, item) in items.iter().enumerate() {
                self.path_steps.push(crate::load::yaml_tree::Step::Index(i));
                self.check(item, item_schema, &format!("{path}[{}]", i + 1));
                self.path_steps.pop();
            }
        }
    }

    /// The keys of a mapping: each known key's value against its schema, unknown keys (where the
    /// schema allows no others), required keys that are missing.
    fn check_keys(&mut self, node: &Node, entries: &[(Key, Node)], schema: &'a J, path: &str) {
        let props = schema.get("properties").and_then(J::as_object);
        let closed = schema.get("additionalProperties") == Some(&J::Bool(false));
        for (key, value) in entries {
            let sub = if path.is_empty() { key.name.clone() } else { format!("{path}.{}", key.name) };
            match props.and_then(|p| p.get(&key.name)) {
                Some(prop_schema) => {
                    self.path_steps.push(crate::load::yaml_tree::Step::Key(key.name.clone()));
                    self.check(value, prop_schema, &sub);
                    self.path_steps.pop();
                }
                None if closed => {
                    let names: Vec<&str> = props.map(|p| p.keys().map(String::as_str).collect()).unwrap_or_default();
                    let hint = match did_you_mean(&key.name, names.iter().copied()) {
                        Some(best) => crate::t!("data-did-you-mean", best = best),
                        None => crate::t!("data-schema-allowed-keys", keys = names.join(", ")),
                    };
                    let mut unknown_path = self.path_steps.clone();
                    unknown_path.push(crate::load::yaml_tree::Step::Key(key.name.clone()));
                    self.unknown.push(unknown_path);
                    self.push(key.pos, crate::t!("data-schema-unknown-key", key = key.name.as_str()), Some(hint));
                }
                None => {}
            }
        }
        if let Some(J::Array(required)) = schema.get("required") {
            for req in required.iter().filter_map(J::as_str) {
                if !entries.iter().any(|(k, _)| k.name == req) {
                    let add = crate::t!("data-schema-add-key", key = req);
                    // The schema's descriptions are English: a Dutch hint goes without them.
                    let hint = props
                        .and_then(|p| p.get(req))
                        .map(|p| self.resolve(p))
                        .and_then(|p| p.get("description"))
                        .and_then(J::as_str)
                        .filter(|_| crate::core::i18n::language() == crate::core::i18n::Lang::En)
                        .map(|d| {
                            crate::t!(
                                "data-schema-with-description",
                                hint = add.as_str(),
                                description = d.replace('\n', " ")
                            )
                        })
                        .unwrap_or_else(|| add.clone());
                    let message = if path.is_empty() {
                        crate::t!("data-schema-missing-key", key = req)
                    } else {
                        crate::t!(
                            "data-schema-missing-key-in",
                            key = req,
                            place = crate::core::diagnostics::place(path)
                        )
                    };
                    self.error(node.pos, message, Some(hint));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml_tree::parse;

    fn problems(kind: FileKind, yaml: &str) -> Vec<Diagnostic> {
        let (src, root) = parse(Path::new("p.yaml"), yaml.as_bytes()).unwrap();
        check(kind, Path::new("p.yaml"), &src, &root).diagnostics.items
    }

    #[test]
    fn reports_all_problems_of_a_project() {
        let d = problems(
            FileKind::Project,
            "naam: X\nthemalijn: ouderen\nstart: 2024-01\neinde: doorlopend\nfasen:\n  - fase: Vorbereidingsfase\nresultatn: []\nvoetnoten: Almelo\n",
        );
        let msgs: Vec<String> =
            d.iter().map(|d| format!("{}:{} {} | {:?}", d.line, d.column, d.message, d.hint)).collect();
        // A phase is any text here: the check stage holds it against the ladder of koers.yaml.
        assert_eq!(d.len(), 2, "{msgs:#?}");
        assert!(msgs[0].starts_with("7:1 unknown key \"resultatn\""), "{msgs:#?}");
        assert!(msgs[0].contains("resultaten"));
        assert!(msgs[1].starts_with("8:12 \"voetnoten\" must be a list"), "{msgs:#?}");
    }

    #[test]
    fn missing_required_keys() {
        let d = problems(FileKind::Project, "naam: X\n");
        let missing: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert!(missing.iter().any(|m| m.contains("\"themalijn\" is missing")), "{missing:?}");
        assert!(missing.iter().any(|m| m.contains("\"einde\" is missing")), "{missing:?}");
        // A project may be recorded before its phase is known (a warning, from validate).
        assert!(!missing.iter().any(|m| m.contains("\"fasen\"")), "{missing:?}");
    }
}
