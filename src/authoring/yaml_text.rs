//! Lossless edits of a YAML file's text: add an item to a list, set a value, add a key.
//!
//! The file is never re-serialised: each edit inserts or replaces whole lines (or, in a flow list
//! `[a, b]`, one item), so every other line stays byte-identical — comments, key order, quoting,
//! blank lines, line endings. Positions come from [`crate::load::yaml_tree`]; only top-level keys are
//! edited, which is all the data format needs (a project's `fasen`, `resultaten`, `einde`, a
//! themalijn's `projecten`, koers.yaml's `rapportages`).

use crate::core::diagnostics::Pos;
use crate::load::yaml_tree::{self, Key, Node, Value};
use std::path::Path;

/// A YAML file as lines, each with its own line ending (LF or CRLF; a new line gets the ending
/// most of the file's lines have).
#[derive(Debug, Clone)]
pub struct YamlText {
    lines: Vec<String>,
    /// Whether each line ends in CRLF (the last one: if the file ends with a line break).
    crlf: Vec<bool>,
    /// The ending of a new line.
    new_crlf: bool,
    final_newline: bool,
    /// Whether the file starts with a byte order mark (kept apart: the parser's positions are
    /// those of the text after it).
    bom: bool,
}

/// A top-level key of the file.
struct Entry {
    /// The 0-based line of the key.
    line: usize,
    value: Node,
    /// The end (exclusive) of its value's lines, see [`YamlText::value_end`].
    end: usize,
}

/// A value as it is written in YAML: on the key's line, or as a literal block below it.
enum Written {
    Inline(String),
    Block { header: &'static str, lines: Vec<String> },
}

impl YamlText {
    pub fn new(text: &str) -> YamlText {
        let (bom, text) = match text.strip_prefix('\u{feff}') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let final_newline = text.ends_with('\n') || text.is_empty();
        let body = text.strip_suffix('\n').unwrap_or(text);
        let (lines, crlf): (Vec<String>, Vec<bool>) = if text.is_empty() {
            (vec![], vec![])
        } else {
            let pieces: Vec<&str> = body.split('\n').collect();
            let n = pieces.len();
            pieces
                .into_iter()
                .enumerate()
                .map(|(i, l)| match l.strip_suffix('\r') {
                    // A CR ends the line only before an LF (the last line has one if the file ends with it).
                    Some(stripped) if i + 1 < n || final_newline => (stripped.to_string(), true),
                    _ => (l.to_string(), false),
                })
                .unzip()
        };
        let with_cr = crlf.iter().filter(|c| **c).count();
        let breaks = lines.len() - usize::from(!final_newline && !lines.is_empty());
        YamlText { new_crlf: breaks > 0 && with_cr * 2 >= breaks, lines, crlf, final_newline, bom }
    }

    pub fn text(&self) -> String {
        let mut s = String::with_capacity(self.lines.iter().map(|l| l.len() + 2).sum::<usize>() + 3);
        if self.bom {
            s.push('\u{feff}');
        }
        for (i, (line, cr)) in self.lines.iter().zip(&self.crlf).enumerate() {
            s.push_str(line);
            if i + 1 < self.lines.len() || self.final_newline {
                s.push_str(if *cr { "\r\n" } else { "\n" });
            }
        }
        s
    }

    /// Insert lines before line `at` (0-based), with the file's line ending.
    fn insert_lines(&mut self, at: usize, lines: Vec<String>) {
        let n = lines.len();
        // After a last line without a line break: it gets one (the new last line goes without).
        if at == self.lines.len() && !self.final_newline && at > 0 {
            self.crlf[at - 1] = self.new_crlf;
        }
        self.lines.splice(at..at, lines);
        self.crlf.splice(at..at, std::iter::repeat_n(self.new_crlf, n));
    }

    fn tree(&self) -> Result<Node, String> {
        // A CR alone is a line break to the parser but not to these lines: positions would disagree.
        if self.lines.iter().any(|l| l.contains('\r')) {
            return Err(crate::t!("cmd-yaml-lone-cr"));
        }
        yaml_tree::parse(Path::new("file"), self.text().as_bytes())
            .map(|(_, n)| n)
            .map_err(|d| crate::t!("cmd-yaml-invalid", line = d.line, message = d.message))
    }

    /// A top-level key: its line, its value and where the value ends.
    fn top_level(&self, key: &str) -> Result<Option<Entry>, String> {
        let root = self.tree()?;
        let Value::Map(entries) = root.value else {
            return Err(crate::t!("cmd-yaml-not-a-mapping"));
        };
        if entries.iter().any(|(k, _)| k.pos.column != 1) {
            return Err(crate::t!("cmd-yaml-top-level-indented"));
        }
        let Some(i) = entries.iter().position(|(k, _)| k.name == key) else { return Ok(None) };
        let next = entries.get(i + 1).map_or_else(|| self.document_end(), |(k, _)| k.pos.line - 1);
        let (k, value) = entries.into_iter().nth(i).expect("found");
        let line = k.pos.line - 1;
        Ok(Some(Entry { line, value, end: self.value_end(line, next) }))
    }

    /// The end (exclusive) of the value of the top-level key on line `key_line`, whose next
    /// top-level key stands on line `next` (from the parser: a value's lines may start at column 1,
    /// in quotes or a flow list): without the empty lines and unindented comments before that key.
    /// A line of spaces stays: in a block scalar (`|`) it may be text. After a block scalar that
    /// keeps its final line breaks (`|+`, `>+`), the empty lines are its text too: nothing is left
    /// out then.
    fn value_end(&self, key_line: usize, next: usize) -> usize {
        let keeps_breaks = self.lines[key_line..next].iter().any(|l| {
            let header = strip_comment(l).trim_end().rsplit([' ', '\t']).next().unwrap_or("");
            header.starts_with(['|', '>']) && header.contains('+')
        });
        let mut end = next;
        while end > key_line + 1 && !keeps_breaks {
            let l = &self.lines[end - 1];
            if l.is_empty() || l.starts_with('#') { end -= 1 } else { break }
        }
        end
    }

    /// What follows `key:` on its line, without a comment.
    fn after_colon(&self, key_line: usize, key: &str) -> &str {
        let line = &self.lines[key_line];
        let rest = colon_after_key(line, key).map_or("", |colon| &line[colon..]);
        strip_comment(rest).trim()
    }

    /// Empty what is written after `key:` on its line (`[]`, `~`), keeping a comment, so that the
    /// items of a list can go below it. Whether there was anything.
    fn clear_inline_value(&mut self, key_line: usize, key: &str) -> bool {
        let l = &self.lines[key_line];
        let Some(colon) = colon_after_key(l, key) else { return false };
        let end = yaml_trim_end(split_comment(l).0).len().max(colon);
        if l[colon..end].trim().is_empty() {
            return false;
        }
        self.lines[key_line].replace_range(colon..end, "");
        true
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
        let item = Value::Map(
            fields.iter().map(|(k, v)| (Key { pos: Pos::default(), name: k.to_string() }, text(v))).collect(),
        );
        self.checked(key, Expected::Item(item), |doc| doc.insert_mapping_item_unchecked(key, before, fields, comments))
    }

    fn insert_mapping_item_unchecked(
        &mut self,
        key: &str,
        before: Option<usize>,
        fields: &[(&str, &str)],
        comments: &[String],
    ) -> Result<usize, String> {
        let (dash, content, at) = match self.top_level(key)? {
            None => {
                let at = self.append_lines(vec![format!("{key}:")]);
                (2, 4, at + 1)
            }
            Some(Entry { line, value, end }) => match &value.value {
                Value::Seq(items) if !items.is_empty() => {
                    if self.after_colon(line, key).starts_with('[') {
                        return Err(crate::t!("cmd-yaml-flow-list", key = key));
                    }
                    let first = &items[0];
                    let dash = indentation(&self.lines[self.dash_line(first)]);
                    // Where the first item's content starts (on its dash's line or below it).
                    let first_line = &self.lines[first.pos.line - 1];
                    let content = char_col_to_byte(first_line, first.pos.column).max(dash + 2);
                    let at = match before {
                        Some(i) if i < items.len() => self.item_start(&items[i], dash),
                        _ => end,
                    };
                    (dash, content, at)
                }
                Value::Seq(_) | Value::Null => {
                    // `key: []`, `key: ~` or `key:` with nothing: the items go below the key —
                    // right below the line that loses its `[]`, so that the change stays in one place.
                    let at = if self.clear_inline_value(line, key) { line + 1 } else { end };
                    (2, 4, at)
                }
                other => return Err(crate::t!("cmd-yaml-not-a-list", key = key, kind = other.described())),
            },
        };
        let mut new_lines = Vec::new();
        for (i, (k, v)) in fields.iter().enumerate() {
            // The dash, and the fields aligned as in the list's first item (`- a:` or `-   a:`).
            let indent = match i {
                0 => format!("{}-{}", " ".repeat(dash), " ".repeat(content - dash - 1)),
                _ => " ".repeat(content),
            };
            push_field(&mut new_lines, &indent, content, k, v);
        }
        for c in comments {
            // koers' own note: a line of text, without what YAML does not allow in a comment.
            let c: String = c.chars().map(|ch| if ch.is_control() || ch == '\u{feff}' { ' ' } else { ch }).collect();
            let c = c.trim_end();
            new_lines.push(if c.is_empty() {
                format!("{}#", " ".repeat(content))
            } else {
                format!("{}# {c}", " ".repeat(content))
            });
        }
        self.insert_lines(at, new_lines);
        Ok(at + 1)
    }

    /// The first line of a block-list item, with the comment lines directly above it at the
    /// item's indentation (they belong to it).
    fn item_start(&self, item: &Node, dash: usize) -> usize {
        let mut at = self.dash_line(item);
        while at > 0 {
            let prev = &self.lines[at - 1];
            if prev.trim_start().starts_with('#') && indentation(prev) == dash { at -= 1 } else { break }
        }
        at
    }

    /// The line of a block-list item's dash: the item's node starts after it, on its line or —
    /// when the dash stands alone or with a comment — on a line below.
    fn dash_line(&self, item: &Node) -> usize {
        let at = item.pos.line - 1;
        let l = &self.lines[at];
        if l[..char_col_to_byte(l, item.pos.column)].trim_end().ends_with('-') {
            return at;
        }
        let mut up = at;
        while up > 0 {
            up -= 1;
            let code = strip_comment(&self.lines[up]).trim();
            if code == "-" {
                return up;
            }
            if !code.is_empty() {
                break;
            }
        }
        at
    }

    /// Add a plain value (an id) to the top-level list `key` after item `after` (at the end when
    /// None), in the list's own style: `[a, b]` or one `- id` per line. Returns the 1-based line.
    pub fn insert_scalar_item(&mut self, key: &str, after: Option<usize>, value: &str) -> Result<usize, String> {
        self.checked(key, Expected::Item(text(value).value), |doc| doc.insert_scalar_item_unchecked(key, after, value))
    }

    fn insert_scalar_item_unchecked(&mut self, key: &str, after: Option<usize>, value: &str) -> Result<usize, String> {
        let written = match written(value) {
            // In a flow list `[a, b]` the flow indicators end a plain value.
            Written::Inline(s) if s == value && value.contains([',', '[', ']', '{', '}']) => double_quoted(value),
            Written::Inline(s) => s,
            Written::Block { .. } => return Err(crate::t!("cmd-yaml-not-an-id", value = value)),
        };
        let Some(Entry { line, value, end }) = self.top_level(key)? else {
            let at = self.append_lines(vec![format!("{key}: [{written}]")]);
            return Ok(at + 1);
        };
        let items: &[Node] = match &value.value {
            Value::Seq(items) => items,
            Value::Null => &[],
            other => return Err(crate::t!("cmd-yaml-not-a-list", key = key, kind = other.described())),
        };
        if self.after_colon(line, key).starts_with('[') {
            // A flow list, possibly over several lines: insert after the item's token.
            if items.is_empty() {
                let l = &mut self.lines[line];
                let i = l.find("[]").ok_or_else(|| crate::t!("cmd-yaml-list-not-found", key = key))?;
                l.insert_str(i + 1, &written);
                return Ok(line + 1);
            }
            let idx = after.unwrap_or(items.len() - 1).min(items.len() - 1);
            let item = &items[idx];
            if matches!(item.value, Value::Seq(_) | Value::Map(_)) {
                return Err(crate::t!("cmd-yaml-not-a-list-of-ids", key = key));
            }
            let l = &mut self.lines[item.pos.line - 1];
            let start = char_col_to_byte(l, item.pos.column);
            let end = start + token_len(&l[start..]);
            l.insert_str(end, &format!(", {written}"));
            return Ok(item.pos.line);
        }
        if items.is_empty() {
            // `key: ~` or `key:` with nothing: the first item of a block list.
            let at = if self.clear_inline_value(line, key) { line + 1 } else { end };
            self.insert_lines(at, vec![format!("  - {written}")]);
            return Ok(at + 1);
        }
        let a = after.filter(|a| *a < items.len()).unwrap_or(items.len() - 1);
        let dash = indentation(&self.lines[self.dash_line(&items[a])]);
        // After the whole item (it may span lines), before the next one and its comments.
        let at = match items.get(a + 1) {
            Some(next) => self.item_start(next, dash),
            None => end,
        };
        self.insert_lines(at, vec![format!("{}- {written}", " ".repeat(dash))]);
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
        self.checked(key, Expected::Value(text(value).value), |doc| {
            doc.set_top_level_value_unchecked(key, value, after)
        })
    }

    fn set_top_level_value_unchecked(
        &mut self,
        key: &str,
        value: &str,
        after: &str,
    ) -> Result<(usize, Option<String>), String> {
        let Written::Inline(new) = written(value) else {
            return Err(crate::t!("cmd-yaml-one-line", key = key));
        };
        match self.top_level(key)? {
            Some(Entry { line, value, end }) => {
                let continued = self
                    .lines
                    .get(line + 1..end)
                    .unwrap_or_default()
                    .iter()
                    .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
                if value.pos.line - 1 != line || continued {
                    return Err(crate::t!("cmd-yaml-multi-line", key = key));
                }
                // The value is what stands between the colon and a comment (nothing, for a key
                // without a value: the parser places that null elsewhere).
                let l = &self.lines[line];
                let colon = colon_after_key(l, key).unwrap_or_else(|| char_col_to_byte(l, value.pos.column));
                let (code, _) = split_comment(l);
                let end = yaml_trim_end(code).len().max(colon);
                let old = l[colon..end].trim().to_string();
                self.lines[line].replace_range(colon..end, &format!(" {new}"));
                Ok((line + 1, (!old.is_empty()).then_some(old)))
            }
            None => {
                let at = match self.top_level(after)? {
                    Some(entry) => entry.end,
                    None => self.document_end(),
                };
                self.insert_lines(at, vec![format!("{key}: {new}")]);
                Ok((at + 1, None))
            }
        }
    }

    /// Make an edit of the top-level `key`, and keep it only if the file still parses and reads
    /// as before but for `key`, which reads as `expected`: a layout the line edits do not foresee
    /// is refused rather than broken or read differently. A refused edit leaves the text as it was.
    fn checked<T>(
        &mut self,
        key: &str,
        expected: Expected,
        edit: impl FnOnce(&mut YamlText) -> Result<T, String>,
    ) -> Result<T, String> {
        let before = self.clone();
        let result = edit(self).and_then(|t| match (before.tree(), self.tree()) {
            (Ok(old), Ok(new)) if only_key_changed(&old, &new, key, &expected) => Ok(t),
            _ => Err(crate::t!("cmd-yaml-unforeseen-layout", key = key)),
        });
        if result.is_err() {
            *self = before;
        }
        result
    }

    /// The end (exclusive) of the document: its end marker `...`, or the end of the file. (After
    /// a last line of spaces too: before it, it would become text of a block scalar added there;
    /// where the line break it gets changes the text of a block scalar that keeps its final line
    /// breaks, `|+`, the check of [`YamlText::checked`] refuses the edit.)
    fn document_end(&self) -> usize {
        let marker = |l: &String| l.starts_with("...") && strip_comment(l).trim_end() == "...";
        self.lines.iter().position(marker).unwrap_or(self.lines.len())
    }

    /// Add lines at the end of the document. Returns the index of the first.
    fn append_lines(&mut self, lines: Vec<String>) -> usize {
        let at = self.document_end();
        self.insert_lines(at, lines);
        at
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

/// What an edit must leave at its top-level key.
enum Expected {
    /// This value.
    Value(Value),
    /// The list that was there (none, or a null: an empty one) with this item more.
    Item(Value),
}

/// A text as a node (the edits write every value so that it reads back as the text given).
fn text(s: &str) -> Node {
    Node { pos: Pos::default(), value: Value::Str(s.to_string()) }
}

/// Whether the mapping `new` holds what `old` holds but for the top-level `key`, which holds
/// what is `expected` there.
fn only_key_changed(old: &Node, new: &Node, key: &str, expected: &Expected) -> bool {
    let (Value::Map(old), Value::Map(new)) = (&old.value, &new.value) else { return false };
    fn others<'a>(m: &'a [(Key, Node)], key: &str) -> Vec<&'a (Key, Node)> {
        m.iter().filter(|(k, _)| k.name != key).collect()
    }
    fn value<'a>(m: &'a [(Key, Node)], key: &str) -> Option<&'a Value> {
        m.iter().find(|(k, _)| k.name == key).map(|(_, v)| &v.value)
    }
    let (old_others, new_others) = (others(old, key), others(new, key));
    let same_others = old_others.len() == new_others.len()
        && old_others.iter().zip(&new_others).all(|((ka, a), (kb, b))| ka.name == kb.name && same_data(a, b));
    let item = match expected {
        _ if !same_others => return false,
        Expected::Value(v) => return value(new, key).is_some_and(|n| same_value(n, v)),
        Expected::Item(item) => item,
    };
    let old_items: &[Node] = match value(old, key) {
        None | Some(Value::Null) => &[],
        Some(Value::Seq(items)) => items,
        Some(_) => return false,
    };
    let Some(Value::Seq(new_items)) = value(new, key) else { return false };
    // The first item that differs is the new one; the others follow it.
    let at = old_items.iter().zip(new_items).take_while(|(a, b)| same_data(a, b)).count();
    new_items.len() == old_items.len() + 1
        && same_value(&new_items[at].value, item)
        && old_items[at..].iter().zip(&new_items[at + 1..]).all(|(a, b)| same_data(a, b))
}

/// Whether two nodes hold the same data, wherever they stand.
fn same_data(a: &Node, b: &Node) -> bool {
    same_value(&a.value, &b.value)
}

/// Whether two values are the same data, wherever their parts stand.
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Seq(x), Value::Seq(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_data(a, b)),
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((ka, a), (kb, b))| ka.name == kb.name && same_data(a, b))
        }
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (x, y) => x == y,
    }
}

/// The byte offset just after the colon of `key:` at the start of a top-level key's line (the
/// key plain or quoted, spaces before the colon).
fn colon_after_key(line: &str, key: &str) -> Option<usize> {
    [key.to_string(), format!("\"{key}\""), format!("'{key}'")].iter().find_map(|spelled| {
        let rest = line.strip_prefix(spelled.as_str())?;
        let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        rest[spaces..].starts_with(':').then_some(spelled.len() + spaces + 1)
    })
}

/// Without the spaces and tabs at the end: only those are white space to YAML (a NEL, U+0085,
/// or a no-break space is text).
fn yaml_trim_end(s: &str) -> &str {
    s.trim_end_matches([' ', '\t'])
}

/// The number of spaces a line starts with.
fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Byte offset of a 1-based character column.
fn char_col_to_byte(line: &str, column: usize) -> usize {
    line.char_indices().nth(column.saturating_sub(1)).map_or(line.len(), |(i, _)| i)
}

/// A line split into its code and a trailing comment (` # ...`), outside quotes. A quote opens a
/// quoted text only where a value starts (`it's`, `!!str'a` are plain text); in double quotes a
/// backslash escapes the next character, in single quotes `''` is a quote.
fn split_comment(line: &str) -> (&str, Option<&str>) {
    let mut quote: Option<char> = None;
    let (mut prev, mut escaped, mut closed_single) = (' ', false, false);
    for (i, c) in line.char_indices() {
        let was_closed_single = std::mem::take(&mut closed_single);
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => {
                quote = None;
                closed_single = q == '\'';
            }
            Some(_) => {}
            None if c == '\'' && was_closed_single => quote = Some(c),
            None if (c == '"' || c == '\'') && matches!(prev, ' ' | '\t' | '[' | '{' | ',') => quote = Some(c),
            None if c == '#' && matches!(prev, ' ' | '\t') => return (&line[..i], Some(&line[i..])),
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
    fn a_comment_starts_where_yaml_starts_it() {
        for (line, code) in [
            ("naam: x # c", "naam: x "),
            ("# c", ""),
            ("naam: 'a # b' # c", "naam: 'a # b' "),
            ("naam: \"a \\\" # b\" # c", "naam: \"a \\\" # b\" "),
            ("naam: 'it''s # b' # c", "naam: 'it''s # b' "),
            ("naam: it's # c", "naam: it's "),
            ("naam: !!str'a # c'", "naam: !!str'a "),
            ("ids: [a, 'b # c', \"d\"] # c", "ids: [a, 'b # c', \"d\"] "),
            ("naam: a#b", "naam: a#b"),
        ] {
            assert_eq!(split_comment(line).0, code, "{line}");
        }
    }

    #[test]
    fn keeps_a_comment_after_an_apostrophe_in_plain_text() {
        let mut doc = YamlText::new("naam: it's # a comment\neinde: 2025-01\n");
        doc.set_top_level_value("naam", "Valpreventie", "naam").unwrap();
        assert_eq!(doc.text(), "naam: Valpreventie # a comment\neinde: 2025-01\n");
        // A tag's quote opens no quoted text: `# b'` is a comment, and stays.
        let mut doc = YamlText::new("resultaten: !!null'a # b'\n");
        doc.insert_mapping_item("resultaten", None, &[("tekst", "Eerste")], &[]).unwrap();
        assert_eq!(doc.text(), "resultaten: # b'\n  - tekst: Eerste\n");
    }

    #[test]
    fn a_value_that_is_no_list_is_named_with_its_kind() {
        let mut doc = YamlText::new("resultaten:\n  tekst: Eerste\n");
        let err = doc.insert_mapping_item("resultaten", None, &[("tekst", "Tweede")], &[]).unwrap_err();
        assert_eq!(err, "\"resultaten\" is a mapping, not a list");
        let mut doc = YamlText::new("projecten: 3\n");
        assert_eq!(
            doc.insert_scalar_item("projecten", None, "x").unwrap_err(),
            "\"projecten\" is a number, not a list"
        );
    }

    #[test]
    fn replaces_a_value_up_to_yaml_white_space() {
        // A NEL (U+0085) is text to YAML, not white space: part of the value replaced.
        let mut doc = YamlText::new("einde: x\u{85}\nstart: 2024-01\n");
        doc.set_top_level_value("einde", "2025-06", "start").unwrap();
        assert_eq!(doc.text(), "einde: 2025-06\nstart: 2024-01\n");
    }

    #[test]
    fn refuses_an_edit_that_would_change_another_value() {
        // The line break the last line (spaces) gets when a key is appended would be text of the
        // `|+` block, which keeps its final line breaks.
        let src = "paginavolgorde: |+\n  item\n ";
        let mut doc = YamlText::new(src);
        let e = doc.insert_mapping_item("projecten", None, &[("tekst", "x")], &[]).unwrap_err();
        assert!(e.contains("changing more than \"projecten\"") && e.contains("make it by hand"), "{e}");
        assert_eq!(doc.text(), src);
    }

    #[test]
    fn appends_after_a_last_line_of_spaces() {
        // Before the spaces, they would become text of the new `|-` block.
        let mut doc = YamlText::new("r:\n  - a\n        ");
        doc.insert_mapping_item("s", None, &[("maand", "twee\nregels")], &[]).unwrap();
        assert_eq!(doc.text(), "r:\n  - a\n        \ns:\n  - maand: |-\n      twee\n      regels");
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
        // A file without a final line break stays so.
        let mut doc = YamlText::new("naam: X");
        doc.insert_mapping_item("fasen", None, &[("fase", "Initiatiefase")], &[]).unwrap();
        assert_eq!(doc.text(), "naam: X\nfasen:\n  - fase: Initiatiefase");
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
