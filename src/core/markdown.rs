//! Markdown texts from the data, converted to each output format.
//!
//! One parse (comrak) and four writers: Markdown (normalised), HTML, typst markup and plain text.
//! Raw HTML in the data is turned into literal text before any writer sees it, and the typst
//! writer escapes every character that typst would read as markup or code: text from YAML is data.

use comrak::nodes::{AstNode, ListType, NodeValue};
use comrak::{Arena, Options};
use std::fmt::Write as _;

/// The comrak options of every Markdown text from the data (tables, footnotes, strikethrough,
/// autolinks), shared by these writers and by the document tree ([`crate::render::doc::markdown`]).
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
    fn only_web_and_mail_links_are_targets() {
        assert_eq!(
            targets("[a](javascript:x) ![b](https://example.org/b.png)"),
            [
                Target { image: false, url: "javascript:x".into() },
                Target { image: true, url: "https://example.org/b.png".into() }
            ]
        );
    }

    #[test]
    fn html_in_data_is_text() {
        let h = to_html("Een <script>alert(1)</script> test\n\n<div onclick=\"x\">blok</div>\n");
        assert!(!h.contains("<script>"), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
        assert!(!h.contains("<div"), "{h}");
    }

    #[test]
    fn lists_and_plain_text() {
        let p = to_plain("Lees [meer](https://www.twentsekoers.nl) hier.\n\n- een\n- twee", 72);
        assert_eq!(p, "Lees meer (https://www.twentsekoers.nl) hier.\n\n- een\n- twee");
        let p = to_plain("- een\n\n  nog een alinea\n- twee", 72);
        assert_eq!(p, "- een\n\n  nog een alinea\n- twee", "paragraphs of a list item stay paragraphs");
    }
}
