//! A Markdown text from the data, parsed once (comrak) into blocks of the document tree.
//!
//! The same parse and the same safety as [`crate::core::markdown`]: raw HTML becomes the literal text it
//! is, a link to anything but a web or mail address keeps only its text, an image only its
//! description; footnotes become [`Inline::Footnote`] at their reference; the glossary's
//! abbreviations (whole words, case-insensitive, not in links, code or headings) become
//! [`Inline::Abbreviation`].

use super::{Align, Block, Column, Inline, ListStyle, ParagraphStyle, Row, RowStyle, Table};
use crate::core::markdown::{Glossary, parse, split_abbreviations};
use comrak::Arena;
use comrak::nodes::{AstNode, ListType, NodeValue, TableAlignment};
use std::collections::{HashMap, HashSet};

/// The glossary's anchor, the target of every abbreviation.
pub const GLOSSARY_ANCHOR: &str = "afkortingen";

/// How a text is placed in its document.
#[derive(Debug, Clone, Copy)]
pub struct Context<'g> {
    /// The abbreviations to link to the glossary, with their meaning (empty: none).
    pub glossary: Glossary<'g>,
    /// The level the text's highest headings get (their `#`s as written do not matter, only how
    /// they nest; at most 6): the text's own headings sit below the heading of its section.
    pub heading_level: u8,
}

impl Default for Context<'_> {
    fn default() -> Self {
        Context { glossary: &[], heading_level: 3 }
    }
}

/// The blocks of a Markdown text.
pub fn blocks(text: &str, cx: &Context) -> Vec<Block> {
    let arena = Arena::new();
    let root = parse(&arena, text);
    let mut notes = HashMap::new();
    for node in root.descendants() {
        if let NodeValue::FootnoteDefinition(d) = &node.data().value {
            notes.insert(d.name.clone(), node);
        }
    }
    let top = root
        .descendants()
        .filter_map(|n| match &n.data().value {
            NodeValue::Heading(h) => Some(h.level),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let mut c = Converter { cx, notes, given: HashSet::new(), top };
    c.blocks(root)
}

/// The inlines of a one-paragraph Markdown text (a result line, a table cell): the paragraphs'
/// inlines, joined by a line break when there are several; other blocks keep their text.
pub fn inlines(text: &str, cx: &Context) -> Vec<Inline> {
    let mut out = Vec::new();
    for b in blocks(text, cx) {
        if !out.is_empty() {
            out.push(Inline::LineBreak);
        }
        match b {
            Block::Paragraph { content, .. } | Block::Heading { content, .. } => out.extend(content),
            other => {
                let mut texts = Vec::new();
                super::blocks_texts(std::slice::from_ref(&other), &mut texts);
                out.push(Inline::text(texts.join(" ")));
            }
        }
    }
    out
}

struct Converter<'a, 'c, 'g> {
    cx: &'c Context<'g>,
    notes: HashMap<String, &'a AstNode<'a>>,
    /// The footnotes given so far: a further reference to one is a [`Inline::FootnoteRef`].
    given: HashSet<String>,
    /// The level of the text's highest heading as written.
    top: u8,
}

impl<'a> Converter<'a, '_, '_> {
    fn blocks(&mut self, node: &'a AstNode<'a>) -> Vec<Block> {
        let mut out = Vec::new();
        for child in node.children() {
            self.block(child, &mut out);
        }
        out
    }

    fn block(&mut self, node: &'a AstNode<'a>, out: &mut Vec<Block>) {
        let value = node.data().value.clone();
        match value {
            NodeValue::Paragraph => {
                let content = self.inlines(node, false);
                if !content.is_empty() {
                    out.push(Block::Paragraph { style: ParagraphStyle::Body, content });
                }
            }
            NodeValue::Heading(h) => {
                let level = (self.cx.heading_level as usize + (h.level - self.top) as usize).clamp(1, 6) as u8;
                let content = self.inlines(node, true);
                out.push(Block::Heading { level, content, anchor: None, outlined: false, kicker: None });
            }
            NodeValue::List(l) => {
                let items = node.children().map(|item| self.blocks(item)).collect();
                out.push(Block::List {
                    ordered: l.list_type == ListType::Ordered,
                    start: if l.list_type == ListType::Ordered { l.start as u64 } else { 1 },
                    style: ListStyle::Default,
                    items,
                });
            }
            NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) => {
                out.push(Block::Quote { content: self.blocks(node) });
            }
            NodeValue::CodeBlock(c) => {
                out.push(Block::Code { text: c.literal.trim_end_matches('\n').to_string() });
            }
            NodeValue::ThematicBreak => out.push(Block::Rule),
            NodeValue::Table(t) => {
                let mut rows = node.children();
                let header = rows.next();
                let header_cells: Vec<Vec<Inline>> =
                    header.map(|h| h.children().map(|c| self.inlines(c, false)).collect()).unwrap_or_default();
                let columns = (0..t.num_columns)
                    .map(|i| Column {
                        header: header_cells.get(i).cloned().unwrap_or_default(),
                        align: match t.alignments.get(i) {
                            Some(TableAlignment::Left) => Align::Left,
                            Some(TableAlignment::Center) => Align::Center,
                            Some(TableAlignment::Right) => Align::Right,
                            _ => Align::Default,
                        },
                        numeric: false,
                    })
                    .collect();
                let rows = rows
                    .map(|row| Row {
                        style: RowStyle::Normal,
                        cells: row
                            .children()
                            .map(|c| {
                                let content = self.inlines(c, false);
                                if content.is_empty() { Vec::new() } else { vec![Block::paragraph(content)] }
                            })
                            .collect(),
                    })
                    .collect();
                out.push(Block::Table(Table { caption: None, columns, row_headers: false, rows, side_by_side: false }));
            }
            // Given at the reference.
            NodeValue::FootnoteDefinition(_) => {}
            _ => {
                for child in node.children() {
                    self.block(child, out);
                }
            }
        }
    }

    /// The inlines of a node; `plain`: no abbreviation links (in headings, links, code).
    fn inlines(&mut self, node: &'a AstNode<'a>, plain: bool) -> Vec<Inline> {
        let mut out = Vec::new();
        for child in node.children() {
            self.inline(child, plain, &mut out);
        }
        merge_texts(out)
    }

    fn inline(&mut self, node: &'a AstNode<'a>, plain: bool, out: &mut Vec<Inline>) {
        let value = node.data().value.clone();
        match value {
            NodeValue::Text(t) => self.text(&t, plain, out),
            NodeValue::SoftBreak => out.push(Inline::text(" ")),
            NodeValue::LineBreak => out.push(Inline::LineBreak),
            NodeValue::Code(c) => out.push(Inline::Code { text: c.literal.clone() }),
            NodeValue::Emph => out.push(Inline::Emphasis { content: self.inlines(node, plain) }),
            NodeValue::Strong => out.push(Inline::Strong { content: self.inlines(node, plain) }),
            NodeValue::Strikethrough => out.push(Inline::Strikethrough { content: self.inlines(node, plain) }),
            NodeValue::Link(l) => {
                let content = self.inlines(node, true);
                if crate::core::url::is_web_address(&l.url) {
                    out.push(Inline::Link { url: l.url.trim().to_string(), content });
                } else {
                    out.extend(content);
                }
            }
            // An image from elsewhere is never shown: its description stands in.
            NodeValue::Image(_) => out.extend(self.inlines(node, true)),
            NodeValue::FootnoteReference(r) => {
                if self.given.contains(&r.name) {
                    out.push(Inline::FootnoteRef { id: r.name.clone() });
                } else if let Some(def) = self.notes.get(&r.name).copied() {
                    self.given.insert(r.name.clone());
                    let content = self.blocks(def);
                    out.push(Inline::Footnote { id: r.name.clone(), content });
                }
            }
            _ => {
                for child in node.children() {
                    self.inline(child, plain, out);
                }
            }
        }
    }

    fn text(&self, text: &str, plain: bool, out: &mut Vec<Inline>) {
        if plain || self.cx.glossary.is_empty() {
            out.push(Inline::text(text));
            return;
        }
        for (piece, meaning) in split_abbreviations(text, self.cx.glossary) {
            match meaning {
                Some(meaning) => {
                    out.push(Inline::Abbreviation { short: piece, meaning, anchor: GLOSSARY_ANCHOR.to_string() })
                }
                None => out.push(Inline::text(piece)),
            }
        }
    }
}

/// Adjacent text runs as one.
fn merge_texts(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for i in inlines {
        match (out.last_mut(), i) {
            (Some(Inline::Text { text: last }), Inline::Text { text }) => last.push_str(&text),
            (_, Inline::Text { text }) if text.is_empty() => {}
            (_, i) => out.push(i),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::doc::text;

    fn glossary() -> Vec<(String, String)> {
        vec![("GGD".into(), "Gemeentelijke Gezondheidsdienst".into())]
    }

    #[test]
    fn raw_html_is_text_and_unsafe_links_keep_their_text() {
        let b = blocks(
            "Een <script>alert(1)</script> [klik](javascript:alert(1)) en [web](https://x.nl)",
            &Context::default(),
        );
        assert_eq!(
            b,
            vec![Block::paragraph(vec![
                Inline::text("Een <script>alert(1)</script> klik en "),
                Inline::Link { url: "https://x.nl".into(), content: text("web") },
            ])]
        );
        let b = blocks("<div onclick=\"x\">blok</div>\n", &Context::default());
        assert_eq!(b, vec![Block::paragraph(text("<div onclick=\"x\">blok</div>"))]);
    }

    #[test]
    fn footnotes_are_notes_at_their_reference_and_further_references_refer_to_them() {
        let b = blocks("Tekst[^1] en nog eens[^1].\n\n[^1]: De noot.\n", &Context::default());
        let [Block::Paragraph { content, .. }] = b.as_slice() else { panic!("{b:?}") };
        let [
            Inline::Text { .. },
            Inline::Footnote { id, content: note },
            Inline::Text { .. },
            Inline::FootnoteRef { id: again },
            Inline::Text { .. },
        ] = content.as_slice()
        else {
            panic!("{content:?}")
        };
        assert_eq!(id, again);
        assert_eq!(note, &vec![Block::paragraph(text("De noot."))]);
    }

    #[test]
    fn abbreviations_link_to_the_glossary_but_not_in_headings_or_links() {
        let g = glossary();
        let cx = Context { glossary: &g, heading_level: 4 };
        let b = blocks("### De GGD\n\nDe ggd en [GGD](https://ggd.nl).\n\n#### Verder", &cx);
        assert_eq!(
            b,
            vec![
                Block::Heading { level: 4, content: text("De GGD"), anchor: None, outlined: false, kicker: None },
                Block::paragraph(vec![
                    Inline::text("De "),
                    Inline::Abbreviation {
                        short: "ggd".into(),
                        meaning: "Gemeentelijke Gezondheidsdienst".into(),
                        anchor: "afkortingen".into()
                    },
                    Inline::text(" en "),
                    Inline::Link { url: "https://ggd.nl".into(), content: text("GGD") },
                    Inline::text("."),
                ]),
                Block::Heading { level: 5, content: text("Verder"), anchor: None, outlined: false, kicker: None },
            ]
        );
    }

    #[test]
    fn lists_tables_and_emphasis() {
        let b = blocks(
            "3. een **vet** _schuin_ ~~weg~~\n4. twee\n\n| a | b |\n|---|--:|\n| 1 | `2` |\n",
            &Context::default(),
        );
        assert_eq!(b.len(), 2);
        let Block::List { ordered: true, start: 3, items, .. } = &b[0] else { panic!("{b:?}") };
        assert_eq!(
            items[0],
            vec![Block::paragraph(vec![
                Inline::text("een "),
                Inline::Strong { content: text("vet") },
                Inline::text(" "),
                Inline::Emphasis { content: text("schuin") },
                Inline::text(" "),
                Inline::Strikethrough { content: text("weg") },
            ])]
        );
        let Block::Table(t) = &b[1] else { panic!() };
        assert_eq!(t.columns[1].align, Align::Right);
        assert_eq!(t.columns[0].header, text("a"));
        assert_eq!(t.rows[0].cells[1], vec![Block::paragraph(vec![Inline::Code { text: "2".into() }])]);
    }
}
