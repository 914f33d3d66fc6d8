//! A YAML document as a tree of values that remember where they stand in the source.
//!
//! serde-saphyr parses the text (syntax, duplicate keys, alias budgets); the tree keeps each node's
//! line and column so that every later check — schema, phases, dates, references — can point at the
//! exact place in the file.

use crate::core::diagnostics::{Diagnostic, Pos};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;
use std::path::Path;

/// A YAML node with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Keys keep their own position, in document order.
    Map(Vec<(Key, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub pos: Pos,
    pub name: String,
}

/// One step of a path into a document: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    Key(String),
    Index(usize),
}

impl From<&str> for Step {
    fn from(s: &str) -> Self {
        Step::Key(s.to_string())
    }
}

impl From<usize> for Step {
    fn from(i: usize) -> Self {
        Step::Index(i)
    }
}

/// Build a path: `path!["fasen", 2, "fase"]`.
#[macro_export]
macro_rules! path {
    ($($step:expr),* $(,)?) => { [$($crate::load::yaml_tree::Step::from($step)),*] };
}

impl Value {
    /// What kind of value this is, in words for a non-programmer.
    /// What kind of value it is, as a message says it ("a list", "text").
    pub fn described(&self) -> String {
        match self {
            Value::Null => crate::t!("data-kind-nothing"),
            Value::Bool(_) => crate::t!("data-kind-yes-no"),
            Value::Int(_) | Value::Float(_) => crate::t!("data-kind-number"),
            Value::Str(_) => crate::t!("data-kind-text"),
            Value::Seq(_) => crate::t!("data-kind-list"),
            Value::Map(_) => crate::t!("data-kind-mapping"),
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

impl Node {
    /// The node at `path`, if present.
    pub fn get(&self, path: &[Step]) -> Option<&Node> {
        let mut node = self;
        for step in path {
            node = match (step, &node.value) {
                (Step::Key(k), Value::Map(entries)) => &entries.iter().find(|(key, _)| &key.name == k)?.1,
                (Step::Index(i), Value::Seq(items)) => items.get(*i)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// The position of `path`, or of its nearest existing ancestor (a missing field points at
    /// the mapping that should hold it).
    pub fn locate(&self, path: &[Step]) -> Pos {
        for len in (0..=path.len()).rev() {
            if let Some(n) = self.get(&path[..len]) {
                return n.pos;
            }
        }
        self.pos
    }

    /// The position of a mapping key (`path` ends at the key), falling back to its value.
    pub fn locate_key(&self, path: &[Step]) -> Pos {
        if let Some((Step::Key(k), parent)) = path.split_last()
            && let Some(Node { value: Value::Map(entries), .. }) = self.get(parent)
            && let Some((key, _)) = entries.iter().find(|(key, _)| &key.name == k)
        {
            return key.pos;
        }
        self.locate(path)
    }

    /// Visit every node in document order with its path (the root has an empty path).
    pub fn visit<'a>(&'a self, f: &mut impl FnMut(&[Step], &'a Node)) {
        fn go<'a>(node: &'a Node, path: &mut Vec<Step>, f: &mut impl FnMut(&[Step], &'a Node)) {
            f(path, node);
            match &node.value {
                Value::Map(entries) => {
                    for (k, v) in entries {
                        path.push(Step::Key(k.name.clone()));
                        go(v, path, f);
                        path.pop();
                    }
                }
                Value::Seq(items) => {
                    for (i, v) in items.iter().enumerate() {
                        path.push(Step::Index(i));
                        go(v, path, f);
                        path.pop();
                    }
                }
                _ => {}
            }
        }
        go(self, &mut Vec::new(), f);
    }

    /// Remove the mapping entry at `path` (used to drop unknown keys before typed loading).
    pub fn remove(&mut self, path: &[Step]) {
        let Some((Step::Key(k), parent)) = path.split_last() else { return };
        let mut node = self;
        for step in parent {
            node = match (step, &mut node.value) {
                (Step::Key(key), Value::Map(entries)) => match entries.iter_mut().find(|(x, _)| &x.name == key) {
                    Some((_, n)) => n,
                    None => return,
                },
                (Step::Index(i), Value::Seq(items)) => match items.get_mut(*i) {
                    Some(n) => n,
                    None => return,
                },
                _ => return,
            };
        }
        if let Value::Map(entries) = &mut node.value {
            entries.retain(|(x, _)| &x.name != k);
        }
    }

    /// Convert to JSON for typed deserialisation (after the schema check passed), with each date
    /// text replaced by its value as the check converted it (`converted`, by path): no text is
    /// parsed twice.
    pub fn to_json(&self, converted: &crate::load::schema::Converted) -> serde_json::Value {
        fn go(node: &Node, path: &mut Vec<Step>, converted: &crate::load::schema::Converted) -> serde_json::Value {
            use serde_json::Value as J;
            match &node.value {
                Value::Null => J::Null,
                Value::Bool(b) => J::Bool(*b),
                Value::Int(i) => J::from(*i),
                Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
                Value::Str(s) => converted.get(path.as_slice()).cloned().unwrap_or_else(|| J::String(s.clone())),
                Value::Seq(items) => J::Array(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, v)| {
                            path.push(Step::Index(i));
                            let j = go(v, path, converted);
                            path.pop();
                            j
                        })
                        .collect(),
                ),
                Value::Map(entries) => J::Object(
                    entries
                        .iter()
                        .map(|(k, v)| {
                            path.push(Step::Key(k.name.clone()));
                            let j = go(v, path, converted);
                            path.pop();
                            (k.name.clone(), j)
                        })
                        .collect(),
                ),
            }
        }
        go(self, &mut Vec::new(), converted)
    }
}

fn pos_of<T>(s: &Spanned<T>) -> Pos {
    Pos { line: s.referenced.line() as usize, column: s.referenced.column() as usize }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_char<E: de::Error>(self, v: char) -> Result<Value, E> {
        Ok(Value::Str(v.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Deserialize::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Value>>()? {
            items.push(Node { pos: pos_of(&item), value: item.value });
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<Value>>()? {
            let value: Spanned<Value> = map.next_value()?;
            let name = match &key.value {
                Value::Str(s) => s.clone(),
                Value::Int(i) => i.to_string(),
                Value::Float(f) => f.to_string(),
                Value::Bool(b) => b.to_string(),
                Value::Null => "~".to_string(),
                Value::Seq(_) | Value::Map(_) => {
                    return Err(de::Error::custom("a mapping key must be plain text"));
                }
            };
            entries.push((Key { pos: pos_of(&key), name }, Node { pos: pos_of(&value), value: value.value }));
        }
        Ok(Value::Map(entries))
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

/// Parse the bytes of a YAML file into a tree; on failure, one diagnostic that says where and why.
pub fn parse(file: &Path, bytes: &[u8]) -> Result<(String, Node), Diagnostic> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.strip_prefix('\u{feff}').unwrap_or(t).to_string(),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let valid = valid.strip_prefix('\u{feff}').unwrap_or(valid);
            // Counted as the parser counts (see `diagnostics::source_lines`): a lone CR ends a line too.
            let line = valid.matches(['\n', '\r']).count() - valid.matches("\r\n").count() + 1;
            let column = valid.rsplit(['\n', '\r']).next().map_or(0, |l| l.chars().count()) + 1;
            return Err(Diagnostic {
                line,
                column,
                ..Diagnostic::error(file, crate::t!("data-not-utf8")).hint(crate::t!("data-not-utf8-hint"))
            });
        }
    };
    if text.trim().lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        return Err(Diagnostic::error(file, crate::t!("data-file-empty")).hint(crate::t!("data-file-empty-hint")));
    }
    let mut options = serde_saphyr::Options::default();
    options.with_snippet = false;
    match serde_saphyr::from_str_with_options::<Spanned<Value>>(&text, options) {
        Ok(root) => {
            let node = Node { pos: pos_of(&root), value: root.value };
            Ok((text, node))
        }
        Err(e) => {
            let pos =
                e.location().map_or(Pos::default(), |l| Pos { line: l.line() as usize, column: l.column() as usize });
            let (message, hint) = describe_parse_error(&e);
            let mut d = Diagnostic::error(file, message).at(pos, &text);
            if let Some(h) = hint {
                d = d.hint(h);
            }
            Err(d)
        }
    }
}

fn describe_parse_error(e: &serde_saphyr::Error) -> (String, Option<String>) {
    let raw = e.to_string();
    // The library appends " at line X column Y"; the diagnostic shows the position itself.
    let msg = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw.clone(),
    };
    let duplicate =
        msg.split_once("duplicate mapping key: ").map(|(_, rest)| rest.split(',').next().unwrap_or(rest).trim());
    // What the hint is chosen by (the message as it read before the catalogues: a key named
    // "tabel" still gets the hint about tabs).
    let lower = match duplicate {
        Some(key) => format!("the key \"{key}\" appears twice in this mapping").to_lowercase(),
        None => msg.to_lowercase(),
    };
    let hint = if lower.contains("duplicate") {
        Some(crate::t!("data-yaml-duplicate-hint"))
    } else if lower.contains("tab") {
        Some(crate::t!("data-yaml-tab-hint"))
    } else if lower.contains("alias") || lower.contains("budget") {
        Some(crate::t!("data-yaml-expands-hint"))
    } else if lower.contains("mapping values")
        || lower.contains("did not find expected")
        || lower.contains("while parsing")
    {
        Some(crate::t!("data-yaml-syntax-hint"))
    } else {
        None
    };
    if let Some(key) = duplicate {
        return (crate::t!("data-yaml-duplicate-key", key = key), hint);
    }
    // The parser's own words are English: a Dutch message says what they mean.
    let detail = match crate::core::i18n::language() {
        crate::core::i18n::Lang::En => msg,
        crate::core::i18n::Lang::Nl => parse_error_in_words(&lower),
    };
    (crate::t!("data-yaml-invalid", detail = detail), hint)
}

/// What the parser's (English) message means, in the language of the messages.
fn parse_error_in_words(lower: &str) -> String {
    if lower.contains("tab") {
        crate::t!("data-yaml-detail-tab")
    } else if lower.contains("expected '-'") {
        crate::t!("data-yaml-detail-list-item")
    } else if lower.contains("mapping values") {
        crate::t!("data-yaml-detail-colon")
    } else if lower.contains("unclosed")
        || lower.contains("expected ',' or ']'")
        || lower.contains("expected ',' or '}'")
    {
        crate::t!("data-yaml-detail-unclosed")
    } else if lower.contains("quoted") || lower.contains("quote") {
        crate::t!("data-yaml-detail-quote")
    } else if lower.contains("alias")
        || lower.contains("anchor")
        || lower.contains("budget")
        || lower.contains("recursion")
    {
        crate::t!("data-yaml-detail-expands")
    } else if lower.contains("indent") || lower.contains("did not find expected") {
        crate::t!("data-yaml-detail-indentation")
    } else {
        crate::t!("data-yaml-detail-other")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_of_nested_values() {
        let (_, root) =
            parse(Path::new("t.yaml"), b"naam: X\nfasen:\n  - fase: Realisatiefase\n    sinds: 2024-01\n").unwrap();
        let p = root.locate(&path!["fasen", 0, "sinds"]);
        assert_eq!((p.line, p.column), (4, 12));
        let k = root.locate_key(&path!["fasen", 0, "sinds"]);
        assert_eq!((k.line, k.column), (4, 5));
        assert_eq!(root.get(&path!["fasen", 0, "sinds"]).unwrap().value, Value::Str("2024-01".into()));
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let err = parse(Path::new("t.yaml"), b"naam: a\nnaam: b\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(err.message, "the key \"naam\" appears twice in this mapping");
    }

    #[test]
    fn empty_and_non_utf8_files() {
        assert!(parse(Path::new("t.yaml"), b"# only a comment\n").unwrap_err().message.contains("empty"));
        let e = parse(Path::new("t.yaml"), b"naam: caf\xe9\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 10));
        // Lines end at LF, CRLF or a lone CR, as the parser counts them.
        let e = parse(Path::new("t.yaml"), b"a: 1\r\nb: 2\rnaam: caf\xe9\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 10));
    }
}
