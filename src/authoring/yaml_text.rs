//! Lossless edits of a YAML file's text: add an item to a list, set a value, add a key.
//!
//! The file is never re-serialised: each edit inserts or replaces whole lines (or, in a flow list
//! `[a, b]`, one item), so every other line stays byte-identical — comments, key order, quoting,
//! blank lines, line endings. Positions come from [`crate::yaml_tree`]; only top-level keys are
//! edited, which is all the data format needs (a project's `fasen`, `resultaten`, `einde`, a
//! themalijn's `projecten`, koers.yaml's `rapportages`).

use crate::yaml_tree::{self, Node, Value};
use std::path::Path;

/// A YAML file as lines, with the line ending it uses.
#[derive(Debug, Clone)]
pub struct YamlText {
    lines: Vec<String>,
    crlf: bool,
    final_newline: bool,
}

/// A value as it is written in YAML: on the key's line, or as a literal block below it.
enum Written {
    Inline(String),
    Block { header: &'static str, lines: Vec<String> },
}

impl YamlText {
    pub fn new(text: &str) -> YamlText {
        let crlf = text.contains("\r\n");
        let final_newline = text.ends_with('\n') || text.is_empty();
        let body = text.strip_suffix('\n').unwrap_or(text);
        let lines = if text.is_empty() {
            vec![]
        } else {
            body.split('\n').map(|l| if crlf { l.strip_suffix('\r').unwrap_or(l) } else { l }.to_string()).collect()
        };
        YamlText { lines, crlf, final_newline }
    }

    pub fn text(&self) -> String {
        let eol = if self.crlf { "\r\n" } else { "\n" };
        let mut s = self.lines.join(eol);
        if self.final_newline && !self.lines.is_empty() {
            s.push_str(eol);
        }
        s
    }

    fn tree(&self) -> Result<Node, String> {
        yaml_tree::parse(Path::new("file"), self.text().as_bytes()).map(|(_, n)| n).map_err(|d| {
            format!("the file is not valid YAML (line {}: {}); fix it first (`koers check`)", d.line, d.message)
        })
    }

    /// The 0-based line of a top-level key, and its value.
    fn top_level(&self, key: &str) -> Result<Option<(usize, Node)>, String> {
        let root = self.tree()?;
        let Value::Map(entries) = root.value else {
            return Err("the file is not a mapping of keys to values".into());
        };
        Ok(entries.into_iter().find(|(k, _)| k.name == key).map(|(k, v)| (k.pos.line - 1, v)))
    }

    /// The end (exclusive) of the value of the top-level key on line `key_line`: up to the next
    /// top-level key, without the blank lines and unindented comments that stand before it.
    fn value_end(&self, key_line: usize) -> usize {
        let mut end = self.lines.len();
        for (i, line) in self.lines.iter().enumerate().skip(key_line + 1) {
            let first = line.chars().next();
            if first.is_some_and(|c| !matches!(c, ' ' | '\t' | '#' | '-')) {
                end = i;
                break;
            }
        }
        while end > key_line + 1 {
            let l = &self.lines[end - 1];
            if l.trim().is_empty() || l.starts_with('#') { end -= 1 } else { break }
        }
        end
    }

    /// What follows `key:` on its line, without a comment.
    fn after_colon(&self, key_line: usize, key: &str) -> &str {
        let line = &self.lines[key_line];
        let rest = line.trim_start().strip_prefix(key).unwrap_or("");
        let rest = rest.trim_start().strip_prefix(':').unwrap_or(rest);
        strip_comment(rest).trim()
    }

    /// Add a mapping to the top-level list `key` before item `before` (at the end when None),
    /// creating the list at the end of the file when the key is absent. `fields` are written in
    /// order; `comments` are lines written below them (without `#`). Returns the 1-based line of
    /// the new item.
    pub fn insert_mapping_item(
        &mut self,
        key: &str,
        before: Option<usize>,
        fields: &[(&str, &str)],
        comments: &[String],
    ) -> Result<usize, String> {
        let (dash, content, at) = match self.top_level(key)? {
            None => {
                self.push_line(format!("{key}:"));
                (2, 4, self.lines.len())
            }
            Some((line, node)) => match &node.value {
                Value::Seq(items) if !items.is_empty() => {
                    if self.after_colon(line, key).starts_with('[') {
                        return Err(format!(
                            "\"{key}\" is written as a flow list ([...]); write it as a block list (one \"- \" item per line) to add to it"
                        ));
                    }
                    let first = &items[0];
                    let first_line = &self.lines[first.pos.line - 1];
                    let dash = first_line.len() - first_line.trim_start().len();
                    let content = char_col_to_byte(first_line, first.pos.column).max(dash + 2);
                    let at = match before {
                        Some(i) if i < items.len() => self.item_start(&items[i], dash),
                        _ => self.value_end(line),
                    };
                    (dash, content, at)
                }
                Value::Seq(_) | Value::Null => {
                    // `key: []` or `key:` with nothing: the items go below the key.
                    let l = &mut self.lines[line];
                    if let Some(i) = l.find(" []") {
                        l.replace_range(i..i + 3, "");
                    } else if let Some(i) = l.find("[]") {
                        l.replace_range(i..i + 2, "");
                    }
                    (2, 4, self.value_end(line))
                }
                other => return Err(format!("\"{key}\" is {}, not a list", other.kind())),
            },
        };
        let mut new_lines = Vec::new();
        for (i, (k, v)) in fields.iter().enumerate() {
            let indent = if i == 0 { format!("{}- ", " ".repeat(dash)) } else { " ".repeat(content) };
            push_field(&mut new_lines, &indent, content, k, v);
        }
        for c in comments {
            new_lines.push(if c.is_empty() {
                format!("{}#", " ".repeat(content))
            } else {
                format!("{}# {c}", " ".repeat(content))
            });
        }
        self.lines.splice(at..at, new_lines);
        Ok(at + 1)
    }

    /// The first line of a block-list item, with the comment lines directly above it at the
    /// item's indentation (they belong to it).
    fn item_start(&self, item: &Node, dash: usize) -> usize {
        // The item's node starts after its dash, on the dash's line.
        let mut at = item.pos.line - 1;
        while at > 0 {
            let prev = &self.lines[at - 1];
            let indent = prev.len() - prev.trim_start().len();
            if prev.trim_start().starts_with('#') && indent == dash { at -= 1 } else { break }
        }
        at
    }

    /// Add a plain value (an id) to the top-level list `key` after item `after` (at the end when
    /// None), in the list's own style: `[a, b]` or one `- id` per line. Returns the 1-based line.
    pub fn insert_scalar_item(&mut self, key: &str, after: Option<usize>, value: &str) -> Result<usize, String> {
        let written = match written(value) {
            Written::Inline(s) => s,
            Written::Block { .. } => return Err(format!("\"{value}\" cannot stand in a list of ids")),
        };
        let Some((line, node)) = self.top_level(key)? else {
            self.push_line(format!("{key}: [{written}]"));
            return Ok(self.lines.len());
        };
        let Value::Seq(items) = &node.value else {
            return Err(format!("\"{key}\" is {}, not a list", node.value.kind()));
        };
        if self.after_colon(line, key).starts_with('[') {
            // A flow list, possibly over several lines: insert after the item's token.
            if items.is_empty() {
                let l = &mut self.lines[line];
                let i = l.find("[]").ok_or_else(|| format!("cannot find the list of \"{key}\""))?;
                l.insert_str(i + 1, &written);
                return Ok(line + 1);
            }
            let idx = after.unwrap_or(items.len() - 1).min(items.len() - 1);
            let item = &items[idx];
            let l = &mut self.lines[item.pos.line - 1];
            let start = char_col_to_byte(l, item.pos.column);
            let end = start + token_len(&l[start..]);
            l.insert_str(end, &format!(", {written}"));
            return Ok(item.pos.line);
        }
        if items.is_empty() {
            let l = &mut self.lines[line];
            if let Some(i) = l.find("[]") {
                l.insert_str(i + 1, &written);
                return Ok(line + 1);
            }
        }
        let (dash, at) = match items.get(after.unwrap_or(usize::MAX)) {
            Some(item) => {
                let item_line = &self.lines[item.pos.line - 1];
                (item_line.len() - item_line.trim_start().len(), item.pos.line)
            }
            None => match items.last() {
                Some(last) => {
                    let item_line = &self.lines[last.pos.line - 1];
                    (item_line.len() - item_line.trim_start().len(), self.value_end(line))
                }
                None => (2, self.value_end(line)),
            },
        };
        self.lines.insert(at, format!("{}- {written}", " ".repeat(dash)));
        Ok(at + 1)
    }

    /// Set the top-level key `key` to a one-line value, keeping a comment on its line; when the
    /// key is absent, add it after the top-level key `after`. Returns the 1-based line and the
    /// previous value (as written), if any.
    pub fn set_top_level_value(
        &mut self,
        key: &str,
        value: &str,
        after: &str,
    ) -> Result<(usize, Option<String>), String> {
        let Written::Inline(new) = written(value) else {
            return Err(format!("the value of \"{key}\" must be one line"));
        };
        match self.top_level(key)? {
            Some((line, node)) => {
                if node.pos.line - 1 != line {
                    return Err(format!("\"{key}\" is written over several lines; write it on one line to change it"));
                }
                let l = &self.lines[line];
                let start = char_col_to_byte(l, node.pos.column);
                let (code, _) = split_comment(l);
                let end = code.trim_end().len().max(start);
                let old = l[start..end].to_string();
                self.lines[line].replace_range(start..end, &new);
                Ok((line + 1, Some(old)))
            }
            None => {
                let at = match self.top_level(after)? {
                    Some((line, _)) => self.value_end(line),
                    None => self.lines.len(),
                };
                self.lines.insert(at, format!("{key}: {new}"));
                Ok((at + 1, None))
            }
        }
    }

    fn push_line(&mut self, line: String) {
        self.lines.push(line);
        self.final_newline = true;
    }
}

/// `key: value` on one line (a multi-line value is written quoted).
pub fn one_line_field(key: &str, value: &str) -> String {
    match written(value) {
        Written::Inline(s) => format!("{key}: {s}"),
        Written::Block { .. } => format!("{key}: {}", double_quoted(value)),
    }
}

/// Write `key: value` with the first line's prefix `indent`; a multi-line value as a literal block
/// indented two more than `content`.
fn push_field(out: &mut Vec<String>, indent: &str, content: usize, key: &str, value: &str) {
    match written(value) {
        Written::Inline(s) => out.push(format!("{indent}{key}: {s}")),
        Written::Block { header, lines } => {
            out.push(format!("{indent}{key}: {header}"));
            let pad = " ".repeat(content + 2);
            out.extend(lines.into_iter().map(|l| if l.is_empty() { l } else { format!("{pad}{l}") }));
        }
    }
}

/// How `s` is written so that YAML reads back exactly `s` as text.
fn written(s: &str) -> Written {
    let literal_ok = s.contains('\n')
        && !s.starts_with([' ', '\t', '\n'])
        && !s.contains('\t')
        && !s.contains('\r')
        && !s.trim_end_matches('\n').is_empty()
        && s.chars().all(|c| !c.is_control() || c == '\n')
        && !s.ends_with("\n\n");
    if literal_ok {
        let header = if s.ends_with('\n') { "|" } else { "|-" };
        let lines = s.strip_suffix('\n').unwrap_or(s).split('\n').map(str::to_string).collect();
        return Written::Block { header, lines };
    }
    if is_plain_safe(s) { Written::Inline(s.to_string()) } else { Written::Inline(double_quoted(s)) }
}

/// A plain (unquoted) scalar that YAML reads back as this very text.
fn is_plain_safe(s: &str) -> bool {
    if s.is_empty() || s != s.trim() || s.contains(['\n', '\r', '\t']) || s.chars().any(char::is_control) {
        return false;
    }
    let first = s.chars().next().expect("not empty");
    if ",[]{}#&*!|>'\"%@`".contains(first) || s.starts_with("- ") || s.starts_with("? ") || s.starts_with(": ") {
        return false;
    }
    if s == "-" || s == "?" || s == ":" || s.starts_with("---") || s.starts_with("...") {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    // Text that YAML would read as something else (a number, yes/no, null): ask the parser.
    yaml_tree::parse(Path::new("value"), format!("k: {s}\n").as_bytes())
        .is_ok_and(|(_, root)| root.get(&crate::path!["k"]).is_some_and(|n| n.value == Value::Str(s.to_string())))
}

fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The length in bytes of the scalar token at the start of `s` (in a flow list).
fn token_len(s: &str) -> usize {
    let mut chars = s.char_indices();
    match chars.next() {
        Some((_, q @ ('"' | '\''))) => {
            let mut escaped = false;
            for (i, c) in chars {
                if q == '"' && c == '\\' && !escaped {
                    escaped = true;
                    continue;
                }
                if c == q && !escaped {
                    return i + 1;
                }
                escaped = false;
            }
            s.len()
        }
        _ => {
            let end = s.find([',', ']', '#']).unwrap_or(s.len());
            s[..end].trim_end().len()
        }
    }
}

/// Byte offset of a 1-based character column.
fn char_col_to_byte(line: &str, column: usize) -> usize {
    line.char_indices().nth(column.saturating_sub(1)).map_or(line.len(), |(i, _)| i)
}

/// A line split into its code and a trailing comment (` # ...`), outside quotes.
fn split_comment(line: &str) -> (&str, Option<&str>) {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && (prev == ' ' || prev == '\t' || i == 0) => return (&line[..i], Some(&line[i..])),
            None => {}
        }
        prev = c;
    }
    (line, None)
}

fn strip_comment(s: &str) -> &str {
    split_comment(s).0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reads_back(value: &str) {
        let mut doc = YamlText::new("naam: x\n");
        doc.insert_mapping_item("lijst", None, &[("tekst", value)], &[]).unwrap();
        let (_, root) = yaml_tree::parse(Path::new("t"), doc.text().as_bytes()).unwrap();
        let got = root.get(&crate::path!["lijst", 0, "tekst"]).unwrap();
        assert_eq!(got.value, Value::Str(value.to_string()), "written as:\n{}", doc.text());
    }

    #[test]
    fn every_text_reads_back_as_written() {
        for v in [
            "Gewoon een zin.",
            "Let op: dubbele punt",
            "#hashtag vooraan",
            "tekst met # erin",
            "- begint met streep",
            "yes",
            "2024",
            "12-2026",
            "1e4",
            "\"aanhalingstekens\"",
            "'enkel'",
            "regel één\nregel twee\n",
            "zonder slotregel\nmaar twee regels",
            "  spaties vooraan",
            "eindigt met spatie ",
            "[geen lijst]",
            "{geen map}",
            "a\\b",
            "*ster",
            "&anker",
            "!tag",
            "%procent",
            "@at",
            "`backtick",
            "|pijp",
            ">groter",
            "ééntje 😀",
            "null",
            "~",
            "eindigt met:",
        ] {
            reads_back(v);
        }
    }

    #[test]
    fn appends_to_a_block_list_keeping_every_other_line() {
        let src = "naam: X  # a comment\nfasen:\n  - fase: Initiatiefase\n  # comment in the list\n  - fase: Definitiefase\n    sinds: 2024-01\n\n# before resultaten\nresultaten: []\n";
        let mut doc = YamlText::new(src);
        let line =
            doc.insert_mapping_item("fasen", None, &[("fase", "Ontwerpfase"), ("sinds", "2024-06")], &[]).unwrap();
        assert_eq!(line, 7);
        assert_eq!(
            doc.text(),
            "naam: X  # a comment\nfasen:\n  - fase: Initiatiefase\n  # comment in the list\n  - fase: Definitiefase\n    sinds: 2024-01\n  - fase: Ontwerpfase\n    sinds: 2024-06\n\n# before resultaten\nresultaten: []\n"
        );
    }

    #[test]
    fn inserts_before_an_item_with_its_comment() {
        let src = "r:\n- a: 1\n# about two\n- a: 2\n";
        let mut doc = YamlText::new(src);
        doc.insert_mapping_item("r", Some(1), &[("a", "new")], &[]).unwrap();
        assert_eq!(doc.text(), "r:\n- a: 1\n- a: new\n# about two\n- a: 2\n");
    }

    #[test]
    fn an_empty_or_missing_list_gets_its_first_item() {
        let mut doc = YamlText::new("naam: X\nresultaten: []  # none yet\nnotes: x\n");
        doc.insert_mapping_item("resultaten", None, &[("tekst", "Eerste")], &[]).unwrap();
        assert_eq!(doc.text(), "naam: X\nresultaten:  # none yet\n  - tekst: Eerste\nnotes: x\n");
        let mut doc = YamlText::new("naam: X");
        doc.insert_mapping_item("fasen", None, &[("fase", "Initiatiefase")], &[]).unwrap();
        assert_eq!(doc.text(), "naam: X\nfasen:\n  - fase: Initiatiefase\n");
    }

    #[test]
    fn flow_and_block_lists_of_ids() {
        let mut doc = YamlText::new("projecten: [a, b,\n  c]  # ids\nnaam: t\n");
        doc.insert_scalar_item("projecten", None, "d").unwrap();
        doc.insert_scalar_item("projecten", Some(0), "a2").unwrap();
        assert_eq!(doc.text(), "projecten: [a, a2, b,\n  c, d]  # ids\nnaam: t\n");
        let mut doc = YamlText::new("projecten:\n  - a\n  - b\nnaam: t\n");
        doc.insert_scalar_item("projecten", Some(0), "a2").unwrap();
        doc.insert_scalar_item("projecten", None, "z").unwrap();
        assert_eq!(doc.text(), "projecten:\n  - a\n  - a2\n  - b\n  - z\nnaam: t\n");
    }

    #[test]
    fn sets_a_value_keeping_its_comment_and_line_endings() {
        let mut doc = YamlText::new("start: 2024-01\r\neinde: doorlopend  # see note\r\n");
        let (line, old) = doc.set_top_level_value("einde", "2025-06", "start").unwrap();
        assert_eq!((line, old.as_deref()), (2, Some("doorlopend")));
        assert_eq!(doc.text(), "start: 2024-01\r\neinde: 2025-06  # see note\r\n");
        let mut doc = YamlText::new("start: 2024-01\nfasen: []\n");
        doc.set_top_level_value("einde", "nog niet bekend", "start").unwrap();
        assert_eq!(doc.text(), "start: 2024-01\neinde: nog niet bekend\nfasen: []\n");
    }
}
