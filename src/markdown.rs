//! Markdown texts from the data, converted to each output format.
//!
//! One parse (comrak) and four writers: Markdown (normalised), HTML, typst markup and plain text.
//! Raw HTML in the data is turned into literal text before any writer sees it, and the typst
//! writer escapes every character that typst would read as markup or code: text from YAML is data.

use comrak::nodes::{AstNode, ListType, NodeValue};
use comrak::{Arena, Options};
use std::collections::HashMap;
use std::fmt::Write as _;

/// The comrak options of every Markdown text from the data (tables, footnotes, strikethrough,
/// autolinks), shared by these writers and by the document tree ([`crate::doc::markdown`]).
pub(crate) fn options() -> Options<'static> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.footnotes = true;
    o.extension.strikethrough = true;
    o.extension.autolink = true;
    o.render.width = 0;
    o.render.experimental_minimize_commonmark = true;
    o
}

/// A short stable tag for a text, used to keep footnote ids of different fields apart.
fn tag(text: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(text.as_bytes());
    digest[..4].iter().map(|b| format!("{b:02x}")).collect()
}

/// Parse a Markdown text from the data: raw HTML becomes the literal text it is, footnote labels
/// get a prefix unique to the text (so that two texts' `[^1]` stay apart in one document).
pub(crate) fn parse<'a>(arena: &'a Arena<'a>, text: &str) -> &'a AstNode<'a> {
    let root = comrak::parse_document(arena, text, &options());
    let prefix = tag(text);
    for node in root.descendants() {
        let mut data = node.data_mut();
        match &mut data.value {
            // Raw HTML is shown as the text it is.
            NodeValue::HtmlInline(raw) => {
                let raw = std::mem::take(raw);
                data.value = NodeValue::Text(raw.into());
            }
            NodeValue::HtmlBlock(block) => {
                let raw = std::mem::take(&mut block.literal);
                data.value = NodeValue::Paragraph;
                drop(data);
                let text = arena.alloc(AstNode::from(NodeValue::Text(raw.trim_end().to_string().into())));
                node.append(text);
            }
            NodeValue::FootnoteReference(r) => r.name = format!("{prefix}-{}", r.name),
            NodeValue::FootnoteDefinition(d) => d.name = format!("{prefix}-{}", d.name),
            _ => {}
        }
    }
    root
}

/// A link or image in a Markdown text, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub image: bool,
    pub url: String,
}

/// Every link and image target of a Markdown text, in order (for validation: the writers drop a
/// link that is not a web or mail address, and the documents may show no image from elsewhere).
pub fn targets(text: &str) -> Vec<Target> {
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, text, &options());
    root.descendants()
        .filter_map(|n| match &n.data().value {
            NodeValue::Link(l) => Some(Target { image: false, url: l.url.clone() }),
            NodeValue::Image(l) => Some(Target { image: true, url: l.url.clone() }),
            _ => None,
        })
        .collect()
}

/// Where an abbreviation links to: the document's glossary section ("Afkortingen").
pub const GLOSSARY_ANCHOR: &str = "#afkortingen";

/// The abbreviations of a document's glossary, with their meaning: every whole-word occurrence
/// (matched case-insensitively, as a reader reads a glossary) becomes a link to the glossary.
/// Empty for a document without one.
pub type Glossary<'g> = &'g [(String, String)];

/// A text split into its glossary abbreviations (whole words, matched case-insensitively), each
/// with its meaning, and the plain text between them; every character is kept, in order.
pub(crate) fn split_abbreviations(text: &str, glossary: Glossary) -> Vec<(String, Option<String>)> {
    let meaning = |w: &str| glossary.iter().find(|(a, _)| a.eq_ignore_ascii_case(w)).map(|(_, m)| m.clone());
    let mut pieces: Vec<(String, Option<String>)> = Vec::new();
    let mut plain = String::new();
    let mut word = String::new();
    let flush_word = |word: &mut String, plain: &mut String, pieces: &mut Vec<(String, Option<String>)>| {
        if word.is_empty() {
            return;
        }
        match meaning(word) {
            Some(m) => {
                if !plain.is_empty() {
                    pieces.push((std::mem::take(plain), None));
                }
                pieces.push((std::mem::take(word), Some(m)));
            }
            None => plain.push_str(&std::mem::take(word)),
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush_word(&mut word, &mut plain, &mut pieces);
            plain.push(c);
        }
    }
    flush_word(&mut word, &mut plain, &mut pieces);
    if !plain.is_empty() {
        pieces.push((plain, None));
    }
    pieces
}

/// Turn glossary abbreviations in text nodes into links to the glossary (not inside links,
/// code or headings).
fn link_abbreviations<'a>(arena: &'a Arena<'a>, root: &'a AstNode<'a>, glossary: Glossary, titles: bool) {
    if glossary.is_empty() {
        return;
    }
    let texts: Vec<&'a AstNode<'a>> = root
        .descendants()
        .filter(|n| matches!(n.data().value, NodeValue::Text(_)))
        .filter(|n| {
            !n.ancestors().skip(1).any(|a| {
                matches!(
                    a.data().value,
                    NodeValue::Link(_) | NodeValue::Image(_) | NodeValue::Heading(_) | NodeValue::Code(_)
                )
            })
        })
        .collect();
    for node in texts {
        let text = match &node.data().value {
            NodeValue::Text(t) => t.to_string(),
            _ => continue,
        };
        let pieces = split_abbreviations(&text, glossary);
        if pieces.iter().all(|(_, m)| m.is_none()) {
            continue;
        }
        for (piece, meaning) in pieces {
            let text = arena.alloc(AstNode::from(NodeValue::Text(piece.into())));
            match meaning {
                Some(m) => {
                    let link = arena.alloc(AstNode::from(NodeValue::Link(Box::new(comrak::nodes::NodeLink {
                        url: GLOSSARY_ANCHOR.to_string(),
                        title: if titles { m } else { String::new() },
                    }))));
                    link.append(text);
                    node.insert_before(link);
                }
                None => node.insert_before(text),
            }
        }
        node.detach();
    }
}

/// Normalised CommonMark/GFM (raw HTML neutralised, footnote labels made unique per text).
pub fn to_markdown(text: &str) -> String {
    to_markdown_with(text, &[])
}

/// Markdown, with the glossary's abbreviations linked to it.
pub fn to_markdown_with(text: &str, glossary: Glossary) -> String {
    let arena = Arena::new();
    let root = parse(&arena, text);
    // The meaning stays out of the Markdown source, which people read as it is.
    link_abbreviations(&arena, root, glossary, false);
    let mut out = String::new();
    let _ = comrak::format_commonmark(root, &options(), &mut out);
    out.trim_end().to_string()
}

/// An HTML fragment.
pub fn to_html(text: &str) -> String {
    to_html_with(text, &[])
}

/// HTML, with the glossary's abbreviations linked to it (their meaning as the link's title).
pub fn to_html_with(text: &str, glossary: Glossary) -> String {
    let arena = Arena::new();
    let root = parse(&arena, text);
    link_abbreviations(&arena, root, glossary, true);
    let mut out = String::new();
    let _ = comrak::format_html(root, &options(), &mut out);
    // Header cells of a table (comrak writes them only in its header row) say what they head.
    out.replace("<th>", "<th scope=\"col\">").replace("<th align=", "<th scope=\"col\" align=").trim_end().to_string()
}

/// Typst markup. Footnote references become `#footnote[...]` at their place.
pub fn to_typst(text: &str) -> String {
    to_typst_with(text, &[])
}

/// Typst markup, with the glossary's abbreviations linked to the label `<afkortingen>`, which a
/// document with a glossary puts on its heading.
pub fn to_typst_with(text: &str, glossary: Glossary) -> String {
    let arena = Arena::new();
    let root = parse(&arena, text);
    link_abbreviations(&arena, root, glossary, true);
    let glossary_links = !glossary.is_empty();
    let mut notes = HashMap::new();
    for node in root.descendants() {
        if let NodeValue::FootnoteDefinition(d) = &node.data().value {
            notes.insert(d.name.clone(), node);
        }
    }
    let mut w = TypstWriter { out: String::new(), notes, glossary_links };
    w.blocks(root);
    w.out.trim().to_string()
}

/// Escape plain text for typst markup: every character with a meaning in markup is escaped.
pub fn typst_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut only_digits = true;
    for c in text.chars() {
        match c {
            '\\' | '#' | '$' | '*' | '_' | '`' | '<' | '>' | '@' | '[' | ']' | '=' | '-' | '+' | '/' | '~' | '{'
            | '}' | '"' | '\'' => {
                out.push('\\');
                out.push(c);
            }
            '.' if only_digits && !out.is_empty() => out.push_str("\\."),
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
        if !c.is_ascii_digit() {
            only_digits = false;
        }
    }
    out
}

/// A typst string literal (for URLs and raw text).
pub fn typst_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push_str("\\t"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

struct TypstWriter<'a> {
    out: String,
    notes: HashMap<String, &'a AstNode<'a>>,
    /// The document has a glossary labelled `<afkortingen>`: links to it are kept.
    glossary_links: bool,
}

impl<'a> TypstWriter<'a> {
    fn blocks(&mut self, node: &'a AstNode<'a>) {
        for child in node.children() {
            self.block(child);
        }
    }

    fn block(&mut self, node: &'a AstNode<'a>) {
        let value = node.data().value.clone();
        match value {
            NodeValue::Paragraph => {
                self.inlines(node);
                self.out.push_str("\n\n");
            }
            NodeValue::Heading(h) => {
                let _ = write!(self.out, "#koers-subheading(level: {})[", h.level);
                self.inlines(node);
                self.out.push_str("]\n\n");
            }
            NodeValue::List(l) => {
                match l.list_type {
                    ListType::Bullet => self.out.push_str("#list("),
                    ListType::Ordered => {
                        let _ = write!(self.out, "#enum(start: {}, ", l.start);
                    }
                }
                for item in node.children() {
                    self.out.push('[');
                    self.item(item);
                    self.out.push_str("], ");
                }
                self.out.push_str(")\n\n");
            }
            NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) => {
                self.out.push_str("#quote(block: true)[");
                self.blocks(node);
                self.out.push_str("]\n\n");
            }
            NodeValue::CodeBlock(c) => {
                let _ = write!(self.out, "#raw(block: true, {})\n\n", typst_string(&c.literal));
            }
            NodeValue::ThematicBreak => self.out.push_str("#line(length: 100%, stroke: 0.5pt + luma(180))\n\n"),
            NodeValue::Table(t) => {
                let _ = write!(self.out, "#koers-md-table(columns: {}, ", t.num_columns);
                for row in node.children() {
                    let header = matches!(row.data().value, NodeValue::TableRow(true));
                    if header {
                        self.out.push_str("table.header(");
                    }
                    for cell in row.children() {
                        self.out.push('[');
                        self.inlines(cell);
                        self.out.push_str("], ");
                    }
                    if header {
                        self.out.push_str("), ");
                    }
                }
                self.out.push_str(")\n\n");
            }
            NodeValue::FootnoteDefinition(_) => {} // rendered at the reference
            _ => self.blocks(node),
        }
    }

    /// A list item: a single paragraph stays inline, several blocks stay blocks.
    fn item(&mut self, item: &'a AstNode<'a>) {
        let children: Vec<_> = item.children().collect();
        if let [only] = children.as_slice()
            && matches!(only.data().value, NodeValue::Paragraph)
        {
            self.inlines(only);
            return;
        }
        self.blocks(item);
        let trimmed = self.out.trim_end().len();
        self.out.truncate(trimmed);
    }

    fn inlines(&mut self, node: &'a AstNode<'a>) {
        for child in node.children() {
            self.inline(child);
        }
    }

    fn inline(&mut self, node: &'a AstNode<'a>) {
        let value = node.data().value.clone();
        match value {
            NodeValue::Text(t) => self.out.push_str(&typst_escape(&t)),
            NodeValue::SoftBreak => self.out.push(' '),
            NodeValue::LineBreak => self.out.push_str("#linebreak()"),
            NodeValue::Code(c) => {
                let _ = write!(self.out, "#raw({})", typst_string(&c.literal));
            }
            NodeValue::Emph => self.wrap("#emph[", node),
            NodeValue::Strong => self.wrap("#strong[", node),
            NodeValue::Strikethrough => self.wrap("#strike[", node),
            NodeValue::Link(l) => {
                if l.url.starts_with("http://") || l.url.starts_with("https://") || l.url.starts_with("mailto:") {
                    let _ = write!(self.out, "#link({})[", typst_string(&l.url));
                    self.inlines(node);
                    self.out.push(']');
                } else if self.glossary_links && l.url == GLOSSARY_ANCHOR {
                    self.out.push_str("#link(<afkortingen>)[");
                    self.inlines(node);
                    self.out.push(']');
                } else {
                    self.inlines(node);
                }
            }
            NodeValue::Image(_) => self.inlines(node),
            NodeValue::FootnoteReference(r) => {
                if let Some(def) = self.notes.get(&r.name).copied() {
                    self.out.push_str("#footnote[");
                    let start = self.out.len();
                    self.blocks(def);
                    let body = self.out[start..].trim().to_string();
                    self.out.truncate(start);
                    self.out.push_str(&body);
                    self.out.push(']');
                }
            }
            _ => self.inlines(node),
        }
    }

    fn wrap(&mut self, open: &str, node: &'a AstNode<'a>) {
        self.out.push_str(open);
        self.inlines(node);
        self.out.push(']');
    }
}

/// Plain text for the e-mail's text alternative: paragraphs wrapped at `width`, lists with
/// "- ", links written out as "text (url)", footnotes as "[1]" with the notes at the end.
pub fn to_plain(text: &str, width: usize) -> String {
    let arena = Arena::new();
    let root = parse(&arena, text);
    let mut blocks: Vec<String> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    plain_blocks(root, width, "", &mut blocks, &mut notes);
    for (i, n) in notes.iter().enumerate() {
        blocks.push(textwrap::fill(&format!("[{}] {n}", i + 1), width));
    }
    blocks.join("\n\n")
}

fn plain_blocks<'a>(node: &'a AstNode<'a>, width: usize, indent: &str, out: &mut Vec<String>, notes: &mut Vec<String>) {
    for child in node.children() {
        let value = child.data().value.clone();
        match value {
            NodeValue::Paragraph | NodeValue::Heading(_) => {
                let text = plain_inlines(child, notes);
                let opts = textwrap::Options::new(width).initial_indent(indent).subsequent_indent(indent);
                out.push(textwrap::fill(&text, opts));
            }
            NodeValue::List(l) => {
                let mut items = Vec::new();
                for (i, item) in child.children().enumerate() {
                    let marker = match l.list_type {
                        ListType::Bullet => "- ".to_string(),
                        ListType::Ordered => format!("{}. ", l.start + i),
                    };
                    let first = format!("{indent}{marker}");
                    let rest = " ".repeat(first.chars().count());
                    // Each paragraph of the item on its own, indented under the marker.
                    let paragraphs: Vec<String> = item
                        .children()
                        .enumerate()
                        .map(|(j, c)| {
                            let start = if j == 0 { first.as_str() } else { rest.as_str() };
                            let opts = textwrap::Options::new(width).initial_indent(start).subsequent_indent(&rest);
                            textwrap::fill(&plain_inlines(c, notes), opts)
                        })
                        .collect();
                    items.push(paragraphs.join("\n\n"));
                }
                out.push(items.join("\n"));
            }
            NodeValue::FootnoteDefinition(_) => {}
            NodeValue::Table(_) => {
                let rows: Vec<String> = child
                    .children()
                    .map(|row| row.children().map(|c| plain_inlines(c, notes)).collect::<Vec<_>>().join(" | "))
                    .collect();
                out.push(rows.join("\n"));
            }
            _ => plain_blocks(child, width, indent, out, notes),
        }
    }
}

fn plain_inlines<'a>(node: &'a AstNode<'a>, notes: &mut Vec<String>) -> String {
    let mut s = String::new();
    for child in node.descendants().skip(1) {
        let value = child.data().value.clone();
        match value {
            NodeValue::Text(t)
                // text inside a link is written by the link itself
                if !child
                    .ancestors()
                    .any(|a| matches!(a.data().value, NodeValue::Link(_) | NodeValue::FootnoteDefinition(_)))
                => {
                    s.push_str(&t);
                }
            NodeValue::Code(c) => s.push_str(&c.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => s.push(' '),
            NodeValue::Link(l) => {
                let label: String = child
                    .descendants()
                    .filter_map(|d| match &d.data().value {
                        NodeValue::Text(t) => Some(t.to_string()),
                        _ => None,
                    })
                    .collect();
                if label.is_empty() || label == l.url || format!("mailto:{label}") == l.url {
                    s.push_str(&l.url);
                } else {
                    let _ = write!(s, "{label} ({})", l.url);
                }
            }
            NodeValue::FootnoteReference(r) => {
                let root = child.ancestors().last().unwrap_or(child);
                let text = root
                    .descendants()
                    .find(|d| matches!(&d.data().value, NodeValue::FootnoteDefinition(def) if def.name == r.name))
                    .map(|def| def.children().map(|c| plain_inlines(c, &mut Vec::new())).collect::<Vec<_>>().join(" "))
                    .unwrap_or_default();
                notes.push(text);
                let _ = write!(s, "[{}]", notes.len());
            }
            _ => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typst_cannot_be_injected() {
        let t = to_typst("Hallo #set page(fill: red) en $x$ // comment [link](javascript:alert(1)) <b>x</b> **vet**");
        assert!(!t.replace("\\#", "").contains("#set"), "unescaped code: {t}");
        assert!(t.contains("\\#set page(fill: red)"), "{t}");
        assert!(t.contains("\\$x\\$"));
        assert!(t.contains("\\/\\/ comment"));
        assert!(!t.contains("javascript"), "non-web links are dropped: {t}");
        assert_eq!(
            targets("[a](javascript:x) ![b](https://example.org/b.png)"),
            [
                Target { image: false, url: "javascript:x".into() },
                Target { image: true, url: "https://example.org/b.png".into() }
            ]
        );
        assert!(t.contains("\\<b\\>x\\<\\/b\\>"), "{t}");
        assert!(t.contains("#strong[vet]"));
    }

    #[test]
    fn html_in_data_is_text() {
        let h = to_html("Een <script>alert(1)</script> test\n\n<div onclick=\"x\">blok</div>\n");
        assert!(!h.contains("<script>"), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
        assert!(!h.contains("<div"), "{h}");
    }

    #[test]
    fn footnotes_become_typst_footnotes() {
        let t = to_typst("Tekst[^1] verder.\n\n[^1]: De noot.\n");
        assert_eq!(t, "Tekst#footnote[De noot.] verder.");
    }

    #[test]
    fn lists_and_plain_text() {
        let t = to_typst("- een\n- twee\n");
        assert_eq!(t, "#list([een], [twee], )");
        let p = to_plain("Lees [meer](https://www.twentsekoers.nl) hier.\n\n- een\n- twee", 72);
        assert_eq!(p, "Lees meer (https://www.twentsekoers.nl) hier.\n\n- een\n- twee");
        let p = to_plain("- een\n\n  nog een alinea\n- twee", 72);
        assert_eq!(p, "- een\n\n  nog een alinea\n- twee", "paragraphs of a list item stay paragraphs");
    }

    #[test]
    fn enumeration_at_paragraph_start_is_escaped() {
        assert_eq!(typst_escape("2024. Een jaar"), "2024\\. Een jaar");
        assert_eq!(typst_escape("Op 5. mei"), "Op 5. mei");
    }
}
